package read

import (
	"strings"
	"unicode"
)

// splitRoleName splits label words into a role and a name: the name is the
// run of words at the end that are not titles, honorifics or connectors
// ("Acting NATO Spokesperson | Dylan White", "Foreign Minister of Ukraine |
// Dmytro Kuleba"). ALL-CAPS words are title-cased.
func splitRoleName(label string, lex *vocab) (role, name string) {
	words := strings.Fields(label)
	caps := !hasLower(label)
	var kept []string
	for i, w := range words {
		bare := strings.ToLower(strings.Trim(w, ".,"))
		if lex.honorifics[bare] || i == 0 && bare == "the" {
			continue
		}
		kept = append(kept, strings.TrimRight(w, ","))
	}
	n := len(kept)
	start := n
	for start > 1 && atLower(lex.suffixes, strings.Trim(kept[start-1], ".,")) {
		start-- // "Lloyd J. Austin III": a suffix is no acronym
	}
	for start > 0 {
		w := kept[start-1]
		bare := strings.Trim(w, ".")
		if lex.IsTitle(bare) || atLower(lex.connectors, bare) || !caps && isAcronym(bare) {
			break
		}
		start--
	}
	for start < n && atLower(lex.connectors, kept[start]) {
		start++ // a name does not start with "of", but may with "von" ("von der Leyen")
	}
	if start > 0 && start < n && atLower(lex.connectors, kept[start-1]) {
		start++ // "Minister of Ukraine Dmytro Kuleba": "Ukraine" belongs to the role, and so does "Malta" in "Representative of Malta"
	}
	roleWords, nameWords := kept[:start], kept[start:]
	if caps {
		roleWords, nameWords = titleWords(roleWords, lex), titleWords(nameWords, lex)
	}
	return strings.Join(roleWords, " "), strings.Join(nameWords, " ")
}

// labelRoleName splits a speaker label into title and name as
// splitRoleName does, and then keeps organisation and common words out of a
// name of two or more words: "Head of the Federal Taxation Service Mikhail
// Mishustin" is Mikhail Mishustin, Head of the Federal Taxation Service. (A
// byline is not split so: its name may run on into words the byline reader
// trims, "Ali Zaidi En Route Grand Canyon Village".)
func labelRoleName(label string, lex *vocab) (role, name string) {
	role, name = splitRoleName(label, lex)
	words := strings.Fields(name)
	cut := 0
	for k := len(words) - 3; k >= 0; k-- {
		if bare := strings.Trim(words[k], ".,"); lex.IsOrgWord(bare) || lex.IsCommon(bare) {
			cut = k + 1
			break
		}
	}
	if cut == 0 {
		return role, name
	}
	return strings.TrimSpace(role + " " + strings.Join(words[:cut], " ")), strings.Join(words[cut:], " ")
}

// isAcronym reports an all-capital word of two or more letters (NATO, EU).
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleWords title-cases ALL-CAPS words, keeping dotted acronyms (U.S.) and
// short words the lexicon knows in capitals.
func titleWords(ws []string, lex *vocab) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		low := strings.ToLower(w)
		switch {
		case strings.Count(w, ".") >= 2 || lex.keepCaps[w] || lex.suffixes[low] && isRoman(w):
			out[i] = w // "U.S.", "NATO", "III"
		case i > 0 && lex.connectors[low]:
			out[i] = low // "Secretary of Defense"
		default:
			out[i] = titleCase(w)
		}
	}
	return out
}

// isRoman reports whether w is written in the capitals of roman numerals
// ("III", "IV").
func isRoman(w string) bool {
	return w != "" && strings.Trim(w, "IVX") == ""
}

// titleCase turns "O'BRIEN-SMITH" into "O'Brien-Smith".
func titleCase(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '\'' || r == '\u2019' || r == '.'
	}
	return b.String()
}

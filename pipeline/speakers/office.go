package speakers

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/turntag/turntag/lexicon"
)

// people indexes the lexicon's people for speaker resolution: by folded
// surname, and the holders of offices.
type people struct {
	suffixes  map[string]bool               // name suffixes (Jr, III), passed over to find the surname
	bySurname map[string][]*lexicon.Entry   // folded last word of the name -> people
	holdersBy map[string][]*lexicon.Entry   // folded last word of the name -> people with offices, in the lexicon's order
	holdersOf map[titleKey][]*lexicon.Entry // an office's country and folded title -> the people who held it, in the lexicon's order
	siteOf    map[string]string             // organisations' web hosts -> the country of the first with it
}

// newPeople builds the index of a compiled lexicon.
func newPeople(lex *lexicon.Lexicon) *people {
	p := &people{bySurname: map[string][]*lexicon.Entry{}, holdersBy: map[string][]*lexicon.Entry{},
		holdersOf: map[titleKey][]*lexicon.Entry{}, siteOf: map[string]string{}, suffixes: lex.Words(lexicon.NameSuffixes)}
	for _, e := range lex.Sorted(0) {
		switch e.Type {
		case lexicon.Person:
			ws := nameWords(e.Name, p.suffixes)
			if len(ws) >= 2 {
				last := ws[len(ws)-1]
				p.bySurname[last] = append(p.bySurname[last], e)
			}
			if len(e.Offices) > 0 {
				for _, o := range e.Offices {
					k := titleKey{o.Country, foldTitle(o.Title)}
					if held := p.holdersOf[k]; len(held) == 0 || held[len(held)-1] != e {
						p.holdersOf[k] = append(held, e)
					}
				}
				if len(ws) > 0 {
					last := ws[len(ws)-1]
					p.holdersBy[last] = append(p.holdersBy[last], e)
				}
			}
		case lexicon.Organisation:
			for _, h := range e.Sites {
				h = strings.ToLower(strings.TrimSpace(h))
				if _, ok := p.siteOf[h]; !ok && h != "" { // no host is under no host
					p.siteOf[h] = e.Country
				}
			}
		}
	}
	return p
}

// nameWords folds a name into its words as labels write them, split at
// white space only, so that a hyphenated surname stays one word ("Karine
// Jean-Pierre" gives "karine", "jean-pierre"); name suffixes ("Jr.") are
// dropped.
func nameWords(name string, suffixes map[string]bool) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if k := lexicon.FoldKey(strings.Trim(w, ".,")); k != "" && !suffixes[k] {
			out = append(out, k)
		}
	}
	return out
}

// holder returns the person who held the office title in country on date
// (ISO 8601), with surname, when given, as the last word of the name.
func (p *people) holder(title, country, date, surname string) (*lexicon.Entry, bool) {
	if title == "" || country == "" || date == "" {
		return nil, false
	}
	var cands []*lexicon.Entry
	if surname != "" {
		cands = p.holdersBy[lexicon.FoldKey(surname)]
	} else {
		cands = p.holdersOf[titleKey{country, foldTitle(title)}] // no one else held an office of that title there
	}
	var found *lexicon.Entry
	for _, e := range cands {
		for _, o := range e.Offices {
			if o.Holds(title, country, date) {
				if found != nil && found != e {
					return nil, false // two holders: the data does not tell
				}
				found = e
			}
		}
	}
	return found, found != nil
}

// titleKey is an office's country and its title as foldTitle folds it.
type titleKey struct{ country, title string }

// foldTitle maps each character of a title to the least of the characters
// that strings.EqualFold takes for it, so that two titles are equal under
// EqualFold exactly when they fold to the same string.
func foldTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// officeOn returns the title of the office the person held on date, in
// country when it is set, or "".
func officeOn(e *lexicon.Entry, country, date string) string {
	if date == "" {
		return ""
	}
	for _, o := range e.Offices {
		if o.From <= date && (o.To == "" || date < o.To) && (country == "" || o.Country == country) {
			return o.Title
		}
	}
	return ""
}

// bySurnameOn returns the one lexicon person with this surname whom a
// document set in country on date can mean: the one holding an office
// then, else the only one of that country, else the only one of all.
func (p *people) bySurnameOn(surname, country, date string) (*lexicon.Entry, bool) {
	cands := p.bySurname[lexicon.FoldKey(surname)]
	if len(cands) == 0 {
		return nil, false
	}
	pick := func(keep func(*lexicon.Entry) bool) (*lexicon.Entry, bool) {
		var found *lexicon.Entry
		for _, e := range cands {
			if keep(e) {
				if found != nil {
					return nil, false
				}
				found = e
			}
		}
		return found, found != nil
	}
	if e, ok := pick(func(e *lexicon.Entry) bool { return officeOn(e, country, date) != "" }); ok {
		return e, true
	}
	if country != "" {
		if e, ok := pick(func(e *lexicon.Entry) bool { return e.Country == country }); ok {
			return e, true
		}
		return nil, false
	}
	return pick(func(*lexicon.Entry) bool { return true })
}

// siteCountry returns the country of the organisation whose web site the
// URL is on ("https://bidenwhitehouse.archives.gov/…" is the White
// House's, set in usa), or "".
func (p *people) siteCountry(rawURL string) string {
	host, ok := siteHost(rawURL)
	if !ok {
		return ""
	}
	return p.hostCountry(host)
}

// siteHost returns the host of a URL, trimmed, in lower case, as url.Parse
// and Hostname give it, and false when it has none or does not parse. An
// http or https URL whose host is letters, digits, dots and hyphens, and
// that has no control character and no escape, is read without url.Parse,
// which would parse it the same way.
func siteHost(rawURL string) (string, bool) {
	s := strings.TrimSpace(rawURL)
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(s, "http://")
	}
	if ok && plainURL(rest) {
		host := rest
		if k := strings.IndexAny(rest, "/?#"); k >= 0 {
			host = rest[:k]
		}
		if host != "" && plainHost(host) {
			return strings.ToLower(host), true
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", false
	}
	return strings.ToLower(u.Hostname()), true
}

// plainURL reports whether s has no control character and no "%", which
// are what url.Parse may refuse after a host.
func plainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f || c == '%' {
			return false
		}
	}
	return true
}

// plainHost reports whether host is ASCII letters, digits, dots and
// hyphens: a host that url.Parse takes as it is.
func plainHost(host string) bool {
	for i := 0; i < len(host); i++ {
		c := host[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// hostCountry returns the country of the organisation with the longest
// web host that host is, or is under ("www.state.gov" is under
// "state.gov"), or "": the first with it, when several have that host.
func (p *people) hostCountry(host string) string {
	for h := host; ; {
		if c, ok := p.siteOf[h]; ok {
			return c
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			return ""
		}
		h = h[i+1:]
	}
}

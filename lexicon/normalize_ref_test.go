package lexicon

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// refAppendTokens is AppendTokens as it was before it lower-cased words
// one at a time: it copies the whole text in lower case first. The
// differential tests check that AppendTokens gives the same tokens.
func refAppendTokens(toks []Token, text string) []Token {
	low := refASCIILower(text)
	words := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiWordRef[c]:
				j := i + 1
				for j < len(text) && text[j] < utf8.RuneSelf && asciiWordRef[text[j]] {
					j++
				}
				if j < len(text) && text[j] >= utf8.RuneSelf {
					if r, _ := utf8.DecodeRuneInString(text[j:]); isWordRune(r) {
						i = refTokenizeWord(text, i, &toks, words)
						words++
						continue
					}
				}
				toks = append(toks, Token{Start: i, End: j, Text: text[i:j], Norm: low[i:j], Word: true, Index: words})
				words++
				i = j
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '-':
				i++
			default:
				p := foldPunct(rune(c))
				toks = append(toks, Token{Start: i, End: i + 1, Text: p, Norm: p, Index: words})
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			i = refTokenizeWord(text, i, &toks, words)
			words++
		case unicode.IsSpace(r) || isDash(r) || r == utf8.RuneError && size == 1 || unicode.Is(unicode.Cf, r):
			i += size
		default:
			p := foldPunct(r)
			toks = append(toks, Token{Start: i, End: i + size, Text: p, Norm: p, Index: words})
			i += size
		}
	}
	return toks
}

func refTokenizeWord(text string, i int, toks *[]Token, index int) int {
	j := i
	for j < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r2) {
			break
		}
		j += s2
	}
	*toks = append(*toks, newWord(text[i:j], i, j, false, index))
	return j
}

var asciiWordRef = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func refASCIILower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		b[i] = lowerASCII[s[i]]
	}
	return string(b)
}

// foldPunct maps typographic quotes to their ASCII forms.
func foldPunct(r rune) string {
	if q := foldQuote(r); q != "" {
		return q
	}
	return string(r)
}

// BenchmarkTokenizeRealReference is BenchmarkTokenizeReal with the
// reference tokeniser, to compare on the same machine and run.
func BenchmarkTokenizeRealReference(b *testing.B) {
	turns, size := realTurns(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var toks []Token
	for b.Loop() {
		for _, t := range turns {
			toks = refAppendTokens(toks[:0], t)
		}
	}
}

package lexicon

// The one sentence rule of turntag: every stage that asks where a sentence
// starts or ends asks these.

// SentenceStart reports whether token i starts a sentence: it is the
// first token, or the token before it, past quotes and brackets, is a
// full stop, question mark, exclamation mark or colon, and a full stop
// does not end an initial or an abbreviation ("J. Blinken", "U.S.
// forces", "5 p.m. today").
func SentenceStart(toks []Token, i int) bool {
	j := i - 1
	for j >= 0 && isQuoteOrBracket(toks[j].Text) {
		j--
	}
	if j < 0 {
		return true
	}
	return endsHere(toks, j)
}

// EndsSentence reports whether text ends like a sentence: its last token,
// past quotes and brackets, is a full stop, question mark, exclamation
// mark or colon, and a full stop does not end an initial or an
// abbreviation ("Washington, D.C.").
func EndsSentence(text string) bool {
	if len(text) <= 64 { // tokenised on the stack
		var buf [64/3 + 8]Token
		return endsSentence(AppendTokens(buf[:0], text))
	}
	b, toks := borrowTokens(text)
	ends := endsSentence(toks)
	returnTokens(b, toks)
	return ends
}

// endsSentence is EndsSentence of a text's tokens.
func endsSentence(toks []Token) bool {
	j := len(toks) - 1
	for j >= 0 && isQuoteOrBracket(toks[j].Text) {
		j--
	}
	return j >= 0 && toks[j].Text != ":" && endsHere(toks, j)
}

// endsHere reports whether token j is punctuation that ends a sentence.
func endsHere(toks []Token, j int) bool {
	switch toks[j].Text {
	case "?", "!", ":":
		return true
	case ".":
		if j == 0 || !toks[j-1].Word {
			return true
		}
		return len([]rune(toks[j-1].Text)) > 1 // not an initial: "J.", "U.S.", "p.m."
	}
	return false
}

// isQuoteOrBracket reports a token of quotes or brackets.
func isQuoteOrBracket(s string) bool {
	switch s {
	case `"`, "'", "“", "”", "‘", "’", "(", ")", "[", "]", "«", "»":
		return true
	}
	return false
}

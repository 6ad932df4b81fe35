package read

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/turntag/turntag/pipeline/transcript"
)

// parseTextAsWas is parseText as it was, reading the front matter from
// the decoded text before rendering the body: the reference for the one
// that reads it from the body, so that the text may share memory with the
// caller's bytes.
func parseTextAsWas(source, text string, lex *vocab) (*transcript.Document, error) {
	doc := &transcript.Document{Source: source, Body: text}
	fm, bodyStart, err := splitFrontMatter(text, lex)
	if err != nil {
		if pe, ok := err.(*transcript.Error); ok {
			pe.File = source
		}
		return nil, err
	}
	doc.Title, doc.Date, doc.URL = CleanText(fm.Title), fm.Date, strings.TrimSpace(fm.URL)
	for _, s := range fm.Speakers {
		doc.Byline = append(doc.Byline, transcript.Speaker{Name: CleanText(s)})
	}
	markdown := isMarkdown(source) || bodyStart > 0
	text = text[:bodyStart] + renderBody(text[bodyStart:], markdown)
	doc.Body = text
	lines := splitLines(text, bodyStart)
	heads := headCache{}
	hdrEnd := headerEnd(text, lines, markdown, lex, heads)
	if bodyStart > 0 || hdrEnd > 0 {
		end := bodyStart
		if hdrEnd > 0 {
			end = lines[hdrEnd-1].end
		}
		doc.Header = transcript.Span{Start: 0, End: end}
	}
	readHeader(doc, lines[:hdrEnd], lex)
	doc.Turns, doc.Skipped = splitTurns(text, lines[hdrEnd:], markdown, headerWords(text, lines[:hdrEnd], doc.Title), lex, heads, nil)
	if narrativeLead(text, doc.Turns, lex) {
		doc.Skipped = append(doc.Skipped, doc.Turns[0].Text)
		doc.Turns = doc.Turns[1:]
	}
	return doc, nil
}

// checkBorrow checks that parseText reads source as parseTextAsWas does,
// and that ParseFormat, which reads text and markdown from src itself,
// returns a document that does not change when src is overwritten.
func checkBorrow(t *testing.T, name string, src []byte) {
	t.Helper()
	r := testReader(t)
	text, _, err := Decode(src)
	if err == nil {
		got, gerr := parseText(name, text, r.lex, true)
		want, werr := parseTextAsWas(name, text, r.lex)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("parseText(%q) = %+v, %v\nwant %+v, %v", name, got, gerr, want, werr)
		}
	}
	format, err := DetectFormat(name)
	if err != nil {
		format = FormatText
	}
	want, werr := r.ParseFormat(name, format, append([]byte(nil), src...))
	if format == FormatText || format == FormatMarkdown {
		// text decode took for UTF-8 without looking reads as text it
		// checked and repaired
		text, warnings, derr := Decode(src)
		var doc *transcript.Document
		if derr == nil {
			doc, derr = parseTextAsWas(name, text, r.lex)
			doc, derr = finish(doc, derr, r.lex)
			if doc != nil {
				doc.Warnings = append(warnings, doc.Warnings...)
			}
		} else {
			derr = &transcript.Error{File: name, Err: derr}
		}
		if fmt.Sprint(derr) != fmt.Sprint(werr) || derr == nil && !reflect.DeepEqual(doc, want) {
			t.Fatalf("ParseFormat(%q) = %+v, %v\nwant %+v, %v", name, want, werr, doc, derr)
		}
	}
	mine := append([]byte(nil), src...)
	got, gerr := r.ParseFormat(name, format, mine)
	for i := range mine {
		mine[i] = 'x'
	}
	if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseFormat(%q) changed when its bytes were overwritten: %+v, %v\nwant %+v, %v", name, got, gerr, want, werr)
	}
}

func TestParseKeepsNothingOfSrc(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*"} {
		p, _ := filepath.Glob(pattern)
		paths = append(paths, p...)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkBorrow(t, filepath.Base(p), src)
	}
	for _, src := range []string{"---\ntitle: t\n", "---\ntitle: [\n---\nA: b\n", "---\u00a0\ntitle: t\n---\nA: b\n", "\ufeff---\ntitle: T\nspeakers: [A B]\n---\nA B: c\n", "---\r\ntitle: t\r\n---\r\nX: y\r\n",
		"---\ntitle: \xff\n---\nA: b\n", "---\ntitle: [\xff\n", "MS. X:\xff y\n\xc3", "caf\xe9\nMS. X: y\n", "a\x7f\xe2\x80\nB C: d\xff\xff\xff\n",
		"MS. X: a\x00b\n", "A: b\r\nC: d\r\n", "x\ry\nMS. X: z\r", "a\x7f\rb\nC: d\n", "---\ntitle: a\x00\n---\nA: b\n", "---\ntitle: [\x00\n", "---\r\ntitle: t\n",
		"---\ntitle: t\r---\nA: b\n", "\ufeffMS. X: \x00\n", "\xff\xfeA\x00:\x00 \x00b\x00\r\x00\n\x00"} {
		checkBorrow(t, "x.md", []byte(src))
		checkBorrow(t, "x.txt", []byte(src))
	}
}

func FuzzParseBorrow(f *testing.F) {
	for _, ext := range []string{"txt", "md"} {
		addSeeds(f, "../../testdata/transcripts/*."+ext)
	}
	f.Add("x.md", []byte("---\ntitle: t\n---\n# h\nA B (C): d\n"))
	f.Add("x.txt", []byte("MS. X:\xff y\n\xc3\ncaf\xe9\n"))
	f.Add("x.txt", []byte("MS. X: a\r\nB: \x00c\r"))
	f.Add("x.md", []byte("---\ntitle: \"Press Briefing by Jen\u00a0Psaki\"\ndate: '2021-01-20'\n---\n \nMS. PSAKI:\u00a0 Hi.  \n"))
	f.Fuzz(checkBorrow)
}

package read

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

func TestRenderBody(t *testing.T) {
	tests := []struct {
		name, in, want string
		markdown       bool
	}{
		{"no-break spaces after a label", "MS. PSAKI:\u00a0 Good evening.\u00a0 Thanks.\u00a0", "MS. PSAKI:  Good evening.  Thanks.", false},
		{"indent of no-break spaces", "\u00a0 \u00a0 Q\u00a0 \u00a0 After one year.  ", "    Q    After one year.", false},
		{"whitespace-only lines", "a\n \u00a0 \n\u2009\nb", "a\n\n\nb", false},
		{"invisible characters", "Jean\u2060-Pierre\u200b co\u00adoperate\ufeff", "Jean-Pierre cooperate", false},
		{"narrow and thin spaces", "10\u202f000 and 5\u2009km", "10 000 and 5 km", false},
		{"markdown escapes", `He said \[sic\] it \*twice\*.` + "\n" + `\###`, "He said [sic] it *twice*.\n###", true},
		{"escapes stay in plain text", `a \[b\]`, `a \[b\]`, false},
		{"inline HTML", "I <s>want</s> need <figure class=\"x\"><img src=\"a.png\"/></figure>this.", "I want need this.", true},
		{"links and images", "See [the fact sheet](https://x.gov/a) ![photo](p.jpg)and <https://x.gov/b>.", "See the fact sheet and https://x.gov/b.", true},
		{"emphasis markers", "*Aboard Air Force One*\n**MS. PSAKI:** Hi.\n*Munich, Germany**", "Aboard Air Force One\nMS. PSAKI: Hi.\nMunich, Germany", true},
		{"stars and underscores that are not emphasis", "5 * 3 = 15, snake_case and a ** b", "5 * 3 = 15, snake_case and a ** b", true},
		{"backslash hard break", "first line\\\nsecond", "first line\nsecond", true},
		{"line count kept", "a\n\n\u00a0\n<s>\n</s>\nb\n", "a\n\n\n\n\nb\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderBody(tt.in, tt.markdown); got != tt.want {
				t.Errorf("renderBody(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"Press Briefing by Press Secretary Jen\u00a0Psaki, January 20,\u00a02021": "Press Briefing by Press Secretary Jen Psaki, January 20, 2021",
		"  Karine\u2060 Jean-Pierre \n":                                           "Karine Jean-Pierre",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

// renderLineByRune is RenderLine as it was first written, one character at
// a time: the reference the faster RenderLine must agree with.
func renderLineByRune(s string) string {
	if isPlainASCIIByByte(s) {
		return strings.TrimRight(s, " \t\r\f\v")
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == ' ':
			b.WriteRune(r)
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case isInvisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimRight(b.String(), " \t\r\f\v")
}

var renderLineSeeds = []string{
	"", "plain text  ", "MS. PSAKI:\u00a0 Good evening.\u00a0", "a\x7fb\x01c\rd\ve\ff\u0085g",
	"Jean\u2060-Pierre\u200b co\u00adoperate\ufeff", "10\u202f000 \u3000 \u2028 \u1680", "bad \xff\xfe byte \xe2\x80",
	"ok \ufffd kept\t\t", "“Quotes” — and ’apostrophes’ \u00a0\u200b\t \u00a0", "\x7f", "é\x7f",
	"caf\xc3\xa9 \xe2\x80\x90\xe2\x80\xa7\xe2\x80\xa8\xe2\x80\x8f \xc3", "x \xe2\x80", "\xc2\xa0\xc2", "\xc3\xc3\xa0 \xe2\x80\xe2\x80\x99",
}

// TestRenderLineByRune checks RenderLine against the rune-by-rune reference.
func TestRenderLineByRune(t *testing.T) {
	for _, s := range renderLineSeeds {
		if got, want := RenderLine(s), renderLineByRune(s); got != want {
			t.Errorf("RenderLine(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzRenderLine(f *testing.F) {
	for _, s := range renderLineSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := RenderLine(s), renderLineByRune(s); got != want {
			t.Errorf("RenderLine(%q) = %q, want %q", s, got, want)
		}
		if keptLine(s) {
			if got, want := strings.TrimRight(s, " \t\r\f\v"), renderLineByRune(s); got != want {
				t.Errorf("keptLine(%q), but it renders as %q", s, want)
			}
		}
		if strings.Contains(s, "\n") {
			return
		}
		for _, md := range []bool{false, true} {
			want := renderLineByRune(s)
			if md {
				want = renderMarkdownLine(want)
			}
			if got := renderBody(s, md); got != want {
				t.Errorf("renderBody(%q, %v) = %q, want %q", s, md, got, want)
			}
		}
	})
}

// TestKeptRune checks that every character keptRune reports is one that
// rendering keeps as it is.
func TestKeptRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if keptRune(r) && (unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || isInvisible(r) || r == utf8.RuneError) {
			t.Errorf("keptRune(%U) is true, but rendering changes it", r)
		}
	}
}

// isPlainASCIIByByte is isPlainASCII as it was, a byte at a time: the
// reference for the one that looks at eight bytes at a time.
func isPlainASCIIByByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// printableByByte is printable8 a byte at a time.
func printableByByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

func checkPlainASCII(t *testing.T, s string) {
	t.Helper()
	if got, want := isPlainASCII(s), isPlainASCIIByByte(s); got != want {
		t.Fatalf("isPlainASCII(%q) = %v, want %v", s, got, want)
	}
	for i := 0; i+8 <= len(s); i++ {
		if got, want := printable8(load8(s, i)), printableByByte(s[i:i+8]); got != want {
			t.Fatalf("printable8(%q) = %v, want %v", s[i:i+8], got, want)
		}
	}
}

func TestPlainASCII(t *testing.T) {
	for _, s := range renderLineSeeds {
		checkPlainASCII(t, s)
	}
	// every byte value at every place of a word
	for c := 0; c < 256; c++ {
		for at := 0; at < 8; at++ {
			for _, fill := range []byte{' ', '~', 'a', 0x1f, 0x7f, 0x80} {
				w := []byte(strings.Repeat(string(fill), 8))
				w[at] = byte(c)
				checkPlainASCII(t, string(w)+"plain text")
			}
		}
	}
}

func FuzzPlainASCII(f *testing.F) {
	for _, s := range renderLineSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPlainASCII)
}

// hasMarkdownMarkByByte is hasMarkdownMark as it was, a byte at a time:
// the reference for the one that looks at eight bytes at a time.
func hasMarkdownMarkByByte(s string) bool {
	for i := range len(s) {
		if isMarkdownMark[s[i]] {
			return true
		}
	}
	return false
}

func checkMarkdownMark(t *testing.T, s string) {
	t.Helper()
	want := hasMarkdownMarkByByte(s)
	if got := hasMarkdownMark(s); got != want {
		t.Fatalf("hasMarkdownMark(%q) = %v, want %v", s, got, want)
	}
	if got := hasMarkdownMark([]byte(s)); got != want {
		t.Fatalf("hasMarkdownMark([]byte(%q)) = %v, want %v", s, got, want)
	}
}

func TestMarkdownMark(t *testing.T) {
	for _, s := range renderLineSeeds {
		checkMarkdownMark(t, s)
	}
	// every byte value at every place of a word, beside every mark and
	// the bytes next to them
	for c := 0; c < 256; c++ {
		for at := 0; at < 8; at++ {
			for _, fill := range []byte{' ', 'a', 0x00, 0xff, '[', '\\', ']', '^', ')', '+', ';', '=', '^', '`'} {
				w := []byte(strings.Repeat(string(fill), 8))
				w[at] = byte(c)
				checkMarkdownMark(t, string(w)+"plain text")
				checkMarkdownMark(t, string(w[:at+1]))
			}
		}
	}
}

func FuzzMarkdownMark(f *testing.F) {
	for _, s := range renderLineSeeds {
		f.Add(s)
	}
	f.Fuzz(checkMarkdownMark)
}

// writeRenderedAsWas is appendBody as it was, writing to a builder and
// looking at each line three times (for its end, for plain ASCII and for
// markdown marks), and rendering a line that changes in a buffer of its
// own: the reference for the one that looks once and renders in place.
func writeRenderedAsWas(b *strings.Builder, text string, markdown bool) {
	var buf []byte
	for off := 0; off < len(text); {
		nl := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if nl >= 0 {
			end = off + nl
		}
		line := text[off:end]
		if isPlainASCII(line) || keptLine(line) {
			for line != "" && isTrailingBlank(line[len(line)-1]) {
				line = line[:len(line)-1]
			}
			if markdown && hasMarkdownMarkByByte(line) {
				line = renderMarkdownLine(line)
			}
			b.WriteString(line)
		} else {
			buf = appendRendered(buf[:0], line)
			if markdown && hasMarkdownMarkByByte(string(buf)) {
				b.WriteString(renderMarkdownLine(string(buf)))
			} else {
				b.Write(buf)
			}
		}
		if nl < 0 {
			break
		}
		b.WriteByte('\n')
		off = end + 1
	}
}

func checkAppendBody(t *testing.T, text string) {
	t.Helper()
	for _, md := range []bool{false, true} {
		var want strings.Builder
		writeRenderedAsWas(&want, text, md)
		if got := string(appendBody([]byte("x"), text, md)); got != "x"+want.String() {
			t.Fatalf("appendBody(%q, %v) = %q, want %q", text, md, got[1:], want.String())
		}
	}
	end, kept, marked := scanLine(text, 0, true)
	if pend, pkept, pmarked := scanLine(text, 0, false); pend != end || pkept != kept || pkept && pmarked && !marked {
		t.Fatalf("scanLine(%q) outside markdown = %d, %v, %v; in markdown %d, %v, %v", text, pend, pkept, pmarked, end, kept, marked)
	}
	wantEnd := strings.IndexByte(text, '\n')
	if wantEnd < 0 {
		wantEnd = len(text)
	}
	line := text[:wantEnd]
	wantKept := isPlainASCII(line) || keptLine(line)
	if end != wantEnd || kept != wantKept || wantKept && marked != hasMarkdownMarkByByte(line) {
		t.Fatalf("scanLine(%q) = %d, %v, %v", text, end, kept, marked)
	}
}

func TestAppendBody(t *testing.T) {
	for _, s := range renderLineSeeds {
		checkAppendBody(t, s)
		checkAppendBody(t, s+"\n"+s+"\n")
	}
	// every byte value at every place of a word, in a line and before one
	for c := 0; c < 256; c++ {
		for at := 0; at < 8; at++ {
			for _, fill := range []byte{' ', 'a', '\t', 0x1f, 0x7f, '[', '\\', ']', '^', '`', '*', ')', '+', ';', '=', '_'} {
				w := []byte(strings.Repeat(string(rune(fill)), 8))
				w[at] = byte(c)
				checkAppendBody(t, string(w)+"plain text\n**MS. X:** y  \nz")
				checkAppendBody(t, "0123456"+string(w[:at+1]))
			}
		}
	}
	paths, _ := filepath.Glob("../../testdata/real/*/*.md")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkAppendBody(t, string(src))
	}
}

func FuzzAppendBody(f *testing.F) {
	for _, s := range renderLineSeeds {
		f.Add(s)
	}
	paths, _ := filepath.Glob("../../testdata/transcripts/*")
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(checkAppendBody)
}

// splitLines returns the lines of text from the line start at from on,
// blank ones included: what renderLines finds as it renders, but for the
// blank lines it leaves out.
func splitLines(text string, from int) []line {
	out := make([]line, 0, strings.Count(text[from:], "\n")+1)
	no := 1 + strings.Count(text[:from], "\n")
	for off := from; off < len(text); {
		nl := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if nl >= 0 {
			end = off + nl
		}
		out = append(out, line{start: off, end: end, no: no})
		no++
		if nl < 0 {
			break
		}
		off = end + 1
	}
	return out
}

// nonBlank returns the lines of ls that are not empty.
func nonBlank(ls []line) []line {
	var out []line
	for _, l := range ls {
		if l.end > l.start {
			out = append(out, l)
		}
	}
	return out
}

// checkRenderFrom checks renderLines against the front of text as it is
// and the rest through renderBody, at every line start, and its lines
// against the lines of that text that are not blank, and that a copy
// asked for shares no memory with text.
func checkRenderFrom(t *testing.T, text string) {
	t.Helper()
	for from := 0; from <= len(text); from++ {
		if from > 0 && text[from-1] != '\n' {
			continue
		}
		for _, md := range []bool{false, true} {
			want := text[:from] + renderBody(text[from:], md)
			for _, copied := range []bool{false, true} {
				got, lines, valid := renderLines(text, from, md, copied, nil)
				dirty := make([]line, 5, 4096) // a buffer another document wrote
				for i := range dirty[:cap(dirty)] {
					dirty[:cap(dirty)][i] = line{start: i, end: 2 * i, no: 3}
				}
				if got2, lines2, valid2 := renderLines(text, from, md, copied, dirty); got2 != got || valid2 != valid || !reflect.DeepEqual(lines2, lines) && len(lines)+len(lines2) > 0 {
					t.Fatalf("renderLines(%q, %d, %v, %v) over a used buffer gives lines %+v, want %+v", text, from, md, copied, lines2, lines)
				}
				if got != want {
					t.Fatalf("renderLines(%q, %d, %v, %v) = %q, want %q", text, from, md, copied, got, want)
				}
				if valid != clean(text[from:]) {
					t.Fatalf("renderLines(%q, %d, %v, %v) says valid %v", text, from, md, copied, valid)
				}
				if wl := nonBlank(splitLines(want, from)); !reflect.DeepEqual(lines, wl) && len(lines)+len(wl) > 0 {
					t.Fatalf("renderLines(%q, %d, %v, %v) gives lines %+v, want %+v", text, from, md, copied, lines, wl)
				}
				if copied && len(got) > 0 && unsafe.StringData(got) == unsafe.StringData(text) {
					t.Fatalf("renderLines(%q, %d, %v, true) is text itself", text, from, md)
				}
			}
		}
	}
}

func TestRenderFrom(t *testing.T) {
	for _, s := range renderLineSeeds {
		checkRenderFrom(t, s)
		checkRenderFrom(t, "---\ntitle: x\n---\n"+s+"\nplain\n")
	}
	for _, s := range []string{"a\nb\n", "a\nb", "a  \nb", "a\n*b*\n", "\n\n", "x\n\u00a0y\n"} {
		checkRenderFrom(t, s)
	}
}

func FuzzRenderFrom(f *testing.F) {
	for _, s := range renderLineSeeds {
		f.Add(s)
	}
	f.Add("---\ntitle: x\n---\nA: b  \n*c*\n")
	f.Fuzz(checkRenderFrom)
}

// keptLine reports whether rendering keeps every character of s as it is,
// so that RenderLine(s) only trims its end: it has no control character,
// no Unicode space, no invisible character and no byte that is not UTF-8.
func keptLine(s string) bool { return nextChange(s, 0) == len(s) }

// renderMarkdownLineAsWas is renderMarkdownLine as it was, trying every
// pattern of links, images and tags on a line with any '<' or '[': the
// reference for the one that tries each only where it may match. It
// renders the inline markdown of one line as plain text.
func renderMarkdownLineAsWas(s string) string {
	if !hasMarkdownMark(s) {
		return s
	}
	if strings.HasSuffix(s, `\`) && !strings.HasSuffix(s, `\\`) {
		s = strings.TrimRight(s[:len(s)-1], " \t") // a backslash hard break
	}
	if strings.ContainsAny(s, "<[") {
		s = mdImage.ReplaceAllString(s, "")
		s = mdLink.ReplaceAllString(s, "$1")
		s = mdAutolink.ReplaceAllString(s, "$1")
		s = htmlTag.ReplaceAllString(s, "")
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1]) // an escape: "\[" is "["
			i++
		case c == '*' || c == '_':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			if !emphasisRun(s, i, j) {
				b.WriteString(s[i:j])
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimRight(b.String(), " \t")
}

func checkRenderMarkdownLine(t *testing.T, s string) {
	t.Helper()
	if got, want := renderMarkdownLine(s), renderMarkdownLineAsWas(s); got != want {
		t.Fatalf("renderMarkdownLine(%q) = %q, want %q", s, got, want)
	}
}

var markdownLineSeeds = []string{
	"See [the fact sheet](https://x.gov/a) ![photo](p.jpg)and <https://x.gov/b>.", "[sic] and [inaudible]", "a <s>b</s> <!-- c --> d",
	"[x](<y>)", "<[a](b)>", "![a](b) [c]( d) \\[e\\](f)", "**MS. X:** [y]", "a ]( b < c",
}

func TestRenderMarkdownLineSameAsWas(t *testing.T) {
	for _, s := range append(markdownLineSeeds, testdataLines(t)...) {
		checkRenderMarkdownLine(t, s)
	}
}

func FuzzRenderMarkdownLine(f *testing.F) {
	for _, s := range markdownLineSeeds {
		f.Add(s)
	}
	f.Fuzz(checkRenderMarkdownLine)
}

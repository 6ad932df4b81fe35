package read

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/turntag/turntag/pipeline/transcript"
)

// reuseFiles are the files of testdata in every format, with their
// bytes.
func reuseFiles(t *testing.T) (names []string, srcs [][]byte) {
	t.Helper()
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, filepath.Base(p))
			srcs = append(srcs, src)
		}
	}
	if len(names) < 10 {
		t.Fatal("too few files in testdata")
	}
	return names, srcs
}

// parseResult is what Parse returns for a file.
type parseResult struct {
	doc *transcript.Document
	err string
}

// parseAll parses the files in the order given, each from its own copy
// of its bytes, which it overwrites afterwards as a caller reusing its
// buffer would.
func parseAll(t *testing.T, r *Reader, names []string, srcs [][]byte, order []int) []parseResult {
	out := make([]parseResult, len(names))
	for _, i := range order {
		src := slices.Clone(srcs[i])
		doc, err := r.Parse(names[i], src)
		for k := range src {
			src[k] = 'x'
		}
		out[i] = parseResult{doc, fmt.Sprint(err)}
	}
	return out
}

// TestParseReusesNothingKept parses every file of testdata one after the
// other, in one order and in the other, and checks that each document is
// the same either way: the memory a document's reading lends to the next
// (the page's tree, the lists of lines and labels) holds nothing that a
// document keeps.
func TestParseReusesNothingKept(t *testing.T) {
	r := testReader(t)
	names, srcs := reuseFiles(t)
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	first := parseAll(t, r, names, srcs, order)
	slices.Reverse(order)
	again := parseAll(t, r, names, srcs, order)
	for i := range names {
		if !reflect.DeepEqual(first[i], again[i]) {
			t.Errorf("%s reads differently after other files:\n%+v\nwant\n%+v", names[i], again[i].doc, first[i].doc)
		}
	}
}

// TestParseReusesNothingKeptInParallel is TestParseReusesNothingKept with
// several goroutines sharing the pools; run it with -race.
func TestParseReusesNothingKeptInParallel(t *testing.T) {
	r := testReader(t)
	names, srcs := reuseFiles(t)
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	want := parseAll(t, r, names, srcs, order)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// each goroutine starts at a different file
			mine := append(slices.Clone(order[g*len(order)/4:]), order[:g*len(order)/4]...)
			got := parseAll(t, r, names, srcs, mine)
			for i := range names {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("%s reads differently in parallel:\n%+v\nwant\n%+v", names[i], got[i].doc, want[i].doc)
				}
			}
		}()
	}
	wg.Wait()
}

// TestReadHTMLReusedSameAsFresh checks readHTML, whose tree is built in a
// pooled parser, against a tree built by a parser of its own, page after
// page.
func TestReadHTMLReusedSameAsFresh(t *testing.T) {
	h := &testReader(t).lex.html
	pages := append([]string(nil), simpleSeeds...)
	for _, p := range realPages(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(src))
	}
	for pass := range 2 {
		for _, page := range pages {
			got, err := h.readHTML(page)
			if err != nil {
				t.Fatal(err)
			}
			want := h.readHTMLByTree(page)
			if root, ok := parseSimple(page); ok {
				want = h.readTree(root, len(page))
			}
			if got != want {
				t.Fatalf("pass %d: readHTML(%.200q) = %+v\nwant %+v", pass, page, got, want)
			}
		}
	}
}

// TestReaderMemorySameAsNone parses every file of testdata with a Reader
// that remembers no label head and no header line, and again, twice over,
// with four goroutines sharing a Reader whose memories start empty, and
// checks that each document is the same: a head's class, or a line's
// people, read from a memory, written by another document or goroutine,
// is what is read afresh; run it with -race.
func TestReaderMemorySameAsNone(t *testing.T) {
	base := testReader(t).lex
	none := *base
	none.heads, none.bylines = nil, nil
	names, srcs := reuseFiles(t)
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	want := parseAll(t, &Reader{lex: &none}, names, srcs, order)
	shared := *base
	shared.heads, shared.bylines = newHeadMemory(), newBylineMemory()
	r := &Reader{lex: &shared}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := append(slices.Clone(order[g*len(order)/4:]), order[:g*len(order)/4]...)
			for pass := range 2 {
				got := parseAll(t, r, names, srcs, mine)
				for i := range names {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("pass %d: %s reads differently with heads remembered:\n%+v\nwant\n%+v", pass, names[i], got[i].doc, want[i].doc)
					}
				}
			}
		}()
	}
	wg.Wait()
	if shared.heads.m.Len() == 0 || shared.bylines.m.Len() == 0 {
		t.Errorf("%d heads and %d lines remembered", shared.heads.m.Len(), shared.bylines.m.Len())
	}
}

// TestBylineMemoryKeepsNoText checks that the lines a bylineMemory
// remembers, and their people, are copies, and that it gives what
// bylinePeople finds, first and after.
func TestBylineMemoryKeepsNoText(t *testing.T) {
	lex := testReader(t).lex
	m := newBylineMemory()
	for _, line := range append(bylineSeeds, strings.Repeat("by Jen Psaki, Press Secretary; ", 20)) {
		want := bylinePeople(line, lex)
		b := []byte(line)
		text := bytesString(b)
		if got := m.people(text, lex); !reflect.DeepEqual(got, want) {
			t.Fatalf("people(%q) = %+v, want %+v", line, got, want)
		}
		for k := range b {
			b[k] = 'x'
		}
		if got := m.people(line, lex); len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("people(%q) remembered = %+v, want %+v", line, got, want)
		}
	}
	var nilMemory *bylineMemory
	if got, want := nilMemory.people("by Jen Psaki, Press Secretary", lex), bylinePeople("by Jen Psaki, Press Secretary", lex); !reflect.DeepEqual(got, want) {
		t.Errorf("a nil memory gives %+v, want %+v", got, want)
	}
}

// TestHeadMemoryKeepsNoText checks that the heads a headMemory remembers,
// and their classes, are copies: writing over the text they were read
// from changes none of them.
func TestHeadMemoryKeepsNoText(t *testing.T) {
	lex := testReader(t).lex
	m := newHeadMemory()
	head := "MS. PSAKI (White House)"
	b := []byte(head)
	text := bytesString(b)
	want := classifyNew(head, lex)
	m.put(text, classifyNew(text, lex))
	for k := range b {
		b[k] = 'x'
	}
	if got, ok := m.get(head); !ok || got != want {
		t.Errorf("get(%q) = %+v, %v; want %+v", head, got, ok, want)
	}
	full := newHeadMemory()
	for i := range maxHeadMemory + 10 {
		full.put(fmt.Sprint("Speaker ", i), headClass{})
	}
	if full.m.Len() != maxHeadMemory {
		t.Errorf("a full memory holds %d heads, want %d", full.m.Len(), maxHeadMemory)
	}
	var nilMemory *headMemory
	nilMemory.put(head, want)
	if _, ok := nilMemory.get(head); ok {
		t.Error("a nil memory remembers")
	}
}

package report_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/report"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

// update is accepted so that `go test ./... -update`, which hands the flag
// to every test binary, runs here too; this package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// corpus is the bundled transcripts, tagged on the default lexicon alone.
type corpus struct {
	lex  *lexicon.Lexicon
	docs []*transcript.Document
}

func loadCorpus(t testing.TB) corpus {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	inputs, errs := batch.Expand([]string{"../../testdata/transcripts"}, batch.Filter{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c := corpus{lex: lex}
	r := &batch.Runner{Pipeline: pipeline.New(tagger.New(lex, nil))}
	err = r.Run(context.Background(), inputs, func(res batch.Result) error {
		if res.Err != nil {
			return res.Err
		}
		c.docs = append(c.docs, res.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// build writes the report of the corpus.
func (c corpus) build(t testing.TB) []byte {
	t.Helper()
	b := report.New(report.Options{Title: "Bundled <transcripts>", Lexicon: c.lex})
	for _, d := range c.docs {
		if err := b.AddDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := b.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// block decodes a data block of the page: base64 of gzip of JSON.
func block(t *testing.T, html []byte, id string) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/x-turntag-data" id="` + id + `">([^<]*)</script>`).FindSubmatch(html)
	if m == nil {
		t.Fatalf("no data block %s", id)
	}
	z, err := base64.StdEncoding.DecodeString(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestReportSelfContained checks that the page loads nothing from
// elsewhere, escapes its title, carries the licence notice of the inlined
// charting library, and is byte-identical from run to run.
func TestReportSelfContained(t *testing.T) {
	c := loadCorpus(t)
	html := c.build(t)
	lib, err := os.ReadFile("assets/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, lib) {
		t.Fatal("the report does not inline ECharts")
	}
	own := bytes.Replace(html, lib, nil, 1) // the library's strings mention tags it can make
	for _, bad := range []string{`<script src`, `<link`, `<img`, `<iframe`, `@import`, `url(`, `fetch(`, `XMLHttpRequest`} {
		if bytes.Contains(own, []byte(bad)) {
			t.Errorf("the report contains %q: it must not load anything", bad)
		}
	}
	if !bytes.Contains(html, []byte("<title>Bundled &lt;transcripts&gt;</title>")) {
		t.Error("the title is not escaped")
	}
	if !bytes.Contains(html, []byte("Apache ECharts\nCopyright")) {
		t.Error("the ECharts NOTICE is not beside the inlined script")
	}
	if again := c.build(t); !bytes.Equal(html, again) {
		t.Error("two builds of the same corpus differ")
	}
}

// TestReportData decodes the page's data and checks it against the
// records: documents, turns, topics and the codebook.
func TestReportData(t *testing.T) {
	c := loadCorpus(t)
	html := c.build(t)
	sum := block(t, html, "summary")
	docs := sum["docs"].([]any)
	if len(docs) != len(c.docs) {
		t.Fatalf("%d documents in the report, want %d", len(docs), len(c.docs))
	}
	turns := 0
	for i, d := range c.docs {
		got := docs[i].(map[string]any)
		want := write.DocumentOf(d)
		if got["source"] != want.Source || int(got["turns"].(float64)) != want.Turns || int(got["first"].(float64)) != turns {
			t.Errorf("document %d: got %v %v first %v, want %s %d first %d", i, got["source"], got["turns"], got["first"], want.Source, want.Turns, turns)
		}
		turns += len(d.Turns)
	}
	if n := len(sum["turns"].(map[string]any)["doc"].([]any)); n != turns {
		t.Errorf("%d turns in the columns, want %d", n, turns)
	}
	cb := sum["codebook"].(map[string]any)
	topics := sum["topics"].([]any)
	codeTopics := cb["topics"].([]any)
	if len(topics) != len(c.lex.Topics) || len(codeTopics) != len(topics) {
		t.Fatalf("%d topics and %d in the codebook, want %d", len(topics), len(codeTopics), len(c.lex.Topics))
	}
	for i, tp := range topics {
		label := tp.(map[string]any)["label"].(string)
		ct := codeTopics[i].(map[string]any)
		if len(ct["cues"].([]any)) == 0 || ct["where"] == "" {
			t.Errorf("codebook of %s: no cues or no place: %v", label, ct)
		}
	}
	// a rule in words: the Migration topic's border cue needs migration context
	var found bool
	for i, tp := range topics {
		if tp.(map[string]any)["id"] != "migration-borders" {
			continue
		}
		for _, cue := range codeTopics[i].(map[string]any)["cues"].([]any) {
			cm := cue.(map[string]any)
			if cm["text"] == "border" && strings.HasPrefix(cm["rules"].([]any)[0].(string), "only near: ") {
				found = true
			}
		}
	}
	if !found {
		t.Error("the codebook does not say that the border cue needs migration context")
	}
	// the first document's block: texts and mentions of its turns
	d0 := block(t, html, "doc-0")
	dt := d0["turns"].([]any)
	if len(dt) != len(c.docs[0].Turns) {
		t.Fatalf("doc-0 has %d turns, want %d", len(dt), len(c.docs[0].Turns))
	}
	for n := 1; n <= len(dt); n++ {
		td := dt[n-1].(map[string]any)
		if td["text"] != c.docs[0].TurnText(c.docs[0].Turns[n-1]) {
			t.Errorf("doc-0 turn %d: text differs", n)
		}
		if got, want := len(td["mentions"].([]any)), len(write.Mentions(c.docs[0], n)); got != want {
			t.Errorf("doc-0 turn %d: %d mentions, want %d", n, got, want)
		}
	}
}

// TestReportFromJSONL checks that the report of tag's JSON Lines output
// (turns and mentions) is the report of the documents themselves.
func TestReportFromJSONL(t *testing.T) {
	c := loadCorpus(t)
	var turns, mentions bytes.Buffer
	for _, d := range c.docs {
		for _, enc := range []struct {
			e  write.Encoder
			to *bytes.Buffer
		}{{write.JSONLEncoder{}, &turns}, {write.JSONLEncoder{Mentions: true}, &mentions}} {
			b, err := enc.e.Encode(d)
			if err != nil {
				t.Fatal(err)
			}
			enc.to.Write(b)
		}
	}
	ms, err := report.ReadMentions("mentions.jsonl", &mentions)
	if err != nil {
		t.Fatal(err)
	}
	b := report.New(report.Options{Title: "Bundled <transcripts>", Lexicon: c.lex})
	if err := b.AddJSONL("turns.jsonl", &turns, ms); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := b.Write(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), c.build(t)) {
		t.Error("the report of the JSON Lines differs from the report of the documents")
	}
}

// TestReportInputErrors checks that bad input is reported with its file
// and line, or its document and turn.
func TestReportInputErrors(t *testing.T) {
	turn := func(source string, n int, text string) string {
		b, _ := json.Marshal(write.TurnRecord{Source: source, Turn: n, Text: text})
		return string(b) + "\n"
	}
	for _, tc := range []struct {
		name, turns, mentions, want string
	}{
		{"not JSON", turn("a.txt", 1, "x") + "{oops\n", "", "turns.jsonl:2: not a turntag record"},
		{"no source", `{"turn":1}` + "\n", "", "turns.jsonl:1: not a turntag record: a turn needs a source"},
		{"turns apart", turn("a.txt", 1, "x") + turn("b.txt", 1, "y") + turn("a.txt", 2, "z"), "", "turns.jsonl:3: not a turntag record: the turns of a.txt are not on consecutive lines"},
		{"turn skipped", turn("a.txt", 1, "x") + turn("a.txt", 3, "z"), "", "turns.jsonl:2: not a turntag record: turn 3 of a.txt follows turn 1"},
		{"mention outside", turn("a.txt", 1, "Kyiv"), `{"source":"a.txt","turn":1,"start":2,"end":9,"text":"Kyiv"}` + "\n",
			"turns.jsonl: a.txt: turn 1: the mention of \"Kyiv\" at characters 2-9 is outside the turn's text (4 characters)"},
		{"mention in no turn", turn("a.txt", 1, "Kyiv"), `{"source":"a.txt","turn":2,"start":0,"end":4,"text":"Kyiv"}` + "\n",
			"turns.jsonl: a.txt: a mention of \"Kyiv\" is in turn 2, which the document does not have"},
		{"bad mention line", turn("a.txt", 1, "Kyiv"), "[]\n", "mentions.jsonl:1: not a turntag record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := report.ReadMentions("mentions.jsonl", strings.NewReader(tc.mentions))
			if err == nil {
				err = report.New(report.Options{}).AddJSONL("turns.jsonl", strings.NewReader(tc.turns), ms)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
			var le *lexicon.Error
			if !errors.As(err, &le) {
				t.Errorf("%v is not a file:line error", err)
			}
		})
	}
}

// zeros is an endless stream of zero bytes, as /dev/zero gives.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestReportLongLines reads a turn longer than the reader's buffer, and
// stops an endless line with an error that names the file and line
// instead of taking memory without bound.
func TestReportLongLines(t *testing.T) {
	text := strings.Repeat("Ukraine and NATO. ", 20000) // 360 kB
	b, _ := json.Marshal(write.TurnRecord{Source: "a.txt", Turn: 1, Text: text})
	if err := report.New(report.Options{}).AddJSONL("turns.jsonl", bytes.NewReader(append(b, '\n')), nil); err != nil {
		t.Errorf("a 360 kB line: %v", err)
	}
	endless := io.MultiReader(strings.NewReader(string(b)+"\n"), zeros{})
	err := report.New(report.Options{}).AddJSONL("turns.jsonl", endless, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "turns.jsonl:2: not a turntag record: the line is longer than") {
		t.Errorf("an endless line: %v", err)
	}
	if _, err := report.ReadMentions("mentions.jsonl", zeros{}); err == nil || !strings.HasPrefix(err.Error(), "mentions.jsonl:1: ") {
		t.Errorf("an endless mentions line: %v", err)
	}
}

// TestVendoredECharts checks that the inlined library is the file that
// assets/ECHARTS.md names, with its licence beside it.
func TestVendoredECharts(t *testing.T) {
	src, err := os.ReadFile("assets/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	doc, err := os.ReadFile("assets/ECHARTS.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, []byte(hex.EncodeToString(sum[:]))) {
		t.Errorf("assets/echarts.min.js (sha256 %x) is not the file assets/ECHARTS.md describes", sum)
	}
	for _, f := range []string{"assets/echarts-LICENSE", "assets/echarts-NOTICE", "assets/echarts-LICENSE-d3"} {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
}

// TestAssetsInlineSafe checks that each asset the page inlines can sit
// inside its script or style element as it is.
func TestAssetsInlineSafe(t *testing.T) {
	for _, name := range []string{"report.css", "report.js", "echarts.min.js", "echarts-NOTICE"} {
		src, err := os.ReadFile("assets/" + name)
		if err != nil {
			t.Fatal(err)
		}
		low := strings.ToLower(string(src))
		for _, bad := range []string{"</script", "</style", "<!--", "*/"} {
			if bad == "*/" && name != "echarts-NOTICE" {
				continue // the NOTICE goes inside a comment
			}
			if strings.Contains(low, bad) {
				t.Errorf("assets/%s contains %q and cannot be inlined", name, bad)
			}
		}
	}
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/report/browsertest"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// TestReportCommand writes the report of the bundled transcripts, and
// again from tag's JSON Lines output: the two are the same file.
func TestReportCommand(t *testing.T) {
	t.Chdir("../..")
	tmp := t.TempDir()
	direct := filepath.Join(tmp, "direct.html")
	if _, errs, err := run(t, "report", "--quiet", "--ner", "off", "-o", direct, "testdata/transcripts"); err != nil {
		t.Fatalf("report: %v\n%s", err, errs)
	}
	turns, mentions := filepath.Join(tmp, "turns.jsonl"), filepath.Join(tmp, "mentions.jsonl")
	if _, errs, err := run(t, "tag", "--quiet", "--ner", "off", "--format", "jsonl", "-o", turns, "--mentions", mentions, "testdata/transcripts"); err != nil {
		t.Fatalf("tag: %v\n%s", err, errs)
	}
	fromJSONL := filepath.Join(tmp, "jsonl.html")
	_, errs, err := run(t, "report", "-o", fromJSONL, "--mentions", mentions, turns)
	if err != nil {
		t.Fatalf("report from JSON Lines: %v\n%s", err, errs)
	}
	if !strings.Contains(errs, "report of 16 documents") {
		t.Errorf("summary line: %q", errs)
	}
	a, err := os.ReadFile(direct)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(fromJSONL)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(a, []byte(`<script type="application/x-turntag-data" id="doc-`)); n != 16 {
		t.Errorf("%d documents in the report, want 16", n)
	}
	if !bytes.Equal(a, b) {
		t.Error("the report of the JSON Lines output differs from the report of the transcripts")
	}
}

// TestReportUsage checks the report command's usage errors.
func TestReportUsage(t *testing.T) {
	t.Chdir("../..")
	for _, args := range [][]string{
		{"report"},
		{"report", "turns.jsonl", "testdata/transcripts"},
		{"report", "--mentions", "m.jsonl", "testdata/transcripts"},
	} {
		_, _, err := run(t, args...)
		ec, ok := err.(cli.ExitCoder)
		if !ok || ec.ExitCode() != 2 || !strings.HasPrefix(err.Error(), "usage: ") {
			t.Errorf("%v: got %v, want a usage error with exit code 2", args, err)
		}
	}
}

// TestDocumentsGolden writes one row per document of the bundled
// transcripts with tag --documents and compares it with its golden file.
func TestDocumentsGolden(t *testing.T) {
	t.Chdir("../..")
	tmp := t.TempDir()
	docs := filepath.Join(tmp, "documents.csv")
	if _, errs, err := run(t, "tag", "--quiet", "-o", filepath.Join(tmp, "turns.csv"), "--documents", docs, "testdata/transcripts"); err != nil {
		t.Fatalf("tag --documents: %v\n%s", err, errs)
	}
	got, err := os.ReadFile(docs)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/transcripts", filepath.Join("testdata", "golden", "documents", "transcripts.csv"), string(got))
	for _, format := range []string{"jsonl", "parquet"} {
		out := filepath.Join(tmp, "documents."+format)
		if _, errs, err := run(t, "tag", "--quiet", "--ner", "off", "--format", format, "-o", filepath.Join(tmp, "turns."+format), "--documents", out, "testdata/transcripts"); err != nil {
			t.Fatalf("tag --format %s --documents: %v\n%s", format, err, errs)
		}
		if info, err := os.Stat(out); err != nil || info.Size() == 0 {
			t.Errorf("--format %s --documents: %v", format, err)
		}
	}
}

// BenchmarkReport builds the report of a generated corpus of 8.7 MB (the
// size of 250 real briefings) on the lexicon alone, as `turntag report
// --ner off` does, and opens it in headless Chromium when one is found.
// ns/op is the build time; open-ms is the page's time from navigation to
// ready, html-MB the file's size.
func BenchmarkReport(b *testing.B) {
	corpus := filepath.Join(b.TempDir(), "corpus")
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	samples, errs := batch.Expand([]string{"../../testdata/transcripts"}, batch.Filter{})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	p := pipeline.New(tagger.New(lex, nil))
	var docs []*transcript.Document
	for _, in := range samples {
		src, err := os.ReadFile(in.Path)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := p.Document(context.Background(), in.Source, src)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	files, size, err := GenerateCorpus(CorpusOptions{Dir: corpus, Bytes: 8.7e6, Seed: 1, Samples: docs})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "report.html")
	var stdout, stderr bytes.Buffer
	b.SetBytes(size)
	for b.Loop() {
		if err := newApp(&stdout, &stderr).Run([]string{"turntag", "report", "--quiet", "--ner", "off", "-o", out, corpus}); err != nil {
			b.Fatalf("%v\n%s", err, stderr.String())
		}
	}
	b.ReportMetric(float64(files), "files")
	info, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(info.Size())/1e6, "html-MB")
	if _, ok := browsertest.Find(); !ok {
		b.Log("no Chromium found: the open time is not measured")
		return
	}
	ctx := browsertest.New(b)
	var total time.Duration
	const opens = 3
	for range opens {
		d, err := browsertest.Open(ctx, out)
		if err != nil {
			b.Fatal(err)
		}
		total += d
	}
	b.ReportMetric(float64(total.Milliseconds())/opens, "open-ms")
}

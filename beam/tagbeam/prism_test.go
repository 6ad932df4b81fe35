package tagbeam

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/parquet-go/parquet-go"

	"github.com/turntag/turntag/pipeline/write"
)

// The tests here run the pipeline on the Prism runner, in this process,
// and compare what it writes with what `turntag tag` writes over the same
// files, row for row as a multiset: shards hold the documents in no
// particular order.

const transcripts = "../../testdata/transcripts"

// TestMain initialises Beam, as a pipeline's main does, with the Ps a run
// on Prism needs (see PrismProcs).
func TestMain(m *testing.M) {
	ForPrism("prism")
	ptest.MainWithDefault(m, "prism")
}

// run builds and runs the pipeline on Prism and returns its counters.
func run(t *testing.T, o Options) map[string]int64 {
	t.Helper()
	if err := o.Check(); err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, o)
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return Counters(res)
}

// cli is the turntag binary of the core module, built once.
var cli = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "turntag-cli")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "turntag")
	out, err := exec.Command("go", "build", "-C", "../..", "-o", bin, "./cmd/turntag").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build ./cmd/turntag: %v\n%s", err, out)
	}
	return bin, nil
})

// turntag runs `turntag tag ARGS` and returns its stderr; exit status 1
// (some files failed) is expected when wantFailures is set.
func turntag(t *testing.T, wantFailures bool, args ...string) string {
	t.Helper()
	bin, err := cli()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, append([]string{"tag", "-q"}, args...)...)
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !(err == nil && !wantFailures || ok && ee.ExitCode() == 1 && wantFailures) {
		t.Fatalf("turntag tag %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stderr.String()
}

// shards returns the files of one output, checking their names.
func shards(t *testing.T, prefix, kind string, n int, ext string) []string {
	t.Helper()
	files, _ := filepath.Glob(prefix + "-" + kind + "-*")
	if len(files) != n {
		t.Fatalf("%s: %d files, want %d: %v", kind, len(files), n, files)
	}
	for i, f := range files {
		if want := fmt.Sprintf("%s-%s-%05d-of-%05d.%s", prefix, kind, i, n, ext); f != want {
			t.Errorf("shard %d is %s, want %s", i, f, want)
		}
	}
	return files
}

// csvRows reads CSV files that each start with header and returns their
// rows, each joined into one string.
func csvRows(t *testing.T, header []string, files ...string) []string {
	t.Helper()
	var rows []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(recs) == 0 || !slices.Equal(recs[0], header) {
			t.Fatalf("%s: header %q, want %q", f, recs[:min(1, len(recs))], header)
		}
		for _, r := range recs[1:] {
			rows = append(rows, strings.Join(r, "\x1f"))
		}
	}
	return rows
}

// lines reads files and returns their lines.
func lines(t *testing.T, files ...string) []string {
	t.Helper()
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for l := range strings.Lines(string(b)) {
			out = append(out, l)
		}
	}
	return out
}

// parquetRows reads the rows of T from Parquet files, each as JSON.
func parquetRows[T any](t *testing.T, files ...string) []string {
	t.Helper()
	var out []string
	for _, f := range files {
		recs, err := parquet.ReadFile[T](f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, r := range recs {
			b, _ := json.Marshal(r)
			out = append(out, string(b))
		}
	}
	return out
}

// sameMultiset fails unless got and want hold the same rows, as many times
// each, and shows the first few that differ.
func sameMultiset(t *testing.T, what string, got, want []string) {
	t.Helper()
	count := map[string]int{}
	for _, r := range want {
		count[r]++
	}
	for _, r := range got {
		count[r]--
	}
	var diff []string
	for r, n := range count {
		if n != 0 {
			diff = append(diff, fmt.Sprintf("%+d × %.200q", -n, r))
		}
	}
	slices.Sort(diff)
	if len(diff) > 0 {
		t.Errorf("%s: %d rows from Beam, %d from the CLI; %d rows differ (+ Beam only, - CLI only), first:\n%s",
			what, len(got), len(want), len(diff), strings.Join(diff[:min(5, len(diff))], "\n"))
	}
	if len(want) == 0 {
		t.Errorf("%s: no rows at all", what)
	}
}

// TestSameRowsAsCLI tags the bundled transcripts in the default mode (NER
// on) on Prism: the turns and mentions are the CLI's rows, and each
// document's roll-up agrees with the CLI's turns.
func TestSameRowsAsCLI(t *testing.T) {
	dir := t.TempDir()
	turntag(t, false, "-o", filepath.Join(dir, "cli-turns.csv"), "--mentions", filepath.Join(dir, "cli-mentions.csv"),
		"--documents", filepath.Join(dir, "cli-documents.csv"), transcripts)
	prefix := filepath.Join(dir, "beam")
	counters := run(t, Options{Input: transcripts + "/*", Output: prefix, Shards: 3, NER: true})

	want := csvRows(t, write.Columns, filepath.Join(dir, "cli-turns.csv"))
	sameMultiset(t, "turns", csvRows(t, write.Columns, shards(t, prefix, "turns", 3, "csv")...), want)
	sameMultiset(t, "mentions", csvRows(t, write.MentionColumns, shards(t, prefix, "mentions", 3, "csv")...),
		csvRows(t, write.MentionColumns, filepath.Join(dir, "cli-mentions.csv")))

	// the roll-up: the CLI's --documents, row for row
	sameMultiset(t, "documents", csvRows(t, write.DocumentColumns, shards(t, prefix, "documents", 3, "csv")...),
		csvRows(t, write.DocumentColumns, filepath.Join(dir, "cli-documents.csv")))

	files, _ := filepath.Glob(transcripts + "/*")
	wantCounters := map[string]int64{"files": int64(len(files)), "turns": int64(len(want))}
	for name, n := range wantCounters {
		if counters[name] != n {
			t.Errorf("counter %s = %d, want %d (all: %v)", name, counters[name], n, counters)
		}
	}
	if dead := lines(t, shards(t, prefix, "failed", 1, "jsonl")...); len(dead) > 0 {
		t.Errorf("dead letters: %q", dead)
	}
}

// TestSameRowsAsCLIFormats compares JSON Lines and Parquet, lexicon-only.
func TestSameRowsAsCLIFormats(t *testing.T) {
	for _, format := range []string{"jsonl", "parquet"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			cliTurns, cliMentions := filepath.Join(dir, "cli-turns."+format), filepath.Join(dir, "cli-mentions."+format)
			turntag(t, false, "--ner", "off", "--format", format, "-o", cliTurns, "--mentions", cliMentions, transcripts)
			prefix := filepath.Join(dir, "beam")
			run(t, Options{Input: transcripts + "/*", Output: prefix, Format: format, Shards: 2})
			turns, mentions := shards(t, prefix, "turns", 2, format), shards(t, prefix, "mentions", 2, format)
			docs := shards(t, prefix, "documents", 2, format)
			if format == "jsonl" {
				sameMultiset(t, "turns", lines(t, turns...), lines(t, cliTurns))
				sameMultiset(t, "mentions", lines(t, mentions...), lines(t, cliMentions))
				if n := len(lines(t, docs...)); n != 16 {
					t.Errorf("%d document lines", n)
				}
				return
			}
			sameMultiset(t, "turns", parquetRows[write.TurnRecord](t, turns...), parquetRows[write.TurnRecord](t, cliTurns))
			sameMultiset(t, "mentions", parquetRows[write.MentionRecord](t, mentions...), parquetRows[write.MentionRecord](t, cliMentions))
			if n := len(parquetRows[write.ParquetDocument](t, docs...)); n != 16 {
				t.Errorf("%d document rows", n)
			}
		})
	}
}

// TestSameRowsAsCLITopics tags with other taxonomies and a dictionary,
// lexicon-only: the topics are the CLI's with the same flags.
func TestSameRowsAsCLITopics(t *testing.T) {
	dic, err := filepath.Abs("../../testdata/dictionaries/policy.dic")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(dic)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		taxonomy string
		dict     bool
	}{"agendas": {"agendas", false}, "all and a dictionary": {"all", true}} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"--ner", "off", "--taxonomy", tc.taxonomy, "-o", filepath.Join(dir, "cli.csv")}
			o := Options{Input: transcripts + "/*", Output: filepath.Join(dir, "beam"), Shards: 2, Taxonomy: tc.taxonomy}
			if tc.dict {
				args = append(args, "--dictionary", dic)
				o.Dictionaries = []LexiconFile{{Name: dic, Data: src}}
			}
			turntag(t, false, append(args, transcripts)...)
			run(t, o)
			want := csvRows(t, write.Columns, filepath.Join(dir, "cli.csv"))
			sameMultiset(t, "turns", csvRows(t, write.Columns, shards(t, o.Output, "turns", 2, "csv")...), want)
			if !strings.Contains(strings.Join(want, "\n"), "Health") {
				t.Error("the CLI's rows have no agendas topic: the test proves nothing")
			}
		})
	}
	if err := (Options{Input: "x/*", Output: "y", Taxonomy: "bogus"}).Check(); err == nil || !strings.Contains(err.Error(), `--taxonomy: unknown taxonomy "bogus"`) {
		t.Errorf("bogus taxonomy: %v", err)
	}
}

// TestDeadLetters runs over good and bad files: each bad one is a dead
// letter with its kind and the CLI's message, counted by kind, and the job
// succeeds with the good file's rows.
func TestDeadLetters(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	good, err := os.ReadFile(transcripts + "/interview-kallas-2024-02-20.txt")
	if err != nil {
		t.Fatal(err)
	}
	const limit = 20000
	if len(good) > limit {
		t.Fatalf("the good file has %d bytes, over the test's limit", len(good))
	}
	files := map[string]string{
		"good.txt":       string(good),
		"empty.txt":      "",
		"scan.pdf":       "%PDF-1.7",
		"big.txt":        strings.Repeat("MODERATOR: Hello.\n", limit/10),
		"binary.txt":     "\x00\x01\x02\x03\x00\x00\xff",
		".hidden.txt":    string(good),
		"folder/sub.txt": string(good), // a folder matched by the glob is skipped
	}
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(in, name)), 0o755)
		if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stderr := turntag(t, true, "--ner", "off", "--max-file-size", strconv.Itoa(limit), "--exclude", "folder/*", "-o", filepath.Join(dir, "cli.csv"), in)
	prefix := filepath.Join(dir, "out", "beam")
	counters := run(t, Options{Input: in + "/*", Output: prefix, Shards: 1, MaxFileSize: limit})

	sameMultiset(t, "turns", csvRows(t, write.Columns, shards(t, prefix, "turns", 1, "csv")...),
		csvRows(t, write.Columns, filepath.Join(dir, "cli.csv")))
	wantKinds := map[string]string{"empty.txt": KindNoText, "scan.pdf": KindUnsupported, "big.txt": KindTooLarge, "binary.txt": KindNotText}
	dead := lines(t, shards(t, prefix, "failed", 1, "jsonl")...)
	if len(dead) != len(wantKinds) {
		t.Errorf("%d dead letters, want %d: %q", len(dead), len(wantKinds), dead)
	}
	for _, l := range dead {
		var d DeadLetter
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		if wantKinds[d.Source] != d.Kind || d.Path != filepath.Join(in, d.Source) {
			t.Errorf("dead letter %+v: want kind %q", d, wantKinds[d.Source])
		}
		if !strings.Contains(stderr, d.Error+"\n") {
			t.Errorf("dead letter %q is not among the CLI's messages:\n%s", d.Error, stderr)
		}
	}
	want := map[string]int64{"files": 1, "failed_no_text": 1, "failed_unsupported": 1, "failed_too_large": 1, "failed_not_text": 1}
	for name, n := range want {
		if counters[name] != n {
			t.Errorf("counter %s = %d, want %d (all: %v)", name, counters[name], n, counters)
		}
	}
	if s := Summary(counters); !strings.Contains(s, "1 files") || !strings.Contains(s, "4 failed (no_text 1, not_text 1, too_large 1, unsupported 1)") {
		t.Errorf("summary %q", s)
	}
}

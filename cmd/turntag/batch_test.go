package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

func writeFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// docx builds a minimal .docx with one paragraph per line.
func docx(t *testing.T, lines ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(w, `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, l := range lines {
		fmt.Fprintf(w, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, l)
	}
	fmt.Fprint(w, `</w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	return 1
}

// TestBatchMixedFolder runs the CLI over a folder with every format and
// every kind of bad input: each file ends up in the output or in the
// errors, never in neither, and the exit status is 1.
func TestBatchMixedFolder(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(filepath.Join(in, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	good := map[string][]byte{
		"briefing.txt":  []byte("Press Briefing by Press Secretary Jen Psaki, March 3, 2022\n\nMS. PSAKI: Russia invaded Ukraine.\n\nQ    Jen, on China?\n\nMS. PSAKI: Beijing must choose.\n"),
		"notes.md":      []byte("---\ntitle: Notes\ndate: 2024-01-02\n---\nMODERATOR: Welcome.\n\nQ: What about NATO?\n"),
		"page.html":     []byte("<html><head><title>Remarks</title><script>var x = 'NATO: no';</script></head><body><nav>Home</nav><article><p><strong>MODERATOR:</strong> Hello.</p><p>Q: And Gaza?</p></article></body></html>"),
		"subs.vtt":      []byte("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna Berg>We discussed Ukraine.\n\n00:00:02.000 --> 00:00:03.000\n<v Anna Berg>And China.\n\n00:00:03.000 --> 00:00:04.000\n<v Interviewer>Thank you.\n"),
		"sub/subs.srt":  []byte("1\n00:00:01,000 --> 00:00:02,000\nJosep Borrell: Good afternoon.\n\n2\n00:00:02,500 --> 00:00:04,000\nWe support Ukraine.\n\n3\n00:00:04,000 --> 00:00:05,000\nJournalist: A question.\n"),
		"report.docx":   docx(t, "Press conference", "MODERATOR: Welcome to the briefing on Iran.", "Q: Thank you."),
		"nolabels.txt":  []byte("We met today to talk about Ukraine and the Western Balkans.\n"),
		"bom-crlf.txt":  append([]byte("\xEF\xBB\xBF"), []byte("MODERATOR: Hello.\r\nQ: On Taiwan?\r\n")...),
		"utf16.txt":     utf16LE("MODERATOR: Hello from Kyiv.\nQ: Thanks.\n"),
		"invalid.txt":   []byte("MODERATOR: caf\xe9 in Paris and Berlin, caf\xc3\xa9 in Rome.\n"),
		"latin1.txt":    []byte("MODERATOR: caf\xe9 in Paris and Berlin.\n"),
		"huge-turn.txt": append([]byte("MODERATOR: "), bytes.Repeat([]byte("Ukraine and NATO allies discuss air defence and more. "), 20000)...),
		"colons.txt":    []byte(strings.Repeat("Time: 10:00: the meeting: starts: now\n", 200)),
	}
	bad := map[string][]byte{
		"empty.txt":   {},
		"binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3},
		"big.txt":     bytes.Repeat([]byte("MODERATOR: big file.\n"), 100000),
		"scanned.pdf": []byte("%PDF-1.4\n"),
		"image.png":   {0x89, 'P', 'N', 'G'},
		"fake.docx":   []byte("not a zip"),
		"bad.vtt":     []byte("00:00:01.000 --> 00:00:02.000\nno header\n"),
	}
	for name, data := range good {
		writeFile(t, in, name, data)
	}
	for name, data := range bad {
		writeFile(t, in, name, data)
	}
	if err := os.Symlink("loop-b.txt", filepath.Join(in, "loop-a.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop-a.txt", filepath.Join(in, "loop-b.txt")); err != nil {
		t.Fatal(err)
	}
	bad["loop-a.txt"], bad["loop-b.txt"] = nil, nil
	if os.Geteuid() != 0 { // root reads any file, so the permission case needs a normal user
		writeFile(t, in, "locked.txt", []byte("MODERATOR: secret.\n"))
		if err := os.Chmod(filepath.Join(in, "locked.txt"), 0); err != nil {
			t.Fatal(err)
		}
		bad["locked.txt"] = nil
	}

	outCSV := filepath.Join(dir, "turns.csv")
	mentions := filepath.Join(dir, "mentions.csv")
	_, errs, err := run(t, "tag", "--ner", "off", "--max-file-size", "1500000", "-o", outCSV, "--mentions", mentions, in)
	if code := exitCode(err); code != 1 {
		t.Fatalf("exit status %d, want 1 (%v)\n%s", code, err, errs)
	}
	f, err := os.Open(outCSV)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v", err)
	}
	sources := map[string]int{}
	for _, r := range rows[1:] {
		sources[r[0]]++
	}
	for name := range good {
		if sources[name] == 0 {
			t.Errorf("%s: no rows in the output\nstderr:\n%s", name, errs)
		}
	}
	for name := range bad {
		if sources[name] > 0 {
			t.Errorf("%s: rows in the output, want an error", name)
		}
		if !strings.Contains(errs, name) {
			t.Errorf("%s: not named in the errors:\n%s", name, errs)
		}
	}
	for _, want := range []string{"big.txt: file too large", "binary.txt: not a text file", "empty.txt: no text", "scanned.pdf: unsupported format: PDF",
		"invalid.txt: invalid UTF-8 at byte 14", "latin1.txt: not UTF-8: read as Windows-1252 (1 byte outside ASCII)", "loop-a.txt: stat: too many levels of symbolic links"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	summary := fmt.Sprintf("turntag: %d files,", len(good))
	if !strings.Contains(errs, summary) {
		t.Errorf("summary line %q missing:\n%s", summary, errs)
	}
	if sources["sub/subs.srt"] != 2 {
		t.Errorf("subs.srt: %d turns, want 2 (consecutive cues of one speaker merge)", sources["sub/subs.srt"])
	}
	m, err := os.ReadFile(mentions)
	if err != nil || !strings.HasPrefix(string(m), "source,turn,start,end,text,type,canonical,id,origin") || !strings.Contains(string(m), ",country,Ukraine,ukr,lexicon") {
		t.Errorf("mentions file: %v\n%.300s", err, m)
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestBatchManyFiles tags 10,000 small files in one run.
func TestBatchManyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 files")
	}
	dir := t.TempDir()
	for i := 0; i < 10000; i++ {
		writeFile(t, dir, fmt.Sprintf("t%05d.txt", i), []byte(fmt.Sprintf("MODERATOR: Briefing %d on Ukraine.\nQ: And Russia?\n", i)))
	}
	out, errs, err := run(t, "tag", "--ner", "off", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, errs)
	}
	if n := strings.Count(out, "\n"); n != 20001 {
		t.Errorf("%d lines, want 20001 (header + 2 turns x 10,000 files)", n)
	}
	if !strings.Contains(errs, "turntag: 10000 files, 20000 turns, 0 failed, 0 skipped") {
		t.Errorf("summary: %s", errs)
	}
	if !strings.Contains(out, "\r\nt00000.txt,") || !strings.Contains(out, "\r\nt09999.txt,") {
		t.Error("sources are not relative to the folder given")
	}
}

// TestInterruptedRunWritesNothing cancels the run: no output file appears
// and the exit status is 1.
func TestInterruptedRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("MODERATOR: Hello.\n"))
	target := filepath.Join(dir, "out.csv")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errs bytes.Buffer
	err := newApp(&out, &errs).RunContext(ctx, []string{"turntag", "tag", "--ner", "off", "-o", target, filepath.Join(dir, "a.txt")})
	if exitCode(err) != 1 {
		t.Errorf("exit status %d, want 1", exitCode(err))
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("output file exists after an interrupted run: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".out.csv.*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if err == nil || err.Error() != "interrupted" {
		t.Errorf("error %v, want interrupted", err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"tag"}, {"tag", "--format", "xml", "x"}, {"tag", "--no-such-flag"}, {"eval", "x"}, {"tag", "--format", "parquet", "x.txt"}, {"tag", "--ner", "maybe", "x.txt"}} {
		_, _, err := run(t, args...)
		if code := exitCode(err); code != 2 {
			t.Errorf("%v: exit status %d, want 2", args, code)
		}
	}
}

func TestFormulaCellsNeutralised(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "f.txt", []byte("MODERATOR: =HYPERLINK(\"http://x\")\n"))
	out, _, _ := run(t, "tag", "--ner", "off", "-q", filepath.Join(dir, "f.txt"))
	if !strings.Contains(out, `"'=HYPERLINK(""http://x"")"`) {
		t.Errorf("formula not neutralised:\n%s", out)
	}
	out, _, _ = run(t, "tag", "--ner", "off", "-q", "--raw-cells", filepath.Join(dir, "f.txt"))
	if !strings.Contains(out, `"=HYPERLINK(""http://x"")"`) {
		t.Errorf("--raw-cells changed the cell:\n%s", out)
	}
}

func TestJSONLines(t *testing.T) {
	t.Chdir("../..")
	out, _, err := run(t, "tag", "-q", "--ner", "off", "--format", "jsonl", "testdata/transcripts/nato-press-conference-2023-11-28.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 17 {
		t.Fatalf("%d lines, want 17", len(lines))
	}
	var first struct {
		Speaker   string
		Topics    []struct{ Label string }
		Countries []struct{ Name, Code string }
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.Speaker != "Jens Stoltenberg" || len(first.Topics) < 8 || first.Countries[0].Code != "UKR" {
		t.Errorf("turn 1: %v %+v", err, first)
	}
}

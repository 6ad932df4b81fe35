package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestMentionOffsetsIndexText tags every testdata transcript and checks, in
// CSV and in JSON Lines, that every mention's start and end (characters)
// cut the mention's text out of its turn's text cell exactly as written.
func TestMentionOffsetsIndexText(t *testing.T) {
	t.Chdir("../..")
	files := transcripts(t)
	dir := t.TempDir()
	for _, format := range []string{"csv", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			turns, mentions := filepath.Join(dir, "turns."+format), filepath.Join(dir, "mentions."+format)
			args := append([]string{"tag", "--quiet", "--ner", "off", "--format", format, "-o", turns, "--mentions", mentions}, files...)
			if _, errs, err := run(t, args...); err != nil {
				t.Fatalf("tag: %v\n%s", err, errs)
			}
			texts := map[string]string{} // "source\x00turn" -> text
			for _, r := range readRecords(t, turns, format) {
				texts[r["source"]+"\x00"+r["turn"]] = r["text"]
			}
			n := 0
			for _, m := range readRecords(t, mentions, format) {
				text, ok := texts[m["source"]+"\x00"+m["turn"]]
				if !ok {
					t.Fatalf("mention of %s turn %s: no such turn", m["source"], m["turn"])
				}
				start, _ := strconv.Atoi(m["start"])
				end, _ := strconv.Atoi(m["end"])
				runes := []rune(text)
				if start < 0 || end > len(runes) || start > end || string(runes[start:end]) != m["text"] {
					got := ""
					if start >= 0 && end <= len(runes) && start <= end {
						got = string(runes[start:end])
					}
					t.Errorf("%s turn %s: text[%d:%d] = %q, mention %q", m["source"], m["turn"], start, end, got, m["text"])
				}
				n++
			}
			if n < 1000 {
				t.Errorf("only %d mentions checked", n)
			}
		})
	}
}

// readRecords reads a CSV with a header, or JSON Lines, into maps of
// strings (numbers as their decimal text).
func readRecords(t *testing.T, path, format string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]string
	if format == "csv" {
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			r := map[string]string{}
			for i, c := range rows[0] {
				r[c] = row[i]
			}
			out = append(out, r)
		}
		return out
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatal(err)
		}
		r := map[string]string{}
		for k, v := range raw {
			switch v := v.(type) {
			case string:
				r[k] = v
			case float64:
				r[k] = strconv.Itoa(int(v))
			}
		}
		out = append(out, r)
	}
	return out
}

package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/report"
	"github.com/turntag/turntag/pipeline/report/browsertest"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

// eval runs a JavaScript expression in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// wait polls a JavaScript condition until it holds.
func wait(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", cond, err)
	}
}

// TestReportInBrowser opens the report of the bundled transcripts in
// headless Chromium: the charts are drawn, a topic filter gives the counts
// the records give, and a document's highlights sit on the words its
// mentions name.
func TestReportInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	c := loadCorpus(t)
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, c.build(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := browsertest.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	totalTurns := 0
	for _, d := range c.docs {
		totalTurns += len(d.Turns)
	}

	t.Run("charts", func(t *testing.T) {
		for _, id := range []string{"chart-topics", "chart-timeline", "chart-heatmap"} {
			n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll('#%s svg path, #%s svg rect').length`, id, id))
			w := eval[float64](t, ctx, fmt.Sprintf(`(document.querySelector('#%s svg') || {getBoundingClientRect: () => ({width: 0})}).getBoundingClientRect().width`, id))
			if n < 10 || w < 100 {
				t.Errorf("#%s: %d shapes in an svg %.0f px wide; want a drawn chart", id, n, w)
			}
		}
		if got := eval[string](t, ctx, `document.querySelector('#chart-topics svg').textContent`); !strings.Contains(got, "Ukraine") || !strings.Contains(got, "Russia") {
			t.Errorf("the topic chart's labels lack Ukraine and Russia: %q", got)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('#top-table tbody tr').length`); n < 10 {
			t.Errorf("%d rows of top entities per topic", n)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('#doc-table tbody tr').length`); n != len(c.docs) {
			t.Errorf("%d rows in the documents table, want %d", n, len(c.docs))
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('#codebook-topics .code-topic').length`); n != len(c.lex.Topics) {
			t.Errorf("%d topics in the codebook, want %d", n, len(c.lex.Topics))
		}
		if bad := eval[string](t, ctx, `(document.querySelector('#main').innerText.match(/\b(undefined|null|NaN)\b/) || [''])[0]`); bad != "" {
			t.Errorf("the page shows %q", bad)
		}
		if got := eval[[]string](t, ctx, `performance.getEntriesByType('resource').map(e => e.name).filter(n => !/^(data|blob):/.test(n))`); len(got) > 0 {
			t.Errorf("the page loaded %v", got)
		}
	})

	t.Run("counts", func(t *testing.T) {
		docs, turns := eval[string](t, ctx, `document.querySelector('#counts').dataset.docs`), eval[string](t, ctx, `document.querySelector('#counts').dataset.turns`)
		if docs != fmt.Sprint(len(c.docs)) || turns != fmt.Sprint(totalTurns) {
			t.Errorf("unfiltered counts: %s documents, %s turns; want %d, %d", docs, turns, len(c.docs), totalTurns)
		}
	})

	t.Run("topic filter", func(t *testing.T) {
		for _, tc := range []struct {
			topic string
			min   float64
		}{{"China", 0}, {"Middle East", 0}, {"Middle East", 0.9}} {
			wantDocs, wantTurns := 0, 0
			for _, d := range c.docs {
				n := 0
				for i := range d.Turns {
					for _, tag := range d.Turns[i].Tags {
						if tag.Label == tc.topic && tag.Score >= tc.min-1e-9 {
							n++
						}
					}
				}
				if n > 0 {
					wantDocs++
				}
				wantTurns += n
			}
			eval[bool](t, ctx, fmt.Sprintf(`(() => {
				const sel = document.querySelector('#f-topic');
				sel.value = [...sel.options].find(o => o.textContent.startsWith(%q + ' (')).value;
				sel.dispatchEvent(new Event('change'));
				const min = document.querySelector('#f-min');
				min.value = %q;
				min.dispatchEvent(new Event('input'));
				return true;
			})()`, tc.topic, fmt.Sprint(tc.min)))
			docs := eval[string](t, ctx, `document.querySelector('#counts').dataset.docs`)
			turns := eval[string](t, ctx, `document.querySelector('#counts').dataset.turns`)
			if docs != fmt.Sprint(wantDocs) || turns != fmt.Sprint(wantTurns) {
				t.Errorf("%s with a score of at least %.2f: %s documents and %s turns, want %d and %d", tc.topic, tc.min, docs, turns, wantDocs, wantTurns)
			}
			if rows := eval[int](t, ctx, `document.querySelectorAll('#doc-table tbody tr[data-doc]').length`); rows != wantDocs {
				t.Errorf("%s: %d rows in the documents table, want %d", tc.topic, rows, wantDocs)
			}
			if first := eval[string](t, ctx, `document.querySelector('#counts').textContent`); !strings.Contains(first, fmt.Sprintf("%d of %d turns", wantTurns, totalTurns)) {
				t.Errorf("%s: the counts read %q", tc.topic, first)
			}
		}
		eval[bool](t, ctx, `(document.querySelector('#f-reset').click(), true)`)
		if turns := eval[string](t, ctx, `document.querySelector('#counts').dataset.turns`); turns != fmt.Sprint(totalTurns) {
			t.Errorf("after reset: %s turns, want %d", turns, totalTurns)
		}
	})

	t.Run("speaker, country and date filters", func(t *testing.T) {
		count := func(keep func(d *transcript.Document, i int) bool) (docs, turns int) {
			for _, d := range c.docs {
				n := 0
				for i := range d.Turns {
					if keep(d, i) {
						n++
					}
				}
				if n > 0 {
					docs++
				}
				turns += n
			}
			return docs, turns
		}
		for _, tc := range []struct {
			name, js string
			keep     func(d *transcript.Document, i int) bool
		}{
			{"speaker", `const e = document.querySelector('#f-speaker'); e.value = 'stoltenberg'; e.dispatchEvent(new Event('input'));`,
				func(d *transcript.Document, i int) bool {
					return strings.Contains(d.Turns[i].Speaker.Name, "Stoltenberg")
				}},
			{"country", `const e = document.querySelector('#f-country'); e.value = [...e.options].find(o => o.textContent.startsWith('Israel (')).value; e.dispatchEvent(new Event('change'));`,
				func(d *transcript.Document, i int) bool {
					for _, m := range d.Turns[i].Mentions {
						if m.Code == "ISR" && m.Origin != tagger.FromAddress {
							return true
						}
					}
					return false
				}},
			{"dates", `for (const [id, v] of [['#f-from', '2024-01-01'], ['#f-to', '2024-06-30']]) { const e = document.querySelector(id); e.value = v; e.dispatchEvent(new Event('change')); }`,
				func(d *transcript.Document, i int) bool { return d.Date >= "2024-01-01" && d.Date <= "2024-06-30" }},
		} {
			wantDocs, wantTurns := count(tc.keep)
			eval[bool](t, ctx, `(() => { document.querySelector('#f-reset').click(); `+tc.js+` return true; })()`)
			time.Sleep(300 * time.Millisecond) // the speaker box waits for typing to pause
			wait(t, ctx, fmt.Sprintf(`document.querySelector('#counts').dataset.turns === '%d'`, wantTurns))
			if docs := eval[string](t, ctx, `document.querySelector('#counts').dataset.docs`); docs != fmt.Sprint(wantDocs) {
				t.Errorf("%s: %s documents, want %d", tc.name, docs, wantDocs)
			}
		}
		eval[bool](t, ctx, `(document.querySelector('#f-reset').click(), true)`)
	})

	t.Run("document view", func(t *testing.T) {
		k := docWithOffsetTraps(t, c)
		doc := c.docs[k]
		eval[bool](t, ctx, fmt.Sprintf(`(location.hash = '#doc=%d', true)`, k))
		wait(t, ctx, fmt.Sprintf(`document.querySelector('#docview').dataset.ready === '1' && document.querySelector('#docview').dataset.doc === '%d'`, k))
		if hidden := eval[bool](t, ctx, `document.querySelector('#main').hidden`); !hidden {
			t.Error("the overview is still shown beside the document")
		}
		type mark struct {
			Turn                  int
			Start, End            int
			Text, Written, Target string
		}
		marks := eval[[]mark](t, ctx, `[...document.querySelectorAll('#docview mark.m[data-start]')].map(m => ({
			Turn: +m.closest('article').dataset.turn, Start: +m.dataset.start, End: +m.dataset.end,
			Text: m.textContent, Written: m.dataset.text, Target: m.dataset.canonical}))`)
		var want []write.MentionRecord
		for n := 1; n <= len(doc.Turns); n++ {
			want = append(want, write.Mentions(doc, n)...)
		}
		if len(marks) != len(want) || len(want) == 0 {
			t.Fatalf("%s: %d highlights, want %d", doc.Source, len(marks), len(want))
		}
		for i, m := range want {
			text := []rune(doc.TurnText(doc.Turns[m.Turn-1]))
			g := marks[i]
			if g.Turn != m.Turn || g.Start != m.Start || g.Target != m.Canonical {
				t.Errorf("highlight %d: turn %d at %d is %q, want turn %d at %d, %q", i, g.Turn, g.Start, g.Target, m.Turn, m.Start, m.Canonical)
				continue
			}
			if g.Text != m.Text || g.Text != string(text[m.Start:m.End]) {
				t.Errorf("turn %d: the highlight of %s covers %q, want %q", m.Turn, m.Canonical, g.Text, m.Text)
			}
		}
		if bad := eval[string](t, ctx, `(document.querySelector('#docview').innerText.match(/\b(undefined|null|NaN)\b/) || [''])[0]`); bad != "" {
			t.Errorf("the document view shows %q", bad)
		}
		// the text around the highlights is the turn's text, whole
		texts := eval[[]string](t, ctx, `[...document.querySelectorAll('#docview article .text')].map(e => e.textContent)`)
		for n, txt := range texts {
			if want := doc.TurnText(doc.Turns[n]); txt != want {
				t.Errorf("turn %d's text reads %q, want %q", n+1, txt, want)
			}
		}
		// a topic chip's tooltip gives the score and the cues that fired
		for n, turn := range doc.Turns {
			if len(turn.Tags) == 0 {
				continue
			}
			tag := turn.Tags[0]
			tip := eval[string](t, ctx, fmt.Sprintf(`document.querySelector('#t-%d .chip').dataset.tip`, n+1))
			want := fmt.Sprintf("%s: score %.2f — cues: %s×%d", tag.Label, tag.Score, tag.Evidence[0].Text, tag.Evidence[0].Count)
			if !strings.HasPrefix(tip, want) {
				t.Errorf("turn %d's first chip says %q, want it to start with %q", n+1, tip, want)
			}
			break
		}
		eval[bool](t, ctx, `(location.hash = '#documents', true)`)
		wait(t, ctx, `!document.querySelector('#main').hidden`)
	})

	// characters outside the Basic Multilingual Plane are one character in
	// the mentions file but two UTF-16 units in JavaScript strings
	t.Run("astral characters", func(t *testing.T) {
		doc, err := pipeline.New(tagger.New(c.lex, nil)).Document(context.Background(), "emoji.txt",
			[]byte("MODERATOR: 🇺🇦 𝐒𝐥𝐚𝐯𝐚 Ukraine! NATO 🙂 and Russia.\n"))
		if err != nil {
			t.Fatal(err)
		}
		b := report.New(report.Options{Lexicon: c.lex})
		if err := b.AddDocument(doc); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := b.Write(&out); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "emoji.html")
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := browsertest.Open(ctx, path); err != nil {
			t.Fatal(err)
		}
		eval[bool](t, ctx, `(location.hash = '#doc=0', true)`)
		wait(t, ctx, `document.querySelector('#docview').dataset.ready === '1'`)
		got := eval[[]string](t, ctx, `[...document.querySelectorAll('#docview mark.m[data-start]')].map(m => m.textContent)`)
		if strings.Join(got, "|") != "Ukraine|NATO|Russia" {
			t.Errorf("highlights %q, want Ukraine, NATO and Russia", got)
		}
	})
}

// docWithOffsetTraps returns the index of a document whose mentions
// follow characters that are more than one byte in UTF-8 (so byte, UTF-16
// and character offsets differ), preferring one with nested mentions.
func docWithOffsetTraps(t *testing.T, c corpus) int {
	t.Helper()
	best, bestScore := -1, 0
	for k, d := range c.docs {
		score := 0
		for n := 1; n <= len(d.Turns); n++ {
			text := d.TurnText(d.Turns[n-1])
			ms := write.Mentions(d, n)
			for i, m := range ms {
				before := string([]rune(text)[:m.Start])
				if utf8.RuneCountInString(before) != len(before) {
					score++
				}
				if i > 0 && m.Start < ms[i-1].End {
					score += 10 // nested in the one before
				}
			}
		}
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	if best < 0 {
		t.Fatal("no bundled transcript has a mention after a multi-byte character")
	}
	return best
}

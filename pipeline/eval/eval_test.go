package eval

import (
	"flag"
	"math"
	"testing"
)

var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// TestPRF: precision, recall and F1 from counts, with empty counts as 0.
func TestPRF(t *testing.T) {
	cases := []struct {
		c       PRF
		p, r, f float64
	}{
		{PRF{TP: 8, FP: 2, FN: 2}, 0.8, 0.8, 0.8},
		{PRF{TP: 1, FP: 0, FN: 3}, 1, 0.25, 0.4},
		{PRF{}, 0, 0, 0},
	}
	for _, c := range cases {
		if math.Abs(c.c.Precision()-c.p) > 1e-9 || math.Abs(c.c.Recall()-c.r) > 1e-9 || math.Abs(c.c.F1()-c.f) > 1e-9 {
			t.Errorf("%+v: P %v R %v F1 %v, want %v %v %v", c.c, c.c.Precision(), c.c.Recall(), c.c.F1(), c.p, c.r, c.f)
		}
	}
}

// TestDiffSpellings: a predicted entity matches a gold one by any accepted
// spelling on either side, folded; each is counted once.
func TestDiffSpellings(t *testing.T) {
	pred := [][]string{{"Antony Blinken", "Blinken"}, {"NATO"}, {"Jake Sullivan"}, {"Antony Blinken"}}
	gold := [][]string{{"Secretary Blinken", "Blinken"}, {"Nato"}, {"Kamala Harris"}}
	var sum PRF
	for _, d := range diffSpellings(pred, gold) {
		sum.add(d.prf)
	}
	if sum != (PRF{TP: 2, FP: 1, FN: 1}) {
		t.Errorf("got %+v, want TP 2, FP 1 (Jake Sullivan), FN 1 (Kamala Harris)", sum)
	}
}

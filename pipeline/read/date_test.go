package read

import (
	"strings"
	"testing"
	"time"
)

// normalizeAsWas is dates.normalize as it was, trying every layout on
// every value: the reference for the one that tries only those that fit.
func (ms dates) normalizeAsWas(v string) string {
	v = strings.TrimSpace(v)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ms.find(v)
}

func checkNormalizeDate(t *testing.T, v string) {
	t.Helper()
	ms := testReader(t).lex.months
	if got, want := ms.normalize(v), ms.normalizeAsWas(v); got != want {
		t.Fatalf("normalize(%q) = %q, want %q", v, got, want)
	}
}

var normalizeDateSeeds = []string{"", "2021-01-20", " 2021-01-20 ", "2021-1-20", "2021-01-2", "2021-02-30", "+021-01-20", "2021-01-20T19:06:00-05:00",
	"2021-01-20T19:06:00Z", "2021-01-20T9:06:00Z", "2021-01-20T9:06:00", "2021-01-20 9:06:00", "2021-01-20 19:06:00.123", "2021-01-21 19:32:28-05:00",
	"2021-01-20T19:06:00.5+01:00", "January 20, 2021", "20 January 2021", "2021/01/20", "2021-01-20x", "9999-12-31", "0000-01-01", "2021-13-01"}

func TestNormalizeDateSameAsWas(t *testing.T) {
	for _, v := range normalizeDateSeeds {
		checkNormalizeDate(t, v)
	}
}

func FuzzNormalizeDate(f *testing.F) {
	for _, v := range normalizeDateSeeds {
		f.Add(v)
	}
	f.Fuzz(checkNormalizeDate)
}

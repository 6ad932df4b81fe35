package transcript

import "testing"

func TestNormalizeSpace(t *testing.T) {
	cases := []struct {
		in, want string
		words    int
	}{
		{"  a  b\n c \n\n\n d\u00a0e ", "a b c\n\nd e", 5},
		{"", "", 0},
		{"one", "one", 1},
		{"x\n \ny", "x\n\ny", 2},
	}
	for _, c := range cases {
		got, n := normalizeCount(c.in)
		if got != c.want || n != c.words {
			t.Errorf("normalizeCount(%q) = %q, %d; want %q, %d", c.in, got, n, c.want, c.words)
		}
	}
}

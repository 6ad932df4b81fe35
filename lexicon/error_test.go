package lexicon

import (
	"errors"
	"testing"
)

func TestAsProblems(t *testing.T) {
	one := &Error{File: "u.yaml", Line: 3, Err: ErrInvalid}
	cases := []struct {
		name string
		err  error
		want int
		msg  string
	}{
		{"nil", nil, 0, ""},
		{"problems", Problems{one, one}, 2, "u.yaml:3: invalid lexicon\nu.yaml:3: invalid lexicon"},
		{"one error", one, 1, "u.yaml:3: invalid lexicon"},
		{"other error", errors.New("disk full"), 1, "disk full"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := AsProblems(c.err)
			if len(got) != c.want {
				t.Fatalf("len = %d, want %d", len(got), c.want)
			}
			if c.want > 0 && got.Error() != c.msg {
				t.Errorf("message %q, want %q", got.Error(), c.msg)
			}
		})
	}
}

// TestCheckCoversCompile: every problem Compile reports is at a file:line
// Check reports too, so `lexicon check` need not compile.
func TestCheckCoversCompile(t *testing.T) {
	l := New()
	if err := l.AddFile("testdata/broken.yaml"); err != nil {
		t.Fatal(err)
	}
	compiled := AsProblems(l.Compile())
	if len(compiled) == 0 {
		t.Fatal("broken.yaml compiled without problems")
	}
	at := map[[2]any]bool{}
	for _, p := range l.Check() {
		at[[2]any{p.File, p.Line}] = true
	}
	for _, p := range compiled {
		if !at[[2]any{p.File, p.Line}] {
			t.Errorf("Compile reports %v, Check says nothing there", p)
		}
	}
}

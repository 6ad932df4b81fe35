package lexicon

import "testing"

// TestLoadOrderIsFixed loads a file where an organisation and a person
// share an exact-case alias many times: the same entry must win every time
// (it once depended on map iteration order).
func TestLoadOrderIsFixed(t *testing.T) {
	src := []byte(`people:
  - id: ada-stone
    name: Ada Stone
    aliases:
      - text: ASA
        case: exact
organisations:
  - id: asa-agency
    name: Astral Survey Agency
    kind: state
    aliases:
      - text: ASA
        case: exact
`)
	const text = "The ASA said so."
	first := ""
	for i := range 100 {
		l := New()
		if err := l.AddBytes("u.yaml", src); err != nil {
			t.Fatal(err)
		}
		if err := l.Compile(); err != nil {
			t.Fatal(err)
		}
		ms := l.Match(text)
		if len(ms) != 1 || ms[0].Entry == nil {
			t.Fatalf("run %d: want one entity match, got %s", i, render(text, ms))
		}
		id := ms[0].Entry.ID
		if first == "" {
			first = id
		}
		if id != first {
			t.Fatalf("run %d: matched %s, run 0 matched %s", i, id, first)
		}
	}
	if first != "asa-agency" {
		t.Errorf("matched %s, want asa-agency (organisations load before people)", first)
	}
}

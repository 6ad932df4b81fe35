package lexicon

import "testing"

// refWordKey is wordKey as it was, byte by byte: the reference for
// TestWordKeySameAsReference.
func refWordKey(w string) uint64 {
	var x uint64
	for i := 0; i < len(w) && i < 8; i++ {
		x |= uint64(w[i]) << (8 * i)
	}
	return x
}

// refHashWord is hashWord as it was, in one loop.
func refHashWord(w string, key uint64) uint64 {
	const m1, m2 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	h := (key ^ uint64(len(w))*m1) * m2
	for w = w[min(len(w), 8):]; len(w) > 0; w = w[min(len(w), 8):] {
		h = (h ^ h>>32 ^ refWordKey(w)) * m1
	}
	return h ^ h>>29
}

// checkSameHash compares wordKey and hashWord with the references on
// every suffix of s.
func checkSameHash(t *testing.T, s string) {
	for i := range len(s) + 1 {
		w := s[i:]
		if got, want := wordKey(w), refWordKey(w); got != want {
			t.Fatalf("wordKey(%q) = %#x, want %#x", w, got, want)
		}
		if got, want := hashWord(w, wordKey(w)), refHashWord(w, refWordKey(w)); got != want {
			t.Fatalf("hashWord(%q) = %#x, want %#x", w, got, want)
		}
		if got, want := hashToken(w), refHashWord(w, refWordKey(w)); got != want {
			t.Fatalf("hashToken(%q) = %#x, want %#x", w, got, want)
		}
	}
}

func TestWordKeySameAsReference(t *testing.T) {
	checkSameHash(t, "abcdefghijklmnopqrstuvwxyz0123456789 Erdoğan's ünïcödé")
	for _, w := range []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi"} {
		checkSameHash(t, w)
	}
}

func FuzzWordKey(f *testing.F) {
	for _, w := range []string{"", "a", "nato", "ukraine", "administration", "Erdoğan"} {
		f.Add(w)
	}
	f.Fuzz(checkSameHash)
}

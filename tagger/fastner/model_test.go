package fastner

import (
	"testing"
	"unicode/utf8"
)

// TestEmoticons checks the list's size against prose's (58) and the
// length bound isEmoticon uses.
func TestEmoticons(t *testing.T) {
	if len(emoticons) != 58 {
		t.Errorf("%d emoticons, prose has 58", len(emoticons))
	}
	longest := 0
	for e := range emoticons {
		longest = max(longest, len(e))
		if !utf8.ValidString(e) {
			t.Errorf("%q is not UTF-8", e)
		}
	}
	if longest != maxEmoticon {
		t.Errorf("longest emoticon: %d bytes, maxEmoticon is %d", longest, maxEmoticon)
	}
}

// TestModel checks the embedded model's shape: prose's 45 POS classes and
// 13 IOB labels, every constant found.
func TestModel(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.classes) != 45 || len(m.labels) != 13 {
		t.Errorf("%d classes, %d labels; prose has 45 and 13", len(m.classes), len(m.labels))
	}
	for name, id := range map[string]int32{"-START2-": m.idStart2, "-END-": m.idEnd, "-END2-": m.idEnd2,
		"-": m.idDash, "SYM": m.idSym, "NN": m.idNN, "nn": m.idNNLow} {
		if id < 0 {
			t.Errorf("%q is not in the model", name)
		}
	}
}

package dictionary

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Format
	}{
		{"liwc", "%\n1\teconomy\n%\ninflation\t1\n", LIWC},
		{"liwc after blank lines and a BOM", "\ufeff\n\n%\n1 economy\n%\ninflation 1\n", LIWC},
		{"lexicoder", "+economy\ninflation\n", Lexicoder},
		{"lexicoder with a space", "+ economy\ninflation\n", Lexicoder},
		{"quanteda", "economy:\n  - inflation\n", Quanteda},
		{"quanteda flow", "economy: [inflation, tax*]\n", Quanteda},
		{"quanteda after a comment", "# my dictionary\neconomy:\n  - inflation\n", Quanteda},
		{"quanteda document start", "---\neconomy: [inflation]\n", Quanteda},
		{"quanteda quoted key", "\"health care\":\n  - hospital\n", Quanteda},
		{"wordstat tabs", "ECONOMY\n\tINFLATION (1)\n", WordStat},
		{"wordstat spaces", "ECONOMY\n    INFLATION\n", WordStat},
		{"wordstat CRLF", "ECONOMY\r\n\tINFLATION (1)\r\n", WordStat},
		{"a plain word list", "inflation\ntax*\n", Unknown},
		{"empty", "", Unknown},
		{"blank", "\n  \n", Unknown},
		{"indented first line", "  ECONOMY\n\tINFLATION\n", Unknown},
		{"a YAML list", "- inflation\n- tax\n", Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.src)); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.src, got, tt.want)
			}
		})
	}
}

// TestDetectTestdata checks that each example dictionary is told by its
// content, whatever its name.
func TestDetectTestdata(t *testing.T) {
	for file, want := range map[string]Format{"policy.yml": Quanteda, "policy.dic": LIWC, "policy.cat": WordStat, "policy.lc3": Lexicoder} {
		src := readTestdata(t, file)
		if got := Detect(src); got != want {
			t.Errorf("%s: %v, want %v", file, got, want)
		}
	}
}

package dictionary

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// testdataDir holds the example dictionaries, shared with the CLI's tests
// and the README.
const testdataDir = "../../testdata/dictionaries"

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(testdataDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// summary renders a dictionary as "label [parent label] @line: entries", one
// category a line in file order, an entry "text" or "text×weight" with
// its line.
func summary(d *Dictionary) string {
	var lines []string
	var walk func(cs []*Category, parent string)
	walk = func(cs []*Category, parent string) {
		for _, c := range cs {
			var es []string
			for _, e := range c.Entries {
				s := fmt.Sprintf("%s@%d", e.Text, e.Line)
				if e.Weight != 1 {
					s = fmt.Sprintf("%s×%g@%d", e.Text, e.Weight, e.Line)
				}
				es = append(es, s)
			}
			p := ""
			if parent != "" {
				p = " <" + parent
			}
			lines = append(lines, fmt.Sprintf("%s %s%s @%d: %s", c.ID, c.Label, p, c.Line, strings.Join(es, ", ")))
			walk(c.Children, c.Label)
		}
	}
	walk(d.Categories, "")
	return strings.Join(lines, "\n")
}

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name, file, src string
		format          Format
		want            string
	}{
		{"liwc", "x.dic", "%\n1\teconomy\n2\thealth care\t(Health Care Words)\n%\ninflation\t1\ntax*\t1 2\nhealth care\t2\nHospital*  2\n",
			LIWC, "dict-x-economy economy @2: inflation@5, tax*@6\n" +
				"dict-x-health-care health care @3: tax*@6, health care@7, hospital*@8"},
		{"liwc without tabs, phrase and numbers", "my dict.dic", "%\n1 Economy words\n%\ninterest rate* 1\n",
			LIWC, "dict-my-dict-economy-words Economy words @2: interest rate*@4"},
		{"liwc numbers with zeros and blank lines", "x.dic", "\n%\n01\tone\n\n%\n\nword\t1\n",
			LIWC, "dict-x-one one @3: word@7"},
		{"liwc after a comment", "x.dic", "# mine\n%\n1\tone\n%\nword\t1\n",
			LIWC, "dict-x-one one @3: word@5"},
		{"wordstat nested with weights", "x.cat", "ECONOMY\n\tINFLATION (1)\n\tTAX* (2)\nHEALTH\n\tCARE\n\t\tHOSPITAL*\n\t\tNURSE (1.5)\n\tDOCTOR* (1)\n",
			WordStat, "dict-x-economy ECONOMY @1: inflation@2, tax*×2@3\n" +
				"dict-x-health HEALTH @4: doctor*@8\n" +
				"dict-x-health-care HEALTH.CARE <HEALTH @5: hospital*@6, nurse×1.5@7"},
		{"wordstat spaces and CRLF", "x.cat", "Energy\r\n  OIL (1)\r\n  GAS PRICE* (1)\r\n\r\nTrade\r\n  TARIFF*\r\n",
			WordStat, "dict-x-energy Energy @1: oil@2, gas price*@3\n" +
				"dict-x-trade Trade @5: tariff*@6"},
		{"lexicoder", "x.lc3", "+economy\ninflation\n  tax* \n\n+ health\nhospital*\nhealth care\n",
			Lexicoder, "dict-x-economy economy @1: inflation@2, tax*@3\n" +
				"dict-x-health health @5: hospital*@6, health care@7"},
		{"quanteda nested, flow, scalar, numbers", "x.yml", "economy: [inflation, tax*]\nhealth:\n  care:\n    - hospital*\n    - 911\n  insurance: medicaid\n",
			Quanteda, "dict-x-economy economy @1: inflation@1, tax*@1\n" +
				"dict-x-health health @2: \n" +
				"dict-x-health-care health.care <health @3: hospital*@4, 911@5\n" +
				"dict-x-health-insurance health.insurance <health @6: medicaid@6"},
		{"quanteda words beside subcategories", "x.yml", "# comment\nhealth:\n  - doctor\n  - care:\n      - nurse*\n  - Clinic\n",
			Quanteda, "dict-x-health health @2: doctor@3, clinic@6\n" +
				"dict-x-health-care health.care <health @4: nurse*@5"},
		{"an entry twice is kept once", "x.lc3", "+a\nword\nWord\n", Lexicoder, "dict-x-a a @1: word@2"},
		{"diacritics in ids", "Politique.lc3", "+Économie\nchômage\n", Lexicoder, "dict-politique-economie Économie @1: chômage@2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(tt.file, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != tt.format {
				t.Errorf("format %v, want %v", d.Format, tt.format)
			}
			if got := summary(d); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestReadTestdata reads each example dictionary: the same words under the
// same top-level categories in all four formats, nested in two of them.
func TestReadTestdata(t *testing.T) {
	want := map[string][]string{
		"economy":     {"budget deficit", "gas price*", "inflation", "interest rate*", "unemploy*"},
		"energy":      {"electricity", "gas price*", "oil", "renewabl*"},
		"health":      {"health care", "hospital*", "insur*", "medicaid", "medicare", "nurse*"},
		"immigration": {"asylum", "border crossing*", "immigra*", "visa*"},
	}
	for _, file := range []string{"policy.yml", "policy.dic", "policy.cat", "policy.lc3"} {
		t.Run(file, func(t *testing.T) {
			d, err := Read(file, readTestdata(t, file))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, c := range d.Categories {
				top := strings.ToLower(c.Path[0])
				var add func(*Category)
				add = func(c *Category) {
					for _, e := range c.Entries {
						got[top] = append(got[top], e.Text)
					}
					for _, k := range c.Children {
						add(k)
					}
				}
				add(c)
				sort.Strings(got[top])
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("words by category:\n got %v\nwant %v", got, want)
			}
			nested := len(d.Categories[1].Children) > 0
			if wantNested := d.Format == Quanteda || d.Format == WordStat; nested != wantNested {
				t.Errorf("health nested: %v, want %v", nested, wantNested)
			}
		})
	}
}

package pipeline

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// allowedImports is the layout: which of turntag's packages each package's
// code (tests aside) may import, as its doc comment says. Data flows one
// way, so no stage imports a later one.
var allowedImports = map[string][]string{
	"lexicon":                    nil,
	"internal/memo":              nil,
	"lexicon/dictionary":         {"lexicon"},
	"lexicon/sense":              {"lexicon"},
	"tagger":                     {"internal/memo", "lexicon"},
	"tagger/fastner":             {"tagger"},
	"pipeline/transcript":        {"lexicon", "tagger"},
	"pipeline/limited":           {"pipeline/transcript"},
	"pipeline/read":              {"internal/memo", "lexicon", "pipeline/limited", "pipeline/transcript"},
	"pipeline/speakers":          {"internal/memo", "lexicon", "pipeline/read", "pipeline/transcript", "tagger"},
	"pipeline":                   {"lexicon", "pipeline/read", "pipeline/speakers", "pipeline/transcript", "tagger"},
	"pipeline/write":             {"lexicon", "pipeline/transcript", "tagger"},
	"pipeline/batch":             {"pipeline", "pipeline/limited", "pipeline/read", "pipeline/transcript", "pipeline/write"},
	"pipeline/eval":              {"lexicon", "pipeline/limited", "pipeline/transcript", "tagger"},
	"pipeline/report":            {"lexicon", "pipeline/transcript", "pipeline/write", "tagger"},
	"pipeline/internal/testdocs": {"pipeline/transcript"},
}

// TestLayout checks every package's imports against allowedImports.
func TestLayout(t *testing.T) {
	const module = "github.com/turntag/turntag/"
	for pkg, allowed := range allowedImports {
		files, err := filepath.Glob(filepath.Join("..", pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", pkg, err)
		}
		ok := map[string]bool{}
		for _, a := range allowed {
			ok[a] = true
		}
		var bad []string
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range ast.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if own, found := strings.CutPrefix(path, module); found && !ok[own] {
					bad = append(bad, filepath.Base(f)+" imports "+own)
				}
			}
		}
		sort.Strings(bad)
		for _, b := range bad {
			t.Errorf("%s: %s, which its layout does not allow", pkg, b)
		}
	}
}

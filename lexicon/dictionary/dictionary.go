package dictionary

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/turntag/turntag/lexicon"
)

// Sentinel errors, for errors.Is. Every error Read returns is a
// *lexicon.Error (or lexicon.Problems of them) wrapping one of these.
var (
	// ErrFormat marks content that is none of the dictionary formats.
	ErrFormat = errors.New("not a dictionary")
	// ErrInvalid marks a line that breaks its format's rules.
	ErrInvalid = errors.New("invalid dictionary")
	// ErrGlob marks a wildcard turntag has no equivalent for: a * that is
	// not at the end of the last word, or a ?.
	ErrGlob = errors.New("unsupported wildcard")
	// ErrClash marks a dictionary whose topics' ids or labels are already
	// in the lexicon it is added to.
	ErrClash = errors.New("clashes with the lexicon")
)

// Dictionary is one imported dictionary file.
type Dictionary struct {
	File       string      // the file name as given: errors and the topics' File say it
	Name       string      // the id namespace: a slug of the file's base name without its extension ("policy")
	Format     Format      // the format detected from the content
	Categories []*Category // the top-level categories, in file order
}

// Category is a category of a dictionary, with its entries and the
// categories nested in it.
type Category struct {
	Path     []string    // category names from the top level down to this one, as written
	ID       string      // turntag topic id: "dict-<name>-<path slugs>"
	Label    string      // turntag topic label: the path joined with "." ("health.care")
	Line     int         // 1-based line of the category's name in File
	Entries  []Entry     // unique entries, in file order
	Children []*Category // nested categories, in file order
}

// Entry is one word or phrase of a category.
type Entry struct {
	Text   string  // lower case, single spaces; a trailing * is a prefix glob on the last word
	Weight float64 // weight in the topic score: 1, or a WordStat weight
	Line   int     // 1-based line in File
}

// ReadFile reads and parses a dictionary file.
func ReadFile(name string) (*Dictionary, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, &lexicon.Error{File: name, Err: err}
	}
	return Read(name, src)
}

// Read detects the format of a dictionary from its content, parses it and
// validates it. It returns every problem as file:line: a *lexicon.Error,
// or lexicon.Problems sorted by line when there are several.
func Read(name string, src []byte) (*Dictionary, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !utf8.Valid(src) {
		return nil, &lexicon.Error{File: name, Line: invalidLine(src), Err: fmt.Errorf("%w: invalid UTF-8: save the file as UTF-8", ErrInvalid)}
	}
	d := &Dictionary{File: name, Name: fileName(name), Format: Detect(src)}
	b := &builder{file: name}
	switch d.Format {
	case Quanteda:
		d.Categories = parseQuanteda(b, src)
	case LIWC:
		d.Categories = parseLIWC(b, lines(src))
	case WordStat:
		d.Categories = parseWordStat(b, lines(src))
	case Lexicoder:
		d.Categories = parseLexicoder(b, lines(src))
	default:
		return nil, &lexicon.Error{File: name, Err: fmt.Errorf("%w: turntag reads quanteda YAML (category: [words]), LIWC .dic (starts with a %% line), "+
			"WordStat .cat (categories with their words indented below) and Lexicoder .lc3 (+category lines)", ErrFormat)}
	}
	d.finish(b)
	if len(b.probs) > 0 {
		return nil, sorted(b.probs)
	}
	return d, nil
}

// finish gives every category its id and label and reports categories
// without words, ids that two categories share and labels that would break
// the CSV's lists.
func (d *Dictionary) finish(b *builder) {
	ids := map[string]*Category{}
	d.Walk(func(c *Category) {
		slugs := make([]string, len(c.Path))
		for i, p := range c.Path {
			if slugs[i] = slug(p); slugs[i] == "" {
				slugs[i] = fmt.Sprintf("line%d", c.Line)
			}
		}
		c.ID = "dict-" + d.Name + "-" + strings.Join(slugs, "-")
		c.Label = strings.Join(c.Path, ".")
		if old, ok := ids[c.ID]; ok {
			b.errorf(c.Line, ErrInvalid, "category %q has the same id (%s) as category %q on line %d: rename one", c.Label, c.ID, old.Label, old.Line)
		} else {
			ids[c.ID] = c
		}
		if strings.ContainsAny(c.Label, ";|") {
			b.errorf(c.Line, ErrInvalid, "category %q: ; and | separate the topics in turntag's CSV and cannot be in a name", c.Label)
		}
		if len(c.Entries) == 0 && len(c.Children) == 0 && !b.tried[c] {
			b.errorf(c.Line, ErrInvalid, "category %q has no words", c.Label)
		}
	})
}

// Walk calls fn for every category, parents before their children, in file
// order.
func (d *Dictionary) Walk(fn func(*Category)) {
	var walk func([]*Category)
	walk = func(cs []*Category) {
		for _, c := range cs {
			fn(c)
			walk(c.Children)
		}
	}
	walk(d.Categories)
}

// builder collects the problems of one file and normalises entries.
type builder struct {
	file  string
	probs lexicon.Problems
	tried map[*Category]bool // categories given entries, kept or reported
}

// try notes that a category was given an entry or a value, so that finish
// does not report it as empty when its entries were reported.
func (b *builder) try(c *Category) {
	if b.tried == nil {
		b.tried = map[*Category]bool{}
	}
	b.tried[c] = true
}

func (b *builder) errorf(line int, kind error, format string, args ...any) {
	b.probs = append(b.probs, &lexicon.Error{File: b.file, Line: line, Err: fmt.Errorf("%w: %s", kind, fmt.Sprintf(format, args...))})
}

// category makes a category under parent (nil: at the top level).
func (b *builder) category(roots *[]*Category, parent *Category, name string, line int) *Category {
	c := &Category{Path: []string{name}, Line: line}
	if parent != nil {
		c.Path = append(append([]string{}, parent.Path...), name)
		parent.Children = append(parent.Children, c)
	} else {
		*roots = append(*roots, c)
	}
	return c
}

// entry adds an entry to a category: lower-cased, spaces collapsed, its
// wildcards checked; an entry listed twice is kept once.
func (b *builder) entry(c *Category, text string, weight float64, line int) {
	b.try(c)
	s, err := normalizeEntry(text)
	if err != nil {
		b.probs = append(b.probs, &lexicon.Error{File: b.file, Line: line, Err: err})
		return
	}
	for _, e := range c.Entries {
		if e.Text == s {
			if e.Weight != weight {
				b.errorf(line, ErrInvalid, "%q is already in category %q with weight %g (line %d)", s, strings.Join(c.Path, "."), e.Weight, e.Line)
			}
			return
		}
	}
	c.Entries = append(c.Entries, Entry{Text: s, Weight: weight, Line: line})
}

// normalizeEntry lower-cases an entry and collapses its spaces, and
// rejects the wildcards turntag cannot express.
func normalizeEntry(text string) (string, error) {
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	if s == "" {
		return "", fmt.Errorf("%w: empty entry", ErrInvalid)
	}
	if strings.Contains(s, "?") {
		return "", fmt.Errorf("%w: %q: ? (any one character) has no turntag equivalent: write out the forms it stands for", ErrGlob, text)
	}
	body := strings.TrimSuffix(s, "*")
	if strings.Contains(body, "*") {
		return "", fmt.Errorf("%w: %q: turntag's wildcard is a * at the end of the last word (\"immigra*\", \"interest rate*\"); a * anywhere else has no equivalent: write out the forms it stands for", ErrGlob, text)
	}
	if body == "" || len(lexicon.Tokenize(body)) == 0 {
		return "", fmt.Errorf("%w: %q has no words", ErrInvalid, text)
	}
	if body != s {
		if r, _ := utf8.DecodeLastRuneInString(body); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "", fmt.Errorf("%w: %q: * must follow a letter or a digit", ErrGlob, text)
		}
	}
	return s, nil
}

// fileName is the id namespace of a file: the slug of its base name
// without the extension.
func fileName(path string) string {
	base := filepath.Base(path)
	if s := slug(strings.TrimSuffix(base, filepath.Ext(base))); s != "" {
		return s
	}
	return "dictionary"
}

var stripMarks = runes.Remove(runes.In(unicode.Mn))

// slug lower-cases s, drops diacritics and joins its runs of letters and
// digits with single hyphens: "Health Care" and "+HEALTH_CARE+" are
// "health-care".
func slug(s string) string {
	if folded, _, err := transform.String(transform.Chain(norm.NFD, stripMarks, norm.NFC), s); err == nil {
		s = folded
	}
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			sb.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return sb.String()
}

// line is one line of a line-based format, without its line end.
type line struct {
	no   int    // 1-based
	text string // as written, without "\r"
}

// lines splits src into lines.
func lines(src []byte) []line {
	parts := strings.Split(string(src), "\n")
	out := make([]line, len(parts))
	for i, p := range parts {
		out[i] = line{no: i + 1, text: strings.TrimSuffix(p, "\r")}
	}
	return out
}

// invalidLine is the line of the first invalid UTF-8 byte of src.
func invalidLine(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return 1 + bytes.Count(src[:i], []byte("\n"))
		}
		i += n
	}
	return 0
}

// sorted returns the problems sorted by line as one error: the only one,
// or all of them.
func sorted(p lexicon.Problems) error {
	if len(p) == 1 {
		return p[0]
	}
	sort.SliceStable(p, func(i, j int) bool { return p[i].Line < p[j].Line }) // one file: by file and line
	return p
}

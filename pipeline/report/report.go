package report

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
)

// Options says what a report shows besides the documents.
type Options struct {
	Title   string           // the report's heading; "turntag report" when empty
	Lexicon *lexicon.Lexicon // the lexicon the corpus was tagged with, for the codebook; nil leaves out its cues and rules
}

// Builder collects the documents of one report, in the order they are
// added, and writes the report. Each document's turns are packed (JSON,
// gzip, base64) as it is added, so a builder holds the corpus compressed.
// A Builder is not safe for concurrent use.
type Builder struct {
	opts Options
	sum  summary
	blob []string // per document: its packed docData

	topics    *index
	speakers  *index
	countries *index
	orgs      *index
	people    *index
	fired     map[int]map[string]*cueCount // topic index -> cue -> counts in the corpus
}

// New returns an empty report builder.
func New(opts Options) *Builder {
	if opts.Title == "" {
		opts.Title = "turntag report"
	}
	b := &Builder{
		opts:      opts,
		topics:    newIndex(),
		speakers:  newIndex(),
		countries: newIndex(),
		orgs:      newIndex(),
		people:    newIndex(),
		fired:     map[int]map[string]*cueCount{},
	}
	b.sum.Title = opts.Title
	if opts.Lexicon != nil {
		for _, t := range opts.Lexicon.Topics {
			b.topic(t.Label, t.ID)
		}
	}
	return b
}

// topic returns the index of a topic label, adding it when new.
func (b *Builder) topic(label, id string) int {
	i, added := b.topics.add(label)
	if added {
		b.sum.Topics = append(b.sum.Topics, topicInfo{Label: label, ID: id})
	}
	return i
}

// Documents returns the number of documents added.
func (b *Builder) Documents() int { return len(b.sum.Docs) }

// AddDocument adds a tagged document: its turn and mention records, as
// `turntag tag` writes them.
func (b *Builder) AddDocument(doc *transcript.Document) error {
	turns, mentions := records(doc)
	return b.Add(turns, mentions)
}

// Add adds one document from its turn records, in turn order, and the
// mention records of its turns (any order; nil when there are none to
// show). A mention whose turn or character offsets fall outside the
// document's turns is an error, and the document is not added.
func (b *Builder) Add(turns []write.TurnRecord, mentions []write.MentionRecord) error {
	if len(turns) == 0 {
		return nil
	}
	packed, err := packDoc(turns, mentions)
	if err != nil {
		return err
	}
	b.add(turns, packed)
	return nil
}

// Encoder packs the document view's data of each document in the batch
// workers, where it costs least: give it to batch.Runner with the other
// encoders and hand its output to Builder.AddEncoded. It is safe for
// concurrent use.
type Encoder struct{}

// Header returns nothing: the packed documents have no header.
func (Encoder) Header() []byte { return nil }

// Encode packs the document's turns and mentions.
func (Encoder) Encode(doc *transcript.Document) ([]byte, error) {
	turns, mentions := records(doc)
	packed, err := packDoc(turns, mentions)
	return []byte(packed), err
}

// AddEncoded adds a tagged document whose turns and mentions Encoder
// packed.
func (b *Builder) AddEncoded(doc *transcript.Document, packed []byte) error {
	if len(doc.Turns) == 0 {
		return nil
	}
	turns := make([]write.TurnRecord, len(doc.Turns))
	for n := range turns {
		turns[n] = write.Record(doc, n+1)
	}
	b.add(turns, string(packed))
	return nil
}

// records returns a document's turn and mention records.
func records(doc *transcript.Document) ([]write.TurnRecord, []write.MentionRecord) {
	turns := make([]write.TurnRecord, len(doc.Turns))
	var mentions []write.MentionRecord
	for n := 1; n <= len(doc.Turns); n++ {
		turns[n-1] = write.Record(doc, n)
		mentions = append(mentions, write.Mentions(doc, n)...)
	}
	return turns, mentions
}

// packDoc checks the mentions against the turns and packs what the
// document view shows: each turn's text, its mentions and its topics with
// their evidence.
func packDoc(turns []write.TurnRecord, mentions []write.MentionRecord) (string, error) {
	if len(turns) == 0 {
		return "", nil
	}
	source := turns[0].Source
	data := docData{Turns: make([]turnData, len(turns))}
	chars := make([]int, len(turns))
	for i, t := range turns {
		chars[i] = utf8.RuneCountInString(t.Text)
		td := turnData{Text: t.Text, Mentions: [][]any{}, Topics: make([][]any, 0, len(t.Topics)), Start: t.Start, End: t.End}
		for _, tp := range t.Topics {
			cues := make([][]any, 0, len(tp.Evidence))
			for _, c := range tp.Evidence {
				cues = append(cues, []any{c.Cue, c.Count})
			}
			td.Topics = append(td.Topics, []any{tp.Label, tp.Score, cues})
		}
		data.Turns[i] = td
	}
	for _, m := range mentions {
		if m.Turn < 1 || m.Turn > len(turns) {
			return "", fmt.Errorf("%s: a mention of %q is in turn %d, which the document does not have", source, m.Text, m.Turn)
		}
		if n := chars[m.Turn-1]; m.Start < 0 || m.Start > m.End || m.End > n {
			return "", fmt.Errorf("%s: turn %d: the mention of %q at characters %d-%d is outside the turn's text (%d characters)", source, m.Turn, m.Text, m.Start, m.End, n)
		}
		td := &data.Turns[m.Turn-1]
		td.Mentions = append(td.Mentions, []any{m.Start, m.End, m.Type, m.Canonical, m.ID, m.Origin, m.Text})
	}
	for i := range data.Turns {
		ms := data.Turns[i].Mentions
		sort.SliceStable(ms, func(a, c int) bool { return ms[a][0].(int) < ms[c][0].(int) })
	}
	packed, err := pack(data)
	if err != nil {
		return "", fmt.Errorf("%s: %w", source, err)
	}
	return packed, nil
}

// add adds a document's turns to the summary, with its packed view.
func (b *Builder) add(turns []write.TurnRecord, packed string) {
	doc := docInfo{DocumentRecord: write.Summarize(turns), First: len(b.sum.Turns.Doc)}
	d := len(b.sum.Docs)
	tc := &b.sum.Turns
	for _, t := range turns {
		spk, added := b.speakers.add(t.Speaker + "\x00" + t.SpeakerRole + "\x00" + t.SpeakerAffiliation)
		if added {
			b.sum.Speakers = append(b.sum.Speakers, [3]string{t.Speaker, t.SpeakerRole, t.SpeakerAffiliation})
		}
		tc.Doc = append(tc.Doc, d)
		tc.Speaker = append(tc.Speaker, spk)
		tc.Words = append(tc.Words, t.Words)
		topics := make([]int, 0, 2*len(t.Topics))
		for _, tp := range t.Topics {
			k := b.topic(tp.Label, "")
			topics = append(topics, k, int(tp.Score*100+0.5))
			for _, c := range tp.Evidence {
				b.fire(k, c.Cue, c.Count)
			}
		}
		tc.Topics = append(tc.Topics, topics)
		countries := make([]int, 0, len(t.Countries))
		for _, c := range t.Countries {
			k, added := b.countries.add(c.Name)
			if added {
				b.sum.Countries = append(b.sum.Countries, [2]string{c.Name, c.Code})
			}
			countries = append(countries, k)
		}
		tc.Countries = append(tc.Countries, countries)
		tc.Orgs = append(tc.Orgs, b.names(b.orgs, &b.sum.Orgs, t.Organisations))
		tc.People = append(tc.People, b.names(b.people, &b.sum.People, t.People))
	}
	b.sum.Docs = append(b.sum.Docs, doc)
	b.blob = append(b.blob, packed)
}

// names returns the indexes of names, adding new ones to list.
func (b *Builder) names(ix *index, list *[]string, names []string) []int {
	out := make([]int, 0, len(names))
	for _, n := range names {
		k, added := ix.add(n)
		if added {
			*list = append(*list, n)
		}
		out = append(out, k)
	}
	return out
}

// fire counts one cue of a topic's evidence in one turn.
func (b *Builder) fire(topic int, cue string, count int) {
	m := b.fired[topic]
	if m == nil {
		m = map[string]*cueCount{}
		b.fired[topic] = m
	}
	c := m[cue]
	if c == nil {
		c = &cueCount{Cue: cue}
		m[cue] = c
	}
	c.Turns++
	c.Count += count
}

// index numbers strings in order of first appearance.
type index struct{ m map[string]int }

func newIndex() *index { return &index{m: map[string]int{}} }

// add returns the string's number and whether it is new.
func (x *index) add(s string) (int, bool) {
	if i, ok := x.m[s]; ok {
		return i, false
	}
	i := len(x.m)
	x.m[s] = i
	return i, true
}

// gzipWriters are reused: each holds about a megabyte of tables.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// pack renders v as JSON, gzip-compressed and base64-encoded.
func pack(v any) (string, error) {
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	var z bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&z)
	zw.Write(raw.Bytes()) // writes to a bytes.Buffer do not fail
	if err := zw.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(z.Bytes()), nil
}

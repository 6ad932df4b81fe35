package fastner

import "github.com/turntag/turntag/tagger"

// Finder is the tagger.NameFinder over the embedded model: prose's
// entities, found fast. Its zero value is ready; it is safe for
// concurrent use.
type Finder struct{}

// Warm loads the model now rather than on the first call.
func (Finder) Warm() error {
	_, err := Default()
	return err
}

// Names returns the entities prose's NewDocument (segmentation off) finds
// in text, as tagger.Prose does.
func (Finder) Names(text string) ([]tagger.Name, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return m.Names(text)
}

// Names returns the text and class of each entity in text.
func (m *Model) Names(text string) ([]tagger.Name, error) {
	s := pool.Get().(*scratch)
	defer pool.Put(s)
	clean, err := m.run(s, text)
	if err != nil {
		return nil, err
	}
	var out []tagger.Name
	m.chunk(s, clean, &out)
	return out, nil
}

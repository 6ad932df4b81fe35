package lexicon

import (
	"fmt"
	"slices"
	"strings"
)

// mergeEntry adds e, or merges it into the entry with the same id: extend
// (append phrases, topics, offices and sites, overwrite non-empty fields),
// replace or remove.
// An id defined twice within one file is an error.
func (l *Lexicon) mergeEntry(e *Entry) error {
	if e.ID == "" {
		return fmt.Errorf("%w: %s entry without id", ErrInvalid, e.Type)
	}
	old, ok := l.byID[e.ID]
	if !ok {
		if e.Remove {
			return fmt.Errorf("%w: cannot remove %q", ErrUnknownID, e.ID)
		}
		l.byID[e.ID] = e
		l.Entries = append(l.Entries, e)
		return nil
	}
	if old.File == e.File {
		return fmt.Errorf("%w: %q is already defined at line %d", ErrDuplicate, e.ID, old.Line)
	}
	if strings.HasPrefix(old.File, DefaultFile) && strings.HasPrefix(e.File, DefaultFile) {
		l.dupes = append(l.dupes, &Error{File: e.File, Line: e.Line,
			Err: fmt.Errorf("%w: %q is also defined at %s:%d (default files must not overlap)", ErrDuplicate, e.ID, old.File, old.Line)})
	}
	if old.Type != e.Type {
		return fmt.Errorf("%w: %q is a %s in %s, not a %s", ErrDuplicate, e.ID, old.Type, old.File, e.Type)
	}
	switch {
	case e.Remove:
		delete(l.byID, e.ID)
		l.Entries = slices.DeleteFunc(l.Entries, func(x *Entry) bool { return x == old })
	case e.Replace:
		l.byID[e.ID] = e
		l.Entries[slices.Index(l.Entries, old)] = e
	default:
		merged := *old
		setIf(&merged.Name, e.Name)
		setIf(&merged.Official, e.Official)
		setIf(&merged.ISO2, e.ISO2)
		setIf(&merged.ISO3, e.ISO3)
		setIf(&merged.Kind, e.Kind)
		setIf(&merged.Role, e.Role)
		setIf(&merged.Country, e.Country)
		merged.Aliases = append(slices.Clip(old.Aliases), e.Aliases...)
		merged.Demonyms = append(slices.Clip(old.Demonyms), e.Demonyms...)
		merged.Capitals = append(slices.Clip(old.Capitals), e.Capitals...)
		merged.Topics = appendNew(slices.Clip(old.Topics), e.Topics...)
		merged.Offices = append(slices.Clip(old.Offices), e.Offices...)
		merged.Sites = appendNew(slices.Clip(old.Sites), e.Sites...)
		l.byID[e.ID] = &merged
		l.Entries[slices.Index(l.Entries, old)] = &merged
	}
	return nil
}

// mergeTopic adds, extends, replaces or removes a topic, as mergeEntry does.
func (l *Lexicon) mergeTopic(t *Topic) error {
	if t.ID == "" {
		return fmt.Errorf("%w: topic without id", ErrInvalid)
	}
	old, ok := l.topicByID[t.ID]
	if !ok {
		if t.Remove {
			return fmt.Errorf("%w: cannot remove topic %q", ErrUnknownID, t.ID)
		}
		if t.Taxonomy == "" {
			t.Taxonomy = DefaultTaxonomy
		}
		l.topicByID[t.ID] = t
		l.Topics = append(l.Topics, t)
		return nil
	}
	if old.File == t.File {
		return fmt.Errorf("%w: topic %q is already defined at line %d", ErrDuplicate, t.ID, old.Line)
	}
	switch {
	case t.Remove:
		delete(l.topicByID, t.ID)
		l.Topics = slices.DeleteFunc(l.Topics, func(x *Topic) bool { return x == old })
	case t.Replace:
		if t.Taxonomy == "" {
			t.Taxonomy = DefaultTaxonomy
		}
		l.topicByID[t.ID] = t
		l.Topics[slices.Index(l.Topics, old)] = t
	default:
		merged := *old
		setIf(&merged.Label, t.Label)
		setIf(&merged.Parent, t.Parent)
		setIf(&merged.Taxonomy, t.Taxonomy)
		merged.Cues = append(slices.Clip(old.Cues), t.Cues...)
		l.topicByID[t.ID] = &merged
		l.Topics[slices.Index(l.Topics, old)] = &merged
	}
	return nil
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

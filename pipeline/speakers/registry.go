package speakers

// personAnswer is what the document's registry answered for a name, and
// speakers.gen when it did.
type personAnswer struct {
	canonical, id string
	ok            bool
	gen           int
}

// person is s.reg.Person, remembered while no name is added to the
// registry: a document's labels and byline ask for the same names turn
// after turn, and each answer tokenises the name again.
func (s *speakers) person(name string) (canonical, id string, ok bool) {
	if a, found := s.persons[name]; found && a.gen == s.gen {
		return a.canonical, a.id, a.ok
	}
	canonical, id, ok = s.reg.Person(name)
	if s.persons == nil {
		s.persons = s.scratch().persons
		if s.persons == nil {
			s.persons = map[string]personAnswer{}
		}
	}
	s.persons[name] = personAnswer{canonical, id, ok, s.gen}
	return canonical, id, ok
}

// addPerson is s.reg.AddPerson, which changes what the registry answers
// only for a name not added before.
func (s *speakers) addPerson(name string) {
	if s.added[name] {
		return
	}
	if s.added == nil {
		s.added = s.scratch().added
		if s.added == nil {
			s.added = map[string]bool{}
		}
	}
	s.added[name] = true
	s.reg.AddPerson(name)
	s.gen++
}

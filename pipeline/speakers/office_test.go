package speakers

import (
	"net/url"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// holderRef is people.holder as it was before holders were indexed by
// country and title: every person with an office, of holders, is a
// candidate. It is the reference holder is checked against.
func holderRef(holders []*lexicon.Entry, title, country, date string) (*lexicon.Entry, bool) {
	if title == "" || country == "" || date == "" {
		return nil, false
	}
	var found *lexicon.Entry
	for _, e := range holders {
		for _, o := range e.Offices {
			if o.Holds(title, country, date) {
				if found != nil && found != e {
					return nil, false
				}
				found = e
			}
		}
	}
	return found, found != nil
}

// TestHolderMatchesRef looks up every office of the lexicon, in its
// country and another, on the dates its term starts and ends and others,
// with holder and with the reference.
func TestHolderMatchesRef(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := newPeople(lex)
	var holders []*lexicon.Entry
	for _, e := range lex.Sorted(0) {
		if e.Type == lexicon.Person && len(e.Offices) > 0 {
			holders = append(holders, e)
		}
	}
	n := 0
	for _, e := range holders {
		for _, o := range e.Offices {
			for _, title := range []string{o.Title, strings.ToUpper(o.Title), strings.ToLower(o.Title), "x" + o.Title, ""} {
				for _, country := range []string{o.Country, "usa", "zzz", ""} {
					for _, date := range []string{o.From, o.To, "2022-03-03", ""} {
						got, ok := p.holder(title, country, date, "")
						want, wantOK := holderRef(holders, title, country, date)
						if got != want || ok != wantOK {
							t.Fatalf("holder(%q, %q, %q) = %v, %v; the reference gives %v, %v", title, country, date, got, ok, want, wantOK)
						}
						if ok {
							n++
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no office has a holder")
	}
}

// FuzzFoldTitle checks that two titles fold to the same string exactly
// when strings.EqualFold takes them for equal.
func FuzzFoldTitle(f *testing.F) {
	for _, seed := range [][2]string{{"Press Secretary", "PRESS SECRETARY"}, {"ſ", "S"}, {"K", "\u212a"}, {"Σ", "ς"},
		{"\xff", "\xfe"}, {"Minister", "Ministers"}, {"İ", "i"}, {"ǅ", "ǆ"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := foldTitle(a) == foldTitle(b), strings.EqualFold(a, b); got != want {
			t.Errorf("foldTitle(%q) == foldTitle(%q) is %v, EqualFold says %v", a, b, got, want)
		}
	})
}

// hostCountryRef is people.hostCountry as it was, a look at every site:
// the reference hostCountry is checked against.
func hostCountryRef(lex *lexicon.Lexicon, host string) string {
	best, country := 0, ""
	for _, e := range lex.Sorted(0) {
		if e.Type != lexicon.Organisation {
			continue
		}
		for _, h := range e.Sites {
			h = strings.ToLower(strings.TrimSpace(h))
			if (host == h || strings.HasSuffix(host, "."+h)) && len(h) > best {
				best, country = len(h), e.Country
			}
		}
	}
	return country
}

func FuzzHostCountry(f *testing.F) {
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	p := newPeople(lex)
	for _, e := range lex.Sorted(0) {
		for _, h := range e.Sites {
			f.Add(strings.ToLower(h))
			f.Add("www." + strings.ToLower(h))
			f.Add("x" + strings.ToLower(h))
		}
	}
	for _, h := range []string{"", ".", "gov", ".gov", "a..gov", "bidenwhitehouse.archives.gov", "en.kremlin.ru.", "state.gov.evil.com"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, host string) {
		if got, want := p.hostCountry(host), hostCountryRef(lex, host); got != want {
			t.Errorf("hostCountry(%q) = %q, the reference gives %q", host, got, want)
		}
	})
}

// siteHostRef is siteHost as it was, through url.Parse alone.
func siteHostRef(rawURL string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Host == "" {
		return "", false
	}
	return strings.ToLower(u.Hostname()), true
}

// FuzzSiteHost checks siteHost against url.Parse, seeded with the
// testdata documents' URLs.
func FuzzSiteHost(f *testing.F) {
	for _, doc := range testDocs(f) {
		f.Add(doc.URL)
	}
	for _, s := range []string{"", " https://www.State.gov/x ", "http://a.b?q/x", "https://a.b#f?x/", "https://a.b/%zz", "https://a.b/%41", "https://a.b:80/", "https://[::1]/", "https://u@a.b/", "https:///x", "https://a.b\x7f", "HTTPS://A.B/", "https://a_b.c/", "https://é.fr/", "https://a.b/ c", "https://a.b#%", "ftp://a.b/", "//a.b/x", "https:a.b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		host, ok := siteHost(s)
		if wantHost, wantOK := siteHostRef(s); host != wantHost || ok != wantOK {
			t.Errorf("siteHost(%q) = %q, %v; url.Parse gives %q, %v", s, host, ok, wantHost, wantOK)
		}
	})
}

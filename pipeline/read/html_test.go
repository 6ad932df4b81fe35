package read

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
)

// TestReadHTMLText checks the text of short excerpts modelled on the markup
// of kremlin.ru and state.gov pages.
func TestReadHTMLText(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{
			name: "kremlin label with a person tooltip in its link",
			src: `<p><b>VTB Bank Chairman and CEO </b><a href="/catalog/persons/285/events" class="person_tag read__tag"><b>Andrei Kostin</b><span class="read__tooltip tooltip_person hidden masha-ignore"> <span class="tooltip__close"><i></i></span> <span class="tooltip__image"> <img src="x.jpg" alt="Kostin Andrei"></span> <span class="tooltip__text"> <span class="tooltip_title tooltip_link" data-href="/catalog/persons/285/events">Kostin Andrei</span><span class="tooltip_description_dark">VTB Bank Chairman</span></span> </span></a>: Yes, Mr
President. Working with small and medium-sized businesses is one of our Group’s
priorities.</p>`,
			want: "VTB Bank Chairman and CEO Andrei Kostin: Yes, Mr President. Working with small and medium-sized businesses is one of our Group’s priorities.",
		},
		{
			name: "short kremlin tooltip label",
			src:  `<p><a class="person_tag read__tag"><b>Andrei Kostin</b><span class="read__tooltip tooltip_person hidden masha-ignore"><span class="tooltip_title">Kostin Andrei</span></span></a>: Yes, Mr President.</p>`,
			want: "Andrei Kostin: Yes, Mr President.",
		},
		{
			name: "kremlin colon after the bold name and a source newline",
			src:  "<p><b>Vladimir Putin</b>:\nRoughly, how many borrowers have taken out loans at such rates?</p>",
			want: "Vladimir Putin: Roughly, how many borrowers have taken out loans at such rates?",
		},
		{
			name: "kremlin colon inside bold",
			src:  "<p><b>Vladimir Putin:</b> Good afternoon.</p>",
			want: "Vladimir Putin: Good afternoon.",
		},
		{
			name: "space before the colon",
			src:  "<p><b>Vladimir Putin </b> : Good.</p>",
			want: "Vladimir Putin: Good.",
		},
		{
			name: "label glued to its text",
			src:  "<p><b>Maria Sittel:</b>And so, Mr Putin.</p>",
			want: "Maria Sittel: And so, Mr Putin.",
		},
		{
			name: "bold split inside a name is kept as written",
			src:  "<p><b>Kirill Kle</b><b>Y</b><b>MENOV:</b> Mr President.</p>",
			want: "Kirill KleYMENOV: Mr President.",
		},
		{
			name: "state strong label with no-break spaces",
			src:  "<p><strong>MS PORTER:</strong>\u00a0 Good afternoon.\u00a0 I have three updates.</p>",
			want: "MS PORTER: Good afternoon. I have three updates.",
		},
		{
			name: "state label with the space inside strong",
			src:  "<p><strong>MR PRICE: </strong>We have seen the reports.</p>",
			want: "MR PRICE: We have seen the reports.",
		},
		{
			name: "state label after an anchor",
			src:  `<p><a id="post-363721-RUSSIAUKRAINE"></a><strong>QUESTION:  </strong>Thanks so much.</p>`,
			want: "QUESTION: Thanks so much.",
		},
		{
			name: "bold label alone in its paragraph",
			src:  "<p><strong>QUESTION:</strong></p>\n<p>Thank you.</p>",
			want: "QUESTION:\n\nThank you.",
		},
		{
			name: "label with an italic note",
			src:  "<p><b>Recep Tayyip Erdogan</b><i> (retranslated)</i>: Thank you.</p>",
			want: "Recep Tayyip Erdogan (retranslated): Thank you.",
		},
		{
			name: "bold inside a sentence is left alone",
			src:  "<p>He said <b>no</b> : never.</p>",
			want: "He said no : never.",
		},
		{
			name: "bold number before a clock time",
			src:  "<p><b>2</b>:06 p.m. EDT</p>",
			want: "2:06 p.m. EDT",
		},
		{
			name: "inline link in the middle of a sentence with source newlines",
			src: `<p>We discussed the
<a href="/events/president/news/54491">Belt and Road</a>
initiative with President Recep Tayyip
<a href="/catalog/persons/1/events"><b>Erdogan</b></a>, in detail.</p>`,
			want: "We discussed the Belt and Road initiative with President Recep Tayyip Erdogan, in detail.",
		},
		{
			name: "inline elements add no space",
			src:  "<p>The Russian Air Force’s 4<sup>th</sup> Centre, <em>The Wall Street Journal</em>’s report.</p>",
			want: "The Russian Air Force’s 4th Centre, The Wall Street Journal’s report.",
		},
		{
			name: "hidden elements",
			src:  `<p>Visible <span hidden>secret</span>text <span aria-hidden="true">icon</span><span style="display: none">none</span><span style="color:red; visibility : hidden">invisible</span><span class="sr-only">for screen readers</span>and the <span class="visually-hidden">skip</span>end.</p>`,
			want: "Visible text and the end.",
		},
		{
			name: "hidden on small screens only is shown",
			src:  `<p>Shown <span class="hidden md:inline">on desktops</span> <span class="d-none d-lg-block">too</span><span class="hidden">, not this</span>.</p>`,
			want: "Shown on desktops too.",
		},
		{
			name: "figure, caption, image alt and media box",
			src: `<p>Before.</p><figure><img src="a.jpg" alt="Photo alt"><figcaption>With President of Turkey.</figcaption></figure>` +
				`<div class="media masha-ignore"> <figure class="media__pic"><img src="b.jpg" alt="Erdogan."><meta itemprop="name" content="Erdogan."></figure><span class="media__title player__title">President of Turkey Recep Tayyip Erdogan.</span> </div>` +
				`<div class="wp-caption"><img src="c.jpg"><p class="wp-caption-text">A caption.</p></div><p>After.</p>`,
			want: "Before.\n\nAfter.",
		},
		{
			name: "kremlin photo slider",
			src: `<div class="slider masha-ignore" id="slider-12005" role="listbox"><div class="slider__slides"><div class="slide starting-slide" data-cycle-desc="With Andrei Kostin."><div class="slider__block"><img src="x.jpg" alt="With Andrei Kostin."></div></div><div class="slider__next" role="button"><i></i></div></div><div class="slider__description"><div class="slider_caption">1 of 3</div></div></div>` +
				`<p><b>President of Russia Vladimir Putin</b>: Mr Kostin.</p>`,
			want: "President of Russia Vladimir Putin: Mr Kostin.",
		},
		{
			name: "line breaks inside a paragraph",
			src:  "<p>Line one<br>line two <br/>\n line three<br></p>",
			want: "Line one\nline two\nline three",
		},
		{
			name: "block elements are paragraphs",
			src:  "<div>One<p>Two</p>Three</div><ul><li>Four</li><li>Five</li></ul><blockquote><p>Six</p></blockquote><h2>Seven</h2>",
			want: "One\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nSeven",
		},
		{
			name: "white space collapsed and trimmed",
			src:  "<p>  a \t\n b\u00a0\u00a0 c\u200b\u00ad </p><p>\n</p>",
			want: "a b c",
		},
		{
			name: "table cells on one line",
			src:  "<table><tr><td><b>Speaker:</b></td><td>Hello.</td></tr><tr><td>Next</td><td>row</td></tr></table>",
			want: "Speaker: Hello.\n\nNext row",
		},
		{
			name: "inline quotation",
			src:  "<p>He called it <q>irreversible</q>.</p>",
			want: "He called it “irreversible”.",
		},
		{
			name: "preformatted lines",
			src:  "<pre>Q: First\n\nA:   Second</pre>",
			want: "Q: First\n\nA: Second",
		},
		{
			name: "kremlin see-also box, tags and publication status",
			src: `<p>Before.</p><div class="read__cut masha-ignore" role="complementary" aria-labelledby="1429-cut"><div class="cut"><h3 class="cut__title">See also</h3><div class="cut__description"><a href="17978.html" class="cut__item">Answers to journalists’ questions</a><div class="cut__date">April 25, 2013</div></div></div></div><p><b>Maria Sittel:</b> And it is our viewers.</p>` +
				`<div class="read__bottommeta hidden-copy"><div class="read__tags masha-ignore"><div class="read__tagscol"><h3>Topics</h3><ul class="read__taglist"><li><a href="/catalog/keywords/37/events" rel="tag">Banks</a></li></ul></div><div class="read__tagscol"><h3>Persons</h3><ul class="read__taglist"><li><a rel="tag">Kostin Andrei</a></li></ul></div></div>` +
				`<div class="read__status masha-ignore"><h3>Publication status</h3><p>Published in sections: <a href="/events/president/news">News</a><br/></p><p class="print_link_wrap"> Direct link: <a class="print_link" href="/d/51723">en.kremlin.ru/d/51723</a></p></div></div>`,
			want: "Before.\n\nMaria Sittel: And it is our viewers.",
		},
		{
			name: "state share, tags, breadcrumbs and related links",
			src: `<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/briefings">Briefings</a></nav><div class="breadcrumb">Home › Press</div>` +
				`<div class="share-this"><a href="#">Facebook</a><a href="#">Twitter</a></div><p><strong>MR PRICE:</strong> Good afternoon.</p>` +
				`<div class="related-tags__wrapper"><h2 class="related-tags__header">Tags</h2><a class="related-tags__pills" href="/x">Office of the Spokesperson</a></div>` +
				`<div class="related-content"><h2>Related Articles</h2><a href="/y">Department Press Briefing – June 23, 2021</a></div><button>Print</button>`,
			want: "MR PRICE: Good afternoon.",
		},
		{
			name: "classes describing what an element has are kept",
			src:  `<p>The <abbr class="has-tooltip" title="North Atlantic Treaty Organization">NATO</abbr> summit.</p>`,
			want: "The NATO summit.",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := testReader(t).lex.html.readHTML("<html><body>" + tc.src + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(d.text, "\n"); got != tc.want {
				t.Errorf("text\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}

// TestReadHTMLRegion checks which part of a page the text comes from.
func TestReadHTMLRegion(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{
			name: "article rather than the page around it",
			src:  `<body><div class="topline"><a href="/">President of Russia</a></div><article><p>Text.</p></article><div class="footer__in"><p>All content on this site is licensed</p></div></body>`,
			want: "Text.",
		},
		{
			name: "main with the article inside",
			src:  `<body><header>Site</header><main><div class="page-title"><h1>Press conference</h1></div><article><p>Text.</p></article></main><footer>Legal</footer></body>`,
			want: "Press conference\n\nText.",
		},
		{
			name: "empty main landmark is passed over",
			src:  `<body><main></main><article><p>Text.</p></article></body>`,
			want: "Text.",
		},
		{
			name: "the article with the most text",
			src:  `<body><article><p>Teaser.</p></article><article><p>The whole briefing, much longer.</p></article></body>`,
			want: "The whole briefing, much longer.",
		},
		{
			name: "kremlin article body without the heading, lead and meta",
			src: `<body><div class="read" role="complementary" aria-label="Material for reading"><article class="read__in hentry h-entry" itemscope="itemscope" itemtype="http://schema.org/NewsArticle"><div class="read__content"><div class="read__top"><a href="/events/president/news" class="read__categ" rel="category">Events</a><h1 class="entry-title p-name" itemprop="name">Meeting with Andrei Kostin</h1><div class="read__lead entry-summary p-summary" itemprop="description"><div><p>Vladimir Putin met with Andrei Kostin.</p></div></div><div class="read__meta"><time class="read__published" datetime="2016-04-15" itemprop="datePublished">April 15, 2016</time><div class="read__time">13:45</div><div class="read__place p-location">The Kremlin, Moscow</div></div></div>` +
				`<div class="entry-content e-content read__internal_content" itemprop="articleBody"><p><b>Vladimir Putin</b>: Mr Kostin, we were going to talk about state support for small and medium-sized businesses.</p><p><b>Andrei Kostin</b>: Yes, Mr President.</p></div></div></article></div></body>`,
			want: "Vladimir Putin: Mr Kostin, we were going to talk about state support for small and medium-sized businesses.\n\nAndrei Kostin: Yes, Mr President.",
		},
		{
			name: "an article body holding little of the text is not the text",
			src:  `<article><div itemprop="articleBody"><p>Short.</p></div><p>The rest of the article, which is much longer than the part marked.</p></article>`,
			want: "Short.\n\nThe rest of the article, which is much longer than the part marked.",
		},
		{
			name: "body when there is no article or main",
			src:  `<body><nav><a href="/">Home</a></nav><p>Only text.</p><aside>Ads</aside></body>`,
			want: "Only text.",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := testReader(t).lex.html.readHTML(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(d.text, "\n"); got != tc.want {
				t.Errorf("text\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}

// TestReadHTMLMeta checks the title, date and lead read from a page.
func TestReadHTMLMeta(t *testing.T) {
	cases := []struct {
		name, src         string
		title, date, lead string
	}{
		{
			name: "kremlin title, site name and published time",
			src: `<head><title itemprop="name">Meeting with VTB Bank Chairman and CEO Andrei Kostin • President of Russia</title><meta name="description" content="Vladimir Putin met with Andrei Kostin."/><meta property="og:site_name" content="President of Russia"/><meta property="ya:ovs:upload_date" content="2016-04-14"/></head>` +
				`<body><article><div class="read__lead entry-summary p-summary" itemprop="description"> <div><p>Vladimir Putin met with VTB Bank Chairman and CEO Andrei Kostin.</p></div></div><time class="read__published" datetime="2016-04-15" itemprop="datePublished">April 15, 2016</time><p>Text.</p></article></body>`,
			title: "Meeting with VTB Bank Chairman and CEO Andrei Kostin",
			date:  "2016-04-15",
			lead:  "Vladimir Putin met with VTB Bank Chairman and CEO Andrei Kostin.",
		},
		{
			name:  "state title with its dash kept",
			src:   `<head><meta charset="utf-8"><title>Department Press Briefing – June 24, 2021</title><meta name="date" content="2021-06-24"></head><body><article><p>Text.</p></article></body>`,
			title: "Department Press Briefing – June 24, 2021",
			date:  "2021-06-24",
		},
		{
			name:  "state site name after a hyphen",
			src:   `<head><title>Department Press Briefing – June 24, 2021 - United States Department of State</title><meta property="article:published_time" content="2021-06-24T18:40:12+00:00"><meta property="article:modified_time" content="2021-06-25T10:00:00+00:00"></head><body><p>Text.</p></body>`,
			title: "Department Press Briefing – June 24, 2021",
			date:  "2021-06-24",
		},
		{
			name:  "a headline part after a dash is not a site name",
			src:   `<head><title>Vladimir Putin – Government meeting</title></head><body><p>Text.</p></body>`,
			title: "Vladimir Putin – Government meeting",
		},
		{
			name:  "site name found because the head is the og:title",
			src:   `<head><title>Press conference | Acme</title><meta property="og:title" content="Press conference"></head><body><p>Text.</p></body>`,
			title: "Press conference",
		},
		{
			name:  "site name first",
			src:   `<head><title>President of Russia • Direct Line</title><meta name="application-name" content="President of Russia"></head><body><p>Text.</p></body>`,
			title: "Direct Line",
		},
		{
			name:  "title that is only the site name gives way to the h1",
			src:   `<head><title>President of Russia</title><meta property="og:site_name" content="President of Russia"></head><body><article><h1>Direct Line with Vladimir Putin</h1><p>Text.</p></article></body>`,
			title: "Direct Line with Vladimir Putin",
		},
		{
			name:  "publication meta before a time element and a modified date",
			src:   `<head><title>T</title><meta itemprop="dateModified" content="2024-02-01"><meta name="dc.date" content="2024-01-12"></head><body><time datetime="2024-01-30">30 January</time><p>Text.</p></body>`,
			title: "T",
			date:  "2024-01-12",
		},
		{
			name:  "JSON-LD datePublished",
			src:   `<head><title>T</title><script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2023-12-01","datePublished":"2023-11-28T10:00:00Z"}</script></head><body><p>Text.</p></body>`,
			title: "T",
			date:  "2023-11-28",
		},
		{
			name:  "time element text",
			src:   `<head><title>T</title></head><body><p><time>November 28, 2023</time> Text.</p></body>`,
			title: "T",
			date:  "2023-11-28",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := testReader(t).lex.html.readHTML(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if d.title != tc.title || d.date != tc.date || (tc.lead != "" && d.lead != tc.lead) {
				t.Errorf("got title %q date %q lead %q, want %q %q %q", d.title, d.date, d.lead, tc.title, tc.date, tc.lead)
			}
		})
	}
}

// TestReadHTMLRobust feeds broken, deep and huge pages: no panic, no error,
// and time that grows with the size of the page.
func TestReadHTMLRobust(t *testing.T) {
	deep := strings.Repeat("<div>", 2000) + "<p><b>Name:</b> deep text</p>" + strings.Repeat("</div>", 2000)
	para := `<p><b>Vladimir Putin</b>: Some words <a href="x">in a link</a> and <span class="hidden">not these</span>.</p>` + "\n"
	cases := []struct {
		name, src, want string
	}{
		{"empty", "", ""},
		{"a lone bracket", "<", "<"},
		{"only text", "plain words", "plain words"},
		{"unclosed and misnested tags", "<p><b>Name:<p>text</b> more <i>x", "Name:\n\ntext more x"},
		{"stray end tags", "</b></b></strong></pre><p>after</p>", "after"},
		{"deeper than the tree parser allows", "<title>Deep - Example News</title>" + deep, "Name: deep text"},
		{"deep and skipped", strings.Repeat("<span>", 600) + `<nav><p>menu</p></nav><p hidden>no</p>kept`, "kept"},
		{"invalid UTF-8", "<p>a\xffb</p>", "a\ufffdb"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := testReader(t).lex.html.readHTML(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(d.text); got != tc.want {
				t.Errorf("text\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
	t.Run("flat reading keeps the metadata", func(t *testing.T) {
		d, err := testReader(t).lex.html.readHTML(`<title>Deep - Example News</title><meta name="date" content="2024-03-21">` + deep)
		if err != nil || d.title != "Deep" || d.date != "2024-03-21" {
			t.Errorf("got %q %q %v", d.title, d.date, err)
		}
	})
	t.Run("huge page", func(t *testing.T) {
		small := "<html><body><article>" + strings.Repeat(para, 2000) + "</article></body></html>"
		big := "<html><body><article>" + strings.Repeat(para, 20000) + "</article></body></html>"
		ts, tb := timeRead(t, small), timeRead(t, big)
		if tb > 40*ts+time.Second {
			t.Errorf("10 times the page took %v against %v: not linear", tb, ts)
		}
	})
}

// timeRead reads src and returns how long it took.
func timeRead(t *testing.T, src string) time.Duration {
	t.Helper()
	start := time.Now()
	d, err := testReader(t).lex.html.readHTML(src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.text, "Vladimir Putin: Some words in a link and .") {
		t.Fatalf("text starts %q", d.text[:min(len(d.text), 80)])
	}
	return time.Since(start)
}

// realPages lists the saved pages of testdata/real in HTML.
func realPages(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"kremlin", "state"} {
		fs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "real", dir, "*.html"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Fatal("no pages in testdata/real")
	}
	return files
}

// labelLine is a speaker label at the start of a line: "Vladimir Putin: ",
// "MS PORTER: ", "QUESTION:".
var labelLine = regexp.MustCompile(`(?m)^[A-Z][\w.’' -]{1,60}:( |$)`)

// spacedColon is a label with a space before its colon.
var spacedColon = regexp.MustCompile(`^[A-Z][\w.’' -]{0,60} :( |$)`)

// inlineTag is the start or end tag of an inline element, which adds no
// space between the words around it.
const inlineTag = `(?:</?(?:a|b|strong|i|em|span|sup|sub|u|s|small|mark|abbr|font)\b[^>]*>)*`

// TestReadHTMLRealPages reads every saved kremlin.ru and state.gov page and
// checks properties of the text: no tooltip text, no words glued at element
// boundaries, the first label near the start, no page chrome.
func TestReadHTMLRealPages(t *testing.T) {
	chrome := []string{"See also", "Topics", "Persons", "Publication status", "Text version",
		"Share", "Print", "Tags", "Direct link", "Send by email", "Version for People with Disabilities"}
	for _, file := range realPages(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			d, err := testReader(t).lex.html.readHTML(src)
			if err != nil {
				t.Fatal(err)
			}
			if d.title == "" || d.date == "" {
				t.Errorf("title %q, date %q", d.title, d.date)
			}
			if strings.Contains(d.title, "•") || strings.Contains(d.title, "President of Russia") {
				t.Errorf("site name left in title %q", d.title)
			}
			for _, tip := range tooltipTitles(t, src) {
				if strings.Contains(d.text, tip) {
					t.Errorf("tooltip text %q in the text", tip)
				}
			}
			checkGlued(t, src, d.text)
			loc := labelLine.FindStringIndex(d.text)
			if loc == nil || loc[0] > 1500 || strings.Count(d.text[:loc[0]], "\n\n") > 8 {
				t.Errorf("first label not near the start: %v in %q", loc, d.text[:min(len(d.text), 300)])
			}
			for _, line := range strings.Split(d.text, "\n") {
				for _, c := range chrome {
					if line == c {
						t.Errorf("page chrome %q in the text", line)
					}
				}
				if spacedColon.MatchString(line) {
					t.Errorf("space before a label's colon: %q", line[:min(len(line), 80)])
				}
				if line != strings.TrimSpace(line) || strings.Contains(line, "  ") {
					t.Errorf("white space not collapsed: %q", line[:min(len(line), 80)])
				}
			}
		})
	}
}

// tooltipTitles returns the text of the tooltip titles of a page (kremlin's
// reversed person names, "Kostin Andrei").
func tooltipTitles(t *testing.T, src string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var tips []string
	walkHTML(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && strings.Contains(attr(n, "class"), "tooltip_title") {
			if s := singleSpaced(textOf(n)); s != "" {
				tips = append(tips, s)
			}
		}
		return true
	}, nil)
	return tips
}

// checkGlued reports words of text that are not words of the page: every
// word must occur in the source with its tags read as spaces, or else be
// spelt in the source with only inline tags between its letters
// ("4<sup>th</sup>", "Kle</b><b>Y</b><b>MENOV"). A word glued across white
// space, a newline or a block element fails both.
func checkGlued(t *testing.T, src, text string) {
	t.Helper()
	word := regexp.MustCompile(`[\p{L}\p{N}]+`)
	spaced := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(src, " "))
	known := map[string]bool{}
	for _, w := range word.FindAllString(spaced, -1) {
		known[w] = true
	}
	decoded := html.UnescapeString(src)
	seen := map[string]bool{}
	for _, w := range word.FindAllString(text, -1) {
		if known[w] || seen[w] {
			continue
		}
		seen[w] = true
		var re strings.Builder
		for i, r := range w {
			if i > 0 {
				re.WriteString(inlineTag)
			}
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
		if !regexp.MustCompile(re.String()).MatchString(decoded) {
			t.Errorf("glued word %q", w)
		}
	}
}

// FuzzReadHTML checks that no page makes readHTML panic or fail, and that
// its text is trimmed paragraphs with no run of blank lines.
func FuzzReadHTML(f *testing.F) {
	f.Add(`<p><b>Vladimir Putin</b>: text <a><b>x</b><span class="hidden">y</span></a></p>`)
	f.Add(`<article><div itemprop="articleBody"><p><strong>MS PORTER:</strong> a<br>b</p></div></article>`)
	f.Add(`<title>A • B</title><meta property="og:site_name" content="B"><pre>x
y</pre><table><tr><td>a</td></tr></table><q>z</q>`)
	f.Add(strings.Repeat("<div><b>", 300) + "deep")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := testReader(t).lex.html.readHTML(src)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(d.text, "\n") || strings.Contains(d.text, "\n\n\n") {
			t.Errorf("text %q", d.text)
		}
		for _, l := range strings.Split(d.text, "\n") {
			if l != strings.TrimSpace(l) || strings.Contains(l, "  ") {
				t.Errorf("line %q", l)
			}
		}
	})
}

// textByRune is textWriter.text one character at a time, as it was first
// written: the reference for the run-at-a-time version.
func (w *textWriter) textByRune(s string) {
	for _, r := range s {
		switch {
		case r == '\n' && w.pre > 0:
			w.lineBreak()
		case unicode.IsSpace(r):
			w.space = true
		case isInvisible(r):
		default:
			w.visible(string(r))
		}
	}
}

// FuzzTextWriter checks that text adds the same paragraph as textByRune,
// in and out of bold and <pre>, and that nonSpaceCount counts what
// unicode.IsSpace does not report.
func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{"", "MS. PSAKI: Good\u00a0day.\n", " \t\x01a\x7f\u200bb\xffc\u2028 d\n\ne", "“Q” — é"} {
		f.Add(s, "after", uint8(0))
	}
	f.Fuzz(func(t *testing.T, s, next string, state uint8) {
		got, want := &textWriter{label: -1}, &textWriter{label: -1}
		for _, w := range []*textWriter{got, want} {
			w.bold, w.pre, w.space = int(state&1), int(state>>1&1), state&4 != 0
		}
		got.text(s)
		got.text(next)
		want.textByRune(s)
		want.textByRune(next)
		if string(got.para) != string(want.para) || got.label != want.label || got.line != want.line || got.space != want.space || got.plain != want.plain {
			t.Errorf("text(%q, %q) state %d: got %q %+v, want %q %+v", s, next, state, got.para, *got, want.para, *want)
		}
		n := 0
		for _, r := range s {
			if !unicode.IsSpace(r) {
				n++
			}
		}
		if c := nonSpaceCount(s); c != n {
			t.Errorf("nonSpaceCount(%q) = %d, want %d", s, c, n)
		}
	})
}

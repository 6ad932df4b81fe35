package report

import (
	"bufio"
	"embed"
	"io"
	"text/template"
)

//go:embed assets/report.html assets/report.css assets/report.js assets/echarts.min.js assets/echarts-NOTICE
var assets embed.FS

// page is the report's HTML template. It is a text/template, not an
// html/template: everything it inserts is either escaped with html, one
// of the asset files (which TestAssetsInlineSafe checks to hold no
// closing script or style tag), or base64.
var page = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"html": template.HTMLEscapeString,
}).ParseFS(assets, "assets/report.html"))

// pageData is what the template fills in.
type pageData struct {
	Title   string
	Summary string // packed summary
	Docs    []string
	CSS     string
	JS      string
	ECharts string
	Notice  string // ECharts' NOTICE, kept beside the inlined script
}

// Write writes the report as one HTML file.
func (b *Builder) Write(w io.Writer) error {
	b.sum.Codebook = b.codebook()
	if b.sum.Turns.Doc == nil { // an empty report still has its columns
		b.sum.Turns = turnColumns{Doc: []int{}, Speaker: []int{}, Words: []int{}, Topics: [][]int{}, Countries: [][]int{}, Orgs: [][]int{}, People: [][]int{}}
	}
	for _, l := range []*[]string{&b.sum.Orgs, &b.sum.People} {
		if *l == nil {
			*l = []string{}
		}
	}
	for _, l := range []*[][2]string{&b.sum.Countries} {
		if *l == nil {
			*l = [][2]string{}
		}
	}
	if b.sum.Speakers == nil {
		b.sum.Speakers = [][3]string{}
	}
	if b.sum.Topics == nil {
		b.sum.Topics = []topicInfo{}
	}
	if b.sum.Docs == nil {
		b.sum.Docs = []docInfo{}
	}
	summary, err := pack(b.sum)
	if err != nil {
		return err
	}
	d := pageData{Title: b.opts.Title, Summary: summary, Docs: b.blob}
	for _, a := range []struct {
		name string
		to   *string
	}{{"report.css", &d.CSS}, {"report.js", &d.JS}, {"echarts.min.js", &d.ECharts}, {"echarts-NOTICE", &d.Notice}} {
		src, err := assets.ReadFile("assets/" + a.name) // checked by TestAssetsInlineSafe
		if err != nil {
			return err
		}
		*a.to = string(src)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := page.Execute(bw, d); err != nil {
		return err
	}
	return bw.Flush()
}

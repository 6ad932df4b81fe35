package read

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// monthRe matches a word that may name a month; the lexicon's month names
// (dates) decide whether it does.
const monthRe = `(\p{L}{3,12}\.?)`

var (
	dateISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dateDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `,?\s+(\d{4})\b`)
	dateMDY = regexp.MustCompile(`(?i)\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dateYMD = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)   // 2023/11/28
	dateDot = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`) // 28.11.2023, day first as in Europe
)

// dates reads dates with the lexicon's month names and abbreviations, in
// lower case without a full stop, and their numbers (1 to 12).
type dates map[string]int

// find returns the first date in s as ISO 8601 (YYYY-MM-DD), or "".
// It reads 2023-11-28, 2023/11/28, 28.11.2023 (day first), 28 Nov. 2023,
// 28 November 2023, November 28, 2023 and Jan. 12, 2024. Slashed dates with
// the year last (03/04/2023) are left alone: day and month order differ
// between sources.
func (ms dates) find(s string) string {
	if !hasYear(s) {
		return ""
	}
	type hit struct {
		pos     int
		y, m, d string
	}
	var best *hit
	consider := func(h hit) {
		if best == nil || h.pos < best.pos {
			best = &h
		}
	}
	if m := dateISO.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]})
	}
	for _, m := range dateDMY.FindAllStringSubmatchIndex(s, -1) {
		if ms.isMonth(s[m[4]:m[5]]) {
			consider(hit{m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]]})
			break
		}
	}
	for _, m := range dateMDY.FindAllStringSubmatchIndex(s, -1) {
		if ms.isMonth(s[m[2]:m[3]]) {
			consider(hit{m[0], s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]]})
			break
		}
	}
	if m := dateYMD.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]})
	}
	if m := dateDot.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]]})
	}
	if best == nil {
		return ""
	}
	return ms.iso(best.y, best.m, best.d)
}

// isMonth reports a month name or abbreviation, with or without a full
// stop.
func (ms dates) isMonth(w string) bool {
	return atLower(ms, strings.TrimSuffix(w, ".")) > 0
}

// iso validates and formats a year, a month (number or name) and a day.
func (ms dates) iso(y, m, d string) string {
	year, err1 := strconv.Atoi(y)
	day, err2 := strconv.Atoi(d)
	month, err3 := strconv.Atoi(m)
	if err3 != nil {
		month = atLower(ms, strings.TrimSuffix(m, "."))
	}
	if err1 != nil || err2 != nil || month == 0 {
		return ""
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != time.Month(month) || year < 1900 || year > 2200 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
}

// normalize turns a front-matter date value into ISO 8601, or "".
//
// Only a value that opens as "2006-01-02" does, with '-' after four bytes
// and after seven, is tried with the layouts, and one of fewer than 18
// bytes with the date's alone, since the others hold a time of day: a
// layout that cannot fit is not tried, for each try that fails makes an
// error.
func (ms dates) normalize(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' {
		layouts := isoLayouts
		if len(v) < 18 {
			layouts = layouts[len(layouts)-1:]
		}
		for _, layout := range layouts {
			if t, err := time.Parse(layout, v); err == nil {
				return t.Format("2006-01-02")
			}
		}
	}
	return ms.find(v)
}

// isoLayouts are the layouts normalize reads, the date's alone last.
var isoLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

// hasYear reports whether s holds four digits in a row, which every date
// find reads does.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

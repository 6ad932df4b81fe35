package read

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var Months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRe = `(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`

var (
	dateISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dateDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `,?\s+(\d{4})\b`)
	dateMDY = regexp.MustCompile(`(?i)\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dateYMD = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)   // 2023/11/28
	dateDot = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`) // 28.11.2023, day first as in Europe
)

// findDate returns the first date in s as ISO 8601 (YYYY-MM-DD), or "".
// It reads 2023-11-28, 2023/11/28, 28.11.2023 (day first), 28 Nov. 2023,
// 28 November 2023, November 28, 2023 and Jan. 12, 2024. Slashed dates with
// the year last (03/04/2023) are left alone: day and month order differ
// between sources.
func findDate(s string) string {
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
	if m := dateDMY.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]]})
	}
	if m := dateMDY.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]]})
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
	return isoDate(best.y, best.m, best.d)
}

// isoDate validates and formats a year, a month (number or name) and a day.
func isoDate(y, m, d string) string {
	year, err1 := strconv.Atoi(y)
	day, err2 := strconv.Atoi(d)
	month, err3 := strconv.Atoi(m)
	if err3 != nil {
		month = Months[strings.ToLower(strings.TrimSuffix(m, "."))]
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

// normalizeDate turns a front-matter date value into ISO 8601, or "".
func normalizeDate(v string) string {
	v = strings.TrimSpace(v)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return findDate(v)
}

// hasYear reports whether s holds four digits in a row, which every date
// findDate reads does.
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

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/pipeline/transcript"
)

// warn prints a message on stderr with control characters escaped, so that
// a file name or a transcript's text cannot forge a line or move the
// cursor. The format's own newline is kept.
func warn(w io.Writer, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	nl := strings.HasSuffix(msg, "\n")
	msg = printable(strings.TrimSuffix(msg, "\n"))
	if nl {
		msg += "\n"
	}
	fmt.Fprint(w, msg)
}

// printable escapes the characters of s that a terminal would act on
// instead of showing: control characters (newline, carriage return,
// escape), line and paragraph separators, bidirectional overrides, and
// bytes that are not UTF-8. They are written as Go escapes (\n, \x1b).
func printable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune reports the runes printable escapes.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t':
		return false
	case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069', r == '\u200E', r == '\u200F':
		return true // bidirectional controls reorder what follows
	}
	return false
}

// fileName is a file name as messages show it: quoted when it is empty or
// holds characters printable would escape, so that it reads as one name
// ("a\nb.txt" in quotes), as it is otherwise.
func fileName(name string) string {
	if name == "" || printable(name) != name {
		return strconv.Quote(name)
	}
	return name
}

// errorText is err's message with the file a transcript.Error names at its
// start shown by fileName.
func errorText(err error) string {
	msg := err.Error()
	var te *transcript.Error
	if errors.As(err, &te) && fileName(te.File) != te.File && strings.HasPrefix(msg, te.File+":") {
		return fileName(te.File) + msg[len(te.File):]
	}
	return msg
}

// message is the text of a command's error as the user reads it: a
// cancelled context says "interrupted", not "context canceled".
func message(err error) string {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return "interrupted"
	}
	return err.Error()
}

// failure is a command's error for exit status 1, its message written for
// the user.
func failure(err error) error { return cli.Exit(message(err), exitFailed) }

// usagef is a usage error (exit status 2): "usage: " and the message.
func usagef(format string, args ...any) error {
	return cli.Exit("usage: "+fmt.Sprintf(format, args...), exitUsage)
}

// plural is "1 problem", "2 problems".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

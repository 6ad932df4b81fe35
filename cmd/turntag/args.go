package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst returns a command line (program name first) with each
// command's flags moved before its arguments: urfave/cli v2 stops reading
// flags at the first argument, so "tag archive/ -o turns.csv" would take
// "-o" for a file name. A flag keeps its value ("-o turns.csv",
// "--ner=off"); "--" ends the flags, and the arguments after it stay
// arguments, behind a "--" of their own; a lone "-" (stdin) is an
// argument. The program's own flags (--help, --version) come before the
// command and stay there. An unknown flag is moved too, so that it is
// reported as unknown, not read as a file name.
//
// A flag that takes a value but ends the line without one is a usage
// error: moved, it would take an argument for its value.
func flagsFirst(app *cli.App, argv []string) ([]string, error) {
	if len(argv) < 2 {
		return argv, nil
	}
	out := append([]string{}, argv[0])
	rest := argv[1:]
	for len(rest) > 0 && isFlag(rest[0]) { // the program's own flags
		out, rest = append(out, rest[0]), rest[1:]
	}
	cmds := app.Commands
	var cmd *cli.Command
	for len(rest) > 0 {
		c := findCommand(cmds, rest[0])
		if c == nil {
			break
		}
		cmd, cmds = c, c.Subcommands
		out, rest = append(out, rest[0]), rest[1:]
		if len(cmds) == 0 {
			break
		}
	}
	if cmd == nil {
		return argv, nil
	}
	var flags, args []string
	dashes := false
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			dashes = true
			args = append(args, rest[i+1:]...)
			i = len(rest)
		case isFlag(a):
			flags = append(flags, a)
			if takesValue(cmd, a) {
				if i+1 == len(rest) {
					return nil, usagef("%s: flag %s needs a value (see %s %s --help)", cmd.Name, a, app.Name, strings.Join(out[1:], " "))
				}
				flags = append(flags, rest[i+1])
				i++
			}
		default:
			args = append(args, a)
		}
	}
	out = append(out, flags...)
	if dashes {
		out = append(out, "--")
	}
	return append(out, args...), nil
}

// isFlag tells a flag ("-o", "--ner=off") from an argument ("x.txt", "-").
func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// findCommand returns the command of cmds with the name or alias, or nil.
func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// takesValue tells whether a flag of cmd, given without "=value", takes
// the next word as its value. Unknown flags and booleans do not.
func takesValue(cmd *cli.Command, a string) bool {
	name := strings.TrimLeft(a, "-")
	if strings.Contains(name, "=") {
		return false
	}
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				v, ok := f.(cli.DocGenerationFlag)
				return ok && v.TakesValue()
			}
		}
	}
	return false
}

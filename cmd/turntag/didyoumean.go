package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// usageError turns a flag parsing error into a usage error (exit status
// 2), with a "did you mean" for an unknown flag close to a known one.
func usageError(c *cli.Context, err error, _ bool) error {
	msg := err.Error()
	flags, where := c.App.Flags, ""
	if !isRoot(c) {
		flags, where = c.Command.Flags, strings.TrimPrefix(helpName(c), c.App.Name+" ")+": "
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		msg = "unknown flag " + dashed(name)
		var names []string
		for _, f := range flags {
			names = append(names, f.Names()...)
		}
		if s := closest(name, names); s != "" {
			msg += "; did you mean " + dashed(s) + "?"
		}
	}
	return usagef("%s%s (see %s --help)", where, msg, helpName(c))
}

// helpName is the command line that shows c's help: "turntag tag".
func helpName(c *cli.Context) string {
	if c.Command != nil && c.Command.HelpName != "" {
		return c.Command.HelpName
	}
	return c.App.Name
}

// dashed writes a flag name as typed: "-o", "--format".
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// unknownCommand is the action of the program and of a command with
// subcommands: without arguments it shows the help, otherwise its first
// argument names no command, a usage error with a "did you mean".
func unknownCommand(c *cli.Context) error {
	if c.NArg() == 0 {
		if isRoot(c) {
			return cli.ShowAppHelp(c)
		}
		return cli.ShowSubcommandHelp(c)
	}
	return noCommand(c, c.Args().First())
}

// isRoot reports whether c is the program's own context, not a command's.
func isRoot(c *cli.Context) bool {
	return c.Command == nil || len(c.Command.Subcommands) > 0 && c.Command.HelpName == c.App.Name
}

// noCommand is the usage error for a name that is none of the commands
// (or subcommands) of c's command.
func noCommand(c *cli.Context, name string) error {
	var names []string
	for _, cmd := range c.Command.Subcommands {
		if !cmd.Hidden {
			names = append(names, cmd.Name)
		}
	}
	what := fmt.Sprintf("no command %q", name)
	if !isRoot(c) {
		what = fmt.Sprintf("%s: no subcommand %q", c.Command.FullName(), name)
	}
	if s := closest(name, names); s != "" {
		what += fmt.Sprintf("; did you mean %q?", s)
	}
	return usagef("%s (commands: %s; see %s --help)", what, strings.Join(names, ", "), helpName(c))
}

// helpCommand shows the commands, or the help of one; an unknown name is a
// usage error, not a help topic. It serves the program and each command
// with subcommands.
func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "show the commands, or the flags and arguments of one",
		ArgsUsage: "[COMMAND [SUBCOMMAND]]",
		HideHelp:  true,
		Action: func(c *cli.Context) error {
			parent := c.Lineage()[1]
			for _, name := range c.Args().Slice() {
				cmd := findCommand(parent.Command.Subcommands, name)
				if cmd == nil {
					return noCommand(parent, name)
				}
				next := cli.NewContext(c.App, nil, parent)
				next.Command = cmd
				if cmd.HelpName == "" {
					cmd.HelpName = helpName(parent) + " " + cmd.Name
				}
				parent = next
			}
			if isRoot(parent) {
				return cli.ShowAppHelp(c)
			}
			template := cli.CommandHelpTemplate
			if len(parent.Command.Subcommands) > 0 {
				template = cli.SubcommandHelpTemplate
			}
			cli.HelpPrinter(c.App.Writer, template, parent.Command)
			return nil
		},
	}
}

// closest returns the candidate nearest to name when it is near enough
// to be a typo: an edit distance of at most a third of name's length (1 for
// names of 3 to 5 letters), else a candidate that name starts, or that
// starts with name. It returns "" when none is.
func closest(name string, candidates []string) string {
	best, bestD := "", len(name)/3+1
	if len(name) >= 3 {
		bestD = max(2, bestD)
	}
	for _, c := range candidates {
		if d := distance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" {
		return best
	}
	for _, c := range candidates {
		if len(name) >= 2 && len(c) >= 2 && (strings.HasPrefix(c, name) || strings.HasPrefix(name, c)) {
			return c
		}
	}
	return ""
}

// distance is the Levenshtein distance between a and b, with a swap of
// two neighbouring letters counting as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: "Completes commands, subcommands and flags, and file names for arguments. Load it with:\n" +
			"  bash: source <(turntag completion bash)             (or save it in /etc/bash_completion.d/turntag)\n" +
			"  zsh:  turntag completion zsh > \"${fpath[1]}/_turntag\"  (then start a new shell)\n" +
			"  fish: turntag completion fish > ~/.config/fish/completions/turntag.fish",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion takes one shell: bash, zsh or fish")
			}
			write := map[string]func(io.Writer, string, []completionNode){"bash": writeBash, "zsh": writeZsh, "fish": writeFish}[c.Args().First()]
			if write == nil {
				return usagef("completion: no script for %q; the shells are bash, zsh and fish", c.Args().First())
			}
			stdout, err := resultStdout(c)
			if err != nil {
				return err
			}
			write(stdout, c.App.Name, commandTree(newApp(io.Discard, io.Discard))) // as built, before running added help to it
			return stdout.Close()
		},
	}
}

// completionNode is one command line prefix ("", "tag", "lexicon check")
// with what may follow it.
type completionNode struct {
	path  string
	usage string
	subs  []string // subcommand names
	flags []string // flag names, dashed
	files bool     // takes file arguments
}

// commandTree lists the program and every command, parents first.
func commandTree(app *cli.App) []completionNode {
	root := completionNode{flags: []string{"--help", "--version"}}
	var out []completionNode
	var walk func(prefix string, cmds []*cli.Command) []string
	walk = func(prefix string, cmds []*cli.Command) []string {
		var names []string
		for _, c := range cmds {
			if c.Hidden {
				continue
			}
			names = append(names, c.Name)
			n := completionNode{path: strings.TrimSpace(prefix + " " + c.Name), usage: c.Usage, files: c.ArgsUsage != "" && len(c.Subcommands) == 0}
			for _, f := range c.Flags {
				for _, name := range f.Names() {
					n.flags = append(n.flags, dashed(name))
				}
			}
			if !c.HideHelp {
				n.flags = append(n.flags, "--help")
			}
			i := len(out)
			out = append(out, n)
			out[i].subs = walk(n.path, c.Subcommands)
		}
		return names
	}
	root.subs = walk("", app.Commands)
	sort.Strings(root.subs)
	return append([]completionNode{root}, out...)
}

// bashPattern is a case pattern matching path exactly.
func bashPattern(path string) string {
	if path == "" {
		return `""`
	}
	return strings.ReplaceAll(path, " ", `\ `)
}

func writeBash(w io.Writer, prog string, tree []completionNode) {
	fn := "_" + prog
	fmt.Fprintf(w, "# bash completion for %s; load it with: source <(%s completion bash)\n", prog, prog)
	fmt.Fprintf(w, "%s() {\n", fn)
	fmt.Fprintf(w, "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" cmd=\"\" w i\n")
	fmt.Fprintf(w, "  for ((i = 1; i < COMP_CWORD; i++)); do\n    w=\"${COMP_WORDS[i]}\"\n    case \"${cmd:+$cmd }$w\" in\n")
	var paths []string
	for _, n := range tree[1:] {
		paths = append(paths, bashPattern(n.path))
	}
	fmt.Fprintf(w, "      %s) cmd=\"${cmd:+$cmd }$w\" ;;\n    esac\n  done\n", strings.Join(paths, "|"))
	fmt.Fprintf(w, "  local words\n  if [[ \"$cur\" == -* ]]; then\n    case \"$cmd\" in\n")
	for _, n := range tree {
		fmt.Fprintf(w, "      %s) words=%q ;;\n", bashPattern(n.path), strings.Join(n.flags, " "))
	}
	fmt.Fprintf(w, "    esac\n  else\n    case \"$cmd\" in\n")
	for _, n := range tree {
		if len(n.subs) > 0 {
			fmt.Fprintf(w, "      %s) words=%q ;;\n", bashPattern(n.path), strings.Join(n.subs, " "))
		}
	}
	fmt.Fprintf(w, "      *) COMPREPLY=(); return ;; # file names, by -o default\n    esac\n  fi\n")
	fmt.Fprintf(w, "  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n}\n")
	fmt.Fprintf(w, "complete -o bashdefault -o default -F %s %s\n", fn, prog)
}

func writeZsh(w io.Writer, prog string, tree []completionNode) {
	fn := "_" + prog
	fmt.Fprintf(w, "#compdef %s\n# zsh completion for %s; save it as _%s in a folder of $fpath\n\n", prog, prog, prog)
	fmt.Fprintf(w, "%s() {\n  local cmd=\"\" w i\n  local -a opts\n", fn)
	fmt.Fprintf(w, "  for ((i = 2; i < CURRENT; i++)); do\n    w=\"${words[i]}\"\n    case \"${cmd:+$cmd }$w\" in\n")
	var paths []string
	for _, n := range tree[1:] {
		paths = append(paths, fmt.Sprintf("%q", n.path))
	}
	fmt.Fprintf(w, "      (%s) cmd=\"${cmd:+$cmd }$w\" ;;\n    esac\n  done\n", strings.Join(paths, "|"))
	fmt.Fprintf(w, "  if [[ \"${words[CURRENT]}\" == -* ]]; then\n    case \"$cmd\" in\n")
	for _, n := range tree {
		fmt.Fprintf(w, "      (%q) opts=(%s) ;;\n", n.path, strings.Join(n.flags, " "))
	}
	fmt.Fprintf(w, "    esac\n    compadd -- $opts\n    return\n  fi\n  case \"$cmd\" in\n")
	for _, n := range tree {
		if len(n.subs) > 0 {
			fmt.Fprintf(w, "    (%q) opts=(%s); compadd -- $opts ;;\n", n.path, strings.Join(n.subs, " "))
		}
	}
	fmt.Fprintf(w, "    (*) _files ;;\n  esac\n}\n\n")
	fmt.Fprintf(w, "if [ \"$funcstack[1]\" = %q ]; then\n  %s \"$@\"\nelse\n  compdef %s %s\nfi\n", fn, fn, fn, prog)
}

func writeFish(w io.Writer, prog string, tree []completionNode) {
	fmt.Fprintf(w, "# fish completion for %s; save it as ~/.config/fish/completions/%s.fish\n", prog, prog)
	fmt.Fprintf(w, "complete -c %s -f\n", prog)
	for _, n := range tree {
		cond := "__fish_use_subcommand"
		if n.path != "" {
			words := strings.Fields(n.path)
			cond = "__fish_seen_subcommand_from " + words[len(words)-1]
			if len(words) > 1 {
				cond = "__fish_seen_subcommand_from " + words[0] + "; and " + cond
			}
			if len(n.subs) > 0 {
				cond += "; and not __fish_seen_subcommand_from " + strings.Join(n.subs, " ")
			}
		}
		for _, s := range n.subs {
			desc := ""
			for _, m := range tree {
				if strings.TrimSpace(n.path+" "+s) == m.path {
					desc = m.usage
				}
			}
			fmt.Fprintf(w, "complete -c %s -n '%s' -a %s -d %s\n", prog, cond, s, fishQuote(desc))
		}
		if n.path == "" {
			continue
		}
		for _, f := range n.flags {
			if strings.HasPrefix(f, "--") {
				fmt.Fprintf(w, "complete -c %s -n '%s' -l %s\n", prog, cond, f[2:])
			} else {
				fmt.Fprintf(w, "complete -c %s -n '%s' -s %s\n", prog, cond, f[1:])
			}
		}
		if n.files {
			fmt.Fprintf(w, "complete -c %s -n '%s' -F\n", prog, cond)
		}
	}
}

// fishQuote single-quotes s for fish, cut at a word before 70 bytes.
func fishQuote(s string) string {
	if len(s) > 70 {
		if i := strings.LastIndexByte(s[:70], ' '); i > 0 {
			s = strings.TrimRight(s[:i], ",;:") + "…"
		}
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

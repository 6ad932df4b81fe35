//go:build linux || darwin || freebsd || netbsd || openbsd

package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// faultCase is one promise of the contract in the README's "Guarantees":
// a run, the exit status it must end with, and what else must hold.
type faultCase struct {
	name  string
	setup func(t *testing.T, dir string) faultRun
	code  int // the exit status; -1 for "ended by a signal"
	check func(t *testing.T, dir string, r faultResult)
	// temps lets the case leave temporary files of turntag's naming (the
	// stale-file case plants its own).
	temps bool
}

// TestFaults is the fault suite: each case is a promise turntag makes
// about bad input, odd files, signals and the command line. Every run must
// end (none may hang), with the promised exit status, without leaving a
// temporary file, and without the messages users should never see.
func TestFaults(t *testing.T) {
	for _, c := range faultCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			r := runFault(t, c.setup(t, dir))
			if r.code != c.code {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", r.code, c.code, r.stderr)
			}
			for _, never := range []string{"context canceled", tempInfix, "No help topic", "panic", "goroutine "} {
				if strings.Contains(r.stderr, never) {
					t.Errorf("stderr says %q:\n%s", never, r.stderr)
				}
			}
			if left := tempFiles(t, dir); len(left) > 0 && !c.temps {
				t.Errorf("temporary files left: %v", left)
			}
			if c.check != nil {
				c.check(t, dir, r)
			}
		})
	}
}

// stderrHas checks that stderr holds each of want.
func stderrHas(want ...string) func(*testing.T, string, faultResult) {
	return func(t *testing.T, _ string, r faultResult) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
			}
		}
	}
}

// usage checks a usage error: its message, and that no input was read
// (the tripwire on stdin, given as "-", was not touched).
func usage(want ...string) func(*testing.T, string, faultResult) {
	return func(t *testing.T, dir string, r faultResult) {
		t.Helper()
		stderrHas(append([]string{"usage: "}, want...)...)(t, dir, r)
		if r.stdinRead {
			t.Error("an input was read before the usage error")
		}
		if r.stdout != "" {
			t.Errorf("stdout is not empty: %.200q", r.stdout)
		}
	}
}

// args is a faultRun of in-process arguments.
func args(a ...string) faultRun { return faultRun{args: a} }

// fileIs checks that the file at path (under dir) holds want.
func fileIs(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s: %v, holds %.80q, want %.80q", path, err, got, want)
	}
}

// isCSV checks that path holds a CSV table of n rows besides the header.
func isCSV(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != n+1 || rows[0][0] != "source" {
		t.Errorf("%s: %v, %d rows, want a header and %d rows", path, err, len(rows), n)
	}
}

// quick bounds how long a stopped or refused run may take.
const quick = time.Second

// bigSize and bigCancel make the signal tests land inside the work on one
// large file: the signal comes 400 ms after the start, and the file takes
// over a second at 40 MB/s on one core.
const (
	bigSize   = 48 << 20
	bigCancel = 400 * time.Millisecond
)

// bigInProcess is the size of the large file of the cancellation tests
// that run in the test's own process, whose cancel comes 300 to 500 ms
// after the start: tagging it takes 1.4 s on the project's machine
// (10 MB took 0.6 s, which a cancel at 500 ms could miss), and it stays
// small enough for the test's memory under -race.
const bigInProcess = 24 << 20

func faultCases() []faultCase {
	in := func(t *testing.T, dir string) string { return put(t, dir, "in.txt", []byte(sample)) }
	return []faultCase{
		// Output is only ever written to a new or a regular file.
		{name: "output to /dev/null is refused and the device stays", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "-o", os.DevNull, in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("-o /dev/null is a character device", "leave out -o")(t, dir, r)
				info, err := os.Lstat(os.DevNull)
				if err != nil || info.Mode()&os.ModeCharDevice == 0 {
					t.Fatalf("%s is no longer a character device: %v %v", os.DevNull, info.Mode(), err)
				}
				if left, _ := filepath.Glob(filepath.Join(filepath.Dir(os.DevNull), ".null*")); len(left) > 0 {
					t.Errorf("files made beside %s: %v", os.DevNull, left)
				}
			}},
		{name: "output to a named pipe is refused without blocking", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "-o", fifo(t, dir, "out.csv"), in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("is a named pipe")(t, dir, r)
				if info, err := os.Lstat(filepath.Join(dir, "out.csv")); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
					t.Errorf("the pipe was replaced: %v", err)
				}
			}},
		{name: "output to a folder is refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				os.Mkdir(filepath.Join(dir, "out"), 0o755)
				return args("tag", "--ner", "off", "-o", filepath.Join(dir, "out"), in(t, dir))
			},
			check: stderrHas("is a folder")},
		{name: "output through a link to a device is refused and the link stays", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				link := filepath.Join(dir, "out.csv")
				os.Symlink(os.DevNull, link)
				return args("tag", "--ner", "off", "-o", link, in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("leads to /dev/null, which is a character device")(t, dir, r)
				if dest, err := os.Readlink(filepath.Join(dir, "out.csv")); err != nil || dest != os.DevNull {
					t.Errorf("the link changed: %q %v", dest, err)
				}
			}},
		{name: "output through a dangling link is refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				link := filepath.Join(dir, "out.csv")
				os.Symlink("nowhere.csv", link)
				return args("tag", "--ner", "off", "-o", link, in(t, dir))
			},
			check: stderrHas("is a symbolic link to nowhere.csv, which does not exist")},
		{name: "output through a link to a file replaces the file, not the link", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "real.csv", []byte("old\n"))
				os.Symlink("real.csv", filepath.Join(dir, "out.csv"))
				return args("tag", "-q", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if dest, err := os.Readlink(filepath.Join(dir, "out.csv")); err != nil || dest != "real.csv" {
					t.Errorf("the link was replaced: %q %v", dest, err)
				}
				isCSV(t, filepath.Join(dir, "real.csv"), 2)
			}},
		{name: "output over an input file is refused and the input stays", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "-o", in(t, dir), in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("is the input")(t, dir, r)
				fileIs(t, filepath.Join(dir, "in.txt"), sample)
			}},
		{name: "output over a dictionary file is refused and the dictionary stays", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				dic := filepath.Join(dir, "policy.dic")
				os.WriteFile(dic, []byte("%\n1\tmoney\n%\ndeficit\t1\n"), 0o644)
				return args("tag", "--ner", "off", "--dictionary", dic, "-o", dic, in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("is the input")(t, dir, r)
				fileIs(t, filepath.Join(dir, "policy.dic"), "%\n1\tmoney\n%\ndeficit\t1\n")
			}},
		{name: "a dictionary converted over itself is refused and stays", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				dic := filepath.Join(dir, "policy.dic")
				os.WriteFile(dic, []byte("%\n1\tmoney\n%\ndeficit\t1\n"), 0o644)
				return args("lexicon", "convert", "-o", dic, dic)
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("is the input")(t, dir, r)
				fileIs(t, filepath.Join(dir, "policy.dic"), "%\n1\tmoney\n%\ndeficit\t1\n")
			}},
		{name: "report over its JSON Lines input is refused and the input stays", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				os.WriteFile(filepath.Join(dir, "turns.jsonl"), []byte("{}\n"), 0o644)
				return args("report", "-o", filepath.Join(dir, "turns.jsonl"), filepath.Join(dir, "turns.jsonl"))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("is the input")(t, dir, r)
				fileIs(t, filepath.Join(dir, "turns.jsonl"), "{}\n")
			}},
		{name: "output over a hard link of an input is refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				os.Link(in(t, dir), filepath.Join(dir, "out.csv"))
				return args("tag", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), filepath.Join(dir, "in.txt"))
			},
			check: func(t *testing.T, dir string, r faultResult) { fileIs(t, filepath.Join(dir, "in.txt"), sample) }},
		{name: "output over a lexicon file is refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				lex := put(t, dir, "my.yaml", []byte("topics: []\n"))
				return args("tag", "--ner", "off", "--lexicon", lex, "-o", lex, in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				fileIs(t, filepath.Join(dir, "my.yaml"), "topics: []\n")
			}},
		{name: "output inside an input folder is refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "archive/a.txt", []byte(sample))
				return args("tag", "--ner", "off", filepath.Join(dir, "archive"), "-o", filepath.Join(dir, "archive", "turns.csv"))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("is inside the input folder")(t, dir, r)
				if _, err := os.Stat(filepath.Join(dir, "archive", "turns.csv")); err == nil {
					t.Error("turns.csv was written")
				}
			}},
		{name: "turns and mentions to one file are refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				x := filepath.Join(dir, "x.csv")
				return args("tag", "--ner", "off", "-o", x, "--mentions", x, in(t, dir))
			},
			check: stderrHas("-o and --mentions name the same file")},
		{name: "mentions to stdout beside turns on stdout are refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "--mentions", "-", in(t, dir))
			},
			check: stderrHas("both write to stdout")},
		{name: "mentions to stdout with turns in a file are written", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "-q", "--ner", "off", "--mentions", "-", "-o", filepath.Join(dir, "turns.csv"), in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				isCSV(t, filepath.Join(dir, "turns.csv"), 2)
				if !strings.HasPrefix(r.stdout, "source,turn,start,end,text,type") {
					t.Errorf("stdout is not the mentions: %.100q", r.stdout)
				}
			}},
		{name: "stdout redirected into an input is refused", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				f, err := os.OpenFile(in(t, dir), os.O_WRONLY|os.O_APPEND, 0)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { f.Close() })
				return faultRun{args: []string{"tag", "--ner", "off", dir}, stdout: f}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("stdout is redirected to the input")(t, dir, r)
				fileIs(t, filepath.Join(dir, "in.txt"), sample)
			}},
		{name: "a closed stdout fails the run", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return faultRun{args: []string{"tag", "--ner", "off", in(t, dir)}, shell: ">&-"}
			},
			check: stderrHas("stdout is closed")},
		{name: "a stdout that fails to write fails the run with a message", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return faultRun{args: []string{"tag", "-q", "--ner", "off", in(t, dir)}, stdout: failingWriter{}}
			},
			check: stderrHas("writing stdout: write: broken pipe", "the output on stdout is incomplete")},
		{name: "an interrupted run keeps the old output file", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "out.csv", []byte("old\n"))
				big := bigTranscript(t, dir, "big.txt", bigInProcess)
				return faultRun{args: []string{"tag", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), big}, cancel: 300 * time.Millisecond}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("interrupted after 0 of 1 files", "out.csv was not written")(t, dir, r)
				fileIs(t, filepath.Join(dir, "out.csv"), "old\n")
			}},
		{name: "a replaced output keeps its permissions", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "out.csv", []byte("old\n"))
				os.Chmod(filepath.Join(dir, "out.csv"), 0o600)
				return args("tag", "-q", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if info, err := os.Stat(filepath.Join(dir, "out.csv")); err != nil || info.Mode().Perm() != 0o600 {
					t.Errorf("mode %v, want -rw------- (%v)", info.Mode(), err)
				}
			}},
		{name: "stale temporary files are removed, all others kept", code: exitOK, temps: true,
			setup: func(t *testing.T, dir string) faultRun {
				old := time.Now().Add(-2 * staleAge)
				for _, n := range []string{".out.csv.turntag-123.tmp", ".other.csv.turntag-456.tmp", ".out.csv.turntag-789.tmp",
					".out.csv.turntag-12x.tmp", "out.csv.turntag-1.tmp", ".locked.csv.turntag-5.tmp"} {
					p := put(t, dir, n, []byte("x"))
					if n != ".out.csv.turntag-789.tmp" {
						os.Chtimes(p, old, old)
					}
				}
				f, err := os.Open(filepath.Join(dir, ".locked.csv.turntag-5.tmp"))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { f.Close() })
				if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil { // a live run's lock
					t.Fatal(err)
				}
				return args("tag", "-q", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), in(t, dir))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				for n, keep := range map[string]bool{".out.csv.turntag-123.tmp": false, ".other.csv.turntag-456.tmp": false,
					".out.csv.turntag-789.tmp": true, ".out.csv.turntag-12x.tmp": true, "out.csv.turntag-1.tmp": true, ".locked.csv.turntag-5.tmp": true} {
					if _, err := os.Stat(filepath.Join(dir, n)); (err == nil) != keep {
						t.Errorf("%s: kept %v, want %v", n, err == nil, keep)
					}
				}
			}},
		{name: "write errors name the output, never the temporary file", code: exitOK,
			setup: func(*testing.T, string) faultRun { return args("--version") },
			check: func(t *testing.T, dir string, r faultResult) {
				tg, err := checkTarget("-o", filepath.Join(dir, "out.csv"))
				if err != nil {
					t.Fatal(err)
				}
				o, err := openOutput(tg, nil)
				if err != nil {
					t.Fatal(err)
				}
				o.tmp.Close() // every write now fails
				_, werr := o.Write([]byte("x"))
				cerr := o.Commit()
				if werr == nil || cerr == nil || strings.Contains(werr.Error()+cerr.Error(), tempInfix) || !strings.HasPrefix(werr.Error(), "writing "+tg.path+": ") {
					t.Errorf("write error %q, commit error %q", werr, cerr)
				}
			}},

		// Only regular files are read; others are reported and skipped,
		// never opened in a way that blocks.
		{name: "a named pipe in a folder is skipped without blocking", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "in/a.txt", []byte(sample))
				fifo(t, filepath.Join(dir, "in"), "pipe.txt")
				return args("tag", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), filepath.Join(dir, "in"))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("skipped pipe.txt: not a regular file: a named pipe", "1 file, 2 turns, 0 failed, 1 skipped")(t, dir, r)
				isCSV(t, filepath.Join(dir, "out.csv"), 2)
			}},
		{name: "suggest skips a named pipe without blocking", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "in/a.txt", []byte(sample))
				fifo(t, filepath.Join(dir, "in"), "pipe.txt")
				return args("suggest", filepath.Join(dir, "in"))
			},
			check: stderrHas("pipe.txt: not a regular file: a named pipe")},
		{name: "a named pipe given as an argument is skipped", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", fifo(t, dir, "pipe.txt"), in(t, dir))
			},
			check: stderrHas("not a regular file: a named pipe", "1 file, 2 turns, 0 failed, 1 skipped")},
		{name: "a device given as an argument is skipped", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun { return args("tag", "--ner", "off", "/dev/zero", in(t, dir)) },
			check: stderrHas("skipped /dev/zero: unsupported format")},
		{name: "a device with a transcript's name is skipped unopened", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt"))
				return args("tag", "--ner", "off", filepath.Join(dir, "zero.txt"))
			},
			check: stderrHas("zero.txt: not a regular file: a character device")},
		{name: "a socket in a folder is skipped", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "in/a.txt", []byte(sample))
				l, err := net.Listen("unix", filepath.Join(dir, "in", "sock.txt"))
				if err != nil {
					t.Skip(err)
				}
				t.Cleanup(func() { l.Close() })
				return args("tag", "--ner", "off", filepath.Join(dir, "in"))
			},
			check: stderrHas("skipped sock.txt: not a regular file: a socket")},
		{name: "a named pipe as a lexicon is refused without blocking", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "--lexicon", fifo(t, dir, "lex.yaml"), in(t, dir))
			},
			check: stderrHas("lex.yaml: not a regular file: a named pipe")},
		{name: "a named pipe checked as a lexicon is a problem, not a hang", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun { return args("lexicon", "check", fifo(t, dir, "lex.yaml")) },
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("turntag: 1 problem\n")(t, dir, r)
				if !strings.Contains(r.stdout, "lex.yaml: not a regular file: a named pipe") {
					t.Errorf("stdout: %s", r.stdout)
				}
			}},
		{name: "a named pipe as a dictionary is refused without blocking", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "--dictionary", fifo(t, dir, "policy.dic"), in(t, dir))
			},
			check: stderrHas("policy.dic: not a regular file: a named pipe")},
		{name: "a device as a dictionary is refused, not read without end", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "--dictionary", "/dev/zero", in(t, dir))
			},
			check: stderrHas("/dev/zero: not a regular file: a character device")},
		{name: "a named pipe converted as a dictionary is refused without blocking", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("lexicon", "convert", fifo(t, dir, "policy.dic"))
			},
			check: stderrHas("policy.dic: not a regular file: a named pipe")},
		{name: "a named pipe as report's mentions is refused without blocking", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				os.WriteFile(filepath.Join(dir, "turns.jsonl"), nil, 0o644)
				return args("report", "-o", filepath.Join(dir, "r.html"), "--mentions", fifo(t, dir, "mentions.jsonl"), filepath.Join(dir, "turns.jsonl"))
			},
			check: stderrHas("mentions.jsonl: not a regular file: a named pipe")},
		{name: "a named pipe as gold is refused without blocking", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("eval", "--ner", "off", "--gold", fifo(t, dir, "gold.jsonl"), in(t, dir))
			},
			check: stderrHas("gold.jsonl: not a regular file: a named pipe")},

		{name: "a kernel file that claims 0 bytes is not read past its size", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				if _, err := os.Stat("/proc/self/environ"); err != nil {
					t.Skip("no /proc")
				}
				os.Symlink("/proc/self/environ", filepath.Join(dir, "environ.txt"))
				return args("tag", "--ner", "off", filepath.Join(dir, "environ.txt"))
			},
			check: stderrHas("environ.txt: no text to tag")},

		// Every input has a size bound, every metadata field a length bound.
		{name: "a file over --max-file-size is refused before it is read", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "--max-file-size", "1000", sparse(t, dir, "big.txt", 1<<30))
			},
			check: stderrHas("big.txt: file too large: 1073741824 bytes, over the limit of 1000 bytes (--max-file-size)")},
		{name: "a lexicon over 8 MiB is refused before it is read", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "--lexicon", sparse(t, dir, "big.yaml", 50<<20), in(t, dir))
			},
			check: stderrHas("big.yaml: file too large: 52428800 bytes, over the limit of 8388608 bytes")},
		{name: "a gold file over 64 MiB is refused before it is read", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("eval", "--ner", "off", "--gold", sparse(t, dir, "gold.jsonl", 1<<30), in(t, dir))
			},
			check: stderrHas("gold.jsonl: file too large: 1073741824 bytes")},
		{name: "standard input is bounded by --max-file-size", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return faultRun{args: []string{"tag", "--ner", "off", "--max-file-size", "1000", "-"}, stdin: strings.NewReader(strings.Repeat(sample, 100))}
			},
			check: stderrHas("stdin: file too large: over the limit of 1000 bytes")},
		{name: "a 200 MB line fails its file in bounded memory, not the process", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				f, err := os.Create(filepath.Join(dir, "line.txt"))
				if err != nil {
					t.Fatal(err)
				}
				chunk := bytes.Repeat([]byte("Ukraine and NATO allies discuss air defence and more. "), 20000)
				f.WriteString("MODERATOR: ")
				for n := 0; n < 200<<20; n += len(chunk) {
					f.Write(chunk)
				}
				f.Close()
				put(t, dir, "ok.txt", []byte(sample))
				return faultRun{process: true, args: []string{"tag", "--ner", "off", "--max-file-size", "300000000", "-o", filepath.Join(dir, "out.csv"), filepath.Join(dir, "line.txt"), filepath.Join(dir, "ok.txt")}}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("line.txt:1: line too long", "1 file, 2 turns, 1 failed")(t, dir, r)
				isCSV(t, filepath.Join(dir, "out.csv"), 2)
				if !raceEnabled && (r.maxRSS > 400<<20 || r.maxRSS == 0 && runtime.GOOS == "linux") {
					t.Errorf("peak RSS %d MB, want under 400 MB", r.maxRSS>>20)
				}
				t.Logf("peak RSS %d MB", r.maxRSS>>20)
			}},
		{name: "a turn over 4 MiB fails its file", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				long := "MODERATOR: " + strings.Repeat("Ukraine and NATO allies discuss air defence and more today.\n", 5<<20/60)
				return args("tag", "--ner", "off", put(t, dir, "long.md", []byte(long)))
			},
			check: stderrHas("long.md:1: turn too long: turn 1 is")},
		{name: "front matter whose YAML aliases explode fails its file at once", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", put(t, dir, "bomb.md", []byte("---\n"+laughs("title")+"---\nMODERATOR: Hello.\n")))
			},
			check: stderrHas("bomb.md:1: front matter: YAML aliases expand too far")},
		{name: "a lexicon whose YAML aliases explode is refused at once", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("lexicon", "check", put(t, dir, "bomb.yaml", []byte(laughs("common_words"))))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if !strings.Contains(r.stdout, "bomb.yaml: YAML aliases expand too far") {
					t.Errorf("stdout: %s", r.stdout)
				}
			}},
		{name: "a .docx that unpacks to too much is refused at once", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				body := docxBody(strings.Split(strings.Repeat("MODERATOR: Hello.\n", 1<<20), "\n")...)
				return args("tag", "--ner", "off", put(t, dir, "bomb.docx", docxFile(t, map[string][]byte{"word/document.xml": body})))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("bomb.docx: word/document.xml: larger than allowed uncompressed")(t, dir, r)
			}},
		{name: "a .docx whose header lies about its size is refused", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				body := docxBody(strings.Split(strings.Repeat("MODERATOR: Hello.\n", 1<<20), "\n")...)
				return args("tag", "--ner", "off", put(t, dir, "liar.docx", docxLying(t, body)))
			},
			check: stderrHas("liar.docx: word/document.xml")},
		{name: "a .docx with a 10 MB title gives a small table", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				core := `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + strings.Repeat("Title ", 10<<20/6) + `</dc:title></cp:coreProperties>`
				d := docxFile(t, map[string][]byte{"word/document.xml": docxBody(strings.Split(strings.TrimSpace(strings.Repeat(sample, 50)), "\n")...), "docProps/core.xml": []byte(core)})
				return args("tag", "-q", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), put(t, dir, "t.docx", d))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if info, err := os.Stat(filepath.Join(dir, "out.csv")); err != nil || info.Size() > 100<<10 {
					t.Errorf("output %v bytes (%v), want under 100 KB", info.Size(), err)
				}
			}},
		{name: "a long title is cut, with a warning", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				md := "---\ntitle: \"" + strings.Repeat("A very long title. ", 5000) + "\"\n---\n" + sample
				return args("tag", "-q", "--ner", "off", put(t, dir, "t.md", []byte(md)))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("t.md: the title is 94999 bytes long; only its first 1000 bytes are kept")(t, dir, r)
				rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
				if err != nil || len(rows) != 3 || len(rows[1][1]) > 1000 || len(rows[1][1]) < 900 {
					t.Errorf("%v: title cell of %d bytes", err, len(rows[1][1]))
				}
			}},
		{name: "invalid UTF-16 is repaired with a warning", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				src := []byte{0xFF, 0xFE}
				for _, r := range "MODERATOR: Hello from Kyiv" {
					src = append(src, byte(r), 0)
				}
				src = append(src, 0x00, 0xD8) // a lone high surrogate at byte 54
				for _, r := range ".\nQ: Thanks.\n" {
					src = append(src, byte(r), 0)
				}
				return args("tag", "--ner", "off", put(t, dir, "u16.txt", src))
			},
			check: stderrHas("u16.txt: invalid UTF-16 at byte 54 (a lone surrogate) replaced with U+FFFD")},
		{name: "a file name with a newline cannot forge a line", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				put(t, dir, "in/evil\nturntag: all good.txt", nil)
				put(t, dir, "in/esc\x1b[2J.txt", nil)
				return args("tag", "--ner", "off", filepath.Join(dir, "in"))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas(`turntag: "evil\nturntag: all good.txt": no text to tag`, `"esc\x1b[2J.txt": no text`)(t, dir, r)
				for _, l := range lines(r.stderr) {
					if !strings.HasPrefix(l, "turntag: ") || strings.HasPrefix(l, "turntag: all good") {
						t.Errorf("forged line %q", l)
					}
				}
				if strings.ContainsRune(r.stderr, '\x1b') {
					t.Error("stderr holds an escape character")
				}
			}},
		{name: "-j 1000000 does not run out of file descriptors", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				for i := 0; i < 300; i++ {
					put(t, dir, fmt.Sprintf("in/t%03d.txt", i), []byte(sample))
				}
				return args("tag", "--ner", "off", "-j", "1000000", filepath.Join(dir, "in"))
			},
			check: stderrHas("300 files, 600 turns, 0 failed, 0 skipped")},

		// Cancellation is honoured within a second, even inside one file.
		{name: "cancelling inside one large file stops within a second", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				big := bigTranscript(t, dir, "big.txt", bigInProcess)
				return faultRun{args: []string{"tag", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), big}, cancel: 500 * time.Millisecond}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("turntag: interrupted after 0 of 1 files; "+filepath.Join(dir, "out.csv")+" was not written")(t, dir, r)
				if r.stopped > quick {
					t.Errorf("stopped %s after the cancel, want under %s", r.stopped, quick)
				}
				if _, err := os.Stat(filepath.Join(dir, "out.csv")); err == nil {
					t.Error("out.csv was written")
				}
			}},
		{name: "cancelling while a .docx unpacks stops within a second", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				var ls []string
				for i := 0; i < 400000; i++ {
					ls = append(ls, fmt.Sprintf("SPEAKER %d: paragraph %d of the docx, on Ukraine.", i%97, i))
				}
				return faultRun{args: []string{"tag", "--ner", "off", put(t, dir, "big.docx", docxFile(t, map[string][]byte{"word/document.xml": docxBody(ls...)}))},
					cancel: 200 * time.Millisecond}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("interrupted after 0 of 1 files")(t, dir, r)
				if r.stopped > quick {
					t.Errorf("stopped %s after the cancel, want under %s", r.stopped, quick)
				}
			}},
		{name: "cancelling while a large lexicon loads stops within a second", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				var b strings.Builder
				b.WriteString("people:\n")
				for i := 0; b.Len() < 6<<20; i++ {
					fmt.Fprintf(&b, "  - id: person-%d\n    name: Person Number%d Example\n", i, i)
				}
				return faultRun{args: []string{"tag", "--ner", "off", "--lexicon", put(t, dir, "big.yaml", []byte(b.String())), in(t, dir)},
					cancel: 300 * time.Millisecond}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("turntag: interrupted\n")(t, dir, r)
				if r.stopped > quick {
					t.Errorf("stopped %s after the cancel, want under %s", r.stopped, quick)
				}
			}},
		{name: "SIGINT inside one large file stops within a second", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				big := bigTranscript(t, dir, "big.txt", bigSize)
				return faultRun{process: true, args: []string{"tag", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), big}, cancel: bigCancel}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("turntag: interrupted")(t, dir, r) // "after 0 of 1 files" unless a slow start (-race) got the signal first
				if r.stopped > quick {
					t.Errorf("stopped %s after SIGINT, want under %s", r.stopped, quick)
				}
				t.Logf("stopped %s after SIGINT", r.stopped)
			}},
		{name: "SIGTERM stops the same way", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				big := bigTranscript(t, dir, "big.txt", bigSize)
				return faultRun{process: true, args: []string{"suggest", big}, cancel: bigCancel, sig: syscall.SIGTERM}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("turntag: interrupted")(t, dir, r)
				if r.stopped > quick {
					t.Errorf("stopped %s after SIGTERM, want under %s", r.stopped, quick)
				}
			}},
		{name: "a second Ctrl-C ends the process at once", code: 130,
			setup: func(*testing.T, string) faultRun { return faultRun{probe: true} },
			check: func(t *testing.T, dir string, r faultResult) {
				if r.stopped > quick {
					t.Errorf("ended %s after the second Ctrl-C, want at once", r.stopped)
				}
			}},

		// Exit statuses: 0 all tagged, 1 some failed or skipped or output
		// lost, 2 bad usage, reported before any input is read.
		{name: "all tagged exits 0", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun { return args("tag", "-q", "--ner", "off", in(t, dir)) }},
		{name: "one file failing exits 1 and the rest are written", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", "--ner", "off", "-o", filepath.Join(dir, "out.csv"), in(t, dir), put(t, dir, "empty.txt", nil), filepath.Join(dir, "missing.txt"))
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("empty.txt: no text to tag", "missing.txt: stat: no such file or directory", "1 file, 2 turns, 2 failed, 0 skipped")(t, dir, r)
				isCSV(t, filepath.Join(dir, "out.csv"), 2)
			}},
		{name: "usage: tag with no input", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag") },
			check: usage("tag needs at least one FILE or FOLDER")},
		{name: "usage: --format xml", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "--format", "xml", "-") },
			check: usage(`--format takes csv, jsonl or parquet, not "xml"`)},
		{name: "usage: --ner maybe", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "--ner", "maybe", "-") },
			check: usage(`--ner takes on or off`)},
		{name: "usage: -j -1", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "-j", "-1", "-") },
			check: usage("-j takes 0")},
		{name: "usage: -j not a number", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "-j", "many", "-") },
			check: usage(`invalid value "many" for flag -j`)},
		{name: "usage: --max-file-size 0", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "--max-file-size", "0", "-") },
			check: usage("--max-file-size takes 1 to 1073741824 bytes")},
		{name: "usage: --max-file-size over 1 GiB", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "--max-file-size", "5000000000", "-") },
			check: usage("--max-file-size takes 1 to 1073741824 bytes")},
		{name: "usage: --include '['", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "--include", "[", "-") },
			check: usage(`bad glob "["`)},
		{name: "usage: --exclude '[a-'", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "--exclude", "[a-", "-") },
			check: usage(`bad glob "[a-"`)},
		{name: "usage: parquet to stdout", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "--format", "parquet", "-") },
			check: usage("--format parquet needs -o FILE")},
		{name: "usage: stdin given twice", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "-", "-") },
			check: usage("- (standard input) is given 2 times")},
		{name: "usage: unknown flag, with did you mean", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "-", "--fromat", "csv") },
			check: usage("tag: unknown flag --fromat; did you mean --format?")},
		{name: "usage: a flag without its value", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tag", "-", "-o") },
			check: usage("tag: flag -o needs a value")},
		{name: "usage: unknown command, with did you mean", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("tga", "-") },
			check: usage(`no command "tga"; did you mean "tag"?`)},
		{name: "usage: unknown subcommand, with did you mean", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("lexicon", "chek") },
			check: usage(`lexicon: no subcommand "chek"; did you mean "check"?`)},
		{name: "usage: help on an unknown command", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("help", "bogus") },
			check: usage(`no command "bogus"`)},
		{name: "usage: suggest --format xml", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("suggest", "--format", "xml", "-") },
			check: usage(`--format takes table or csv, not "xml"`)},
		{name: "usage: suggest --top -1", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("suggest", "--top", "-1", "-") },
			check: usage("--top takes 0 (all) or a positive number")},
		{name: "usage: bench --modes bogus", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("bench", "--modes", "lexicon,bogus") },
			check: usage(`--modes takes a comma-separated list of lexicon and ner, not "bogus"`)},
		{name: "usage: bench --size 0", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("bench", "--size", "0") },
			check: usage("--size and --ner-size take a positive number")},
		{name: "usage: eval without gold", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("eval", "-") },
			check: usage("eval needs --gold")},
		{name: "usage: eval with empty gold", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				return args("eval", "--gold", put(t, dir, "gold.jsonl", []byte("\n\n")), "-")
			},
			check: usage("holds no gold turns")},
		{name: "usage: eval with a missing input", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				gold := put(t, dir, "gold.jsonl", []byte(`{"source":"in.txt","turn_snippet":"Welcome"}`+"\n"))
				return args("eval", "--gold", gold, filepath.Join(dir, "missing"), "-")
			},
			check: usage("missing: stat: no such file or directory")},
		{name: "usage: eval with missing gold", code: exitUsage,
			setup: func(t *testing.T, dir string) faultRun {
				return args("eval", "--gold", filepath.Join(dir, "nogold"), "-")
			},
			check: usage("nogold: stat: no such file or directory")},
		{name: "usage: lexicon list --type bogus", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("lexicon", "list", "--type", "bogus") },
			check: usage("--type")},
		{name: "usage: lexicon list --format xml", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("lexicon", "list", "--format", "xml") },
			check: usage(`--format takes table or csv, not "xml"`)},
		{name: "usage: completion for an unknown shell", code: exitUsage, setup: func(*testing.T, string) faultRun { return args("completion", "tcsh") },
			check: usage(`no script for "tcsh"`)},

		// Flags anywhere on the line, for every command.
		{name: "flags after arguments: tag", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				return args("tag", in(t, dir), "-o", filepath.Join(dir, "turns.csv"), "--ner=off", "-q")
			},
			check: func(t *testing.T, dir string, r faultResult) { isCSV(t, filepath.Join(dir, "turns.csv"), 2) }},
		{name: "flags after arguments: suggest", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				return args("suggest", in(t, dir), "--format", "csv", "--top", "1")
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if !strings.HasPrefix(r.stdout, "name,label,count,docs,example,source") {
					t.Errorf("stdout: %.100q", r.stdout)
				}
			}},
		{name: "flags after arguments: eval", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				gold := put(t, dir, "gold.jsonl", []byte(`{"source":"in.txt","turn_snippet":"Welcome","topics":["Ukraine"]}`+"\n"))
				return args("eval", in(t, dir), "--gold", gold, "--ner", "off")
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if !strings.Contains(r.stdout, "topics (micro)") {
					t.Errorf("stdout: %.300q", r.stdout)
				}
			}},
		{name: "flags after arguments: lexicon explain reads --ner as a flag", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				return args("lexicon", "explain", "Mr. Lavrov met officials in Kyiv.", "--ner", "off")
			},
			check: func(t *testing.T, dir string, r faultResult) {
				var out, errs bytes.Buffer
				runApp(t.Context(), newApp(&out, &errs), []string{"turntag", "lexicon", "explain", "--ner", "off", "Mr. Lavrov met officials in Kyiv."})
				if r.stdout != out.String() || !strings.Contains(r.stdout, "Sergey Lavrov") {
					t.Errorf("flag after the text changed the result:\n%s\nwant\n%s", r.stdout, out.String())
				}
			}},
		{name: "flags after arguments: lexicon check", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				return args("lexicon", "check", put(t, dir, "my.yaml", []byte("topics:\n  - id: arctic\n    label: Arctic\n    cues: [High North]\n")), "--no-default-lexicon")
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if !strings.HasPrefix(r.stdout, "ok: 0 countries") {
					t.Errorf("stdout: %q", r.stdout)
				}
			}},
		{name: "-- ends the flags", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				t.Chdir(dir)
				put(t, dir, "-o.txt", []byte(sample))
				return args("tag", "--ner", "off", "--", "-o.txt", "-q")
			},
			check: func(t *testing.T, dir string, r faultResult) {
				stderrHas("turntag: -q: stat: no such file or directory", "1 file, 2 turns, 1 failed")(t, dir, r)
				if !strings.Contains(r.stdout, "\r\n'-o.txt,,,1,") {
					t.Errorf("stdout: %q", r.stdout)
				}
			}},

		// "-" reads stdin; --version; completion.
		{name: "- reads one transcript from stdin", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun {
				vtt := "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna Berg>We discussed Ukraine.\n\n00:00:02.000 --> 00:00:03.000\n<v Interviewer>Thank you.\n"
				return faultRun{args: []string{"tag", "-", "--ner", "off", "-q"}, stdin: strings.NewReader(vtt)}
			},
			check: func(t *testing.T, dir string, r faultResult) {
				if !strings.Contains(r.stdout, "\r\nstdin,,,1,Anna Berg,") || !strings.Contains(r.stdout, "00:00:01.000") {
					t.Errorf("stdout: %q", r.stdout)
				}
			}},
		{name: "--version prints the version", code: exitOK,
			setup: func(*testing.T, string) faultRun { return args("--version") },
			check: func(t *testing.T, dir string, r faultResult) {
				if r.stdout != "turntag version "+version()+"\n" || !strings.HasPrefix(version(), "devel") && !strings.HasPrefix(version(), "v") {
					t.Errorf("stdout %q, version %q", r.stdout, version())
				}
			}},
		{name: "completion for bash completes commands, subcommands and flags", code: exitOK,
			setup: func(*testing.T, string) faultRun { return args("completion", "bash") },
			check: func(t *testing.T, dir string, r faultResult) {
				script := put(t, dir, "turntag.bash", []byte(r.stdout))
				for line, want := range map[string]string{"turntag ta": "tag", "turntag tag --for": "--format", "turntag lexicon ch": "check",
					"turntag lexicon explain --n": "--ner", "turntag lexicon explain --no": "--no-default-lexicon", "turntag tag a.txt -": "--lexicon"} {
					words := strings.Split(line, " ")
					probe := fmt.Sprintf("source %s; COMP_WORDS=(%s); COMP_CWORD=%d; _turntag; echo \"${COMPREPLY[*]}\"",
						shellQuote(script), strings.Join(quoteAll(words), " "), len(words)-1)
					out, err := exec.Command("bash", "-c", probe).CombinedOutput()
					if err != nil || !strings.Contains(string(out), want) {
						t.Errorf("%q completes to %q (%v), want %q", line, out, err, want)
					}
				}
			}},
		{name: "completion for zsh and fish", code: exitOK,
			setup: func(*testing.T, string) faultRun { return args("completion", "zsh") },
			check: func(t *testing.T, dir string, r faultResult) {
				var fish bytes.Buffer
				runApp(t.Context(), newApp(&fish, &bytes.Buffer{}), []string{"turntag", "completion", "fish"})
				for shell, script := range map[string]string{"zsh": r.stdout, "fish": fish.String()} {
					for _, want := range []string{"tag", "lexicon", "explain", "--max-file-size", "_files", "-l max-file-size"} {
						if shell == "fish" && (want == "_files" || want == "--max-file-size") || shell == "zsh" && want == "-l max-file-size" {
							continue
						}
						if !strings.Contains(script, want) {
							t.Errorf("%s script lacks %q", shell, want)
						}
					}
					if _, err := exec.LookPath(shell); err == nil {
						p := put(t, dir, "completion."+shell, []byte(script))
						if out, err := exec.Command(shell, "-n", p).CombinedOutput(); err != nil {
							t.Errorf("%s -n: %v\n%s", shell, err, out)
						}
					}
				}
			}},

		// Messages a user understands.
		{name: "one problem is \"1 problem\"", code: exitFailed,
			setup: func(t *testing.T, dir string) faultRun {
				return args("lexicon", "check", put(t, dir, "bad.yaml", []byte("people:\n  - id: x\n    nmae: X Y\n")))
			},
			check: stderrHas("turntag: 1 problem\n")},
		{name: "one file is \"1 file\"", code: exitOK,
			setup: func(t *testing.T, dir string) faultRun { return args("tag", "--ner", "off", in(t, dir)) },
			check: stderrHas("turntag: 1 file, 2 turns, 0 failed, 0 skipped")},
	}
}

// laughs is YAML of a few hundred bytes whose key expands, through nested
// aliases, to a billion strings.
func laughs(key string) string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 10), ","))
	}
	fmt.Fprintf(&b, "%s: *a9\n", key)
	return b.String()
}

// quoteAll shell-quotes each word.
func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = shellQuote(w)
	}
	return out
}

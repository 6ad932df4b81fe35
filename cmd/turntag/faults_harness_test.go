//go:build linux || darwin || freebsd || netbsd || openbsd

package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// childEnv makes the test binary act as turntag itself ("main") or as the
// signal-handling probe ("signals"), for the fault cases that need a
// process of their own: signals, a closed stdout, peak memory.
const childEnv = "TURNTAG_FAULTS_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "main":
		code := runMain()
		fmt.Fprintf(os.Stderr, "peak RSS %s\n", peakRSS()) // of this process alone, unlike the rusage of a child
		os.Exit(code)
	case "signals":
		signalProbe()
	}
	os.Exit(m.Run())
}

// signalProbe installs turntag's interrupt handling, says "ready", and on
// the first signal says "interrupted" and then ignores the context, as a
// command stuck in code that never looks at it would: only the second
// signal can end it, with status 130.
func signalProbe() {
	ctx, stop := interruptContext(context.Background())
	defer stop()
	fmt.Println("ready")
	<-ctx.Done()
	fmt.Println("interrupted")
	time.Sleep(time.Minute)
	os.Exit(0)
}

// faultRun is how a fault case runs turntag.
type faultRun struct {
	args    []string      // after "turntag"
	stdin   io.Reader     // standard input; nil: a tripwire that records any read
	stdout  io.Writer     // in process: the app's stdout; nil: a buffer
	process bool          // run the test binary as turntag in a process of its own
	shell   string        // run turntag through sh -c with this suffix (">&-"); implies process
	cancel  time.Duration // cancel the context (in process) or send sig (process) after this long
	sig     os.Signal     // the signal of a process run; SIGINT when nil
	timeout time.Duration // the run hangs past this; 30 s when 0
	// probe runs signalProbe in a process and sends it Ctrl-C twice: once
	// when it is ready, again when it says it was interrupted.
	probe bool
}

// faultResult is what a run did.
type faultResult struct {
	code           int
	stdout, stderr string        // stderr ends with main's "turntag: <err>" line
	stdinRead      bool          // the tripwire stdin was read
	stopped        time.Duration // from cancel or signal to the end of the run
	maxRSS         int64         // peak resident set, bytes (process runs on Linux)
}

// tripwire is a standard input that records whether it was read.
type tripwire struct{ read atomic.Bool }

func (w *tripwire) Read([]byte) (int, error) {
	w.read.Store(true)
	return 0, io.EOF
}

// runFault runs turntag as r says and fails the test if it hangs.
func runFault(t *testing.T, r faultRun) faultResult {
	t.Helper()
	if r.timeout == 0 {
		r.timeout = 30 * time.Second
	}
	if r.probe {
		return runProbe(t, r)
	}
	if r.process || r.shell != "" {
		return runFaultProcess(t, r)
	}
	var out, errs bytes.Buffer
	stdout := r.stdout
	if stdout == nil {
		stdout = &out
	}
	app := newApp(stdout, &errs)
	wire := &tripwire{}
	app.Reader = wire
	if r.stdin != nil {
		app.Reader = r.stdin
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- runApp(ctx, app, append([]string{"turntag"}, r.args...)) }()
	var res faultResult
	var cancelled time.Time
	var cancelTimer <-chan time.Time
	if r.cancel > 0 {
		cancelTimer = time.After(r.cancel)
	}
	deadline := time.After(r.timeout)
	var err error
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-cancelTimer:
			cancelled = time.Now()
			cancel()
		case <-deadline:
			t.Fatalf("turntag %q hung for %s", r.args, r.timeout)
		}
	}
	if !cancelled.IsZero() {
		res.stopped = time.Since(cancelled)
	}
	res.code = exitReport(&errs, err)
	res.stdout, res.stderr, res.stdinRead = out.String(), errs.String(), wire.read.Load()
	return res
}

// runFaultProcess runs the test binary as turntag in a process of its own.
func runFaultProcess(t *testing.T, r faultRun) faultResult {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var cmd *exec.Cmd
	if r.shell != "" {
		quoted := []string{shellQuote(self)}
		for _, a := range r.args {
			quoted = append(quoted, shellQuote(a))
		}
		cmd = exec.Command("/bin/sh", "-c", "exec "+strings.Join(quoted, " ")+" "+r.shell)
	} else {
		cmd = exec.Command(self, r.args...)
	}
	cmd.Env = append(os.Environ(), childEnv+"=main")
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if r.stdin != nil {
		cmd.Stdin = r.stdin
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var res faultResult
	var signalled time.Time
	var sigTimer <-chan time.Time
	if r.cancel > 0 {
		sigTimer = time.After(r.cancel)
	}
	deadline := time.After(r.timeout)
wait:
	for {
		select {
		case <-done:
			break wait
		case <-sigTimer:
			sig := r.sig
			if sig == nil {
				sig = os.Interrupt
			}
			signalled = time.Now()
			cmd.Process.Signal(sig)
		case <-deadline:
			cmd.Process.Kill()
			<-done
			t.Fatalf("turntag %q hung for %s\nstderr: %s", r.args, r.timeout, errs.String())
		}
	}
	if !signalled.IsZero() {
		res.stopped = time.Since(signalled)
	}
	st := cmd.ProcessState
	res.code = st.ExitCode()
	res.stdout, res.stderr = out.String(), errs.String()
	if i := strings.LastIndex(res.stderr, "peak RSS "); i >= 0 {
		var kb int64
		fmt.Sscanf(res.stderr[i:], "peak RSS %d kB", &kb)
		res.maxRSS = kb << 10
	}
	return res
}

// runProbe runs signalProbe and sends it two Ctrl-Cs; stopped is the time
// from the second to the end of the process.
func runProbe(t *testing.T, r faultRun) faultResult {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), childEnv+"=signals")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	said := make(chan string, 2)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			said <- sc.Text()
		}
		close(said)
	}()
	expect := func(want string) {
		select {
		case s := <-said:
			if s != want {
				t.Fatalf("the probe said %q, want %q", s, want)
			}
		case <-time.After(r.timeout):
			cmd.Process.Kill()
			t.Fatalf("the probe did not say %q", want)
		}
	}
	expect("ready")
	cmd.Process.Signal(os.Interrupt)
	expect("interrupted")
	start := time.Now()
	cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(r.timeout):
		cmd.Process.Kill()
		<-done
	}
	return faultResult{stopped: time.Since(start), code: cmd.ProcessState.ExitCode()}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// sample is a small transcript that tags cleanly.
const sample = "MODERATOR: Welcome to the briefing on Ukraine.\n\nQ: And NATO?\n"

// put writes a file under dir and returns its path.
func put(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sparse makes a file of size bytes that takes no time to write: a limit
// must refuse it by its size, before reading it.
func sparse(t *testing.T, dir, name string, size int64) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	return p
}

// fifo makes a named pipe that no one writes: opening it to read would
// block forever.
func fifo(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// bigTranscript writes a transcript of short turns of about size bytes.
func bigTranscript(t *testing.T, dir, name string, size int) string {
	t.Helper()
	block := strings.Repeat("MODERATOR: Welcome to the briefing on Ukraine and NATO with Jens Stoltenberg in Brussels.\n\nQ: What about China and Taiwan, and the European Union position on Russia?\n\n", 100)
	return put(t, dir, name, []byte(strings.Repeat(block, size/len(block)+1)))
}

// docxFile builds a .docx of the given parts.
func docxFile(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docxLying builds a .docx whose document part's header claims 100 bytes
// while the part unpacks to all of body.
func docxLying(t *testing.T, body []byte) []byte {
	t.Helper()
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(body)
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(body), CompressedSize64: uint64(packed.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docxBody is WordprocessingML with one paragraph per line.
func docxBody(lines ...string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, l := range lines {
		fmt.Fprintf(&b, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, l)
	}
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes()
}

// tempFiles lists the temporary output files of turntag's naming under dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && tempName.MatchString(d.Name()) {
			found = append(found, p)
		}
		return nil
	})
	return found
}

// lines splits output into lines, without the last empty one.
func lines(s string) []string {
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<26)
	var out []string
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// failingWriter fails every write as a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

// Package browsertest drives reports in a headless Chromium for tests and
// benchmarks, through chromedp. Without a browser the tests that use it
// are skipped with a message saying how to install one, unless
// TURNTAG_REQUIRE_BROWSER is set (as CI sets it), which makes that a
// failure.
//
// Imports: none of turntag's packages; tests only.
package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Find returns the path of a Chromium or Chrome executable:
// $TURNTAG_BROWSER when set, else the first of chromium, chromium-browser,
// google-chrome and google-chrome-stable on the PATH.
func Find() (string, bool) {
	if p := os.Getenv("TURNTAG_BROWSER"); p != "" {
		return p, true
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// New starts a headless browser for tb and returns a chromedp context
// with a first tab, which every action of the test shares. The browser
// stops when the test ends. Limit single actions with a context derived
// from it (a timeout on the context itself would stop the browser).
func New(tb testing.TB) context.Context {
	tb.Helper()
	path, ok := Find()
	if !ok {
		const missing = "no Chromium found (looked for chromium, chromium-browser, google-chrome and google-chrome-stable on the PATH, and $TURNTAG_BROWSER)"
		if os.Getenv("TURNTAG_REQUIRE_BROWSER") != "" {
			tb.Fatal(missing + ", and TURNTAG_REQUIRE_BROWSER is set: install one with `apt-get install -y chromium`")
		}
		tb.Skip(missing + ": browser tests skipped; install one with `apt-get install -y chromium`")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.WindowSize(1400, 1000),
		chromedp.Flag("allow-file-access-from-files", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	tb.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		tb.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// FileURL returns the file:// URL of a local file.
func FileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// Open navigates to the report at path and waits until it is ready (its
// body has data-ready, set once the data is decoded and every view drawn).
// It returns the page's own measure of the time from the start of the
// navigation to ready.
func Open(ctx context.Context, path string) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Navigate(FileURL(path)),
		chromedp.Poll[chromedp.Void](`document.body && (document.body.dataset.ready === "1" || document.body.dataset.error) ? true : null`, chromedp.WithPollingTimeout(60*time.Second)),
	)
	if err != nil {
		return 0, err
	}
	failed, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.error || ""`))
	if err != nil {
		return 0, err
	}
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.turntagReady || 0`))
	if err != nil {
		return 0, err
	}
	if failed != "" {
		return 0, fmt.Errorf("the report failed in the browser: %s", failed)
	}
	return time.Duration(ms * float64(time.Millisecond)), nil
}

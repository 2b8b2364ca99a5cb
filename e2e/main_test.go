package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// Set once by TestMain, read by every test.
var (
	repoRoot  string          // the module root, where go.mod is
	baseURL   string          // http://127.0.0.1:PORT of the app under test
	browser   context.Context // a chromedp context whose browser is running
	axeSource string          // axe.min.js, injected into pages
)

func TestMain(m *testing.M) {
	if os.Getenv("E2E_SKIP") == "1" {
		fmt.Println("e2e: skipped because E2E_SKIP=1")
		os.Exit(0)
	}
	os.Exit(run(m))
}

// run sets up the app and the browser, runs the tests and tears everything
// down; it is separate from TestMain so that its defers run before os.Exit.
func run(m *testing.M) int {
	fail := func(format string, args ...any) int {
		fmt.Fprintf(os.Stderr, "FAIL: e2e: "+format+"\n", args...)
		return 1
	}
	var err error
	if repoRoot, err = filepath.Abs(".."); err != nil {
		return fail("%v", err)
	}
	if _, err := os.Stat(filepath.Join(repoRoot, "go.mod")); err != nil {
		return fail("cannot find the repository root from %s: %v", repoRoot, err)
	}
	// Missing browser dependencies fail rather than skip: a silently skipped
	// suite looks exactly like a passing one.
	if _, err := os.Stat(chromiumPath); err != nil {
		return fail("%s is missing: run `bash .ci/browser-deps.sh` (or set E2E_SKIP=1 to skip the browser tests)", chromiumPath)
	}
	axe, err := os.ReadFile(filepath.Join(repoRoot, "e2e", ".deps", "axe.min.js"))
	if err != nil {
		return fail("e2e/.deps/axe.min.js is missing: run `bash .ci/browser-deps.sh` (or set E2E_SKIP=1 to skip the browser tests)")
	}
	axeSource = string(axe)
	// Screenshots of an earlier run's failures would mislead.
	os.RemoveAll(artifactsDir())

	tmp, err := os.MkdirTemp("", "backwise-e2e-")
	if err != nil {
		return fail("%v", err)
	}
	defer os.RemoveAll(tmp)

	bin := filepath.Join(tmp, "backwise")
	build := exec.Command("go", "build", "-o", bin, "./cmd/backwise")
	build.Dir = repoRoot
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fail("go build ./cmd/backwise: %v", err)
	}

	stop, err := startApp(bin, tmp)
	if err != nil {
		return fail("start the app: %v", err)
	}
	defer stop()

	cancel, err := startBrowser(tmp)
	if err != nil {
		return fail("start Chromium: %v", err)
	}
	defer cancel()

	return m.Run()
}

// startApp serves the binary on a free loopback port with a database of its
// own, waits until /healthz answers 200, and returns a func that stops it.
func startApp(bin, dir string) (stop func(), err error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()

	logFile, err := os.Create(filepath.Join(dir, "app.log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve", "-addr", addr, "-db", filepath.Join(dir, "e2e.db"))
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop = func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		logFile.Close()
	}

	baseURL = "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(logFile.Name())
			logFile.Close()
			return nil, fmt.Errorf("the app exited before it was healthy (%v); its log:\n%s", err, log)
		default:
		}
		if resp, err := client.Get(baseURL + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return stop, nil
			}
		}
		if time.Now().After(deadline) {
			stop()
			return nil, errors.New("GET /healthz did not answer 200 within 30 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// startBrowser starts the one Chromium that every test shares. The context
// of this first run must have no timeout: it bounds the browser's whole life.
func startBrowser(dir string) (context.CancelFunc, error) {
	profile := filepath.Join(dir, "chromium-profile")
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(profile),
		// The flags that work with no network (shared/tooling-notes.md).
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("force-color-profile", "srgb"),
		// A reader in England: the site guesses the region from the
		// browser's language, and the tests expect England's numbers
		// unless they choose another region.
		chromedp.Flag("accept-lang", "en-GB"),
		chromedp.WindowSize(1280, 800),
	)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	cancel := func() { cancelCtx(); cancelAlloc() }
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, err
	}
	browser = ctx
	return cancel, nil
}

// httpClient makes the requests that the tests send outside the browser.
var httpClient = &http.Client{Timeout: 10 * time.Second}

package main

import (
	"backwise/internal/triage"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"

	"backwise/internal/store"
	"backwise/migrations"
)

// The fault tests need a real process to kill. The test binary re-runs
// itself as the server when BACKWISE_TEST_SERVE is set, so no separate
// build is needed and the code under test is exactly this package's.
func TestMain(m *testing.M) {
	if os.Getenv("BACKWISE_TEST_SERVE") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

type proc struct {
	cmd  *exec.Cmd
	addr string
	logs *bytes.Buffer
	done chan error
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func startServer(t *testing.T, db string, extra ...string) *proc {
	t.Helper()
	p := &proc{addr: freeAddr(t), logs: &bytes.Buffer{}, done: make(chan error, 1)}
	args := append([]string{"serve", "-addr", p.addr, "-db", db, "-write-limit", "0", "-log-format", "json"}, extra...)
	p.cmd = exec.Command(os.Args[0], args...)
	p.cmd.Env = append(os.Environ(), "BACKWISE_TEST_SERVE=1")
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	// A test that fails half-way must not leave its server running.
	t.Cleanup(func() { p.cmd.Process.Kill() })
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get("http://" + p.addr + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return p
			}
		}
		if time.Now().After(deadline) {
			p.cmd.Process.Kill()
			t.Fatalf("server did not become healthy: %v\n%s", err, p.logs)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

func (p *proc) url(path string) string { return "http://" + p.addr + path }

func newJar() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// answersJSON answers the pages everyone sees, with no warning sign.
func answersJSON() string {
	a := map[string]any{"age": 40, "duration": "2_to_6_weeks", "back_pain_before": true, "intensity": 5, "location": []string{"lower"}, "trend": "same"}
	for _, p := range triage.Pages() {
		if len(p.AskedWhen) > 0 {
			continue
		}
		for _, q := range p.Questions {
			if q.Kind == triage.KindChecklistItem {
				a[q.Key] = false
			}
		}
	}
	b, _ := json.Marshal(map[string]any{"answers": a, "save": true})
	return string(b)
}

// ack is a write the server confirmed with a 2xx or 303.
type ack struct {
	client *http.Client
	result string // assessment id, or "" for a bookmark
}

// Writes acknowledged before a SIGKILL must all be there after a restart,
// and the database must pass SQLite's integrity check.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	db := filepath.Join(t.TempDir(), "crash.db")
	body := answersJSON()
	for round := 1; round <= 3; round++ {
		p := startServer(t, db)
		var mu sync.Mutex
		var acks []ack
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		var wg sync.WaitGroup
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; ctx.Err() == nil && i < 500; i++ {
					c := newJar()
					if (w+i)%2 == 0 {
						req, _ := http.NewRequestWithContext(ctx, "POST", p.url("/api/v1/assessments"), strings.NewReader(body))
						req.Header.Set("Content-Type", "application/json")
						res, err := c.Do(req)
						if err != nil {
							return
						}
						var out struct{ ID string }
						json.NewDecoder(res.Body).Decode(&out)
						res.Body.Close()
						if res.StatusCode == 201 && out.ID != "" {
							mu.Lock()
							acks = append(acks, ack{client: c, result: out.ID})
							mu.Unlock()
						}
					} else {
						req, _ := http.NewRequestWithContext(ctx, "POST", p.url("/bookmarks"), strings.NewReader("kind=routine&slug=foot-arch-roll&action=add"))
						req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
						res, err := c.Do(req)
						if err != nil {
							return
						}
						res.Body.Close()
						if res.StatusCode == http.StatusSeeOther {
							mu.Lock()
							acks = append(acks, ack{client: c})
							mu.Unlock()
						}
					}
				}
			}(w)
		}
		// Kill once a number of writes (more each round) have been
		// acknowledged, while the writers are still going.
		waitUntil(t, 10*time.Second, func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(acks) >= 100*round
		})
		p.cmd.Process.Signal(syscall.SIGKILL)
		<-p.done
		cancel()
		wg.Wait()
		if len(acks) < 10 {
			t.Fatalf("round %d: only %d writes acknowledged before the kill", round, len(acks))
		}
		// The log is written before the response is sent, and straight to
		// stderr: every acknowledged write has its line, even after a SIGKILL.
		if logged := loggedWrites(p.logs.String()); logged < len(acks) {
			t.Errorf("round %d: %d writes acknowledged but only %d access-log lines survived the SIGKILL", round, len(acks), logged)
		}

		s, err := store.Open(context.Background(), db, migrations.FS)
		if err != nil {
			t.Fatalf("round %d: reopen after SIGKILL: %v", round, err)
		}
		verdict, err := s.IntegrityCheck(context.Background())
		s.Close()
		if err != nil || verdict != "ok" {
			t.Fatalf("round %d: integrity_check = %q, %v", round, verdict, err)
		}
		p2 := startServer(t, db)
		missing := 0
		for _, a := range acks {
			if a.result != "" {
				res, err := a.client.Get(p2.url("/api/v1/assessments/" + a.result))
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != 200 {
					missing++
				}
				continue
			}
			res, err := a.client.Get(p2.url("/me"))
			if err != nil {
				t.Fatal(err)
			}
			kept := listsBookmark(res.Body, "/routines/foot-arch-roll")
			res.Body.Close()
			if !kept {
				missing++
			}
		}
		if missing > 0 {
			t.Errorf("round %d: %d of %d acknowledged writes lost after SIGKILL", round, missing, len(acks))
		}
		t.Logf("round %d: %d acknowledged writes survived a SIGKILL", round, len(acks)-missing)
		p2.cmd.Process.Signal(syscall.SIGTERM)
		if err := <-p2.done; err != nil {
			t.Fatalf("clean stop after round %d: %v", round, err)
		}
	}
}

// On SIGTERM, requests already accepted finish, new connections are
// refused, and the process exits 0.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	p := startServer(t, filepath.Join(t.TempDir(), "term.db"))
	// One connection per request, so "refused" is visible as a dial error
	// rather than hidden by a reused keep-alive connection.
	client := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var mu sync.Mutex
	var ok, refused int
	var bad []string
	var wg sync.WaitGroup
	var signalled time.Time
	stop := make(chan struct{})
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				select {
				case <-stop:
					return
				default:
				}
				res, err := client.Get(p.url("/articles/when-to-avoid-massage"))
				mu.Lock()
				switch {
				case err == nil:
					b, rerr := io.ReadAll(res.Body)
					res.Body.Close()
					if rerr != nil || res.StatusCode != 200 || (res.ContentLength >= 0 && int64(len(b)) != res.ContentLength) {
						bad = append(bad, fmt.Sprintf("status %d, %d of %d bytes, %v", res.StatusCode, len(b), res.ContentLength, rerr))
					} else {
						ok++
					}
				case isRefused(err):
					refused++
				case !signalled.IsZero() && (errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET)):
					// Connections still in the kernel's accept queue when the
					// listener closes are reset before the server reads them:
					// never accepted, so refused, not broken. A response cut
					// short after it began would fail the length check above.
					refused++
				default:
					bad = append(bad, err.Error())
				}
				mu.Unlock()
				if err != nil {
					return
				}
			}
		}()
	}
	// Signal once the load is well under way.
	waitUntil(t, 10*time.Second, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return ok >= 100
	})
	mu.Lock()
	signalled = time.Now()
	mu.Unlock()
	p.cmd.Process.Signal(syscall.SIGTERM)
	var exitErr error
	select {
	case exitErr = <-p.done:
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		t.Fatal("server did not exit within 20 s of SIGTERM")
	}
	close(stop)
	wg.Wait()
	if exitErr != nil {
		t.Errorf("exit after SIGTERM: %v", exitErr)
	}
	if _, err := net.DialTimeout("tcp", p.addr, time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
	if len(bad) > 0 {
		t.Errorf("%d requests broken by the shutdown, e.g. %s", len(bad), bad[0])
	}
	if ok < 50 {
		t.Errorf("only %d requests completed", ok)
	}
	t.Logf("SIGTERM under load: %d requests completed, %d refused after shutdown began, %d broken", ok, refused, len(bad))
}

// listsBookmark reports whether a /me page lists a bookmark linking to
// href inside its [data-testid=bookmarks] block.
func listsBookmark(r io.Reader, href string) bool {
	root, err := html.Parse(r)
	if err != nil {
		return false
	}
	var walk func(n *html.Node, inBookmarks bool) bool
	walk = func(n *html.Node, inBookmarks bool) bool {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				inBookmarks = inBookmarks || (a.Key == "data-testid" && a.Val == "bookmarks")
				if inBookmarks && n.Data == "a" && a.Key == "href" && a.Val == href {
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, inBookmarks) {
				return true
			}
		}
		return false
	}
	return walk(root, false)
}

// waitUntil polls cond until it holds, and fails the test after timeout.
func waitUntil(t *testing.T, timeout time.Duration, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(timeout); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met within %s", timeout)
		}
	}
}

// loggedWrites counts the access-log lines (JSON) of successful writes.
func loggedWrites(logs string) int {
	n := 0
	for _, line := range strings.Split(logs, "\n") {
		var l struct {
			Msg, Route string
			Status     int
		}
		if json.Unmarshal([]byte(line), &l) != nil || l.Msg != "request" {
			continue
		}
		if (l.Route == "/api/v1/assessments" && l.Status == http.StatusCreated) || (l.Route == "/bookmarks" && l.Status == http.StatusSeeOther) {
			n++
		}
	}
	return n
}

func isRefused(err error) bool {
	var op *net.OpError
	return errors.Is(err, syscall.ECONNREFUSED) || (errors.As(err, &op) && op.Op == "dial")
}

// A backup taken while the server runs is a complete, consistent copy.
func TestBackupWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	p := startServer(t, db)
	c := newJar()
	var ids []string
	for i := 0; i < 20; i++ {
		req, _ := http.NewRequest("POST", p.url("/api/v1/assessments"), strings.NewReader(answersJSON()))
		req.Header.Set("Content-Type", "application/json")
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ ID string }
		json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		ids = append(ids, out.ID)
	}
	backupFile := filepath.Join(dir, "backup.db")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"backup", "-db", db, backupFile}, noEnv, &out, io.Discard); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if err := run(context.Background(), []string{"backup", "-db", db, backupFile}, noEnv, io.Discard, io.Discard); err == nil {
		t.Error("backup overwrote an existing file")
	}
	// Restore: serve from the copy and read every result back.
	p.cmd.Process.Signal(syscall.SIGTERM)
	<-p.done
	restored := startServer(t, backupFile)
	defer func() { restored.cmd.Process.Signal(syscall.SIGTERM); <-restored.done }()
	u, _ := url.Parse(p.url("/"))
	ru, _ := url.Parse(restored.url("/"))
	c.Jar.SetCookies(ru, c.Jar.Cookies(u))
	for _, id := range ids {
		res, err := c.Get(restored.url("/api/v1/assessments/" + id))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("result %s missing from the restored backup: %d", id, res.StatusCode)
		}
	}
}

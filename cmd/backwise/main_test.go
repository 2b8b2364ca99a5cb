package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backwise/content"
)

func noEnv(string) string { return "" }

func TestCheckReportsFileLineReason(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"check", "-content", "testdata/broken"}, noEnv, &out, &errOut)
	if err == nil {
		t.Fatal("check passed a broken article")
	}
	for _, want := range []string{
		`articles/broken.md:4: unknown category "rumours"`,
		"articles/broken.md:14: link to /articles/does-not-exist: no such article",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check output lacks %q:\n%s", want, out.String())
		}
	}
}

// An article named in code (here one a result may suggest) but missing
// from the content fails check with the slug and where it came from.
func TestCheckReportsUnknownSlugInCode(t *testing.T) {
	dir := t.TempDir()
	err := fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "articles/faq.md" {
			return err
		}
		b, err := fs.ReadFile(content.FS, p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"check", "-content", dir}, noEnv, &out, io.Discard); err == nil {
		t.Fatalf("check passed content that lacks an article named in code:\n%s", out.String())
	}
	if want := `internal/triage/advice.go ArticleSlugs: unknown article "faq"`; !strings.Contains(out.String(), want) {
		t.Errorf("check output lacks %q:\n%s", want, out.String())
	}
}

func TestCheckPassesRealContent(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"check"}, noEnv, &out, io.Discard); err != nil {
		t.Fatalf("check on the embedded content failed: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "ok: ") {
		t.Errorf("output = %s", out.String())
	}
}

func TestServeRefusesBrokenContent(t *testing.T) {
	args := []string{"serve", "-dev", "-content-dir", "testdata/broken", "-static-dir", "../../static",
		"-db", filepath.Join(t.TempDir(), "x.db"), "-addr", "127.0.0.1:0"}
	err := run(context.Background(), args, noEnv, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "articles/broken.md:4") {
		t.Fatalf("serve with broken content = %v, want a file:line error", err)
	}
}

func TestServeStartsAndStops(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() {
		done <- run(ctx, []string{"serve", "-addr", addr, "-db", filepath.Join(t.TempDir(), "d", "x.db"), "-log-format", "json"}, noEnv, io.Discard, &logs)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == 200 && string(b) == "ok\n" {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not become healthy: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run = %v", err)
	}
}

func TestVersionAndUnknownCommand(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"version"}, noEnv, &out, io.Discard); err != nil || !strings.HasPrefix(out.String(), "backwise ") {
		t.Errorf("version = %q, %v", out.String(), err)
	}
	if err := run(context.Background(), []string{"frobnicate"}, noEnv, io.Discard, io.Discard); err == nil {
		t.Error("unknown command accepted")
	}
}

func TestExportChecksItsBaseURL(t *testing.T) {
	dir := t.TempDir()
	if err := run(context.Background(), []string{"export", "-base-url", "backwise.example", dir}, noEnv, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "-base-url") {
		t.Errorf("export with a base URL that is not an origin = %v", err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"export", "-base-url", "https://backwise.example/", dir}, noEnv, &out, io.Discard); err != nil {
		t.Fatalf("export: %v", err)
	}
	robots, err := os.ReadFile(filepath.Join(dir, "robots.txt"))
	if err != nil || !strings.Contains(string(robots), "Sitemap: https://backwise.example/sitemap.xml\n") {
		t.Errorf("exported robots.txt = %q, %v", robots, err)
	}
}

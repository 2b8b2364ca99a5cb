package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

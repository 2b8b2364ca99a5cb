package main

import (
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Behind a TLS proxy the server listens on plain HTTP. With an https base
// URL it must still mark cookies Secure, give them the __Host- prefix and
// send HSTS: the real serve path, on a plain listener.
func TestSecureBehindTLSProxy(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	for _, tc := range []struct {
		name   string
		args   []string
		cookie string
		secure bool
	}{
		{"https base URL", []string{"-base-url", "https://backwise.example"}, "__Host-bw_visitor", true},
		{"explicit -secure", []string{"-secure", "true"}, "__Host-bw_visitor", true},
		{"plain HTTP", nil, "bw_visitor", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := startServer(t, filepath.Join(t.TempDir(), "tls.db"), tc.args...)
			defer func() { p.cmd.Process.Signal(syscall.SIGTERM); <-p.done }()
			c := newJar()
			res, err := c.PostForm(p.url("/bookmarks"), url.Values{"kind": {"routine"}, "slug": {"walking-plan"}, "action": {"add"}})
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			var got *http.Cookie
			for _, ck := range res.Cookies() {
				if strings.HasSuffix(ck.Name, "bw_visitor") {
					got = ck
				}
			}
			if got == nil || got.Name != tc.cookie || got.Secure != tc.secure || !got.HttpOnly || got.Path != "/" || got.Domain != "" {
				t.Errorf("visitor cookie = %+v, want %s with Secure=%v, HttpOnly, path /", got, tc.cookie, tc.secure)
			}
			res, err = http.Get(p.url("/"))
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if hsts := res.Header.Get("Strict-Transport-Security"); (hsts != "") != tc.secure {
				t.Errorf("Strict-Transport-Security = %q, want it sent: %v", hsts, tc.secure)
			}
		})
	}
}

// Behind a trusted proxy each client has its own restore-code allowance,
// taken from X-Forwarded-For; from anyone else the header is ignored, so
// forging it does not buy more tries.
func TestRestoreLimitPerClientBehindProxy(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	try := func(p *proc, forwardedFor string) int {
		req, _ := http.NewRequest("POST", p.url("/me/restore"), strings.NewReader("code=AAAA-BBBB-CCCC-DDDD"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", forwardedFor)
		res, err := newJar().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	t.Run("trusted proxy", func(t *testing.T) {
		p := startServer(t, filepath.Join(t.TempDir(), "proxy.db"), "-trusted-proxy", "127.0.0.1", "-restore-limit", "2")
		defer func() { p.cmd.Process.Signal(syscall.SIGTERM); <-p.done }()
		for i := range 2 {
			if code := try(p, "203.0.113.5"); code != http.StatusUnprocessableEntity {
				t.Fatalf("try %d = %d, want 422 (a wrong code)", i+1, code)
			}
		}
		if code := try(p, "203.0.113.5"); code != http.StatusTooManyRequests {
			t.Errorf("third try from one client = %d, want 429", code)
		}
		// A client can prepend anything; the proxy's own hop is what counts.
		if code := try(p, "198.51.100.1, 203.0.113.5"); code != http.StatusTooManyRequests {
			t.Errorf("a forged first hop bought another try: %d", code)
		}
		if code := try(p, "203.0.113.9"); code != http.StatusUnprocessableEntity {
			t.Errorf("another client behind the proxy = %d, want its own allowance (422)", code)
		}
	})
	t.Run("untrusted peer", func(t *testing.T) {
		p := startServer(t, filepath.Join(t.TempDir(), "direct.db"), "-restore-limit", "2")
		defer func() { p.cmd.Process.Signal(syscall.SIGTERM); <-p.done }()
		try(p, "203.0.113.5")
		try(p, "203.0.113.6")
		if code := try(p, "203.0.113.7"); code != http.StatusTooManyRequests {
			t.Errorf("a forged X-Forwarded-For from an untrusted peer bought a try: %d", code)
		}
	})
}

package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"backwise/content"
	"backwise/internal/library"
	"backwise/internal/store"
	"backwise/migrations"
	"backwise/static"
)

// testServer builds the real server on the real content and a real SQLite
// file in a temporary folder.
func testServer(t *testing.T, now time.Time) (*Server, *store.Store, *bytes.Buffer) {
	t.Helper()
	s, db, logs, _ := testServerAt(t, now, filepath.Join(t.TempDir(), "test.db"))
	return s, db, logs
}

func testServerAt(t *testing.T, now time.Time, dbPath string) (*Server, *store.Store, *bytes.Buffer, string) {
	t.Helper()
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		t.Fatalf("LoadSite: %v", err)
	}
	db, err := store.Open(context.Background(), dbPath, migrations.FS)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	var logs bytes.Buffer
	s := New(Deps{
		Logger:  slog.New(slog.NewTextHandler(&logs, nil)),
		Sites:   NewSiteHolder(site),
		DB:      db,
		BaseURL: "https://backwise.example",
		Now:     func() time.Time { return now },
		// The production default, so tests meet the limits users meet.
		WriteLimit: 30,
	})
	return s, db, &logs, dbPath
}

var today = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

func do(t *testing.T, h http.Handler, method, target string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.Header.Get("Content-Encoding") == "gzip" && len(b) > 0 {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatalf("gzip: %v", err)
		}
	}
	return string(b)
}

func checkSecurityHeaders(t *testing.T, res *http.Response, target string) {
	t.Helper()
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("%s: CSP = %q", target, csp)
	}
	for name, want := range map[string]string{
		"X-Content-Type-Options":       "nosniff",
		"Referrer-Policy":              "same-origin",
		"Cross-Origin-Resource-Policy": "same-origin",
	} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s: %s = %q, want %q", target, name, got, want)
		}
	}
	if !strings.Contains(res.Header.Get("Permissions-Policy"), "geolocation=()") {
		t.Errorf("%s: Permissions-Policy = %q", target, res.Header.Get("Permissions-Policy"))
	}
}

func TestEveryPageRoute(t *testing.T) {
	s, _, _ := testServer(t, today)
	targets := []string{"/", "/articles", "/about", "/about/evidence", "/routines", "/check", "/check/rules", "/check/history", "/me", "/me/restore", "/me/delete"}
	for _, a := range s.sites.Site().Library.Articles() {
		targets = append(targets, "/articles/"+a.Slug)
	}
	for _, r := range s.sites.Site().Library.Routines() {
		targets = append(targets, "/routines/"+r.Slug)
	}
	for _, c := range []string{"types-of-pain", "how-massage-helps", "techniques", "safety", "self-care", "getting-help"} {
		targets = append(targets, "/topics/"+c)
	}
	for _, target := range targets {
		res := do(t, s, "GET", target, nil)
		if res.StatusCode != 200 {
			t.Errorf("GET %s = %d", target, res.StatusCode)
			continue
		}
		if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type = %q", target, ct)
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" && (res.Header.Get("ETag") == "" || cc != "no-cache") {
			t.Errorf("GET %s: ETag %q, Cache-Control %q", target, res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
		}
		checkSecurityHeaders(t, res, target)
		d := parsePage(t, body(t, res))
		if got := d.attrs(`head link[rel=canonical]`, "href"); len(got) != 1 || got[0] != "https://backwise.example"+target {
			t.Errorf("GET %s: canonical links %q", target, got)
		}
		if d.text(`a.skip-link[href="#main"]`) != "Skip to main content" || !d.has(`main#main`) {
			t.Errorf("GET %s: no skip link to <main id=main>", target)
		}
		for _, u := range append(d.attrs(`link[href]`, "href"), d.attrs(`script[src]`, "src")...) {
			if _, ok := s.sites.Site().assets.byURL[u]; strings.HasPrefix(u, staticPrefix) && !ok {
				t.Errorf("GET %s: links %s, which is not a static file", target, u)
			}
		}
		if len(d.all(`head link[rel=stylesheet]`)) == 0 {
			t.Errorf("GET %s: no stylesheet", target)
		}
		var refs []library.Reference
		if slug, ok := strings.CutPrefix(target, "/articles/"); ok {
			a, _ := s.sites.Site().Library.Article(slug)
			refs = a.References
		}
		if slug, ok := strings.CutPrefix(target, "/routines/"); ok {
			r, _ := s.sites.Site().Library.Routine(slug)
			refs = r.References
		}
		shown := d.attrs(`[data-testid=references] a[href]`, "href")
		for _, ref := range refs {
			if !slices.Contains(shown, ref.URL) {
				t.Errorf("GET %s: reference %q not in [data-testid=references]", target, ref.URL)
			}
		}
	}
}

func TestArticlePage(t *testing.T) {
	s, _, _ := testServer(t, today)
	a, ok := s.sites.Site().Library.Article("when-to-avoid-massage")
	if !ok {
		t.Fatal("when-to-avoid-massage missing")
	}
	d := parsePage(t, body(t, do(t, s, "GET", "/articles/"+a.Slug, nil)))
	if got := d.text(`[data-testid=article] h1`); got != a.Title {
		t.Errorf("h1 = %q, want %q", got, a.Title)
	}
	if got := d.attrs(`[data-testid=article-meta] time`, "datetime"); len(got) != 1 || got[0] != a.Reviewed.Format("2006-01-02") {
		t.Errorf("last-reviewed time = %q", got)
	}
	if meta := d.text(`[data-testid=article-meta]`); !strings.Contains(meta, "minute") {
		t.Errorf("no reading time in %q", meta)
	}
	if n := len(d.all(`[data-testid=references] li`)); n != len(a.References) || !d.has(`[data-testid=references] #ref-1`) || !d.has(`[data-testid=references] #ref-2`) {
		t.Errorf("%d references listed, want %d with ids ref-1, ref-2…", n, len(a.References))
	}
	if !strings.HasPrefix(d.text(`[data-testid=not-advice]`), "This is not medical advice.") {
		t.Error("no 'not medical advice' note")
	}
	if d.text(`[data-testid=toc] h2`) != "On this page" || len(d.all(`[data-testid=toc] a[href]`)) < 2 {
		t.Error("no table of contents")
	}
	if d.has(`[data-testid=due-for-review]`) {
		t.Error("fresh article says it is due for review")
	}
}

func TestArticleDueForReview(t *testing.T) {
	s, _, _ := testServer(t, time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC))
	d := parsePage(t, body(t, do(t, s, "GET", "/articles/massage-evidence", nil)))
	if !d.has(`[data-testid=article] [data-testid=due-for-review]`) {
		t.Error("article past next_review does not say it is due for review")
	}
}

func TestNotFound(t *testing.T) {
	s, _, logs := testServer(t, today)
	for _, target := range []string{"/articles/no-such-article", "/topics/gossip", "/nowhere", "/static/css/site.css", "/static/../go.mod", "/articles/%2e%2e%2fgo.mod"} {
		res := do(t, s, "GET", target, nil)
		if res.StatusCode != 404 {
			t.Errorf("GET %s = %d, want 404", target, res.StatusCode)
		}
		d := parsePage(t, body(t, res))
		if d.text(`main [data-testid=error-page] h1`) != "Page not found" || d.attrs(`head meta[name=robots]`, "content")[0] != "noindex" {
			t.Errorf("GET %s: not the 404 page in the layout", target)
		}
		checkSecurityHeaders(t, res, target)
	}
	if !strings.Contains(logs.String(), "status=404") {
		t.Error("404 not logged")
	}
}

func TestHeadEveryGet(t *testing.T) {
	s, _, _ := testServer(t, today)
	for _, target := range []string{"/", "/articles", "/articles/massage-evidence", "/topics/safety", "/about", "/healthz", s.sites.Site().assets.URL("css/site.css")} {
		res := do(t, s, "HEAD", target, nil)
		if res.StatusCode != 200 {
			t.Errorf("HEAD %s = %d", target, res.StatusCode)
		}
		if b := body(t, res); b != "" {
			t.Errorf("HEAD %s returned a body of %d bytes", target, len(b))
		}
	}
}

func TestConditionalGet(t *testing.T) {
	s, _, _ := testServer(t, today)
	for _, target := range []string{"/articles/massage-evidence", s.sites.Site().assets.URL("css/site.css")} {
		first := do(t, s, "GET", target, nil)
		etag := first.Header.Get("ETag")
		if etag == "" {
			t.Fatalf("GET %s: no ETag", target)
		}
		again := do(t, s, "GET", target, http.Header{"If-None-Match": {etag}})
		if again.StatusCode != http.StatusNotModified || body(t, again) != "" {
			t.Errorf("GET %s with matching ETag = %d, want 304 and no body", target, again.StatusCode)
		}
		other := do(t, s, "GET", target, http.Header{"If-None-Match": {`"stale"`}})
		if other.StatusCode != 200 {
			t.Errorf("GET %s with stale ETag = %d", target, other.StatusCode)
		}
	}
}

func TestCompression(t *testing.T) {
	s, _, _ := testServer(t, today)
	plain := do(t, s, "GET", "/articles/massage-evidence", nil)
	zipped := do(t, s, "GET", "/articles/massage-evidence", http.Header{"Accept-Encoding": {"gzip, br"}})
	if zipped.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(zipped.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("gzip not used: %v", zipped.Header)
	}
	if plain.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent to a client that did not ask")
	}
	if body(t, plain) != body(t, zipped) {
		t.Error("compressed and plain bodies differ")
	}
	refused := do(t, s, "GET", "/articles/massage-evidence", http.Header{"Accept-Encoding": {"gzip;q=0"}})
	if refused.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent despite q=0")
	}
}

func TestStaticFiles(t *testing.T) {
	s, _, _ := testServer(t, today)
	url := s.sites.Site().assets.URL("css/site.css")
	if !strings.HasPrefix(url, "/static/css/site.") || !strings.HasSuffix(url, ".css") {
		t.Fatalf("fingerprinted URL = %q", url)
	}
	res := do(t, s, "GET", url, http.Header{"Accept-Encoding": {"gzip"}})
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Errorf("GET %s = %d, Cache-Control %q", url, res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") || res.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("GET %s: %v", url, res.Header)
	}
	if !strings.Contains(body(t, res), "--brand") {
		t.Error("stylesheet body wrong")
	}
}

func TestHealthz(t *testing.T) {
	s, db, _ := testServer(t, today)
	res := do(t, s, "GET", "/healthz", nil)
	if res.StatusCode != 200 || body(t, res) != "ok\n" {
		t.Fatalf("healthz = %d", res.StatusCode)
	}
	db.Close()
	// The answer is reused for a few seconds, so a flood of checks does not
	// take the write lock each time...
	if res := do(t, s, "GET", "/healthz", nil); res.StatusCode != 200 {
		t.Errorf("healthz within %s of the last check = %d, want the cached 200", healthEvery, res.StatusCode)
	}
	// ...and then it looks again.
	later := today.Add(healthEvery)
	s.now = func() time.Time { return later }
	if res := do(t, s, "GET", "/healthz", nil); res.StatusCode != 503 {
		t.Errorf("healthz with closed database = %d, want 503", res.StatusCode)
	}
}

func TestCrossOriginPostRejected(t *testing.T) {
	s, _, _ := testServer(t, today)
	res := do(t, s, "POST", "/articles", http.Header{"Sec-Fetch-Site": {"cross-site"}, "Origin": {"https://evil.example"}})
	if res.StatusCode != http.StatusForbidden || parsePage(t, body(t, res)).text(`[data-testid=error-page] h1`) != "Request blocked" {
		t.Errorf("cross-origin POST = %d, want 403 page", res.StatusCode)
	}
	res = do(t, s, "POST", "/articles", http.Header{"Sec-Fetch-Site": {"same-origin"}})
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("same-origin POST to a GET route = %d, want 405", res.StatusCode)
	}
}

func TestPanicBecomes500Page(t *testing.T) {
	s, _, logs := testServer(t, today)
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	res := do(t, h, "GET", "/", nil)
	if res.StatusCode != 500 || parsePage(t, body(t, res)).text(`[data-testid=error-page] h1`) != "Sorry, something went wrong" {
		t.Errorf("panic gave %d", res.StatusCode)
	}
	if !strings.Contains(logs.String(), "boom") {
		t.Error("panic not logged")
	}
}

func TestAccessLogHasNoQueryOrValues(t *testing.T) {
	s, _, logs := testServer(t, today)
	do(t, s, "GET", "/articles/massage-evidence?q=private+words", nil)
	line := logs.String()
	if !strings.Contains(line, "route=/articles/{slug}") || !strings.Contains(line, "status=200") {
		t.Errorf("access log = %q", line)
	}
	if strings.Contains(line, "private") {
		t.Errorf("query string leaked into the log: %q", line)
	}
}

// Without a base URL there is no canonical link or og:url: a relative one
// is invalid, and the Host header cannot be trusted in cached pages.
func TestNoCanonicalWithoutBaseURL(t *testing.T) {
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		t.Fatal(err)
	}
	_, db, _ := testServer(t, today)
	s := New(Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Sites: NewSiteHolder(site), DB: db})
	for _, path := range []string{"/", "/articles/faq", "/routines", "/check"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Host = "evil.example"
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		page := body(t, rec.Result())
		d := parsePage(t, page)
		if d.has(`link[rel=canonical]`) || d.has(`meta[property="og:url"]`) {
			t.Errorf("%s has a canonical link or og:url without a base URL", path)
		}
		// The Host header must not reach the page anywhere: in no attribute,
		// no text, no script.
		if strings.Contains(page, "evil.example") {
			t.Errorf("%s repeats the request's Host header", path)
		}
	}
}

// The second first-time request for a page is answered from the page
// cache, through the same router and middleware as the first, which
// rendered it: headers, body and access-log line must not tell them apart.
func TestCachedPageMatchesFirstRender(t *testing.T) {
	s, _, logs := testServer(t, today)
	for _, method := range []string{"GET", "HEAD"} {
		for _, enc := range []string{"gzip", ""} {
			target := "/articles/sciatica"
			if method == "HEAD" {
				target = "/articles/faq"
			}
			h := http.Header{"Accept-Encoding": {enc}}
			logs.Reset()
			first := do(t, s, method, target, h)
			firstLog := logs.String()
			logs.Reset()
			second := do(t, s, method, target, h)
			secondLog := logs.String()
			if len(first.Header) != len(second.Header) {
				t.Errorf("%s %s (%q): %d headers rendered, %d cached", method, target, enc, len(first.Header), len(second.Header))
			}
			for name := range first.Header {
				if first.Header.Get(name) != second.Header.Get(name) {
					t.Errorf("%s %s (%q): %s rendered %q, cached %q", method, target, enc, name, first.Header.Get(name), second.Header.Get(name))
				}
			}
			if body(t, first) != body(t, second) {
				t.Errorf("%s %s (%q): cached body differs", method, target, enc)
			}
			a, b := accessLogFields(t, firstLog), accessLogFields(t, secondLog)
			if a["request_id"] == "" || b["request_id"] == "" || a["request_id"] == b["request_id"] {
				t.Errorf("%s %s: request ids %q and %q, want two different ones", method, target, a["request_id"], b["request_id"])
			}
			for _, k := range []string{"time", "duration_ms", "request_id"} {
				delete(a, k)
				delete(b, k)
			}
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s %s (%q): access log rendered %v, cached %v", method, target, enc, a, b)
			}
		}
	}
}

// accessLogFields parses the one access-log line in logs (slog's text
// format, whose values here hold no spaces).
func accessLogFields(t *testing.T, logs string) map[string]string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(logs), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], `msg=request`) {
		t.Fatalf("want one access-log line, got:\n%s", logs)
	}
	out := map[string]string{}
	for _, f := range strings.Fields(lines[0]) {
		k, v, _ := strings.Cut(f, "=")
		out[k] = v
	}
	return out
}

// A search the visitor abandons fails inside SQLite with the context's
// error; the words they typed must not reach the log with it.
func TestCancelledSearchLogsNoWords(t *testing.T) {
	s, _, logs := testServer(t, today)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/search?q=tennis+ballsecretword", nil).WithContext(ctx)
	s.ServeHTTP(httptest.NewRecorder(), req)
	if strings.Contains(logs.String(), "secretword") {
		t.Errorf("the search words reached the log: %s", logs.String())
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("an abandoned request is logged as an error: %s", logs.String())
	}
}

// Without a base URL, robots.txt, the sitemap and the feed must not take
// their host from the request: any Host header would otherwise become the
// site search engines are told about.
func TestDiscoveryIgnoresHostHeader(t *testing.T) {
	s, _, _ := testServer(t, today)
	s.baseURL = ""
	for _, target := range []string{"/robots.txt", "/sitemap.xml", "/feed.xml"} {
		req := httptest.NewRequest("GET", target, nil)
		req.Host = "evil.example"
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), "evil.example") {
			t.Errorf("%s names the request's Host header", target)
		}
	}
}

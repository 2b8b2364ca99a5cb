package web

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backwise/content"
	"backwise/internal/library"
	"backwise/static"
)

func exportOnce(t *testing.T, dir string) ExportStats { return exportRegion(t, dir, "") }

// exportRegion writes region's copy of the site ("" for the default).
func exportRegion(t *testing.T, dir, region string) ExportStats {
	t.Helper()
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		t.Fatal(err)
	}
	_, db, _ := testServer(t, today)
	s := New(Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Sites: NewSiteHolder(site), DB: db,
		BaseURL: "https://backwise.example", Static: true, Now: func() time.Time { return today }, Region: region})
	st, err := s.ExportSite(context.Background(), dir)
	if err != nil {
		t.Fatalf("ExportSite: %v", err)
	}
	return st
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[rel] = b
		}
		return nil
	})
	return out
}

func TestStaticExportIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	exportOnce(t, a)
	exportOnce(t, b)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) || len(ta) < 50 {
		t.Fatalf("exports differ in size: %d vs %d files", len(ta), len(tb))
	}
	for name, body := range ta {
		if !bytes.Equal(body, tb[name]) {
			t.Errorf("%s differs between two exports of the same content", name)
		}
	}
	for _, want := range []string{"index.html", "articles/index.html", "articles/get-help-now/index.html", "topics/safety/index.html",
		"routines/index.html", "routines/foot-arch-roll/index.html", "about/index.html", "check/rules/index.html",
		"sitemap.xml", "feed.xml", "robots.txt", "404.html", "index.html.gz", "sitemap.xml.gz"} {
		if _, ok := ta[want]; !ok {
			t.Errorf("export lacks %s", want)
		}
	}
	for name := range ta {
		if compressibleName(name) {
			if _, ok := ta[name+".gz"]; !ok && len(ta[name]) > 200 {
				t.Errorf("%s has no .gz beside it", name)
			}
		}
	}
}

// Serve the export of every region (the default at the root, the others
// in folders of their own) with http.FileServer and follow every internal
// link, the region chooser's links between copies included.
func TestStaticExportLinksResolve(t *testing.T) {
	dir := t.TempDir()
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		t.Fatal(err)
	}
	for i, rg := range site.Library.Regions() {
		if i == 0 {
			exportRegion(t, dir, rg.ID)
		} else {
			exportRegion(t, filepath.Join(dir, rg.ID), rg.ID)
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	links := map[string]string{}
	for name, body := range readTree(t, dir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		d := parsePage(t, string(body))
		var refs []string
		for _, sel := range []string{"href", "src"} {
			refs = append(refs, d.attrs(`[`+sel+`]`, sel)...)
		}
		for _, href := range refs {
			if !strings.HasPrefix(href, "/") || strings.HasPrefix(href, "//") {
				continue
			}
			href = strings.SplitN(strings.SplitN(href, "#", 2)[0], "?", 2)[0]
			links[href] = name
		}
	}
	if len(links) < 400 {
		t.Fatalf("only %d internal links found", len(links))
	}
	for _, want := range []string{"/us/articles/get-help-now", "/australia/check/rules", "/articles/sciatica"} {
		if _, ok := links[want]; !ok {
			t.Errorf("no page links to %s", want)
		}
	}
	for href, from := range links {
		res, err := http.Get(srv.URL + href)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("%s (linked from %s) = %d in the export", href, from, res.StatusCode)
		}
	}
	home, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	d := parsePage(t, string(home))
	for _, live := range []string{`form[role=search][action="https://backwise.example/search"]`, `a[href="https://backwise.example/check"]`, `a[href="https://backwise.example/me"]`} {
		if !d.has(live) {
			t.Errorf("the exported home page has no %s pointing at the live app", live)
		}
	}
	article, _ := os.ReadFile(filepath.Join(dir, "articles", "sciatica", "index.html"))
	d = parsePage(t, string(article))
	if d.has(`form[action="/bookmarks"]`) || !d.has(`#bookmark a[href="https://backwise.example/articles/sciatica"]`) {
		t.Error("the exported article still has a bookmark form that needs the app")
	}
	if d.has(`form[action="/feedback"]`) || !d.has(`#report a[href="https://backwise.example/feedback?kind=article&slug=sciatica"]`) {
		t.Error("the exported article's report form does not lead to the live app's form")
	}
	if _, err := os.Stat(filepath.Join(dir, "about", "evidence", "index.html")); err != nil {
		t.Errorf("the evidence key page was not exported: %v", err)
	}
}

func TestSitemapFeedAndJSONLD(t *testing.T) {
	s, _, _ := testServer(t, today)
	res := do(t, s, "GET", "/sitemap.xml", nil)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if res.StatusCode != 200 || xml.Unmarshal([]byte(body(t, res)), &set) != nil || len(set.URLs) < 40 {
		t.Fatalf("sitemap = %d, %d URLs", res.StatusCode, len(set.URLs))
	}
	for _, u := range set.URLs {
		if !strings.HasPrefix(u.Loc, "https://backwise.example/") {
			t.Errorf("sitemap URL %q is not absolute on the base URL", u.Loc)
		}
	}
	res = do(t, s, "GET", "/feed.xml", nil)
	var feed struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") || xml.Unmarshal([]byte(body(t, res)), &feed) != nil || len(feed.Entries) != len(s.sites.Site().Library.Articles()) {
		t.Fatalf("feed = %d, %d entries", res.StatusCode, len(feed.Entries))
	}
	for i := 1; i < len(feed.Entries); i++ {
		if feed.Entries[i].Updated > feed.Entries[i-1].Updated {
			t.Error("feed is not newest first")
		}
	}
	wantRobots := "User-agent: *\nDisallow: /me\nDisallow: /check/results/\nDisallow: /check/history\nDisallow: /bookmarks\nDisallow: /api/\nDisallow: /search\n\nSitemap: https://backwise.example/sitemap.xml\n"
	if robots := body(t, do(t, s, "GET", "/robots.txt", nil)); robots != wantRobots {
		t.Errorf("robots.txt = %q, want %q", robots, wantRobots)
	}
	page := parsePage(t, body(t, do(t, s, "GET", "/articles/massage-evidence", nil)))
	scripts := page.all(`head script[type="application/ld+json"]`)
	if len(scripts) != 1 {
		t.Fatalf("%d JSON-LD scripts on the article, want 1", len(scripts))
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(textOf(scripts[0])), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if ld["@type"] != "MedicalWebPage" || ld["lastReviewed"] != isoDay(mustArticle(t, s, "massage-evidence").Reviewed) {
		t.Errorf("JSON-LD = %v", ld)
	}
	if cites, _ := ld["citation"].([]any); len(cites) < 2 {
		t.Errorf("JSON-LD citations = %v", ld["citation"])
	}
	for prop, want := range map[string]string{"og:type": "article", "og:url": "https://backwise.example/articles/massage-evidence"} {
		if got := page.attrs(`head meta[property="`+prop+`"]`, "content"); len(got) != 1 || got[0] != want {
			t.Errorf("article's %s = %q, want %q", prop, got, want)
		}
	}
	if res := do(t, s, "GET", "/tags/sciatica", nil); res.StatusCode != 200 {
		t.Errorf("tag page = %d", res.StatusCode)
	}
	if res := do(t, s, "GET", "/tags/no-such-tag", nil); res.StatusCode != 404 {
		t.Errorf("unknown tag = %d", res.StatusCode)
	}
}

func isoDay(t time.Time) string { return t.Format(time.DateOnly) }

func mustArticle(t *testing.T, s *Server, slug string) *library.Article {
	t.Helper()
	a, ok := s.sites.Site().Library.Article(slug)
	if !ok {
		t.Fatalf("no article %s", slug)
	}
	return a
}

package web

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestSearchFindsTheRightPageFirst(t *testing.T) {
	s, _, _ := testServer(t, today)
	cases := map[string][]string{
		"sciatica":      {"/articles/sciatica"},
		"tennis ball":   {"/routines/tennis-ball-lower-back", "/routines/tennis-ball-upper-back"},
		"pregnant":      {"/articles/back-pain-in-pregnancy", "/articles/prenatal-massage"},
		"deep tissue":   {"/articles/massage-techniques"},
		"when to avoid": {"/articles/when-to-avoid-massage"},
		"foam rol":      {"/routines/foam-roller-upper-back"},
		"massages":      {"/articles/"},
		// People's own words, from the articles' also_known_as.
		"my back hurts": {"/articles/staying-active"},
		"pulled muscle": {"/articles/staying-active"},
		"slipped disc":  {"/articles/sciatica"},
		"fit note":      {"/articles/back-pain-and-work"},
	}
	for q, want := range cases {
		res := do(t, s, "GET", "/search?q="+url.QueryEscape(q), nil)
		d := parsePage(t, body(t, res))
		hits := d.attrs(`[data-testid=search-results] li a[href]`, "href")
		if res.StatusCode != 200 || len(hits) == 0 {
			t.Errorf("%q: status %d, no results", q, res.StatusCode)
			continue
		}
		ok := false
		for _, w := range want {
			ok = ok || strings.HasPrefix(hits[0], w)
		}
		if !ok {
			t.Errorf("%q: first result %s, want one of %v", q, hits[0], want)
		}
		if got := d.attrs(`main form[role=search] input[name=q]`, "value"); len(got) != 1 || got[0] != q {
			t.Errorf("%q: the search box holds %q", q, got)
		}
	}
	if !parsePage(t, body(t, do(t, s, "GET", "/search?q=massage", nil))).has(`[data-testid=search-results] li .search-results__snippet mark`) {
		t.Error("no highlighted snippet")
	}
}

func TestSearchEmptyAndNoResults(t *testing.T) {
	s, _, _ := testServer(t, today)
	d := parsePage(t, body(t, do(t, s, "GET", "/search", nil)))
	popular := d.attrs(`[data-testid=popular] a[href^="/articles/"]`, "href")
	for _, slug := range popularSlugs {
		if !slices.Contains(popular, "/articles/"+slug) {
			t.Errorf("empty search does not offer %s among popular topics %q", slug, popular)
		}
	}
	d = parsePage(t, body(t, do(t, s, "GET", "/search?q=sciatca", nil)))
	if !slices.Contains(d.attrs(`[data-testid=suggestions] a[href]`, "href"), "/articles/sciatica") {
		t.Errorf("a misspelling gets no suggestion: %q", d.attrs(`[data-testid=suggestions] a[href]`, "href"))
	}
	d = parsePage(t, body(t, do(t, s, "GET", "/search?q=zzzqqqxx", nil)))
	if !d.has(`[data-testid=no-results]`) || !slices.Contains(d.attrs(`[data-testid=topics] a`, "href"), "/topics/safety") || d.text(`main a[href="/articles/get-help-now"]`) != "Get help now" {
		t.Error("no-results page lacks topics and the get-help link")
	}
}

func TestSearchHostileQueriesNever500(t *testing.T) {
	s, _, logs := testServer(t, today)
	for _, q := range []string{`"`, `""`, `"unbalanced`, `*`, `OR`, `NOT massage`, `-`, `title:massage`, `(((`, `NEAR(a b)`,
		`a AND OR b`, "\x00", "\xff\xfe", strings.Repeat("a ", 50000), "🙂 back", `^massage`, `'; DROP TABLE x; --`, `<script>alert(1)</script>`} {
		res := do(t, s, "GET", "/search?q="+url.QueryEscape(q), nil)
		d := parsePage(t, body(t, res))
		if res.StatusCode != 200 {
			t.Errorf("q=%.30q: status %d", q, res.StatusCode)
		}
		for _, sc := range d.all(`script`) {
			if strings.Contains(textOf(sc), "alert") {
				t.Errorf("q=%.30q: query reflected as a script", q)
			}
		}
	}
	long := parsePage(t, body(t, do(t, s, "GET", "/search?q="+url.QueryEscape(strings.Repeat("back ", 100)), nil)))
	if !strings.Contains(long.text(`[data-testid=query-cut]`), "first 200 characters") || len(long.attrs(`main input[name=q]`, "value")[0]) > 200 {
		t.Error("a long query is not cut with a note")
	}
	if strings.Contains(logs.String(), "DROP TABLE") || strings.Contains(logs.String(), "q=") {
		t.Error("search words reached the log")
	}
}

package web

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var firstResult = regexp.MustCompile(`data-testid="search-results">\s*<li><a href="([^"]+)"`)

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
	}
	for q, want := range cases {
		res := do(t, s, "GET", "/search?q="+url.QueryEscape(q), nil)
		page := body(t, res)
		m := firstResult.FindStringSubmatch(page)
		if res.StatusCode != 200 || m == nil {
			t.Errorf("%q: status %d, no results", q, res.StatusCode)
			continue
		}
		ok := false
		for _, w := range want {
			ok = ok || strings.HasPrefix(m[1], w)
		}
		if !ok {
			t.Errorf("%q: first result %s, want one of %v", q, m[1], want)
		}
		if !strings.Contains(page, `name="q" value="`+q+`"`) {
			t.Errorf("%q: the query is not kept in the search box", q)
		}
	}
	if page := body(t, do(t, s, "GET", "/search?q=massage", nil)); !strings.Contains(page, "<mark>") {
		t.Error("no highlighted snippet")
	}
}

func TestSearchEmptyAndNoResults(t *testing.T) {
	s, _, _ := testServer(t, today)
	page := body(t, do(t, s, "GET", "/search", nil))
	if !strings.Contains(page, "popular topic") || !strings.Contains(page, "/articles/get-help-now") {
		t.Error("empty search does not offer popular topics")
	}
	page = body(t, do(t, s, "GET", "/search?q=sciatca", nil))
	if !strings.Contains(page, `data-testid="suggestions"`) || !strings.Contains(page, "/articles/sciatica") {
		t.Error("a misspelling gets no suggestion")
	}
	page = body(t, do(t, s, "GET", "/search?q=zzzqqqxx", nil))
	if !strings.Contains(page, `data-testid="no-results"`) || !strings.Contains(page, "/topics/safety") || !strings.Contains(page, "Get help now") {
		t.Error("no-results page lacks topics and the get-help link")
	}
}

func TestSearchHostileQueriesNever500(t *testing.T) {
	s, _, logs := testServer(t, today)
	for _, q := range []string{`"`, `""`, `"unbalanced`, `*`, `OR`, `NOT massage`, `-`, `title:massage`, `(((`, `NEAR(a b)`,
		`a AND OR b`, "\x00", "\xff\xfe", strings.Repeat("a ", 50000), "🙂 back", `^massage`, `'; DROP TABLE x; --`, `<script>alert(1)</script>`} {
		res := do(t, s, "GET", "/search?q="+url.QueryEscape(q), nil)
		page := body(t, res)
		if res.StatusCode != 200 {
			t.Errorf("q=%.30q: status %d", q, res.StatusCode)
		}
		if strings.Contains(page, "<script>alert") {
			t.Errorf("q=%.30q: query reflected unescaped", q)
		}
	}
	long := body(t, do(t, s, "GET", "/search?q="+url.QueryEscape(strings.Repeat("back ", 100)), nil))
	if !strings.Contains(long, "first 200 characters") {
		t.Error("a long query is not cut with a note")
	}
	if strings.Contains(logs.String(), "DROP TABLE") || strings.Contains(logs.String(), "q=") {
		t.Error("search words reached the log")
	}
}

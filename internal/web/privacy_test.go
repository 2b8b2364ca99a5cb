package web

import (
	"backwise/internal/triage"
	"crypto/tls"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// A full run of the flows must leave no health answer, note, search word,
// cookie or restore code in the logs.
func TestNoPrivateDataInLogs(t *testing.T) {
	e := newCheckEnv(t)
	c := e.client
	e.post(c, "/check/start", nil)
	e.post(c, "/check/q/emergency", url.Values{"emergency_signs": {"saddle_numbness"}})
	private := benignAnswers()
	private.Age = new(87)
	private.SetYesNo(triage.KeyMinorFall, false)
	private.SetYesNo(triage.KeyCoughOrLift, false)
	private.SetYesNo(triage.KeyInjectsDrugs, true)
	e.keepAnswers(c, private)
	e.post(c, "/check/start", nil)
	e.post(c, "/check/q/emergency", url.Values{"emergency_signs": {"none"}})
	e.post(c, "/check/q/about", url.Values{"age": {"notanumber"}})
	e.get(c, "/check/q/about")
	e.post(c, "/bookmarks", bookmark("routine", "foot-arch-roll", "add"))
	e.post(c, "/bookmarks/note", url.Values{"kind": {"routine"}, "slug": {"foot-arch-roll"}, "note": {"SECRET-NOTE-pelvic-floor"}})
	e.post(c, "/bookmarks/note", url.Values{"kind": {"routine"}, "slug": {"foot-arch-roll"}, "note": {strings.Repeat("TOOLONG", 100)}})
	e.get(c, "/search?q=SECRET-SEARCH-haemorrhoids")
	_, body, _ := e.post(c, "/me/restore-code", nil)
	code := parsePage(t, body).text(`[data-testid=restore-code]`)
	if code == "" {
		t.Fatal("no restore code shown")
	}
	e.post(newClient(), "/me/restore", url.Values{"code": {code}})
	e.post(newClient(), "/me/restore", url.Values{"code": {"WRONG-CODE-TYPED"}})
	e.get(c, "/me/export")

	logs := e.logs.String()
	if !strings.Contains(logs, "route=/check") || !strings.Contains(logs, "route=/bookmarks/note") {
		t.Fatalf("the flows did not reach the log at all:\n%s", logs)
	}
	u, _ := url.Parse(e.srv.URL)
	secrets := []string{"saddle_numbness", "pregnant", "notanumber", "SECRET-NOTE", "TOOLONG", "SECRET-SEARCH", "haemorrhoids", code, "WRONG-CODE"}
	for _, ck := range c.Jar.Cookies(u) {
		secrets = append(secrets, ck.Value)
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(logs, s) {
			t.Errorf("the log contains %q", s)
		}
	}
}

// Behind TLS the visitor cookie is Secure and HSTS is sent.
func TestSecureCookieBehindTLS(t *testing.T) {
	s, _, _ := testServer(t, today)
	srv := httptest.NewTLSServer(s)
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	client := srv.Client()
	client.Jar = jar
	client.Transport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := client.PostForm(srv.URL+"/bookmarks", bookmark("article", "faq", "add"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cookie := res.Header.Get("Set-Cookie")
	for _, want := range []string{"Secure", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %s", cookie, want)
		}
	}
	if res.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS header over TLS")
	}
}

// Every kind of response carries the security headers, errors included.
func TestSecurityHeadersOnEveryPageType(t *testing.T) {
	e := newCheckEnv(t)
	e.post(e.client, "/bookmarks", bookmark("article", "faq", "add"))
	for _, path := range []string{"/", "/articles", "/articles/faq", "/topics/safety", "/tags/safety", "/routines", "/routines/foot-arch-roll",
		"/check", "/check/rules", "/check/history", "/me", "/me/restore", "/me/delete", "/search?q=massage", "/about", "/nope",
		"/sitemap.xml", "/feed.xml", "/robots.txt", "/healthz", "/api/v1/rules", "/api/v1/assessments/nope"} {
		res, err := e.client.Get(e.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		checkSecurityHeaders(t, res, path)
	}
	res, _ := e.client.PostForm(e.srv.URL+"/check/q/emergency", nil)
	res.Body.Close()
	checkSecurityHeaders(t, res, "POST /check/q/emergency (303)")
	res, _ = e.client.Get(e.srv.URL + "/check/q/emergency")
	res.Body.Close()
	checkSecurityHeaders(t, res, "GET /check/q/emergency (422)")
}

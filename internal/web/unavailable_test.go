package web

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backwise/content"
	"backwise/internal/store"
	"backwise/migrations"
	"backwise/static"
)

func serverOn(t *testing.T, path string, opts store.Options) *httptest.Server {
	t.Helper()
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.OpenWith(context.Background(), path, migrations.FS, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv := httptest.NewServer(New(Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Sites: NewSiteHolder(site), DB: db}))
	t.Cleanup(srv.Close)
	return srv
}

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

func TestReadOnlyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	db, err := store.Open(context.Background(), path, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	srv := serverOn(t, path, store.Options{ReadOnly: true})
	if code, _, _ := get(t, srv.URL+"/articles/sciatica"); code != 200 {
		t.Errorf("reading with a read-only database = %d", code)
	}
	code, body, h := get(t, srv.URL+"/healthz")
	if code != 503 || !strings.Contains(body, "not writable") || h.Get("Retry-After") == "" {
		t.Errorf("healthz = %d %q", code, body)
	}
	res, err := newClient().PostForm(srv.URL+"/bookmarks", bookmark("article", "faq", "add"))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" || parsePage(t, string(page)).text(`[data-testid=error-page] h1`) != "Saving is not possible just now" {
		t.Errorf("save on a read-only database = %d", res.StatusCode)
	}
	if n := countRows(t, path, "visitors"); n != 0 {
		t.Errorf("%d visitors written", n)
	}
}

func TestLockedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	srv := serverOn(t, path, store.Options{BusyTimeout: 150 * time.Millisecond})
	// Another process holds the write lock for longer than the busy timeout.
	other, err := sql.Open("sqlite3", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	// Answers in progress live in the browser, so the questions work while
	// the database is locked; keeping the result is what needs it.
	c := newClient()
	e := &checkEnv{t: t, srv: srv}
	e.resultOf(c, benignAnswers())
	res, err := c.PostForm(srv.URL+"/check/result/keep", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" {
		t.Errorf("save while locked = %d", res.StatusCode)
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/assessments", strings.NewReader(`{"answers":`+benignJSONString()+`,"save":true}`))
	req.Header.Set("Content-Type", "application/json")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 503 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Errorf("API save while locked = %d %s", res.StatusCode, b)
	}
	if code, _, _ := get(t, srv.URL+"/healthz"); code != 503 {
		t.Errorf("healthz while locked = %d", code)
	}
	tx.Rollback()
	if code, _, _ := get(t, srv.URL+"/healthz"); code != 200 {
		t.Errorf("healthz after the lock is released = %d", code)
	}
	if n := countRows(t, path, "visitors"); n != 0 {
		t.Errorf("a failed save left %d visitors", n)
	}
}

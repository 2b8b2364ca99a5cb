package web

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// Micro-benchmarks of the hot paths, through the real router and a real
// SQLite file; `make bench` runs the load test with wrk.

func BenchmarkCachedArticle(b *testing.B) {
	s, _, _, _ := testServerAt(&testing.T{}, today, filepath.Join(b.TempDir(), "b.db"))
	req := httptest.NewRequest("GET", "/articles/when-to-avoid-massage", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	s.ServeHTTP(httptest.NewRecorder(), req)
	b.ReportAllocs()
	for b.Loop() {
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
}

func BenchmarkKeptResult(b *testing.B) {
	s, _, _, _ := testServerAt(&testing.T{}, today, filepath.Join(b.TempDir(), "b.db"))
	s.writeLimit = nil
	form := with(benign(), "step", "5", "nav", "result", "save", "yes").Encode()
	first := httptest.NewRequest("POST", "/check", strings.NewReader(form))
	first.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, first)
	cookie := rec.Result().Cookies()[0]
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/check", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusSeeOther {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

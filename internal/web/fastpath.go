package web

import (
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// The fast path: most traffic is first-time readers asking for a page that
// is already rendered and compressed. For them the router, the request-id
// and timeout middleware and per-header canonicalisation are pure cost, so
// such requests are answered here with the same headers, the same
// validators and the same access-log line. Anything else (a cookie, a query
// string, a page not yet cached, any other method) takes the normal path.

// commonHeaders are set on every response; built once so neither path
// allocates them per request.
var commonHeaders = map[string][]string{
	"Content-Security-Policy":    {contentSecurityPolicy},
	"X-Content-Type-Options":     {"nosniff"},
	"Referrer-Policy":            {"same-origin"},
	"X-Frame-Options":            {"DENY"},
	"Cross-Origin-Opener-Policy": {"same-origin"},
	"Permissions-Policy":         {"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
}

var (
	htmlTypeValue     = []string{htmlType}
	noCacheValue      = []string{"no-cache"}
	varyValue         = []string{"Accept-Encoding"}
	gzipValue         = []string{"gzip"}
	fastRequestNumber atomic.Uint64
)

func (s *Server) serveCached(w http.ResponseWriter, r *http.Request) bool {
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || r.URL.RawQuery != "" || r.TLS != nil {
		return false
	}
	if _, err := r.Cookie(visitorCookie); err == nil {
		return false
	}
	p, ok := s.sites.Site().pages.get(s.today(), r.URL.Path)
	if !ok {
		return false
	}
	start := time.Now()
	h := w.Header()
	for k, v := range commonHeaders {
		h[k] = v
	}
	h["Content-Type"] = htmlTypeValue
	h["Cache-Control"] = noCacheValue
	h["Etag"] = p.etagValue
	status, body, length := http.StatusOK, p.body, p.plainLength
	if p.gzipped != nil {
		h["Vary"] = varyValue
	}
	if etagMatches(r.Header.Get("If-None-Match"), p.etag) {
		status, body = http.StatusNotModified, nil
	} else if p.gzipped != nil && acceptsGzip(r) {
		h["Content-Encoding"] = gzipValue
		body, length = p.gzipped, p.gzipLength
	}
	if body != nil {
		h["Content-Length"] = length
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet && body != nil {
		w.Write(body)
	}
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method),
		slog.String("route", p.route),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		slog.Int("bytes", len(body)),
		slog.String("request_id", "c-"+strconv.FormatUint(fastRequestNumber.Add(1), 10)),
	)
	return true
}

// day caches today's date as text, so the cache key costs no formatting.
type day struct {
	unix int64
	text string
}

func (s *Server) today() string {
	now := s.now()
	d := now.Unix() / 86400
	if c := s.day.Load(); c != nil && c.unix == d {
		return c.text
	}
	c := &day{unix: d, text: now.UTC().Format(time.DateOnly)}
	s.day.Store(c)
	return c.text
}

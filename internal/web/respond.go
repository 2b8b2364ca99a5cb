package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/a-h/templ"
)

// page is a rendered page ready to send: its bytes, gzipped bytes and ETag.
type page struct {
	body, gzipped []byte
	etag          string
}

func newPage(body []byte) *page {
	h := fnv.New64a()
	h.Write(body)
	return &page{body: body, gzipped: gzipBytes(body), etag: `"` + strconv.FormatUint(h.Sum64(), 36) + `"`}
}

// pageCache keeps pages whose bytes depend only on the content (not on the
// visitor), rendered and compressed once per site version and day (pages
// say when they fall due for review). Reads take no lock: the map for a
// day is replaced, never changed in place, so readers see a whole map.
type pageCache struct {
	mu      sync.Mutex // serialises writers
	current atomic.Pointer[dayPages]
}

type dayPages struct {
	day   string
	pages map[string]*page
}

func (c *pageCache) get(day, key string) (*page, bool) {
	d := c.current.Load()
	if d == nil || d.day != day {
		return nil, false
	}
	p, ok := d.pages[key]
	return p, ok
}

// put copies the day's map with the new page: pages are few (about a
// hundred) and each is rendered once a day, so copying is cheap.
func (c *pageCache) put(day, key string, p *page) {
	c.mu.Lock()
	defer c.mu.Unlock()
	next := &dayPages{day: day, pages: map[string]*page{}}
	if d := c.current.Load(); d != nil && d.day == day {
		for k, v := range d.pages {
			next.pages[k] = v
		}
	}
	next.pages[key] = p
	c.current.Store(next)
}

const htmlType = "text/html; charset=utf-8"

// renderComponent renders into a buffer first, so a failing template gives a
// clean 500 instead of half a page.
func renderComponent(ctx context.Context, c templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sendPage writes a page with status 200, answering 304 when the browser
// already has these bytes.
func sendPage(w http.ResponseWriter, r *http.Request, p *page) {
	w.Header().Set("Cache-Control", "no-cache")
	// Each region has its own copy of a page; shared caches must keep
	// them apart.
	w.Header().Set("Vary", "Cookie, Accept-Language")
	writeBytes(w, r, htmlType, p.etag, p.body, p.gzipped)
}

// writeBytes sends a body with validators and, when the client accepts it
// and it helps, the precompressed form.
func writeBytes(w http.ResponseWriter, r *http.Request, contentType, etag string, body, gzipped []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("ETag", etag)
	if gzipped != nil {
		addVary(h, "Accept-Encoding")
	}
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if gzipped != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = gzipped
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// addVary adds a header name to Vary, keeping one Vary line that every
// cache reads whole.
func addVary(h http.Header, name string) {
	if v := h.Get("Vary"); v != "" {
		h.Set("Vary", v+", "+name)
		return
	}
	h.Set("Vary", name)
}

// sendStatus writes an uncached page with a given status (errors, forms
// re-rendered with their errors).
func sendStatus(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", htmlType)
	h.Set("Cache-Control", "no-store")
	h.Set("Vary", "Cookie, Accept-Language")
	if acceptsGzip(r) && len(body) > 1024 {
		var buf bytes.Buffer
		buf.Grow(len(body) / 4)
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(&buf)
		zw.Write(body)
		zw.Close()
		gzipWriters.Put(zw)
		h.Set("Content-Encoding", "gzip")
		addVary(h, "Accept-Encoding")
		body = buf.Bytes()
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// gzipWriters are reused for pages rendered per request: a new writer
// allocates about 800 KB, and the fastest level is nearly as small for
// HTML while costing a fraction of the CPU. Unchanging pages are still
// compressed once at the best level (gzipBytes).
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return zw
}}

func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	rest := r.Header.Get("Accept-Encoding")
	for rest != "" {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") || strings.Contains(params, "q=0.")
		}
	}
	return false
}

// render writes a page that must not be cached (it holds a visitor's
// answers or depends on their cookie) with the given status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) error {
	body, err := renderComponent(r.Context(), c)
	if err != nil {
		return err
	}
	site := s.sites.Site()
	body = site.expand(s.regionFor(r, site), body)
	sendStatus(w, r, status, body)
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }

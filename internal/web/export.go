package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"backwise/internal/paths"
)

// The static export writes every public page as a file, so readers can be
// served by any web server or CDN while the questionnaire, bookmarks and
// search stay on the app. Forms that need the app link to BaseURL instead.

// ExportStats says what an export wrote.
type ExportStats struct {
	Files int
	Bytes int64
}

// ExportSite writes the public site under dir. The server must have been
// built with Deps.Static so pages link dynamic features to the live app.
func (s *Server) ExportSite(ctx context.Context, dir string) (ExportStats, error) {
	var st ExportStats
	site := s.sites.Site()
	var host string
	if u, err := url.Parse(s.baseURL); err == nil {
		host = u.Host
	}
	targets := []string{paths.Sitemap, paths.Feed, paths.Robots}
	for _, p := range publicPages(site.Library) {
		targets = append(targets, p.Path)
	}
	sort.Strings(targets)
	write := func(rel string, body []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, body, 0o644); err != nil {
			return err
		}
		st.Files++
		st.Bytes += int64(len(body))
		if compressibleName(rel) {
			if gz := gzipBytes(body); gz != nil {
				if err := os.WriteFile(full+".gz", gz, 0o644); err != nil {
					return err
				}
				st.Files++
				st.Bytes += int64(len(gz))
			}
		}
		return nil
	}
	for _, target := range targets {
		status, body, err := s.exportGet(ctx, host, target)
		if err != nil {
			return st, err
		}
		if status != http.StatusOK {
			return st, fmt.Errorf("web: export %s: status %d", target, status)
		}
		if err := write(exportPath(target), s.prefixLinks(body)); err != nil {
			return st, fmt.Errorf("web: export %s: %w", target, err)
		}
	}
	status, body, err := s.exportGet(ctx, host, "/404-page-for-the-export")
	if err != nil || status != http.StatusNotFound {
		return st, fmt.Errorf("web: export 404 page: status %d: %v", status, err)
	}
	if err := write("404.html", s.prefixLinks(body)); err != nil {
		return st, err
	}
	urls := make([]string, 0, len(site.assets.byURL))
	for u := range site.assets.byURL {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	for _, u := range urls {
		if err := write(strings.TrimPrefix(u, "/"), site.assets.byURL[u].body); err != nil {
			return st, err
		}
	}
	return st, nil
}

// tagWithLink finds an HTML start tag that may carry a site path.
var tagWithLink = regexp.MustCompile(`<[a-zA-Z][^>]*\s(?:href|src|action)="/[^/"][^>]*>|<[a-zA-Z][^>]*\s(?:href|src|action)="/"[^>]*>`)

// rootLink is a site path in an attribute: "/..." but not "//host/...".
var rootLink = regexp.MustCompile(`(\s(?:href|src|action))="/([^/"]|")`)

// prefixLinks puts a region's copy under its folder: every link to a
// path of the site gains the prefix, except the links to the other
// regions' copies (data-region-link). Links to the live app are absolute
// and stay as they are.
func (s *Server) prefixLinks(body []byte) []byte {
	if s.exportPrefix == "" {
		return body
	}
	return tagWithLink.ReplaceAllFunc(body, func(tag []byte) []byte {
		if bytes.Contains(tag, []byte("data-region-link")) {
			return tag
		}
		return rootLink.ReplaceAll(tag, []byte(`$1="`+s.exportPrefix+`/$2`))
	})
}

// exportPath maps a URL path to its file: pages become folder/index.html,
// which every static server answers for /folder.
func exportPath(target string) string {
	if path.Ext(target) != "" {
		return strings.TrimPrefix(target, "/")
	}
	return strings.TrimPrefix(path.Join(target, "index.html"), "/")
}

func compressibleName(name string) bool {
	switch path.Ext(name) {
	case ".html", ".css", ".js", ".svg", ".xml", ".txt", ".json":
		return true
	}
	return false
}

// exportGet runs a GET through the real router, in memory.
func (s *Server) exportGet(ctx context.Context, host, target string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return 0, nil, err
	}
	req.Host = host
	w := &memoryWriter{header: http.Header{}}
	s.ServeHTTP(w, req)
	return w.status, w.body.Bytes(), nil
}

// memoryWriter collects a response (uncompressed: no Accept-Encoding is
// sent, so pages come back plain).
type memoryWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (m *memoryWriter) Header() http.Header { return m.header }
func (m *memoryWriter) Write(b []byte) (int, error) {
	if m.status == 0 {
		m.status = http.StatusOK
	}
	return m.body.Write(b)
}
func (m *memoryWriter) WriteHeader(status int) {
	if m.status == 0 {
		m.status = status
	}
}

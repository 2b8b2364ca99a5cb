package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// asset is one static file held in memory with its precompressed form.
type asset struct {
	body, gzipped []byte
	contentType   string
	etag          string
}

// assets maps fingerprinted URLs to files. Because a URL changes whenever a
// file's bytes change, responses can be cached for a year.
type assets struct {
	byURL map[string]*asset
	urls  map[string]string // "css/site.css" -> "/static/css/site.1a2b3c4d5e.css"
}

const staticPrefix = "/static/"

func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{byURL: map[string]*asset{}, urls: map[string]string{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:5])
		ext := path.Ext(name)
		url := staticPrefix + strings.TrimSuffix(name, ext) + "." + hash + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		f := &asset{body: body, contentType: ct, etag: `"` + hash + `"`}
		if compressible(ct) {
			f.gzipped = gzipBytes(body)
		}
		a.byURL[url] = f
		a.urls[name] = url
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: load static files: %w", err)
	}
	return a, nil
}

// URL returns the fingerprinted URL of a static file; a missing file is a
// programming error caught by the tests, so it yields an obviously bad URL.
func (a *assets) URL(name string) string {
	if u, ok := a.urls[name]; ok {
		return u
	}
	return staticPrefix + "missing/" + name
}

func (a *assets) serve(w http.ResponseWriter, r *http.Request) error {
	f, ok := a.byURL[r.URL.Path]
	if !ok {
		return errNotFound
	}
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	writeBytes(w, r, f.contentType, f.etag, f.body, f.gzipped)
	return nil
}

func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || strings.Contains(contentType, "javascript") ||
		strings.Contains(contentType, "json") || strings.Contains(contentType, "svg") || strings.Contains(contentType, "xml")
}

// gzipBytes compresses once at the best level: the cost is paid at start-up
// (or first render), never per request.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	if buf.Len() >= len(b) {
		return nil
	}
	return buf.Bytes()
}

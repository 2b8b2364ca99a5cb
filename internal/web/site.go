package web

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"sync/atomic"
	"time"

	"backwise/internal/library"
	"backwise/internal/search"
	"backwise/internal/triage"
	"backwise/templates"
)

// Site is one version of everything the server reads from files: the
// content library, the static assets and the pages rendered from them. It
// is immutable, so a new version (in -dev mode) simply replaces the old.
type Site struct {
	Library *library.Library
	Search  *search.Index
	assets  *assets
	pages   pageCache
	words   map[string]*strings.Replacer // region id -> its {{token}} words, HTML-escaped
	// routines are the facts the questionnaire's engine reads about each
	// routine, built once with the site; read-only, shared by every request.
	routines []triage.RoutineFacts
}

// expand writes a page's {{tokens}} as region rg says them.
func (s *Site) expand(rg library.Region, body []byte) []byte {
	if !bytes.Contains(body, []byte("{{")) {
		return body
	}
	return []byte(s.words[rg.ID].Replace(string(body)))
}

// LoadSite loads content and static files. A content problem is returned
// as library.Problems, naming each file and line; an article named in code
// that the content lacks, as SlugProblems.
func LoadSite(contentFS, staticFS fs.FS) (*Site, error) {
	lib, err := library.Load(contentFS, ContentOptions())
	if err != nil {
		return nil, err
	}
	if err := CheckSlugs(lib); err != nil {
		return nil, err
	}
	if len(lib.Regions()) == 0 {
		return nil, fmt.Errorf("web: content has no regions.yaml: every page needs a region's numbers")
	}
	a, err := loadAssets(staticFS)
	if err != nil {
		return nil, err
	}
	ix, err := search.New(searchDocs(lib))
	if err != nil {
		return nil, fmt.Errorf("web: build search index: %w", err)
	}
	site := &Site{Library: lib, Search: ix, assets: a, words: map[string]*strings.Replacer{}, routines: routineFacts(lib)}
	for _, rg := range lib.Regions() {
		site.words[rg.ID] = rg.Replacer(true)
	}
	return site, nil
}

// searchDocs turns the library into the search index's documents.
func searchDocs(lib *library.Library) []search.Doc {
	var docs []search.Doc
	for _, a := range lib.Articles() {
		docs = append(docs, search.Doc{Kind: "article", Slug: a.Slug, Title: a.Title, Summary: a.Summary, Body: a.Text, Tags: a.Tags, Category: a.Category.Title, AlsoKnownAs: a.AlsoKnownAs})
	}
	for _, r := range lib.Routines() {
		var tags []string
		for _, area := range r.Areas {
			tags = append(tags, library.Label(library.Areas, area))
		}
		for _, e := range r.Equipment {
			tags = append(tags, library.Label(library.Equipment, e))
		}
		docs = append(docs, search.Doc{Kind: "routine", Slug: r.Slug, Title: r.Title, Summary: r.Summary, Body: r.Text, Tags: tags, Category: "Self-care routine"})
	}
	return docs
}

func (s *Site) templateAssets() templates.Assets {
	return templates.Assets{
		CSS:     s.assets.URL("css/site.css"),
		JS:      s.assets.URL("js/site.js"),
		Favicon: s.assets.URL("favicon.svg"),
	}
}

// SiteHolder gives handlers the current site; -dev mode swaps it when files
// change, and an atomic pointer keeps that safe without locks on reads.
type SiteHolder struct {
	current atomic.Pointer[Site]
}

// NewSiteHolder holds an initial site.
func NewSiteHolder(s *Site) *SiteHolder {
	h := &SiteHolder{}
	h.current.Store(s)
	return h
}

// Site returns the current version.
func (h *SiteHolder) Site() *Site { return h.current.Load() }

// Replace installs a new version. The old version's search index is
// closed a little later, once requests that started with it are done.
func (h *SiteHolder) Replace(s *Site) error {
	if s == nil {
		return fmt.Errorf("web: nil site")
	}
	if old := h.current.Swap(s); old != nil && old.Search != nil {
		time.AfterFunc(time.Minute, func() { old.Search.Close() })
	}
	return nil
}

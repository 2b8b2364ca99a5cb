package web

import (
	"fmt"
	"io/fs"
	"sync/atomic"

	"backwise/internal/library"
	"backwise/internal/triage"
	"backwise/templates"
)

// Site is one version of everything the server reads from files: the
// content library, the static assets and the pages rendered from them. It
// is immutable, so a new version (in -dev mode) simply replaces the old.
type Site struct {
	Library *library.Library
	assets  *assets
	pages   pageCache
}

// LoadSite loads content and static files. A content problem is returned
// as library.Problems, naming each file and line.
func LoadSite(contentFS, staticFS fs.FS) (*Site, error) {
	lib, err := library.Load(contentFS, library.Options{AvoidIfKeys: triage.Keys()})
	if err != nil {
		return nil, err
	}
	a, err := loadAssets(staticFS)
	if err != nil {
		return nil, err
	}
	return &Site{Library: lib, assets: a}, nil
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

// Replace installs a new version.
func (h *SiteHolder) Replace(s *Site) error {
	if s == nil {
		return fmt.Errorf("web: nil site")
	}
	h.current.Store(s)
	return nil
}

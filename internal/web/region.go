package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"backwise/internal/library"
	"backwise/internal/triage"
	"backwise/templates"
)

// A reader's region decides the numbers and words on every page that
// gives help. It comes from a long-lived, non-identifying "region" cookie
// the reader sets with the chooser, or on a first visit from the browser's
// language; no visitor row is ever made for it. Pages are written out with
// the region's words (content and the rules keep {{tokens}}) and cached
// per region.

const regionCookie = "region"

// regionMaxAge keeps the choice for two years: it is not personal data.
const regionMaxAge = 2 * 365 * 24 * 60 * 60

// regionFor is the reader's region: the cookie if it names one, else a
// guess from Accept-Language, else the default (the first in the file).
func (s *Server) regionFor(r *http.Request, site *Site) library.Region {
	if s.staticRegion != "" {
		if rg, ok := site.Library.Region(s.staticRegion); ok {
			return rg
		}
	}
	if c, err := s.transport.cookie(r, regionCookie, true); err == nil {
		if rg, ok := site.Library.Region(c.Value); ok {
			return rg
		}
	}
	return guessRegion(r.Header.Get("Accept-Language"), site.Library.Regions())
}

// guessRegion picks the region whose languages best match an
// Accept-Language header (en-US, en-AU, en-IE...). Only an exact tag
// counts, so plain "en" keeps the default.
func guessRegion(header string, regions []library.Region) library.Region {
	type tag struct {
		name string
		q    float64
	}
	var tags []tag
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if name != "" && q > 0 {
			tags = append(tags, tag{strings.ToLower(name), q})
		}
	}
	slices.SortStableFunc(tags, func(a, b tag) int {
		switch {
		case a.q > b.q:
			return -1
		case a.q < b.q:
			return 1
		}
		return 0
	})
	for _, t := range tags {
		for _, rg := range regions {
			if slices.ContainsFunc(rg.Languages, func(l string) bool { return strings.ToLower(l) == t.name }) {
				return rg
			}
		}
	}
	return regions[0]
}

// chooseRegion keeps the reader's choice and goes back to where they were.
func (s *Server) chooseRegion(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	rg, ok := s.sites.Site().Library.Region(values.Get("region"))
	if !ok {
		return &httpError{Status: http.StatusBadRequest, Heading: "Unknown region",
			Message: "Choose where you live from the list, and we will show the numbers and services there."}
	}
	s.transport.setCookie(w, r, &http.Cookie{Name: regionCookie, Value: rg.ID, Path: "/", MaxAge: regionMaxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, localPath(values.Get("back")), http.StatusSeeOther)
	return nil
}

// localPath keeps a redirect on this site: a path, never another host.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") {
		return "/"
	}
	return p
}

// regionCalls writes the calls of a result or page for the region, and
// drops a call the region has no number for (no single same-day line).
func regionCalls(calls []triage.Call, rg library.Region) []triage.Call {
	out := []triage.Call{}
	for _, c := range calls {
		c.Label, c.Number = rg.Expand(c.Label, false), rg.Expand(c.Number, false)
		if c.Number != "" {
			out = append(out, c)
		}
	}
	return out
}

// regionCopies are the addresses of page path in every region's copy of
// the static export: the default region at the root, the others under
// /<id>/. They carry data-region-link, so the export leaves them as they are.
func regionCopies(site *Site, path string) map[string]string {
	links := map[string]string{}
	for i, rg := range site.Library.Regions() {
		if i == 0 {
			links[rg.ID] = path
		} else {
			links[rg.ID] = "/" + rg.ID + path
		}
	}
	return links
}

// regionChoice fills the chooser of a page.
func (s *Server) regionChoice(r *http.Request, site *Site) templates.RegionChoice {
	rg := s.regionFor(r, site)
	c := templates.RegionChoice{Current: rg.ID, Name: rg.Name, Back: r.URL.Path}
	for _, x := range site.Library.Regions() {
		c.Regions = append(c.Regions, templates.RegionOption{ID: x.ID, Name: x.Name})
	}
	return c
}

// helpCalls are the numbers "Get help now" opens with: the emergency
// number, then same-day help where the region has one number for it.
func helpCalls(rg library.Region) []triage.Call {
	return regionCalls(append(triage.Emergency.Calls(), triage.Urgent.Calls()...), rg)
}

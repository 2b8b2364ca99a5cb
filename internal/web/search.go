package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"backwise/internal/library"
	"backwise/internal/search"
	"backwise/templates"
)

// popularSlugs are offered when the search box is empty. Each must exist:
// LoadSite checks (slugs.go).
var popularSlugs = []string{"get-help-now", "staying-active", "sciatica", "medicines-for-back-pain", "self-massage-at-home", "back-pain-in-pregnancy"}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	q := r.URL.Query().Get("q")
	if !utf8.ValidString(q) {
		q = strings.ToValidUTF8(q, "")
	}
	tooLong := utf8.RuneCountInString(q) > search.MaxQueryRunes
	if tooLong {
		q = string([]rune(q)[:search.MaxQueryRunes])
	}
	res, err := site.Search.Search(r.Context(), q, 20)
	if err != nil {
		return err
	}
	page := s.page(r, site, "Search", "")
	if strings.TrimSpace(q) != "" {
		page.Title = "Search: " + q
	}
	page.NoIndex, page.Query, page.Canonical = true, q, ""
	v := templates.SearchView{Page: page, Results: res, Asked: res.Query != "", TooLong: tooLong}
	for _, c := range library.Categories() {
		if len(site.Library.InCategory(c.Slug)) > 0 {
			v.Topics = append(v.Topics, c)
		}
	}
	v.Featured = articlesBySlug(site.Library, popularSlugs)
	return s.render(w, r, http.StatusOK, templates.Search(v))
}

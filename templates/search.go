package templates

import (
	"backwise/internal/library"
	"backwise/internal/search"
)

// SearchView is the search page: results, or help when there are none.
type SearchView struct {
	Page
	Results  search.Results
	Asked    bool // a query with words was given
	TooLong  bool // the query was cut to search.MaxQueryRunes
	Topics   []library.Category
	Featured []*library.Article
}

func hitHref(h search.Hit) string {
	if h.Kind == "routine" {
		return "/routines/" + h.Slug
	}
	return "/articles/" + h.Slug
}

func kindLabel(kind string) string {
	if kind == "routine" {
		return "Routine"
	}
	return "Article"
}

func suggestionHref(s search.Suggestion) string {
	if s.Slug == "" {
		return "/search?q=" + urlQuery(s.Text)
	}
	if s.Kind == "routine" {
		return "/routines/" + s.Slug
	}
	return "/articles/" + s.Slug
}

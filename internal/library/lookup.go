package library

import (
	"html/template"
	"time"
)

// Articles returns every article, grouped by category, then by title.
func (lib *Library) Articles() []*Article { return lib.articles }

// Article finds an article by slug.
func (lib *Library) Article(slug string) (*Article, bool) {
	a, ok := lib.bySlug[slug]
	return a, ok
}

// Routines returns every routine: exercise first, then massage, then
// heat (library.Kinds), each by title.
func (lib *Library) Routines() []*Routine { return lib.routines }

// Routine finds a routine by slug.
func (lib *Library) Routine(slug string) (*Routine, bool) {
	r, ok := lib.routine[slug]
	return r, ok
}

// RoutineFilter narrows the routine list; an empty field matches everything.
type RoutineFilter struct {
	Kind, Area, Equipment string
}

// RoutinesFor returns the routines that pass the filter, in Routines' order.
func (lib *Library) RoutinesFor(f RoutineFilter) []*Routine {
	var out []*Routine
	for _, r := range lib.routines {
		if (f.Kind == "" || r.Kind == f.Kind) && (f.Area == "" || contains(r.Areas, f.Area)) && (f.Equipment == "" || contains(r.Equipment, f.Equipment)) {
			out = append(out, r)
		}
	}
	return out
}

// RoutinesOfArticle returns the routines that belong to an article.
func (lib *Library) RoutinesOfArticle(slug string) []*Routine {
	var out []*Routine
	for _, r := range lib.routines {
		if r.Article == slug {
			out = append(out, r)
		}
	}
	return out
}

// InCategory returns the articles of one category, by title.
func (lib *Library) InCategory(slug string) []*Article {
	var out []*Article
	for _, a := range lib.articles {
		if a.Category.Slug == slug {
			out = append(out, a)
		}
	}
	return out
}

// RelatedTo resolves an article's related slugs.
func (lib *Library) RelatedTo(a *Article) []*Article {
	var out []*Article
	for _, s := range a.Related {
		if r, ok := lib.bySlug[s]; ok {
			out = append(out, r)
		}
	}
	return out
}

// Figure returns a figure's SVG markup, for pages outside articles (the
// questionnaire reuses the back map).
func (lib *Library) Figure(name string) (template.HTML, bool) {
	svg, ok := lib.figures[name]
	return template.HTML(svg), ok
}

// DueForReview lists the pages whose next_review date has passed, as
// problems for `backwise check` to print without failing.
func (lib *Library) DueForReview(now time.Time) Problems {
	var out Problems
	var docs []*Document
	for _, a := range lib.articles {
		docs = append(docs, &a.Document)
	}
	for _, r := range lib.routines {
		docs = append(docs, &r.Document)
	}
	for _, d := range docs {
		if d.DueForReview(now) {
			out = append(out, Problem{File: d.File, Reason: "due for review since " + d.NextReview.Format(time.DateOnly)})
		}
	}
	return out
}

func categorySlugs() []string {
	out := make([]string, len(categories))
	for i, c := range categories {
		out[i] = c.Slug
	}
	return out
}

func categoryIndex(slug string) int {
	for i, c := range categories {
		if c.Slug == slug {
			return i
		}
	}
	return len(categories)
}

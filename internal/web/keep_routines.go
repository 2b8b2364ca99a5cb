package web

import (
	"errors"
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/internal/triage"
	"backwise/templates"
)

func (s *Server) routineList(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	q := r.URL.Query()
	kind, area, gear := q.Get("kind"), q.Get("area"), q.Get("equipment")
	if !validOption(library.Kinds, kind) || !validOption(library.Areas, area) || !validOption(library.Equipment, gear) {
		return &httpError{Status: http.StatusBadRequest, Heading: "Unknown filter", Message: "That filter does not exist. Choose one from the list of routines."}
	}
	return s.cachedAs(w, r, site, paths.RoutinesFiltered(kind, area, gear), func() templ.Component {
		v := templates.RoutineListView{
			Page:     s.page(r, site, "Self-care routines", "Exercises, self-massage and heat for back pain you can do at home, with timings, easier and harder versions, and when to stop."),
			Routines: site.Library.RoutinesFor(library.RoutineFilter{Kind: kind, Area: area, Equipment: gear}), Area: area, Equipment: gear,
		}
		if s.baseURL != "" {
			v.Canonical = s.baseURL + paths.Routines // filters are views of one page
		}
		v.Kinds = append(v.Kinds, templates.FilterLink{Label: "All kinds", Href: paths.RoutinesFiltered("", area, gear), Current: kind == ""})
		for _, o := range library.Kinds {
			v.Kinds = append(v.Kinds, templates.FilterLink{Label: o.Label, Href: paths.RoutinesFiltered(o.Value, area, gear), Current: kind == o.Value})
		}
		v.Areas = append(v.Areas, templates.FilterLink{Label: "Anywhere", Href: paths.RoutinesFiltered(kind, "", gear), Current: area == ""})
		for _, o := range library.Areas {
			v.Areas = append(v.Areas, templates.FilterLink{Label: o.Label, Href: paths.RoutinesFiltered(kind, o.Value, gear), Current: area == o.Value})
		}
		v.Gear = append(v.Gear, templates.FilterLink{Label: "Anything", Href: paths.RoutinesFiltered(kind, area, ""), Current: gear == ""})
		for _, o := range library.Equipment {
			v.Gear = append(v.Gear, templates.FilterLink{Label: o.Label, Href: paths.RoutinesFiltered(kind, area, o.Value), Current: gear == o.Value})
		}
		return templates.RoutineList(v)
	})
}

func validOption(options []library.Option, v string) bool {
	if v == "" {
		return true
	}
	for _, o := range options {
		if o.Value == v {
			return true
		}
	}
	return false
}

func (s *Server) routineShow(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	rt, ok := site.Library.Routine(chi.URLParam(r, "slug"))
	if !ok {
		return errNotFound
	}
	build := func(b templates.BookmarkState, warnings []string, ps templates.PlanState) templ.Component {
		v := templates.RoutineView{Page: s.page(r, site, rt.Title, rt.Summary), Routine: rt, Bookmark: b, Warnings: warnings, Due: rt.DueForReview(s.now()), Plan: ps}
		v.Article, _ = site.Library.Article(rt.Article)
		return templates.Routine(v)
	}
	visitor, known, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	blank := s.blankBookmark("routine", rt.Slug)
	b, warnings := blank, []string(nil)
	ps, err := s.planState(r, visitor, known, rt.Slug)
	if err != nil {
		return err
	}
	blankPlan, _ := s.planState(r, store.Visitor{}, false, rt.Slug)
	if known {
		if b, err = s.bookmarkState(r, visitor, "routine", rt.Slug); err != nil {
			return err
		}
		if warnings, err = s.routineWarnings(r, visitor, rt); err != nil {
			return err
		}
	}
	if !b.Saved && len(warnings) == 0 && ps == blankPlan {
		// Without a bookmark, a warning or a plan the page is the same
		// for everyone: render once, keep.
		return s.cached(w, r, site, func() templ.Component { return build(blank, nil, blankPlan) })
	}
	return s.render(w, r, http.StatusOK, build(b, warnings, ps))
}

// routineWarnings says why the routine may not suit the visitor, from the
// answers of their most recent kept result.
func (s *Server) routineWarnings(r *http.Request, v store.Visitor, rt *library.Routine) ([]string, error) {
	kept, ok, err := s.db.LatestAssessment(r.Context(), v)
	if err != nil || !ok {
		return nil, err
	}
	answers, ok := decodeKept(kept)
	if !ok {
		return nil, nil
	}
	return triage.RoutineWarnings(answers, facts(rt)), nil
}

func (s *Server) bookmarkState(r *http.Request, v store.Visitor, kind, slug string) (templates.BookmarkState, error) {
	b := templates.BookmarkState{Kind: kind, Slug: slug}
	kept, err := s.db.Bookmarked(r.Context(), v, kind, slug)
	switch {
	case err == nil:
		b.Saved, b.Note = true, kept.Note
	case !errors.Is(err, store.ErrNotFound):
		return b, err
	}
	return b, nil
}

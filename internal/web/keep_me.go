package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/templates"
)

// meNotices are the messages /me shows after an action (by key, so no
// free text travels in the URL).
var meNotices = map[string]string{
	"deleted":  "All your data has been deleted from Backwise, and this browser's cookie removed.",
	"restored": "Done: your saved routines, articles and results are now on this browser.",
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) error {
	v, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	view, err := s.meView(r, v, ok)
	if err != nil {
		return err
	}
	view.Notice = meNotices[r.URL.Query().Get("done")]
	return s.render(w, r, http.StatusOK, templates.Me(view))
}

func (s *Server) meView(r *http.Request, v store.Visitor, known bool) (templates.MeView, error) {
	site := s.sites.Site()
	view := templates.MeView{Page: s.page(r, site, "My Backwise", "")}
	view.NoIndex = true
	if !known {
		return view, nil
	}
	bookmarks, err := s.db.Bookmarks(r.Context(), v)
	if err != nil {
		return view, err
	}
	for _, b := range bookmarks {
		item := templates.MeItem{CreatedAt: b.CreatedAt, Href: paths.Item(b.Kind, b.Slug),
			Bookmark: templates.BookmarkState{Kind: b.Kind, Slug: b.Slug, Saved: true, Note: b.Note, From: "me"}}
		if b.Kind == "routine" {
			if rt, ok := site.Library.Routine(b.Slug); ok {
				item.Title, item.Summary = rt.Title, rt.Summary
			} else {
				item.Missing = true
			}
			view.Routines = append(view.Routines, item)
			continue
		}
		if a, ok := site.Library.Article(b.Slug); ok {
			item.Title, item.Summary = a.Title, a.Summary
		} else {
			item.Missing = true
		}
		view.Articles = append(view.Articles, item)
	}
	results, total, err := s.db.AssessmentSummaries(r.Context(), v, meResults, 0)
	if err != nil {
		return view, err
	}
	view.Results, view.TotalResults = historyRows(results), total
	view.HasData = len(bookmarks)+total > 0
	return view, nil
}

// exportFile is the downloadable copy of everything stored for a visitor.
type exportFile struct {
	About       string           `json:"about"`
	ExportedAt  time.Time        `json:"exported_at"`
	CreatedAt   *time.Time       `json:"first_kept_at,omitempty"`
	Bookmarks   []exportBookmark `json:"bookmarks"`
	Results     []exportResult   `json:"results"`
	RestoreCode *time.Time       `json:"restore_code_expires_at,omitempty"`
	Plan        *exportPlan      `json:"plan,omitempty"`
	DoneMarks   []store.DoneMark `json:"routines_done"`
	CheckIns    []store.CheckIn  `json:"check_ins"`
	FlareCard   *store.FlareCard `json:"flare_up_card,omitempty"`
}

type exportPlan struct {
	Routines    []string  `json:"routines"`
	DaysPerWeek int       `json:"days_per_week"`
	WalkMinutes int       `json:"walk_minutes_a_day,omitempty"`
	Activity    string    `json:"activity_rated_at_check_ins,omitempty"`
	CreatedAt   time.Time `json:"started_at"`
}

type exportBookmark struct {
	Kind      string    `json:"kind"`
	Slug      string    `json:"slug"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"saved_at"`
}

type exportResult struct {
	ID           string          `json:"id"`
	CreatedAt    time.Time       `json:"kept_at"`
	Outcome      string          `json:"outcome"`
	Intensity    int             `json:"intensity"`
	RulesVersion string          `json:"rules_version"`
	Answers      json.RawMessage `json:"answers"`
}

func (s *Server) meExport(w http.ResponseWriter, r *http.Request) error {
	out := exportFile{About: "Everything Backwise stores for this browser.", ExportedAt: s.now().UTC(), Bookmarks: []exportBookmark{}, Results: []exportResult{},
		DoneMarks: []store.DoneMark{}, CheckIns: []store.CheckIn{}}
	v, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if ok {
		ex, err := s.db.Export(r.Context(), v)
		if err != nil {
			return err
		}
		out.CreatedAt, out.RestoreCode = &ex.VisitorCreatedAt, ex.RestoreCodeExpires
		lib := s.sites.Site().Library
		for _, b := range ex.Bookmarks {
			eb := exportBookmark{Kind: b.Kind, Slug: b.Slug, URL: s.baseURL + paths.Item(b.Kind, b.Slug), Note: b.Note, CreatedAt: b.CreatedAt}
			if rt, ok := lib.Routine(b.Slug); ok && b.Kind == "routine" {
				eb.Title = rt.Title
			} else if a, ok := lib.Article(b.Slug); ok && b.Kind == "article" {
				eb.Title = a.Title
			}
			out.Bookmarks = append(out.Bookmarks, eb)
		}
		for _, a := range ex.Assessments {
			out.Results = append(out.Results, exportResult{ID: a.PublicID, CreatedAt: a.CreatedAt, Outcome: a.Outcome, Intensity: a.Intensity, RulesVersion: a.RulesVersion, Answers: a.Answers})
		}
		if p := ex.Plan; p != nil {
			out.Plan = &exportPlan{Routines: p.Items, DaysPerWeek: p.DaysPerWeek, WalkMinutes: p.WalkMinutes, Activity: p.Activity, CreatedAt: p.CreatedAt}
			if out.Plan.Routines == nil {
				out.Plan.Routines = []string{}
			}
		}
		if ex.DoneMarks != nil {
			out.DoneMarks = ex.DoneMarks
		}
		if ex.CheckIns != nil {
			out.CheckIns = ex.CheckIns
		}
		out.FlareCard = ex.FlareCard
	}
	w.Header().Set("Content-Disposition", `attachment; filename="backwise-data-`+s.now().UTC().Format("2006-01-02")+`.json"`)
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) meDeleteConfirm(w http.ResponseWriter, r *http.Request) error {
	_, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	view := templates.DeleteView{Page: s.page(r, s.sites.Site(), "Delete all my data", ""), HasData: ok}
	view.NoIndex = true
	return s.render(w, r, http.StatusOK, templates.DeleteConfirm(view))
}

func (s *Server) meDelete(w http.ResponseWriter, r *http.Request) error {
	v, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if ok {
		if err := s.db.DeleteVisitor(r.Context(), v); err != nil {
			return err
		}
	}
	s.clearVisitorCookie(w, r)
	http.Redirect(w, r, paths.Me+"?done=deleted", http.StatusSeeOther)
	return nil
}

func (s *Server) meRestoreCode(w http.ResponseWriter, r *http.Request) error {
	v, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if !ok {
		return &httpError{Status: http.StatusConflict, Heading: "Nothing to move yet", Message: "This browser has not kept anything, so there is nothing to move. Save a routine or keep a result first."}
	}
	if err := s.limitWrite(w, r, v); err != nil {
		return err
	}
	code, expires, err := s.db.NewRestoreCode(r.Context(), v, s.now())
	if err != nil {
		return err
	}
	view := templates.RestoreCodeView{Page: s.page(r, s.sites.Site(), "Your restore code", ""), Code: code, Expires: expires}
	view.NoIndex = true
	return s.render(w, r, http.StatusOK, templates.RestoreCode(view))
}

func (s *Server) meRestoreForm(w http.ResponseWriter, r *http.Request) error {
	view := templates.RestoreView{Page: s.page(r, s.sites.Site(), "Restore My Backwise", "")}
	view.NoIndex = true
	return s.render(w, r, http.StatusOK, templates.Restore(view))
}

func (s *Server) meRestore(w http.ResponseWriter, r *http.Request) error {
	// Limit guesses per client address before doing any work: 80-bit codes
	// cannot be guessed, but we still make trying expensive.
	if ok, wait := s.restoreLimit.allow(s.transport.clientAddr(r), s.now()); !ok {
		return tooManyRequests(w, wait)
	}
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	code := strings.TrimSpace(values.Get("code"))
	fail := func(msg string) error {
		view := templates.RestoreView{Page: s.page(r, s.sites.Site(), "Error: Restore My Backwise", ""), Code: code, Error: msg}
		view.NoIndex = true
		return s.render(w, r, http.StatusUnprocessableEntity, templates.Restore(view))
	}
	if code == "" {
		return fail("Enter your restore code")
	}
	if !store.ValidRestoreCode(code) {
		return fail("Enter the code exactly as shown: 16 letters and numbers, like 7KQ2-MX9P-4TRB-Z8HD")
	}
	current, known, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	var cur *store.Visitor
	if known {
		cur = &current
	}
	token := store.NewToken()
	if _, err := s.db.Restore(r.Context(), code, token, cur, s.now()); errors.Is(err, store.ErrNotFound) {
		return fail("That code was not recognised, or it has expired or been used. Get a new code on your other browser.")
	} else if err != nil {
		return err
	}
	s.setVisitorCookie(w, r, token)
	http.Redirect(w, r, paths.Me+"?done=restored", http.StatusSeeOther)
	return nil
}

// meResults is how many kept results My Backwise lists; the history page
// has the rest, a page at a time.
const meResults = 10

package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/templates"
)

var errUnknownItem = &httpError{
	Status:  http.StatusNotFound,
	Heading: "We could not find that page to save",
	Message: "The article or routine you tried to save does not exist. It may have been removed.",
}

// bookmarkForm is what both bookmark forms send.
type bookmarkForm struct {
	kind, slug, from string
}

func readBookmarkForm(values url.Values) (bookmarkForm, error) {
	f := bookmarkForm{kind: values.Get("kind"), slug: values.Get("slug"), from: values.Get("from")}
	if (f.kind != "article" && f.kind != "routine") || f.slug == "" || len(f.slug) > 100 || !utf8.ValidString(f.slug) {
		return f, errBadBookmark
	}
	return f, nil
}

var errBadBookmark = &httpError{
	Status:  http.StatusBadRequest,
	Heading: "We could not save that",
	Message: "Something was wrong with the form that was sent. Go back to the page and try again.",
}

func itemExists(lib *library.Library, kind, slug string) bool {
	if kind == "routine" {
		_, ok := lib.Routine(slug)
		return ok
	}
	_, ok := lib.Article(slug)
	return ok
}

// back is where a bookmark form returns: the item's own page (never a URL
// from the form, so there is no open redirect) or My Backwise.
func (f bookmarkForm) back() string {
	if f.from == "me" {
		return paths.Me
	}
	return paths.Item(f.kind, f.slug) + "#bookmark"
}

// parseBookmarkForm reads and checks a bookmark or note form.
func parseBookmarkForm(w http.ResponseWriter, r *http.Request) (url.Values, bookmarkForm, error) {
	values, err := parseForm(w, r)
	if err != nil {
		return nil, bookmarkForm{}, err
	}
	f, err := readBookmarkForm(values)
	return values, f, err
}

func (s *Server) bookmarkToggle(w http.ResponseWriter, r *http.Request) error {
	values, f, err := parseBookmarkForm(w, r)
	if err != nil {
		return err
	}
	saved := false
	switch values.Get("action") {
	case "add":
		// A stale item can be removed but not added.
		if !itemExists(s.sites.Site().Library, f.kind, f.slug) {
			return errUnknownItem
		}
		who, err := s.writer(w, r)
		if err != nil {
			return err
		}
		if _, err := s.db.AddBookmark(r.Context(), who, f.kind, f.slug); err != nil {
			return err
		}
		s.remember(w, r, who)
		saved = true
	case "remove":
		v, ok, err := s.currentVisitor(r)
		if err != nil {
			return err
		}
		if ok {
			if err := s.db.RemoveBookmark(r.Context(), v, f.kind, f.slug); err != nil {
				return err
			}
		}
	default:
		return errBadBookmark
	}
	if wantsJSON(r) {
		b := templates.BookmarkState{Kind: f.kind, Slug: f.slug, Saved: saved}
		status := b.Status()
		if !saved {
			status = "Removed from My Backwise"
		}
		writeJSON(w, http.StatusOK, map[string]any{"saved": saved, "button": b.ButtonLabel(), "status": status})
		return nil
	}
	http.Redirect(w, r, f.back(), http.StatusSeeOther)
	return nil
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// noteProblem says what is wrong with a note, or "" when it is fine.
func noteProblem(note string) string {
	switch {
	case !utf8.ValidString(note) || strings.ContainsRune(note, 0):
		return "Your note contains characters we cannot store. Use plain text."
	case utf8.RuneCountInString(note) > store.MaxNote:
		return "Your note is " + itoa(utf8.RuneCountInString(note)) + " characters. Shorten it to 500 characters or fewer."
	}
	return ""
}

func (s *Server) bookmarkNote(w http.ResponseWriter, r *http.Request) error {
	values, f, err := parseBookmarkForm(w, r)
	if err != nil {
		return err
	}
	// Browsers send line breaks as CRLF; count them as one character, as
	// the textarea does.
	note := strings.TrimSpace(strings.ReplaceAll(values.Get("note"), "\r\n", "\n"))
	v, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if !ok {
		return errNotFound
	}
	if problem := noteProblem(note); problem != "" {
		rejected := templates.BookmarkState{Kind: f.kind, Slug: f.slug, Saved: true, Note: note, NoteError: problem, From: f.from}
		return s.renderWithNoteError(w, r, v, f, rejected)
	}
	if err := s.limitWrite(w, r, v); err != nil {
		return err
	}
	if err := s.db.SetBookmarkNote(r.Context(), v, f.kind, f.slug, note); errors.Is(err, store.ErrNotFound) {
		return errNotFound
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, f.back(), http.StatusSeeOther)
	return nil
}

// renderWithNoteError shows the page the note form was on again, with the
// visitor's text kept and the problem stated, as a 422.
func (s *Server) renderWithNoteError(w http.ResponseWriter, r *http.Request, v store.Visitor, f bookmarkForm, rejected templates.BookmarkState) error {
	if f.from == "me" {
		view, err := s.meView(r, v, true)
		if err != nil {
			return err
		}
		for _, list := range [][]templates.MeItem{view.Routines, view.Articles} {
			for i := range list {
				if list[i].Bookmark.Kind == f.kind && list[i].Bookmark.Slug == f.slug {
					list[i].Bookmark = rejected
				}
			}
		}
		view.Title = "Error: " + view.Title
		return s.render(w, r, http.StatusUnprocessableEntity, templates.Me(view))
	}
	site := s.sites.Site()
	if f.kind == "routine" {
		rt, ok := site.Library.Routine(f.slug)
		if !ok {
			return errNotFound
		}
		view := templates.RoutineView{Page: s.page(r, site, "Error: "+rt.Title, rt.Summary), Routine: rt, Bookmark: rejected}
		view.Article, _ = site.Library.Article(rt.Article)
		return s.render(w, r, http.StatusUnprocessableEntity, templates.Routine(view))
	}
	a, ok := site.Library.Article(f.slug)
	if !ok {
		return errNotFound
	}
	view := templates.ArticleView{Page: s.page(r, site, "Error: "+a.Title, a.Summary), Article: a, Bookmark: rejected,
		ActionFirst: paths.Article(a.Slug) == paths.GetHelpNow,
		Related:     site.Library.RelatedTo(a), Routines: site.Library.RoutinesOfArticle(a.Slug)}
	return s.render(w, r, http.StatusUnprocessableEntity, templates.Article(view))
}

package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/internal/triage"
	"backwise/templates"
)

// Reports are read by editors, never shown to other readers, and not tied
// to a visitor (see migrations/00005_feedback.sql). These handlers read the
// form, check it and store it; the store's CHECK constraints back the
// limits up.

// feedbackItem is the article or routine a report is about, from the
// query string (the form page) or the form.
func (s *Server) feedbackItem(kind, slug string) (templates.FeedbackItem, error) {
	lib := s.sites.Site().Library
	item := templates.FeedbackItem{Kind: kind, Slug: slug, Href: paths.Item(kind, slug)}
	switch kind {
	case "article":
		if a, ok := lib.Article(slug); ok {
			item.Title = a.Title
			return item, nil
		}
	case "routine":
		if r, ok := lib.Routine(slug); ok {
			item.Title = r.Title
			return item, nil
		}
	}
	return item, errUnknownPage
}

var errUnknownPage = &httpError{
	Status:  http.StatusNotFound,
	Heading: "We could not find that page",
	Message: "The article or routine you wanted to report a problem with does not exist. It may have been removed or renamed.",
}

func (s *Server) feedbackPage(r *http.Request, title string) templates.Page {
	p := s.page(r, s.sites.Site(), title, "")
	p.NoIndex = true
	return p
}

// feedbackForm is the report form on a page of its own: where the form on
// an article leads in the static export, and where problems are shown.
func (s *Server) feedbackForm(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	item, err := s.feedbackItem(q.Get("kind"), q.Get("slug"))
	if err != nil {
		return err
	}
	v := templates.FeedbackView{Page: s.feedbackPage(r, "Report a problem: "+item.Title), Item: item}
	return s.render(w, r, http.StatusOK, templates.Feedback(v))
}

func (s *Server) feedbackSend(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	item, err := s.feedbackItem(values.Get("kind"), values.Get("slug"))
	if err != nil {
		return err
	}
	f := templates.FeedbackAnswers{
		Problem: values.Get("problem"),
		Message: strings.TrimSpace(values.Get("message")),
		Contact: strings.TrimSpace(values.Get("contact")),
	}
	if !utf8.ValidString(f.Message) || !utf8.ValidString(f.Contact) {
		return errBadForm
	}
	if errs := checkFeedback(f); len(errs) > 0 {
		v := templates.FeedbackView{Page: s.feedbackPage(r, "Error: Report a problem: "+item.Title), Item: item, Answers: f, Errors: errs}
		if wantsJSON(r) {
			writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"sent": false, "errors": errs})
			return nil
		}
		return s.render(w, r, http.StatusUnprocessableEntity, templates.Feedback(v))
	}
	// Limit after checking, so a reader fixing a mistake is not counted
	// twice; the site-wide limit bounds what a crowd of addresses can store.
	now := s.now()
	if ok, wait := s.feedbackLimit.allow(s.transport.clientAddr(r), now); !ok {
		return tooManyRequests(w, wait)
	}
	if ok, wait := s.feedbackTotal.allow("everyone", now); !ok {
		return tooManyRequests(w, wait)
	}
	if _, err := s.db.AddFeedback(r.Context(), store.Feedback{
		Kind: item.Kind, Slug: item.Slug, Problem: f.Problem, Message: f.Message, Contact: f.Contact,
		Region: s.regionFor(r, s.sites.Site()).ID,
	}); err != nil {
		return err
	}
	if wantsJSON(r) {
		writeJSON(w, http.StatusOK, map[string]any{"sent": true, "message": templates.FeedbackThanksText})
		return nil
	}
	http.Redirect(w, r, paths.FeedbackThanksFor(item.Kind, item.Slug), http.StatusSeeOther)
	return nil
}

func (s *Server) feedbackThanks(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	item, err := s.feedbackItem(q.Get("kind"), q.Get("slug"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, templates.FeedbackThanks(templates.FeedbackView{Page: s.feedbackPage(r, "Thank you for your report"), Item: item}))
}

// checkFeedback lists what is wrong with a report, in the order of the form.
func checkFeedback(f templates.FeedbackAnswers) []triage.FieldError {
	var errs []triage.FieldError
	known := false
	for _, p := range store.FeedbackProblems {
		known = known || p.Value == f.Problem
	}
	if !known {
		errs = append(errs, triage.FieldError{Field: "problem", Code: "required", Message: "Choose what kind of problem it is"})
	}
	switch n := utf8.RuneCountInString(f.Message); {
	case n == 0:
		errs = append(errs, triage.FieldError{Field: "message", Code: "required", Message: "Tell us what is wrong with the page"})
	case n > store.MaxFeedbackMessage:
		errs = append(errs, triage.FieldError{Field: "message", Code: "too_long", Message: "Keep your report to 2,000 characters or fewer (it has " + itoa(n) + ")"})
	}
	if n := utf8.RuneCountInString(f.Contact); n > store.MaxFeedbackContact {
		errs = append(errs, triage.FieldError{Field: "contact", Code: "too_long", Message: "Keep the contact details to 200 characters or fewer (they have " + itoa(n) + ")"})
	}
	return errs
}

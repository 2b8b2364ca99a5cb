package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/templates"
)

// httpError is an error with the status and words a visitor should see.
type httpError struct {
	Status  int
	Heading string
	Message string
}

func (e *httpError) Error() string { return e.Heading }

var errNotFound = &httpError{
	Status:  http.StatusNotFound,
	Heading: "Page not found",
	Message: "We could not find that page. It may have moved, or the address may be mistyped.",
}

var errMethodNotAllowed = &httpError{
	Status:  http.StatusMethodNotAllowed,
	Heading: "That action is not possible here",
	Message: "This page cannot be used that way. Go back and try again from the page itself.",
}

var errCrossOrigin = &httpError{
	Status:  http.StatusForbidden,
	Heading: "Request blocked",
	Message: "This form was sent from another website, so we did not accept it. Please use the form on Backwise itself.",
}

var errUnavailable = &httpError{
	Status:  http.StatusServiceUnavailable,
	Heading: "Saving is not possible just now",
	Message: "We cannot save anything at the moment. Nothing was saved, so please try again in a minute. Reading Backwise still works. If you need help urgently, do not wait: call {{emergency-number}} in an emergency, or {{urgent-help}}.",
}

var errInternal = &httpError{
	Status:  http.StatusInternalServerError,
	Heading: "Sorry, something went wrong",
	Message: "Something went wrong on our side. Please try again in a moment. If you need help urgently, do not wait for this page: call {{emergency-number}} in an emergency, or {{urgent-help}}.",
}

// handlerFunc is a handler that returns its error, so that one place,
// fail, turns errors into status pages and log lines.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// fail renders an error page: 4xx are the visitor's (logged at Warn), 5xx
// are ours (logged at Error with the cause).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		// The visitor left: nobody reads the answer, and the error's text
		// may quote what they sent (a search, a note), so it is not logged.
		s.log.DebugContext(r.Context(), "request cancelled", "request_id", requestID(r))
		return
	}
	switch {
	case errors.Is(err, store.ErrTooManyResults):
		err = errTooManyResults
	case errors.Is(err, store.ErrTooManyBookmarks):
		err = errTooManyBookmarks
	}
	if store.IsUnavailable(err) {
		s.log.ErrorContext(r.Context(), "database unavailable", "err", err, "request_id", requestID(r))
		w.Header().Set("Retry-After", "30")
		he = errUnavailable
	} else if !errors.As(err, &he) {
		s.log.ErrorContext(r.Context(), "request failed", "err", err, "request_id", requestID(r))
		he = errInternal
	} else if he.Status >= 500 {
		s.log.ErrorContext(r.Context(), "request failed", "status", he.Status, "request_id", requestID(r))
	} else {
		s.log.WarnContext(r.Context(), "request refused", "status", he.Status, "reason", he.Heading, "request_id", requestID(r))
	}
	if strings.HasPrefix(r.URL.Path, paths.API) {
		site := s.sites.Site()
		jsonError(w, he.Status, "", s.regionFor(r, site).Expand(he.Message, false))
		return
	}
	s.errorPage(w, r, he)
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, he *httpError) {
	site := s.sites.Site()
	view := templates.ErrorView{
		Page:    s.page(r, site, he.Heading, ""),
		Status:  he.Status,
		Heading: he.Heading,
		Message: he.Message,
	}
	view.NoIndex = true
	view.Canonical = ""
	if view.Region.Links != nil {
		// An error page has no copy in the other regions: offer their homes.
		view.Region.Links = regionCopies(site, paths.Home)
	}
	body, err := renderComponent(r.Context(), templates.Error(view))
	if err != nil {
		s.log.ErrorContext(r.Context(), "render error page", "err", err)
		http.Error(w, he.Heading, he.Status)
		return
	}
	sendStatus(w, r, he.Status, body)
}

// The caps on one visitor's rows (store.MaxAssessments, MaxBookmarks).
var (
	errTooManyResults = &httpError{
		Status:  http.StatusUnprocessableEntity,
		Heading: "You have kept the most results Backwise holds",
		Message: "Backwise keeps up to 200 results for one browser. Delete some you no longer need in Your kept results, then keep this one.",
	}
	errTooManyBookmarks = &httpError{
		Status:  http.StatusUnprocessableEntity,
		Heading: "You have saved the most pages Backwise holds",
		Message: "Backwise keeps up to 500 saved articles and routines for one browser. Remove some in My Backwise, then save this one.",
	}
)

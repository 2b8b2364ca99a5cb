package web

import (
	"context"
	"errors"
	"net/http"

	"backwise/internal/store"
)

// visitorCookie holds the random token that identifies a visitor who has
// kept something. It is HttpOnly (no script can read it) and SameSite=Lax.
const visitorCookie = "bw_visitor"

// visitorMaxAge keeps the cookie for a year after the last save.
const visitorMaxAge = 365 * 24 * 60 * 60

// Store is what the handlers need from the database.
type Store interface {
	Ping(ctx context.Context) error
	VisitorByToken(ctx context.Context, token string) (store.Visitor, error)
	CreateVisitorWithAssessment(ctx context.Context, token string, a store.Assessment) (store.Visitor, string, error)
	SaveAssessment(ctx context.Context, v store.Visitor, a store.Assessment) (string, error)
	Assessment(ctx context.Context, v store.Visitor, publicID string) (store.Assessment, error)
	Assessments(ctx context.Context, v store.Visitor) ([]store.Assessment, error)
	DeleteAssessment(ctx context.Context, v store.Visitor, publicID string) error
}

// currentVisitor returns the visitor whose cookie came with the request;
// ok is false for a first-time reader or an unknown or malformed cookie.
func (s *Server) currentVisitor(r *http.Request) (store.Visitor, bool, error) {
	c, err := r.Cookie(visitorCookie)
	if err != nil || !store.ValidToken(c.Value) {
		return store.Visitor{}, false, nil
	}
	v, err := s.db.VisitorByToken(r.Context(), c.Value)
	if errors.Is(err, store.ErrNotFound) {
		return store.Visitor{}, false, nil
	}
	if err != nil {
		return store.Visitor{}, false, err
	}
	return v, true, nil
}

func setVisitorCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{
		Name:     visitorCookie,
		Value:    token,
		Path:     "/",
		MaxAge:   visitorMaxAge,
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteLaxMode,
	})
}

// saveAssessment keeps a result for the request's visitor, creating the
// visitor (and their cookie) with it on a first save.
func (s *Server) saveAssessment(w http.ResponseWriter, r *http.Request, a store.Assessment) (string, error) {
	v, ok, err := s.currentVisitor(r)
	if err != nil {
		return "", err
	}
	if ok {
		return s.db.SaveAssessment(r.Context(), v, a)
	}
	token := store.NewToken()
	_, id, err := s.db.CreateVisitorWithAssessment(r.Context(), token, a)
	if err != nil {
		return "", err
	}
	setVisitorCookie(w, r, token)
	return id, nil
}

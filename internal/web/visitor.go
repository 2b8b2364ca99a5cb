package web

import (
	"context"
	"errors"
	"net/http"
	"time"

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
	CheckWritable(ctx context.Context) error
	VisitorByToken(ctx context.Context, token string) (store.Visitor, error)
	SaveAssessment(ctx context.Context, who store.Who, a store.Assessment) (store.Visitor, string, error)
	Assessment(ctx context.Context, v store.Visitor, publicID string) (store.Assessment, error)
	Assessments(ctx context.Context, v store.Visitor) ([]store.Assessment, error)
	AssessmentSummaries(ctx context.Context, v store.Visitor, limit, offset int) ([]store.AssessmentSummary, int, error)
	LatestAssessment(ctx context.Context, v store.Visitor) (store.Assessment, bool, error)
	DeleteAssessment(ctx context.Context, v store.Visitor, publicID string) error
	AddBookmark(ctx context.Context, who store.Who, kind, slug string) (store.Visitor, error)
	RemoveBookmark(ctx context.Context, v store.Visitor, kind, slug string) error
	SetBookmarkNote(ctx context.Context, v store.Visitor, kind, slug, note string) error
	Bookmarks(ctx context.Context, v store.Visitor) ([]store.Bookmark, error)
	Bookmarked(ctx context.Context, v store.Visitor, kind, slug string) (store.Bookmark, error)
	Export(ctx context.Context, v store.Visitor) (store.Export, error)
	DeleteVisitor(ctx context.Context, v store.Visitor) error
	NewRestoreCode(ctx context.Context, v store.Visitor, now time.Time) (string, time.Time, error)
	Restore(ctx context.Context, code, newToken string, current *store.Visitor, now time.Time) (store.Visitor, error)
	Secret(ctx context.Context, name string, size int) ([]byte, error)
	AddFeedback(ctx context.Context, f store.Feedback) (int64, error)

	// My back plan.
	Plan(ctx context.Context, v store.Visitor) (store.Plan, error)
	SavePlan(ctx context.Context, who store.Who, g store.PlanGoal, items []string) (store.Visitor, error)
	AddPlanItems(ctx context.Context, who store.Who, slugs []string, goal store.PlanGoal) (store.Visitor, error)
	RemovePlanItem(ctx context.Context, v store.Visitor, slug string) error
	MarkDone(ctx context.Context, who store.Who, slug string, day time.Time) (store.Visitor, error)
	UnmarkDone(ctx context.Context, v store.Visitor, slug string, day time.Time) error
	DoneOn(ctx context.Context, v store.Visitor, slug string, day time.Time) (bool, error)
	DoneMarks(ctx context.Context, v store.Visitor, since time.Time) ([]store.DoneMark, error)
	AddCheckIn(ctx context.Context, who store.Who, c store.CheckIn, now time.Time) (store.Visitor, error)
	CheckIns(ctx context.Context, v store.Visitor) ([]store.CheckIn, error)
	SaveFlareCard(ctx context.Context, who store.Who, f store.FlareCard) (store.Visitor, error)
	FlareCardOf(ctx context.Context, v store.Visitor) (store.FlareCard, bool, error)

	Health() (store.Health, error)
}

// currentVisitor returns the visitor whose cookie came with the request;
// ok is false for a first-time reader or an unknown or malformed cookie.
func (s *Server) currentVisitor(r *http.Request) (store.Visitor, bool, error) {
	c, err := s.transport.cookie(r, visitorCookie, true)
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

// who is the visitor a write is for: the request's visitor, or a new one
// that the store creates in the same transaction as the write.
func (s *Server) who(r *http.Request) (store.Who, error) {
	v, ok, err := s.currentVisitor(r)
	if err != nil {
		return store.Who{}, err
	}
	if ok {
		return store.Who{Visitor: v}, nil
	}
	return store.Who{NewToken: store.NewToken()}, nil
}

// remember gives a newly created visitor their cookie, and renews an
// existing visitor's, so it lasts a year from the last save, not the first.
func (s *Server) remember(w http.ResponseWriter, r *http.Request, who store.Who) {
	token := who.NewToken
	if token == "" {
		if c, err := s.transport.cookie(r, visitorCookie, true); err == nil && store.ValidToken(c.Value) {
			token = c.Value
		}
	}
	if token != "" {
		s.setVisitorCookie(w, r, token)
	}
}

func (s *Server) setVisitorCookie(w http.ResponseWriter, r *http.Request, token string) {
	s.transport.setCookie(w, r, &http.Cookie{
		Name:     visitorCookie,
		Value:    token,
		Path:     "/",
		MaxAge:   visitorMaxAge,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) clearVisitorCookie(w http.ResponseWriter, r *http.Request) {
	s.transport.setCookie(w, r, &http.Cookie{Name: visitorCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// saveAssessment keeps a result for the request's visitor, creating the
// visitor (and their cookie) with it on a first save.
func (s *Server) saveAssessment(w http.ResponseWriter, r *http.Request, who store.Who, a store.Assessment) (string, error) {
	_, id, err := s.db.SaveAssessment(r.Context(), who, a)
	if err != nil {
		return "", err
	}
	s.remember(w, r, who)
	return id, nil
}

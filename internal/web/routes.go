package web

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"backwise/internal/paths"
	"backwise/internal/store"
)

// requestTimeout bounds a handler's work; the http.Server's own timeouts
// bound the connection.
const requestTimeout = 20 * time.Second

// routes is the site's one route table.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(
		middleware.RequestID,
		s.accessLog,
		s.recoverPanics,
		s.securityHeaders,
		s.crossOriginProtection,
		middleware.GetHead,
		middleware.Timeout(requestTimeout),
	)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, errNotFound) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, errMethodNotAllowed) })

	// Reading
	r.Get(paths.Home, s.handle(s.home))
	r.Get(paths.Articles, s.handle(s.articleList))
	r.Get(paths.Articles+"/{slug}", s.handle(s.articleShow))
	r.Get("/topics/{category}", s.handle(s.topicShow))
	r.Get(paths.About, s.handle(s.about))
	r.Get(paths.EvidenceKey, s.handle(s.evidenceKey))
	r.Get("/tags/{tag}", s.handle(s.tagShow))
	r.Get(paths.Search, s.handle(s.searchPage))
	r.Get(paths.Sitemap, s.handle(s.sitemap))
	r.Get(paths.Robots, s.handle(s.robots))
	r.Get(paths.Feed, s.handle(s.feed))

	// Check: the questionnaire (answers stay in an encrypted cookie until kept)
	r.Get(paths.Check, s.handle(s.checkStart))
	r.Post(paths.CheckStart, s.handle(s.checkBegin))
	r.Get("/check/q/{page}", s.handle(s.checkPage))
	r.Post("/check/q/{page}", s.handle(s.checkPageSubmit))
	r.Get(paths.CheckAnswers, s.handle(s.checkAnswers))
	r.Post(paths.CheckAnswers, s.handle(s.checkAnswersSubmit))
	r.Get(paths.CheckNow, s.handle(s.checkNow))
	r.Post(paths.CheckKeep, s.handle(s.checkKeep))
	r.Get(paths.CheckRules, s.handle(s.checkRules))
	r.Post(paths.Region, s.handle(s.chooseRegion))
	r.Get(paths.Feedback, s.handle(s.feedbackForm))
	r.Post(paths.Feedback, s.handle(s.feedbackSend))
	r.Get(paths.FeedbackThanks, s.handle(s.feedbackThanks))
	r.Get(paths.CheckHistory, s.handle(s.checkHistory))
	r.Get(paths.CheckResults+"{id}", s.handle(s.checkResultShow))
	r.Post(paths.CheckResults+"{id}/delete", s.handle(s.checkResultDelete))

	// Keep: routines, bookmarks and My Backwise
	r.Get(paths.Routines, s.handle(s.routineList))
	r.Get(paths.Routines+"/{slug}", s.handle(s.routineShow))
	r.Post(paths.Bookmarks, s.handle(s.bookmarkToggle))
	r.Post(paths.BookmarkNote, s.handle(s.bookmarkNote))
	r.Get(paths.Me, s.handle(s.me))
	r.Get(paths.MeExport, s.handle(s.meExport))
	r.Get(paths.MeDelete, s.handle(s.meDeleteConfirm))
	r.Post(paths.MeDelete, s.handle(s.meDelete))
	r.Post(paths.MeRestoreCode, s.handle(s.meRestoreCode))
	r.Get(paths.MeRestore, s.handle(s.meRestoreForm))
	r.Post(paths.MeRestore, s.handle(s.meRestore))
	r.Get(paths.MePlan, s.handle(s.planPage))
	r.Post(paths.MePlan, s.handle(s.planSave))
	r.Post(paths.MePlanAdd, s.handle(s.planAdd))
	r.Post(paths.MePlanRemove, s.handle(s.planRemove))
	r.Post(paths.MePlanDone, s.handle(s.planDone))
	r.Get(paths.MePlanCheckIn, s.handle(s.checkInForm))
	r.Post(paths.MePlanCheckIn, s.handle(s.checkInSave))
	r.Get(paths.MePlanFlare, s.handle(s.flarePage))
	r.Post(paths.MePlanFlare, s.handle(s.flareSave))
	r.Get(paths.MePlanSummary, s.handle(s.planSummary))
	r.Get(paths.MePlanCalendar, s.handle(s.planCalendar))

	// JSON API
	r.Post(paths.APIAssessments, s.handle(s.apiAssess))
	r.Get(paths.APIAssessments+"/{id}", s.handle(s.apiAssessment))
	r.Get(paths.APIRules, s.handle(s.apiRules))
	r.Get(paths.APIQuestions, s.handle(s.apiQuestions))

	// Files and operations
	r.Get(staticPrefix+"*", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return s.sites.Site().assets.serve(w, r)
	}))
	r.Get(paths.Healthz, s.healthz)
	return r
}

// crossOriginProtection rejects form posts sent from other sites (CSRF),
// using the browser's Sec-Fetch-Site and Origin headers.
func (s *Server) crossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errCrossOrigin)
	}))
	return cop.Handler(next)
}

// healthz answers 200 "ok" when the database takes reads and writes and
// content is loaded; load balancers and scripts rely on this behaviour.
// Otherwise 503 with one line saying what is wrong.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// Cheap checks every time: the latest save's outcome and the free
	// space (a probe write rolls back before anything reaches the disk, so
	// it said "ok" with the disk full while saves failed).
	problem := ""
	h, err := s.db.Health()
	switch {
	case err != nil:
		problem = "cannot read the disk's free space"
	case h.LastCommitError != "":
		// Not the error's own text: /healthz is public, and the failed
		// save's request already logged it.
		problem = "database not writable: the last save failed"
	case h.FreeBytes < store.MinFreeBytes:
		problem = "disk nearly full: " + strconv.FormatUint(h.FreeBytes>>20, 10) + " MB free"
	}
	if problem == "" {
		problem = s.health.check(s.now(), func() string {
			switch {
			case s.sites.Site() == nil:
				return "content not loaded"
			case s.db.Ping(r.Context()) != nil:
				return "database not readable"
			case s.db.CheckWritable(r.Context()) != nil:
				return "database not writable"
			}
			return ""
		})
	}
	if problem != "" {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusServiceUnavailable)
		if r.Method != http.MethodHead {
			w.Write([]byte("unavailable: " + problem + "\n"))
		}
		return
	}
	if r.Method != http.MethodHead {
		w.Write([]byte("ok\n"))
	}
}

// healthEvery is how long a health check's answer is reused. The check
// takes the database's one write lock, so a flood of /healthz requests
// must not run it each time and slow every save.
const healthEvery = 5 * time.Second

// healthCache keeps a healthy answer for healthEvery.
type healthCache struct {
	mu      sync.Mutex
	at      time.Time
	problem string
}

// check returns the cached "ok", or runs probe when the last one is older
// than healthEvery or found a problem (one caller at a time; the others
// wait for its answer). A problem is not reused, so recovery shows at once.
func (h *healthCache) check(now time.Time, probe func() string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.at.IsZero() || h.problem != "" || now.Sub(h.at) >= healthEvery || now.Before(h.at) {
		h.problem, h.at = probe(), now
	}
	return h.problem
}

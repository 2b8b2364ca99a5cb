package web

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"slices"

	"github.com/go-chi/chi/v5"

	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/internal/triage"
	"backwise/templates"
)

// The questionnaire is a set of GET pages, one per topic, with follow-ups
// only when an earlier answer makes them matter. Every POST answers 303 to
// a GET page (post/redirect/get), so Back, refresh and swipe never ask to
// resubmit a form. Answers in progress travel in an encrypted cookie (see
// session.go); the database is written only when the visitor keeps the
// result.

const maxFormBody = 64 << 10

var errBadForm = &httpError{
	Status:  http.StatusBadRequest,
	Heading: "We could not read your answers",
	Message: "Something was wrong with the form that was sent. Please start the questions again.",
}

var errFormTooLarge = &httpError{
	Status:  http.StatusRequestEntityTooLarge,
	Heading: "Too much was sent",
	Message: "The form sent more than we accept. Please start the questions again.",
}

var errNoCheckCookie = &httpError{
	Status:  http.StatusBadRequest,
	Heading: "Your answers were not kept between pages",
	Message: "The questions keep your answers in a cookie on this browser until you finish, and your browser did not send it back. " +
		"Allow cookies for this site, or leave private browsing, then start the questions again. Nothing you answered was stored.",
}

func (s *Server) checkStart(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	v := templates.CheckStartView{Page: s.page(r, site, "Should I see a therapist?",
		"Questions that tell you whether to call {{emergency-number}}, get help today, see a {{gp}} or physiotherapist, see a massage therapist alongside exercise, or look after your back at home.")}
	if _, answers, _ := s.loadCheck(r); answers.Answered(triage.KeyAge) || len(answers.Values(triage.KeyLocation)) > 0 {
		if p, ok := triage.NextPage(answers); ok {
			v.ContinueHref = paths.CheckPage(p.ID, false)
		} else {
			v.ContinueHref = paths.CheckAnswers
		}
	}
	visitor, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if ok {
		_, has, err := s.db.LatestAssessment(r.Context(), visitor)
		if err != nil {
			return err
		}
		v.HasHistory = has
	}
	return s.render(w, r, http.StatusOK, templates.CheckStart(v))
}

// checkBegin forgets any answers in progress and opens the first page.
func (s *Server) checkBegin(w http.ResponseWriter, r *http.Request) error {
	if err := s.saveCheck(w, r, triage.Answers{}, nil); err != nil {
		return err
	}
	http.Redirect(w, r, paths.CheckPage(triage.PageEmergency, false), http.StatusSeeOther)
	return nil
}

// checkPage shows one page, refilled with the visitor's answers, or with
// their rejected input and its errors after a failed submit.
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) error {
	page, ok := triage.PageByID(chi.URLParam(r, "page"))
	if !ok {
		return errNotFound
	}
	sess, answers, present := s.loadCheck(r)
	if !present && page.ID != triage.PageEmergency {
		return errNoCheckCookie
	}
	change := r.URL.Query().Get("change") == "1"
	// A page is shown only once the pages before it are answered, and a
	// follow-up only while it is asked.
	if to, redirect := s.pageRedirect(page, answers, change); redirect {
		http.Redirect(w, r, to, http.StatusSeeOther)
		return nil
	}
	site := s.sites.Site()
	n, total, _ := triage.Progress(answers, page.ID)
	v := templates.CheckPageView{
		QPage: page, Values: answers.FormValues(), Change: change,
		Number: n, Total: total, BackHref: backHref(page, answers, change),
		Action: paths.CheckPage(page.ID, change),
	}
	status := http.StatusOK
	if f := sess.Flash; f != nil && f.Page == page.ID {
		v.Errors = f.Errors
		if f.Values != nil {
			v.Values = f.Values
		}
		status = http.StatusUnprocessableEntity
		// Shown once: a refresh shows the page as it was answered.
		if err := s.saveCheck(w, r, answers, nil); err != nil {
			return err
		}
	}
	title := page.Title
	if len(v.Errors) > 0 {
		title = "Error: " + title
	}
	v.Page = s.page(r, site, title, "")
	v.NoIndex = true
	if page.ID == triage.PageAbout {
		v.BackMap, _ = site.Library.Figure("back-map")
	}
	return s.render(w, r, status, templates.CheckPage(v))
}

// pageRedirect sends a visitor who skipped ahead to the first unanswered
// page, and one on a follow-up that is no longer asked onwards.
func (s *Server) pageRedirect(page triage.Page, a triage.Answers, change bool) (string, bool) {
	asked := triage.AskedPages(a)
	i := slices.IndexFunc(asked, func(p triage.Page) bool { return p.ID == page.ID })
	if i < 0 {
		return nextHref(a, change), true
	}
	for _, p := range asked[:i] {
		if !triage.PageComplete(p, a) {
			return paths.CheckPage(p.ID, false), true
		}
	}
	return "", false
}

// nextHref is where to go when nothing more is needed on this page: the
// first page with unanswered questions, else "check your answers".
func nextHref(a triage.Answers, change bool) string {
	if p, ok := triage.NextPage(a); ok {
		return paths.CheckPage(p.ID, change)
	}
	return paths.CheckAnswers
}

// backHref is the page before this one, so Back works without JavaScript
// and without the browser's history.
func backHref(page triage.Page, a triage.Answers, change bool) string {
	if change {
		return paths.CheckAnswers
	}
	asked := triage.AskedPages(a)
	i := slices.IndexFunc(asked, func(p triage.Page) bool { return p.ID == page.ID })
	if i <= 0 {
		return paths.Check
	}
	return paths.CheckPage(asked[i-1].ID, false)
}

// checkPageSubmit records one page and moves on.
func (s *Server) checkPageSubmit(w http.ResponseWriter, r *http.Request) error {
	page, ok := triage.PageByID(chi.URLParam(r, "page"))
	if !ok {
		return errNotFound
	}
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	_, answers, present := s.loadCheck(r)
	if !present && page.ID != triage.PageEmergency {
		return errNoCheckCookie
	}
	change := r.URL.Query().Get("change") == "1"
	got, errs := triage.FromValuesPage(page.ID, values)
	if len(errs) > 0 {
		flash := &checkFlash{Page: page.ID, Values: ownValues(page, values), Errors: errs}
		if err := s.saveCheck(w, r, answers, flash); err != nil {
			return err
		}
		http.Redirect(w, r, paths.CheckPage(page.ID, change), http.StatusSeeOther)
		return nil
	}
	answers = answers.Merge(got).Prune()
	if err := s.saveCheck(w, r, answers, nil); err != nil {
		return err
	}
	// An emergency sign ends the questions at once: nothing else could
	// change the advice, and every minute counts.
	if _, stop := triage.EvaluateSoFar(answers); stop {
		http.Redirect(w, r, paths.CheckNow, http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, afterPage(page, answers, change), http.StatusSeeOther)
	return nil
}

// afterPage is the page after page: in order when going forward (even if
// already answered, so Back then Continue walks the pages), and straight
// back to the summary after a change unless the change opened a follow-up.
func afterPage(page triage.Page, a triage.Answers, change bool) string {
	if change {
		return nextHref(a, true)
	}
	asked := triage.AskedPages(a)
	i := slices.IndexFunc(asked, func(p triage.Page) bool { return p.ID == page.ID })
	if i >= 0 && i+1 < len(asked) {
		return paths.CheckPage(asked[i+1].ID, false)
	}
	return nextHref(a, false)
}

// ownValues keeps only the page's own fields of a rejected form, trimmed,
// to show them again; anything else posted is dropped.
func ownValues(page triage.Page, values url.Values) map[string][]string {
	out := map[string][]string{}
	keep := func(name string) {
		for i, v := range values[name] {
			if i >= 20 {
				break
			}
			if len(v) > 100 {
				v = v[:100]
			}
			out[name] = append(out[name], v)
		}
	}
	if page.IsChecklist() {
		keep(page.Checklist.Field)
	}
	for _, q := range page.Questions {
		keep(q.Key)
	}
	return out
}

// checkAnswers is "check your answers", with a Change link per answer.
func (s *Server) checkAnswers(w http.ResponseWriter, r *http.Request) error {
	_, answers, present := s.loadCheck(r)
	if !present {
		http.Redirect(w, r, paths.Check, http.StatusSeeOther)
		return nil
	}
	if p, ok := triage.NextPage(answers); ok {
		http.Redirect(w, r, paths.CheckPage(p.ID, false), http.StatusSeeOther)
		return nil
	}
	site := s.sites.Site()
	v := templates.CheckReviewView{Page: s.page(r, site, "Check your answers", ""), Rows: answerRows(answers, true)}
	v.NoIndex = true
	return s.render(w, r, http.StatusOK, templates.CheckReview(v))
}

// checkAnswersSubmit shows the advice, keeping it first if asked.
func (s *Server) checkAnswersSubmit(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	if values.Get("save") == "yes" {
		return s.checkKeep(w, r)
	}
	http.Redirect(w, r, paths.CheckNow, http.StatusSeeOther)
	return nil
}

// checkNow shows the advice for the answers in progress.
func (s *Server) checkNow(w http.ResponseWriter, r *http.Request) error {
	_, answers, present := s.loadCheck(r)
	if !present {
		http.Redirect(w, r, paths.Check, http.StatusSeeOther)
		return nil
	}
	site := s.sites.Site()
	if res, stop := triage.EvaluateSoFar(answers); stop {
		_, more := triage.NextPage(answers)
		return s.renderResult(w, r, resultPage{result: res, answers: answers, endedEarly: more})
	}
	if p, ok := triage.NextPage(answers); ok {
		http.Redirect(w, r, paths.CheckPage(p.ID, false), http.StatusSeeOther)
		return nil
	}
	return s.renderResult(w, r, resultPage{result: triage.Evaluate(answers, site.routines), answers: answers})
}

// checkKeep stores the advice in progress for the visitor.
func (s *Server) checkKeep(w http.ResponseWriter, r *http.Request) error {
	_, answers, present := s.loadCheck(r)
	if !present {
		return errNoCheckCookie
	}
	if _, ok := triage.NextPage(answers); ok {
		if _, stop := triage.EvaluateSoFar(answers); !stop {
			http.Redirect(w, r, nextHref(answers, false), http.StatusSeeOther)
			return nil
		}
	}
	res := triage.Evaluate(answers, s.sites.Site().routines)
	id, err := s.keep(w, r, answers, res)
	if err != nil {
		return err
	}
	http.Redirect(w, r, paths.CheckResult(id)+"?kept=1", http.StatusSeeOther)
	return nil
}

// keep stores a result with its answers in the API's JSON form.
func (s *Server) keep(w http.ResponseWriter, r *http.Request, answers triage.Answers, res triage.Result) (string, error) {
	who, err := s.writer(w, r)
	if err != nil {
		return "", err
	}
	raw, err := json.Marshal(answers)
	if err != nil {
		return "", err
	}
	intensity := 0
	if answers.Intensity != nil {
		intensity = *answers.Intensity
	}
	return s.saveAssessment(w, r, who, store.Assessment{Answers: raw, Outcome: string(res.Outcome), Intensity: intensity, RulesVersion: res.RulesVersion})
}

var errNotAForm = &httpError{
	Status:  http.StatusUnsupportedMediaType,
	Heading: "We could not read your answers",
	Message: "The answers were not sent as a web form. Please use the questions on this site.",
}

// parseForm reads a urlencoded body of bounded size; browsers send forms
// that way, and anything else is not one of our forms.
func parseForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/x-www-form-urlencoded" {
			return nil, errNotAForm
		}
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errFormTooLarge
		}
		return nil, errBadForm
	}
	return r.PostForm, nil
}

// answerRows lists answers page by page, compactly: a checklist is one row
// of the items ticked (or "None of these").
func answerRows(a triage.Answers, withChange bool) []templates.AnswerRow {
	var rows []templates.AnswerRow
	for _, p := range triage.AskedPages(a) {
		if p.IsChecklist() {
			row := templates.AnswerRow{ID: "answer-" + p.ID, Label: p.Title}
			for _, q := range p.Questions {
				if a.Yes(q.Key) {
					row.Values = append(row.Values, q.Label)
				}
			}
			if len(row.Values) == 0 && triage.PageComplete(p, a) {
				row.Values = []string{p.Checklist.NoneLabel}
			} else {
				row.Yes = len(row.Values) > 0
			}
			if withChange {
				row.ChangeHref = paths.CheckPage(p.ID, true)
			}
			rows = append(rows, row)
			continue
		}
		for _, q := range p.Questions {
			if !a.Answered(q.Key) {
				continue
			}
			row := templates.AnswerRow{ID: "answer-" + q.Key, Label: q.SummaryLabel(), Values: []string{q.Display(a)}}
			row.Yes = q.Kind == triage.KindYesNo && !q.Reassuring && a.Yes(q.Key)
			if withChange {
				row.ChangeHref = paths.CheckPage(p.ID, true)
			}
			rows = append(rows, row)
		}
	}
	return rows
}

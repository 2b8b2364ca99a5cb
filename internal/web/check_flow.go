package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/internal/triage"
	"backwise/templates"
)

// The questionnaire keeps nothing between steps: every answer so far
// travels in the form, and the database is written only when the visitor
// asks to keep the result. One POST endpoint reads the current step and
// which button was pressed (nav).

const (
	reviewStep  = triage.NumSteps + 1 // the "check your answers" page
	maxFormBody = 64 << 10
)

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

func (s *Server) checkStart(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	v := templates.CheckStartView{Page: s.page(r, site, "Should I see a therapist?", "Answer a few questions to see whether to get help now, see a doctor, see a therapist or look after yourself at home.")}
	if visitor, ok, err := s.currentVisitor(r); err != nil {
		return err
	} else if ok {
		list, err := s.db.Assessments(r.Context(), visitor)
		if err != nil {
			return err
		}
		v.HasHistory = len(list) > 0
	}
	return s.render(w, r, http.StatusOK, templates.CheckStart(v))
}

func (s *Server) checkSubmit(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	step, err := strconv.Atoi(values.Get("step"))
	if err != nil || step < 0 || step > reviewStep {
		return errBadForm
	}
	nav := values.Get("nav")
	switch {
	case nav == "back":
		if step <= 1 {
			http.Redirect(w, r, paths.Check, http.StatusSeeOther)
			return nil
		}
		return s.renderStep(w, r, http.StatusOK, step-1, values, nil, false)
	case nav == "review":
		return s.review(w, r, values)
	case strings.HasPrefix(nav, "edit-"):
		n, err := strconv.Atoi(strings.TrimPrefix(nav, "edit-"))
		if err != nil || n < 1 || n > triage.NumSteps {
			return errBadForm
		}
		return s.renderStep(w, r, http.StatusOK, n, values, nil, true)
	case nav == "next":
		return s.nextStep(w, r, step, values)
	case nav == "result":
		return s.result(w, r, values)
	}
	return errBadForm
}

// nextStep validates the step just answered and moves on.
func (s *Server) nextStep(w http.ResponseWriter, r *http.Request, step int, values url.Values) error {
	if step == 0 {
		return s.renderStep(w, r, http.StatusOK, 1, values, nil, false)
	}
	if step > triage.NumSteps {
		return errBadForm
	}
	answers, errs := triage.FromValuesStep(step, values)
	review := values.Get("review") == "1"
	if len(errs) > 0 {
		return s.renderStep(w, r, http.StatusUnprocessableEntity, step, values, errs, review)
	}
	if step == 1 {
		// An emergency sign ends the questions at once: nothing else
		// could change the advice, and every minute counts.
		if res, stop := triage.EvaluateEmergencyStep(answers); stop {
			return s.renderResult(w, r, resultPage{result: res, answers: answers, values: values, endedEarly: true})
		}
	}
	if review || step == triage.NumSteps {
		return s.review(w, r, values)
	}
	return s.renderStep(w, r, http.StatusOK, step+1, values, nil, false)
}

// review shows "check your answers", or the first step with a problem if
// the carried answers are incomplete or were tampered with.
func (s *Server) review(w http.ResponseWriter, r *http.Request, values url.Values) error {
	answers, errs := triage.FromValues(values)
	if len(errs) > 0 {
		return s.firstStepWithErrors(w, r, values, errs)
	}
	site := s.sites.Site()
	v := templates.CheckReviewView{
		Page:    s.page(r, site, "Check your answers", ""),
		Steps:   triage.Steps(),
		Answers: answers,
		Values:  values,
	}
	v.NoIndex = true
	return s.render(w, r, http.StatusOK, templates.CheckReview(v))
}

// result evaluates complete answers, and keeps them only when asked.
func (s *Server) result(w http.ResponseWriter, r *http.Request, values url.Values) error {
	answers, errs := triage.FromValues(values)
	if len(errs) > 0 {
		return s.firstStepWithErrors(w, r, values, errs)
	}
	res := triage.Evaluate(answers)
	if values.Get("save") != "yes" {
		return s.renderResult(w, r, resultPage{result: res, answers: answers, values: values})
	}
	id, err := s.keep(w, r, answers, res)
	if err != nil {
		return err
	}
	http.Redirect(w, r, paths.CheckResult(id)+"?kept=1", http.StatusSeeOther)
	return nil
}

// keep stores a result with its answers in the API's JSON form.
func (s *Server) keep(w http.ResponseWriter, r *http.Request, answers triage.Answers, res triage.Result) (string, error) {
	if err := s.rateLimitWrite(w, r); err != nil {
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
	return s.saveAssessment(w, r, store.Assessment{Answers: raw, Outcome: string(res.Outcome), Intensity: intensity, RulesVersion: res.RulesVersion})
}

func (s *Server) firstStepWithErrors(w http.ResponseWriter, r *http.Request, values url.Values, errs []triage.FieldError) error {
	step := triage.NumSteps
	for _, e := range errs {
		if n := stepOfField(e.Field); n > 0 && n < step {
			step = n
		}
	}
	var own []triage.FieldError
	for _, e := range errs {
		if stepOfField(e.Field) == step {
			own = append(own, e)
		}
	}
	if len(own) == 0 {
		return errBadForm
	}
	return s.renderStep(w, r, http.StatusUnprocessableEntity, step, values, own, false)
}

func stepOfField(field string) int {
	if field == triage.ChecklistField {
		return 1
	}
	if q, ok := triage.QuestionByKey(field); ok {
		return q.Step
	}
	return 0
}

func (s *Server) renderStep(w http.ResponseWriter, r *http.Request, status, n int, values url.Values, errs []triage.FieldError, review bool) error {
	step, ok := triage.StepByNumber(n)
	if !ok {
		return errBadForm
	}
	site := s.sites.Site()
	title := "Step " + strconv.Itoa(n) + " of " + strconv.Itoa(triage.NumSteps) + ": " + step.Title
	if len(errs) > 0 {
		title = "Error: " + title
	}
	v := templates.CheckStepView{Page: s.page(r, site, title, ""), Step: step, Values: values, Errors: errs, Review: review}
	v.NoIndex = true
	v.BackMap, _ = site.Library.Figure("back-map")
	return s.render(w, r, status, templates.CheckStep(v))
}

// parseForm reads a urlencoded body of bounded size.
func parseForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
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

package web

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strings"
	"time"

	"backwise/internal/paths"
	"backwise/internal/triage"
)

// The JSON API answers the same questions as the form with the same
// engine, so the two can never disagree.

type apiError struct {
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

type apiErrors struct {
	Errors []apiError `json:"errors"`
}

type apiSource struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Year      int    `json:"year"`
	URL       string `json:"url"`
}

type apiReason struct {
	Key    string    `json:"key"`
	Text   string    `json:"text"`
	Source apiSource `json:"source"`
	RuleID string    `json:"rule_id"`
}

type apiCaution struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

type apiResult struct {
	ID           string          `json:"id,omitempty"`
	CreatedAt    *time.Time      `json:"created_at,omitempty"`
	Outcome      triage.Outcome  `json:"outcome"`
	Title        string          `json:"title"`
	Action       string          `json:"action"`
	Reasons      []apiReason     `json:"reasons"`
	Cautions     []apiCaution    `json:"cautions"`
	SafetyNet    []string        `json:"safety_net"`
	Articles     []string        `json:"articles"`
	Routines     []string        `json:"routines"`
	RulesVersion string          `json:"rules_version"`
	Answers      *triage.Answers `json:"answers,omitempty"`
}

func toAPIResult(res triage.Result) apiResult {
	out := apiResult{
		Outcome: res.Outcome, Title: res.Outcome.Title(), Action: res.Outcome.Action(),
		Reasons: []apiReason{}, Cautions: []apiCaution{},
		SafetyNet: res.SafetyNet, Articles: res.Articles, Routines: res.Routines, RulesVersion: res.RulesVersion,
	}
	for _, r := range res.Reasons {
		out.Reasons = append(out.Reasons, apiReason{Key: r.Key, Text: r.Text, RuleID: r.RuleID,
			Source: apiSource{Title: r.Source.Title, Publisher: r.Source.Publisher, Year: r.Source.Year, URL: r.Source.URL}})
	}
	for _, c := range res.Cautions {
		out.Cautions = append(out.Cautions, apiCaution{Key: c.Key, Text: c.Text})
	}
	if out.Articles == nil {
		out.Articles = []string{}
	}
	if out.Routines == nil {
		out.Routines = []string{}
	}
	return out
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func jsonError(w http.ResponseWriter, status int, field, message string) {
	writeJSON(w, status, apiErrors{Errors: []apiError{{Field: field, Message: message}}})
}

func (s *Server) apiAssess(w http.ResponseWriter, r *http.Request) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			jsonError(w, http.StatusUnsupportedMediaType, "", "Send the request as application/json.")
			return nil
		}
	}
	if r.ContentLength > triage.MaxRequestBytes {
		jsonError(w, http.StatusRequestEntityTooLarge, "", "The request body is larger than 64 KiB.")
		return nil
	}
	req, fieldErrs, err := triage.DecodeRequest(http.MaxBytesReader(w, r.Body, triage.MaxRequestBytes))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		jsonError(w, http.StatusRequestEntityTooLarge, "", "The request body is larger than 64 KiB.")
		return nil
	case err != nil:
		jsonError(w, http.StatusBadRequest, "", "The request body is not valid JSON: "+strings.TrimPrefix(err.Error(), "triage: "))
		return nil
	case len(fieldErrs) > 0:
		out := apiErrors{}
		for _, e := range fieldErrs {
			out.Errors = append(out.Errors, apiError{Field: e.Field, Message: e.Message})
		}
		writeJSON(w, http.StatusUnprocessableEntity, out)
		return nil
	}
	res := triage.Evaluate(req.Answers)
	out := toAPIResult(res)
	if !req.Save {
		writeJSON(w, http.StatusOK, out)
		return nil
	}
	id, err := s.keep(w, r, req.Answers, res)
	if err != nil {
		return err
	}
	out.ID = id
	w.Header().Set("Location", paths.APIAssessment(id))
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) apiAssessment(w http.ResponseWriter, r *http.Request) error {
	_, kept, answers, err := s.keptResult(r)
	if err != nil {
		return err
	}
	out := toAPIResult(triage.Evaluate(answers))
	out.ID, out.CreatedAt, out.Answers = kept.PublicID, &kept.CreatedAt, &answers
	writeJSON(w, http.StatusOK, out)
	return nil
}

type apiRule struct {
	ID        string         `json:"id"`
	Key       string         `json:"key"`
	Condition string         `json:"condition"`
	Outcome   triage.Outcome `json:"outcome,omitempty"`
	Reason    string         `json:"reason,omitempty"`
	Caution   string         `json:"caution,omitempty"`
	Source    apiSource      `json:"source"`
}

func (s *Server) apiRules(w http.ResponseWriter, r *http.Request) error {
	out := struct {
		RulesVersion string    `json:"rules_version"`
		Rules        []apiRule `json:"rules"`
	}{RulesVersion: triage.RulesVersion}
	for _, rule := range triage.Rules() {
		out.Rules = append(out.Rules, apiRule{ID: rule.ID, Key: rule.Key, Condition: rule.Condition, Outcome: rule.Outcome,
			Reason: rule.Reason, Caution: rule.Caution,
			Source: apiSource{Title: rule.Source.Title, Publisher: rule.Source.Publisher, Year: rule.Source.Year, URL: rule.Source.URL}})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

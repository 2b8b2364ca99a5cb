package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strings"
	"time"

	"backwise/internal/library"
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

// apiResult is a result as the API returns it: the engine's own JSON shape
// (triage.Result), with the id, time and answers of a kept result.
type apiResult struct {
	ID        string          `json:"id,omitempty"`
	CreatedAt *time.Time      `json:"created_at,omitempty"`
	Answers   *triage.Answers `json:"answers,omitempty"`
	Region    apiRegion       `json:"region"`
	triage.Result
}

// apiRegion says whose numbers and services a result names.
type apiRegion struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	EmergencyNumber string `json:"emergency_number"`
	UrgentService   string `json:"urgent_service"`
	UrgentNumber    string `json:"urgent_number,omitempty"`
}

// regionResult is a result written out for a region: its words in every
// text, and only the calls the region has a number for.
func regionResult(res triage.Result, rg library.Region) apiResult {
	res.Calls = regionCalls(res.Calls, rg)
	return apiResult{Result: res, Region: apiRegion{ID: rg.ID, Name: rg.Name,
		EmergencyNumber: rg.Word("emergency-number"), UrgentService: rg.Word("urgent-service"), UrgentNumber: rg.Word("urgent-number")}}
}

// writeRegionJSON writes v with the region's words in place of the
// {{tokens}} in its texts.
func writeRegionJSON(w http.ResponseWriter, status int, v any, rg library.Region) {
	raw, err := json.Marshal(v)
	if err != nil {
		jsonError(w, http.StatusInternalServerError, "", "The answer could not be written.")
		return
	}
	pairs := []string{}
	for _, t := range library.RegionTokens {
		word, _ := json.Marshal(rg.Word(t))
		pairs = append(pairs, "{{"+t+"}}", string(word[1:len(word)-1]))
	}
	var out bytes.Buffer
	json.Indent(&out, []byte(strings.NewReplacer(pairs...).Replace(string(raw))), "", "  ")
	out.WriteByte('\n')
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(out.Bytes())
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
	// A body without a Content-Type is refused too: a browser form can send
	// text/plain across origins, and a JSON API should not guess.
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		jsonError(w, http.StatusUnsupportedMediaType, "", "Send the request as application/json.")
		return nil
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
		writeJSON(w, http.StatusUnprocessableEntity, fieldErrors(fieldErrs))
		return nil
	}
	site := s.sites.Site()
	rg := s.regionFor(r, site)
	if req.Region != "" {
		var ok bool
		if rg, ok = site.Library.Region(req.Region); !ok {
			jsonError(w, http.StatusUnprocessableEntity, "region", "Unknown region: use one of "+regionIDs(site)+".")
			return nil
		}
	}
	res := triage.Evaluate(req.Answers, site.routines)
	out := regionResult(res, rg)
	if !req.Save {
		writeRegionJSON(w, http.StatusOK, out, rg)
		return nil
	}
	id, err := s.keep(w, r, req.Answers, res)
	if err != nil {
		return err
	}
	out.ID = id
	w.Header().Set("Location", paths.APIAssessment(id))
	writeRegionJSON(w, http.StatusCreated, out, rg)
	return nil
}

func (s *Server) apiAssessment(w http.ResponseWriter, r *http.Request) error {
	_, kept, answers, err := s.keptResult(r)
	if err != nil {
		return err
	}
	site := s.sites.Site()
	rg := s.regionFor(r, site)
	out := regionResult(triage.Evaluate(answers, site.routines), rg)
	out.ID, out.CreatedAt, out.Answers = kept.PublicID, &kept.CreatedAt, &answers
	writeRegionJSON(w, http.StatusOK, out, rg)
	return nil
}

func (s *Server) apiRules(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	writeRegionJSON(w, http.StatusOK, struct {
		RulesVersion string            `json:"rules_version"`
		Rules        []triage.Rule     `json:"rules"`
		SignLists    []triage.SignList `json:"sign_lists"`
		Sources      []triage.Source   `json:"sources"`
	}{triage.RulesVersion, triage.Rules(), triage.SignLists(), triage.Sources()}, s.regionFor(r, site))
	return nil
}

// apiQuestions publishes the question schema the form is built from: each
// page's questions with their kinds and allowed values, and when each
// follow-up is asked.
func (s *Server) apiQuestions(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	writeRegionJSON(w, http.StatusOK, struct {
		RulesVersion string        `json:"rules_version"`
		Pages        []triage.Page `json:"pages"`
		Note         string        `json:"note"`
	}{triage.RulesVersion, triage.Pages(), "Send answers to POST " + paths.APIAssessments + " as {\"answers\": {key: value}}: " +
		"yes/no and checklist items as true or false, integers as numbers, a multiple choice as a list. A page with " +
		"asked_when is asked only when one of its groups of conditions holds (all conditions in a group); its " +
		"questions may be left out otherwise. An optional \"region\" (" + regionIDs(site) + ") sets whose numbers and " +
		"services the result names; without it, the region cookie or the browser's language decides."}, s.regionFor(r, site))
	return nil
}

// regionIDs lists the regions' ids for messages.
func regionIDs(site *Site) string {
	var ids []string
	for _, rg := range site.Library.Regions() {
		ids = append(ids, rg.ID)
	}
	return strings.Join(ids, ", ")
}

// maxAPIErrors bounds a 422: a body of thousands of unknown keys gets the
// first few problems and a count, not a reply as big as the request.
const maxAPIErrors = 20

// fieldErrors lists each field's first problem, at most maxAPIErrors.
func fieldErrors(errs []triage.FieldError) apiErrors {
	out := apiErrors{}
	seen := map[string]bool{}
	for _, e := range errs {
		if seen[e.Field] {
			continue
		}
		seen[e.Field] = true
		if len(out.Errors) == maxAPIErrors {
			out.Errors = append(out.Errors, apiError{Message: "More problems were found; fix these and send again."})
			break
		}
		out.Errors = append(out.Errors, apiError{Field: e.Field, Message: e.Message})
	}
	return out
}

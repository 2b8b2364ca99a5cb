package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"backwise/internal/triage"
)

// benignJSON answers the pages everyone sees with a self-care case.
func benignJSON(overrides map[string]any) map[string]any {
	a := map[string]any{"age": 35, "duration": "under_3_days", "intensity": 3, "location": []string{"lower"}, "trend": "improving"}
	for _, p := range triage.Pages() {
		if len(p.AskedWhen) > 0 {
			continue
		}
		for _, q := range p.Questions {
			if q.Kind == triage.KindYesNo || q.Kind == triage.KindChecklistItem {
				a[q.Key] = q.Key == triage.KeyBackPainBefore
			}
		}
	}
	for k, v := range overrides {
		a[k] = v
	}
	return a
}

func (e *checkEnv) api(c *http.Client, method, path string, body any, contentType string) (int, map[string]any, http.Header) {
	e.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		raw, _ := json.Marshal(b)
		r = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, e.srv.URL+path, r)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		e.t.Fatalf("%s %s: not JSON (%d): %s", method, path, res.StatusCode, raw)
	}
	return res.StatusCode, out, res.Header
}

func TestAPIAssess(t *testing.T) {
	e := newCheckEnv(t)
	code, out, _ := e.api(e.client, "POST", "/api/v1/assessments", map[string]any{"answers": benignJSON(nil)}, "application/json")
	if code != 200 || out["outcome"] != "self_care" || out["rules_version"] != triage.RulesVersion {
		t.Fatalf("benign = %d %v", code, out)
	}
	if reasons, _ := out["reasons"].([]any); len(reasons) == 0 {
		t.Error("no reasons")
	}
	if e.rows("assessments") != 0 {
		t.Error("unsaved API call wrote to the database")
	}
	code, out, _ = e.api(e.client, "POST", "/api/v1/assessments", map[string]any{"answers": benignJSON(map[string]any{"chest_pain": true})}, "application/json")
	if code != 200 || out["outcome"] != "emergency" {
		t.Errorf("chest pain = %d %v", code, out["outcome"])
	}
}

func TestAPIValidation(t *testing.T) {
	e := newCheckEnv(t)
	cases := []struct {
		name string
		body any
		ct   string
		want int
	}{
		{"under 16", map[string]any{"answers": benignJSON(map[string]any{"age": 12})}, "application/json", 422},
		{"unknown key", map[string]any{"answers": benignJSON(map[string]any{"mood": "bad"})}, "application/json", 422},
		{"wrong type", map[string]any{"answers": benignJSON(map[string]any{"fever": "yes"})}, "application/json", 422},
		{"missing answers", map[string]any{"save": false}, "application/json", 422},
		{"malformed", `{"answers": {`, "application/json", 400},
		{"not json content type", `age=3`, "application/x-www-form-urlencoded", 415},
		{"no content type", map[string]any{"answers": benignJSON(nil)}, "", 415},
		{"too large", `{"answers": "` + strings.Repeat("x", 70<<10) + `"}`, "application/json", 413},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, _ := e.api(e.client, "POST", "/api/v1/assessments", tc.body, tc.ct)
			if code != tc.want {
				t.Errorf("status = %d, want %d (%v)", code, tc.want, out)
			}
			if errs, _ := out["errors"].([]any); len(errs) == 0 {
				t.Errorf("no errors listed: %v", out)
			}
		})
	}
	if e.rows("assessments") != 0 || e.rows("visitors") != 0 {
		t.Error("a rejected request wrote to the database")
	}
}

func TestAPISaveAndIsolation(t *testing.T) {
	e := newCheckEnv(t)
	code, out, h := e.api(e.client, "POST", "/api/v1/assessments", map[string]any{"answers": benignJSON(nil), "save": true}, "application/json")
	id, _ := out["id"].(string)
	if code != 201 || id == "" || h.Get("Location") != "/api/v1/assessments/"+id {
		t.Fatalf("save = %d %v %q", code, out, h.Get("Location"))
	}
	code, out, _ = e.api(e.client, "GET", "/api/v1/assessments/"+id, nil, "")
	if code != 200 || out["id"] != id || out["outcome"] != "self_care" || out["answers"] == nil {
		t.Fatalf("get own = %d %v", code, out)
	}
	other := newClient()
	if code, _, _ := e.api(other, "GET", "/api/v1/assessments/"+id, nil, ""); code != 404 {
		t.Errorf("other visitor = %d, want 404", code)
	}
	e.api(other, "POST", "/api/v1/assessments", map[string]any{"answers": benignJSON(nil), "save": true}, "application/json")
	if code, _, _ := e.api(other, "GET", "/api/v1/assessments/"+id, nil, ""); code != 404 {
		t.Errorf("other visitor with their own cookie = %d, want 404", code)
	}
	if code, _, _ := e.api(e.client, "GET", "/api/v1/assessments/nope", nil, ""); code != 404 {
		t.Errorf("unknown id = %d", code)
	}
}

// TestAPIResultShape: one JSON shape for results, the engine's own, with
// every answer key of a reason and the calls of an urgent result.
func TestAPIResultShape(t *testing.T) {
	e := newCheckEnv(t)
	_, out, _ := e.api(e.client, "POST", "/api/v1/assessments", map[string]any{"answers": benignJSON(map[string]any{
		"osteoporosis": true, "minor_fall": true, "cough_or_lift": false})}, "application/json")
	if out["outcome"] != "urgent" || out["care_card"] != "urgent" {
		t.Fatalf("fragile bones and a fall = %v", out["outcome"])
	}
	calls, _ := out["calls"].([]any)
	if len(calls) != 1 || calls[0].(map[string]any)["number"] != "111" {
		t.Errorf("calls = %v", out["calls"])
	}
	reasons, _ := out["reasons"].([]any)
	first := reasons[0].(map[string]any)
	keys, _ := first["keys"].([]any)
	if first["key"] != "osteoporosis" || len(keys) != 2 || keys[1] != "minor_fall" {
		t.Errorf("reason keys = %v %v", first["key"], first["keys"])
	}
	for _, field := range []string{"title", "action", "notes", "cautions", "safety_net", "articles", "routines"} {
		if _, ok := out[field]; !ok {
			t.Errorf("result lacks %q", field)
		}
	}
	// A follow-up that is asked must be answered.
	code, out, _ := e.api(e.client, "POST", "/api/v1/assessments", map[string]any{"answers": benignJSON(map[string]any{"pregnant": true})}, "application/json")
	if code != 422 {
		t.Errorf("pregnant without the pregnancy signs = %d %v", code, out)
	}
}

func TestAPIQuestions(t *testing.T) {
	e := newCheckEnv(t)
	code, body := e.get(e.client, "/api/v1/questions")
	var out struct {
		RulesVersion string        `json:"rules_version"`
		Pages        []triage.Page `json:"pages"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &out) != nil || out.RulesVersion != triage.RulesVersion {
		t.Fatalf("questions = %d", code)
	}
	// The schema is the form's: the same pages, questions and conditions.
	want, _ := json.Marshal(triage.Pages())
	got, _ := json.Marshal(out.Pages)
	if !bytes.Equal(want, got) {
		t.Error("the published schema differs from the one the form uses")
	}
	var asked int
	for _, p := range out.Pages {
		if len(p.AskedWhen) > 0 {
			asked++
		}
	}
	if asked < 5 {
		t.Errorf("only %d follow-ups say when they are asked", asked)
	}
}

func benignJSONString() string {
	b, _ := json.Marshal(benignJSON(nil))
	return string(b)
}

// Thousands of unknown keys get a short 422: each field once, at most 20,
// not a reply as large as the request (it was 584 KB for 5,500 keys).
func TestAPIErrorListIsBounded(t *testing.T) {
	e := newCheckEnv(t)
	answers := benignJSON(nil)
	for i := range 4000 { // as many as fit in the 64 KiB a request may have
		answers["k"+strconv.Itoa(i)] = true
	}
	raw, _ := json.Marshal(map[string]any{"answers": answers})
	req, _ := http.NewRequest("POST", e.srv.URL+"/api/v1/assessments", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	res, err := e.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var out struct {
		Errors []struct{ Field, Message string }
	}
	json.Unmarshal(body, &out)
	if res.StatusCode != 422 || len(out.Errors) == 0 || len(out.Errors) > 21 || len(body) > 8<<10 {
		t.Errorf("status %d, %d errors, %d bytes", res.StatusCode, len(out.Errors), len(body))
	}
}

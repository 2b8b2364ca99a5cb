package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The answers are built from the server's own question schema
// (GET /api/v1/questions), so they follow the questionnaire when it
// changes: every question of the pages everyone is asked (no asked_when)
// is answered, follow-up pages are left out. The case is benign: no
// warning sign ticked, aged 35, mild lower-back pain for under three days,
// improving, like before.

// benign holds the preferred answer of the questions that are not
// answered "no". A question missing here, or whose preferred answer the
// schema no longer allows, gets a fallback: "no" for yes/no questions and
// checklist items, the lowest allowed number, the first option.
var benign = map[string]any{
	"back_pain_before": true,
	"age":              35,
	"duration":         "under_3_days",
	"intensity":        3,
	"location":         []string{"lower"},
	"trend":            "improving",
}

// The question schema, as much of it as the seeder needs.
type schema struct {
	RulesVersion string `json:"rules_version"`
	Pages        []page `json:"pages"`
}

type page struct {
	ID        string          `json:"id"`
	AskedWhen json.RawMessage `json:"asked_when"`
	Checklist *struct {
		Field     string `json:"field"`
		NoneValue string `json:"none_value"`
	} `json:"checklist"`
	Questions []question `json:"questions"`
}

type question struct {
	Key     string   `json:"key"`
	Kind    string   `json:"kind"`
	Options []option `json:"options"`
	Min     int      `json:"min"`
	Max     int      `json:"max"`
}

type option struct {
	Value string `json:"value"`
}

func (q question) allows(v string) bool {
	return slices.ContainsFunc(q.Options, func(o option) bool { return o.Value == v })
}

// questionnaire is one complete set of answers in both forms.
type questionnaire struct {
	rules   string
	answers map[string]any        // the API's "answers" object
	forms   map[string]url.Values // each page's form, by page id
}

// apiBody is the body of POST /api/v1/assessments for these answers.
func (q questionnaire) apiBody(save bool) ([]byte, error) {
	return json.Marshal(struct {
		Answers map[string]any `json:"answers"`
		Save    bool           `json:"save"`
	}{q.answers, save})
}

// fetchQuestionnaire reads the schema and answers it.
func (s *seeder) fetchQuestionnaire(ctx context.Context) (questionnaire, error) {
	body, err := s.get(ctx, s.client, "/api/v1/questions", http.StatusOK)
	if err != nil {
		return questionnaire{}, err
	}
	var sc schema
	if err := json.Unmarshal(body, &sc); err != nil {
		return questionnaire{}, fmt.Errorf("GET /api/v1/questions: %w", err)
	}
	return answer(sc)
}

// askedOfEveryone reports whether a page has no asked_when: not a follow-up.
func askedOfEveryone(raw json.RawMessage) bool {
	t := strings.TrimSpace(string(raw))
	return t == "" || t == "null" || t == "[]"
}

// answer answers every page everyone is asked.
func answer(sc schema) (questionnaire, error) {
	q := questionnaire{rules: sc.RulesVersion, answers: map[string]any{}, forms: map[string]url.Values{}}
	for _, p := range sc.Pages {
		if !askedOfEveryone(p.AskedWhen) {
			continue
		}
		form := url.Values{}
		for _, qu := range p.Questions {
			v, formVals, err := answerOne(qu)
			if err != nil {
				return questionnaire{}, fmt.Errorf("GET /api/v1/questions: page %q: %w", p.ID, err)
			}
			q.answers[qu.Key] = v
			if p.Checklist != nil {
				if qu.Kind != "checklist_item" && qu.Kind != "yes_no" {
					return questionnaire{}, fmt.Errorf("GET /api/v1/questions: checklist page %q has a %s question %q", p.ID, qu.Kind, qu.Key)
				}
				if v == true {
					form.Add(p.Checklist.Field, qu.Key)
				}
				continue
			}
			form[qu.Key] = formVals
		}
		if p.Checklist != nil && len(form) == 0 {
			form.Set(p.Checklist.Field, p.Checklist.NoneValue)
		}
		q.forms[p.ID] = form
	}
	if len(q.forms) == 0 {
		return questionnaire{}, errors.New("GET /api/v1/questions: no page is asked of everyone")
	}
	return q, nil
}

// answerOne gives one question's benign answer, as JSON and as form values.
func answerOne(q question) (any, []string, error) {
	want, ok := benign[q.Key]
	switch q.Kind {
	case "yes_no", "checklist_item":
		yes, _ := want.(bool)
		if yes {
			return true, []string{"yes"}, nil
		}
		return false, []string{"no"}, nil
	case "integer":
		n, isInt := want.(int)
		if !ok || !isInt || n < q.Min || (q.Max > 0 && n > q.Max) ||
			(len(q.Options) > 0 && !q.allows(strconv.Itoa(n))) {
			n = q.Min
		}
		return n, []string{strconv.Itoa(n)}, nil
	case "single_choice":
		v, _ := want.(string)
		if !q.allows(v) {
			if len(q.Options) == 0 {
				return nil, nil, fmt.Errorf("single choice %q has no options", q.Key)
			}
			v = q.Options[0].Value
		}
		return v, []string{v}, nil
	case "multiple_choice":
		vs, _ := want.([]string)
		if len(vs) == 0 || !allAllowed(q, vs) {
			if len(q.Options) == 0 {
				return nil, nil, fmt.Errorf("multiple choice %q has no options", q.Key)
			}
			vs = []string{q.Options[0].Value}
		}
		return vs, vs, nil
	}
	return nil, nil, fmt.Errorf("question %q is of a kind the seeder does not know: %q", q.Key, q.Kind)
}

func allAllowed(q question, vs []string) bool {
	for _, v := range vs {
		if !q.allows(v) {
			return false
		}
	}
	return true
}

// checkFlow answers the questionnaire's HTML pages once, as a browser does
// (post/redirect/get with a cookie jar), and returns the bw_check cookie
// that then holds the complete answers in progress. It checks that
// "check your answers" and the advice page answer 200 with it.
func (s *seeder) checkFlow(ctx context.Context, q questionnaire) (cookie string, pages int, err error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return "", 0, err
	}
	c := &http.Client{
		Jar:           jar,
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	loc, err := s.postForm(ctx, c, "/check/start", nil)
	if err != nil {
		return "", 0, err
	}
	for strings.HasPrefix(loc, "/check/q/") {
		if pages > 2*len(q.forms) {
			return "", 0, fmt.Errorf("the questionnaire did not end after %d pages (at %s)", pages, loc)
		}
		id, _, _ := strings.Cut(strings.TrimPrefix(loc, "/check/q/"), "?")
		form, ok := q.forms[id]
		if !ok {
			return "", 0, fmt.Errorf("the questionnaire asked page %q, which the benign answers do not reach", id)
		}
		if _, err := s.get(ctx, c, loc, http.StatusOK); err != nil {
			return "", 0, err
		}
		next, err := s.postForm(ctx, c, loc, form)
		if err != nil {
			return "", 0, err
		}
		if next == loc {
			return "", 0, fmt.Errorf("POST %s did not accept the answers %s", loc, form.Encode())
		}
		loc = next
		pages++
	}
	if loc != "/check/answers" {
		return "", 0, fmt.Errorf("the questionnaire ended at %s, want /check/answers", loc)
	}
	for _, path := range []string{"/check/answers", "/check/result"} {
		if _, err := s.get(ctx, c, path, http.StatusOK); err != nil {
			return "", 0, err
		}
	}
	u, err := url.Parse(s.base + "/check/result")
	if err != nil {
		return "", 0, err
	}
	for _, ck := range jar.Cookies(u) {
		if ck.Name == "bw_check" {
			return ck.Value, pages, nil
		}
	}
	return "", 0, errors.New("the questionnaire set no bw_check cookie")
}

// get fetches path and fails unless the status is want.
func (s *seeder) get(ctx context.Context, c *http.Client, path string, want int) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	defer resp.Body.Close()
	s.reqs.Add(1)
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	if resp.StatusCode != want {
		return nil, fmt.Errorf("GET %s: status %d, want %d (Location %q): %s", path, resp.StatusCode, want,
			resp.Header.Get("Location"), strings.TrimSpace(string(body[:min(len(body), 300)])))
	}
	return body, nil
}

// postForm posts a form, expects 303 and returns the Location.
func (s *seeder) postForm(ctx context.Context, c *http.Client, path string, form url.Values) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		return "", fmt.Errorf("POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	s.reqs.Add(1)
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusSeeOther {
		return "", fmt.Errorf("POST %s: status %d, want 303: %s", path, resp.StatusCode, strings.TrimSpace(string(body[:min(len(body), 300)])))
	}
	loc := resp.Header.Get("Location")
	if u, err := url.Parse(loc); err == nil && u.IsAbs() {
		loc = u.RequestURI()
	}
	return loc, nil
}

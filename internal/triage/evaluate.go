package triage

import "slices"

// Result is what the questionnaire recommends, in the shape the JSON API
// returns it. It never names a diagnosis: it says how soon to get which
// kind of help, and why.
type Result struct {
	Outcome   Outcome    `json:"outcome"`
	Title     string     `json:"title"`
	Action    string     `json:"action"`
	CareCard  string     `json:"care_card"` // immediate, urgent or non-urgent
	Calls     []Call     `json:"calls"`     // numbers to call now; empty below urgent
	Reasons   []Reason   `json:"reasons"`   // why; never empty
	Notes     []Note     `json:"notes"`     // where to go or what to say, at any outcome
	Cautions  []Caution  `json:"cautions"`  // how to adapt care; empty at emergency and urgent
	SafetyNet []SignList `json:"safety_net"`
	Articles  []string   `json:"articles"` // suggested article slugs
	Routines  []string   `json:"routines"` // suggested routine slugs; only for therapist and self-care
	// StarterPlan is two or three of Routines to start "My back plan"
	// with: exercise first, one self-massage or heat routine as an option.
	StarterPlan  []string `json:"starter_plan"`
	RulesVersion string   `json:"rules_version"`
}

// Reason explains one rule behind the outcome.
type Reason struct {
	Key    string   `json:"key"`  // the first answer that led to it ("" for the self-care fallback)
	Keys   []string `json:"keys"` // every answer that led to it
	Text   string   `json:"text"` // plain-language explanation
	Source Source   `json:"source"`
	RuleID string   `json:"rule_id"`
}

// Note changes where to go or what to say (a maternity unit, a surgical
// team, blood thinners), whatever the outcome.
type Note struct {
	Keys   []string `json:"keys"`
	Text   string   `json:"text"`
	RuleID string   `json:"rule_id"`
}

// Caution is advice that adapts care (mostly massage) without changing the
// outcome.
type Caution struct {
	Key    string   `json:"key"`
	Keys   []string `json:"keys"`
	Text   string   `json:"text"`
	Source Source   `json:"source"`
	RuleID string   `json:"rule_id"`
}

// Evaluate runs every rule against a and returns the most severe outcome that
// applies, with the reasons for that outcome. routines are the self-care
// routines the library offers; the result suggests those that fit.
//
// Validate a first (the decoders do): a missing answer never fires a rule,
// so incomplete answers could give a less cautious result.
func Evaluate(a Answers, routines []RoutineFacts) Result {
	var fired []Rule
	outcome := SelfCare
	for _, r := range rules {
		if !r.When(a) {
			continue
		}
		fired = append(fired, r)
		if r.Outcome.Severity() > outcome.Severity() {
			outcome = r.Outcome
		}
	}
	res := Result{
		Outcome:      outcome,
		CareCard:     outcome.CareCard(),
		Reasons:      []Reason{},
		Notes:        []Note{},
		Cautions:     []Caution{},
		SafetyNet:    safetyNet(a),
		RulesVersion: RulesVersion,
	}
	// At emergency and urgent level the message is "get help now", so
	// massage cautions would only distract.
	showCautions := outcome.Severity() <= Doctor.Severity()
	for _, r := range fired {
		keys := r.firedKeys(a)
		first := ""
		if len(keys) > 0 {
			first = keys[0]
		}
		if r.Outcome == outcome && r.Reason != "" {
			res.Reasons = append(res.Reasons, Reason{Key: first, Keys: keys, Text: r.Reason, Source: r.Source, RuleID: r.ID})
		}
		if r.Note != "" {
			res.Notes = append(res.Notes, Note{Keys: keys, Text: r.Note, RuleID: r.ID})
		}
		if r.Caution != "" && showCautions {
			res.Cautions = append(res.Cautions, Caution{Key: first, Keys: keys, Text: r.Caution, Source: r.Source, RuleID: r.ID})
		}
	}
	res.Title, res.Action, res.Calls = wording(outcome, fired)
	res.Articles = articlesFor(a, outcome)
	res.Routines = routinesFor(a, outcome, routines)
	res.StarterPlan = starterPlan(a, res.Routines, routines)
	return res
}

// EvaluateSoFar evaluates the answers given so far, page by page. When they
// already call for an emergency it returns that result and true, and the
// web flow ends the questionnaire there: nothing else could change the
// advice, and every minute counts. Rules fire only on given answers, so a
// partial set can raise an emergency but never rule one out.
func EvaluateSoFar(a Answers) (Result, bool) {
	res := Evaluate(a, nil)
	if res.Outcome != Emergency {
		return Result{}, false
	}
	return res, true
}

// wording says what to do for the outcome: a specific team when every rule
// behind it names one, a GP when a doctor rule needs one, else the
// outcome's own words.
func wording(o Outcome, fired []Rule) (title, action string, calls []Call) {
	var d *Directive
	all, gp := true, false
	for _, r := range fired {
		if r.Outcome != o {
			continue
		}
		if r.Directive == nil {
			all = false
		} else if d == nil {
			d = r.Directive
		}
		gp = gp || r.GPOnly
	}
	switch {
	case d != nil && all:
		return d.Title, d.Action, slices.Clone(d.Calls)
	case o == Doctor && gp:
		return gpOnly.Title, gpOnly.Action, []Call{}
	}
	calls = o.Calls()
	if calls == nil {
		calls = []Call{}
	}
	return o.Title(), o.Action(), calls
}

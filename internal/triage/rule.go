package triage

import "slices"

// RulesVersion identifies the rule table and the questions. Change it
// whenever a rule, its wording or the questions change, so stored results
// can be traced to the rules that produced them; a golden test fails when
// they change without a new version.
const RulesVersion = "2026-12-01.2"

// Rule is one row of the rule table. A rule with an Outcome competes for the
// result (the most severe outcome wins) and gives a Reason; a rule with a
// Caution adapts the advice (mostly massage) without changing the outcome; a
// rule with a Note changes where to go or what to say, and is shown at every
// outcome. A rule may have several of these.
type Rule struct {
	ID    string `json:"id"`    // stable identifier, e.g. "ces-saddle-numbness"
	Title string `json:"title"` // a short human title for the published rules page
	// Keys are every answer the rule looks at; a reason lists those that
	// led to it (see Reason.Keys).
	Keys      []string `json:"keys"`
	Condition string   `json:"condition"`         // when it applies, in plain English, for the published rules page
	Outcome   Outcome  `json:"outcome,omitempty"` // "" when the rule only adds a caution or a note
	Reason    string   `json:"reason,omitempty"`  // shown when the rule's outcome is the result
	Caution   string   `json:"caution,omitempty"` // adapts care; shown when the outcome is doctor or below
	Note      string   `json:"note,omitempty"`    // where to go or what to say; shown at every outcome
	// Signs are how the warning sign reads in the site's lists ("pain in
	// both legs"), usually one line; none for rules that are not listed.
	// SignGroup says which list: general, neck, cancer or pregnancy.
	Signs     []string  `json:"signs,omitempty"`
	SignGroup SignGroup `json:"sign_group,omitempty"`
	// Terms are words that identify the sign in an article, so `backwise
	// check` can find an urgency stated in free text instead of through
	// the shortcode that renders this table.
	Terms  []string `json:"-"`
	Source Source   `json:"source"` // the guideline it comes from
	// Directive, when set, names the team to call instead of the
	// outcome's usual words (a maternity unit, a cancer team); it is used
	// when every reason for the outcome has one.
	Directive *Directive `json:"directive,omitempty"`
	// GPOnly marks a doctor rule that needs a GP, not physiotherapy:
	// the doctor outcome then says so.
	GPOnly bool `json:"gp_only,omitempty"`
	// When reports whether the rule applies. It must be monotone in the
	// warning signs: turning a yes/no answer that is not Reassuring from
	// no to yes may only make it fire, never stop it.
	When func(Answers) bool `json:"-"`
}

// Directive is a specific route to help that replaces an outcome's words.
type Directive struct {
	Title  string `json:"title"`
	Action string `json:"action"`
	Calls  []Call `json:"calls"`
}

// Rules returns the rule table in evaluation order (a copy, for publishing).
func Rules() []Rule {
	out := make([]Rule, len(rules))
	for i, r := range rules {
		r.Keys = slices.Clone(r.Keys)
		r.Signs = slices.Clone(r.Signs)
		r.Terms = slices.Clone(r.Terms)
		out[i] = r
	}
	return out
}

// RuleByID returns the rule with the given ID.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// firedKeys lists the answers that led to r in a: every yes/no warning sign
// answered yes, and every other answer the rule reads (an age, a trend, a
// reassuring "no"), in the order of r.Keys.
func (r Rule) firedKeys(a Answers) []string {
	out := []string{}
	for _, k := range r.Keys {
		q, ok := questionIndex[k]
		if !ok || !a.Answered(k) {
			continue
		}
		if isYesNo(q.Kind) && !q.Reassuring && !a.Yes(k) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// yes returns a When function that fires when every key is answered yes.
func yes(keys ...string) func(Answers) bool {
	return func(a Answers) bool {
		for _, k := range keys {
			if !a.Yes(k) {
				return false
			}
		}
		return true
	}
}

// anyOf returns a When function that fires when any key is answered yes.
func anyOf(keys ...string) func(Answers) bool {
	return func(a Answers) bool { return a.anyYes(keys...) }
}

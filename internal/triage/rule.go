package triage

// RulesVersion identifies the rule table. Change it whenever a rule, its
// wording or the questions change, so stored results can be traced to the
// rules that produced them.
const RulesVersion = "2026-11-22.1"

// Rule is one row of the rule table. A rule with an Outcome competes for the
// result (the most severe outcome wins) and gives a Reason; a rule with a
// Caution adapts the advice without changing the outcome. A rule may have
// both.
type Rule struct {
	ID        string  `json:"id"`                // stable identifier, e.g. "ces-saddle-numbness"
	Key       string  `json:"key"`               // the answer key that decides it ("" for the self-care fallback)
	Condition string  `json:"condition"`         // when it applies, in plain English, for the published rules page
	Outcome   Outcome `json:"outcome,omitempty"` // "" when the rule only adds a caution
	Reason    string  `json:"reason,omitempty"`  // shown when the rule's outcome is the result
	Caution   string  `json:"caution,omitempty"` // adapts care; shown when the outcome is doctor or below
	Source    Source  `json:"source"`            // the guideline it comes from
	// When reports whether the rule applies. It must be monotone: turning
	// a yes/no answer from no to yes may only make it fire, never stop it.
	When func(Answers) bool `json:"-"`
}

// Rules returns the rule table in evaluation order (a copy, for publishing).
func Rules() []Rule { return append([]Rule(nil), rules...) }

// RuleByID returns the rule with the given ID.
func RuleByID(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
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

package triage

// Result is what the questionnaire recommends. It never names a diagnosis:
// it says how soon to get which kind of help, and why.
type Result struct {
	Outcome      Outcome   `json:"outcome"`
	Reasons      []Reason  `json:"reasons"`    // why; never empty
	Cautions     []Caution `json:"cautions"`   // how to adapt care; empty at emergency and urgent
	SafetyNet    []string  `json:"safety_net"` // emergency signs to watch for; always present
	Articles     []string  `json:"articles"`   // suggested article slugs
	Routines     []string  `json:"routines"`   // suggested routine slugs; only for therapist and self-care
	RulesVersion string    `json:"rules_version"`
}

// Reason explains one rule behind the outcome.
type Reason struct {
	Key    string `json:"key"`     // the answer key that decided it ("" for the self-care fallback)
	Text   string `json:"text"`    // plain-language explanation
	Source Source `json:"source"`  // the guideline it comes from
	RuleID string `json:"rule_id"` // the rule in Rules()
}

// Caution is advice that adapts care (mostly massage) without changing the
// outcome.
type Caution struct {
	Key    string `json:"key"`
	Text   string `json:"text"`
	Source Source `json:"source"`
	RuleID string `json:"rule_id"`
}

// SafetyNetHeading introduces Result.SafetyNet, action first as NHS care
// cards do.
const SafetyNetHeading = "Call 999 or go to A&E if you have back pain and any of these appear"

// Evaluate runs every rule against a and returns the most severe outcome that
// applies, with the reasons for that outcome. Validate a first (the decoders
// do): a missing answer never fires a rule, so incomplete answers could give
// a less cautious result.
func Evaluate(a Answers) Result {
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
		Reasons:      []Reason{},
		Cautions:     []Caution{},
		SafetyNet:    safetyNet(),
		RulesVersion: RulesVersion,
	}
	// At emergency and urgent level the only message is "get help now", so
	// massage cautions would only distract.
	showCautions := outcome.Severity() <= Doctor.Severity()
	for _, r := range fired {
		if r.Outcome == outcome && r.Reason != "" {
			res.Reasons = append(res.Reasons, Reason{Key: r.Key, Text: r.Reason, Source: r.Source, RuleID: r.ID})
		}
		if r.Caution != "" && showCautions {
			res.Cautions = append(res.Cautions, Caution{Key: r.Key, Text: r.Caution, Source: r.Source, RuleID: r.ID})
		}
	}
	res.Articles = articlesFor(a, outcome)
	res.Routines = routinesFor(a, outcome)
	return res
}

// EvaluateEmergencyStep looks only at the step 1 emergency signs. When any is
// yes it returns the emergency result and true, and the web flow ends the
// questionnaire there. Otherwise it returns a zero Result and false: the
// other steps are still needed.
func EvaluateEmergencyStep(a Answers) (Result, bool) {
	var step1 Answers
	for _, k := range EmergencyKeys() {
		if a.Answered(k) {
			step1.SetYesNo(k, a.Yes(k))
		}
	}
	res := Evaluate(step1)
	if res.Outcome != Emergency {
		return Result{}, false
	}
	return res, true
}

// safetyNet lists the 999 signs in the plain words of the NHS pages, so every
// result, even self-care, tells people what would change the advice.
func safetyNet() []string {
	return []string{
		"Numbness or tingling around your genitals, bottom (anus) or buttocks",
		"New difficulty peeing, not noticing when you need to pee or poo, or peeing or pooing yourself",
		"A new change in sexual function, such as loss of feeling in your genitals during sex",
		"Pain, numbness, tingling or weakness in both legs",
		"Chest pain or breathlessness, or pain spreading to your arm, neck or jaw",
		"Sudden, severe pain in your chest or upper back that feels like tearing or ripping",
		"Back pain after a serious fall, accident or blow",
	}
}

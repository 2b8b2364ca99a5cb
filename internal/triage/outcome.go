package triage

// Outcome is the level of care the questionnaire recommends. The string
// values are stable: the JSON API and stored assessments use them.
type Outcome string

// Outcomes, most severe first. When several rules apply, the most severe
// outcome wins. They follow the NHS pathways: the emergency number, same-day help
// (NHS 111 in England, an urgent GP appointment or urgent care), a GP or physiotherapy
// appointment, a therapist alongside exercise, or self-care.
const (
	Emergency Outcome = "emergency"
	Urgent    Outcome = "urgent"
	Doctor    Outcome = "doctor"
	Therapist Outcome = "therapist"
	SelfCare  Outcome = "self_care"
)

// Outcomes returns every outcome, most severe first.
func Outcomes() []Outcome {
	return []Outcome{Emergency, Urgent, Doctor, Therapist, SelfCare}
}

// Severity orders outcomes: a higher number is more urgent. Unknown outcomes
// (including the empty outcome of caution-only rules) are -1, so they never
// win.
func (o Outcome) Severity() int {
	switch o {
	case Emergency:
		return 4
	case Urgent:
		return 3
	case Doctor:
		return 2
	case Therapist:
		return 1
	case SelfCare:
		return 0
	}
	return -1
}

// Valid reports whether o is one of the five outcomes.
func (o Outcome) Valid() bool { return o.Severity() >= 0 }

// Title is a short, action-first heading for the outcome, worded as a
// person acts on it.
func (o Outcome) Title() string {
	switch o {
	case Emergency:
		return "Call {{emergency-number}} or go to {{emergency-department}} now"
	case Urgent:
		return "Get medical help today"
	case Doctor:
		return "See your {{gp}} or a physiotherapist"
	case Therapist:
		return "See a physiotherapist, or a massage therapist alongside exercise"
	case SelfCare:
		return "Look after it at home for now"
	}
	return ""
}

// Action says in plain words what to do next. Sentences stay short: people
// read this in pain, often on a phone.
func (o Outcome) Action() string {
	switch o {
	case Emergency:
		return "Call {{emergency-number}} for an ambulance, or go to {{emergency-department}} now. " +
			"Do not drive yourself. Take this page or your answers with you if you can."
	case Urgent:
		return "Get help today: {{urgent-help}}. Do not start massage until you have been checked."
	case Doctor:
		return "Book an appointment with your {{gp}} or a physiotherapist. {{physio}} " +
			"It does not need to be today. Keep as active as you can meanwhile, and ask before you start massage."
	case Therapist:
		return "Exercise comes first: a physiotherapist can give you a plan that fits your back. {{physio}} " +
			"Massage may ease pain for a while, alongside exercise, not instead of it."
	case SelfCare:
		return "Keep moving and carry on with your usual activities as much as you can. A pharmacist can advise " +
			"on painkillers such as ibuprofen. Heat may help. See a {{gp}} or physiotherapist if it is not better in 2 to 4 weeks."
	}
	return ""
}

// CareCard names the NHS care card for the outcome: "immediate" (immediate
// action required), "urgent" or "non-urgent". Each has its own words, so
// the urgency never depends on colour alone.
func (o Outcome) CareCard() string {
	switch o {
	case Emergency:
		return "immediate"
	case Urgent:
		return "urgent"
	}
	return "non-urgent"
}

// CareCardLabel is the words at the top of the outcome's care card.
func (o Outcome) CareCardLabel() string {
	switch o {
	case Emergency:
		return "Immediate action required"
	case Urgent:
		return "Urgent advice"
	}
	return "Non-urgent advice"
}

// Call is a phone number to offer as a button.
type Call struct {
	Label  string `json:"label"`  // "Call {{emergency-number}}"
	Number string `json:"number"` // what a tel: link dials
}

// Calls are the numbers an emergency or urgent result opens with; none for
// the other outcomes.
func (o Outcome) Calls() []Call {
	switch o {
	case Emergency:
		return []Call{{Label: "Call {{emergency-number}}", Number: "{{emergency-number}}"}}
	case Urgent:
		return []Call{{Label: "Call {{urgent-service}}", Number: "{{urgent-number}}"}}
	}
	return nil
}

// gpOnly is the doctor outcome's wording when a reason needs a GP rather
// than physiotherapy (weight loss, cancer, medicines, an operation).
var gpOnly = Directive{
	Title: "Book an appointment with your {{gp}}",
	Action: "Book an appointment with your {{gp}}: this needs a doctor's check, not only physiotherapy. It does not need " +
		"to be today. Keep as active as you can meanwhile, and ask before you start massage.",
	Calls: []Call{},
}

// The routes to a specific team.
var (
	maternityNow = &Directive{
		Title: "Call your {{maternity}} or midwife now",
		Action: "Call your {{maternity}} or midwife now, day or night: the number is in your maternity notes. " +
			"If you cannot reach them, call {{urgent-service}}. If you are bleeding heavily or the pain is severe and constant, call {{emergency-number}}.",
		Calls: []Call{},
	}
	cancerTeamNow = &Directive{
		Title: "Call your cancer team's 24-hour line now, or {{emergency-number}}",
		Action: "Call your cancer team's 24-hour line or acute oncology service now. If you cannot reach them straight " +
			"away, or you cannot walk or have bladder or bowel changes, call {{emergency-number}}. Do not drive yourself.",
		Calls: []Call{{Label: "Call {{emergency-number}}", Number: "{{emergency-number}}"}},
	}
	cancerTeamToday = &Directive{
		Title: "Contact your cancer team today",
		Action: "Call your cancer team's 24-hour line or acute oncology service today. If you do not have one, " +
			"{{urgent-help}}. Do not start massage until you have been checked.",
		Calls: []Call{{Label: "Call {{urgent-service}}", Number: "{{urgent-number}}"}},
	}
)

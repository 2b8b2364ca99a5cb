package triage

// Outcome is the level of care the questionnaire recommends. The string
// values are stable: the JSON API and stored assessments use them.
type Outcome string

// Outcomes, most severe first. When several rules apply, the most severe
// outcome wins. They follow the NHS pathways: 999 or A&E, same-day help
// (NHS 111, an urgent GP appointment or urgent care), a GP or physiotherapy
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
		return "Call 999 or go to A&E now"
	case Urgent:
		return "Get medical help today"
	case Doctor:
		return "Book a GP appointment or refer yourself to physiotherapy"
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
		return "Call 999 for an ambulance, or go to the nearest A&E (emergency department) now. " +
			"Do not drive yourself. Take this page or your answers with you if you can."
	case Urgent:
		return "Call NHS 111, or go to 111.nhs.uk. You can also ask your GP surgery for an urgent appointment today, " +
			"or go to an urgent treatment centre. Do not start massage until you have been checked."
	case Doctor:
		return "Book an appointment with your GP, or refer yourself to NHS physiotherapy if your area offers it. " +
			"It does not need to be today. Keep as active as you can meanwhile, and ask before you start massage."
	case Therapist:
		return "Exercise comes first: a physiotherapist can give you a plan that fits your back. In many areas you " +
			"can refer yourself to NHS physiotherapy. Massage may ease pain for a while, alongside exercise, not instead of it."
	case SelfCare:
		return "Keep moving and carry on with your usual activities as much as you can. A pharmacist can advise " +
			"on painkillers such as ibuprofen. Heat may help. See a GP or physiotherapist if it is not better in 2 to 4 weeks."
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
	Label  string `json:"label"`  // "Call 999"
	Number string `json:"number"` // what a tel: link dials
}

// Calls are the numbers an emergency or urgent result opens with; none for
// the other outcomes.
func (o Outcome) Calls() []Call {
	switch o {
	case Emergency:
		return []Call{{Label: "Call 999", Number: "999"}}
	case Urgent:
		return []Call{{Label: "Call NHS 111", Number: "111"}}
	}
	return nil
}

// gpOnly is the doctor outcome's wording when a reason needs a GP rather
// than physiotherapy (weight loss, cancer, medicines, an operation).
var gpOnly = Directive{
	Title: "Book an appointment with your GP",
	Action: "Book an appointment with your GP: this needs a doctor's check, not only physiotherapy. It does not need " +
		"to be today. Keep as active as you can meanwhile, and ask before you start massage.",
	Calls: []Call{},
}

// The routes to a specific team.
var (
	maternityNow = &Directive{
		Title: "Call your maternity unit or midwife now",
		Action: "Call your maternity unit or midwife now, day or night: the number is in your maternity notes. " +
			"If you cannot reach them, call NHS 111. If you are bleeding heavily or the pain is severe and constant, call 999.",
		Calls: []Call{},
	}
	cancerTeamNow = &Directive{
		Title: "Call your cancer team's 24-hour line now, or 999",
		Action: "Call your cancer team's 24-hour line or acute oncology service now. If you cannot reach them straight " +
			"away, or you cannot walk or have bladder or bowel changes, call 999. Do not drive yourself.",
		Calls: []Call{{Label: "Call 999", Number: "999"}},
	}
	cancerTeamToday = &Directive{
		Title: "Contact your cancer team today",
		Action: "Call your cancer team's 24-hour line or acute oncology service today. If you do not have one, call NHS 111 " +
			"or ask your GP surgery for an urgent appointment. Do not start massage until you have been checked.",
		Calls: []Call{{Label: "Call NHS 111", Number: "111"}},
	}
)

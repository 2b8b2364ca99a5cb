package triage

// Outcome is the level of care the questionnaire recommends. The string
// values are stable: the JSON API and stored assessments use them.
type Outcome string

// Outcomes, most severe first. When several rules apply, the most severe
// outcome wins.
const (
	// Emergency: call 999 or go to A&E now.
	Emergency Outcome = "emergency"
	// Urgent: see a doctor today (urgent GP, urgent care or NHS 111).
	Urgent Outcome = "urgent"
	// Doctor: see a doctor soon, before starting massage.
	Doctor Outcome = "doctor"
	// Therapist: a qualified massage therapist or physiotherapist is a
	// reasonable next step, alongside exercise.
	Therapist Outcome = "therapist"
	// SelfCare: self-care at home is reasonable now.
	SelfCare Outcome = "self_care"
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

// Title is a short, action-first heading for the outcome.
func (o Outcome) Title() string {
	switch o {
	case Emergency:
		return "Call 999 or go to A&E now"
	case Urgent:
		return "See a doctor today"
	case Doctor:
		return "See a doctor soon, before you start massage"
	case Therapist:
		return "A massage therapist or physiotherapist could help"
	case SelfCare:
		return "You can look after this at home for now"
	}
	return ""
}

// Action says in plain words what to do next.
func (o Outcome) Action() string {
	switch o {
	case Emergency:
		return "Call 999 (or your local emergency number) or go to the nearest emergency department (A&E) now. " +
			"Do not drive yourself: ask someone to take you or call an ambulance. Do not book a massage."
	case Urgent:
		return "Get medical help today: ask your GP surgery for an urgent appointment, go to an urgent care " +
			"centre, or call NHS 111 (or your local non-emergency helpline). Do not start massage until a doctor has seen you."
	case Doctor:
		return "Book an appointment with a GP or your own doctor in the next few days. Your pain needs a check, " +
			"and massage may not be safe until a doctor has seen you. Keep gently active in the meantime."
	case Therapist:
		return "Seeing a qualified massage therapist or physiotherapist is a reasonable next step, alongside " +
			"exercise and staying active. In some areas you can refer yourself to NHS physiotherapy."
	case SelfCare:
		return "Most back pain gets better within a few weeks. Stay as active as you can, try gentle movement " +
			"and heat, and use self-massage if it helps. Check again if anything changes."
	}
	return ""
}

// CareCard names the NHS-style care card for the outcome ("emergency",
// "urgent" or "non-urgent"), so pages can style it without their own mapping.
func (o Outcome) CareCard() string {
	switch o {
	case Emergency:
		return "emergency"
	case Urgent:
		return "urgent"
	}
	return "non-urgent"
}

package triage

import (
	"strconv"
	"strings"
)

// Kind says how a question is answered, and so how forms render it.
type Kind string

// Question kinds.
const (
	KindYesNo          Kind = "yes_no"          // "yes" or "no" (true/false in JSON)
	KindInteger        Kind = "integer"         // a whole number between Min and Max
	KindSingleChoice   Kind = "single_choice"   // one of Options
	KindMultipleChoice Kind = "multiple_choice" // one or more of Options
	// KindEmergencySign is a yes/no question shown as one tick box of the
	// step 1 checklist; unticked means "no" once the checklist is answered.
	KindEmergencySign Kind = "emergency_sign"
)

// The step 1 checklist as HTML forms send it: ChecklistField holds the keys
// of the ticked signs, or ChecklistNone alone for "None of these".
const (
	ChecklistField = "emergency_signs"
	ChecklistNone  = "none"
)

// Option is one allowed answer of a choice (or yes/no) question.
type Option struct {
	Value string `json:"value"` // what forms and the API send
	Label string `json:"label"` // what people read
}

// Question is one question of the questionnaire.
type Question struct {
	Key     string   `json:"key"`               // stable answer key, e.g. "saddle_numbness"
	Kind    Kind     `json:"kind"`              // how it is answered
	Label   string   `json:"label"`             // the plain-language question or checklist item
	Hint    string   `json:"hint"`              // "why we ask", one short sentence
	Options []Option `json:"options,omitempty"` // allowed answers for choice and yes/no questions
	Min     int      `json:"min"`               // lowest value of an integer question
	Max     int      `json:"max"`               // highest value of an integer question
	Step    int      `json:"step"`              // number of the step that asks it

	missing string // error message when it is not answered
}

// Checklist describes how step 1 shows its questions: one question with a
// tick box per emergency sign and an exclusive "None of these".
type Checklist struct {
	Field     string `json:"field"`      // form field name: ChecklistField
	Label     string `json:"label"`      // the shared question, "Do any of these apply?"
	Hint      string `json:"hint"`       // why we ask
	NoneValue string `json:"none_value"` // ChecklistNone
	NoneLabel string `json:"none_label"` // "None of these"
}

// Step is one page of the questionnaire.
type Step struct {
	Number    int        `json:"number"`              // 1-based position
	Title     string     `json:"title"`               // page heading
	Checklist *Checklist `json:"checklist,omitempty"` // only on step 1
	Questions []Question `json:"questions"`
}

// IsChecklist reports whether the step's questions are shown as one
// checklist (only step 1, the emergency signs).
func (s Step) IsChecklist() bool { return s.Checklist != nil }

// NumSteps is the number of questionnaire steps.
const NumSteps = 4

// Built once: the schema is constant data, and every accessor hands out a
// copy so no caller can change it for the others.
var (
	schema        = buildSteps()
	questionIndex = indexQuestions(schema)
)

// Steps returns the questionnaire's steps in order. The result is a copy.
func Steps() []Step {
	out := make([]Step, len(schema))
	for i, s := range schema {
		out[i] = s
		if s.Checklist != nil {
			c := *s.Checklist
			out[i].Checklist = &c
		}
		out[i].Questions = make([]Question, len(s.Questions))
		for j, q := range s.Questions {
			q.Options = append([]Option(nil), q.Options...)
			out[i].Questions[j] = q
		}
	}
	return out
}

// StepByNumber returns step n (1-based).
func StepByNumber(n int) (Step, bool) {
	if n < 1 || n > len(schema) {
		return Step{}, false
	}
	return Steps()[n-1], true
}

// Questions returns every question in the order they are asked.
func Questions() []Question {
	var out []Question
	for _, s := range Steps() {
		out = append(out, s.Questions...)
	}
	return out
}

// QuestionByKey returns the question with answer key key.
func QuestionByKey(key string) (Question, bool) {
	q, ok := questionIndex[key]
	if ok {
		q.Options = append([]Option(nil), q.Options...)
	}
	return q, ok
}

// Keys returns every answer key in the order the questions are asked.
func Keys() []string {
	var keys []string
	for _, s := range schema {
		for _, q := range s.Questions {
			keys = append(keys, q.Key)
		}
	}
	return keys
}

// EmergencyKeys returns the keys of the step 1 emergency signs.
func EmergencyKeys() []string {
	var keys []string
	for _, q := range schema[0].Questions {
		keys = append(keys, q.Key)
	}
	return keys
}

// Display renders q's answer in a for the "check your answers" page, using
// option labels; it is "" when the question is unanswered.
func (q Question) Display(a Answers) string {
	if !a.Answered(q.Key) {
		return ""
	}
	switch q.Key {
	case KeyAge:
		return strconv.Itoa(*a.Age)
	case KeyIntensity:
		return strconv.Itoa(*a.Intensity) + " out of 10"
	case KeyDuration:
		return q.optionLabel(string(*a.Duration))
	case KeyTrend:
		return q.optionLabel(string(*a.Trend))
	case KeyLocation:
		labels := make([]string, len(a.Location))
		for i, l := range a.Location {
			labels[i] = q.optionLabel(string(l))
		}
		return strings.Join(labels, ", ")
	}
	if a.Yes(q.Key) {
		return "Yes"
	}
	return "No"
}

func (q Question) optionLabel(v string) string {
	for _, o := range q.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

func (q Question) hasOption(v string) bool {
	for _, o := range q.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

func isEmergencyKey(key string) bool {
	q, ok := questionIndex[key]
	return ok && q.Kind == KindEmergencySign
}

func isYesNo(k Kind) bool { return k == KindYesNo || k == KindEmergencySign }

// yesNoKeys returns every yes/no key (including the emergency signs) in
// question order.
func yesNoKeys() []string {
	var keys []string
	for _, s := range schema {
		for _, q := range s.Questions {
			if isYesNo(q.Kind) {
				keys = append(keys, q.Key)
			}
		}
	}
	return keys
}

func indexQuestions(steps []Step) map[string]Question {
	idx := map[string]Question{}
	for _, s := range steps {
		for _, q := range s.Questions {
			idx[q.Key] = q
		}
	}
	return idx
}

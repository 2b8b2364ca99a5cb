package triage

import (
	"slices"
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
	// KindChecklistItem is a yes/no question shown as one tick box of its
	// page's checklist; unticked means "no" once the checklist is answered.
	KindChecklistItem Kind = "checklist_item"
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
	Short   string   `json:"short,omitempty"`   // a few words for "check your answers"; Label when empty
	Hint    string   `json:"hint,omitempty"`    // "why we ask", one short sentence
	Options []Option `json:"options,omitempty"` // allowed answers for choice and yes/no questions
	Min     int      `json:"min,omitempty"`     // lowest value of an integer question
	Max     int      `json:"max,omitempty"`     // highest value of an integer question
	Page    string   `json:"page"`              // the page that asks it
	// Reassuring marks a yes/no question whose "yes" may lower the advice
	// (an obvious strain, back pain like this before). Every other "yes"
	// can only raise it.
	Reassuring bool `json:"reassuring,omitempty"`

	missing string // error message when it is not answered
}

// Checklist describes a page whose questions are tick boxes under one
// shared question, with an exclusive "None of these".
type Checklist struct {
	Field     string `json:"field"`      // form field name
	Label     string `json:"label"`      // the shared question
	Hint      string `json:"hint"`       // why we ask
	NoneValue string `json:"none_value"` // ChecklistNone
	NoneLabel string `json:"none_label"` // "None of these"
}

// ChecklistNone is the form value of "None of these" on every checklist.
const ChecklistNone = "none"

// Page is one page of the questionnaire.
type Page struct {
	ID        string     `json:"id"`                  // stable, used in URLs: /check/q/{id}
	Title     string     `json:"title"`               // page heading
	Checklist *Checklist `json:"checklist,omitempty"` // set on checklist pages
	Questions []Question `json:"questions"`
	// AskedWhen is empty for the pages everyone answers; a follow-up page
	// is asked only when it holds.
	AskedWhen AskedWhen `json:"asked_when,omitempty"`
}

// IsChecklist reports whether the page's questions are one checklist.
func (p Page) IsChecklist() bool { return p.Checklist != nil }

// Cond is one condition on an earlier answer.
type Cond struct {
	Key     string   `json:"key"`
	AnyOf   []string `json:"any_of,omitempty"`   // the answer is, or includes, one of these values ("yes"/"no" for yes/no)
	AtLeast *int     `json:"at_least,omitempty"` // a number answer is at least this
}

// Holds reports whether a's answer to c.Key meets the condition. An
// unanswered question never meets it.
func (c Cond) Holds(a Answers) bool {
	vals := a.Values(c.Key)
	if len(vals) == 0 {
		return false
	}
	if c.AtLeast != nil {
		n, err := strconv.Atoi(vals[0])
		return err == nil && n >= *c.AtLeast
	}
	return slices.ContainsFunc(vals, func(v string) bool { return slices.Contains(c.AnyOf, v) })
}

// AskedWhen says when a follow-up page is asked: when any group holds, and a
// group holds when all its conditions do. Empty means always.
type AskedWhen [][]Cond

// Holds reports whether the page is asked given answers a.
func (w AskedWhen) Holds(a Answers) bool {
	if len(w) == 0 {
		return true
	}
	for _, group := range w {
		all := true
		for _, c := range group {
			if !c.Holds(a) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// Keys returns every key the conditions look at.
func (w AskedWhen) Keys() []string {
	var out []string
	for _, g := range w {
		for _, c := range g {
			if !slices.Contains(out, c.Key) {
				out = append(out, c.Key)
			}
		}
	}
	return out
}

// Built once: the schema is constant data, and every accessor hands out a
// copy so no caller can change it for the others.
var (
	schema        = buildPages()
	questionList  = flatten(schema)
	questionIndex = indexQuestions(questionList)
	yesNoIndex    = indexYesNo(questionList)
)

// Pages returns every page of the questionnaire in order, follow-ups
// included. The result is a copy.
func Pages() []Page {
	out := make([]Page, len(schema))
	for i, p := range schema {
		out[i] = copyPage(p)
	}
	return out
}

func copyPage(p Page) Page {
	if p.Checklist != nil {
		c := *p.Checklist
		p.Checklist = &c
	}
	qs := make([]Question, len(p.Questions))
	for j, q := range p.Questions {
		q.Options = slices.Clone(q.Options)
		qs[j] = q
	}
	p.Questions = qs
	w := make(AskedWhen, len(p.AskedWhen))
	for i, g := range p.AskedWhen {
		w[i] = slices.Clone(g)
	}
	if len(w) == 0 {
		w = nil
	}
	p.AskedWhen = w
	return p
}

// PageByID returns the page with the given id.
func PageByID(id string) (Page, bool) {
	for _, p := range schema {
		if p.ID == id {
			return copyPage(p), true
		}
	}
	return Page{}, false
}

// AskedPages returns, in order, the pages asked given the answers so far. A
// follow-up whose condition depends on an unanswered question is left out
// until that question is answered.
func AskedPages(a Answers) []Page {
	var out []Page
	for _, p := range schema {
		if p.AskedWhen.Holds(a) {
			out = append(out, copyPage(p))
		}
	}
	return out
}

// PageComplete reports whether every question of p has an answer.
func PageComplete(p Page, a Answers) bool {
	for _, q := range p.Questions {
		if !a.Answered(q.Key) {
			return false
		}
	}
	return true
}

// NextPage returns the first asked page that still has an unanswered
// question; false when the questionnaire is complete.
func NextPage(a Answers) (Page, bool) {
	for _, p := range schema { // no copies but the page returned: it runs on every step
		if p.AskedWhen.Holds(a) && !PageComplete(p, a) {
			return copyPage(p), true
		}
	}
	return Page{}, false
}

// Progress says where page id sits among the pages asked so far: the
// 1-based number of the page and the number of pages the visitor can
// expect, which grows when an answer opens a follow-up. ok is false when
// the page is not asked.
func Progress(a Answers, id string) (n, total int, ok bool) {
	asked := AskedPages(a)
	for i, p := range asked {
		if p.ID == id {
			return i + 1, len(asked), true
		}
	}
	return 0, len(asked), false
}

// Questions returns every question in the order they are asked.
func Questions() []Question {
	out := make([]Question, len(questionList))
	for i, q := range questionList {
		q.Options = slices.Clone(q.Options)
		out[i] = q
	}
	return out
}

// QuestionByKey returns the question with answer key key.
func QuestionByKey(key string) (Question, bool) {
	q, ok := questionIndex[key]
	if ok {
		q.Options = slices.Clone(q.Options)
	}
	return q, ok
}

// Keys returns every answer key in the order the questions are asked.
func Keys() []string {
	keys := make([]string, len(questionList))
	for i, q := range questionList {
		keys[i] = q.Key
	}
	return keys
}

// YesNoKeys returns the keys of every yes/no question, checklist items
// included, in question order.
func YesNoKeys() []string {
	var keys []string
	for _, q := range questionList {
		if isYesNo(q.Kind) {
			keys = append(keys, q.Key)
		}
	}
	return keys
}

// SummaryLabel is how the question is named in a list of answers.
func (q Question) SummaryLabel() string {
	if q.Short != "" {
		return q.Short
	}
	return q.Label
}

// Display renders q's answer in a for "check your answers" and the result's
// "Your answers", using option labels; it is "" when the question is
// unanswered.
func (q Question) Display(a Answers) string {
	if !a.Answered(q.Key) {
		return ""
	}
	switch q.Kind {
	case KindInteger:
		if q.Key == KeyIntensity {
			return strconv.Itoa(*a.Intensity) + " out of 10"
		}
		return a.Values(q.Key)[0]
	case KindSingleChoice, KindMultipleChoice:
		vals := a.Values(q.Key)
		labels := make([]string, len(vals))
		for i, v := range vals {
			labels[i] = q.optionLabel(v)
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
	return slices.ContainsFunc(q.Options, func(o Option) bool { return o.Value == v })
}

func isYesNo(k Kind) bool { return k == KindYesNo || k == KindChecklistItem }

func flatten(pages []Page) []Question {
	var out []Question
	for _, p := range pages {
		out = append(out, p.Questions...)
	}
	return out
}

func indexQuestions(qs []Question) map[string]Question {
	idx := map[string]Question{}
	for _, q := range qs {
		idx[q.Key] = q
	}
	return idx
}

func indexYesNo(qs []Question) map[string]int {
	idx := map[string]int{}
	for _, q := range qs {
		if isYesNo(q.Kind) {
			idx[q.Key] = len(idx)
		}
	}
	if len(idx) > maxYesNo {
		panic("triage: more yes/no questions than maxYesNo")
	}
	return idx
}

package triage

import (
	"errors"
	"strconv"
	"strings"
)

// FromValuesPage decodes and validates the questions of one page sent as
// HTML form values (what url.Values holds). The returned Answers holds only
// that page's answers.
//
// A checklist page reads its checklist field: every listed key is "yes" and
// the page's other keys "no"; ChecklistNone alone means all "no". Nothing
// ticked, ChecklistNone together with an item, or a value that is not an
// item of the page, is a FieldError on the checklist field. Keys that are
// not the page's questions are ignored, because forms also carry buttons.
func FromValuesPage(id string, values map[string][]string) (Answers, []FieldError) {
	p, ok := pageByID(id)
	if !ok {
		return Answers{}, []FieldError{{Field: "page", Code: CodeInvalidPage, Message: "There is no such page in this questionnaire"}}
	}
	return decodeFormPage(p, values)
}

// FromValues decodes and validates a whole questionnaire sent as one set of
// form values: every page that the answers ask, in order. Tests and tools
// use it; the web flow decodes one page at a time.
func FromValues(values map[string][]string) (Answers, []FieldError) {
	var a Answers
	var errs []FieldError
	for _, p := range schema {
		if !p.AskedWhen.Holds(a) {
			continue
		}
		b, e := decodeFormPage(p, values)
		a = a.Merge(b)
		errs = append(errs, e...)
	}
	return a, errs
}

// FormValues encodes answers as the form values FromValues reads, so pages
// can be refilled with what the visitor answered before. A checklist is
// written only when all its items are answered, because a partial checklist
// cannot be shown as ticks.
func (a Answers) FormValues() map[string][]string {
	v := map[string][]string{}
	for _, p := range schema {
		if !p.IsChecklist() {
			for _, q := range p.Questions {
				if vals := a.Values(q.Key); vals != nil {
					v[q.Key] = vals
				}
			}
			continue
		}
		if !PageComplete(p, a) {
			continue
		}
		var ticked []string
		for _, q := range p.Questions {
			if a.Yes(q.Key) {
				ticked = append(ticked, q.Key)
			}
		}
		if len(ticked) == 0 {
			ticked = []string{ChecklistNone}
		}
		v[p.Checklist.Field] = ticked
	}
	return v
}

func pageByID(id string) (Page, bool) {
	for _, p := range schema {
		if p.ID == id {
			return p, true
		}
	}
	return Page{}, false
}

func decodeFormPage(p Page, values map[string][]string) (Answers, []FieldError) {
	var a Answers
	if p.IsChecklist() {
		if e := decodeChecklist(p, values[p.Checklist.Field], &a); e != nil {
			return Answers{}, []FieldError{*e}
		}
		return a, nil
	}
	var errs []FieldError
	for _, q := range p.Questions {
		e := decodeFormQuestion(q, values[q.Key], &a)
		if e == nil {
			e = validateQuestion(q, a)
		}
		if e != nil {
			errs = append(errs, *e)
		}
	}
	return a, errs
}

func decodeChecklist(p Page, raw []string, a *Answers) *FieldError {
	field := p.Checklist.Field
	ticked := map[string]bool{}
	none := false
	for _, v := range nonEmpty(raw) {
		switch {
		case v == p.Checklist.NoneValue:
			none = true
		case pageHas(p, v):
			ticked[v] = true // a repeated tick is harmless, so it is not an error
		default:
			return &FieldError{Field: field, Code: CodeInvalidOption, Message: msgChecklistValue}
		}
	}
	switch {
	case none && len(ticked) > 0:
		return &FieldError{Field: field, Code: CodeConflict, Message: msgChecklistNone}
	case !none && len(ticked) == 0:
		return &FieldError{Field: field, Code: CodeRequired, Message: p.Questions[0].missing}
	}
	for _, q := range p.Questions {
		a.SetYesNo(q.Key, ticked[q.Key])
	}
	return nil
}

func pageHas(p Page, key string) bool {
	for _, q := range p.Questions {
		if q.Key == key {
			return true
		}
	}
	return false
}

// decodeFormQuestion parses one question's raw form values into a. It only
// checks the format; ranges and options are checked by validateQuestion.
func decodeFormQuestion(q Question, raw []string, a *Answers) *FieldError {
	vals := nonEmpty(raw)
	if len(vals) == 0 {
		return &FieldError{Field: q.Key, Code: CodeRequired, Message: q.missing}
	}
	if q.Kind == KindMultipleChoice {
		for _, v := range vals {
			a.Location = append(a.Location, Location(v))
		}
		return nil
	}
	if len(vals) > 1 {
		return &FieldError{Field: q.Key, Code: CodeWrongType, Message: "Give only one answer. " + q.missing}
	}
	v := vals[0]
	switch q.Kind {
	case KindInteger:
		n, err := strconv.Atoi(v)
		if err != nil {
			return integerError(q, errors.Is(err, strconv.ErrRange))
		}
		setInteger(q.Key, n, a)
	case KindSingleChoice:
		setChoice(q.Key, v, a)
	default: // yes/no
		switch v {
		case "yes":
			a.SetYesNo(q.Key, true)
		case "no":
			a.SetYesNo(q.Key, false)
		default:
			return &FieldError{Field: q.Key, Code: CodeWrongType, Message: q.missing}
		}
	}
	return nil
}

// integerError words a bad integer; a number too big to parse is reported as
// out of range rather than as "not a number", which would confuse.
func integerError(q Question, tooBig bool) *FieldError {
	code, msg := CodeWrongType, msgIntensity
	if q.Key == KeyAge {
		msg = msgAgeType
	}
	if tooBig {
		code = CodeOutOfRange
		if q.Key == KeyAge {
			msg = msgAgeRange
		}
	}
	return &FieldError{Field: q.Key, Code: code, Message: msg}
}

func setInteger(key string, n int, a *Answers) {
	switch key {
	case KeyAge:
		a.Age = &n
	case KeyIntensity:
		a.Intensity = &n
	}
}

func setChoice(key, v string, a *Answers) {
	switch key {
	case KeyDuration:
		a.Duration = new(Duration(v))
	case KeyTrend:
		a.Trend = new(Trend(v))
	case KeyCancerStatus:
		a.CancerStatus = new(CancerStatus(v))
	}
}

// nonEmpty trims the values and drops empty ones: browsers send "" for an
// empty text box, which means "not answered".
func nonEmpty(raw []string) []string {
	var out []string
	for _, v := range raw {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

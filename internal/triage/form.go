package triage

import (
	"errors"
	"strconv"
	"strings"
)

// FromValues decodes and validates a whole questionnaire sent as HTML form
// values (what url.Values holds). Yes/no questions take "yes" or "no"; the
// emergency signs come as the step 1 checklist (see FromValuesStep).
//
// Keys that are not questions are ignored, because forms also carry CSRF
// tokens, step numbers and buttons; a misspelt field name still shows up,
// as a "required" error on the real question.
func FromValues(values map[string][]string) (Answers, []FieldError) {
	return FromValuesUpTo(NumSteps, values)
}

// FromValuesUpTo decodes and validates steps 1 to step, as the web flow needs
// when earlier steps travel in hidden fields (see Answers.FormValues).
func FromValuesUpTo(step int, values map[string][]string) (Answers, []FieldError) {
	if step < 1 || step > NumSteps {
		return Answers{}, []FieldError{invalidStep()}
	}
	var a Answers
	var errs []FieldError
	for n := 1; n <= step; n++ {
		b, e := decodeFormStep(schema[n-1], values)
		a = a.Merge(b)
		errs = append(errs, e...)
	}
	return a, errs
}

// FromValuesStep decodes and validates only the questions of one step (1 to
// NumSteps). The returned Answers holds only that step's answers.
//
// Step 1 reads the checklist field ChecklistField: every listed key is
// "yes" and the step's other keys "no"; ChecklistNone alone means all "no".
// Nothing ticked, ChecklistNone together with a sign, or a value that is not
// a sign of the step, is a FieldError on ChecklistField.
func FromValuesStep(step int, values map[string][]string) (Answers, []FieldError) {
	if step < 1 || step > NumSteps {
		return Answers{}, []FieldError{invalidStep()}
	}
	return decodeFormStep(schema[step-1], values)
}

func invalidStep() FieldError {
	return FieldError{Field: "step", Code: CodeInvalidStep, Message: "There is no such step in this questionnaire"}
}

func decodeFormStep(s Step, values map[string][]string) (Answers, []FieldError) {
	var a Answers
	if s.IsChecklist() {
		if e := decodeChecklist(s, values[s.Checklist.Field], &a); e != nil {
			return Answers{}, []FieldError{*e}
		}
		return a, nil
	}
	var errs []FieldError
	for _, q := range s.Questions {
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

func decodeChecklist(s Step, raw []string, a *Answers) *FieldError {
	field := s.Checklist.Field
	ticked := map[string]bool{}
	none := false
	for _, v := range nonEmpty(raw) {
		switch {
		case v == s.Checklist.NoneValue:
			none = true
		case isEmergencyKey(v):
			ticked[v] = true // a repeated tick is harmless, so it is not an error
		default:
			return &FieldError{Field: field, Code: CodeInvalidOption, Message: msgChecklistValue}
		}
	}
	switch {
	case none && len(ticked) > 0:
		return &FieldError{Field: field, Code: CodeConflict, Message: msgChecklistNone}
	case !none && len(ticked) == 0:
		return &FieldError{Field: field, Code: CodeRequired, Message: s.Questions[0].missing}
	}
	for _, q := range s.Questions {
		a.SetYesNo(q.Key, ticked[q.Key])
	}
	return nil
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

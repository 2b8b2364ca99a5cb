package triage

import "fmt"

// FieldError is a problem with one answer, worded for the visitor. Field is
// the answer key (or a checklist field of an HTML form,
// or a top-level key of a JSON request), so pages can link the error summary
// to the field.
type FieldError struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error makes a FieldError usable as an error value.
func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// FieldError codes, stable for callers that branch on them.
const (
	CodeRequired      = "required"       // not answered (or an empty list)
	CodeWrongType     = "wrong_type"     // not a whole number, not yes/no, not a list...
	CodeOutOfRange    = "out_of_range"   // a number outside Min..Max
	CodeUnder16       = "under_16"       // age below 16: Backwise is for adults
	CodeInvalidOption = "invalid_option" // a value that is not one of the options
	CodeDuplicate     = "duplicate"      // a repeated JSON key or list value
	CodeUnknownField  = "unknown_field"  // a key that is not a question
	CodeConflict      = "conflict"       // "None of these" ticked together with an item
	CodeInvalidPage   = "invalid_page"   // a page id that is not in the questionnaire
)

// Messages shared by the decoders and Validate.
const (
	msgUnder16 = "Backwise is for adults aged 16 and over. If you are under 16, please talk to a parent or carer, " +
		"or see a doctor, about your back pain."
	msgAgeRange       = "Enter an age between 16 and 120"
	msgAgeType        = "Enter your age as a whole number, like 42"
	msgIntensity      = "Enter a whole number from 0 to 10"
	msgLocationOption = "Select only areas from the list"
	msgLocationDup    = "Select each area only once"
	msgChecklistNone  = "Select either 'None of these' or the ones that apply, not both"
	msgChecklistValue = "Select only items from the list"
)

// Validate checks that every question the answers ask is answered and every
// answer is allowed, and returns the problems in question order (nil when
// valid). Follow-up questions that are not asked may be left out.
func Validate(a Answers) []FieldError {
	var errs []FieldError
	for _, p := range schema {
		asked := p.AskedWhen.Holds(a)
		for _, q := range p.Questions {
			if !asked && !a.Answered(q.Key) {
				continue
			}
			if e := validateQuestion(q, a); e != nil {
				errs = append(errs, *e)
			}
		}
	}
	return errs
}

// validateQuestion checks one question: presence, then range or options.
func validateQuestion(q Question, a Answers) *FieldError {
	if !a.Answered(q.Key) {
		return &FieldError{Field: q.Key, Code: CodeRequired, Message: q.missing}
	}
	switch q.Key {
	case KeyAge:
		return checkAge(*a.Age)
	case KeyIntensity:
		return checkIntensity(*a.Intensity)
	case KeyDuration:
		return checkOption(q, string(*a.Duration))
	case KeyTrend:
		return checkOption(q, string(*a.Trend))
	case KeyCancerStatus:
		return checkOption(q, string(*a.CancerStatus))
	case KeyLocation:
		return checkLocations(q, a.Location)
	}
	return nil
}

func checkAge(age int) *FieldError {
	switch {
	case age >= 0 && age < MinAge:
		return &FieldError{Field: KeyAge, Code: CodeUnder16, Message: msgUnder16}
	case age < 0 || age > MaxAge:
		return &FieldError{Field: KeyAge, Code: CodeOutOfRange, Message: msgAgeRange}
	}
	return nil
}

func checkIntensity(n int) *FieldError {
	if n < MinIntensity || n > MaxIntensity {
		return &FieldError{Field: KeyIntensity, Code: CodeOutOfRange, Message: msgIntensity}
	}
	return nil
}

func checkOption(q Question, v string) *FieldError {
	if !q.hasOption(v) {
		return &FieldError{Field: q.Key, Code: CodeInvalidOption, Message: q.missing}
	}
	return nil
}

func checkLocations(q Question, locs []Location) *FieldError {
	seen := map[Location]bool{}
	for _, l := range locs {
		if !q.hasOption(string(l)) {
			return &FieldError{Field: q.Key, Code: CodeInvalidOption, Message: msgLocationOption}
		}
		if seen[l] {
			return &FieldError{Field: q.Key, Code: CodeDuplicate, Message: msgLocationDup}
		}
		seen[l] = true
	}
	return nil
}

func unknownField(key string) FieldError {
	return FieldError{Field: key, Code: CodeUnknownField,
		Message: fmt.Sprintf("%q is not a question in this questionnaire", key)}
}

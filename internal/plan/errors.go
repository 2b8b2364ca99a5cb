package plan

import "strings"

// FieldError is a problem with one value a visitor entered, worded for the
// visitor. Field is the stable name of the value (the Field... constants), so a
// page can link its error summary to the form field.
type FieldError struct {
	Field   string
	Message string
}

// Error makes a FieldError usable as an error value.
func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// FieldErrors is every problem found in one piece of input. A function that
// returns an error returns a FieldErrors for bad input, so the caller can tell
// it (errors.As) from a failure of ours.
type FieldErrors []FieldError

// Error joins the problems into one line.
func (fe FieldErrors) Error() string {
	msgs := make([]string, len(fe))
	for i, e := range fe {
		msgs[i] = e.Error()
	}
	return "plan: invalid input: " + strings.Join(msgs, "; ")
}

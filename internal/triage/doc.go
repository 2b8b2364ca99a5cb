// Package triage holds the questions and rules of Backwise's "Should I see a
// therapist?" questionnaire.
//
// The package is pure Go: no HTTP, SQL or HTML, so the web form, the JSON API,
// the "check your answers" page and the published rules page all share one
// source of truth. The flow is:
//
//	Steps()                      the questionnaire schema, step by step
//	FromValues / DecodeRequest   form values or JSON -> Answers + []FieldError
//	Validate                     checks Answers built in Go code
//	Evaluate                     Answers -> Result (outcome, reasons, cautions, ...)
//	Rules / Sources              the rule table and its guidelines, for publishing
//
// The rules never diagnose. They map answers to the most cautious matching
// level of care (see Outcome), and where the clinical sources disagree they
// follow the more cautious one and say so in the rule's Condition text.
// Evaluate expects valid answers: a missing answer cannot trigger a rule, so
// callers must run the decoders or Validate first.
package triage

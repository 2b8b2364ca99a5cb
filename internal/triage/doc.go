// Package triage holds the questions and rules of Backwise's "Should I see a
// therapist?" questionnaire.
//
// The package is pure Go: no HTTP, SQL or HTML, so the web form, the JSON API,
// the "check your answers" page, the published rules page and every list of
// warning signs on the site share one source of truth. The flow is:
//
//	Pages() / AskedPages(a)       the questionnaire schema, with follow-ups asked only when relevant
//	FromValuesPage / DecodeRequest form values or JSON -> Answers + []FieldError
//	Validate                      checks Answers built in Go code
//	Evaluate                      Answers -> Result (outcome, reasons, notes, cautions, safety net, ...)
//	Rules / Sources / SignLists   the rule table, its guidelines and its warning-sign lists, for publishing
//
// The rules never diagnose. They map answers to the most cautious matching
// level of care (see Outcome), and where the clinical sources disagree they
// follow the more cautious one and say so in the rule's Condition text.
// Evaluate expects valid answers: a missing answer cannot trigger a rule, so
// callers must run the decoders or Validate first.
package triage

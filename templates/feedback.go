package templates

import "backwise/internal/triage"

// FeedbackItem is the article or routine a report is about.
type FeedbackItem struct {
	Kind, Slug  string
	Title, Href string
}

// FeedbackAnswers are what the reader wrote, shown again only to them
// when something needs fixing.
type FeedbackAnswers struct {
	Problem, Message, Contact string
}

// FeedbackView is the report form's page and the thanks page.
type FeedbackView struct {
	Page
	Item    FeedbackItem
	Answers FeedbackAnswers
	Errors  []triage.FieldError
}

// FeedbackThanksText confirms a report, on the thanks page and in place
// of the form when the site's JavaScript sends it.
const FeedbackThanksText = "Thank you. Your report has been sent to our editors, who check every one. If you left a way to reply, we may write to you about it."

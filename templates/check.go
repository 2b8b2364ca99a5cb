package templates

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/a-h/templ"

	"backwise/internal/library"
	"backwise/internal/store"
	"backwise/internal/triage"
)

// CheckStartView is the questionnaire's start page.
type CheckStartView struct {
	Page
	HasHistory   bool
	ContinueHref string // set when answers are in progress
}

// CheckPageView is one page of the questionnaire, possibly with errors.
type CheckPageView struct {
	Page
	QPage         triage.Page
	Values        map[string][]string // to refill the page: earlier answers, or rejected input
	Errors        []triage.FieldError
	Change        bool   // reached from "check your answers": continuing returns there
	Number, Total int    // "Question 3 of about 6"
	BackHref      string // the previous page
	Action        string // where the form posts
	BackMap       template.HTML
}

// CheckReviewView is the "check your answers" page.
type CheckReviewView struct {
	Page
	Rows []AnswerRow
}

// AnswerRow is one row of "check your answers" or of a result's answers:
// a question and its answer, or a checklist and the items ticked.
type AnswerRow struct {
	ID         string // anchor, so a reason can link to the answer
	Label      string
	Values     []string
	Yes        bool   // a warning sign or condition answered yes, which a clinician should see first
	ChangeHref string // "" on the result page
}

// CheckResultView is a result, fresh or kept.
type CheckResultView struct {
	Page
	Result        triage.Result
	Answers       []AnswerRow
	Reasons       []ReasonView
	Articles      []*library.Article
	Routines      []*library.Routine // suggested self-care routines
	StarterPlan   []*library.Routine // two or three of them to start a plan with
	EndedEarly    bool               // an emergency sign ended the questions early
	SavedID       string             // set when the result is kept
	SavedAt       time.Time          // when it was kept
	OlderRules    bool               // kept under an earlier rules version
	JustSaved     bool
	VisitorHasAny bool
	Printed       time.Time     // for the printed page's date
	Calls         []triage.Call // the result's calls, with the region's numbers
}

// ReasonView is a reason with the article that explains it and the answers
// that led to it.
type ReasonView struct {
	triage.Reason
	Article *library.Article
	Answers []ReasonAnswer
}

// ReasonAnswer is one answer behind a reason, linked to its row.
type ReasonAnswer struct {
	Text   string
	Anchor string
}

// CheckHistoryView lists a visitor's kept results.
type CheckHistoryView struct {
	Page
	Results      []HistoryRow
	Chart        *IntensityChart
	Total        int    // kept results in all
	PageNumber   int    // 1 is the newest
	Newer, Older string // links to the next pages; "" at either end
}

// HistoryRow is one kept result.
type HistoryRow struct {
	ID        string
	CreatedAt time.Time
	Outcome   triage.Outcome
	Intensity int
}

// IntensityChart is a small server-drawn line chart of pain over time.
type IntensityChart struct {
	Width, Height int
	AxisY         int    // where the time axis runs
	Points        string // SVG polyline points
	Dots          []ChartDot
	Summary       string // text alternative
}

// ChartDot is one result on the chart.
type ChartDot struct {
	X, Y      int
	At        time.Time
	Intensity int
	Labelled  bool // its date is written under the axis
}

// CheckRulesView publishes the rule table the engine runs.
type CheckRulesView struct {
	Page
	Rules     []triage.Rule
	SignLists []triage.SignList
	Version   string
}

// WarningList turns one of the rule table's lists into the library's
// rendering of it, so articles and pages show a list the same way.
func WarningList(l triage.SignList) library.WarningList {
	return library.WarningList{
		Card: l.Outcome.CareCard(), Label: l.Outcome.CareCardLabel(),
		Heading: l.Heading, Signs: l.Signs, Action: l.Action,
	}
}

// signListHTML renders a list as a care card.
func signListHTML(l triage.SignList) string {
	return string(library.WarningListHTML(l.ID, WarningList(l)))
}

// signList is one list of the rule table by id.
func signList(id string) triage.SignList {
	l, _ := triage.SignListByID(id)
	return l
}

// hasError reports whether a field has an error.
func hasError(errs []triage.FieldError, field string) bool {
	return errorFor(errs, field) != ""
}

func errorFor(errs []triage.FieldError, field string) string {
	for _, e := range errs {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// fieldID is the id of a question's first input, which the error summary
// links to.
func fieldID(key string) string { return "q-" + strings.ReplaceAll(key, "_", "-") }

func optionID(key, value string) string {
	return fieldID(key) + "-" + strings.ReplaceAll(value, "_", "-")
}

// choiceID is the id of the i-th option of a question: the first takes the
// question's own id, so the error summary's link lands on it.
func choiceID(key, value string, i int) string {
	if i == 0 {
		return fieldID(key)
	}
	return optionID(key, value)
}

func valueOf(values map[string][]string, key string) string {
	if v := values[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func isChecked(values map[string][]string, key, value string) bool {
	for _, v := range values[key] {
		if v == value {
			return true
		}
	}
	return false
}

func describedBy(q triage.Question, errs []triage.FieldError) string {
	ids := fieldID(q.Key) + "-hint"
	if hasError(errs, q.Key) {
		ids += " " + fieldID(q.Key) + "-error"
	}
	return ids
}

// progress is an honest count: follow-ups are asked only when an answer
// calls for them, so the total can grow.
func progress(n, total int) string { return fmt.Sprintf("Question %d of about %d", n, total) }

func careCardClass(o triage.Outcome) string { return "care-card care-card--" + o.CareCard() }

// telHref dials a number from a phone.
func telHref(number string) templ.SafeURL { return templ.SafeURL("tel:" + number) }

// longDay is a date as people write it.
func longDay(t time.Time) string { return t.UTC().Format("2 January 2006") }

// shortDate is the date and time a result was kept, in UTC; LocalTime
// shows it in the visitor's own time zone when JavaScript can.
func shortDate(t time.Time) string { return t.UTC().Format("2 Jan 2006, 15:04") }

// dayMonth is a chart's date label, in UTC unless JavaScript localises it.
func dayMonth(t time.Time) string { return t.UTC().Format("2 Jan") }

// machineTime is a time for the datetime attribute and for scripts.
func machineTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// fieldDescribedBy names a field's hint, and its error when it has one.
func fieldDescribedBy(field string, errs []triage.FieldError) string {
	ids := fieldID(field) + "-hint"
	if hasError(errs, field) {
		ids += " " + fieldID(field) + "-error"
	}
	return ids
}

// maxKept is the most results a visitor can keep.
const maxKept = store.MaxAssessments

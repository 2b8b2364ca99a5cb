package templates

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"backwise/internal/library"
	"backwise/internal/triage"
)

// CheckStartView is the questionnaire's start page.
type CheckStartView struct {
	Page
	HasHistory bool
}

// CheckStepView is one step of the questionnaire, possibly with errors.
// Answers of other steps travel in hidden fields; nothing is stored.
type CheckStepView struct {
	Page
	Step    triage.Step
	Values  map[string][]string // everything posted, to refill this step and carry the rest
	Errors  []triage.FieldError
	Review  bool          // reached from "check your answers": continuing returns there
	BackMap template.HTML // the back map figure, beside the location question
}

// CheckReviewView is the "check your answers" page.
type CheckReviewView struct {
	Page
	Steps   []triage.Step
	Answers triage.Answers
	Values  map[string][]string
}

// CheckResultView is a result, fresh or kept.
type CheckResultView struct {
	Page
	Result        triage.Result
	Answers       triage.Answers
	Steps         []triage.Step // the steps answered, for "Your answers"
	Reasons       []ReasonView
	Articles      []*library.Article
	Routines      []*library.Routine // suggested self-care routines
	EndedEarly    bool               // an emergency sign ended the questionnaire at step 1
	SavedID       string             // set when the result is kept
	SavedAt       time.Time          // when it was kept
	Values        map[string][]string
	OlderRules    bool // kept under an earlier rules version
	JustSaved     bool
	VisitorHasAny bool
}

// ReasonView is a reason with the article that explains it.
type ReasonView struct {
	triage.Reason
	Article *library.Article
}

// CheckHistoryView lists a visitor's kept results.
type CheckHistoryView struct {
	Page
	Results []HistoryRow
	Chart   *IntensityChart
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
	Points        string // SVG polyline points
	Dots          []ChartDot
	Summary       string // text alternative
}

// ChartDot is one result on the chart.
type ChartDot struct {
	X, Y  int
	Label string
}

// CheckRulesView publishes the rule table the engine runs.
type CheckRulesView struct {
	Page
	Rules   []triage.Rule
	Version string
	Sources []triage.Source
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

// hiddenFields are the posted answers that belong to other steps.
func hiddenFields(values map[string][]string, step triage.Step) [][2]string {
	own := map[string]bool{}
	if step.IsChecklist() {
		own[step.Checklist.Field] = true
	}
	for _, q := range step.Questions {
		own[q.Key] = true
	}
	var out [][2]string
	for _, name := range FormFieldNames() {
		if own[name] {
			continue
		}
		for _, v := range values[name] {
			out = append(out, [2]string{name, v})
		}
	}
	return out
}

// allFields writes every posted answer as hidden fields.
func allFields(values map[string][]string) [][2]string {
	var out [][2]string
	for _, name := range FormFieldNames() {
		for _, v := range values[name] {
			out = append(out, [2]string{name, v})
		}
	}
	return out
}

// FormFieldNames are the form fields that carry answers, in question order.
func FormFieldNames() []string {
	names := []string{triage.ChecklistField}
	for _, q := range triage.Questions() {
		if q.Kind != triage.KindEmergencySign {
			names = append(names, q.Key)
		}
	}
	return names
}

func describedBy(q triage.Question, errs []triage.FieldError) string {
	ids := fieldID(q.Key) + "-hint"
	if hasError(errs, q.Key) {
		ids += " " + fieldID(q.Key) + "-error"
	}
	return ids
}

func stepOf(n int) string { return fmt.Sprintf("Step %d of %d", n, triage.NumSteps) }

func careCardClass(o triage.Outcome) string { return "care-card care-card--" + o.CareCard() }

func answerAnchor(key string) string { return "answer-" + strings.ReplaceAll(key, "_", "-") }

// shortDate is the date and time a result was kept, in UTC.
func shortDate(t time.Time) string { return t.UTC().Format("2 Jan 2006, 15:04") }

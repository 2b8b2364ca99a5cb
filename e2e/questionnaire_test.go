package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"backwise/internal/triage"
)

// The questionnaire is driven through the real pages: answers are clicked
// (or typed) into the visible inputs and the step's Continue button is
// pressed. The field names come from the triage schema, so a new question
// does not break these helpers.

// field is one answer as the form sends it.
type field struct{ name, value string }

// answers holds the answers of steps 1 to 4.
type answers [triage.NumSteps][]field

// visible selects form controls that a person sees, not the hidden fields
// that carry other steps' answers.
const visible = ":not([type=hidden])"

// stepMarker selects an element that only step n's own page has.
func stepMarker(n int) string {
	if n == 1 {
		return "input[name=" + triage.ChecklistField + "]" + visible
	}
	step, _ := triage.StepByNumber(n)
	return "input[name=" + step.Questions[0].Key + "]" + visible
}

// Markers of the pages after step 4.
const (
	reviewMarker = "[data-testid=see-result]"
	resultMarker = "[data-outcome]"
	errorSummary = "[data-testid=error-summary]"
)

// allNo answers every yes/no question of step n with "no", except the keys
// listed in yes.
func allNo(n int, yes ...string) []field {
	step, _ := triage.StepByNumber(n)
	var out []field
	for _, q := range step.Questions {
		v := "no"
		for _, y := range yes {
			if q.Key == y {
				v = "yes"
			}
		}
		out = append(out, field{q.Key, v})
	}
	return out
}

// selfCare returns answers that lead to self-care (recent, mild pain that is
// getting better, no warning signs) with the given changes to steps 3 and 4.
func selfCare(intensity int, yes3, yes4 []string) answers {
	return answers{
		{{triage.ChecklistField, triage.ChecklistNone}},
		{{"age", "35"}, {"duration", "under_3_days"}, {"intensity", fmt.Sprint(intensity)}, {"location", "lower"}, {"trend", "improving"}},
		allNo(3, yes3...),
		allNo(4, yes4...),
	}
}

// outcomeAnswers leads to each outcome; see internal/triage/rules.go. The
// emergency case ends at step 1.
var outcomeAnswers = map[string]answers{
	"emergency": {{{triage.ChecklistField, triage.KeySaddleNumbness}}},
	"urgent":    selfCare(3, []string{triage.KeyFever}, nil),         // fever: urgent GP today
	"doctor":    selfCare(3, []string{triage.KeyWeightLoss}, nil),    // weight loss under 60: GP
	"therapist": selfCare(3, nil, []string{triage.KeyOTCNotHelping}), // painkillers not helping
	"self_care": selfCare(3, nil, nil),                               // recent, mild, improving
}

// startCheck opens /check and presses "Start now", landing on step 1.
func startCheck(tb *tab) {
	tb.t.Helper()
	tb.goTo("/check")
	tb.click("button.button--start")
	tb.waitFor(stepMarker(1))
}

// fill enters one step's answers into the visible form.
func fill(tb *tab, fields []field) {
	tb.t.Helper()
	for _, f := range fields {
		input := fmt.Sprintf(`input[name="%s"]%s`, f.name, visible)
		if evalJS[string](tb, fmt.Sprintf(`document.querySelector(%s).type`, jsString(input))) == "text" {
			tb.do(chromedp.SendKeys(chromedp.CSS(input), f.value))
			continue
		}
		tb.click(fmt.Sprintf(`input[name="%s"][value="%s"]%s`, f.name, f.value, visible))
	}
}

// toStep answers the steps before n and stops on step n's page.
func toStep(tb *tab, n int, a answers) {
	tb.t.Helper()
	startCheck(tb)
	for i := 1; i < n; i++ {
		fill(tb, a[i-1])
		tb.click("[data-testid=continue]")
		tb.waitFor(stepMarker(i + 1))
	}
}

// toStepErrors submits step n with nothing answered, so that it comes back
// with its error summary.
func toStepErrors(tb *tab, n int, a answers) {
	tb.t.Helper()
	toStep(tb, n, a)
	tb.click("[data-testid=continue]")
	tb.waitFor(errorSummary)
}

// toReview answers all four steps and stops on "Check your answers".
func toReview(tb *tab, a answers) {
	tb.t.Helper()
	toStep(tb, triage.NumSteps, a)
	fill(tb, a[triage.NumSteps-1])
	tb.click("[data-testid=continue]")
	tb.waitFor(reviewMarker)
}

// toResult answers the questionnaire and shows the advice, which must be
// outcome; keep ticks "Keep this result" on the review page first.
func toResult(tb *tab, outcome string, keep bool) {
	tb.t.Helper()
	a, ok := outcomeAnswers[outcome]
	if !ok {
		tb.t.Fatalf("no answers for outcome %q", outcome)
	}
	if len(a[1]) == 0 { // ends at step 1
		startCheck(tb)
		fill(tb, a[0])
		tb.click("[data-testid=continue]")
	} else {
		toReview(tb, a)
		if keep {
			tb.click("input#save")
		}
		tb.click(reviewMarker)
	}
	tb.waitFor(resultMarker)
	if got := evalJS[string](tb, `document.querySelector('[data-outcome]').dataset.outcome`); got != outcome {
		tb.t.Fatalf("the answers for %s led to %q on %s", outcome, got, tb.url())
	}
}

// keepResults keeps n self-care results with different pain scores, so that
// /check/history has a chart.
func keepResults(t *testing.T, tb *tab, n int) {
	t.Helper()
	for i := range n {
		toReview(tb, selfCare(2+2*i, nil, nil))
		tb.click("input#save")
		tb.click(reviewMarker)
		tb.waitFor(resultMarker)
	}
}

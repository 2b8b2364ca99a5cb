package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/internal/store"
	"backwise/internal/triage"
	"backwise/templates"
)

// reasonArticles names the article that explains each answer's reason,
// by the reason's first answer key.
var reasonArticles = map[string]string{
	triage.KeyBladderBowelChange:   "get-help-now",
	triage.KeySaddleNumbness:       "get-help-now",
	triage.KeyBothLegs:             "get-help-now",
	triage.KeyWalkingDifficulty:    "get-help-now",
	triage.KeyChestPain:            "get-help-now",
	triage.KeyTearingPain:          "get-help-now",
	triage.KeyFaintOrClammy:        "get-help-now",
	triage.KeyMajorTrauma:          "get-help-now",
	triage.KeyNeckSuddenHeadache:   "get-help-now",
	triage.KeyNeckNerveSigns:       "get-help-now",
	triage.KeyNeckFeverStiff:       "get-help-now",
	triage.KeyNeckClumsyHands:      "neck-pain",
	triage.KeyLegWeaknessWorsening: "get-help-now",
	triage.KeyFever:                "get-help-now",
	triage.KeyInjectsDrugs:         "get-help-now",
	triage.KeySevereUnrelieved:     "get-help-now",
	triage.KeyCancer:               "back-pain-with-fibromyalgia-or-cancer",
	triage.KeyImmunosuppressed:     "when-to-see-someone",
	triage.KeySteroids:             "when-to-see-someone",
	triage.KeyWeightLoss:           "when-to-see-someone",
	triage.KeyNightPain:            "when-to-see-someone",
	triage.KeyPainOnStraining:      "when-to-see-someone",
	triage.KeyLumpOrShapeChange:    "when-to-see-someone",
	triage.KeyOsteoporosis:         "when-to-avoid-massage",
	triage.KeyRecentSurgery:        "when-to-avoid-massage",
	triage.KeyPregBleeding:         "back-pain-in-pregnancy",
	triage.KeyPregContractions:     "back-pain-in-pregnancy",
	triage.KeyPregFluid:            "back-pain-in-pregnancy",
	triage.KeyPregFeverOrPeeing:    "back-pain-in-pregnancy",
	triage.KeyPregSidePain:         "back-pain-in-pregnancy",
	triage.KeyPregBabyMovesLess:    "back-pain-in-pregnancy",
	triage.KeyPregHeadacheVision:   "back-pain-in-pregnancy",
	triage.KeyLegPainBelowKnee:     "sciatica",
	triage.KeyNumbnessTingling:     "sciatica",
	triage.KeyOTCNotHelping:        "medicines-for-back-pain",
	triage.KeyAffectsDailyLife:     "staying-active",
	triage.KeyLocation:             "back-pain-by-area",
	triage.KeyDuration:             "acute-and-chronic-back-pain",
	triage.KeyTrend:                "when-to-see-someone",
	triage.KeyIntensity:            "when-to-see-someone",
	triage.KeyAge:                  "when-to-see-someone",
	"":                             "staying-active",
}

type resultPage struct {
	result     triage.Result
	answers    triage.Answers
	endedEarly bool
	kept       *store.Assessment
	justSaved  bool
}

func (s *Server) renderResult(w http.ResponseWriter, r *http.Request, p resultPage) error {
	site := s.sites.Site()
	v := templates.CheckResultView{
		Page:       s.page(r, site, p.result.Title, "The advice from the \"Should I see a therapist?\" questions, and the answers that led to it."),
		Result:     p.result,
		Answers:    answerRows(p.answers, false),
		EndedEarly: p.endedEarly,
		JustSaved:  p.justSaved,
		Printed:    s.now(),
		Calls:      regionCalls(p.result.Calls, s.regionFor(r, site)),
	}
	v.NoIndex = true
	for _, reason := range p.result.Reasons {
		rv := templates.ReasonView{Reason: reason}
		if a, ok := site.Library.Article(reasonArticles[reason.Key]); ok {
			rv.Article = a
		}
		for _, k := range reason.Keys {
			rv.Answers = append(rv.Answers, templates.ReasonAnswer{Text: answerText(k, p.answers), Anchor: answerAnchor(k)})
		}
		v.Reasons = append(v.Reasons, rv)
	}
	v.Articles = articlesBySlug(site.Library, p.result.Articles)
	v.Routines = routinesBySlug(site.Library, p.result.Routines)
	v.StarterPlan = routinesBySlug(site.Library, p.result.StarterPlan)
	if p.kept != nil {
		v.SavedID, v.SavedAt = p.kept.PublicID, p.kept.CreatedAt
		v.OlderRules = p.kept.RulesVersion != p.result.RulesVersion
		v.VisitorHasAny = true
	} else if _, ok, err := s.currentVisitor(r); err == nil && ok {
		v.VisitorHasAny = true
	}
	return s.render(w, r, http.StatusOK, templates.CheckResult(v))
}

// answerText is one answer as a reason quotes it: a ticked item's words, or
// a question with its answer.
func answerText(key string, a triage.Answers) string {
	q, ok := triage.QuestionByKey(key)
	if !ok {
		return key
	}
	if q.Kind == triage.KindChecklistItem {
		return q.Label
	}
	return q.SummaryLabel() + ": " + q.Display(a)
}

// answerAnchor is the id of the row of "Your answers" that shows key: a
// checklist's items share their page's row.
func answerAnchor(key string) string {
	if q, ok := triage.QuestionByKey(key); ok && q.Kind == triage.KindChecklistItem {
		return "answer-" + q.Page
	}
	return "answer-" + key
}

func articlesBySlug(lib *library.Library, slugs []string) []*library.Article {
	var out []*library.Article
	for _, slug := range slugs {
		if a, ok := lib.Article(slug); ok {
			out = append(out, a)
		}
	}
	return out
}

// keptResult loads one of the current visitor's results; anything else,
// including another visitor's result, is a 404.
func (s *Server) keptResult(r *http.Request) (store.Visitor, store.Assessment, triage.Answers, error) {
	visitor, ok, err := s.currentVisitor(r)
	if err != nil {
		return store.Visitor{}, store.Assessment{}, triage.Answers{}, err
	}
	if !ok {
		return store.Visitor{}, store.Assessment{}, triage.Answers{}, errNotFound
	}
	kept, err := s.db.Assessment(r.Context(), visitor, chi.URLParam(r, "id"))
	if errors.Is(err, store.ErrNotFound) {
		return store.Visitor{}, store.Assessment{}, triage.Answers{}, errNotFound
	}
	if err != nil {
		return store.Visitor{}, store.Assessment{}, triage.Answers{}, err
	}
	answers, ok := decodeKept(kept)
	if !ok {
		return visitor, kept, triage.Answers{}, errStaleResult
	}
	return visitor, kept, answers, nil
}

// decodeKept reads a kept result's answers with the API's strict decoder;
// answers kept under older questions may no longer decode.
func decodeKept(kept store.Assessment) (triage.Answers, bool) {
	a, errs, err := triage.DecodeAnswers(kept.Answers)
	if err != nil || len(errs) > 0 || triage.Validate(a) != nil {
		return triage.Answers{}, false
	}
	return a, true
}

var errStaleResult = &httpError{
	Status:  http.StatusGone,
	Heading: "This result can no longer be shown",
	Message: "The questions have changed since this result was kept. You can delete it from your kept results and answer the questions again.",
}

func (s *Server) checkResultShow(w http.ResponseWriter, r *http.Request) error {
	_, kept, answers, err := s.keptResult(r)
	if err != nil {
		return err
	}
	return s.renderResult(w, r, resultPage{
		result:    triage.Evaluate(answers, s.sites.Site().routines),
		answers:   answers,
		kept:      &kept,
		justSaved: r.URL.Query().Get("kept") == "1",
	})
}

func (s *Server) checkResultDelete(w http.ResponseWriter, r *http.Request) error {
	visitor, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if !ok {
		return errNotFound
	}
	if err := s.db.DeleteAssessment(r.Context(), visitor, chi.URLParam(r, "id")); errors.Is(err, store.ErrNotFound) {
		return errNotFound
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, paths.CheckHistory, http.StatusSeeOther)
	return nil
}

func (s *Server) checkHistory(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	v := templates.CheckHistoryView{Page: s.page(r, site, "Your kept results", "")}
	v.NoIndex = true
	visitor, ok, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	if ok {
		list, total, err := s.db.AssessmentSummaries(r.Context(), visitor, historyPageSize, (page-1)*historyPageSize)
		if err != nil {
			return err
		}
		// Oldest first on the page, like the chart beside it (left to
		// right); the pages themselves go from the newest results back.
		v.Results = historyRows(list)
		slices.Reverse(v.Results)
		v.Chart = intensityChart(v.Results)
		v.Total, v.PageNumber = total, page
		if page > 1 {
			v.Newer = paths.CheckHistoryPage(page - 1)
		}
		if page*historyPageSize < total {
			v.Older = paths.CheckHistoryPage(page + 1)
		}
	}
	return s.render(w, r, http.StatusOK, templates.CheckHistory(v))
}

// intensityChart draws pain scores oldest to newest once there are two;
// rows are oldest first. At most chartDateLabels dots carry a date under
// the axis (the first, the last and evenly between), so the labels never
// overlap; every dot names its date and score on hover.
func intensityChart(rows []templates.HistoryRow) *templates.IntensityChart {
	if len(rows) < 2 {
		return nil
	}
	const width, height, left, right, top, bottom = 600, 230, 40, 50, 10, 40
	c := &templates.IntensityChart{Width: width, Height: height, AxisY: height - bottom}
	n := len(rows)
	labelled := map[int]bool{}
	for k := range min(n, chartDateLabels) {
		labelled[k*(n-1)/(min(n, chartDateLabels)-1)] = true
	}
	var pts []string
	for i, row := range rows {
		x := left + 20 + i*(width-left-right-20)/(n-1)
		y := top + (10-row.Intensity)*(height-top-bottom)/10
		pts = append(pts, itoa(x)+","+itoa(y))
		c.Dots = append(c.Dots, templates.ChartDot{X: x, Y: y, At: row.CreatedAt, Intensity: row.Intensity, Labelled: labelled[i]})
	}
	c.Points = strings.Join(pts, " ")
	first, last := rows[0], rows[n-1]
	c.Summary = "Worst pain over " + itoa(n) + " kept results: " + itoa(first.Intensity) + " out of 10 on " +
		first.CreatedAt.UTC().Format("2 January 2006") + ", " + itoa(last.Intensity) + " out of 10 on " + last.CreatedAt.UTC().Format("2 January 2006") + "."
	return c
}

// chartDateLabels is how many dates fit under the chart's axis at 320 px.
const chartDateLabels = 5

func (s *Server) checkRules(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	return s.cached(w, r, site, func() templ.Component {
		return templates.CheckRules(templates.CheckRulesView{
			Page:      s.page(r, site, "How we decide: the questionnaire's rules", "The rules behind Backwise's \"Should I see a therapist?\" questions, with the guideline each comes from."),
			Rules:     triage.Rules(),
			SignLists: triage.SignLists(),
			Version:   triage.RulesVersion,
		})
	})
}

// historyRows lists kept results for the history page and My Backwise.
func historyRows(list []store.AssessmentSummary) []templates.HistoryRow {
	rows := make([]templates.HistoryRow, 0, len(list))
	for _, a := range list {
		rows = append(rows, templates.HistoryRow{ID: a.PublicID, CreatedAt: a.CreatedAt, Outcome: triage.Outcome(a.Outcome), Intensity: a.Intensity})
	}
	return rows
}

// routinesBySlug resolves slugs to routines, skipping any that are gone.
func routinesBySlug(lib *library.Library, slugs []string) []*library.Routine {
	var out []*library.Routine
	for _, slug := range slugs {
		if rt, ok := lib.Routine(slug); ok {
			out = append(out, rt)
		}
	}
	return out
}

// historyPageSize is how many kept results a page of history shows.
const historyPageSize = 20

var errBadPage = &httpError{Status: http.StatusBadRequest, Heading: "No such page", Message: "That page number does not exist. Go back to your kept results."}

// pageNumber reads ?page=N (1 when absent).
func pageNumber(r *http.Request) (int, error) {
	p := r.URL.Query().Get("page")
	if p == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < 1 || n > store.MaxAssessments {
		return 0, errBadPage
	}
	return n, nil
}

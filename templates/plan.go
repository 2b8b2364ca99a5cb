package templates

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"backwise/internal/library"
	"backwise/internal/store"
	"backwise/internal/triage"
)

// PlanState is a routine's place in the visitor's plan, for the routine
// page: add it, mark it done today, or undo.
type PlanState struct {
	Slug      string
	InPlan    bool
	DoneToday bool
	Live      string // in the static export: the routine on the live site
}

// PlanItem is one routine of the plan on the plan page.
type PlanItem struct {
	Routine      *library.Routine // nil: the routine no longer exists
	Slug         string
	DoneToday    bool
	DaysThisWeek int
}

// Name is what the item is called aloud: the routine's title, or its
// address name once the routine is gone.
func (it PlanItem) Name() string {
	if it.Routine == nil {
		return it.Slug
	}
	return it.Routine.Title
}

// PlanForm is the start or edit form of a plan.
type PlanForm struct {
	Choices     []PlanChoice // routines to choose from, grouped by kind in the template
	DaysPerWeek int
	WalkMinutes int
	Activity    string
	Errors      []triage.FieldError
	Editing     bool
}

// PlanChoice is one routine in the form.
type PlanChoice struct {
	Routine   *library.Routine
	Checked   bool
	Suggested bool // from the visitor's latest kept result
	Saved     bool // bookmarked in My Backwise
}

// WeekRow is one week of the days-active table.
type WeekRow struct {
	Start time.Time
	Days  int
	Goal  int
}

// PlanView is "My back plan".
type PlanView struct {
	Page
	HasPlan      bool
	Plan         store.Plan
	Items        []PlanItem
	Form         PlanForm
	Weeks        []WeekRow // oldest first
	ThisWeek     WeekRow
	CheckIns     []store.CheckIn
	Chart        template.HTML
	Message      string // the progress sentence, with region tokens
	CheckInDue   bool
	NextCheckIn  time.Time
	Notice       string
	HasFlareCard bool
}

// CheckInView is the weekly check-in form.
type CheckInView struct {
	Page
	Activity     string
	Signs        []CheckInSignGroup
	Values       map[string][]string
	Errors       []triage.FieldError
	AlreadyToday bool
}

// CheckInSignGroup is one warning-sign list as checkboxes.
type CheckInSignGroup struct {
	List triage.SignList
}

// CheckInAlertView is shown at once when a check-in ticks a warning sign:
// the matching cards first, then the rest.
type CheckInAlertView struct {
	Page
	Lists []triage.SignList
	Calls []triage.Call
	Saved bool
}

// FlareView is the flare-up card: the form, and the card to print.
type FlareView struct {
	Page
	Card   store.FlareCard
	Saved  bool // the visitor has written one
	Errors []triage.FieldError
	Notice string
}

// SummaryView is the one-page summary for a clinician.
type SummaryView struct {
	Page
	Printed  time.Time
	Result   *store.Assessment
	Outcome  triage.Outcome
	Answers  []AnswerRow
	CheckIns []store.CheckIn
	Chart    template.HTML
	Weeks    []WeekRow
	Plan     store.Plan
	Routines []*library.Routine
	Card     *store.FlareCard
	Activity string
	SiteURL  string
}

// signChoiceValue is a checkbox value for sign i of a list.
func signChoiceValue(listID string, i int) string { return listID + ":" + strconv.Itoa(i) }

// scale is 0 to 10, for the check-in's rating questions.
var scale = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}

func weekLabel(t time.Time) string { return "Week of " + t.Format("2 Jan") }

func dayLabel(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.Format("2 Jan 2006")
}

// signQuestion asks about one warning-sign list at a check-in.
func signQuestion(l triage.SignList) string {
	if l.Outcome == triage.Emergency {
		return "Right now, do you have back pain and any of these? They need help straight away."
	}
	return "Or any of these? They need help today."
}

// routineTitles lists routines' titles for a sentence.
func routineTitles(rs []*library.Routine) string {
	titles := make([]string, len(rs))
	for i, r := range rs {
		titles[i] = r.Title
	}
	return strings.Join(titles, ", ")
}

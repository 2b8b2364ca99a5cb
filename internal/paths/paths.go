// Package paths builds every URL of the site, so that routes, templates and
// content checks agree on one spelling and no URL is hard-coded elsewhere.
package paths

import (
	"net/url"
	"strconv"
)

// Fixed pages.
const (
	Home     = "/"
	Articles = "/articles"
	About    = "/about"
	Check    = "/check"
	Routines = "/routines"
	Me       = "/me"
	Search   = "/search"
	Healthz  = "/healthz"
	Feed     = "/feed.xml"
	Sitemap  = "/sitemap.xml"
	Robots   = "/robots.txt"

	CheckHistory = "/check/history"
	CheckRules   = "/check/rules"
	CheckStart   = "/check/start"       // POST: forget answers in progress and begin
	CheckAnswers = "/check/answers"     // "check your answers"
	CheckNow     = "/check/result"      // the advice for the answers in progress
	CheckKeep    = "/check/result/keep" // POST: keep the advice in progress

	Region = "/region" // POST: choose the region whose numbers and services pages show

	Feedback       = "/feedback"        // GET: the report form on its own page; POST: send a report
	FeedbackThanks = "/feedback/thanks" // after a report is sent
	EvidenceKey    = "/about/evidence"  // what each strength-of-evidence label means

	Bookmarks     = "/bookmarks"
	BookmarkNote  = "/bookmarks/note"
	MeExport      = "/me/export"
	MeDelete      = "/me/delete"
	MeRestoreCode = "/me/restore-code"
	MeRestore     = "/me/restore"

	// My back plan.
	MePlan         = "/me/plan"          // the plan: GET the page, POST the goal and routines
	MePlanAdd      = "/me/plan/add"      // POST: add one routine (or a starter plan's routines)
	MePlanRemove   = "/me/plan/remove"   // POST: take a routine out
	MePlanDone     = "/me/plan/done"     // POST: "I did this today" (or undo)
	MePlanCheckIn  = "/me/plan/check-in" // GET the form, POST a check-in
	MePlanFlare    = "/me/plan/flare-up" // GET and POST the flare-up card
	MePlanSummary  = "/me/plan/summary"  // the one-page summary for a clinician
	MePlanCalendar = "/me/plan/reminders.ics"

	// API is the prefix of the JSON API.
	API            = "/api/"
	APIAssessments = API + "v1/assessments"
	APIRules       = API + "v1/rules"
	APIQuestions   = API + "v1/questions"

	// CheckResults is the prefix of every kept result's page.
	CheckResults = "/check/results/"
)

// GetHelpNow is the urgent-help article every page links to.
const GetHelpNow = "/articles/get-help-now"

// Article is the page of one article.
func Article(slug string) string { return "/articles/" + url.PathEscape(slug) }

// Topic is the page listing one category's articles.
func Topic(category string) string { return "/topics/" + url.PathEscape(category) }

// CheckPage is one page of the questionnaire; change marks a visit from
// "check your answers", which continuing returns to.
func CheckPage(id string, change bool) string {
	p := "/check/q/" + url.PathEscape(id)
	if change {
		p += "?change=1"
	}
	return p
}

// CheckHistoryPage is page n of the kept results (1 is the newest).
func CheckHistoryPage(n int) string {
	if n <= 1 {
		return CheckHistory
	}
	return CheckHistory + "?page=" + strconv.Itoa(n)
}

// CheckResult is a kept questionnaire result.
func CheckResult(id string) string { return CheckResults + url.PathEscape(id) }

// CheckResultDelete deletes a kept result (POST).
func CheckResultDelete(id string) string { return CheckResult(id) + "/delete" }

// APIAssessment is a kept result in the JSON API.
func APIAssessment(id string) string { return APIAssessments + "/" + url.PathEscape(id) }

// Routine is the page of one self-care routine.
func Routine(slug string) string { return "/routines/" + url.PathEscape(slug) }

// RoutinesFiltered is the routine list filtered by kind, area and
// equipment (any may be empty).
func RoutinesFiltered(kind, area, equipment string) string {
	q := url.Values{}
	if kind != "" {
		q.Set("kind", kind)
	}
	if area != "" {
		q.Set("area", area)
	}
	if equipment != "" {
		q.Set("equipment", equipment)
	}
	if len(q) == 0 {
		return Routines
	}
	return Routines + "?" + q.Encode()
}

// Item is the page of a bookmarkable item: an article or a routine.
func Item(kind, slug string) string {
	if kind == "routine" {
		return Routine(slug)
	}
	return Article(slug)
}

// FeedbackFor is the report form for one article or routine, on its own
// page.
func FeedbackFor(kind, slug string) string { return Feedback + "?" + itemQuery(kind, slug) }

// FeedbackThanksFor is the page shown after a report about kind/slug.
func FeedbackThanksFor(kind, slug string) string { return FeedbackThanks + "?" + itemQuery(kind, slug) }

func itemQuery(kind, slug string) string {
	return url.Values{"kind": {kind}, "slug": {slug}}.Encode()
}

// EvidenceLevel is the evidence key's entry for one label, such as
// "moderate".
func EvidenceLevel(level string) string { return EvidenceKey + "#" + level }

// Tag is the page listing the articles with one tag.
func Tag(tag string) string { return "/tags/" + url.PathEscape(tag) }

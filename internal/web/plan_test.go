package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/emersion/go-ical"

	"backwise/internal/store"
	"backwise/migrations"
)

func planForm(days, walk, activity string, slugs ...string) url.Values {
	return url.Values{"slug": slugs, "days": {days}, "walk": {walk}, "activity": {activity}}
}

func checkIn(pain, interference, ease string, signs ...string) url.Values {
	return url.Values{"pain": {pain}, "interference": {interference}, "ease": {ease}, "sign": signs}
}

// TestPlanWithoutJavaScript: start a plan, mark a routine done, check in,
// see progress on a chart, write a flare-up card, print a summary and get
// reminders, all through plain forms; another browser sees none of it.
func TestPlanWithoutJavaScript(t *testing.T) {
	e := newCheckEnv(t)
	a, b := e.client, newClient()
	const routine = "heat-and-gentle-movement"

	code, body := e.get(a, "/me/plan")
	if code != 200 || !parsePage(t, body).has(`form[data-testid=plan-form] input[type=checkbox][name=slug]`) {
		t.Fatalf("an empty plan page = %d, want the start form", code)
	}
	// Mistakes: no routine, too many, a bad goal; nothing is stored.
	for name, form := range map[string]url.Values{
		"no routine": planForm("3", "0", ""),
		"six":        planForm("3", "0", "", "heat-and-gentle-movement", "tennis-ball-lower-back", "tennis-ball-upper-back", "foot-arch-roll", "hands-lower-back", "handheld-massager"),
		"days 9":     planForm("9", "0", "", routine),
		"long chore": planForm("3", "0", strings.Repeat("x", 61), routine),
	} {
		code, body, _ := e.post(a, "/me/plan", form)
		if code != http.StatusUnprocessableEntity || !parsePage(t, body).has(`[data-testid=error-summary]`) {
			t.Errorf("%s: %d, want 422 with an error summary", name, code)
		}
	}
	if code, _, _ := e.post(a, "/me/plan", planForm("3", "0", "", "no-such-routine")); code != 404 {
		t.Errorf("an unknown routine = %d, want 404", code)
	}
	if n := e.rows("plans"); n != 0 {
		t.Fatalf("%d plans stored from forms with mistakes", n)
	}
	code, _, h := e.post(a, "/me/plan", planForm("3", "15", "carrying the shopping", routine, "tennis-ball-lower-back"))
	if code != http.StatusSeeOther || h.Get("Location") != "/me/plan?done=started" || !strings.Contains(h.Get("Set-Cookie"), "HttpOnly") {
		t.Fatalf("start = %d %q", code, h.Get("Location"))
	}

	// "I did this today", twice: one mark.
	for range 2 {
		code, _, h = e.post(a, "/me/plan/done", url.Values{"slug": {routine}, "action": {"done"}, "from": {"routine"}})
		if code != http.StatusSeeOther || h.Get("Location") != "/routines/"+routine+"#plan" {
			t.Fatalf("done = %d %q", code, h.Get("Location"))
		}
	}
	if n := e.rows("done_marks"); n != 1 {
		t.Errorf("%d marks after pressing twice, want 1", n)
	}
	_, body = e.get(a, "/routines/"+routine)
	if d := parsePage(t, body); !strings.Contains(d.text(`[data-testid=done-status]`), "Done today") || !strings.Contains(d.text(`[data-testid=plan-block]`), "in your back plan") {
		t.Errorf("the routine page does not show it done and in the plan: %q", d.text(`[data-testid=plan-block]`))
	}

	// A first check-in a fortnight ago (the store directly), then today's.
	var visitor store.Visitor
	if err := e.raw.QueryRow(`SELECT visitor_id FROM plans`).Scan(&visitor.ID); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), e.dbPath, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	first := today.AddDate(0, 0, -14)
	if _, err := db.AddCheckIn(context.Background(), store.Who{Visitor: visitor}, store.CheckIn{Day: store.Day(first), Pain: 8, Interference: 7, Ease: 3}, first); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, body = e.get(a, "/me/plan")
	if !parsePage(t, body).has(`a[data-testid=check-in-link][href="/me/plan/check-in"]`) {
		t.Error("a check-in two weeks old does not ask for a new one")
	}
	_, body = e.get(a, "/me/plan/check-in")
	if d := parsePage(t, body); len(d.all(`form[data-testid=check-in-form] input[name=sign]`)) < 5 || !strings.Contains(d.text(`form[data-testid=check-in-form]`), "carrying the shopping") {
		t.Error("the check-in form lacks the warning signs or the visitor's activity")
	}
	if code, body, _ := e.post(a, "/me/plan/check-in", checkIn("", "4", "6")); code != http.StatusUnprocessableEntity || !parsePage(t, body).has(`[data-testid=error-summary] a[href="#q-pain"]`) {
		t.Errorf("a check-in without pain = %d", code)
	}
	if code, _, h := e.post(a, "/me/plan/check-in", checkIn("5", "4", "6")); code != http.StatusSeeOther || h.Get("Location") != "/me/plan?done=checked-in" {
		t.Fatalf("check-in = %d %q", code, h.Get("Location"))
	}
	if code, _, _ := e.post(a, "/me/plan/check-in", checkIn("5", "4", "6")); code != http.StatusUnprocessableEntity {
		t.Errorf("a second check-in the same day = %d, want 422", code)
	}
	_, body = e.get(a, "/me/plan")
	d := parsePage(t, body)
	if !strings.Contains(d.text(`[data-testid=progress-message]`), "30%") {
		t.Errorf("pain 8 → 5 gives no 30%% sentence: %q", d.text(`[data-testid=progress-message]`))
	}
	if !d.has(`[data-testid=progress] svg[role=img] title`) || len(d.all(`[data-testid=check-in-table] tbody tr`)) != 2 {
		t.Error("no chart or a table without both check-ins")
	}
	if got := d.text(`[data-testid=this-week]`); !strings.Contains(got, "1 day") || !strings.Contains(got, "3 days") {
		t.Errorf("this week = %q", got)
	}

	// Flare-up card: defaults to start from, a too-long field, then saved.
	_, body = e.get(a, "/me/plan/flare-up")
	if !strings.Contains(parsePage(t, body).text(`textarea[name=helps]`), "Keep moving") {
		t.Error("the flare-up form has no suggestions to start from")
	}
	card := url.Values{"helps": {"Heat and a short walk"}, "pause": {"Digging"}, "contacts": {"My GP"}, "seek_help": {"Any warning sign"}}
	long := url.Values{"helps": {strings.Repeat("a", 501)}, "pause": {""}, "contacts": {""}, "seek_help": {""}}
	if code, _, _ := e.post(a, "/me/plan/flare-up", long); code != http.StatusUnprocessableEntity {
		t.Errorf("a 501-character field = %d", code)
	}
	if code, _, _ := e.post(a, "/me/plan/flare-up", card); code != http.StatusSeeOther {
		t.Fatalf("save card = %d", code)
	}
	_, body = e.get(a, "/me/plan/flare-up")
	if !strings.Contains(parsePage(t, body).text(`[data-testid=flare-card]`), "Digging") {
		t.Error("the card does not show what was saved")
	}

	// Summary for a clinician: the check-ins, the card, no visitor id.
	_, body = e.get(a, "/me/plan/summary")
	d = parsePage(t, body)
	if !d.has(`[data-testid=clinician-summary] [data-testid=check-in-table]`) || !strings.Contains(d.text(`main`), "Digging") {
		t.Error("the summary lacks the check-ins or the card")
	}
	for _, c := range a.Jar.Cookies(mustURL(t, e.srv.URL)) {
		if strings.Contains(body, c.Value) {
			t.Errorf("the summary contains the %s cookie", c.Name)
		}
	}

	// Reminders: an iCalendar file any calendar can read.
	res, err := a.Get(e.srv.URL + "/me/plan/reminders.ics?checkin_day=1&checkin_time=18:00&routine_time=07:30")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(res.Body).Decode()
	res.Body.Close()
	if err != nil || res.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("reminders: %v, %q", err, res.Header.Get("Content-Type"))
	}
	if events := cal.Events(); len(events) != 2 {
		t.Errorf("%d events, want a check-in and a routine", len(events))
	}
	if code, _ := e.get(a, "/me/plan/reminders.ics?checkin_day=1&checkin_time=25:99"); code != http.StatusUnprocessableEntity {
		t.Errorf("a bad time = %d, want 422", code)
	}

	// Another browser sees none of it.
	_, body = e.get(b, "/me/plan")
	if strings.Contains(body, "carrying the shopping") || parsePage(t, body).has(`[data-testid=this-week]`) {
		t.Errorf("another browser sees the plan: %s", parsePage(t, body).text(`main`))
	}
	// The export has every part; deleting removes every row.
	_, body = e.get(a, "/me/export")
	var ex struct {
		Plan      *struct{ Routines []string } `json:"plan"`
		Done      []store.DoneMark             `json:"routines_done"`
		CheckIns  []store.CheckIn              `json:"check_ins"`
		FlareCard *store.FlareCard             `json:"flare_up_card"`
	}
	if err := json.Unmarshal([]byte(body), &ex); err != nil || ex.Plan == nil || len(ex.Plan.Routines) != 2 || len(ex.Done) != 1 || len(ex.CheckIns) != 2 || ex.FlareCard == nil {
		t.Errorf("export = %v %s", err, body)
	}
	// Health values never reach the log.
	for _, secret := range []string{"carrying the shopping", "Digging", "pain=5"} {
		if strings.Contains(e.logs.String(), secret) {
			t.Errorf("the log contains %q", secret)
		}
	}
	e.post(a, "/me/delete", nil)
	for _, table := range []string{"plans", "plan_items", "done_marks", "checkins", "flare_cards"} {
		if n := e.rows(table); n != 0 {
			t.Errorf("%s has %d rows after deleting everything", table, n)
		}
	}
}

// TestCheckInWarningSignShowsCardFirst: a warning sign ticked at a
// check-in shows its care card at once, even with the ratings left blank.
func TestCheckInWarningSignShowsCardFirst(t *testing.T) {
	e := newCheckEnv(t)
	code, body, _ := e.post(e.client, "/me/plan/check-in", checkIn("", "", "", "emergency:0"))
	d := parsePage(t, body)
	if code != 200 || d.text(`main h1`) != "Get help now" || !d.has(`[data-testid=calls] a[href^="tel:"]`) {
		t.Fatalf("a sign at check-in = %d, h1 %q", code, d.text(`main h1`))
	}
	if !strings.Contains(d.text(`main`), "now if you have back pain and") || strings.Contains(d.text(`main`), "{{") {
		t.Error("the emergency card is not shown")
	}
	code, body, _ = e.post(e.client, "/me/plan/check-in", checkIn("3", "3", "7", "urgent:1"))
	if code != 200 || !strings.Contains(parsePage(t, body).text(`main`), "Get help today") {
		t.Errorf("a same-day sign = %d", code)
	}
	if n := e.rows("checkins"); n != 1 {
		t.Errorf("%d check-ins stored, want the one with ratings", n)
	}
	if code, _, _ := e.post(e.client, "/me/plan/check-in", checkIn("3", "3", "7", "emergency:999")); code != http.StatusBadRequest {
		t.Errorf("an unknown sign = %d, want 400", code)
	}
}

// TestPlanCapAndStarterPlan: a result offers a starter plan; a plan holds
// five routines, and the sixth is a clear 422.
func TestPlanCapAndStarterPlan(t *testing.T) {
	e := newCheckEnv(t)
	doc := e.resultOf(e.client, benignAnswers())
	if len(byTestID(doc, "starter-plan")) == 0 {
		t.Fatal("a self-care result offers no starter plan")
	}
	slugs := []string{"heat-and-gentle-movement", "tennis-ball-lower-back", "tennis-ball-upper-back", "foot-arch-roll", "hands-lower-back"}
	code, _, h := e.post(e.client, "/me/plan/add", url.Values{"slug": slugs[:2], "from": {"result"}})
	if code != http.StatusSeeOther || h.Get("Location") != "/me/plan?done=added" {
		t.Fatalf("starter plan = %d %q", code, h.Get("Location"))
	}
	for _, slug := range slugs[2:] {
		e.post(e.client, "/me/plan/add", url.Values{"slug": {slug}, "from": {"routine"}})
	}
	code, body, _ := e.post(e.client, "/me/plan/add", url.Values{"slug": {"handheld-massager"}, "from": {"routine"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "up to 5 routines") {
		t.Errorf("a sixth routine = %d", code)
	}
	if n := e.rows("plan_items"); n != 5 {
		t.Errorf("%d routines in the plan, want 5", n)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

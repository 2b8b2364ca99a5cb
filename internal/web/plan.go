package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"backwise/internal/paths"
	"backwise/internal/plan"
	"backwise/internal/store"
	"backwise/internal/triage"
	"backwise/templates"
)

// "My back plan": handlers read and check the forms, the store keeps the
// rows, internal/plan does the sums and drawing. Every write goes through
// the same rate limit as saves; nothing here is logged but the route.

// planWeeks is how many weeks the days-active table shows.
const planWeeks = 8

// checkInEvery is how often the plan page asks for a check-in.
const checkInEvery = 7 * 24 * time.Hour

// defaultGoal starts a plan from a routine page or a result.
var defaultGoal = store.PlanGoal{DaysPerWeek: 3}

var planNotices = map[string]string{
	"started":    "Your plan is ready. Do a routine, then press \"I did this today\".",
	"saved":      "Your plan is saved.",
	"added":      "Added to your plan.",
	"removed":    "Taken out of your plan.",
	"checked-in": "Thank you. Your check-in is saved.",
	"card":       "Your flare-up card is saved.",
}

var errPlanFull = &httpError{
	Status:  http.StatusUnprocessableEntity,
	Heading: "Your plan is full",
	Message: "A plan holds up to 5 routines, so it stays doable. Take one out in My back plan, then add this one.",
}

var errBadPlanForm = &httpError{
	Status:  http.StatusBadRequest,
	Heading: "We could not update your plan",
	Message: "Something was wrong with the form that was sent. Go back to the page and try again.",
}

func (s *Server) planMeta(r *http.Request, title string) templates.Page {
	p := s.page(r, s.sites.Site(), title, "")
	p.NoIndex = true
	return p
}

func (s *Server) planPage(w http.ResponseWriter, r *http.Request) error {
	v, known, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	view := templates.PlanView{Page: s.planMeta(r, "My back plan"), Notice: planNotices[r.URL.Query().Get("done")]}
	var p store.Plan
	if known {
		switch p, err = s.db.Plan(r.Context(), v); {
		case err == nil:
			view.HasPlan = true
		case !errors.Is(err, store.ErrNoPlan):
			return err
		}
	}
	form, err := s.planForm(r, v, known, p, view.HasPlan)
	if err != nil {
		return err
	}
	view.Form = form
	if view.HasPlan {
		if err := s.fillPlan(r, v, p, &view); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, templates.Plan(view))
}

// fillPlan adds this week, the routines, the check-ins and the chart.
func (s *Server) fillPlan(r *http.Request, v store.Visitor, p store.Plan, view *templates.PlanView) error {
	ctx, now := r.Context(), s.now()
	lib := s.sites.Site().Library
	view.Plan = p
	since := now.AddDate(0, 0, -7*planWeeks)
	marks, err := s.db.DoneMarks(ctx, v, since)
	if err != nil {
		return err
	}
	view.Weeks = weekRows(marks, p, now)
	if len(view.Weeks) > 0 {
		view.ThisWeek = view.Weeks[len(view.Weeks)-1]
	}
	today, weekStart := store.Day(now), store.Day(view.ThisWeek.Start)
	for _, slug := range p.Items {
		it := templates.PlanItem{Slug: slug}
		it.Routine, _ = lib.Routine(slug)
		for _, m := range marks {
			if m.Slug == slug && m.Day >= weekStart {
				it.DaysThisWeek++
				it.DoneToday = it.DoneToday || m.Day == today
			}
		}
		view.Items = append(view.Items, it)
	}
	cs, err := s.db.CheckIns(ctx, v)
	if err != nil {
		return err
	}
	view.CheckIns = cs
	pc := planCheckIns(cs)
	view.Chart = plan.Chart(pc, p.Activity)
	view.Message = plan.Summarise(pc).Message()
	view.CheckInDue = true
	if n := len(cs); n > 0 {
		last, _ := time.Parse(time.DateOnly, cs[n-1].Day)
		view.NextCheckIn = last.Add(checkInEvery)
		view.CheckInDue = !now.Before(view.NextCheckIn)
	}
	_, view.HasFlareCard, err = s.db.FlareCardOf(ctx, v)
	return err
}

// planForm lists every routine (exercise first, as the library orders
// them), ticking the plan's or, for a new plan, the starter plan of the
// latest kept result.
func (s *Server) planForm(r *http.Request, v store.Visitor, known bool, p store.Plan, editing bool) (templates.PlanForm, error) {
	f := templates.PlanForm{DaysPerWeek: defaultGoal.DaysPerWeek, Editing: editing}
	var suggested, starter, saved []string
	if known {
		res, ok, err := s.latestResult(r, v)
		if err != nil {
			return f, err
		}
		if ok {
			suggested, starter = res.Routines, res.StarterPlan
		}
		bookmarks, err := s.db.Bookmarks(r.Context(), v)
		if err != nil {
			return f, err
		}
		for _, b := range bookmarks {
			if b.Kind == "routine" {
				saved = append(saved, b.Slug)
			}
		}
	}
	checked := starter
	if editing {
		checked = p.Items
		f.DaysPerWeek, f.WalkMinutes, f.Activity = p.DaysPerWeek, p.WalkMinutes, p.Activity
	}
	for _, rt := range s.sites.Site().Library.Routines() {
		f.Choices = append(f.Choices, templates.PlanChoice{Routine: rt, Checked: slices.Contains(checked, rt.Slug),
			Suggested: slices.Contains(suggested, rt.Slug), Saved: slices.Contains(saved, rt.Slug)})
	}
	return f, nil
}

// latestResult re-evaluates the visitor's most recent kept result, so its
// suggestions follow today's routines and rules.
func (s *Server) latestResult(r *http.Request, v store.Visitor) (triage.Result, bool, error) {
	kept, ok, err := s.db.LatestAssessment(r.Context(), v)
	if err != nil || !ok {
		return triage.Result{}, false, err
	}
	answers, ok := decodeKept(kept)
	if !ok {
		return triage.Result{}, false, nil
	}
	return triage.Evaluate(answers, s.sites.Site().routines), true, nil
}

// planSave starts or changes the plan from its form.
func (s *Server) planSave(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	lib := s.sites.Site().Library
	goal := store.PlanGoal{Activity: strings.TrimSpace(values.Get("activity"))}
	slugs := values["slug"]
	var errs []triage.FieldError
	for _, slug := range slugs {
		if _, ok := lib.Routine(slug); !ok {
			return errUnknownItem
		}
	}
	switch {
	case len(slugs) == 0:
		errs = append(errs, triage.FieldError{Field: "slug", Code: "required", Message: "Choose at least one routine"})
	case len(slugs) > store.MaxPlanItems:
		errs = append(errs, triage.FieldError{Field: "slug", Code: "too_many", Message: "Choose up to 5 routines (you chose " + strconv.Itoa(len(slugs)) + "), so the plan stays doable"})
	}
	if goal.DaysPerWeek, err = strconv.Atoi(values.Get("days")); err != nil || goal.DaysPerWeek < 1 || goal.DaysPerWeek > 7 {
		errs = append(errs, triage.FieldError{Field: "days", Code: "required", Message: "Choose how many days a week you will aim for"})
	}
	if walk := values.Get("walk"); walk != "" {
		if goal.WalkMinutes, err = strconv.Atoi(walk); err != nil || goal.WalkMinutes < 0 || goal.WalkMinutes > store.MaxWalkMinutes {
			errs = append(errs, triage.FieldError{Field: "walk", Code: "invalid", Message: "Choose a walking goal from the list"})
		}
	}
	if !utf8.ValidString(goal.Activity) {
		return errBadForm
	}
	if n := utf8.RuneCountInString(goal.Activity); n > store.MaxActivity {
		errs = append(errs, triage.FieldError{Field: "activity", Code: "too_long", Message: "Keep the activity to 60 characters or fewer (it has " + strconv.Itoa(n) + ")"})
	}
	if len(errs) > 0 {
		v, known, err := s.currentVisitor(r)
		if err != nil {
			return err
		}
		editing := false
		if known {
			_, perr := s.db.Plan(r.Context(), v)
			editing = perr == nil
		}
		form, err := s.planForm(r, v, known, store.Plan{}, false)
		if err != nil {
			return err
		}
		form.Editing, form.Errors = editing, errs
		form.DaysPerWeek, form.WalkMinutes, form.Activity = goal.DaysPerWeek, goal.WalkMinutes, goal.Activity
		for i := range form.Choices {
			form.Choices[i].Checked = slices.Contains(slugs, form.Choices[i].Routine.Slug)
		}
		view := templates.PlanView{Page: s.planMeta(r, "Error: My back plan"), Form: form}
		return s.render(w, r, http.StatusUnprocessableEntity, templates.Plan(view))
	}
	who, err := s.writer(w, r)
	if err != nil {
		return err
	}
	notice := "saved"
	if who.NewToken != "" {
		notice = "started"
	} else if _, err := s.db.Plan(r.Context(), who.Visitor); errors.Is(err, store.ErrNoPlan) {
		notice = "started"
	}
	if _, err := s.db.SavePlan(r.Context(), who, goal, slugs); err != nil {
		return err
	}
	s.remember(w, r, who)
	http.Redirect(w, r, paths.MePlan+"?done="+notice, http.StatusSeeOther)
	return nil
}

// planAdd adds one routine (from its page) or a starter plan (from a
// result) to the plan, starting one if needed.
func (s *Server) planAdd(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	slugs, from := values["slug"], values.Get("from")
	if len(slugs) == 0 || len(slugs) > store.MaxPlanItems || (from != "routine" && from != "result") {
		return errBadPlanForm
	}
	lib := s.sites.Site().Library
	for _, slug := range slugs {
		if _, ok := lib.Routine(slug); !ok {
			return errUnknownItem
		}
	}
	who, err := s.writer(w, r)
	if err != nil {
		return err
	}
	// All or nothing: a plan that cannot take them all takes none, and
	// the visitor is told why (it used to take some and still say full).
	if _, err := s.db.AddPlanItems(r.Context(), who, slugs, defaultGoal); errors.Is(err, store.ErrPlanFull) {
		return errPlanFull
	} else if err != nil {
		return err
	}
	s.remember(w, r, who)
	if from == "routine" {
		http.Redirect(w, r, paths.Routine(slugs[0])+"#plan", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, paths.MePlan+"?done=added", http.StatusSeeOther)
	return nil
}

func (s *Server) planRemove(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	slug := values.Get("slug")
	if slug == "" || len(slug) > 100 {
		return errBadPlanForm
	}
	v, known, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if known {
		if err := s.db.RemovePlanItem(r.Context(), v, slug); err != nil {
			return err
		}
	}
	http.Redirect(w, r, paths.MePlan+"?done=removed", http.StatusSeeOther)
	return nil
}

// planDone is "I did this today" and its undo: one mark per routine per
// day, however often it is pressed.
func (s *Server) planDone(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	slug, action, from := values.Get("slug"), values.Get("action"), values.Get("from")
	if (action != "done" && action != "undo") || (from != "routine" && from != "plan") {
		return errBadPlanForm
	}
	if _, ok := s.sites.Site().Library.Routine(slug); !ok {
		return errUnknownItem
	}
	now := s.now()
	done := action == "done"
	if done {
		who, err := s.writer(w, r)
		if err != nil {
			return err
		}
		if _, err := s.db.MarkDone(r.Context(), who, slug, now); err != nil {
			return err
		}
		s.remember(w, r, who)
	} else if v, known, err := s.currentVisitor(r); err != nil {
		return err
	} else if known {
		if err := s.db.UnmarkDone(r.Context(), v, slug, now); err != nil {
			return err
		}
	}
	if wantsJSON(r) {
		st := map[bool]map[string]any{
			true:  {"done": true, "status": "Done today. Well done.", "button": "Undo: I did not do it today", "action": "undo"},
			false: {"done": false, "status": "Not marked as done today.", "button": "I did this today", "action": "done"},
		}[done]
		writeJSON(w, http.StatusOK, st)
		return nil
	}
	if from == "plan" {
		http.Redirect(w, r, paths.MePlan+"#week-title", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, paths.Routine(slug)+"#plan", http.StatusSeeOther)
	return nil
}

// planState is a routine's place in the visitor's plan, for its page.
func (s *Server) planState(r *http.Request, v store.Visitor, known bool, slug string) (templates.PlanState, error) {
	st := templates.PlanState{Slug: slug}
	if s.static {
		st.Live = s.baseURL + paths.Routine(slug) + "#plan"
		return st, nil
	}
	if !known {
		return st, nil
	}
	p, err := s.db.Plan(r.Context(), v)
	if err != nil && !errors.Is(err, store.ErrNoPlan) {
		return st, err
	}
	st.InPlan = slices.Contains(p.Items, slug)
	st.DoneToday, err = s.db.DoneOn(r.Context(), v, slug, s.now())
	return st, err
}

// checkInLists are the warning signs a check-in asks about again: the
// emergency and same-day lists of the rule table.
func checkInLists() []templates.CheckInSignGroup {
	var out []templates.CheckInSignGroup
	for _, id := range []string{"emergency", "urgent"} {
		if l, ok := triage.SignListByID(id); ok {
			out = append(out, templates.CheckInSignGroup{List: l})
		}
	}
	return out
}

func (s *Server) checkInForm(w http.ResponseWriter, r *http.Request) error {
	v, known, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	view := templates.CheckInView{Page: s.planMeta(r, "Weekly check-in"), Signs: checkInLists()}
	if known {
		if p, err := s.db.Plan(r.Context(), v); err == nil {
			view.Activity = p.Activity
		}
		cs, err := s.db.CheckIns(r.Context(), v)
		if err != nil {
			return err
		}
		view.AlreadyToday = len(cs) > 0 && cs[len(cs)-1].Day == store.Day(s.now())
	}
	return s.render(w, r, http.StatusOK, templates.CheckIn(view))
}

var errCheckedInToday = &httpError{
	Status:  http.StatusUnprocessableEntity,
	Heading: "You have already checked in today",
	Message: "One check-in a day keeps your chart clear. You can check in again tomorrow.",
}

// checkInSave stores a check-in. A warning sign ticked shows its care card
// at once, before anything else; the numbers are still kept.
func (s *Server) checkInSave(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	ticked, ok := tickedSigns(values["sign"])
	if !ok {
		return errBadPlanForm
	}
	c := store.CheckIn{Day: store.Day(s.now())}
	var errs []triage.FieldError
	for _, q := range []struct {
		key string
		to  *int
	}{{"pain", &c.Pain}, {"interference", &c.Interference}, {"ease", &c.Ease}} {
		n, err := strconv.Atoi(values.Get(q.key))
		if err != nil || n < 0 || n > plan.MaxScore {
			errs = append(errs, triage.FieldError{Field: q.key, Code: "required", Message: "Choose a number from 0 to 10"})
			continue
		}
		*q.to = n
	}
	if len(ticked) > 0 {
		// Safety first: the cards whatever else is wrong with the form.
		saved := false
		if len(errs) == 0 {
			if saved, err = s.storeCheckIn(w, r, c); err != nil && !errors.Is(err, store.ErrCheckedInToday) {
				return err
			}
		}
		site := s.sites.Site()
		view := templates.CheckInAlertView{Page: s.planMeta(r, "Get help now"), Lists: ticked, Saved: saved}
		worst := ticked[0].Outcome
		view.Calls = regionCalls(worst.Calls(), s.regionFor(r, site))
		return s.render(w, r, http.StatusOK, templates.CheckInAlert(view))
	}
	if len(errs) > 0 {
		view := templates.CheckInView{Page: s.planMeta(r, "Error: Weekly check-in"), Signs: checkInLists(), Values: values, Errors: errs}
		if v, known, err := s.currentVisitor(r); err == nil && known {
			if p, err := s.db.Plan(r.Context(), v); err == nil {
				view.Activity = p.Activity
			}
		}
		return s.render(w, r, http.StatusUnprocessableEntity, templates.CheckIn(view))
	}
	if _, err := s.storeCheckIn(w, r, c); errors.Is(err, store.ErrCheckedInToday) {
		return errCheckedInToday
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, paths.MePlan+"?done=checked-in", http.StatusSeeOther)
	return nil
}

func (s *Server) storeCheckIn(w http.ResponseWriter, r *http.Request, c store.CheckIn) (bool, error) {
	who, err := s.writer(w, r)
	if err != nil {
		return false, err
	}
	if _, err := s.db.AddCheckIn(r.Context(), who, c, s.now()); err != nil {
		return false, err
	}
	s.remember(w, r, who)
	return true, nil
}

// tickedSigns reads the ticked warning signs ("emergency:3") and returns
// the lists they belong to, most urgent first; ok is false for a value no
// list has.
func tickedSigns(values []string) ([]triage.SignList, bool) {
	var out []triage.SignList
	for _, g := range checkInLists() {
		for _, v := range values {
			id, idx, found := strings.Cut(v, ":")
			i, err := strconv.Atoi(idx)
			if !found || err != nil {
				return nil, false
			}
			if id == g.List.ID && i >= 0 && i < len(g.List.Signs) {
				out = append(out, g.List)
				break
			}
		}
	}
	known := 0
	for _, v := range values {
		for _, g := range checkInLists() {
			id, idx, _ := strings.Cut(v, ":")
			if i, err := strconv.Atoi(idx); err == nil && id == g.List.ID && i >= 0 && i < len(g.List.Signs) {
				known++
			}
		}
	}
	return out, known == len(values)
}

func (s *Server) flarePage(w http.ResponseWriter, r *http.Request) error {
	view := templates.FlareView{Page: s.planMeta(r, "My flare-up card"), Notice: planNotices[r.URL.Query().Get("done")]}
	d := plan.DefaultFlareCard()
	view.Card = store.FlareCard{Helps: d.Helps, Pause: d.Pause, Contacts: d.Contacts, SeekHelp: d.SeekHelp}
	if v, known, err := s.currentVisitor(r); err != nil {
		return err
	} else if known {
		card, ok, err := s.db.FlareCardOf(r.Context(), v)
		if err != nil {
			return err
		}
		if ok {
			view.Card, view.Saved = card, true
		}
	}
	return s.render(w, r, http.StatusOK, templates.FlareCard(view))
}

func (s *Server) flareSave(w http.ResponseWriter, r *http.Request) error {
	values, err := parseForm(w, r)
	if err != nil {
		return err
	}
	card := store.FlareCard{
		Helps: strings.TrimSpace(values.Get(plan.FieldHelps)), Pause: strings.TrimSpace(values.Get(plan.FieldPause)),
		Contacts: strings.TrimSpace(values.Get(plan.FieldContacts)), SeekHelp: strings.TrimSpace(values.Get(plan.FieldSeekHelp)),
	}
	if problems := (plan.FlareCard{Helps: card.Helps, Pause: card.Pause, Contacts: card.Contacts, SeekHelp: card.SeekHelp}).Validate(); len(problems) > 0 {
		view := templates.FlareView{Page: s.planMeta(r, "Error: My flare-up card"), Card: card}
		for _, p := range problems {
			view.Errors = append(view.Errors, triage.FieldError{Field: p.Field, Code: "invalid", Message: p.Message})
		}
		return s.render(w, r, http.StatusUnprocessableEntity, templates.FlareCard(view))
	}
	who, err := s.writer(w, r)
	if err != nil {
		return err
	}
	if _, err := s.db.SaveFlareCard(r.Context(), who, card); err != nil {
		return err
	}
	s.remember(w, r, who)
	http.Redirect(w, r, paths.MePlanFlare+"?done=card", http.StatusSeeOther)
	return nil
}

// planSummary is one page for a clinician: the latest kept answers, the
// check-ins, routines done per week and the flare-up card.
func (s *Server) planSummary(w http.ResponseWriter, r *http.Request) error {
	now := s.now()
	view := templates.SummaryView{Page: s.planMeta(r, "Summary for my clinician"), Printed: now, SiteURL: s.siteURL(r)}
	v, known, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	if known {
		ctx := r.Context()
		if p, err := s.db.Plan(ctx, v); err == nil {
			view.Plan, view.Activity = p, p.Activity
			view.Routines = routinesBySlug(s.sites.Site().Library, p.Items)
			marks, err := s.db.DoneMarks(ctx, v, now.AddDate(0, 0, -7*planWeeks))
			if err != nil {
				return err
			}
			view.Weeks = weekRows(marks, p, now)
		} else if !errors.Is(err, store.ErrNoPlan) {
			return err
		}
		if view.CheckIns, err = s.db.CheckIns(ctx, v); err != nil {
			return err
		}
		view.Chart = plan.Chart(planCheckIns(view.CheckIns), view.Activity)
		kept, ok, err := s.db.LatestAssessment(ctx, v)
		if err != nil {
			return err
		}
		if ok {
			if answers, ok := decodeKept(kept); ok {
				view.Result, view.Outcome = &kept, triage.Outcome(kept.Outcome)
				view.Answers = answerRows(answers, false)
			}
		}
		card, ok, err := s.db.FlareCardOf(ctx, v)
		if err != nil {
			return err
		}
		if ok {
			view.Card = &card
		}
	}
	return s.render(w, r, http.StatusOK, templates.ClinicianSummary(view))
}

// planCalendar downloads the reminders as an iCalendar file. The choices
// are times and days, not health answers, so a GET form is fine.
func (s *Server) planCalendar(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	day, err := strconv.Atoi(q.Get("checkin_day"))
	if err != nil || day < 0 || day > 6 {
		return errBadReminders("Choose a day for your weekly check-in.")
	}
	rem := plan.Reminders{CheckInDay: time.Weekday(day), CheckInTime: q.Get("checkin_time"), PlanURL: s.siteURL(r) + paths.MePlan}
	if t := q.Get("routine_time"); t != "" {
		rem.RoutineTime = t
		rem.RoutineDays = []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	}
	ics, err := plan.Calendar(rem, s.now())
	var bad plan.FieldErrors
	if errors.As(err, &bad) && len(bad) > 0 {
		return errBadReminders(bad[0].Message + ".")
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="backwise-reminders.ics"`)
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(ics)
	return err
}

func errBadReminders(msg string) error {
	return &httpError{Status: http.StatusUnprocessableEntity, Heading: "We could not make your reminders", Message: msg + " Go back to My back plan and try again."}
}

// siteURL is the site's origin for pages people print or import: the
// configured base URL, or this request's.
func (s *Server) siteURL(r *http.Request) string {
	if s.baseURL != "" {
		return s.baseURL
	}
	return s.origin(r)
}

// weekRows is the days-active table: the last planWeeks weeks, from the
// week the plan started (earlier weeks would only be zeros).
func weekRows(marks []store.DoneMark, p store.Plan, now time.Time) []templates.WeekRow {
	var out []templates.WeekRow
	weeks := plan.DaysActive(markTimes(marks), now, planWeeks)
	for i, wk := range weeks {
		current := i == len(weeks)-1
		if !current && !p.CreatedAt.IsZero() && wk.Start.AddDate(0, 0, 7).Before(p.CreatedAt) {
			continue
		}
		out = append(out, templates.WeekRow{Start: wk.Start, Days: wk.Days, Goal: p.DaysPerWeek})
	}
	return out
}

func markTimes(marks []store.DoneMark) []time.Time {
	out := make([]time.Time, 0, len(marks))
	for _, m := range marks {
		if t, err := time.Parse(time.DateOnly, m.Day); err == nil {
			out = append(out, t)
		}
	}
	return out
}

func planCheckIns(cs []store.CheckIn) []plan.CheckIn {
	out := make([]plan.CheckIn, 0, len(cs))
	for _, c := range cs {
		if t, err := time.Parse(time.DateOnly, c.Day); err == nil {
			out = append(out, plan.CheckIn{On: t, Pain: c.Pain, Interference: c.Interference, Ease: c.Ease})
		}
	}
	return out
}

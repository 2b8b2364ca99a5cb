package plan

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"time"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
)

// Reminders is what the visitor chose for calendar reminders.
type Reminders struct {
	CheckInDay  time.Weekday
	CheckInTime string         // "HH:MM", 24h
	RoutineDays []time.Weekday // may be empty: no routine event
	RoutineTime string         // "HH:MM"; ignored when RoutineDays is empty
	PlanURL     string         // absolute URL of the visitor's plan page, without any visitor id
}

// Reminder field names, for FieldError.Field.
const (
	FieldCheckInDay  = "check_in_day"
	FieldCheckInTime = "check_in_time"
	FieldRoutineDays = "routine_days"
	FieldRoutineTime = "routine_time"
	FieldPlanURL     = "plan_url"
)

// Validate reports each choice Calendar cannot use, in form order (nil when
// valid). RoutineTime is only checked when there are routine days, since a
// form with no days ticked may leave the time blank.
func (r Reminders) Validate() []FieldError {
	var errs []FieldError
	if !validWeekday(r.CheckInDay) {
		errs = append(errs, FieldError{Field: FieldCheckInDay, Message: "Choose a day of the week"})
	}
	if _, _, ok := parseClock(r.CheckInTime); !ok {
		errs = append(errs, FieldError{Field: FieldCheckInTime, Message: msgClock})
	}
	if slices.ContainsFunc(r.RoutineDays, func(d time.Weekday) bool { return !validWeekday(d) }) {
		errs = append(errs, FieldError{Field: FieldRoutineDays, Message: "Choose only days of the week"})
	}
	if _, _, ok := parseClock(r.RoutineTime); len(r.RoutineDays) > 0 && !ok {
		errs = append(errs, FieldError{Field: FieldRoutineTime, Message: msgClock})
	}
	if _, ok := parsePlanURL(r.PlanURL); !ok {
		// The site builds this URL, so a bad one is our bug, not the visitor's.
		errs = append(errs, FieldError{Field: FieldPlanURL, Message: "The plan page's address must be an absolute http or https URL"})
	}
	return errs
}

const msgClock = "Enter a time as hours and minutes, like 18:00"

// Event lengths and names. The UIDs are the same for every visitor and every
// download: importing a new file then updates the events already in the
// calendar instead of adding a second set, and the file carries no
// identifier of the visitor.
const (
	eventLength   = 15 * time.Minute
	checkInUID    = "weekly-check-in@"
	routineUID    = "routine@"
	productID     = "-//Backwise//My back plan//EN"
	floatingClock = "20060102T150405" // no Z and no TZID: the same clock time wherever the visitor is
)

// Calendar returns an RFC 5545 iCalendar file with a weekly check-in event
// and, when there are routine days, a weekly routine event on those days.
// Events last 15 minutes and use floating local time ("18:00 wherever you
// are"), start on the first matching day on or after now's date (UTC), and
// carry a display alarm at their start. It returns a FieldErrors for bad
// input.
//
// go-ical writes long lines without folding them at 75 octets: RFC 5545 only
// recommends folding, and its maintainer declined it as a source of bugs
// (github.com/emersion/go-ical/issues/18). Calendar apps read long lines.
func Calendar(r Reminders, now time.Time) ([]byte, error) {
	if errs := r.Validate(); errs != nil {
		return nil, FieldErrors(errs)
	}
	planURL, _ := parsePlanURL(r.PlanURL) // Validate has accepted it
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, productID)
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")

	cal.Children = append(cal.Children, weeklyEvent(weeklyEventSpec{
		uid:     checkInUID + planURL.Host,
		summary: "Back plan: weekly check-in",
		description: "Time for your weekly check-in: three questions about your back, " +
			"to see how things are going. Open your plan: " + r.PlanURL,
		days:  []time.Weekday{r.CheckInDay},
		clock: r.CheckInTime,
		link:  planURL,
	}, now))
	if len(r.RoutineDays) > 0 {
		cal.Children = append(cal.Children, weeklyEvent(weeklyEventSpec{
			uid:         routineUID + planURL.Host,
			summary:     "Back plan: routine",
			description: "Time for your back routine. Open your plan to see today's routines: " + r.PlanURL,
			days:        r.RoutineDays,
			clock:       r.RoutineTime,
			link:        planURL,
		}, now))
	}

	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return nil, fmt.Errorf("plan: encode calendar: %w", err)
	}
	return buf.Bytes(), nil
}

type weeklyEventSpec struct {
	uid, summary, description string
	days                      []time.Weekday
	clock                     string // valid "HH:MM"
	link                      *url.URL
}

func weeklyEvent(e weeklyEventSpec, now time.Time) *ical.Component {
	hour, minute, _ := parseClock(e.clock)
	start := firstDayOn(dayOf(now), e.days).Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)

	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, e.uid)
	ev.Props.SetDateTime(ical.PropDateTimeStamp, now.UTC())
	ev.Props.Set(floating(ical.PropDateTimeStart, start))
	ev.Props.Set(floating(ical.PropDateTimeEnd, start.Add(eventLength)))
	ev.Props.SetRecurrenceRule(&rrule.ROption{Freq: rrule.WEEKLY, Byweekday: byDay(e.days)})
	ev.Props.SetText(ical.PropSummary, e.summary)
	ev.Props.SetText(ical.PropDescription, e.description)
	ev.Props.SetURI(ical.PropURL, e.link)
	ev.Props.SetText(ical.PropTransparency, "TRANSPARENT") // a reminder, not busy time

	alarm := ical.NewComponent(ical.CompAlarm)
	alarm.Props.SetText(ical.PropAction, "DISPLAY")
	trigger := ical.NewProp(ical.PropTrigger)
	trigger.SetDuration(0) // at the start of the event
	alarm.Props.Set(trigger)
	alarm.Props.SetText(ical.PropDescription, e.summary)
	ev.Children = append(ev.Children, alarm)
	return ev.Component
}

// floating writes a local date-time with neither "Z" nor TZID. go-ical's
// SetDateTime always adds one of them.
func floating(name string, t time.Time) *ical.Prop {
	p := ical.NewProp(name)
	p.SetValueType(ical.ValueDateTime)
	p.Value = t.Format(floatingClock)
	return p
}

// firstDayOn is the first day on or after from that falls on one of days.
// Starting the series on a day of the rule matters: RFC 5545 counts DTSTART
// as an occurrence even when the rule would not produce it.
func firstDayOn(from time.Time, days []time.Weekday) time.Time {
	for i := range 7 {
		if d := from.AddDate(0, 0, i); slices.Contains(days, d.Weekday()) {
			return d
		}
	}
	return from // unreachable with at least one valid day
}

// byDay turns the days into BYDAY values, Monday first and each once.
func byDay(days []time.Weekday) []rrule.Weekday {
	names := map[time.Weekday]rrule.Weekday{
		time.Monday: rrule.MO, time.Tuesday: rrule.TU, time.Wednesday: rrule.WE, time.Thursday: rrule.TH,
		time.Friday: rrule.FR, time.Saturday: rrule.SA, time.Sunday: rrule.SU,
	}
	var out []rrule.Weekday
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		if slices.Contains(days, d) {
			out = append(out, names[d])
		}
	}
	return out
}

func validWeekday(d time.Weekday) bool { return d >= time.Sunday && d <= time.Saturday }

// parseClock reads "HH:MM" on a 24-hour clock, with both digits of each part,
// so "9:00" and "24:00" are refused rather than guessed at.
func parseClock(s string) (hour, minute int, ok bool) {
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	if len(s) != 5 || s[2] != ':' || !digit(s[0]) || !digit(s[1]) || !digit(s[3]) || !digit(s[4]) {
		return 0, 0, false
	}
	hour = int(s[0]-'0')*10 + int(s[1]-'0')
	minute = int(s[3]-'0')*10 + int(s[4]-'0')
	if hour > 23 || minute > 59 {
		return 0, 0, false
	}
	return hour, minute, true
}

// parsePlanURL accepts only an absolute http or https URL with a host: the
// host names the events' UIDs, and a calendar app must be able to open it.
func parsePlanURL(s string) (*url.URL, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, false
	}
	return u, true
}

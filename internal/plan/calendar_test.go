package plan

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

// Wednesday 3 December 2025, mid-morning UTC.
var calendarNow = time.Date(2025, time.December, 3, 10, 15, 0, 0, time.UTC)

func reminders() Reminders {
	return Reminders{
		CheckInDay:  time.Sunday,
		CheckInTime: "18:00",
		RoutineDays: []time.Weekday{time.Friday, time.Monday, time.Wednesday, time.Monday},
		RoutineTime: "07:30",
		PlanURL:     "https://backwise.example/plan",
	}
}

func decodeCalendar(t *testing.T, b []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the file back: %v\n%s", err, b)
	}
	return cal
}

func TestCalendar(t *testing.T) {
	noRoutine := reminders()
	noRoutine.RoutineDays, noRoutine.RoutineTime = nil, ""

	type event struct {
		uid, rrule, start, end string
		weekdays               []time.Weekday
	}
	checkIn := event{"weekly-check-in@backwise.example", "FREQ=WEEKLY;BYDAY=SU", "20251207T180000", "20251207T181500", []time.Weekday{time.Sunday}}
	tests := []struct {
		name   string
		r      Reminders
		events []event
	}{
		{"check-in and routine days", reminders(), []event{checkIn,
			// Today is a Wednesday, a routine day: the series starts today.
			{"routine@backwise.example", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "20251203T073000", "20251203T074500",
				[]time.Weekday{time.Monday, time.Wednesday, time.Friday}}}},
		{"no routine days: check-in only", noRoutine, []event{checkIn}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Calendar(tt.r, calendarNow)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) || !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) {
				t.Error("every line must end in CRLF")
			}
			cal := decodeCalendar(t, b)
			if v, _ := cal.Props.Text(ical.PropVersion); v != "2.0" {
				t.Errorf("VERSION %q, want 2.0", v)
			}
			events := cal.Events()
			if len(events) != len(tt.events) {
				t.Fatalf("%d VEVENTs, want %d", len(events), len(tt.events))
			}
			for i, want := range tt.events {
				ev := events[i]
				if uid, _ := ev.Props.Text(ical.PropUID); uid != want.uid {
					t.Errorf("UID %q, want %q", uid, want.uid)
				}
				if got := ev.Props.Get(ical.PropRecurrenceRule).Value; got != want.rrule {
					t.Errorf("RRULE %q, want %q", got, want.rrule)
				}
				for name, value := range map[string]string{ical.PropDateTimeStart: want.start, ical.PropDateTimeEnd: want.end} {
					p := ev.Props.Get(name)
					if p.Value != value || p.Params.Get(ical.ParamTimezoneID) != "" {
						t.Errorf("%s:%s (TZID %q), want floating %s", name, p.Value, p.Params.Get(ical.ParamTimezoneID), value)
					}
				}
				if stamp, err := ev.Props.DateTime(ical.PropDateTimeStamp, nil); err != nil || !stamp.Equal(calendarNow) {
					t.Errorf("DTSTAMP %v (%v), want %v", stamp, err, calendarNow)
				}
				summary, _ := ev.Props.Text(ical.PropSummary)
				desc, _ := ev.Props.Text(ical.PropDescription)
				if summary == "" || !strings.Contains(desc, tt.r.PlanURL) {
					t.Errorf("SUMMARY %q, DESCRIPTION %q: want a summary and the plan's URL", summary, desc)
				}
				checkAlarm(t, ev)
				checkOccurrences(t, ev, want.weekdays, want.start[9:13])
			}
		})
	}
}

func checkAlarm(t *testing.T, ev ical.Event) {
	t.Helper()
	if len(ev.Children) != 1 || ev.Children[0].Name != ical.CompAlarm {
		t.Fatalf("want one VALARM in the event, got %d children", len(ev.Children))
	}
	alarm := ev.Children[0].Props
	trigger, err := alarm.Get(ical.PropTrigger).Duration()
	if action, _ := alarm.Text(ical.PropAction); action != "DISPLAY" || err != nil || trigger != 0 {
		t.Errorf("VALARM ACTION %q TRIGGER %v (%v), want a display alarm at the start", action, trigger, err)
	}
	if desc, _ := alarm.Text(ical.PropDescription); desc == "" {
		t.Error("a display alarm needs a DESCRIPTION")
	}
}

// checkOccurrences expands the rule, as a calendar app would, and wants the
// first two weeks of events, from today, on the chosen days at the chosen time.
func checkOccurrences(t *testing.T, ev ical.Event, weekdays []time.Weekday, hhmm string) {
	t.Helper()
	set, err := ev.RecurrenceSet(time.UTC)
	if err != nil || set == nil {
		t.Fatalf("recurrence: %v", err)
	}
	from := dayOf(calendarNow)
	got := set.Between(from, from.AddDate(0, 0, 14), false)
	if len(got) != 2*len(weekdays) {
		t.Errorf("%d events in two weeks, want %d: %v", len(got), 2*len(weekdays), got)
	}
	for _, o := range got {
		if !slices.Contains(weekdays, o.Weekday()) || o.Format("1504") != hhmm {
			t.Errorf("an event on %s, want %v at %s", o.Format("Mon 2 Jan 15:04"), weekdays, hhmm)
		}
	}
}

func TestCalendarUIDsAreStable(t *testing.T) {
	uids := func(r Reminders, now time.Time) []string {
		b, err := Calendar(r, now)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, ev := range decodeCalendar(t, b).Events() {
			uid, _ := ev.Props.Text(ical.PropUID)
			out = append(out, uid)
		}
		return out
	}
	first := uids(reminders(), calendarNow)
	changed := reminders()
	changed.CheckInDay, changed.CheckInTime, changed.RoutineDays = time.Tuesday, "09:45", []time.Weekday{time.Saturday}
	later := uids(changed, calendarNow.AddDate(0, 2, 0))
	if !slices.Equal(first, later) {
		t.Errorf("UIDs changed between downloads: %v then %v", first, later)
	}
	if first[0] == first[1] {
		t.Errorf("the two events share the UID %q", first[0])
	}
}

func TestCalendarRejectsBadInput(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Reminders)
		fields []string
	}{
		{"hour without its leading zero", func(r *Reminders) { r.CheckInTime = "9:00" }, []string{FieldCheckInTime}},
		{"24:00", func(r *Reminders) { r.CheckInTime = "24:00" }, []string{FieldCheckInTime}},
		{"minute 60", func(r *Reminders) { r.CheckInTime = "18:60" }, []string{FieldCheckInTime}},
		{"a dot for a colon", func(r *Reminders) { r.CheckInTime = "18.00" }, []string{FieldCheckInTime}},
		{"12-hour clock", func(r *Reminders) { r.CheckInTime = "6:00pm" }, []string{FieldCheckInTime}},
		{"a sign", func(r *Reminders) { r.CheckInTime = "+1:00" }, []string{FieldCheckInTime}},
		{"spaces", func(r *Reminders) { r.CheckInTime = " 18:00" }, []string{FieldCheckInTime}},
		{"seconds", func(r *Reminders) { r.CheckInTime = "18:00:00" }, []string{FieldCheckInTime}},
		{"blank check-in time", func(r *Reminders) { r.CheckInTime = "" }, []string{FieldCheckInTime}},
		{"blank routine time with routine days", func(r *Reminders) { r.RoutineTime = "" }, []string{FieldRoutineTime}},
		{"no such weekday", func(r *Reminders) { r.CheckInDay = 7 }, []string{FieldCheckInDay}},
		{"no such routine day", func(r *Reminders) { r.RoutineDays = []time.Weekday{time.Monday, -1} }, []string{FieldRoutineDays}},
		{"relative plan URL", func(r *Reminders) { r.PlanURL = "/plan" }, []string{FieldPlanURL}},
		{"plan URL not on the web", func(r *Reminders) { r.PlanURL = "javascript:alert(1)" }, []string{FieldPlanURL}},
		{"two problems at once", func(r *Reminders) { r.CheckInTime, r.RoutineTime = "25:00", "7:30" }, []string{FieldCheckInTime, FieldRoutineTime}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reminders()
			tt.change(&r)
			b, err := Calendar(r, calendarNow)
			var fe FieldErrors
			if b != nil || !errors.As(err, &fe) {
				t.Fatalf("Calendar = %d bytes, %v; want a FieldErrors", len(b), err)
			}
			var fields []string
			for _, e := range fe {
				fields = append(fields, e.Field)
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("fields %v, want %v", fields, tt.fields)
			}
		})
	}
}

func TestCalendarAcceptsEdgeTimes(t *testing.T) {
	for _, clock := range []string{"00:00", "23:59", "07:05"} {
		r := reminders()
		r.CheckInTime, r.RoutineTime = clock, clock
		if _, err := Calendar(r, calendarNow); err != nil {
			t.Errorf("%s: %v", clock, err)
		}
	}
	r := reminders()
	r.RoutineDays, r.RoutineTime = nil, "not a time" // no routine event, so the time is not used
	if _, err := Calendar(r, calendarNow); err != nil {
		t.Errorf("routine time without routine days: %v", err)
	}
}

package plan

import (
	"slices"
	"testing"
	"time"
)

func TestDaysActive(t *testing.T) {
	at := func(m time.Month, d, hour, minute int) time.Time {
		return time.Date(2025, m, d, hour, minute, 0, 0, time.UTC)
	}
	plusTwo := time.FixedZone("UTC+2", 2*60*60)
	// Wednesday 3 December 2025: its week runs from Monday 1 to Sunday 7 December.
	now := at(time.December, 3, 15, 0)
	tests := []struct {
		name string
		done []time.Time
		now  time.Time
		n    int
		days []int // per week, oldest first
	}{
		{"no marks: every week is there, at zero", nil, now, 3, []int{0, 0, 0}},
		{"Sunday night and Monday morning fall in different weeks",
			[]time.Time{at(time.November, 30, 23, 59), at(time.December, 1, 0, 0)}, now, 2, []int{1, 1}},
		{"several marks on one day count once",
			[]time.Time{at(time.December, 2, 7, 0), at(time.December, 2, 7, 5), at(time.December, 2, 21, 0), at(time.December, 3, 8, 0)}, now, 1, []int{2}},
		{"days are UTC days, whatever zone the mark is in",
			// 00:30 on 1 December at UTC+2 is 22:30 on Sunday 30 November in UTC.
			[]time.Time{time.Date(2025, time.December, 1, 0, 30, 0, 0, plusTwo)}, now, 2, []int{1, 0}},
		{"an empty week between active ones",
			[]time.Time{at(time.November, 17, 9, 0), at(time.November, 19, 9, 0), at(time.December, 1, 9, 0)}, now, 3, []int{2, 0, 1}},
		{"marks before the first week and after the week of now are left out",
			[]time.Time{at(time.November, 16, 23, 0), at(time.December, 7, 23, 59), at(time.December, 8, 0, 0)}, now, 3, []int{0, 0, 1}},
		{"a full week is 7", []time.Time{
			at(time.December, 1, 1, 0), at(time.December, 2, 1, 0), at(time.December, 3, 1, 0), at(time.December, 4, 1, 0),
			at(time.December, 5, 1, 0), at(time.December, 6, 1, 0), at(time.December, 7, 1, 0)}, now, 1, []int{7}},
		{"now on a Sunday belongs to the week that began on Monday",
			[]time.Time{at(time.December, 1, 9, 0)}, at(time.December, 7, 23, 0), 1, []int{1}},
		{"now at Monday midnight starts a new week",
			[]time.Time{at(time.December, 7, 9, 0)}, at(time.December, 8, 0, 0), 2, []int{1, 0}},
		{"n of 0 gives no weeks", []time.Time{now}, now, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			weeks := DaysActive(tt.done, tt.now, tt.n)
			var days []int
			for _, w := range weeks {
				days = append(days, w.Days)
			}
			if !slices.Equal(days, tt.days) {
				t.Errorf("days = %v, want %v", days, tt.days)
			}
			for i, w := range weeks {
				if w.Start.Weekday() != time.Monday || w.Start.Location() != time.UTC || w.Start.Hour() != 0 || w.Start.Minute() != 0 {
					t.Errorf("week %d starts %v, want a Monday at 00:00 UTC", i, w.Start)
				}
				if i > 0 && w.Start.Sub(weeks[i-1].Start) != 7*24*time.Hour {
					t.Errorf("week %d starts %v, not 7 days after %v", i, w.Start, weeks[i-1].Start)
				}
			}
			if n := len(weeks); n > 0 {
				last := weeks[n-1].Start
				if tt.now.Before(last) || !tt.now.Before(last.AddDate(0, 0, 7)) {
					t.Errorf("last week starts %v; want the week holding %v", last, tt.now)
				}
			}
		})
	}
}

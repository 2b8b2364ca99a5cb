package plan

import "time"

// WeekCount is how many distinct days in one week (Monday–Sunday, UTC) had at
// least one routine marked done. Start is the Monday, at 00:00 UTC.
type WeekCount struct {
	Start time.Time
	Days  int
}

// DaysActive returns the last n weeks up to and including the week of now,
// oldest first, zero weeks included. Marks outside those weeks are ignored;
// several marks on one day count once, because the question the page answers
// is "how many days did I move", not "how many routines".
func DaysActive(done []time.Time, now time.Time, n int) []WeekCount {
	if n <= 0 {
		return nil
	}
	weeks := make([]WeekCount, n)
	first := weekStart(now).AddDate(0, 0, -7*(n-1))
	for i := range weeks {
		weeks[i].Start = first.AddDate(0, 0, 7*i)
	}
	seen := make(map[time.Time]bool, len(done))
	for _, t := range done {
		day := dayOf(t)
		if seen[day] {
			continue
		}
		seen[day] = true
		// Days between two UTC midnights are whole, so the division is exact.
		i := int(day.Sub(first).Hours()) / (24 * 7)
		if day.Before(first) || i >= n {
			continue
		}
		weeks[i].Days++
	}
	return weeks
}

// dayOf is the calendar day of t in UTC, at 00:00.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// weekStart is the Monday, at 00:00 UTC, of the week holding t.
func weekStart(t time.Time) time.Time {
	day := dayOf(t)
	sinceMonday := (int(day.Weekday()) + 6) % 7 // Sunday is 0 in Go, the last day here
	return day.AddDate(0, 0, -sinceMonday)
}

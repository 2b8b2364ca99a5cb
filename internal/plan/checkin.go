package plan

import (
	"fmt"
	"slices"
	"time"
)

// MaxScore is the top of every check-in scale; the bottom is 0.
const MaxScore = 10

// CheckIn is one weekly check-in. On is the calendar day (time at 00:00 UTC).
type CheckIn struct {
	On                       time.Time
	Pain, Interference, Ease int // 0–10; Ease: how easy the chosen activity was, 10 = easy
}

// Check-in field names, for FieldError.Field.
const (
	FieldPain         = "pain"
	FieldInterference = "interference"
	FieldEase         = "ease"
)

// Validate reports each score outside 0–10, in form order (nil when valid).
func (c CheckIn) Validate() []FieldError {
	var errs []FieldError
	for _, s := range []struct {
		field string
		value int
	}{{FieldPain, c.Pain}, {FieldInterference, c.Interference}, {FieldEase, c.Ease}} {
		if s.value < 0 || s.value > MaxScore {
			errs = append(errs, FieldError{Field: s.field, Message: fmt.Sprintf("Choose a number from 0 to %d", MaxScore)})
		}
	}
	return errs
}

// Trend of a measure between the first and the latest check-in.
//
// The thresholds follow the international consensus on what change in a
// back pain rating matters to the person who has it (Ostelo RWJG et al.,
// "Interpreting change scores for pain and functional status in low back
// pain", Spine 2008;33(1):90-94, doi:10.1097/BRS.0b013e31815e3a10): 2 points
// on a 0–10 scale, or 30% of the starting score, the change most people
// notice as a real improvement.
//
//   - Better needs 30% of the first value, and at least 1 point, so that
//     "0 then 0" is never called better.
//   - Worse needs 2 points and 30%, whichever is larger. Week-to-week ratings
//     wobble by a point, and Worse makes the site suggest seeing a doctor, so a
//     single point must not raise it. The paper is about improvement; using the
//     same size of change for getting worse is our cautious reading of it.
//
// Every measure is compared on a scale where higher is worse, as the paper's
// scales are: pain and interference as rated, ease as difficulty (10 − Ease).
// So for Ease, higher is better, and 30% is 30% of how hard the activity was at
// first: going from 9 to 10 on a nearly easy activity counts, going from 1 to 2
// on a very hard one does not.
type Trend int

// Trends.
const (
	NotEnough     Trend = iota // fewer than 2 check-ins
	Better                     // improved by 30% or more of the first value (and by at least 1 point)
	Worse                      // got worse by 2 points or more, or by 30% or more of the first value, whichever is larger
	NoClearChange              // neither
)

// String names the trend for logs and tests.
func (t Trend) String() string {
	switch t {
	case NotEnough:
		return "not enough"
	case Better:
		return "better"
	case Worse:
		return "worse"
	case NoClearChange:
		return "no clear change"
	}
	return fmt.Sprintf("Trend(%d)", int(t))
}

// Thresholds of a clear change, from Ostelo et al. (see Trend).
const (
	clearChangePercent = 30
	minBetterPoints    = 1
	minWorsePoints     = 2
)

// trendOf compares two scores on a scale where higher is worse. It works in
// whole numbers, so that exactly 30% is not lost to rounding.
func trendOf(first, latest int) Trend {
	eased := first - latest
	switch {
	case eased >= minBetterPoints && eased*100 >= clearChangePercent*first:
		return Better
	case -eased >= minWorsePoints && -eased*100 >= clearChangePercent*first:
		return Worse
	}
	return NoClearChange
}

// Summary is what the check-ins so far add up to.
type Summary struct {
	Count                    int
	First, Latest            CheckIn
	Pain, Interference, Ease Trend
}

// Summarise compares the first check-in with the latest. cs may come in any
// order; it is sorted by day (check-ins on the same day keep their order) and
// left unchanged.
func Summarise(cs []CheckIn) Summary {
	if len(cs) == 0 {
		return Summary{}
	}
	sorted := sortedByDay(cs)
	s := Summary{Count: len(sorted), First: sorted[0], Latest: sorted[len(sorted)-1]}
	if s.Count < 2 {
		return s
	}
	s.Pain = trendOf(s.First.Pain, s.Latest.Pain)
	s.Interference = trendOf(s.First.Interference, s.Latest.Interference)
	s.Ease = trendOf(MaxScore-s.First.Ease, MaxScore-s.Latest.Ease)
	return s
}

// sortedByDay is a copy of cs, oldest first; check-ins on the same day keep
// their order.
func sortedByDay(cs []CheckIn) []CheckIn {
	sorted := slices.Clone(cs)
	slices.SortStableFunc(sorted, func(a, b CheckIn) int { return a.On.Compare(b.On) })
	return sorted
}

// Message is one plain sentence about pain and how much it gets in the way,
// or "" when there are fewer than 2 check-ins. Getting worse comes first: it
// is the one that asks the visitor to act. Ease is left out: it is about one
// activity the visitor picked, and the chart shows it.
//
// The sentence may hold the region token {{gp}}, which the site expands.
func (s Summary) Message() string {
	if s.Count < 2 {
		return ""
	}
	switch worsePain, worseInterference := s.Pain == Worse, s.Interference == Worse; {
	case worsePain && worseInterference:
		return "Your pain is worse, and gets in the way more, than when you started. " + seeSomeone
	case worsePain:
		return "Your pain is worse than when you started. " + seeSomeone
	case worseInterference:
		return "Your pain gets in the way of daily life more than when you started. " + seeSomeone
	}
	switch betterPain, betterInterference := s.Pain == Better, s.Interference == Better; {
	case betterPain && betterInterference:
		return "Your pain, and how much it gets in the way, have eased by 30% or more since your first check-in: " + noticeable
	case betterPain:
		return "Your pain has eased by 30% or more since your first check-in: " + noticeable
	case betterInterference:
		return "How much your pain gets in the way has eased by 30% or more since your first check-in: " + noticeable
	}
	return "There is no clear change since your first check-in yet."
}

const (
	// The physiotherapist is named in plain words: the {{physio}} token is a
	// whole sentence about each region's services, not a noun.
	seeSomeone = "Think about seeing a {{gp}} or a physiotherapist."
	noticeable = "a change most people notice."
)

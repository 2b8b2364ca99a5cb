package plan

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// weekly makes one check-in a week from 1 Dec 2025, one per score triple.
func weekly(scores ...[3]int) []CheckIn {
	cs := make([]CheckIn, len(scores))
	for i, s := range scores {
		cs[i] = CheckIn{On: day(2025, time.December, 1).AddDate(0, 0, 7*i), Pain: s[0], Interference: s[1], Ease: s[2]}
	}
	return cs
}

func TestSummarise(t *testing.T) {
	const (
		painBetter         = "Your pain has eased by 30% or more since your first check-in: a change most people notice."
		interferenceBetter = "How much your pain gets in the way has eased by 30% or more since your first check-in: a change most people notice."
		bothBetter         = "Your pain, and how much it gets in the way, have eased by 30% or more since your first check-in: a change most people notice."
		painWorse          = "Your pain is worse than when you started. Think about seeing a {{gp}} or a physiotherapist."
		interferenceWorse  = "Your pain gets in the way of daily life more than when you started. Think about seeing a {{gp}} or a physiotherapist."
		bothWorse          = "Your pain is worse, and gets in the way more, than when you started. Think about seeing a {{gp}} or a physiotherapist."
		noChange           = "There is no clear change since your first check-in yet."
	)
	tests := []struct {
		name                     string
		cs                       []CheckIn
		pain, interference, ease Trend
		message                  string
	}{
		{"no check-ins", nil, NotEnough, NotEnough, NotEnough, ""},
		{"one check-in", weekly([3]int{7, 6, 3}), NotEnough, NotEnough, NotEnough, ""},

		// Better: 30% of the first value, and at least 1 point.
		{"pain down exactly 30% (10 to 7)", weekly([3]int{10, 5, 5}, [3]int{7, 5, 5}), Better, NoClearChange, NoClearChange, painBetter},
		{"pain down 2 points but under 30% (7 to 5)", weekly([3]int{7, 5, 5}, [3]int{5, 5, 5}), NoClearChange, NoClearChange, NoClearChange, noChange},
		{"pain down 1 point, 33% (3 to 2)", weekly([3]int{3, 5, 5}, [3]int{2, 5, 5}), Better, NoClearChange, NoClearChange, painBetter},
		{"0 then 0 is not better: the 1-point floor", weekly([3]int{0, 0, 10}, [3]int{0, 0, 10}), NoClearChange, NoClearChange, NoClearChange, noChange},
		{"interference only better", weekly([3]int{5, 8, 5}, [3]int{5, 5, 5}), NoClearChange, Better, NoClearChange, interferenceBetter},
		{"both better", weekly([3]int{8, 8, 2}, [3]int{4, 4, 2}), Better, Better, NoClearChange, bothBetter},

		// Worse: 2 points or 30%, whichever is larger.
		{"pain up 2 points from 5 (2 > 1.5)", weekly([3]int{5, 5, 5}, [3]int{7, 5, 5}), Worse, NoClearChange, NoClearChange, painWorse},
		{"pain up 1 point from 5", weekly([3]int{5, 5, 5}, [3]int{6, 5, 5}), NoClearChange, NoClearChange, NoClearChange, noChange},
		{"pain up 2 points from 6 (2 > 1.8)", weekly([3]int{6, 5, 5}, [3]int{8, 5, 5}), Worse, NoClearChange, NoClearChange, painWorse},
		{"pain up 2 points from 7 is under 30% (2 < 2.1)", weekly([3]int{7, 5, 5}, [3]int{9, 5, 5}), NoClearChange, NoClearChange, NoClearChange, noChange},
		{"pain up 3 points from 7", weekly([3]int{7, 5, 5}, [3]int{10, 5, 5}), Worse, NoClearChange, NoClearChange, painWorse},
		{"pain up 1 point from 0", weekly([3]int{0, 5, 5}, [3]int{1, 5, 5}), NoClearChange, NoClearChange, NoClearChange, noChange},
		{"pain up 2 points from 0", weekly([3]int{0, 5, 5}, [3]int{2, 5, 5}), Worse, NoClearChange, NoClearChange, painWorse},
		{"interference only worse", weekly([3]int{5, 4, 5}, [3]int{5, 7, 5}), NoClearChange, Worse, NoClearChange, interferenceWorse},
		{"both worse", weekly([3]int{3, 3, 5}, [3]int{6, 6, 5}), Worse, Worse, NoClearChange, bothWorse},
		{"worse comes before better", weekly([3]int{8, 3, 5}, [3]int{4, 6, 5}), Better, Worse, NoClearChange, interferenceWorse},

		// Ease: higher is better, judged on difficulty (10 − Ease).
		{"ease up from 3 to 6 (difficulty 7 to 4)", weekly([3]int{5, 5, 3}, [3]int{5, 5, 6}), NoClearChange, NoClearChange, Better, noChange},
		{"ease up from 9 to 10 (difficulty 1 to 0)", weekly([3]int{5, 5, 9}, [3]int{5, 5, 10}), NoClearChange, NoClearChange, Better, noChange},
		{"ease up from 1 to 2 is under 30% of difficulty 9", weekly([3]int{5, 5, 1}, [3]int{5, 5, 2}), NoClearChange, NoClearChange, NoClearChange, noChange},
		{"ease down from 6 to 4 (difficulty 4 to 6)", weekly([3]int{5, 5, 6}, [3]int{5, 5, 4}), NoClearChange, NoClearChange, Worse, noChange},
		{"ease down from 10 to 9 (difficulty 0 to 1)", weekly([3]int{5, 5, 10}, [3]int{5, 5, 9}), NoClearChange, NoClearChange, NoClearChange, noChange},

		// Only the first and the latest count, whatever lies between.
		{"a bad week in between", weekly([3]int{6, 6, 4}, [3]int{10, 10, 0}, [3]int{4, 4, 4}), Better, Better, NoClearChange, bothBetter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarise(tt.cs)
			if s.Count != len(tt.cs) {
				t.Errorf("Count = %d, want %d", s.Count, len(tt.cs))
			}
			if s.Pain != tt.pain || s.Interference != tt.interference || s.Ease != tt.ease {
				t.Errorf("trends = %v, %v, %v; want %v, %v, %v", s.Pain, s.Interference, s.Ease, tt.pain, tt.interference, tt.ease)
			}
			if got := s.Message(); got != tt.message {
				t.Errorf("Message() = %q\nwant %q", got, tt.message)
			}
		})
	}
}

func TestSummariseSortsByDayWithoutChangingInput(t *testing.T) {
	cs := weekly([3]int{8, 8, 2}, [3]int{6, 6, 4}, [3]int{4, 4, 6})
	shuffled := []CheckIn{cs[2], cs[0], cs[1]}
	before := slices.Clone(shuffled)

	s := Summarise(shuffled)
	if !s.First.On.Equal(cs[0].On) || !s.Latest.On.Equal(cs[2].On) {
		t.Errorf("First %v, Latest %v; want %v, %v", s.First.On, s.Latest.On, cs[0].On, cs[2].On)
	}
	if s.Pain != Better {
		t.Errorf("Pain = %v, want better (8 to 4)", s.Pain)
	}
	if !slices.Equal(shuffled, before) {
		t.Error("Summarise reordered the caller's slice")
	}
}

func TestMessagesUseTheRegionToken(t *testing.T) {
	msg := Summarise(weekly([3]int{2, 2, 5}, [3]int{8, 8, 5})).Message()
	if !strings.Contains(msg, "a {{gp}} or a physiotherapist") || strings.Contains(msg, "{{physio}}") || strings.Contains(msg, "GP") {
		t.Errorf("Message() = %q: want the {{gp}} token and the word physiotherapist", msg)
	}
}

func TestCheckInValidate(t *testing.T) {
	tests := []struct {
		name   string
		c      CheckIn
		fields []string
	}{
		{"all at the bottom", CheckIn{Pain: 0, Interference: 0, Ease: 0}, nil},
		{"all at the top", CheckIn{Pain: 10, Interference: 10, Ease: 10}, nil},
		{"pain below 0", CheckIn{Pain: -1, Interference: 5, Ease: 5}, []string{FieldPain}},
		{"interference and ease above 10", CheckIn{Pain: 5, Interference: 11, Ease: 11}, []string{FieldInterference, FieldEase}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fields []string
			for _, e := range tt.c.Validate() {
				fields = append(fields, e.Field)
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("fields = %v, want %v", fields, tt.fields)
			}
		})
	}
}

package search

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"sciatca", "sciatica", 2, 1},
		{"tenis", "tennis", 2, 1},
		{"massgae", "massage", 2, 1}, // one transposition
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3}, // over the limit: limit+1
		{"abc", "abc", 2, 0},
		{"", "ab", 2, 2},
		{"zzzzqqq", "massage", 2, 3},
		{"é", "e", 1, 1},
	}
	for _, tt := range tests {
		if got := distance([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	tests := []struct {
		q     string
		words []string
		cost  int
		ok    bool
	}{
		{"bal", []string{"tennis", "ball"}, 1, true}, // prefix
		{"bak", []string{"back"}, 0, false},          // too short for a typo
		{"pac", []string{"pack"}, 1, true},           // but not for a prefix
		{"bakc", []string{"back"}, 1, true},          // one typo in 4 letters
		{"bcak", []string{"pack"}, 0, false},         // two typos in 4 letters
		{"scatca", []string{"sciatica"}, 2, true},    // two in 6+
		{"neck", []string{"neck", "necks"}, 0, true}, // exact beats prefix
		{"zzzzqqq", []string{"massage", "back"}, 0, false},
	}
	for _, tt := range tests {
		cost, ok := closest(tt.q, tt.words)
		if ok != tt.ok || (ok && cost != tt.cost) {
			t.Errorf("closest(%q, %v) = %d, %v; want %d, %v", tt.q, tt.words, cost, ok, tt.cost, tt.ok)
		}
	}
}

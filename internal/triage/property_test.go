package triage

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

var (
	allDurations = []Duration{DurationUnder3Days, Duration3DaysTo2Weeks, Duration2To6Weeks, Duration6To12Weeks, DurationOver12Weeks}
	allTrends    = []Trend{TrendImproving, TrendSame, TrendWorsening, TrendWorseningQuickly}
	allLocations = []Location{LocationLower, LocationMiddle, LocationUpper, LocationNeckShoulder}
	allStatuses  = []CancerStatus{CancerLongAgo, CancerActiveOrRecent, CancerInBones}
)

// randomAnswers draws a valid answer set, follow-ups included. Warning signs
// are rare (10%) so every outcome shows up often.
func randomAnswers(rng *rand.Rand) Answers {
	a := Answers{
		Age:       new(MinAge + rng.IntN(MaxAge-MinAge+1)),
		Duration:  new(allDurations[rng.IntN(len(allDurations))]),
		Intensity: new(rng.IntN(MaxIntensity + 1)),
		Trend:     new(allTrends[rng.IntN(len(allTrends))]),
	}
	for _, l := range allLocations {
		if rng.IntN(3) == 0 {
			a.Location = append(a.Location, l)
		}
	}
	if len(a.Location) == 0 {
		a.Location = []Location{allLocations[rng.IntN(len(allLocations))]}
	}
	// Pages in order, so each follow-up sees the answers it depends on.
	for _, p := range schema {
		if !p.AskedWhen.Holds(a) {
			continue
		}
		for _, q := range p.Questions {
			switch {
			case q.Key == KeyCancerStatus:
				a.CancerStatus = new(allStatuses[rng.IntN(len(allStatuses))])
			case q.Reassuring:
				a.SetYesNo(q.Key, rng.IntN(2) == 0)
			case isYesNo(q.Kind):
				a.SetYesNo(q.Key, rng.IntN(100) < 10)
			}
		}
	}
	return a
}

// leastWorrying answers the follow-ups a change opened with their least
// worrying answers, so a monotonicity check compares like with like.
func leastWorrying(a Answers) Answers {
	for _, p := range AskedPages(a) {
		for _, q := range p.Questions {
			if a.Answered(q.Key) {
				continue
			}
			if q.Key == KeyCancerStatus {
				a.CancerStatus = new(CancerLongAgo)
				continue
			}
			a.SetYesNo(q.Key, q.Reassuring)
		}
	}
	return a
}

// TestPropertyMonotoneAndComplete checks, on 5000 random answer sets, that a
// new warning sign, a worse trend, stronger pain, another painful area or a
// more recent cancer never lowers the outcome, and that every result is
// complete.
func TestPropertyMonotoneAndComplete(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 1201))
	seen := map[Outcome]int{}
	for i := range 5000 {
		a := randomAnswers(rng)
		if errs := Validate(a); errs != nil {
			t.Fatalf("random answers invalid: %v", errs)
		}
		r := eval(a)
		seen[r.Outcome]++
		checkResultInvariants(t, a, r)
		sev := r.Outcome.Severity()
		worse := func(what string, b Answers) {
			t.Helper()
			b = leastWorrying(b)
			if got := eval(b).Outcome; got.Severity() < sev {
				t.Fatalf("case %d: %s lowered %s to %s (answers %s)", i, what, r.Outcome, got, mustJSON(a))
			}
		}
		for _, q := range questionList {
			if isYesNo(q.Kind) && !q.Reassuring && !a.Yes(q.Key) {
				b := a
				b.SetYesNo(q.Key, true)
				worse("turning "+q.Key+" on", b)
			}
		}
		if j := slices.Index(allTrends, *a.Trend); j < len(allTrends)-1 {
			b := a
			b.Trend = new(allTrends[j+1])
			worse("a worse trend", b)
		}
		if *a.Intensity < MaxIntensity {
			b := a
			b.Intensity = new(*a.Intensity + 1)
			worse("stronger pain", b)
		}
		for _, l := range allLocations {
			if !a.HasLocation(l) {
				b := a
				b.Location = append(slices.Clone(a.Location), l)
				worse("another painful area", b)
			}
		}
		if a.CancerStatus != nil {
			if j := slices.Index(allStatuses, *a.CancerStatus); j < len(allStatuses)-1 {
				b := a
				b.CancerStatus = new(allStatuses[j+1])
				worse("a more recent cancer", b)
			}
		}
		if i%10 == 0 {
			checkRoundTrips(t, a)
		}
	}
	for _, o := range Outcomes() {
		if seen[o] == 0 {
			t.Errorf("outcome %s never seen in random answers: %v", o, seen)
		}
	}
}

func mustJSON(a Answers) string {
	b, _ := json.Marshal(a)
	return string(b)
}

// checkRoundTrips encodes valid answers as a JSON request and as form values
// and decodes them back unchanged.
func checkRoundTrips(t *testing.T, a Answers) {
	t.Helper()
	body, err := json.Marshal(Request{Answers: a, Save: true})
	if err != nil {
		t.Fatal(err)
	}
	req, errs, err := DecodeRequest(bytes.NewReader(body))
	if err != nil || errs != nil || !req.Save || !reflect.DeepEqual(req.Answers, a) {
		t.Fatalf("JSON round trip of %s: %v %v %+v", body, err, errs, req.Answers)
	}
	got, errs := FromValues(a.FormValues())
	if errs != nil || !reflect.DeepEqual(got, a) {
		t.Fatalf("form round trip of %v: %v %+v", a.FormValues(), errs, got)
	}
	raw, _ := json.Marshal(a)
	back, errs, err := DecodeAnswers(raw)
	if err != nil || errs != nil || !reflect.DeepEqual(back, a) {
		t.Fatalf("DecodeAnswers round trip of %s: %v %v", raw, err, errs)
	}
}

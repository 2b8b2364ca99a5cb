package triage

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomAnswers draws a valid answer set. Warning signs are rare (15%) so
// every outcome shows up often.
func randomAnswers(rng *rand.Rand) Answers {
	durations := []Duration{DurationUnder3Days, Duration3DaysTo6Weeks, Duration6To12Weeks, DurationOver12Weeks}
	trends := []Trend{TrendImproving, TrendSame, TrendWorsening}
	all := []Location{LocationLower, LocationMiddle, LocationUpper, LocationNeckShoulder}
	a := Answers{
		Age:       new(MinAge + rng.IntN(MaxAge-MinAge+1)),
		Duration:  new(durations[rng.IntN(len(durations))]),
		Intensity: new(rng.IntN(MaxIntensity + 1)),
		Trend:     new(trends[rng.IntN(len(trends))]),
	}
	for _, l := range all {
		if rng.IntN(3) == 0 {
			a.Location = append(a.Location, l)
		}
	}
	if len(a.Location) == 0 {
		a.Location = []Location{all[rng.IntN(len(all))]}
	}
	for _, k := range yesNoKeys() {
		a.SetYesNo(k, rng.IntN(100) < 15)
	}
	return a
}

// TestPropertyMonotoneAndComplete checks, on 5000 random answer sets, that a
// new warning sign, a worse trend or stronger pain never lowers the outcome,
// and that every result is complete.
func TestPropertyMonotoneAndComplete(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 1122))
	seen := map[Outcome]int{}
	for i := range 5000 {
		a := randomAnswers(rng)
		if errs := Validate(a); errs != nil {
			t.Fatalf("random answers invalid: %v", errs)
		}
		r := Evaluate(a)
		seen[r.Outcome]++
		checkResultInvariants(t, a, r)
		sev := r.Outcome.Severity()

		for _, k := range yesNoKeys() {
			if a.Yes(k) {
				continue
			}
			b := a.Merge(Answers{})
			b.SetYesNo(k, true)
			if got := Evaluate(b).Outcome; got.Severity() < sev {
				t.Fatalf("case %d: turning %s on lowered %s to %s (answers %+v)", i, k, r.Outcome, got, a)
			}
		}
		if *a.Trend != TrendWorsening {
			b := a
			b.Trend = new(map[Trend]Trend{TrendImproving: TrendSame, TrendSame: TrendWorsening}[*a.Trend])
			if got := Evaluate(b).Outcome; got.Severity() < sev {
				t.Fatalf("case %d: worse trend lowered %s to %s", i, r.Outcome, got)
			}
		}
		if *a.Intensity < MaxIntensity {
			b := a
			b.Intensity = new(*a.Intensity + 1)
			if got := Evaluate(b).Outcome; got.Severity() < sev {
				t.Fatalf("case %d: stronger pain lowered %s to %s", i, r.Outcome, got)
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
}

package triage

import (
	"bytes"
	"net/url"
	"testing"
)

// FuzzDecodeJSON feeds arbitrary bytes to the JSON decoder. It must never
// panic, and whatever it accepts must be valid and evaluable.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"answers": {}, "save": false}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		req, errs, err := DecodeRequest(bytes.NewReader(data))
		if err != nil || len(errs) > 0 {
			return
		}
		if v := Validate(req.Answers); v != nil {
			t.Fatalf("accepted invalid answers: %v", v)
		}
		checkResultInvariants(t, req.Answers, eval(req.Answers))
	})
}

// FuzzFromValues feeds arbitrary query strings to the form decoders.
func FuzzFromValues(f *testing.F) {
	f.Add(url.Values(baseline().FormValues()).Encode())
	f.Fuzz(func(t *testing.T, query string) {
		values, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		for _, p := range schema {
			if a, errs := FromValuesPage(p.ID, values); errs == nil {
				EvaluateSoFar(a)
			}
		}
		FromValuesPage("", values)
		a, errs := FromValues(values)
		if errs != nil {
			return
		}
		if v := Validate(a); v != nil {
			t.Fatalf("accepted invalid answers: %v", v)
		}
		checkResultInvariants(t, a, eval(a))
	})
}

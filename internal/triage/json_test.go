package triage

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// validAnswersJSON is the baseline as a generic JSON object, easy to change.
func validAnswersJSON() map[string]any {
	m := map[string]any{
		KeyAge: 35, KeyDuration: "under_3_days", KeyIntensity: 3, KeyLocation: []string{"lower"}, KeyTrend: "improving",
	}
	for _, p := range schema {
		if len(p.AskedWhen) > 0 {
			continue
		}
		for _, q := range p.Questions {
			if isYesNo(q.Kind) {
				m[q.Key] = q.Key == KeyBackPainBefore
			}
		}
	}
	return m
}

func decodeMap(t *testing.T, req map[string]any) (Request, []FieldError, error) {
	t.Helper()
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	return DecodeRequest(bytes.NewReader(body))
}

func TestDecodeRequestValid(t *testing.T) {
	req, errs, err := decodeMap(t, map[string]any{"answers": validAnswersJSON(), "save": true})
	if err != nil || errs != nil {
		t.Fatalf("%v %v", err, errs)
	}
	if !req.Save || !reflect.DeepEqual(req.Answers, baseline()) {
		t.Errorf("got %+v", req)
	}
	req, errs, err = decodeMap(t, map[string]any{"answers": validAnswersJSON()})
	if err != nil || errs != nil || req.Save {
		t.Errorf("save should default to false: %v %v %+v", err, errs, req)
	}
}

type jsonCase struct {
	name      string
	change    func(m map[string]any)
	wantField string
	wantCode  string
}

func TestDecodeRequestFieldErrors(t *testing.T) {
	tests := []jsonCase{
		{"age string", func(m map[string]any) { m[KeyAge] = "35" }, KeyAge, CodeWrongType},
		{"age decimal", func(m map[string]any) { m[KeyAge] = 35.5 }, KeyAge, CodeWrongType},
		{"age 15", func(m map[string]any) { m[KeyAge] = 15 }, KeyAge, CodeUnder16},
		{"age 121", func(m map[string]any) { m[KeyAge] = 121 }, KeyAge, CodeOutOfRange},
		{"age huge", func(m map[string]any) { m[KeyAge] = json.Number("1" + strings.Repeat("0", 30)) }, KeyAge, CodeOutOfRange},
		{"age negative", func(m map[string]any) { m[KeyAge] = -1 }, KeyAge, CodeOutOfRange},
		{"intensity 11", func(m map[string]any) { m[KeyIntensity] = 11 }, KeyIntensity, CodeOutOfRange},
		{"intensity -1", func(m map[string]any) { m[KeyIntensity] = -1 }, KeyIntensity, CodeOutOfRange},
		{"intensity bool", func(m map[string]any) { m[KeyIntensity] = true }, KeyIntensity, CodeWrongType},
		{"duration number", func(m map[string]any) { m[KeyDuration] = 3 }, KeyDuration, CodeWrongType},
		{"duration unknown", func(m map[string]any) { m[KeyDuration] = "a_while" }, KeyDuration, CodeInvalidOption},
		{"trend unknown", func(m map[string]any) { m[KeyTrend] = "better" }, KeyTrend, CodeInvalidOption},
		{"location string", func(m map[string]any) { m[KeyLocation] = "lower" }, KeyLocation, CodeWrongType},
		{"location of numbers", func(m map[string]any) { m[KeyLocation] = []any{1} }, KeyLocation, CodeWrongType},
		{"location empty", func(m map[string]any) { m[KeyLocation] = []string{} }, KeyLocation, CodeRequired},
		{"location unknown", func(m map[string]any) { m[KeyLocation] = []string{"hip"} }, KeyLocation, CodeInvalidOption},
		{"location repeated", func(m map[string]any) { m[KeyLocation] = []string{"lower", "lower"} }, KeyLocation, CodeDuplicate},
		{"yes/no as string", func(m map[string]any) { m[KeyFever] = "yes" }, KeyFever, CodeWrongType},
		{"yes/no as null", func(m map[string]any) { m[KeyChestPain] = nil }, KeyChestPain, CodeWrongType},
		{"unknown key", func(m map[string]any) { m["favourite_colour"] = "blue" }, "favourite_colour", CodeUnknownField},
		{"wrong case key", func(m map[string]any) { m["Age"] = 35 }, "Age", CodeUnknownField},
	}
	for _, k := range Keys() {
		if _, asked := validAnswersJSON()[k]; !asked {
			continue // a follow-up that is not asked may be left out
		}
		tests = append(tests, jsonCase{k + " missing", func(m map[string]any) { delete(m, k) }, k, CodeRequired})
		if isYesNo(questionIndex[k].Kind) {
			tests = append(tests, jsonCase{k + " as number", func(m map[string]any) { m[k] = 1 }, k, CodeWrongType})
		}
	}
	tests = append(tests,
		jsonCase{"cancer without its status", func(m map[string]any) { m[KeyCancer] = true; m[KeySpineTenderness] = false }, KeyCancerStatus, CodeRequired},
		jsonCase{"pregnant without the pregnancy signs", func(m map[string]any) {
			m[KeyPregnant] = true
			for _, k := range []string{KeyPregHeavyBleeding, KeyPregBleeding, KeyPregContractions, KeyPregFluid, KeyPregFeverOrPeeing, KeyPregSidePain, KeyPregBabyMovesLess} {
				m[k] = false
			}
		}, KeyPregHeadacheVision, CodeRequired},
		jsonCase{"cancer status unknown", func(m map[string]any) {
			m[KeyCancer] = true
			m[KeyCancerStatus] = "cured"
			m[KeySpineTenderness] = false
		}, KeyCancerStatus, CodeInvalidOption},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validAnswersJSON()
			tt.change(m)
			_, errs, err := decodeMap(t, map[string]any{"answers": m})
			if err != nil {
				t.Fatal(err)
			}
			// An out-of-range age may open follow-ups too; the age's
			// own error comes first.
			if len(errs) < 1 || errs[0].Field != tt.wantField || errs[0].Code != tt.wantCode || errs[0].Message == "" {
				t.Errorf("errors = %+v, want %s on %s first", errs, tt.wantCode, tt.wantField)
			}
		})
	}
}

func TestDecodeRequestEnvelope(t *testing.T) {
	answers, _ := json.Marshal(validAnswersJSON())
	a := string(answers)
	tests := []struct {
		name, body, wantField, wantCode string
	}{
		{"answers missing", `{"save": false}`, "answers", CodeRequired},
		{"answers not an object", `{"answers": [1]}`, "answers", CodeWrongType},
		{"save not a bool", `{"answers": ` + a + `, "save": "yes"}`, "save", CodeWrongType},
		{"unknown top-level key", `{"answers": ` + a + `, "extra": 1}`, "extra", CodeUnknownField},
		{"duplicate top-level key", `{"answers": ` + a + `, "save": true, "save": false}`, "save", CodeDuplicate},
		{"duplicate answers", `{"answers": ` + a + `, "answers": ` + a + `}`, "answers", CodeDuplicate},
		{"duplicate answer key", `{"answers": ` + strings.Replace(a, `"age":35`, `"age":35,"age":70`, 1) + `}`, KeyAge, CodeDuplicate},
		{"duplicate answer key, same value", `{"answers": ` + strings.Replace(a, `"chest_pain":false`, `"chest_pain":false,"chest_pain":false`, 1) + `}`, KeyChestPain, CodeDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, err := DecodeRequest(strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if len(errs) != 1 || errs[0].Field != tt.wantField || errs[0].Code != tt.wantCode {
				t.Errorf("errors = %+v, want one %s on %s", errs, tt.wantCode, tt.wantField)
			}
		})
	}
}

func TestDecodeRequestMalformed(t *testing.T) {
	answers, _ := json.Marshal(validAnswersJSON())
	tests := map[string]string{
		"empty":         ``,
		"not JSON":      `answers=yes`,
		"truncated":     `{"answers": {"age": 3`,
		"array":         `[]`,
		"string":        `"hello"`,
		"trailing data": `{"answers": ` + string(answers) + `} {}`,
		"trailing junk": `{"answers": ` + string(answers) + `}x`,
		"deep nesting":  `{"answers": {"location": ` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}}`,
		"too large":     `{"answers": {"x": "` + strings.Repeat("a", MaxRequestBytes) + `"}}`,
		"bad key":       `{1: 2}`,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			if _, errs, err := DecodeRequest(strings.NewReader(body)); err == nil {
				t.Errorf("no error (field errors %v)", errs)
			}
		})
	}
}

func TestDecodeRequestReportsAllProblemsInOrder(t *testing.T) {
	_, errs, err := DecodeRequest(strings.NewReader(`{"answers": {"zz": 1, "age": 12}}`))
	if err != nil {
		t.Fatal(err)
	}
	if errs[0].Code != CodeUnknownField || errs[1].Field != KeyBladderBowelChange || len(errs) != 1+len(validAnswersJSON()) {
		t.Errorf("errors = %d %+v", len(errs), errs)
	}
	for _, e := range errs {
		if e.Field == KeyAge && e.Code != CodeUnder16 {
			t.Errorf("age error = %+v", e)
		}
	}
}

// TestDecodeRequestFollowUps: a follow-up that is not asked may be left out
// or sent; one that is asked must be answered.
func TestDecodeRequestFollowUps(t *testing.T) {
	m := validAnswersJSON()
	m[KeyLocation] = []string{"neck_shoulder"}
	if _, errs, _ := decodeMap(t, map[string]any{"answers": m}); len(errs) != 4 || errs[0].Field != KeyNeckSuddenHeadache ||
		errs[0].Message != "Answer true or false: Neck pain that came on suddenly with a severe headache" {
		t.Errorf("neck ticked without the neck signs: %+v", errs)
	}
	m = validAnswersJSON()
	m[KeyNeckFeverStiff] = true // sent although the neck is not ticked
	req, errs, err := decodeMap(t, map[string]any{"answers": m})
	if err != nil || errs != nil {
		t.Fatalf("%v %v", err, errs)
	}
	// An emergency sign sent by a client is never ignored.
	if got := eval(req.Answers).Outcome; got != Emergency {
		t.Errorf("an unasked emergency sign was ignored: %s", got)
	}
}

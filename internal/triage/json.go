package triage

import (
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Request is a JSON API request:
//
//	{"answers": {"age": 42, "duration": "under_3_days", "chest_pain": false, ...}, "save": false}
//
// "answers" is required and holds an answer to every question the answers
// ask (yes/no answers as true or false; a follow-up that is not asked may be
// left out); "save" is optional and defaults to false; "region" is
// optional.
type Request struct {
	Answers Answers `json:"answers"`
	Save    bool    `json:"save"`
	// Region, when given, is the id of the region whose numbers and
	// services the result names (the caller checks it is known).
	Region string `json:"region,omitempty"`
}

// MaxRequestBytes caps the size of a JSON request; a full, valid request is
// under 1 KiB.
const MaxRequestBytes = 64 << 10

// DecodeRequest strictly decodes a JSON Request. The error is for a body
// that is not usable JSON (malformed, not an object, trailing data, nested
// deeper than any valid request, or larger than MaxRequestBytes). Problems
// with the content are FieldErrors, in question order: unknown keys,
// duplicate keys, missing answers, wrong types and out-of-range values. When
// there are FieldErrors the returned Request must not be evaluated.
func DecodeRequest(r io.Reader) (Request, []FieldError, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxRequestBytes+1))
	if err != nil {
		return Request{}, nil, fmt.Errorf("triage: read request: %w", err)
	}
	if len(data) > MaxRequestBytes {
		return Request{}, nil, fmt.Errorf("triage: request is larger than %d bytes", MaxRequestBytes)
	}
	root, err := parseJSON(data)
	if err != nil {
		return Request{}, nil, err
	}
	if root.kind != jsonObject {
		return Request{}, nil, errors.New("triage: request must be a JSON object")
	}

	var req Request
	var errs []FieldError
	for _, k := range root.dups {
		errs = append(errs, duplicateKey(k))
	}
	for _, k := range root.keys {
		if k != "answers" && k != "save" && k != "region" {
			errs = append(errs, unknownField(k))
		}
	}
	if save, ok := root.fields["save"]; ok && !root.isDup("save") {
		if save.kind == jsonBool {
			req.Save = save.b
		} else {
			errs = append(errs, FieldError{Field: "save", Code: CodeWrongType, Message: "save must be true or false"})
		}
	}
	if region, ok := root.fields["region"]; ok && !root.isDup("region") {
		if region.kind == jsonString {
			req.Region = region.str
		} else {
			errs = append(errs, FieldError{Field: "region", Code: CodeWrongType, Message: `region must be a region's id, like "england" or "us"`})
		}
	}
	answers, ok := root.fields["answers"]
	switch {
	case root.isDup("answers"):
	case !ok:
		errs = append(errs, FieldError{Field: "answers", Code: CodeRequired,
			Message: `Send the answers in an "answers" object`})
	case answers.kind != jsonObject:
		errs = append(errs, FieldError{Field: "answers", Code: CodeWrongType,
			Message: `"answers" must be an object of answer keys`})
	default:
		a, e := decodeAnswersObject(answers, true)
		req.Answers = a
		errs = append(errs, e...)
	}
	return req, errs, nil
}

func decodeAnswersObject(obj jsonNode, requireAsked bool) (Answers, []FieldError) {
	var a Answers
	var errs []FieldError
	for _, k := range obj.keys {
		if _, ok := questionIndex[k]; !ok {
			errs = append(errs, unknownField(k))
		}
	}
	// Pages in order: whether a follow-up is asked depends only on the
	// answers of pages before it, which are decoded by then.
	for _, p := range schema {
		asked := p.AskedWhen.Holds(a)
		for _, q := range p.Questions {
			if obj.isDup(q.Key) {
				errs = append(errs, duplicateKey(q.Key))
				continue
			}
			v, ok := obj.fields[q.Key]
			if !ok && (!asked || !requireAsked) {
				continue
			}
			var e *FieldError
			if ok {
				e = decodeJSONAnswer(q, v, &a)
			}
			if e == nil {
				e = validateQuestion(q, a)
			}
			if e != nil && e.Code == CodeRequired && q.Kind == KindChecklistItem {
				// A form answers a checklist as one field; the API
				// answers each item, so say which.
				e.Message = "Answer true or false: " + q.Label
			}
			if e != nil {
				errs = append(errs, *e)
			}
		}
	}
	return a, errs
}

// DecodeAnswers reads an answers object as MarshalJSON writes it, with the
// API's strict checks of keys and types but without requiring every asked
// question: the web flow keeps partial answers between pages this way.
func DecodeAnswers(data []byte) (Answers, []FieldError, error) {
	if len(data) > MaxRequestBytes {
		return Answers{}, nil, fmt.Errorf("triage: answers are larger than %d bytes", MaxRequestBytes)
	}
	root, err := parseJSON(data)
	if err != nil {
		return Answers{}, nil, err
	}
	if root.kind != jsonObject {
		return Answers{}, nil, errors.New("triage: answers must be a JSON object")
	}
	var errs []FieldError
	for _, k := range root.dups {
		errs = append(errs, duplicateKey(k))
	}
	a, e := decodeAnswersObject(root, false)
	return a, append(errs, e...), nil
}

// decodeJSONAnswer checks one answer's JSON type and stores it in a; ranges
// and options are left to validateQuestion.
func decodeJSONAnswer(q Question, v jsonNode, a *Answers) *FieldError {
	wrong := func(msg string) *FieldError {
		return &FieldError{Field: q.Key, Code: CodeWrongType, Message: msg}
	}
	switch q.Kind {
	case KindInteger:
		if v.kind != jsonNumber {
			return integerError(q, false)
		}
		// Atoi rejects 42.0 and 4.2e1 on purpose: a strict API takes
		// whole numbers written as whole numbers.
		n, err := strconv.Atoi(string(v.num))
		if err != nil {
			return integerError(q, errors.Is(err, strconv.ErrRange))
		}
		setInteger(q.Key, n, a)
	case KindSingleChoice:
		if v.kind != jsonString {
			return wrong(q.missing)
		}
		setChoice(q.Key, v.str, a)
	case KindMultipleChoice:
		if v.kind != jsonArray {
			return wrong(`Send location as a list of areas, like ["lower"]`)
		}
		a.Location = make([]Location, 0, len(v.items))
		for _, it := range v.items {
			if it.kind != jsonString {
				return wrong(`Send location as a list of areas, like ["lower"]`)
			}
			a.Location = append(a.Location, Location(it.str))
		}
	default: // yes/no and checklist items
		if v.kind != jsonBool {
			return wrong("Answer with true (yes) or false (no): " + q.Label)
		}
		a.SetYesNo(q.Key, v.b)
	}
	return nil
}

func duplicateKey(key string) FieldError {
	return FieldError{Field: key, Code: CodeDuplicate, Message: fmt.Sprintf("%q appears more than once", key)}
}

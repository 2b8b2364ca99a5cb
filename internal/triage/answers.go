package triage

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// Answers holds a visitor's answers. A nil field, or an unanswered yes/no
// question, means "not answered", so a missing answer can never be mistaken
// for "no" (Validate reports it).
//
// Yes/no answers live in a fixed array rather than a map, so that Answers is
// a plain value: copying it copies every answer, and two copies can never
// change each other.
type Answers struct {
	Age          *int
	Duration     *Duration
	Intensity    *int
	Location     []Location
	Trend        *Trend
	CancerStatus *CancerStatus
	yesNo        [maxYesNo]yesNoAnswer
}

// maxYesNo bounds the number of yes/no questions (a test checks the schema
// fits).
const maxYesNo = 64

type yesNoAnswer uint8

const (
	unanswered yesNoAnswer = iota
	answeredNo
	answeredYes
)

// Yes reports whether the yes/no question key was answered "yes". It is false
// for "no", for unanswered questions and for keys that are not yes/no.
func (a Answers) Yes(key string) bool {
	i, ok := yesNoIndex[key]
	return ok && a.yesNo[i] == answeredYes
}

// No reports whether the yes/no question key was answered "no".
func (a Answers) No(key string) bool {
	i, ok := yesNoIndex[key]
	return ok && a.yesNo[i] == answeredNo
}

// SetYesNo records a yes/no answer. It reports false, changing nothing, when
// key is not a yes/no question.
func (a *Answers) SetYesNo(key string, yes bool) bool {
	i, ok := yesNoIndex[key]
	if !ok {
		return false
	}
	a.yesNo[i] = answeredNo
	if yes {
		a.yesNo[i] = answeredYes
	}
	return true
}

// Clear forgets the answer to key.
func (a *Answers) Clear(key string) {
	switch key {
	case KeyAge:
		a.Age = nil
	case KeyDuration:
		a.Duration = nil
	case KeyIntensity:
		a.Intensity = nil
	case KeyLocation:
		a.Location = nil
	case KeyTrend:
		a.Trend = nil
	case KeyCancerStatus:
		a.CancerStatus = nil
	default:
		if i, ok := yesNoIndex[key]; ok {
			a.yesNo[i] = unanswered
		}
	}
}

// Answered reports whether the question key has an answer (an empty location
// list counts as unanswered).
func (a Answers) Answered(key string) bool {
	switch key {
	case KeyAge:
		return a.Age != nil
	case KeyDuration:
		return a.Duration != nil
	case KeyIntensity:
		return a.Intensity != nil
	case KeyLocation:
		return len(a.Location) > 0
	case KeyTrend:
		return a.Trend != nil
	case KeyCancerStatus:
		return a.CancerStatus != nil
	}
	i, ok := yesNoIndex[key]
	return ok && a.yesNo[i] != unanswered
}

// Values returns the answer to key as the strings a form sends: "yes" or
// "no", a choice's value, each ticked area, or a number. It is nil when the
// question is unanswered.
func (a Answers) Values(key string) []string {
	if !a.Answered(key) {
		return nil
	}
	switch key {
	case KeyAge:
		return []string{strconv.Itoa(*a.Age)}
	case KeyIntensity:
		return []string{strconv.Itoa(*a.Intensity)}
	case KeyDuration:
		return []string{string(*a.Duration)}
	case KeyTrend:
		return []string{string(*a.Trend)}
	case KeyCancerStatus:
		return []string{string(*a.CancerStatus)}
	case KeyLocation:
		out := make([]string, len(a.Location))
		for i, l := range a.Location {
			out[i] = string(l)
		}
		return out
	}
	if a.Yes(key) {
		return []string{"yes"}
	}
	return []string{"no"}
}

// HasLocation reports whether the visitor ticked area l.
func (a Answers) HasLocation(l Location) bool { return slices.Contains(a.Location, l) }

// Merge returns a copy of a with every answer given in b added or replaced,
// so the pages of the web flow can be decoded one by one and combined.
func (a Answers) Merge(b Answers) Answers {
	out := a
	if b.Age != nil {
		out.Age = b.Age
	}
	if b.Duration != nil {
		out.Duration = b.Duration
	}
	if b.Intensity != nil {
		out.Intensity = b.Intensity
	}
	if b.Location != nil {
		out.Location = slices.Clone(b.Location)
	}
	if b.Trend != nil {
		out.Trend = b.Trend
	}
	if b.CancerStatus != nil {
		out.CancerStatus = b.CancerStatus
	}
	for i, v := range b.yesNo {
		if v != unanswered {
			out.yesNo[i] = v
		}
	}
	return out
}

// Only returns the answers to the given keys and nothing else.
func (a Answers) Only(keys ...string) Answers {
	var out Answers
	for _, k := range keys {
		out = out.Merge(a.pick(k))
	}
	return out
}

func (a Answers) pick(key string) Answers {
	var out Answers
	switch key {
	case KeyAge:
		out.Age = a.Age
	case KeyDuration:
		out.Duration = a.Duration
	case KeyIntensity:
		out.Intensity = a.Intensity
	case KeyLocation:
		out.Location = slices.Clone(a.Location)
	case KeyTrend:
		out.Trend = a.Trend
	case KeyCancerStatus:
		out.CancerStatus = a.CancerStatus
	default:
		if i, ok := yesNoIndex[key]; ok {
			out.yesNo[i] = a.yesNo[i]
		}
	}
	return out
}

// Prune drops the answers to follow-up questions that are no longer asked,
// for example the neck signs after the visitor unticks the neck. A changed
// answer must not leave an old warning sign behind that the visitor can no
// longer see or change.
func (a Answers) Prune() Answers {
	out := a
	for _, p := range schema {
		if p.AskedWhen.Holds(a) {
			continue
		}
		for _, q := range p.Questions {
			out.Clear(q.Key)
		}
	}
	return out
}

// MarshalJSON writes the answers as one flat object in question order, the
// shape the JSON API takes: numbers, strings, a list of areas, and true or
// false for yes/no questions. Unanswered questions are left out.
func (a Answers) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	for _, q := range questionList {
		if !a.Answered(q.Key) {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(strconv.Quote(q.Key))
		b.WriteByte(':')
		var v any
		switch q.Kind {
		case KindInteger:
			n, _ := strconv.Atoi(a.Values(q.Key)[0])
			v = n
		case KindSingleChoice:
			v = a.Values(q.Key)[0]
		case KindMultipleChoice:
			v = a.Values(q.Key)
		default:
			v = a.Yes(q.Key)
		}
		enc, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(enc)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// The helpers below keep the rule table short. Each is false when the answer
// is missing, so a missing answer can never fire a rule by accident.

func (a Answers) ageAtLeast(n int) bool { return a.Age != nil && *a.Age >= n }
func (a Answers) ageBelow(n int) bool   { return a.Age != nil && *a.Age < n }

func (a Answers) intensityAtLeast(n int) bool { return a.Intensity != nil && *a.Intensity >= n }

func (a Answers) durationIs(ds ...Duration) bool {
	return a.Duration != nil && slices.Contains(ds, *a.Duration)
}

// atLeast3Days is true once the pain has lasted 3 days or more: before then
// "not improving" says little, because new back pain is often stiffest on
// the second or third day.
func (a Answers) atLeast3Days() bool {
	return a.durationIs(Duration3DaysTo2Weeks, Duration2To6Weeks, Duration6To12Weeks, DurationOver12Weeks)
}

// atLeast2Weeks is true from 2 weeks on, when the NHS suggests a GP or a
// physiotherapist for pain that is not getting better.
func (a Answers) atLeast2Weeks() bool {
	return a.durationIs(Duration2To6Weeks, Duration6To12Weeks, DurationOver12Weeks)
}

// sixWeeksOrMore is true when the pain has lasted 6 weeks or more, the point
// at which the NHS says back pain and sciatica should usually have improved.
func (a Answers) sixWeeksOrMore() bool {
	return a.durationIs(Duration6To12Weeks, DurationOver12Weeks)
}

func (a Answers) trendIs(ts ...Trend) bool { return a.Trend != nil && slices.Contains(ts, *a.Trend) }

// notImproving is true for "about the same" and every "getting worse".
func (a Answers) notImproving() bool {
	return a.trendIs(TrendSame, TrendWorsening, TrendWorseningQuickly)
}

// worsening is true for "getting worse", slowly or quickly.
func (a Answers) worsening() bool { return a.trendIs(TrendWorsening, TrendWorseningQuickly) }

// cancerRecent is true for cancer now, treated in the last 5 years, or in
// the bones: the people NICE NG234 asks to watch for spinal metastases.
func (a Answers) cancerRecent() bool {
	return a.CancerStatus != nil && (*a.CancerStatus == CancerActiveOrRecent || *a.CancerStatus == CancerInBones)
}

func (a Answers) cancerIs(s CancerStatus) bool { return a.CancerStatus != nil && *a.CancerStatus == s }

// anyYes is true when at least one of keys is answered yes.
func (a Answers) anyYes(keys ...string) bool { return slices.ContainsFunc(keys, a.Yes) }

package triage

import "strconv"

// Answers holds a visitor's answers. A nil field means "not answered", so a
// missing answer can never be mistaken for "no" (Validate reports it).
// The JSON tags give the API's keys, so Answers can be stored as JSON with
// encoding/json; incoming API requests go through the strict DecodeRequest.
//
// With Go 1.26, fields are easy to set in literals: Answers{Age: new(42)}.
type Answers struct {
	Age       *int       `json:"age,omitempty"`
	Duration  *Duration  `json:"duration,omitempty"`
	Intensity *int       `json:"intensity,omitempty"`
	Location  []Location `json:"location,omitempty"`
	Trend     *Trend     `json:"trend,omitempty"`

	BladderBowelChange    *bool `json:"bladder_bowel_change,omitempty"`
	SaddleNumbness        *bool `json:"saddle_numbness,omitempty"`
	LegWeaknessWorsening  *bool `json:"leg_weakness_worsening,omitempty"`
	BothLegs              *bool `json:"both_legs,omitempty"`
	ChestPain             *bool `json:"chest_pain,omitempty"`
	MajorTrauma           *bool `json:"major_trauma,omitempty"`
	Fever                 *bool `json:"fever,omitempty"`
	CancerHistory         *bool `json:"cancer_history,omitempty"`
	WeightLoss            *bool `json:"weight_loss,omitempty"`
	NightPain             *bool `json:"night_pain,omitempty"`
	Immunosuppressed      *bool `json:"immunosuppressed,omitempty"`
	Osteoporosis          *bool `json:"osteoporosis,omitempty"`
	Pregnant              *bool `json:"pregnant,omitempty"`
	BleedingRisk          *bool `json:"bleeding_risk,omitempty"`
	RecentSurgery         *bool `json:"recent_surgery,omitempty"`
	SkinProblemAtSite     *bool `json:"skin_problem_at_site,omitempty"`
	LegPainBelowKnee      *bool `json:"leg_pain_below_knee,omitempty"`
	NumbnessTingling      *bool `json:"numbness_tingling,omitempty"`
	OTCNotHelping         *bool `json:"otc_not_helping,omitempty"`
	AffectsSleepDailyLife *bool `json:"affects_sleep_or_daily_life,omitempty"`
}

// yesNoField returns the field behind a yes/no key, or nil for any other key.
// One switch keeps the key-to-field mapping in a single place.
func (a *Answers) yesNoField(key string) **bool {
	switch key {
	case KeyBladderBowelChange:
		return &a.BladderBowelChange
	case KeySaddleNumbness:
		return &a.SaddleNumbness
	case KeyLegWeaknessWorsening:
		return &a.LegWeaknessWorsening
	case KeyBothLegs:
		return &a.BothLegs
	case KeyChestPain:
		return &a.ChestPain
	case KeyMajorTrauma:
		return &a.MajorTrauma
	case KeyFever:
		return &a.Fever
	case KeyCancerHistory:
		return &a.CancerHistory
	case KeyWeightLoss:
		return &a.WeightLoss
	case KeyNightPain:
		return &a.NightPain
	case KeyImmunosuppressed:
		return &a.Immunosuppressed
	case KeyOsteoporosis:
		return &a.Osteoporosis
	case KeyPregnant:
		return &a.Pregnant
	case KeyBleedingRisk:
		return &a.BleedingRisk
	case KeyRecentSurgery:
		return &a.RecentSurgery
	case KeySkinProblemAtSite:
		return &a.SkinProblemAtSite
	case KeyLegPainBelowKnee:
		return &a.LegPainBelowKnee
	case KeyNumbnessTingling:
		return &a.NumbnessTingling
	case KeyOTCNotHelping:
		return &a.OTCNotHelping
	case KeyAffectsSleepDailyLife:
		return &a.AffectsSleepDailyLife
	}
	return nil
}

// Yes reports whether the yes/no question key was answered "yes". It is false
// for "no", for unanswered questions and for keys that are not yes/no.
func (a Answers) Yes(key string) bool {
	f := a.yesNoField(key)
	return f != nil && *f != nil && **f
}

// SetYesNo records a yes/no answer. It reports false, changing nothing, when
// key is not a yes/no question.
func (a *Answers) SetYesNo(key string, yes bool) bool {
	f := a.yesNoField(key)
	if f == nil {
		return false
	}
	*f = &yes
	return true
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
	}
	f := a.yesNoField(key)
	return f != nil && *f != nil
}

// HasLocation reports whether the visitor ticked area l.
func (a Answers) HasLocation(l Location) bool {
	for _, x := range a.Location {
		if x == l {
			return true
		}
	}
	return false
}

// Merge returns a copy of a with every answer given in b added or replaced,
// so the steps of the web flow can be decoded one by one and combined.
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
		out.Location = append([]Location(nil), b.Location...)
	}
	if b.Trend != nil {
		out.Trend = b.Trend
	}
	for _, k := range yesNoKeys() {
		if f := b.yesNoField(k); *f != nil {
			out.SetYesNo(k, **f)
		}
	}
	return out
}

// FormValues encodes the given answers as HTML form values, in the format
// FromValues reads, so the web flow can carry earlier steps in hidden fields.
// The emergency signs are written as the step 1 checklist (ChecklistField),
// and only when all of them are answered, because a partial checklist cannot
// be expressed as ticks.
func (a Answers) FormValues() map[string][]string {
	v := map[string][]string{}
	if a.Age != nil {
		v[KeyAge] = []string{strconv.Itoa(*a.Age)}
	}
	if a.Duration != nil {
		v[KeyDuration] = []string{string(*a.Duration)}
	}
	if a.Intensity != nil {
		v[KeyIntensity] = []string{strconv.Itoa(*a.Intensity)}
	}
	for _, l := range a.Location {
		v[KeyLocation] = append(v[KeyLocation], string(l))
	}
	if a.Trend != nil {
		v[KeyTrend] = []string{string(*a.Trend)}
	}
	checklistComplete := true
	var ticked []string
	for _, k := range EmergencyKeys() {
		if !a.Answered(k) {
			checklistComplete = false
		}
		if a.Yes(k) {
			ticked = append(ticked, k)
		}
	}
	if checklistComplete {
		if len(ticked) == 0 {
			ticked = []string{ChecklistNone}
		}
		v[ChecklistField] = ticked
	}
	for _, k := range yesNoKeys() {
		if isEmergencyKey(k) || !a.Answered(k) {
			continue
		}
		if a.Yes(k) {
			v[k] = []string{"yes"}
		} else {
			v[k] = []string{"no"}
		}
	}
	return v
}

// The helpers below keep the rule table short. Each is false when the answer
// is missing, so a missing answer can never fire a rule by accident.

func (a Answers) ageAtLeast(n int) bool { return a.Age != nil && *a.Age >= n }
func (a Answers) ageBelow(n int) bool   { return a.Age != nil && *a.Age < n }

func (a Answers) intensityAtLeast(n int) bool { return a.Intensity != nil && *a.Intensity >= n }
func (a Answers) intensityAtMost(n int) bool  { return a.Intensity != nil && *a.Intensity <= n }

func (a Answers) durationIs(ds ...Duration) bool {
	if a.Duration == nil {
		return false
	}
	for _, d := range ds {
		if *a.Duration == d {
			return true
		}
	}
	return false
}

// atLeast3Days is true once the pain has lasted 3 days or more: before then
// "not improving" says little, because new back pain is often stiffest on
// the second or third day.
func (a Answers) atLeast3Days() bool {
	return a.durationIs(Duration3DaysTo6Weeks, Duration6To12Weeks, DurationOver12Weeks)
}

// sixWeeksOrMore is true when the pain has lasted 6 weeks or more, the point
// at which the NHS says back pain and sciatica should usually have improved.
func (a Answers) sixWeeksOrMore() bool {
	return a.durationIs(Duration6To12Weeks, DurationOver12Weeks)
}

func (a Answers) trendIs(t Trend) bool { return a.Trend != nil && *a.Trend == t }

// notImproving is true for "about the same" and "getting worse".
func (a Answers) notImproving() bool {
	return a.trendIs(TrendSame) || a.trendIs(TrendWorsening)
}

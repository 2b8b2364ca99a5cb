package triage

import "testing"

// TestVignettes runs realistic cases a clinician would recognise. Each one
// states the answers in full words so a reviewer can judge the outcome.
func TestVignettes(t *testing.T) {
	tests := []struct {
		name string
		set  []func(*Answers)
		want Outcome
	}{
		{"office worker 38, 2 days of lower back ache after gardening, improving",
			[]func(*Answers){age(38), intensity(4)}, SelfCare},
		{"runner 25, neck and shoulder tightness for a day, improving",
			[]func(*Answers){age(25), where(LocationNeckShoulder), intensity(3)}, SelfCare},
		{"woman 68 with osteoporosis, 2 weeks of middle back pain",
			[]func(*Answers){age(68), yesTo(KeyOsteoporosis), where(LocationMiddle), lasting(Duration3DaysTo6Weeks), trend(TrendSame), intensity(6)}, Doctor},
		{"man 45, 8 weeks of sciatica below the knee, not improving",
			[]func(*Answers){age(45), yesTo(KeyLegPainBelowKnee), lasting(Duration6To12Weeks), trend(TrendSame), intensity(6)}, Doctor},
		{"numbness around the anus after lifting",
			[]func(*Answers){age(41), yesTo(KeySaddleNumbness), intensity(6)}, Emergency},
		{"chronic stable pain for 2 years, painkillers not helping, no warning signs",
			[]func(*Answers){age(44), lasting(DurationOver12Weeks), trend(TrendSame), intensity(5), yesTo(KeyOTCNotHelping)}, Therapist},
		{"man 58, upper back pain with breathlessness and pain into the jaw",
			[]func(*Answers){age(58), where(LocationUpper), yesTo(KeyChestPain), intensity(7)}, Emergency},
		{"woman 52 who had breast cancer, new middle back pain for 2 weeks",
			[]func(*Answers){age(52), yesTo(KeyCancerHistory), where(LocationMiddle), lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Urgent},
		{"man 35 on chemotherapy with a fever and back pain",
			[]func(*Answers){yesTo(KeyImmunosuppressed, KeyFever), intensity(5)}, Urgent},
		{"woman 31, 30 weeks pregnant, 2 weeks of lower back ache, stable",
			[]func(*Answers){age(31), yesTo(KeyPregnant), lasting(Duration3DaysTo6Weeks), trend(TrendSame), intensity(4)}, Therapist},
		{"man 40 on warfarin, 4 weeks of lower back pain, stable",
			[]func(*Answers){age(40), yesTo(KeyBleedingRisk), lasting(Duration3DaysTo6Weeks), trend(TrendSame), intensity(5)}, Therapist},
		{"man 72, new lower back pain for 10 days, not improving",
			[]func(*Answers){age(72), lasting(Duration3DaysTo6Weeks), trend(TrendSame), intensity(4)}, Doctor},
		{"student 19, pain 9 out of 10 since lifting a sofa yesterday",
			[]func(*Answers){age(19), intensity(9), trend(TrendSame)}, Urgent},
		{"man 47, 5 weeks of pain, night pain and weight loss",
			[]func(*Answers){age(47), yesTo(KeyNightPain, KeyWeightLoss), lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Doctor},
		{"woman 63, back pain and weight loss without trying",
			[]func(*Answers){age(63), yesTo(KeyWeightLoss), lasting(Duration3DaysTo6Weeks)}, Urgent},
		{"cyclist 29 hit by a car this morning",
			[]func(*Answers){age(29), yesTo(KeyMajorTrauma), intensity(7)}, Emergency},
		{"man 50, foot slapping when he walks and one leg weaker",
			[]func(*Answers){age(50), yesTo(KeyLegWeaknessWorsening, KeyLegPainBelowKnee), lasting(Duration3DaysTo6Weeks)}, Urgent},
		{"woman 28, pain down both legs and trouble starting to pee",
			[]func(*Answers){age(28), yesTo(KeyBothLegs, KeyBladderBowelChange)}, Emergency},
		{"desk worker 40, upper back ache for 8 weeks, improving, sleep affected",
			[]func(*Answers){age(40), where(LocationUpper), lasting(Duration6To12Weeks), intensity(5), yesTo(KeyAffectsSleepDailyLife)}, Therapist},
		{"woman 38, eczema rash over the sore area, 3 days of mild improving pain",
			[]func(*Answers){age(38), yesTo(KeySkinProblemAtSite), lasting(Duration3DaysTo6Weeks), intensity(3)}, SelfCare},
		{"gymnast 16, 4 weeks of lower back pain, not improving",
			[]func(*Answers){age(16), lasting(Duration3DaysTo6Weeks), trend(TrendSame), intensity(5)}, Doctor},
		{"man 33 on long-term steroid tablets, 2 weeks of mild improving pain",
			[]func(*Answers){age(33), yesTo(KeyImmunosuppressed), lasting(Duration3DaysTo6Weeks)}, Doctor},
		{"woman 45, sciatica for 10 days, easing, pins and needles in the foot",
			[]func(*Answers){age(45), yesTo(KeyLegPainBelowKnee, KeyNumbnessTingling), lasting(Duration3DaysTo6Weeks)}, Doctor},
		{"man 36, pain 7 out of 10 stopping him working, 1 week",
			[]func(*Answers){age(36), intensity(7), yesTo(KeyAffectsSleepDailyLife), lasting(Duration3DaysTo6Weeks)}, Doctor},
		{"woman 42, hip replacement 6 weeks ago, new lower back ache",
			[]func(*Answers){age(42), yesTo(KeyRecentSurgery), lasting(Duration3DaysTo6Weeks)}, Doctor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := answers(tt.set...)
			if errs := Validate(a); errs != nil {
				t.Fatalf("invalid vignette: %v", errs)
			}
			r := Evaluate(a)
			checkResultInvariants(t, a, r)
			if r.Outcome != tt.want {
				t.Errorf("outcome = %s, want %s (reasons %v)", r.Outcome, tt.want, ruleIDs(r))
			}
		})
	}
}

package triage

import (
	"slices"
	"testing"
)

// vignette is a realistic case written from the guidelines: the answers in
// full words, the outcome a clinician would expect, and what must or must
// not appear.
type vignette struct {
	name string
	set  []fx
	want Outcome
	// mustRule, when set, is a rule whose reason must be shown.
	mustRule string
	// noRoutines lists routines that must not be suggested; "*" means none at all.
	noRoutines []string
	// routine, when set, must be suggested.
	routine string
}

// vignettes are also written to testdata/vignettes.json (see
// TestVignettesFile), which the web tests run through the form and the API
// to check that both agree with the engine.
var vignettes = []vignette{
	// Self-care: ordinary backache, including severe pain that is easing.
	{name: "office worker 38, 2 days of lower back ache after gardening, improving",
		set: []fx{age(38), intensity(4)}, want: SelfCare, mustRule: "self-care-improving"},
	{name: "35-year-old on day one of a lifting strain at 8 out of 10, easing",
		set: []fx{age(35), intensity(8)}, want: SelfCare, mustRule: "self-care-improving"},
	{name: "runner 25, neck and shoulder tightness for a day, improving",
		set: []fx{age(25), where(LocationNeckShoulder), intensity(3)}, want: SelfCare},
	{name: "improving gardener 45 with tight muscles between the shoulder blades",
		set:  []fx{age(45), where(LocationMiddle), yesTo(KeyObviousStrain), lasting(Duration3DaysTo2Weeks)},
		want: SelfCare, routine: "tennis-ball-upper-back"},
	{name: "woman 38, eczema over the sore area, mild improving pain",
		set:  []fx{age(38), yesTo(KeySkinProblemAtSite), lasting(Duration3DaysTo2Weeks), intensity(3)},
		want: SelfCare, noRoutines: []string{"hands-lower-back", "tennis-ball-lower-back"}},
	{name: "man 40 on warfarin, 1 week of lower back ache, easing",
		set:  []fx{age(40), yesTo(KeyBleedingRisk), noTo(KeyMinorFall, KeyCoughOrLift), lasting(Duration3DaysTo2Weeks), intensity(5)},
		want: SelfCare, noRoutines: []string{"tennis-ball-lower-back"}},
	{name: "woman 30, 20 weeks pregnant, mild backache, easing, no pregnancy warning signs",
		set: []fx{age(30), yesTo(KeyPregnant), intensity(4)}, want: SelfCare},
	{name: "woman 60 whose skin cancer (not melanoma) was removed 20 years ago, so no cancer; sciatica for a week, easing",
		set:  []fx{age(60), yesTo(KeyLegPainBelowKnee), lasting(Duration3DaysTo2Weeks), trend(TrendImproving)},
		want: Therapist, mustRule: "leg-pain-below-knee"},
	{name: "man 52, bout of familiar backache after moving house, third bout this year, easing",
		set: []fx{age(52), lasting(Duration3DaysTo2Weeks), intensity(5)}, want: SelfCare},
	{name: "woman 58, first ever back pain after lifting a grandchild, clearly easing",
		set: []fx{age(58), firstEpisode(), yesTo(KeyObviousStrain), intensity(4)}, want: SelfCare},
	{name: "bowel cancer treated 12 years ago, 2 days of easing lower back pain",
		set: []fx{age(64), cancer(CancerLongAgo), intensity(4)}, want: SelfCare, mustRule: "self-care-improving"},
	{name: "student 19, 4 days of stiffness after rowing, same, pain 3",
		set: []fx{age(19), lasting(Duration3DaysTo2Weeks), trend(TrendSame), intensity(3)}, want: SelfCare},
	{name: "student 18, 3 weeks of back pain, not easing",
		set: []fx{age(18), lasting(Duration2To6Weeks), trend(TrendSame), intensity(4)}, want: Doctor},
	{name: "woman 33, 5 days of lower back ache, about the same, pain 4",
		set: []fx{age(33), lasting(Duration3DaysTo2Weeks), trend(TrendSame), intensity(4)}, want: SelfCare, mustRule: "self-care"},
	{name: "man 41, 2 days, worse slowly but only 5 out of 10",
		set: []fx{age(41), trend(TrendWorsening), intensity(5)}, want: SelfCare},

	// Therapist: exercise first, massage alongside.
	{name: "chronic stable pain for 2 years, painkillers not helping",
		set: []fx{age(44), lasting(DurationOver12Weeks), trend(TrendSame), intensity(5), yesTo(KeyOTCNotHelping)}, want: Therapist},
	{name: "desk worker 40, upper back ache for 8 weeks after a strain, improving, sleep affected",
		set:  []fx{age(40), where(LocationUpper), yesTo(KeyObviousStrain), lasting(Duration6To12Weeks), intensity(5), yesTo(KeyAffectsDailyLife)},
		want: Therapist, mustRule: "longer-lasting-pain"},
	{name: "man 36, 7 out of 10 for a week, not easing, painkillers not helping",
		set: []fx{age(36), intensity(7), trend(TrendSame), lasting(Duration3DaysTo2Weeks), yesTo(KeyOTCNotHelping)}, want: Therapist},
	{name: "woman 29 with sciatica for 5 days, easing",
		set: []fx{age(29), yesTo(KeyLegPainBelowKnee), lasting(Duration3DaysTo2Weeks)}, want: Therapist},
	{name: "man 47, back pain for 4 months, same, affects work",
		set: []fx{age(47), lasting(DurationOver12Weeks), trend(TrendSame), yesTo(KeyAffectsDailyLife), intensity(5)}, want: Therapist},
	{name: "pregnant woman 31, 30 weeks, painkillers not helping, no warning signs",
		set: []fx{age(31), yesTo(KeyPregnant, KeyOTCNotHelping), intensity(5)}, want: Therapist,
		noRoutines: []string{"foam-roller-upper-back"}},

	// Doctor: a GP or physiotherapy soon.
	{name: "woman 68 with osteoporosis, 2 weeks of lower back pain, no fall",
		set:  []fx{age(68), yesTo(KeyOsteoporosis), noTo(KeyMinorFall, KeyCoughOrLift), lasting(Duration2To6Weeks), trend(TrendSame), intensity(6)},
		want: Doctor, noRoutines: []string{"*"}},
	{name: "man 45, 8 weeks of sciatica below the knee, not improving",
		set: []fx{age(45), yesTo(KeyLegPainBelowKnee), lasting(Duration6To12Weeks), trend(TrendSame), intensity(6)}, want: Doctor},
	{name: "man 72, new lower back pain for 10 days, not improving",
		set: []fx{age(72), firstEpisode(), lasting(Duration3DaysTo2Weeks), trend(TrendSame), intensity(4)}, want: Doctor, noRoutines: []string{"*"}},
	{name: "72-year-old with new severe pain and no warning signs is never sent to massage",
		set: []fx{age(72), firstEpisode(), intensity(8), trend(TrendSame)}, want: Doctor, noRoutines: []string{"*"}},
	{name: "woman 55, first bout of back pain, no clear cause, easing",
		set: []fx{age(55), firstEpisode(), noTo(KeyObviousStrain), intensity(3)}, want: Doctor, mustRule: "first-episode-50-plus"},
	{name: "man 61, first bout after digging, but not easing",
		set: []fx{age(61), firstEpisode(), yesTo(KeyObviousStrain), trend(TrendSame), lasting(Duration3DaysTo2Weeks)}, want: Doctor},
	{name: "man 47, 5 weeks of pain, night pain and weight loss",
		set: []fx{age(47), yesTo(KeyNightPain, KeyWeightLoss), lasting(Duration2To6Weeks), trend(TrendSame)}, want: Doctor},
	{name: "woman 63, back pain and weight loss without trying",
		set: []fx{age(63), yesTo(KeyWeightLoss), lasting(Duration2To6Weeks)}, want: Doctor, mustRule: "weight-loss"},
	{name: "gymnast 17, 4 weeks of lower back pain, not improving",
		set: []fx{age(17), lasting(Duration2To6Weeks), trend(TrendSame), intensity(5)}, want: Doctor},
	{name: "man 33 on steroid tablets for a year, mild easing pain, no fall",
		set: []fx{age(33), yesTo(KeySteroids), noTo(KeyMinorFall, KeyCoughOrLift), lasting(Duration3DaysTo2Weeks)}, want: Doctor, mustRule: "steroids"},
	{name: "woman 45, sciatica for 10 days, easing, pins and needles in the foot",
		set: []fx{age(45), yesTo(KeyLegPainBelowKnee, KeyNumbnessTingling), lasting(Duration3DaysTo2Weeks)}, want: Doctor},
	{name: "man 36, 7 out of 10 stopping him working, 1 week, not easing",
		set: []fx{age(36), intensity(7), yesTo(KeyAffectsDailyLife), lasting(Duration3DaysTo2Weeks), trend(TrendSame)}, want: Doctor},
	{name: "woman 42, hip replacement 6 weeks ago, new lower back ache",
		set: []fx{age(42), yesTo(KeyRecentSurgery), lasting(Duration3DaysTo2Weeks)}, want: Doctor, mustRule: "recent-surgery"},
	{name: "woman 39, 3 weeks of lower back pain, about the same",
		set: []fx{age(39), lasting(Duration2To6Weeks), trend(TrendSame), intensity(4)}, want: Doctor, mustRule: "not-improving-after-2-weeks"},
	{name: "man 44, middle back pain with no strain, 1 week",
		set: []fx{age(44), where(LocationMiddle), noTo(KeyObviousStrain), lasting(Duration3DaysTo2Weeks)}, want: Doctor,
		mustRule: "thoracic-no-strain", noRoutines: []string{"*"}},
	{name: "woman 50, upper back ache with no cause, 3 weeks",
		set: []fx{age(50), where(LocationUpper), lasting(Duration2To6Weeks), trend(TrendSame)}, want: Doctor},
	{name: "man 58, breast cancer treated 3 years ago, lower back pain only, easing",
		set: []fx{age(58), cancer(CancerActiveOrRecent), intensity(3)}, want: Doctor, mustRule: "cancer-recent"},
	{name: "prostate cancer 10 years ago, lower back pain for 3 weeks not easing",
		set: []fx{age(70), cancer(CancerLongAgo), lasting(Duration2To6Weeks), trend(TrendSame)}, want: Doctor, mustRule: "cancer-long-ago"},
	{name: "woman 48, pain worse on coughing and sneezing",
		set: []fx{age(48), yesTo(KeyPainOnStraining), lasting(Duration3DaysTo2Weeks)}, want: Doctor},
	{name: "man 26 on HIV treatment, mild easing pain, no fever",
		set: []fx{age(26), yesTo(KeyImmunosuppressed)}, want: Doctor},
	{name: "woman 66, lump on her back",
		set: []fx{age(66), yesTo(KeyLumpOrShapeChange), lasting(Duration2To6Weeks), trend(TrendImproving)}, want: Doctor},
	{name: "man 34, chronic pain getting worse",
		set: []fx{age(34), lasting(DurationOver12Weeks), trend(TrendWorsening)}, want: Doctor, mustRule: "pain-worsening"},
	{name: "80-year-old who has fallen before, easing pain with no new fall: no floor routine, no firm tools",
		set: []fx{age(80), yesTo(KeyFallsRisk), lasting(Duration3DaysTo2Weeks), trend(TrendImproving)}, want: SelfCare,
		noRoutines: []string{"tennis-ball-lower-back", "tennis-ball-upper-back", "foam-roller-upper-back", "handheld-massager"}},
	{name: "woman 78, pain after a small fall in the garden, no known bone problem",
		set: []fx{age(78), yesTo(KeyMinorFall)}, want: Urgent, mustRule: "older-minor-fall"},
	{name: "man 70, back pain since lifting a suitcase, easing",
		set: []fx{age(70), yesTo(KeyCoughOrLift)}, want: Doctor, mustRule: "older-cough-or-lift"},
	{name: "man 45, briefly light-headed with his back pain: not an emergency on its own",
		set: []fx{age(45), intensity(6)}, want: SelfCare},
	{name: "pregnant woman 32, heavy bleeding with back pain",
		set: []fx{age(32), yesTo(KeyPregnant, KeyPregHeavyBleeding)}, want: Emergency, mustRule: "pregnancy-heavy-bleeding"},
	{name: "woman 54, breast cancer on hormone tablets, pain like a band round the chest",
		set: []fx{age(54), cancer(CancerActiveOrRecent), yesTo(KeyBandPain)}, want: Emergency, mustRule: "cancer-nerve-symptoms"},
	{name: "man 40, pins and needles in one hand with neck pain",
		set: []fx{age(40), where(LocationNeckShoulder), yesTo(KeyArmNumbWeak), lasting(Duration3DaysTo2Weeks)}, want: Doctor},

	// Urgent: the same day.
	{name: "man 35 on chemotherapy with a fever",
		set: []fx{yesTo(KeyImmunosuppressed, KeyFever), intensity(5)}, want: Urgent},
	{name: "man 30 who injects drugs, no fever, new back pain",
		set: []fx{age(30), yesTo(KeyInjectsDrugs), lasting(Duration3DaysTo2Weeks)}, want: Urgent, mustRule: "injects-drugs"},
	{name: "man 50, foot slapping when he walks and one leg weaker",
		set: []fx{age(50), yesTo(KeyLegWeaknessWorsening, KeyLegPainBelowKnee), lasting(Duration3DaysTo2Weeks)}, want: Urgent},
	{name: "woman 74 with osteoporosis, pain after a sneeze",
		set: []fx{age(74), yesTo(KeyOsteoporosis, KeyCoughOrLift)}, want: Urgent, mustRule: "fragile-bones-minor-injury"},
	{name: "man 59 on long-term prednisolone, pain after lifting shopping",
		set: []fx{age(59), yesTo(KeySteroids, KeyCoughOrLift)}, want: Urgent, mustRule: "fragile-bones-minor-injury"},
	{name: "woman 52, breast cancer last year, new middle back pain",
		set:  []fx{age(52), cancer(CancerActiveOrRecent), where(LocationMiddle), lasting(Duration2To6Weeks), trend(TrendSame)},
		want: Urgent, mustRule: "cancer-spinal-site"},
	{name: "man 70, prostate cancer in the bones, new lower back ache",
		set: []fx{age(70), cancer(CancerInBones)}, want: Urgent, mustRule: "cancer-in-bones"},
	{name: "woman 61, myeloma treatment this year, pain stops her sleeping",
		set: []fx{age(61), cancer(CancerActiveOrRecent), yesTo(KeyNightPain)}, want: Urgent, mustRule: "cancer-pain-pattern"},
	{name: "woman 45, lung cancer, tender spot on the spine",
		set: []fx{age(45), cancer(CancerActiveOrRecent), yesTo(KeySpineTenderness)}, want: Urgent},
	{name: "man 40, severe pain nothing eases, 2 days, not easing",
		set: []fx{age(40), yesTo(KeySevereUnrelieved), intensity(9), trend(TrendSame)}, want: Urgent, mustRule: "severe-unrelieved"},
	{name: "woman 37, 8 out of 10 and getting worse quickly",
		set: []fx{age(37), intensity(8), trend(TrendWorseningQuickly)}, want: Urgent, mustRule: "severe-worsening-quickly"},
	{name: "pregnant woman 28 with back pain and regular tightenings at 33 weeks",
		set: []fx{age(28), yesTo(KeyPregnant, KeyPregContractions)}, want: Urgent, mustRule: "pregnancy-warning-signs"},
	{name: "pregnant woman 34 with back pain and burning when peeing",
		set: []fx{age(34), yesTo(KeyPregnant, KeyPregFeverOrPeeing)}, want: Urgent},
	{name: "man 62, neck pain and clumsy hands",
		set: []fx{age(62), where(LocationNeckShoulder), yesTo(KeyNeckClumsyHands), lasting(Duration2To6Weeks)}, want: Urgent},
	{name: "woman 55, kidney infection pattern: fever and back pain on one side",
		set: []fx{age(55), yesTo(KeyFever)}, want: Urgent, mustRule: "fever"},

	// Emergency: 999 or A&E now.
	{name: "numbness around the anus after lifting",
		set: []fx{age(41), yesTo(KeySaddleNumbness), intensity(6)}, want: Emergency},
	{name: "woman 28, pain down both legs and trouble starting to pee",
		set: []fx{age(28), yesTo(KeyBothLegs, KeyBladderBowelChange)}, want: Emergency},
	{name: "man 58, upper back pain with breathlessness and pain into the jaw",
		set: []fx{age(58), where(LocationUpper), yesTo(KeyChestPain), intensity(7)}, want: Emergency},
	{name: "man 72 with sudden, severe tearing pain in the back",
		set: []fx{age(72), firstEpisode(), yesTo(KeyTearingPain), intensity(10)}, want: Emergency, mustRule: "aorta-tearing-pain"},
	{name: "man 68, new severe back pain, feels faint and clammy",
		set: []fx{age(68), firstEpisode(), yesTo(KeyFaintOrClammy), intensity(8)}, want: Emergency, mustRule: "aorta-faint-clammy"},
	{name: "cyclist 29 hit by a car this morning",
		set: []fx{age(29), yesTo(KeyMajorTrauma), intensity(7)}, want: Emergency},
	{name: "woman 49, legs weak and wobbly since yesterday with back pain",
		set: []fx{age(49), yesTo(KeyWalkingDifficulty)}, want: Emergency, mustRule: "walking-difficulty"},
	{name: "woman 66, breast cancer 2 years ago, one leg getting weaker",
		set: []fx{age(66), cancer(CancerActiveOrRecent), yesTo(KeyLegWeaknessWorsening)}, want: Emergency, mustRule: "cancer-nerve-symptoms"},
	{name: "man 57, lung cancer, numbness in one foot",
		set: []fx{age(57), cancer(CancerActiveOrRecent), yesTo(KeyNumbnessTingling)}, want: Emergency},
	{name: "woman 40, sudden neck pain with the worst headache of her life",
		set: []fx{age(40), where(LocationNeckShoulder), yesTo(KeyNeckSuddenHeadache)}, want: Emergency},
	{name: "man 35, neck pain after a massage, now double vision",
		set: []fx{age(35), where(LocationNeckShoulder), yesTo(KeyNeckNerveSigns)}, want: Emergency},
	{name: "student 20, stiff neck, high temperature and a rash",
		set: []fx{age(20), where(LocationNeckShoulder), yesTo(KeyNeckFeverStiff)}, want: Emergency},
	{name: "man 75 on apixaban after a serious fall",
		set: []fx{age(75), yesTo(KeyBleedingRisk, KeyMajorTrauma)}, want: Emergency},
	{name: "cancer treated 12 years ago with sciatica: a GP, not an emergency",
		set: []fx{age(62), cancer(CancerLongAgo), yesTo(KeyLegPainBelowKnee), lasting(Duration3DaysTo2Weeks)}, want: Doctor},
}

func TestVignettes(t *testing.T) {
	if len(vignettes) < 60 {
		t.Fatalf("only %d vignettes; the issue asks for at least 60", len(vignettes))
	}
	for _, v := range vignettes {
		t.Run(v.name, func(t *testing.T) {
			a := answers(v.set...)
			if errs := Validate(a); errs != nil {
				t.Fatalf("invalid vignette: %v", errs)
			}
			r := eval(a)
			checkResultInvariants(t, a, r)
			if r.Outcome != v.want {
				t.Errorf("outcome = %s, want %s (reasons %v)", r.Outcome, v.want, ruleIDs(r))
			}
			if v.mustRule != "" && !hasReason(r, v.mustRule) {
				t.Errorf("no reason from %s: %v", v.mustRule, ruleIDs(r))
			}
			for _, n := range v.noRoutines {
				if (n == "*" && len(r.Routines) > 0) || slices.Contains(r.Routines, n) {
					t.Errorf("routines %v include %s", r.Routines, n)
				}
			}
			if v.routine != "" && !slices.Contains(r.Routines, v.routine) {
				t.Errorf("routines %v lack %s", r.Routines, v.routine)
			}
			// Never told both to see a GP about middle-back pain and to use
			// a routine for it.
			if hasReason(r, "thoracic-no-strain") && len(r.Routines) > 0 {
				t.Errorf("told to see a GP and given routines %v", r.Routines)
			}
		})
	}
}

package triage

// Answer keys. They are stable within a RulesVersion: the JSON API, the HTML
// form field names and the stored assessments all use exactly these strings.
const (
	// About your pain.
	KeyAge            = "age"
	KeyDuration       = "duration"
	KeyBackPainBefore = "back_pain_before"
	KeyLocation       = "location"
	KeyTrend          = "trend"
	KeyIntensity      = "intensity"

	// Emergency signs (page 1 checklist).
	KeyBladderBowelChange = "bladder_bowel_change"
	KeySaddleNumbness     = "saddle_numbness"
	KeyBothLegs           = "both_legs"
	KeyWalkingDifficulty  = "walking_difficulty"
	KeyChestPain          = "chest_pain"
	KeyTearingPain        = "tearing_pain"
	KeyFaintOrClammy      = "faint_or_clammy"
	KeyMajorTrauma        = "major_trauma"

	// Neck signs (asked when the neck hurts).
	KeyNeckSuddenHeadache = "neck_sudden_headache"
	KeyNeckNerveSigns     = "neck_nerve_signs"
	KeyNeckFeverStiff     = "neck_fever_stiff"
	KeyNeckClumsyHands    = "neck_clumsy_hands"

	// Conditions checklist.
	KeyCancer            = "cancer"
	KeyOsteoporosis      = "osteoporosis"
	KeySteroids          = "steroids"
	KeyImmunosuppressed  = "immunosuppressed"
	KeyInjectsDrugs      = "injects_drugs"
	KeyPregnant          = "pregnant"
	KeyRecentSurgery     = "recent_surgery"
	KeyBleedingRisk      = "bleeding_risk"
	KeySkinProblemAtSite = "skin_problem_at_site"
	KeyFallsRisk         = "falls_risk"

	// Cancer details (asked after "cancer").
	KeyCancerStatus    = "cancer_status"
	KeySpineTenderness = "spine_tenderness"

	// Pregnancy warning signs (asked when pregnant).
	KeyPregHeavyBleeding  = "pregnancy_heavy_bleeding"
	KeyPregBleeding       = "pregnancy_bleeding"
	KeyPregContractions   = "pregnancy_contractions"
	KeyPregFluid          = "pregnancy_fluid"
	KeyPregFeverOrPeeing  = "pregnancy_fever_or_peeing"
	KeyPregSidePain       = "pregnancy_side_pain"
	KeyPregBabyMovesLess  = "pregnancy_baby_moves_less"
	KeyPregHeadacheVision = "pregnancy_headache_vision"

	// How the pain started, for fragile bones (asked with osteoporosis,
	// steroids, blood thinners, a fall in the last year, or at 65 or over).
	KeyMinorFall   = "minor_fall"
	KeyCoughOrLift = "cough_or_lift"

	// Symptoms checklist.
	KeyLegWeaknessWorsening = "leg_weakness_worsening"
	KeyNumbnessTingling     = "numbness_tingling"
	KeyLegPainBelowKnee     = "leg_pain_below_knee"
	KeyArmNumbWeak          = "arm_numbness_weakness"
	KeyBandPain             = "band_pain"
	KeyFever                = "fever"
	KeyWeightLoss           = "weight_loss"
	KeyNightPain            = "night_pain"
	KeyPainOnStraining      = "pain_on_straining"
	KeyLumpOrShapeChange    = "lump_or_shape_change"
	KeySevereUnrelieved     = "severe_unrelieved"
	KeyOTCNotHelping        = "otc_not_helping"
	KeyAffectsDailyLife     = "affects_daily_life"

	// An obvious strain (asked for middle or upper back pain, and for a
	// first episode at 50 or over).
	KeyObviousStrain = "obvious_strain"
)

// Duration is how long the current episode of back pain has lasted.
type Duration string

// Durations, shortest first. The split at 2 weeks is where the NHS starts to
// suggest a GP or physiotherapist when pain is not improving.
const (
	DurationUnder3Days    Duration = "under_3_days"
	Duration3DaysTo2Weeks Duration = "3_days_to_2_weeks"
	Duration2To6Weeks     Duration = "2_to_6_weeks"
	Duration6To12Weeks    Duration = "6_to_12_weeks"
	DurationOver12Weeks   Duration = "over_12_weeks"
)

// Trend is whether the pain is getting better, staying the same or getting
// worse, and how fast.
type Trend string

// Trends, from least to most concerning; rules rely on that order so that a
// worse trend never gives a less urgent outcome.
const (
	TrendImproving        Trend = "improving"
	TrendSame             Trend = "same"
	TrendWorsening        Trend = "worsening"
	TrendWorseningQuickly Trend = "worsening_quickly"
)

// Location is an area of the back where it hurts.
type Location string

// Locations a visitor can tick (one or more).
const (
	LocationLower        Location = "lower"
	LocationMiddle       Location = "middle"
	LocationUpper        Location = "upper"
	LocationNeckShoulder Location = "neck_shoulder"
)

// CancerStatus says how recent a visitor's cancer is. Non-melanoma skin
// cancer does not count, and the question says so.
type CancerStatus string

// Cancer statuses, from least to most concerning.
const (
	CancerLongAgo        CancerStatus = "long_ago"         // treated more than 5 years ago, clear since
	CancerActiveOrRecent CancerStatus = "active_or_recent" // now, or treated in the last 5 years
	CancerInBones        CancerStatus = "in_bones"         // spread to the bones, or myeloma
)

// Minimum and maximum accepted values of the integer answers.
const (
	MinAge       = 16
	MaxAge       = 120
	MinIntensity = 0
	MaxIntensity = 10
)

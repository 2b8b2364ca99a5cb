package triage

// Answer keys. They are stable: the JSON API, the HTML form field names and
// the stored assessments all use exactly these strings.
const (
	KeyAge       = "age"
	KeyDuration  = "duration"
	KeyIntensity = "intensity"
	KeyLocation  = "location"
	KeyTrend     = "trend"

	KeyBladderBowelChange    = "bladder_bowel_change"
	KeySaddleNumbness        = "saddle_numbness"
	KeyLegWeaknessWorsening  = "leg_weakness_worsening"
	KeyBothLegs              = "both_legs"
	KeyChestPain             = "chest_pain"
	KeyMajorTrauma           = "major_trauma"
	KeyFever                 = "fever"
	KeyCancerHistory         = "cancer_history"
	KeyWeightLoss            = "weight_loss"
	KeyNightPain             = "night_pain"
	KeyImmunosuppressed      = "immunosuppressed"
	KeyOsteoporosis          = "osteoporosis"
	KeyPregnant              = "pregnant"
	KeyBleedingRisk          = "bleeding_risk"
	KeyRecentSurgery         = "recent_surgery"
	KeySkinProblemAtSite     = "skin_problem_at_site"
	KeyLegPainBelowKnee      = "leg_pain_below_knee"
	KeyNumbnessTingling      = "numbness_tingling"
	KeyOTCNotHelping         = "otc_not_helping"
	KeyAffectsSleepDailyLife = "affects_sleep_or_daily_life"
)

// Duration is how long the current episode of back pain has lasted.
type Duration string

// Durations, shortest first.
const (
	DurationUnder3Days    Duration = "under_3_days"
	Duration3DaysTo6Weeks Duration = "3_days_to_6_weeks"
	Duration6To12Weeks    Duration = "6_to_12_weeks"
	DurationOver12Weeks   Duration = "over_12_weeks"
)

// Trend is whether the pain is getting better, staying the same or getting
// worse.
type Trend string

// Trends, from least to most concerning; rules rely on that order so that a
// worse trend never gives a less urgent outcome.
const (
	TrendImproving Trend = "improving"
	TrendSame      Trend = "same"
	TrendWorsening Trend = "worsening"
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

// Minimum and maximum accepted values of the integer answers.
const (
	MinAge       = 16
	MaxAge       = 120
	MinIntensity = 0
	MaxIntensity = 10
)

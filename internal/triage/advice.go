package triage

import "slices"

// ArticleSlugs lists every article a result may suggest, so the web server
// can check at startup that each one exists in content/.
func ArticleSlugs() []string { return append([]string(nil), articleSlugs...) }

// RoutineSlugs lists every self-massage routine a result may suggest.
func RoutineSlugs() []string { return append([]string(nil), routineSlugs...) }

var articleSlugs = []string{
	"acute-and-chronic-back-pain", "back-pain-by-area", "where-back-pain-comes-from", "sciatica",
	"back-pain-in-pregnancy", "back-pain-with-fibromyalgia-or-cancer", "how-massage-helps", "massage-evidence",
	"massage-claims-checked", "massage-techniques", "prenatal-massage", "get-help-now", "when-to-avoid-massage",
	"massage-side-effects", "when-to-see-someone", "finding-a-massage-therapist", "how-many-massage-sessions",
	"other-therapies", "faq", "self-massage-at-home", "foot-massage-and-reflexology", "staying-active",
	"after-a-massage",
}

var routineSlugs = []string{
	"tennis-ball-lower-back", "tennis-ball-upper-back", "foam-roller-upper-back", "hands-lower-back",
	"handheld-massager", "neck-and-shoulders", "foot-arch-roll", "heat-and-gentle-movement",
}

// articlesFor picks reading that fits the outcome first, then the answers.
// At emergency and urgent level it offers only what helps act now.
func articlesFor(a Answers, o Outcome) []string {
	var out []string
	add := func(slugs ...string) {
		for _, s := range slugs {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	switch o {
	case Emergency, Urgent:
		add("get-help-now", "when-to-see-someone")
		return out
	case Doctor:
		add("when-to-see-someone", "when-to-avoid-massage")
	case Therapist:
		add("finding-a-massage-therapist", "how-massage-helps", "massage-evidence", "how-many-massage-sessions",
			"massage-side-effects", "other-therapies", "staying-active")
	case SelfCare:
		add("staying-active", "self-massage-at-home", "where-back-pain-comes-from", "when-to-see-someone")
	}
	if a.Yes(KeyPregnant) {
		add("back-pain-in-pregnancy")
		if o != Doctor {
			add("prenatal-massage")
		}
	}
	if a.Yes(KeyLegPainBelowKnee) || a.Yes(KeyNumbnessTingling) {
		add("sciatica")
	}
	if a.Yes(KeyCancerHistory) {
		add("back-pain-with-fibromyalgia-or-cancer")
	}
	if needsMassageCare(a) {
		add("when-to-avoid-massage")
	}
	if a.sixWeeksOrMore() {
		add("acute-and-chronic-back-pain")
	}
	for _, l := range a.Location {
		if l != LocationLower {
			add("back-pain-by-area")
		}
	}
	if o == SelfCare || o == Therapist {
		add("faq")
	}
	return out
}

// routineFit says where a routine works and which yes answers rule it out.
// It mirrors the area and avoid_if front matter of content/routines, kept
// here because triage depends on nothing else in Backwise.
type routineFit struct {
	slug    string
	areas   []Location // nil: suits any painful area (it does not touch it)
	avoidIf []string   // yes/no keys that rule it out
}

// Firm or focused pressure (balls, rollers, massage guns) is ruled out by
// fragile bones, bleeding risk and cancer; lying on a roller and percussion
// also by pregnancy; anything on the painful area by broken skin there or a
// recent operation.
var (
	firmAvoid   = []string{KeyOsteoporosis, KeyBleedingRisk, KeyCancerHistory, KeySkinProblemAtSite, KeyRecentSurgery}
	gentleAvoid = []string{KeySkinProblemAtSite, KeyRecentSurgery}
	routineFits = []routineFit{
		{"heat-and-gentle-movement", nil, gentleAvoid},
		{"hands-lower-back", []Location{LocationLower}, gentleAvoid},
		{"tennis-ball-lower-back", []Location{LocationLower, LocationMiddle}, firmAvoid},
		{"tennis-ball-upper-back", []Location{LocationUpper}, firmAvoid},
		{"foam-roller-upper-back", []Location{LocationUpper}, append([]string{KeyPregnant}, firmAvoid...)},
		{"handheld-massager", []Location{LocationLower, LocationMiddle, LocationUpper}, append([]string{KeyPregnant}, firmAvoid...)},
		{"neck-and-shoulders", []Location{LocationNeckShoulder}, gentleAvoid},
		{"foot-arch-roll", nil, nil},
	}
)

// routinesFor suggests self-massage only when massage is a reasonable next
// step, for the areas that hurt, leaving out routines a caution rules out.
func routinesFor(a Answers, o Outcome) []string {
	out := []string{}
	if o != Therapist && o != SelfCare {
		return out
	}
	for _, r := range routineFits {
		fits := r.areas == nil || slices.ContainsFunc(r.areas, a.HasLocation)
		ruledOut := slices.ContainsFunc(r.avoidIf, a.Yes)
		if fits && !ruledOut {
			out = append(out, r.slug)
		}
	}
	return out
}

// needsMassageCare reports whether any answer restricts massage.
func needsMassageCare(a Answers) bool {
	for _, k := range []string{KeyBleedingRisk, KeySkinProblemAtSite, KeyPregnant, KeyOsteoporosis,
		KeyRecentSurgery, KeyCancerHistory} {
		if a.Yes(k) {
			return true
		}
	}
	return false
}

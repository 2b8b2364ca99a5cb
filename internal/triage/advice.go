package triage

import "slices"

// ArticleSlugs lists every article a result may suggest, so the site can
// check when it loads that each one exists.
func ArticleSlugs() []string { return slices.Clone(articleSlugs) }

var articleSlugs = []string{
	"acute-and-chronic-back-pain", "back-pain-by-area", "where-back-pain-comes-from", "sciatica",
	"back-pain-in-pregnancy", "back-pain-with-fibromyalgia-or-cancer", "massage-evidence",
	"prenatal-massage", "when-to-avoid-massage", "massage-side-effects", "when-to-see-someone",
	"finding-a-massage-therapist", "other-therapies", "faq", "self-massage-at-home", "staying-active",
	"exercise-and-walking", "flare-up-plan",
}

// articlesFor picks reading that fits the outcome first, then the answers.
// At emergency and urgent level it offers nothing: the page is about acting
// now, and reading can wait.
func articlesFor(a Answers, o Outcome) []string {
	out := []string{}
	add := func(slugs ...string) {
		for _, s := range slugs {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	switch o {
	case Emergency, Urgent:
		return out
	case Doctor:
		add("when-to-see-someone", "staying-active")
	case Therapist:
		// Exercise first, as the guidelines put it; hands-on help alongside.
		add("staying-active", "exercise-and-walking", "other-therapies", "finding-a-massage-therapist", "massage-evidence", "massage-side-effects")
	case SelfCare:
		add("staying-active", "exercise-and-walking", "flare-up-plan", "where-back-pain-comes-from", "self-massage-at-home", "when-to-see-someone")
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
	if a.Yes(KeyCancer) {
		add("back-pain-with-fibromyalgia-or-cancer")
	}
	if needsMassageCare(a) {
		add("when-to-avoid-massage")
	}
	if a.sixWeeksOrMore() {
		add("acute-and-chronic-back-pain")
	}
	if slices.ContainsFunc(a.Location, func(l Location) bool { return l != LocationLower }) {
		add("back-pain-by-area")
	}
	if o == SelfCare || o == Therapist {
		add("faq")
	}
	return out
}

// RoutineFacts is what the engine needs to know about a self-care routine.
// The routines' front matter is the one place these facts live; the site
// hands them in when it loads the library.
type RoutineFacts struct {
	Slug    string
	Kind    string   // exercise, massage or heat
	Areas   []string // areas of the back it works on; none of them means it suits any painful area
	AvoidIf []string // yes/no answer keys that rule it out
	OnlyIf  []string // yes/no answer keys one of which must be yes (a set written for pregnancy); empty: anyone
	Floor   bool     // done lying or kneeling on the floor
	Firm    bool     // firm or focused pressure: foam roller, golf ball, massage gun
}

// floorOrFirmRuledOut is true for the visitors a floor routine or firm
// pressure is not suggested to: 65 or over, a fall in the last year or
// feeling unsteady (getting down and up is where falls happen), or fragile
// bones (firm pressure and loaded bending can break them).
func floorOrFirmRuledOut(a Answers) bool {
	return a.ageAtLeast(65) || a.anyYes(KeyFallsRisk, KeyOsteoporosis, KeySteroids)
}

// RoutineWarnings says why routine r may not suit someone with answers a, in
// plain words, for the routine's own page. It is empty when nothing rules
// the routine out.
func RoutineWarnings(a Answers, r RoutineFacts) []string {
	var out []string
	if (r.Floor || r.Firm) && floorOrFirmRuledOut(a) {
		switch {
		case r.Floor && r.Firm:
			out = append(out, "This routine is done on the floor and uses firm pressure. Your answers (age, a fall, feeling unsteady or fragile bones) make both riskier.")
		case r.Floor:
			out = append(out, "This routine is done on the floor. Your answers (age, a fall, feeling unsteady or fragile bones) make getting down and up riskier.")
		default:
			out = append(out, "This routine uses firm pressure. Your answers (age, a fall or fragile bones) make firm pressure riskier.")
		}
	}
	for _, k := range r.AvoidIf {
		if !a.Yes(k) {
			continue
		}
		if q, ok := questionIndex[k]; ok {
			out = append(out, "You told us: "+q.Label+".")
		}
	}
	return out
}

// routinesFor suggests routines only when self-care or a therapist is the
// advice, for the areas that hurt, leaving out every routine the answers
// rule out.
func routinesFor(a Answers, o Outcome, routines []RoutineFacts) []string {
	out := []string{}
	if o != Therapist && o != SelfCare {
		return out
	}
	for _, r := range routines {
		if fitsArea(a, r) && fitsPerson(a, r) && len(RoutineWarnings(a, r)) == 0 {
			out = append(out, r.Slug)
		}
	}
	return out
}

// fitsPerson: a routine written for one group (only_if) is suggested only
// to people in it.
func fitsPerson(a Answers, r RoutineFacts) bool {
	return len(r.OnlyIf) == 0 || a.anyYes(r.OnlyIf...)
}

// starterPlan picks from the suggested routines (already filtered for the
// answers): up to two exercises, then one self-massage or heat routine as
// an option, as NICE and the WHO put exercise first and hands-on care
// alongside it. Among exercises, one written for the person's situation
// (only_if, such as the pregnancy set) comes first, then those done off the
// floor (no one has to get down and up to start). The hands-on option must
// work on a part of the back the person said hurts: a routine that suits
// any area only by naming none (the foot arch) is not back care.
func starterPlan(a Answers, suggested []string, routines []RoutineFacts) []string {
	var tailored, standing, floor, other []string
	for _, slug := range suggested {
		// A linear search: a handful of suggestions among a few dozen routines.
		var r RoutineFacts
		if i := slices.IndexFunc(routines, func(f RoutineFacts) bool { return f.Slug == slug }); i >= 0 {
			r = routines[i]
		}
		switch {
		case r.Kind == "exercise" && len(r.OnlyIf) > 0:
			tailored = append(tailored, slug)
		case r.Kind == "exercise" && !r.Floor:
			standing = append(standing, slug)
		case r.Kind == "exercise":
			floor = append(floor, slug)
		case worksOnReportedArea(a, r):
			other = append(other, slug)
		}
	}
	plan := slices.Concat(tailored, standing, floor)
	plan = plan[:min(2, len(plan))]
	if len(other) > 0 {
		plan = append(plan, other[0])
	}
	if plan == nil {
		return []string{}
	}
	return plan
}

// worksOnReportedArea reports whether the routine names a part of the back
// the person said hurts.
func worksOnReportedArea(a Answers, r RoutineFacts) bool {
	for _, area := range r.Areas {
		switch Location(area) {
		case LocationLower, LocationMiddle, LocationUpper, LocationNeckShoulder:
			if a.HasLocation(Location(area)) {
				return true
			}
		}
	}
	return false
}

func fitsArea(a Answers, r RoutineFacts) bool {
	backAreas := 0
	for _, area := range r.Areas {
		switch Location(area) {
		case LocationLower, LocationMiddle, LocationUpper, LocationNeckShoulder:
			backAreas++
			if a.HasLocation(Location(area)) {
				return true
			}
		}
	}
	return backAreas == 0
}

// needsMassageCare reports whether any answer restricts massage.
func needsMassageCare(a Answers) bool {
	return a.anyYes(KeyBleedingRisk, KeySkinProblemAtSite, KeyPregnant, KeyOsteoporosis, KeySteroids,
		KeyRecentSurgery, KeyCancer)
}

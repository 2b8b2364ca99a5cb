package web

import (
	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/internal/triage"
	"backwise/templates"
)

// ContentOptions are what the library checks and renders content with: the
// questionnaire's answer keys for routines' avoid_if, and the warning-sign
// lists and words of the rule table, so that {{warning-signs:ID}} renders
// the table and an urgency written in free text is caught. serve, export
// and check all load content with these.
func ContentOptions() library.Options {
	opts := library.Options{
		SitePages: []string{paths.Home, paths.Articles, paths.About, paths.EvidenceKey, paths.Check, paths.CheckRules, paths.Routines,
			paths.Me, paths.Search},
		AvoidIfKeys:  triage.YesNoKeys(),
		WarningLists: map[string]library.WarningList{},
		UrgencyTerms: triage.UrgencyTerms,
	}
	for _, l := range triage.SignLists() {
		opts.WarningLists[l.ID] = templates.WarningList(l)
	}
	for _, t := range triage.SignTerms() {
		opts.SignTerms = append(opts.SignTerms, library.SignTerm{Term: t.Term, Rule: t.RuleID})
	}
	return opts
}

// routineFacts hands the engine what it needs to know about each routine,
// read from the routines' front matter, the one place those facts live.
func routineFacts(lib *library.Library) []triage.RoutineFacts {
	var out []triage.RoutineFacts
	for _, r := range lib.Routines() {
		out = append(out, facts(r))
	}
	return out
}

func facts(r *library.Routine) triage.RoutineFacts {
	return triage.RoutineFacts{Slug: r.Slug, Kind: r.Kind, Areas: r.Areas, AvoidIf: r.AvoidIf, OnlyIf: r.OnlyIf, Floor: r.Floor, Firm: r.Firm}
}

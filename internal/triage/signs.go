package triage

import (
	"slices"
	"strings"
)

// SignGroup names a list of warning signs. The general lists are for
// everyone; the others only matter to some people and say so in their
// heading.
type SignGroup string

// Sign groups.
const (
	SignsGeneral   SignGroup = "general"
	SignsNeck      SignGroup = "neck"
	SignsCancer    SignGroup = "cancer"
	SignsPregnancy SignGroup = "pregnancy"
)

// SignList is one list of warning signs as the site shows it: in a care card
// of the outcome's kind, an action-first heading, the signs, and what to do.
type SignList struct {
	ID      string    `json:"id"`      // "emergency", "neck-emergency", ...: the shortcode argument
	Group   SignGroup `json:"group"`   // who it is for
	Outcome Outcome   `json:"outcome"` // how urgent every sign in it is
	Heading string    `json:"heading"` // "Call {{emergency-number}} or go to {{emergency-department}} now if you have back pain and:"
	Signs   []string  `json:"signs"`
	Action  string    `json:"action"` // one line after the list
}

// signListText words each list: the heading says who it is for and what to
// do, so a list read on its own is complete.
var signListText = map[SignGroup]map[Outcome][2]string{
	SignsGeneral: {
		Emergency: {"Call {{emergency-number}} or go to {{emergency-department}} now if you have back pain and:",
			"Do not drive yourself. Ask someone to take you, or call an ambulance."},
		Urgent: {"Get help today if you have back pain and:",
			"To get help, {{urgent-help}}."},
		Doctor: {"See a {{gp}} or a physiotherapist if you have back pain and:",
			"It does not need to be today. {{physio}}"},
	},
	SignsNeck: {
		Emergency: {"Call {{emergency-number}} or go to {{emergency-department}} now if you have neck pain and:", "Do not drive yourself."},
		Urgent:    {"Get help today if you have neck pain and:", "To get help, {{urgent-help}}."},
	},
	SignsCancer: {
		Emergency: {"If you have cancer now, had it in the last 5 years, or it is in your bones: call {{emergency-number}} or go to {{emergency-department}} now if you have back pain and:",
			"Call your cancer team's 24-hour line as well, if you have one."},
		Urgent: {"If you have cancer now, had it in the last 5 years, or it is in your bones: get help today if you have back pain and:",
			"Call your cancer team's 24-hour line or acute oncology service. If you do not have one, {{urgent-help}}."},
	},
	SignsPregnancy: {
		Emergency: {"If you are pregnant, call {{emergency-number}} or go to {{emergency-department}} now if you have back pain and:",
			"Call your {{maternity}} on the way if you can."},
		Urgent: {"If you are pregnant, call your {{maternity}} or midwife now if you have back pain and:",
			"Their number is in your maternity notes. If you are bleeding heavily or the pain is severe and constant, call {{emergency-number}}."},
	},
}

// signListOrder is the order lists appear on a page that shows them all.
var signListOrder = []struct {
	group   SignGroup
	outcome Outcome
}{
	{SignsGeneral, Emergency}, {SignsGeneral, Urgent}, {SignsGeneral, Doctor},
	{SignsNeck, Emergency}, {SignsNeck, Urgent},
	{SignsCancer, Emergency}, {SignsCancer, Urgent},
	{SignsPregnancy, Emergency}, {SignsPregnancy, Urgent},
}

// SignLists returns every list of warning signs, built from the rule table.
func SignLists() []SignList {
	out := make([]SignList, 0, len(signListOrder))
	for _, k := range signListOrder {
		l, _ := signList(k.group, k.outcome)
		out = append(out, l)
	}
	return out
}

// SignListByID returns one list by its id: the outcome for the general lists
// ("emergency", "urgent", "doctor"), or group-outcome ("neck-emergency",
// "pregnancy-urgent").
func SignListByID(id string) (SignList, bool) {
	for _, l := range SignLists() {
		if l.ID == id {
			return l, true
		}
	}
	return SignList{}, false
}

func signList(g SignGroup, o Outcome) (SignList, bool) {
	text, ok := signListText[g][o]
	if !ok {
		return SignList{}, false
	}
	id := string(o)
	if g != SignsGeneral {
		id = string(g) + "-" + id
	}
	l := SignList{ID: id, Group: g, Outcome: o, Heading: text[0], Action: text[1], Signs: []string{}}
	for _, r := range rules {
		if r.SignGroup == g && r.Outcome == o {
			l.Signs = append(l.Signs, r.Signs...)
		}
	}
	return l, true
}

// safetyNet lists what would change the advice: the general emergency and
// same-day signs for everyone, and the lists for the neck, cancer or
// pregnancy when the answers make them matter.
func safetyNet(a Answers) []SignList {
	groups := []SignGroup{SignsGeneral}
	if a.HasLocation(LocationNeckShoulder) {
		groups = append(groups, SignsNeck)
	}
	if a.cancerRecent() {
		groups = append(groups, SignsCancer)
	}
	if a.Yes(KeyPregnant) {
		groups = append(groups, SignsPregnancy)
	}
	var out []SignList
	for _, k := range signListOrder {
		if k.outcome.Severity() < Urgent.Severity() || !slices.Contains(groups, k.group) {
			continue
		}
		l, _ := signList(k.group, k.outcome)
		out = append(out, l)
	}
	return out
}

// UrgencyTerms are words that state how urgent something is. An article
// sentence with one of these and a warning sign's term states an urgency in
// free text, which `backwise check` rejects: the shortcode renders it from
// this table instead.
var UrgencyTerms = []string{
	"{{emergency-number}}", "{{emergency-department}}", "{{urgent-service}}", "{{urgent-help}}",
	"999", "a&e", "111", "same day", "same-day", "urgent", "urgently", "emergency", "straight away",
	"immediately", "right away", "within 24 hours", "today", "ambulance",
}

// SignTerm is a term that names an emergency or same-day warning sign.
type SignTerm struct {
	Term   string // lower case
	RuleID string
}

// SignTerms returns the terms of every emergency and same-day warning sign.
func SignTerms() []SignTerm {
	var out []SignTerm
	for _, r := range rules {
		if r.Outcome.Severity() < Urgent.Severity() {
			continue
		}
		for _, t := range r.Terms {
			out = append(out, SignTerm{Term: strings.ToLower(t), RuleID: r.ID})
		}
	}
	return out
}

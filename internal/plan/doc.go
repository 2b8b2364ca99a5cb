// Package plan holds the rules of "My back plan": the weekly check-in and
// what its numbers mean, the chart of them, how many days a week routines were
// done, calendar reminders and the flare-up card.
//
// Like triage, the package is pure Go: no HTTP and no SQL. The web layer reads
// and stores a visitor's marks and check-ins, and hands them in here:
//
//	CheckIn.Validate, Summarise, Summary.Message   weekly check-ins -> trends and one plain sentence
//	Chart                                          check-ins -> an accessible inline SVG
//	DaysActive                                     routine marks -> days active per week
//	Reminders.Validate, Calendar                   reminder choices -> an iCalendar file
//	DefaultFlareCard, FlareCard.Validate           the flare-up card's suggested texts and limits
//
// Texts meant for visitors may hold region tokens such as {{gp}}; the site
// expands them for the visitor's region, as it does in articles.
package plan

package templates

import (
	"html/template"
	"strings"
	"time"

	"backwise/internal/library"
)

// BookmarkState is an item's bookmark button (and note form when kept).
type BookmarkState struct {
	Kind      string // article or routine
	Slug      string
	Saved     bool
	Note      string // the kept note, or the rejected text when NoteError is set
	NoteError string
	From      string // "me" when the form sits on /me, so the answer returns there
	Live      string // in the static export: the item on the live site, linked instead of a form
}

// ButtonLabel is the bookmark button's text.
func (b BookmarkState) ButtonLabel() string {
	if b.Saved {
		return "Remove from My Backwise"
	}
	return "Save this " + b.Kind
}

// Status is the short message beside the button.
func (b BookmarkState) Status() string {
	if b.Saved {
		return "Saved to My Backwise"
	}
	return ""
}

// noteID names the note form's parts uniquely on pages with several.
func (b BookmarkState) noteID(part string) string {
	id := "note-" + b.Kind + "-" + b.Slug
	if part != "" {
		id += "-" + part
	}
	return id
}

func (b BookmarkState) noteDescribedBy() string {
	if b.NoteError != "" {
		return b.noteID("hint") + " " + b.noteID("error")
	}
	return b.noteID("hint")
}

// RoutineListView lists routines with area and equipment filters.
type RoutineListView struct {
	Page
	Routines  []*library.Routine
	Area      string
	Equipment string
	Kinds     []FilterLink
	Areas     []FilterLink
	Gear      []FilterLink
}

// FilterLink is one filter choice as a plain link.
type FilterLink struct {
	Label   string
	Href    string
	Current bool
}

// RoutineView is one routine.
type RoutineView struct {
	Page
	Routine  *library.Routine
	Article  *library.Article
	Bookmark BookmarkState
	Warnings []string // from a kept result whose answers match avoid_if
	Due      bool
	Plan     PlanState
}

// MeView is "My Backwise".
type MeView struct {
	Page
	Routines     []MeItem
	Articles     []MeItem
	Results      []HistoryRow
	TotalResults int    // kept results in all; Results holds the newest
	Notice       string // after delete, restore or a note change
	HasData      bool
}

// MeItem is a kept article or routine.
type MeItem struct {
	Title     string
	Summary   string
	Href      string
	Missing   bool // the article or routine no longer exists
	CreatedAt time.Time
	Bookmark  BookmarkState
}

// RestoreCodeView shows a new restore code once.
type RestoreCodeView struct {
	Page
	Code    string
	Expires time.Time
}

// RestoreView is the form to enter a restore code.
type RestoreView struct {
	Page
	Code  string
	Error string
}

// DeleteView confirms deleting everything.
type DeleteView struct {
	Page
	HasData bool
}

func areaLabels(values []string) string { return joinLabels(library.Areas, values) }

func routineKindLabel(kind string) string { return library.Label(library.Kinds, kind) }

func equipmentLabels(values []string) string { return joinLabels(library.Equipment, values) }

func joinLabels(options []library.Option, values []string) string {
	out := ""
	for i, v := range values {
		if i > 0 {
			out += ", "
		}
		out += library.Label(options, v)
	}
	return out
}

// stepsMarker is where a routine's steps list starts in its HTML; the step
// timer's panel goes just before it, where the reader needs it.
const stepsMarker = `<ol class="routine-steps">`

func beforeSteps(body template.HTML) string {
	before, _, found := strings.Cut(string(body), stepsMarker)
	if !found {
		return string(body)
	}
	return before
}

func fromSteps(body template.HTML) string {
	_, after, found := strings.Cut(string(body), stepsMarker)
	if !found {
		return ""
	}
	return stepsMarker + after
}

func describedByCode(problem string) string {
	if problem != "" {
		return "code-hint code-error"
	}
	return "code-hint"
}

// floorFirmWarning says who should not do a routine on the floor or with
// firm pressure, from the routine's own floor and firm flags: the same
// people the questionnaire never suggests such routines to.
func floorFirmWarning(r *library.Routine) []string {
	var out []string
	if r.Floor {
		out = append(out, "Part of this routine is done on the floor. Do not use the floor if you are 65 or over, have fallen "+
			"in the last year, often feel unsteady, or have fragile bones. Use the standing or sitting way instead.")
	}
	if r.Firm {
		out = append(out, "It can use firm pressure (a golf ball, foam roller or massage gun). Firm pressure is not for you if "+
			"you are 65 or over, have thin bones (osteoporosis) or have taken steroid tablets for 3 months or more.")
	}
	return out
}

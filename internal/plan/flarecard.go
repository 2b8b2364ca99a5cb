package plan

import (
	"fmt"
	"unicode/utf8"
)

// MaxFlareField is the most runes one field of the flare-up card may hold:
// room for a few sentences, small enough to fit on a printed card.
const MaxFlareField = 500

// FlareCard is the visitor's plan for a flare-up, in their own words: what
// helps, what to pause, who to call and when to get help. Fields may hold
// region tokens such as {{gp}}.
type FlareCard struct {
	Helps, Pause, Contacts, SeekHelp string
}

// DefaultFlareCard is the card a visitor starts from: cautious, general
// suggestions that agree with the flare-up plan article, for them to change.
// It names no phone numbers, since those depend on the region; the warning
// signs live on the Get help now page, so they are never copied here.
func DefaultFlareCard() FlareCard {
	return FlareCard{
		Helps: "Keep moving gently: short walks and as much of your day as you can manage, rather than resting in bed. " +
			"Heat, such as a warm bath or a heat pack wrapped in a towel. " +
			"A painkiller from the pharmacy, if it is safe for you: take it as the packet or your pharmacist says.",
		Pause: "Heavy lifting, and sitting still for long spells: get up and move about every half an hour. " +
			"Cut back on what makes the pain much worse, and build back up as the flare settles.",
		Contacts: "My {{gp}}. A pharmacist, for advice about painkillers. " +
			"Someone who can help with shopping or heavy jobs for a few days.",
		SeekHelp: "If you have any of the warning signs on the Get help now page, get help at once. " +
			"See a {{gp}} or a physiotherapist if the flare is not settling after a few weeks, or feels different from your usual ones.",
	}
}

// Flare-up card field names, for FieldError.Field.
const (
	FieldHelps    = "helps"
	FieldPause    = "pause"
	FieldContacts = "contacts"
	FieldSeekHelp = "seek_help"
)

// Validate reports each field that is too long or is not valid text, in
// form order (nil when valid). Empty fields are allowed: the card is the
// visitor's own.
func (c FlareCard) Validate() []FieldError {
	var errs []FieldError
	for _, f := range []struct{ field, label, value string }{
		{FieldHelps, "What helps", c.Helps},
		{FieldPause, "What to pause", c.Pause},
		{FieldContacts, "Who to call", c.Contacts},
		{FieldSeekHelp, "When to get help", c.SeekHelp},
	} {
		switch {
		case !utf8.ValidString(f.value):
			errs = append(errs, FieldError{Field: f.field, Message: f.label + " contains characters that cannot be saved"})
		case utf8.RuneCountInString(f.value) > MaxFlareField:
			errs = append(errs, FieldError{Field: f.field, Message: fmt.Sprintf("%s must be %d characters or fewer", f.label, MaxFlareField)})
		}
	}
	return errs
}

package plan

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestDefaultFlareCard(t *testing.T) {
	c := DefaultFlareCard()
	if errs := c.Validate(); errs != nil {
		t.Errorf("the default card is invalid: %v", errs)
	}
	for name, text := range map[string]string{"Helps": c.Helps, "Pause": c.Pause, "Contacts": c.Contacts, "SeekHelp": c.SeekHelp} {
		if strings.TrimSpace(text) == "" {
			t.Errorf("%s is empty", name)
		}
		// Numbers differ by region: they come from the regions file, never from here.
		if strings.ContainsFunc(text, unicode.IsDigit) {
			t.Errorf("%s holds a number: %q", name, text)
		}
		if strings.Contains(text, "{{physio}}") {
			t.Errorf("%s uses {{physio}}, which is a sentence, not a noun", name)
		}
	}
	if !strings.HasPrefix(c.SeekHelp, "If you have any of the warning signs on the Get help now page, get help at once.") {
		t.Errorf("SeekHelp = %q: it must send the visitor to the warning signs first", c.SeekHelp)
	}
	if !strings.Contains(c.Contacts, "{{gp}}") {
		t.Errorf("Contacts = %q: want the {{gp}} token", c.Contacts)
	}
}

func TestFlareCardValidate(t *testing.T) {
	tests := []struct {
		name   string
		card   FlareCard
		fields []string
	}{
		{"empty fields are allowed", FlareCard{}, nil},
		{"exactly the limit, in runes not bytes", FlareCard{Helps: strings.Repeat("é", MaxFlareField)}, nil},
		{"one rune over", FlareCard{Pause: strings.Repeat("a", MaxFlareField+1)}, []string{FieldPause}},
		{"not UTF-8", FlareCard{Contacts: "call \xff"}, []string{FieldContacts}},
		{"two fields", FlareCard{Helps: strings.Repeat("a", MaxFlareField+1), SeekHelp: strings.Repeat("b", MaxFlareField+1)},
			[]string{FieldHelps, FieldSeekHelp}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fields []string
			for _, e := range tt.card.Validate() {
				fields = append(fields, e.Field)
				if e.Message == "" {
					t.Errorf("%s: no message", e.Field)
				}
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("fields %v, want %v", fields, tt.fields)
			}
		})
	}
}

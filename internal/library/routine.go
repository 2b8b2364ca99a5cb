package library

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
)

// Routine is a self-care routine: steps with durations, who should avoid
// it, and the article it belongs to.
type Routine struct {
	Document
	Areas     []string // lower, middle, upper, neck_shoulder, foot
	Equipment []string // none, tennis_ball, …
	Minutes   int
	HowOften  string
	Level     string   // gentle or moderate
	AvoidIf   []string // questionnaire answer keys
	OnlyIf    []string // answer keys one of which must be yes for it to be suggested (the pregnancy set: pregnant)
	Floor     bool     // done lying or kneeling on the floor
	Firm      bool     // firm or focused pressure (foam roller, golf ball, massage gun)
	Article   string   // slug of the article it belongs to
	Steps     []int    // each step's duration in seconds
	Kind      string   // exercise, massage or heat
}

// Option is a filter value with its label.
type Option struct {
	Value string
	Label string
}

// Areas are the parts of the back (and the foot) a routine can work on.
var Areas = []Option{
	{"lower", "Lower back"}, {"middle", "Middle back"}, {"upper", "Upper back"},
	{"neck_shoulder", "Neck and shoulders"}, {"foot", "Foot"},
}

// Equipment is what a routine may need.
var Equipment = []Option{
	{"none", "Nothing"}, {"tennis_ball", "Tennis ball"}, {"golf_ball", "Golf ball"},
	{"foam_roller", "Foam roller"}, {"massage_tool", "Handheld massager"}, {"heat_pack", "Heat pack"},
}

// Kinds are what a routine is, in the order the site lists them:
// guidelines put exercise and staying active first, and massage and heat
// only alongside them.
var Kinds = []Option{{"exercise", "Exercise"}, {"massage", "Self-massage"}, {"heat", "Heat"}}

// Levels are how demanding a routine is.
var Levels = []Option{{"gentle", "Gentle"}, {"moderate", "Moderate"}}

// Label returns the label of value in options, or value itself.
func Label(options []Option, value string) string {
	for _, o := range options {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

func optionValues(options []Option) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = o.Value
	}
	return out
}

var routineKeys = []string{"title", "summary", "kind", "area", "equipment", "minutes", "how_often", "level", "avoid_if", "only_if", "floor", "firm", "article", "reviewed", "next_review", "references"}

// routineSections are the h2 headings every routine has, in this order, so
// readers always find the same things in the same place. An exercise also
// has easierHarder after the steps: one version for a bad day, one for
// when it gets easy.
var routineSections = []string{"What you need", "Getting into position", "Steps", "Stop and get advice if", "Read more"}

const easierHarder = "Easier and harder"

// sectionsFor is the h2 headings a routine of this kind must have.
func sectionsFor(kind string) []string {
	if kind != "exercise" {
		return routineSections
	}
	return []string{"What you need", "Getting into position", "Steps", easierHarder, "Stop and get advice if", "Read more"}
}

func (l *loader) parseRoutine(name string, src []byte) (*Routine, body) {
	c := collector{file: name, problems: &l.problems}
	doc, f, b, ok := l.parseDocument(c, name, src, routineKeys, true)
	if !ok {
		return nil, b
	}
	r := &Routine{Document: *doc, Steps: b.Steps}
	r.Body = sectioned(r.Body)
	r.Kind = f.str("kind", true)
	if r.Kind != "" && !contains(optionValues(Kinds), r.Kind) {
		c.add(f.line("kind"), "unknown kind %q (use one of: %s)", r.Kind, strings.Join(optionValues(Kinds), ", "))
	}
	r.Areas = l.listOf(f, "area", Areas, true)
	r.Equipment = l.listOf(f, "equipment", Equipment, true)
	r.Minutes = f.integer("minutes", true)
	if r.Minutes < 1 || r.Minutes > 120 {
		c.add(f.line("minutes"), "minutes must be between 1 and 120")
	}
	r.HowOften = f.str("how_often", true)
	r.Level = f.str("level", true)
	if r.Level != "" && !contains(optionValues(Levels), r.Level) {
		c.add(f.line("level"), "unknown level %q (use one of: %s)", r.Level, strings.Join(optionValues(Levels), ", "))
	}
	r.AvoidIf = f.strings("avoid_if")
	r.OnlyIf = f.strings("only_if")
	if l.opts.AvoidIfKeys != nil {
		for _, k := range r.AvoidIf {
			if !contains(l.opts.AvoidIfKeys, k) {
				c.add(f.line("avoid_if"), "avoid_if key %q is not a question of the questionnaire", k)
			}
		}
		for _, k := range r.OnlyIf {
			if !contains(l.opts.AvoidIfKeys, k) {
				c.add(f.line("only_if"), "only_if key %q is not a question of the questionnaire", k)
			}
		}
	}
	r.Floor = f.boolean("floor")
	r.Firm = f.boolean("firm")
	if r.Floor && !strings.Contains(string(r.Body), "fallen") {
		c.add(f.line("floor"), "a floor routine must say not to do it if you have fallen in the last year or feel unsteady (it does not mention \"fallen\")")
	}
	if m := loadedBending.FindString(r.Text); m != "" {
		c.add(0, "routines must not include loaded forward bending such as %q (Royal Osteoporosis Society: it can break fragile bones)", m)
	}
	r.Article = f.str("article", true)
	var h2 []string
	for _, h := range r.TOC {
		if h.Level == 2 {
			h2 = append(h2, h.Text)
		}
	}
	if want := sectionsFor(r.Kind); strings.Join(h2, "|") != strings.Join(want, "|") {
		c.add(0, "a routine's ## sections must be, in order: %s (found: %s)", strings.Join(want, ", "), strings.Join(h2, ", "))
	}
	// People copy what they see: every routine shows its position (an
	// exercise, where it starts and ends).
	if !strings.Contains(string(r.Body), `<figure`) {
		c.add(0, "a routine needs a {{figure:NAME}} showing its position (for an exercise, the start and end positions)")
	}
	if r.Kind == "exercise" {
		// And a version for good and bad days.
		if !easierHarderRe.MatchString(r.Text) {
			c.add(0, "the %q section must give an easier version and a harder one (start them \"Easier:\" and \"Harder:\")", easierHarder)
		}
	}
	if len(r.Steps) == 0 {
		c.add(0, "the Steps section needs a numbered list whose items each start with {{duration:30s}}")
	}
	return r, b
}

func (l *loader) listOf(f *fields, key string, options []Option, required bool) []string {
	values := f.strings(key)
	if required && len(values) == 0 {
		f.c.add(f.line(key), "%q needs at least one of: %s", key, strings.Join(optionValues(options), ", "))
	}
	for _, v := range values {
		if !contains(optionValues(options), v) {
			f.c.add(f.line(key), "unknown %s %q (use: %s)", key, v, strings.Join(optionValues(options), ", "))
		}
	}
	return values
}

// durationLabel writes seconds as people say them.
func durationLabel(seconds int) string {
	m, s := seconds/60, seconds%60
	switch {
	case m == 0:
		return plural(s, "second")
	case s == 0:
		return plural(m, "minute")
	default:
		return plural(m, "minute") + " " + plural(s, "second")
	}
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// sectioned wraps each h2 section of a routine (and the introduction
// before the first) in an element naming it, so the print stylesheet can
// keep what someone needs on the floor — what to have, the steps, when to
// stop — on one page, and leave the rest to the screen.
func sectioned(body template.HTML) template.HTML {
	parts := h2Start.Split(string(body), -1)
	ids := h2Start.FindAllStringSubmatch(string(body), -1)
	var b strings.Builder
	if intro := strings.TrimSpace(parts[0]); intro != "" {
		b.WriteString(`<div class="routine-intro">` + "\n" + intro + "\n</div>\n")
	}
	for i, m := range ids {
		fmt.Fprintf(&b, "<section class=\"routine-section\" data-section=\"%s\">\n%s%s</section>\n", m[1], m[0], parts[i+1])
	}
	return template.HTML(b.String())
}

// loadedBending finds sit-ups and curl-ups, which no routine may include.
var loadedBending = regexp.MustCompile(`(?i)\b(curl-?ups?|sit-?ups?|crunch(es)?|curl up again)\b`)

// easierHarderRe finds both versions in an exercise's text.
var easierHarderRe = regexp.MustCompile(`(?s)Easier:.*Harder:`)

var h2Start = regexp.MustCompile(`<h2 id="([a-z0-9-]+)">`)

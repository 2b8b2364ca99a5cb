package plan

import (
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// The chart is drawn in viewBox units. 360 wide keeps the 12-unit text at
// about 11 px on a 320 px phone screen, where the SVG shrinks to fit.
const (
	chartWidth   = 360
	plotLeft     = 40.0 // room for the 0, 5, 10 labels
	plotRight    = 330.0
	plotTop      = 12.0
	plotBottom   = 162.0
	dateLabelY   = plotBottom + 18
	legendTop    = 206.0
	legendRow    = 20.0
	maxDateLabel = 6
	// Labels closer than this would touch ("30 Sep" is about 36 units wide);
	// a fifth of the plot also caps them at maxDateLabel.
	minLabelGap     = (plotRight - plotLeft) / (maxDateLabel - 1)
	maxLegendLabel  = 28 // runes of the activity in the legend; the description has it whole
	shortDateLayout = "2 Jan"
	longDateLayout  = "2 Jan 2006"
)

// series is one line of the chart. Each has its own dash pattern and marker
// shape, so that the lines can be told apart without colour (WCAG 1.4.1).
type series struct {
	class  string // chart__pain...: the site's CSS gives each its colour
	legend string
	dash   string // stroke-dasharray; "" for a solid line
	marker func(x, y float64) string
	value  func(CheckIn) int
}

func chartSeries(activity string) []series {
	s := []series{
		{class: "chart__pain", legend: "Pain", marker: circle,
			value: func(c CheckIn) int { return c.Pain }},
		{class: "chart__interference", legend: "Gets in the way", dash: "6 4", marker: square,
			value: func(c CheckIn) int { return c.Interference }},
	}
	if activity != "" {
		s = append(s, series{class: "chart__ease", legend: "Ease of " + truncate(activity, maxLegendLabel) + " (10 = easy)",
			dash: "2 3", marker: triangle, value: func(c CheckIn) int { return c.Ease }})
	}
	return s
}

// Chart draws the check-ins as an accessible inline SVG, for pages with no
// JavaScript and a CSP that forbids inline styles: colours come from
// currentColor and the chart__pain, chart__interference and chart__ease
// classes. Ease is drawn only when the visitor named an activity. The SVG
// carries role="img" with a title and a description that says in words what
// the lines show, since screen readers do not read the lines themselves.
// It returns "" when there are no check-ins: the page should say so in words.
func Chart(cs []CheckIn, activity string) template.HTML {
	if len(cs) == 0 {
		return ""
	}
	activity = strings.Join(strings.Fields(activity), " ")
	sum := Summarise(cs)
	sorted := sortedByDay(cs)
	xs := xPositions(sorted)
	all := chartSeries(activity)

	title := "Your weekly check-ins"
	desc := chartDescription(sum, activity)
	id := chartID(sorted, activity)
	height := legendTop + legendRow*float64(len(all)-1) + 12

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %s" role="img" aria-labelledby="%s-title %s-desc" fill="currentColor" font-size="12">`,
		chartWidth, num(height), id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))

	b.WriteString(`<g class="chart__grid">`)
	for _, v := range []int{0, 5, 10} {
		y := yOf(v)
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-opacity="0.3"/>`, num(plotLeft), num(y), num(plotRight), num(y))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end">%d</text>`, num(plotLeft-8), num(y+4), v)
	}
	b.WriteString(`</g><g class="chart__dates" text-anchor="middle">`)
	for _, i := range dateLabels(xs) {
		fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, num(xs[i]), num(dateLabelY), esc(sorted[i].On.UTC().Format(shortDateLayout)))
	}
	b.WriteString(`</g>`)

	for _, s := range all {
		fmt.Fprintf(&b, `<g class="chart__series %s">`, s.class)
		points := make([]string, len(sorted))
		for i, c := range sorted {
			points[i] = num(xs[i]) + "," + num(yOf(s.value(c)))
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="currentColor" stroke-width="2"%s/>`, strings.Join(points, " "), dashAttr(s.dash))
		for i, c := range sorted {
			b.WriteString(s.marker(xs[i], yOf(s.value(c))))
		}
		b.WriteString(`</g>`)
	}

	b.WriteString(`<g class="chart__legend">`)
	for i, s := range all {
		y := legendTop + legendRow*float64(i)
		fmt.Fprintf(&b, `<g class="%s"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="2"%s/>%s</g>`,
			s.class, num(plotLeft), num(y-4), num(plotLeft+30), num(y-4), dashAttr(s.dash), s.marker(plotLeft+15, y-4))
		fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, num(plotLeft+38), num(y), esc(s.legend))
	}
	b.WriteString(`</g></svg>`)
	// Every piece of text above went through esc, and every number through num.
	return template.HTML(b.String())
}

// xPositions places each check-in by its date, so a missed week shows as a
// gap. Check-ins all on one day sit in the middle.
func xPositions(sorted []CheckIn) []float64 {
	xs := make([]float64, len(sorted))
	first, last := sorted[0].On, sorted[len(sorted)-1].On
	span := last.Sub(first)
	for i, c := range sorted {
		if span <= 0 {
			xs[i] = (plotLeft + plotRight) / 2
			continue
		}
		xs[i] = plotLeft + float64(c.On.Sub(first))/float64(span)*(plotRight-plotLeft)
	}
	return xs
}

// dateLabels picks which points get a date: the first, then each one far
// enough from the last label, and the last point in place of a label too
// close to it, so the range is always shown and labels never touch.
func dateLabels(xs []float64) []int {
	picked := []int{0}
	for i := 1; i < len(xs); i++ {
		if xs[i]-xs[picked[len(picked)-1]] >= minLabelGap {
			picked = append(picked, i)
		}
	}
	last := len(xs) - 1
	if end := picked[len(picked)-1]; end != last && xs[last]-xs[0] >= minLabelGap {
		if xs[last]-xs[end] < minLabelGap {
			picked = picked[:len(picked)-1]
		}
		picked = append(picked, last)
	}
	return picked
}

// chartDescription says in words what the chart shows.
func chartDescription(s Summary, activity string) string {
	ease := "ease of " + activity
	if s.Count == 1 {
		c := s.First
		d := fmt.Sprintf("One check-in, on %s: pain %d, gets in the way %d", c.On.UTC().Format(longDateLayout), c.Pain, c.Interference)
		if activity != "" {
			d += fmt.Sprintf(", %s %d (10 = easy)", ease, c.Ease)
		}
		return d + "."
	}
	from, to := s.First.On.UTC(), s.Latest.On.UTC()
	fromLayout := shortDateLayout
	if from.Year() != to.Year() {
		fromLayout = longDateLayout
	}
	d := fmt.Sprintf("%d check-ins between %s and %s. Pain %s. How much pain gets in the way %s.",
		s.Count, from.Format(fromLayout), to.Format(longDateLayout),
		wentFrom(s.First.Pain, s.Latest.Pain), wentFrom(s.First.Interference, s.Latest.Interference))
	if activity != "" {
		d += fmt.Sprintf(" Ease of %s %s, where 10 is easy.", activity, wentFrom(s.First.Ease, s.Latest.Ease))
	}
	return d
}

func wentFrom(first, latest int) string {
	if first == latest {
		return fmt.Sprintf("stayed at %d", first)
	}
	return fmt.Sprintf("went from %d to %d", first, latest)
}

// chartID makes the title and description ids unique to the data, so two
// different charts on one page do not share them.
func chartID(sorted []CheckIn, activity string) string {
	h := fnv.New64a()
	for _, c := range sorted {
		fmt.Fprintf(h, "%d %d %d %d;", c.On.Unix(), c.Pain, c.Interference, c.Ease)
	}
	h.Write([]byte(activity))
	return "plan-chart-" + strconv.FormatUint(h.Sum64(), 36)
}

func yOf(v int) float64 {
	v = min(max(v, 0), MaxScore)
	return plotBottom - float64(v)/MaxScore*(plotBottom-plotTop)
}

func circle(x, y float64) string {
	return fmt.Sprintf(`<circle cx="%s" cy="%s" r="3.5"/>`, num(x), num(y))
}

func square(x, y float64) string {
	return fmt.Sprintf(`<rect x="%s" y="%s" width="7" height="7"/>`, num(x-3.5), num(y-3.5))
}

func triangle(x, y float64) string {
	return fmt.Sprintf(`<path d="M%s %sl4.5 8h-9z"/>`, num(x), num(y-4.5))
}

func dashAttr(dash string) string {
	if dash == "" {
		return ""
	}
	return ` stroke-dasharray="` + dash + `"`
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

// esc escapes text for both XML and HTML, and replaces characters XML
// forbids, since the activity is whatever the visitor typed.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails to write
	return b.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

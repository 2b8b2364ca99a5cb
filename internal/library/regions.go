package library

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Region is where a reader lives: the number to call in an emergency, the
// same-day service, and the words its health services use. regions.yaml
// is the one place these facts live; content and pages write {{token}}
// and each page is written out for the reader's region.
type Region struct {
	ID        string
	Name      string
	Languages []string // Accept-Language tags that suggest it, e.g. en-US
	words     map[string]string
}

// RegionTokens are the words every region defines. Content and pages write
// them as {{emergency-number}}, {{gp}} and so on.
var RegionTokens = []string{
	"emergency-number", "emergency-department", "urgent-service", "urgent-number", "urgent-url", "urgent-help",
	"gp", "gp-practice", "physio", "maternity",
}

// Word is the region's text for token ("" for an unknown token).
func (r Region) Word(token string) string { return r.words[token] }

// Expand writes every {{token}} in s as the region says it. For HTML the
// words are escaped ("A&E" becomes "A&amp;E").
func (r Region) Expand(s string, forHTML bool) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	return r.replacer(forHTML).Replace(s)
}

func (r Region) replacer(forHTML bool) *strings.Replacer {
	pairs := make([]string, 0, 2*len(RegionTokens))
	for _, t := range RegionTokens {
		w := r.words[t]
		if forHTML {
			w = html.EscapeString(w)
		}
		pairs = append(pairs, "{{"+t+"}}", w)
	}
	return strings.NewReplacer(pairs...)
}

// Replacer is Expand as a reusable strings.Replacer, for the many pages
// written out for one region.
func (r Region) Replacer(forHTML bool) *strings.Replacer { return r.replacer(forHTML) }

// isRegionToken reports whether name is a region word.
func isRegionToken(name string) bool { return slices.Contains(RegionTokens, name) }

// Regions returns every region; the first is the default.
func (l *Library) Regions() []Region { return slices.Clone(l.regions) }

// Region returns the region with the given id.
func (l *Library) Region(id string) (Region, bool) {
	for _, r := range l.regions {
		if r.ID == id {
			return r, true
		}
	}
	return Region{}, false
}

var (
	regionIDPattern = regexp.MustCompile(`^[a-z]+(?:-[a-z]+)*$`)
	dialable        = regexp.MustCompile(`^[0-9]{3,15}$`)
)

// loadRegions reads regions.yaml, when the content has one, and checks
// every region has every word: a missing number must never fall back to
// another region's.
func (l *loader) loadRegions(fsys fs.FS) error {
	const name = "regions.yaml"
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("library: read %s: %w", name, err)
	}
	c := collector{file: name, problems: &l.problems}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		c.add(yamlErrorLine(err), "not valid YAML: %s", yamlErrorText(err))
		return nil
	}
	var file struct {
		Regions []yaml.Node `yaml:"regions"`
	}
	if err := doc.Decode(&file); err != nil || len(file.Regions) == 0 {
		c.add(1, "needs a list of regions under \"regions:\"")
		return nil
	}
	for _, node := range file.Regions {
		line := node.Line
		var raw map[string]any
		if err := node.Decode(&raw); err != nil {
			c.add(line, "a region must be a list of key: value lines")
			continue
		}
		r := Region{words: map[string]string{}}
		r.ID, _ = raw["id"].(string)
		r.Name, _ = raw["name"].(string)
		if !regionIDPattern.MatchString(r.ID) || r.Name == "" {
			c.add(line, "a region needs an id (lowercase words joined by hyphens) and a name")
			continue
		}
		if _, taken := l.lib.Region(r.ID); taken {
			c.add(line, "region %q appears twice", r.ID)
			continue
		}
		langs, _ := raw["languages"].([]any)
		for _, x := range langs {
			if s, ok := x.(string); ok {
				r.Languages = append(r.Languages, s)
			}
		}
		for _, t := range RegionTokens {
			v, ok := raw[t].(string)
			if !ok {
				c.add(line, "region %q lacks %q (every region has every word)", r.ID, t)
				continue
			}
			r.words[t] = strings.TrimSpace(v)
		}
		if !dialable.MatchString(r.words["emergency-number"]) {
			c.add(line, "region %q: emergency-number must be digits only, like \"999\"", r.ID)
		}
		if n := r.words["urgent-number"]; n != "" && !dialable.MatchString(n) {
			c.add(line, "region %q: urgent-number must be digits only, or empty", r.ID)
		}
		if u, err := url.Parse(r.words["urgent-url"]); err != nil || u.Scheme != "https" || u.Host == "" {
			c.add(line, "region %q: urgent-url must be an https address", r.ID)
		}
		for _, t := range RegionTokens {
			if t != "urgent-number" && r.words[t] == "" {
				c.add(line, "region %q: %q must not be empty", r.ID, t)
			}
		}
		names, _ := raw["service-names"].([]any)
		if _, ok := raw["service-names"]; !ok {
			c.add(line, "region %q lacks \"service-names\" (use [] for none)", r.ID)
		}
		for _, n := range names {
			if s, ok := n.(string); ok && s != "" {
				l.serviceNames = append(l.serviceNames, s)
			}
		}
		for _, k := range []string{"emergency-number", "urgent-number"} {
			if n := r.words[k]; n != "" && !slices.Contains(l.numbers, n) {
				l.numbers = append(l.numbers, n)
			}
		}
		l.lib.regions = append(l.lib.regions, r)
	}
	return nil
}

// hardCodedChecker finds an emergency or same-day number, or a service's
// name, written into content instead of its {{token}}: the region file is
// the one place they live, so each reader sees their own.
type hardCodedChecker struct {
	patterns []*regexp.Regexp
	words    []string
}

func newHardCodedChecker(numbers, names []string) *hardCodedChecker {
	if len(numbers) == 0 && len(names) == 0 {
		return nil
	}
	h := &hardCodedChecker{}
	for _, n := range numbers {
		// Not inside a longer number such as 1,999 or 999.5; a full stop
		// or comma that ends the sentence or clause still counts.
		h.patterns = append(h.patterns, regexp.MustCompile(`(^|[^\d,.])`+regexp.QuoteMeta(n)+`($|[^\d,.]|[.,](\s|$))`))
		h.words = append(h.words, n)
	}
	for _, n := range names {
		h.patterns = append(h.patterns, regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(n)+`($|[^\pL\pN])`))
		h.words = append(h.words, n)
	}
	return h
}

func (h *hardCodedChecker) find(text string) (string, bool) {
	for i, p := range h.patterns {
		if p.MatchString(text) {
			return h.words[i], true
		}
	}
	return "", false
}

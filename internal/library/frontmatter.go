package library

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// splitFrontMatter separates the YAML between the opening and closing "---"
// lines from the Markdown body. bodyLine is the file line the body starts on,
// so positions in the body can be reported as file lines.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, nil, 0, errors.New(`file must start with a "---" line opening the front matter`)
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 2
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			next = off + end + 1
		}
		if strings.TrimRight(string(rest[off:next]), "\r\n \t") == "---" {
			return rest[:off], rest[next:], line + 1, nil
		}
		off = next
		line++
	}
	return nil, nil, 0, errors.New(`front matter is not closed by a "---" line`)
}

// fields walks a YAML mapping, rejecting keys the kind does not know and
// giving each known key's value node to the caller. Keys are reported with
// their file line (the YAML starts on line 2 of the file).
type fields struct {
	c      collector
	values map[string]*yaml.Node
	lines  map[string]int
}

func parseFields(c collector, front []byte, known []string) (*fields, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(front, &doc); err != nil {
		c.add(yamlErrorLine(err), "front matter is not valid YAML: %s", yamlErrorText(err))
		return nil, false
	}
	f := &fields{c: c, values: map[string]*yaml.Node{}, lines: map[string]int{}}
	if len(doc.Content) == 0 {
		c.add(1, "front matter is empty")
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		c.add(root.Line+1, "front matter must be a list of key: value lines")
		return nil, false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := k.Line + 1
		if !contains(known, k.Value) {
			c.add(line, "unknown front matter key %q (known keys: %s)", k.Value, strings.Join(known, ", "))
			continue
		}
		if _, dup := f.values[k.Value]; dup {
			c.add(line, "front matter key %q appears twice", k.Value)
			continue
		}
		f.values[k.Value] = v
		f.lines[k.Value] = line
	}
	return f, true
}

// line returns the file line of key, or of the front matter's start when the
// key is missing (that is where the author has to add it).
func (f *fields) line(key string) int {
	if l, ok := f.lines[key]; ok {
		return l
	}
	return 1
}

func (f *fields) str(key string, required bool) string {
	v, ok := f.values[key]
	if !ok {
		if required {
			f.c.add(1, "missing required front matter key %q", key)
		}
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		f.c.add(f.line(key), "%q must be a single value", key)
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if required && s == "" {
		f.c.add(f.line(key), "%q must not be empty", key)
	}
	return s
}

func (f *fields) strings(key string) []string {
	v, ok := f.values[key]
	if !ok {
		return nil
	}
	var out []string
	if err := v.Decode(&out); err != nil {
		f.c.add(f.line(key), "%q must be a list of words, like [a, b]", key)
		return nil
	}
	return out
}

func (f *fields) date(key string, required bool) time.Time {
	s := f.str(key, required)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		f.c.add(f.line(key), "%q must be a date written YYYY-MM-DD, not %q", key, s)
	}
	return t
}

func (f *fields) integer(key string, required bool) int {
	s := f.str(key, required)
	if s == "" {
		return 0
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || fmt.Sprint(n) != s {
		f.c.add(f.line(key), "%q must be a whole number, not %q", key, s)
	}
	return n
}

// boolean reads a required true or false: a safety flag must be stated, so
// a forgotten one is an error rather than a silent "false".
func (f *fields) boolean(key string) bool {
	s := f.str(key, true)
	switch s {
	case "true":
		return true
	case "false", "":
		return false
	}
	f.c.add(f.line(key), "%q must be true or false, not %q", key, s)
	return false
}

func (f *fields) references(key string) []Reference {
	v, ok := f.values[key]
	if !ok {
		f.c.add(1, "missing required front matter key %q: every page cites its sources", key)
		return nil
	}
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		f.c.add(f.line(key), "%q must be a list of sources with title, source, year and url", key)
		return nil
	}
	var refs []Reference
	for i, item := range v.Content {
		line := item.Line + 1
		var raw struct {
			Title  string `yaml:"title"`
			Source string `yaml:"source"`
			Year   int    `yaml:"year"`
			URL    string `yaml:"url"`
		}
		if item.Kind != yaml.MappingNode {
			f.c.add(line, "reference %d must have title, source, year and url", i+1)
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			if k := item.Content[j].Value; !contains([]string{"title", "source", "year", "url"}, k) {
				f.c.add(item.Content[j].Line+1, "reference %d has unknown key %q", i+1, k)
			}
		}
		if err := item.Decode(&raw); err != nil {
			f.c.add(line, "reference %d: %s", i+1, yamlErrorText(err))
			continue
		}
		switch {
		case strings.TrimSpace(raw.Title) == "":
			f.c.add(line, "reference %d is missing its title", i+1)
		case strings.TrimSpace(raw.Source) == "":
			f.c.add(line, "reference %d is missing its source (the organisation or journal)", i+1)
		case raw.Year < 1900 || raw.Year > 2100:
			f.c.add(line, "reference %d needs a publication year", i+1)
		case !isWebURL(raw.URL):
			f.c.add(line, "reference %d needs a full https:// address, not %q", i+1, raw.URL)
		case strings.HasPrefix(raw.URL, "https://doi.org/") && !doiURL.MatchString(raw.URL):
			f.c.add(line, "reference %d: %q is not a DOI address (https://doi.org/10.NNNN/...)", i+1, raw.URL)
		case pmcURL.MatchString(raw.URL):
			f.c.add(line, "reference %d links to a PubMed Central copy: cite the paper's DOI (https://doi.org/...) instead", i+1)
		}
		refs = append(refs, Reference{Title: raw.Title, Source: raw.Source, Year: raw.Year, URL: raw.URL, line: line})
	}
	return refs
}

var (
	// doiURL is a DOI as doi.org resolves it: 10.<registrant>/<suffix>.
	doiURL = regexp.MustCompile(`^https://doi\.org/10\.\d{4,9}/\S+$`)
	// pmcURL is a PubMed Central copy of a paper, which has a DOI of its own.
	pmcURL = regexp.MustCompile(`^https?://(www\.)?(pmc\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pmc)/`)
)

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlErrorLine turns the YAML line in a parser error into a file line.
func yamlErrorLine(err error) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscanf(m[1], "%d", &n)
		return n + 1
	}
	return 1
}

func yamlErrorText(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	return yamlLine.ReplaceAllString(s, "")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package library

import "sort"

// Tag is a tag with how many articles carry it.
type Tag struct {
	Name  string
	Count int
}

// Tags lists every tag used by an article, by name.
func (lib *Library) Tags() []Tag {
	counts := map[string]int{}
	for _, a := range lib.articles {
		for _, t := range a.Tags {
			counts[t]++
		}
	}
	out := make([]Tag, 0, len(counts))
	for name, n := range counts {
		out = append(out, Tag{Name: name, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Tagged returns the articles carrying a tag, in library order.
func (lib *Library) Tagged(tag string) []*Article {
	var out []*Article
	for _, a := range lib.articles {
		if contains(a.Tags, tag) {
			out = append(out, a)
		}
	}
	return out
}

// Neighbours returns the articles before and after a in its category, for
// "next in this topic" links; either may be nil.
func (lib *Library) Neighbours(a *Article) (prev, next *Article) {
	list := lib.InCategory(a.Category.Slug)
	for i, x := range list {
		if x == a {
			if i > 0 {
				prev = list[i-1]
			}
			if i+1 < len(list) {
				next = list[i+1]
			}
		}
	}
	return prev, next
}

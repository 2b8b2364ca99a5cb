package library

import (
	"html/template"
	"time"
)

// Category groups articles by what the reader wants to know.
type Category struct {
	Slug        string
	Title       string
	Description string
}

// Categories lists every category in the order the site shows them.
var categories = []Category{
	{"types-of-pain", "Types of back pain", "Where it hurts, how long it has lasted and what may be behind it."},
	{"self-care", "Self-care", "Staying active, exercise, self-massage and looking after yourself at home."},
	{"everyday-life", "Work, sleep and everyday life", "Work, lifting, sleep, flare-ups, and how pain and worry work together."},
	{"treatments", "Medicines and treatments", "Painkillers, scans, injections and surgery: what helps and what does not."},
	{"how-massage-helps", "How massage may help", "What massage does, and what the research really shows."},
	{"techniques", "Massage techniques", "Swedish, deep tissue, trigger point, structural and prenatal massage."},
	{"safety", "Safety", "Warning signs, when to avoid massage, and what side effects are normal."},
	{"getting-help", "Getting help", "When to see someone, finding a therapist, and other treatments."},
}

// Categories returns the categories in display order.
func Categories() []Category {
	return append([]Category(nil), categories...)
}

// CategoryBySlug finds a category; ok is false for an unknown slug.
func CategoryBySlug(slug string) (Category, bool) {
	for _, c := range categories {
		if c.Slug == slug {
			return c, true
		}
	}
	return Category{}, false
}

// Reference is a cited source, shown as a numbered list under an article.
type Reference struct {
	Title  string
	Source string
	Year   int
	URL    string
	line   int // in its file, for the cross-file year check
}

// Heading is one entry of an article's table of contents.
type Heading struct {
	Level int // 2 or 3
	ID    string
	Text  string
}

// Document is what every content page has: articles and routines alike.
type Document struct {
	Slug        string
	File        string // relative to the content root, for messages
	Title       string
	Summary     string
	Reviewed    time.Time
	NextReview  time.Time
	References  []Reference
	Body        template.HTML
	TOC         []Heading
	Words       int
	Readability float64 // Flesch–Kincaid grade level of the body
	Text        string  // the body as plain text, for the search index
}

// Article is one parsed, rendered and validated Markdown article.
type Article struct {
	Document
	Category Category
	Tags     []string
	Related  []string // slugs, validated against the library
	// AlsoKnownAs are the everyday words people use for what the article
	// covers ("pulled muscle", "lumbago", "trapped nerve"); search finds
	// the article by them.
	AlsoKnownAs []string
}

// ReadingMinutes estimates reading time at a relaxed 200 words a minute,
// since readers in pain read slowly; never less than one minute.
func (a *Document) ReadingMinutes() int {
	m := (a.Words + 199) / 200
	if m < 1 {
		return 1
	}
	return m
}

// DueForReview reports whether the article's next_review date has passed.
func (a *Document) DueForReview(now time.Time) bool {
	return !a.NextReview.IsZero() && now.After(a.NextReview.AddDate(0, 0, 1))
}

package e2e

import (
	"regexp"
	"strings"
)

// Small helpers for the JavaScript the tests send and for names.

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// safeName turns a test name into a file name.
func safeName(s string) string { return strings.Trim(unsafeChars.ReplaceAllString(s, "_"), "_") }

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`)
	return "'" + r.Replace(s) + "'"
}

// abbreviate cuts s to n characters for messages.
func abbreviate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// jsDescribe defines describe(el): a short CSS-like path and the start of
// the element's HTML, so that a failure names the element it is about.
const jsDescribe = `
function cssPath(el) {
  if (!el || el.nodeType !== 1) return String(el);
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
    let p = e.tagName.toLowerCase();
    if (e.id) { parts.unshift(p + '#' + e.id); break; }
    const cls = [...e.classList].slice(0, 2).join('.');
    if (cls) p += '.' + cls;
    const sibs = e.parentElement ? [...e.parentElement.children].filter(s => s.tagName === e.tagName) : [];
    if (sibs.length > 1) p += ':nth-of-type(' + (sibs.indexOf(e) + 1) + ')';
    parts.unshift(p);
  }
  return parts.join(' > ');
}
function describe(el) {
  if (!el || el.nodeType !== 1) return String(el);
  let html = el.outerHTML.replace(/\s+/g, ' ');
  if (html.length > 160) html = html.slice(0, 160) + '…';
  return cssPath(el) + '  ' + html;
}
`

// Package web is Backwise's HTTP layer: the chi route table, middleware,
// thin handlers that call the library (and later triage and store) and
// render templ views, and the one place errors become status pages.
package web

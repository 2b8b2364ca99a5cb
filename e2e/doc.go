// Package e2e drives the real Backwise binary in headless Chromium: the
// reading and questionnaire flows by keyboard, with and without JavaScript;
// axe-core on every page type in light and dark colour schemes; and layout
// checks (no horizontal scrolling at 320 px and at 200% zoom, a visible focus
// indicator on every interactive element, a working skip link).
//
// The package holds only tests. TestMain builds cmd/backwise with the
// environment's GOFLAGS (the Makefile sets -tags=sqlite_fts5), serves it on a
// free loopback port with a fresh database, and shares one browser between all
// tests. It needs /usr/bin/chromium and e2e/.deps/axe.min.js, which
// `bash .ci/browser-deps.sh` installs; E2E_SKIP=1 skips the package.
// E2E_SCREENSHOTS=1 also writes the README screenshots to docs/screenshots/.
//
// When a test fails, full-page screenshots of the page it was on, at
// 360×740 and 1280×800, go to e2e/.artifacts/.
package e2e

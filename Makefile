# Backwise. `make help` lists the targets.
# One build tag set everywhere: go-sqlite3 compiles SQLite once per tag set,
# and FTS5 (search) needs this tag.
export GOFLAGS := -tags=sqlite_fts5
BIN := bin/backwise

.DEFAULT_GOAL := help
.PHONY: help build run test test-unit generate lint check fmt clean fuzz

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/backwise
	go build -o $(BIN) ./cmd/backwise

run: build ## build and serve on http://localhost:8080 (database in ./data)
	./$(BIN) serve

test: ## run every test, browser tests included (installs Chromium and axe-core if missing)
	bash .ci/templ-check.sh
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))" || { gofmt -l .; echo "gofmt: files above need formatting (make fmt)"; exit 1; }
	go vet ./...
	bash .ci/vulncheck.sh
	bash .ci/browser-deps.sh
	go test -count=1 -timeout 20m ./...

# Every package but e2e: no browser, no Chromium or axe-core needed. Test
# results are cached, so a second run only re-runs what changed.
UNIT_PACKAGES = $$(go list ./... | grep -v '/e2e$$')
test-unit: ## every test except the browser ones, for the inner loop (under a minute)
	go vet ./...
	go test $(UNIT_PACKAGES)

FUZZTIME ?= 30s
fuzz: ## run every fuzz target for FUZZTIME each (default 30s); make test runs their seed corpora
	go test -run '^$$' -fuzz '^FuzzDecodeJSON$$' -fuzztime $(FUZZTIME) ./internal/triage/
	go test -run '^$$' -fuzz '^FuzzFromValues$$' -fuzztime $(FUZZTIME) ./internal/triage/
	go test -run '^$$' -fuzz '^FuzzLoadArticle$$' -fuzztime $(FUZZTIME) ./internal/library/
	go test -run '^$$' -fuzz '^FuzzSanitize$$' -fuzztime $(FUZZTIME) ./internal/search/
	go test -run '^$$' -fuzz '^FuzzSearch$$' -fuzztime $(FUZZTIME) ./internal/search/

generate: ## regenerate templ code (templates/*_templ.go)
	go tool templ generate -include-version=false -path templates

lint: ## gofmt, go vet and templ fmt checks
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	go vet ./...
	bash .ci/templ-check.sh

fmt: ## format Go and templ files
	gofmt -w cmd internal templates content static migrations
	go tool templ fmt templates

check: build ## validate all content (file:line: reason)
	./$(BIN) check -content content

.PHONY: audit
audit: ## Lighthouse scores of 6 pages (a routine and a kept result among them), exit 1 below target (not in test; 2-4 min)
	bash .ci/audit.sh

clean: ## remove build output
	rm -rf bin

.PHONY: bench
bench: ## micro-benchmarks, then the load benchmark at 1k and 1M visitors: wrk against the app and nginx, ~15 min, ~2 GB of disk (installs wrk and nginx)
	go test -run '^$$' -bench . -benchtime 1s ./internal/web/ ./internal/search/ ./internal/store/
	bash .ci/bench.sh

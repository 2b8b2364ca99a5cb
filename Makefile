# Backwise. `make help` lists the targets.
# One build tag set everywhere: go-sqlite3 compiles SQLite once per tag set,
# and FTS5 (search) needs this tag.
export GOFLAGS := -tags=sqlite_fts5
BIN := bin/backwise

.DEFAULT_GOAL := help
.PHONY: help build run test generate lint check fmt clean

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
	bash .ci/browser-deps.sh
	go test -count=1 -timeout 20m ./...

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

clean: ## remove build output
	rm -rf bin

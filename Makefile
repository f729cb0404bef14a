# SozialSite — the two commands: `make site` (build the example site into public/) and
# `make test` (everything CI runs). Details: docs/entwicklung.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# Steps share .build/ and one apt/dpkg lock: never run them side by side.
.NOTPARALLEL:
MAKEFLAGS += --no-print-directory
# The generator never depends on the locale or TZ (dates are Europe/Berlin in code); a UTF-8
# locale only keeps tools that print German text from falling back to ASCII.
export LANG := C.UTF-8

SWIFT     ?= swift
SOURCE    ?= .
OUTPUT    ?= public
# --base-url for the build; empty = baseURL from site-config.json.
BASE_URL  ?=
# Extra flags for `sozialsite build`, e.g. SITE_FLAGS=--drafts
SITE_FLAGS ?=
# The site's public address for the checks (own origin, feed links).
SITE_URL  ?= $(or $(BASE_URL),$(shell python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["baseURL"])' $(SOURCE)/site-config.json 2>/dev/null))
# axe in Chromium: auto = every page up to 450 pages (< 2 min), else 60 pages incl. every page kind.
A11Y_PAGES ?= auto

DEBIAN_DEPS := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SITECHECK   := tools/sitecheck
SOZIALSITE  := .build/release/sozialsite
TEST_LOG    := .build/swift-test.log

.PHONY: help deps test-deps build site test swift-test check-site sitecheck-selftest bench clean

help:
	@echo "make site                Beispiel-Site bauen: public/ (release-Build von sozialsite)"
	@echo "make test                alles, was CI prüft: Swift-Tests, Site bauen, Site-Prüfungen"
	@echo "make check-site          nur die Site-Prüfungen auf ein vorhandenes $(OUTPUT)/"
	@echo "make sitecheck-selftest  beweist, dass jede Prüfung Fehler findet und saubere Seiten durchlässt"
	@echo "make bench               sozialsite gegen Hugo auf 1.000 generierten Beiträgen (BENCH_POSTS=\"1000 10000\")"
	@echo "make deps | test-deps    fehlende Debian- (und Prüf-)Pakete installieren"
	@echo "make clean               .build/ und $(OUTPUT)/ löschen"

deps:
	@tools/install-debian-packages.sh $(DEBIAN_DEPS)

# Chromium + chromedriver, Java for vnu, xmllint (Debian) and the pinned PyPI tools in the venv
# ${SITECHECK_VENV:-/tmp/sozialsite-sitecheck-venv}: everything the site checks need, in one go.
test-deps:
	@$(SITECHECK)/sitecheck-env.sh --for all >/dev/null

build: deps
	$(SWIFT) build -c release --product sozialsite

site: build
	$(SOZIALSITE) build --source $(SOURCE) --output $(OUTPUT) $(if $(BASE_URL),--base-url $(BASE_URL)) $(SITE_FLAGS)
	@test -f $(OUTPUT)/index.html || { \
	  echo "make site: sozialsite hat keine $(OUTPUT)/index.html geschrieben — ist 'sozialsite build' schon umgesetzt?" >&2; exit 1; }

# The Swift tests; the log keeps Swift Testing's summary line for the end of `make test`.
swift-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test 2>&1 | tee $(TEST_LOG)

check-site:
	@test -d $(OUTPUT) || { echo "make check-site: $(OUTPUT)/ fehlt — erst 'make site'." >&2; exit 1; }
	$(SITECHECK)/check-all.sh $(if $(SITE_URL),--site-url $(SITE_URL)) --max-pages $(A11Y_PAGES) $(OUTPUT)

sitecheck-selftest: test-deps
	$(SITECHECK)/selftest/run.sh

# Order: unit tests first (fastest feedback), then the proof that the checkers work, then the
# example site and its checks. The last line repeats Swift Testing's summary so that the
# closing line of a green run is the test count.
test: deps test-deps
	@$(MAKE) swift-test
	@$(MAKE) sitecheck-selftest
	@$(MAKE) site
	@$(MAKE) check-site
	@echo "make test: Swift-Tests, Prüfer-Selbsttest, Beispiel-Site und Site-Prüfungen bestanden."
	@grep -E '^.{0,4}Test run with [0-9]+ tests?' $(TEST_LOG) | tail -n 1 || \
	  grep -E 'Executed [0-9]+ tests?' $(TEST_LOG) | tail -n 1 || true

bench: deps
	tools/bench/bench.sh

clean:
	rm -rf .build $(OUTPUT) $(dir $(OUTPUT)).$(notdir $(OUTPUT)).neu

# Each target installs what it needs on a fresh Debian machine (Python 3.11+,
# Node 20) and is quick when everything is already there.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000
LIGHTHOUSE_VERSION := 12.2.3
# The version is in the path: a new pin installs afresh.
LIGHTHOUSE := bench/.tools/$(LIGHTHOUSE_VERSION)/node_modules/.bin/lighthouse
# Material's notice about MkDocs 2 says nothing about this site's build.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check bench lock clean

serve: $(VENV)/.installed node_modules/.installed
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

build: $(VENV)/.installed node_modules/.installed
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed node_modules/.installed chromium
	$(BIN)/ruff check calculator backoffice hooks tests bench
	$(BIN)/ruff format --check calculator backoffice hooks tests bench
	$(BIN)/mypy
	$(BIN)/pytest

# What a visitor waits for, on a desktop and on a slowed phone, against a bare
# boot of the stock Pyodide in the same run, and Lighthouse's mobile scores:
# builds the site itself (timed, and again with 200 more plans), serves it
# with netlify.toml's headers, compressed where Netlify compresses, writes
# bench/results.json and the table in bench/README.md. Nine to ten minutes;
# figures are never asserted.
bench: $(VENV)/.installed node_modules/.installed chromium $(LIGHTHOUSE)
	$(BIN)/python bench/run.py --lighthouse $(LIGHTHOUSE)

# Lighthouse, pinned (13.x needs Node 22), for the benchmark only: into a
# git-ignored folder, not package.json. Without it the benchmark still runs
# and its report says why there are no scores.
$(LIGHTHOUSE):
	npm install --no-save --no-audit --no-fund --prefix bench/.tools/$(LIGHTHOUSE_VERSION) lighthouse@$(LIGHTHOUSE_VERSION) \
	  || echo "Lighthouse $(LIGHTHOUSE_VERSION) could not be installed: the benchmark runs without it"

check: $(VENV)/.installed
	$(BIN)/ruff check calculator backoffice hooks tests bench
	$(BIN)/ruff format --check calculator backoffice hooks tests bench
	$(BIN)/mypy

# The virtual env follows the lock file; the project itself is installed
# editable so that the build hooks import the engine from the working tree.
$(VENV)/.installed: requirements-dev.lock pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium: Playwright cannot download its own browser here.
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# Regenerate both lock files from the ranges in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e ".[site]"
	{ echo "# Pinned set for building the site (Netlify). Regenerate with: make lock"; .lock-venv/bin/pip freeze --exclude-editable; } > requirements-site.lock
	.lock-venv/bin/pip install --quiet -e ".[site,test]"
	{ echo "# Pinned set for development and tests (make serve, make test). Regenerate with: make lock"; .lock-venv/bin/pip freeze --exclude-editable; } > requirements-dev.lock
	rm -rf .lock-venv

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache

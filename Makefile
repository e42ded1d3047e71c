# Each target installs what it needs on a fresh Debian machine (Python 3.11+,
# Node 20) and is quick when everything is already there.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000
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

# What a visitor waits for, against a bare Pyodide boot in the same run:
# builds the site itself (timed, and again with 200 more plans), serves it
# compressed with netlify.toml's headers, writes bench/results.json and the
# table in bench/README.md. About five minutes; figures are never asserted.
bench: $(VENV)/.installed node_modules/.installed chromium
	$(BIN)/python bench/run.py

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

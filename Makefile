# Civic Scorecard: everyday commands. `make help` lists them.
# Needs python3 (3.11 or newer, with venv: Debian's python3-venv), node 20 with npm, and make.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
DJANGO_TEST := --settings=scorecard.settings.test
# One pytest worker per core (pytest-xdist), a module's tests on one worker so module-scoped
# fixtures load once; PYTEST_WORKERS= runs them in one process.
PYTEST_WORKERS ?= --numprocesses=auto --dist=loadscope

# Stamps: setup redoes a step only when what it installs from has changed.
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

# The edit-test loop: the pure core, charts, docs and report renderers, no database and no
# browser (under a minute).
FAST_TESTS := tests/core tests/charts tests/test_docs.py tests/test_audit_dependencies.py \
	tests/reports/test_render_docx.py tests/reports/test_render_html.py tests/reports/test_render_xlsx.py

.PHONY: help setup demo test test-suite test-fast test-postgres lint fix bench

help: ## list the targets
	@echo "Civic Scorecard: make TARGET"
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  %-14s %s\n", $$1, $$2 }' \
		$(MAKEFILE_LIST)

setup: $(PY_STAMP) $(NODE_STAMP) ## install Python (.venv) and front-end (node_modules) dependencies
	@:

$(VENV)/bin/pip:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "make: need $(PYTHON) 3.11 or newer on PATH" >&2; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
		echo "make: $(PYTHON) cannot create a virtualenv: install python3-venv (apt-get install python3-venv)" >&2; \
		exit 1; }
	@echo "Creating $(VENV) with $$($(PYTHON) --version)"
	@$(PYTHON) -m venv $(VENV)

$(PY_STAMP): pyproject.toml constraints.txt | $(VENV)/bin/pip
	@echo "Installing Python dependencies into $(VENV) (versions pinned in constraints.txt)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[test]'
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: need npm (node 20) on PATH" >&2; exit 1; }
	@echo "Installing front-end assets into node_modules"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

demo: setup ## load the demo council into scorecard-demo.sqlite3 and serve it (DEMO_ARGS=--no-serve to load only)
	$(VENV)/bin/scorecard demo $(DEMO_ARGS)

test: lint test-suite ## lint, Django checks, then the test suite (PYTEST_ARGS=... to pass options to pytest)
	@:

# The Django checks read the settings, and so the database, the suite runs on: they run on each
# database. Lint reads only the source: `make test` runs it once, before the suite.
test-suite: setup ## the Django checks and the test suite, without lint (what test-postgres runs)
	$(PY) -m django check $(DJANGO_TEST)
	$(PY) -m django makemigrations --check --dry-run $(DJANGO_TEST)
	$(PY) -m pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-fast: setup ## the core, chart, docs and renderer tests only: no database, no browser
	$(PY) -m pytest $(PYTEST_WORKERS) $(PYTEST_ARGS) $(FAST_TESTS)

# The tests marked database_independent (browser, core, charts, docs, report files: see
# tests/conftest.py) and lint ran in `make test` on SQLite; on PostgreSQL they would only repeat it.
test-postgres: setup ## the database's tests and Django checks on a throwaway PostgreSQL (.ci/postgres.sh)
	@url=$$(bash .ci/postgres.sh start) || exit 1; \
	trap 'bash .ci/postgres.sh stop' EXIT; \
	echo "DATABASE_URL=$$url"; \
	DATABASE_URL="$$url" SCORECARD_TESTS_DATABASE_ONLY=1 $(MAKE) --no-print-directory test-suite

lint: setup ## ruff check, ruff format --check, mypy (the whole package), bandit and the import layers
	$(RUFF) check .
	$(RUFF) format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/bandit -q -c pyproject.toml -r scorecard
	$(VENV)/bin/lint-imports

fix: setup ## ruff check --fix and ruff format
	$(RUFF) check --fix .
	$(RUFF) format .

bench: setup ## run every bench/*.py
	@shopt -s nullglob; files=(bench/*.py); \
	if [ $${#files[@]} -eq 0 ]; then echo "No benchmarks in bench/"; exit 0; fi; \
	for f in "$${files[@]}"; do echo "== $$f"; $(PY) "$$f" || exit 1; done

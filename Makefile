# One command runs the site, one runs the tests; both build .venv when it is missing.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: help run test test-sqlite test-postgres check lint format bench clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(STAMP): pyproject.toml
	test -d $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e ".[test]"
	$(PY) -m moderation prepare >/dev/null
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)  ## run the site at http://127.0.0.1:8000 on SQLite, with its workers
	$(PY) -m postbox serve --host 127.0.0.1 --port 8000

check: $(STAMP)  ## lint, format check, types, imports only point down, no model change without a migration
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(PY) -m postbox check-migrations

test: check test-sqlite  ## everything CI runs: checks, the suite on SQLite, and on PostgreSQL when PG_TEST_URL is set
	@if [ -n "$$PG_TEST_URL" ]; then $(MAKE) --no-print-directory test-postgres; else echo "PG_TEST_URL not set: skipping the PostgreSQL pass"; fi

test-sqlite: $(STAMP)  ## the suite on real SQLite files (prints the coverage), then the browser tests (own run: Playwright's loop)
	$(PY) -m pytest -n 2 --dist loadfile -m "not browser" --cov --cov-report=term --cov-fail-under=87 $(PYTEST_ARGS)
	$(PY) -m pytest -m browser --browser $(PYTEST_ARGS) tests/browser

test-postgres: $(STAMP)  ## the suite on a real PostgreSQL server (PG_TEST_URL)
	TEST_DATABASE_URL="$$PG_TEST_URL" $(PY) -m pytest -n 2 --dist loadfile -m "not browser" $(PYTEST_ARGS)

format: $(STAMP)  ## format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)  ## benchmarks that print numbers
	$(PY) benchmarks/bench_send.py
	$(PY) benchmarks/bench_escalation.py
	$(PY) benchmarks/bench_sign_in_burst.py
	$(PY) benchmarks/bench_easy_read.py
	$(PY) benchmarks/bench_fast_screen.py --clock cpu

clean:  ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache

# Front-desk cashier workstation: build, test and run.
#
#   make test          everything CI does, from a fresh Debian 12 machine (as root, or with sudo)
#   make test-busy     the test suite with CPU hogs beside it: no test may assume a quiet machine
#   make run ARGS=...  the workstation in a real window (X11)
#   make lint | bench | screenshots | clean | distclean
#
# Every target sets up what it needs itself (system packages, venv, translations), so any of them
# works as the first command on a new machine.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test
# The steps of `test` and `run` must happen in order (deps before venv before tools), even under -j.
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST := $(PY) -m pytest
RUFF := $(VENV)/bin/ruff
MYPY := $(VENV)/bin/mypy
DESK := $(VENV)/bin/desk
# pip is re-run only when the declared dependencies change.
VENV_STAMP := $(VENV)/.installed-from-pyproject

ARGS ?=
PYTEST_ARGS ?=
LINT_PATHS := desk ui hardware tools tests bench

.PHONY: test test-busy run lint typecheck bench screenshots translations venv \
        system-deps-test system-deps-run clean distclean

# -- set-up ---------------------------------------------------------------------------------------

system-deps-test:
	bash packaging/system_deps.sh test

system-deps-run:
	bash packaging/system_deps.sh run

venv: $(VENV_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[test]'
	touch $@

# The .qm files are build output (git-ignored); the script belongs to the i18n work and may not
# exist yet on a branch, which must not block the other targets.
translations: venv
	if [[ -f packaging/build_translations.py ]]; then $(PY) packaging/build_translations.py; fi

# -- checks ---------------------------------------------------------------------------------------

lint: venv
	$(RUFF) check $(LINT_PATHS)
	$(MYPY)

typecheck: venv
	$(MYPY)

# pytest's own exit status decides: 5 ("no tests collected") fails the build like any failure, with
# workers too. PYTEST_WORKERS pytest processes (pytest-xdist) share the tests, one a core; each has
# its own PostgreSQL server, hotel templates and temporary folder (PYTEST_WORKERS=0: one process).
#
# Tests keep Python's bytecode caches even where the environment says not to (PYTHONDONTWRITEBYTECODE, which
# the shared build machine sets): without them every worker compiles the program and rewrites every test
# module again (collection took 16 s of CPU instead of 8), and so does every desk process a test starts.
PYTEST_WORKERS ?= 2
PYTEST_ENV := PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen
test: system-deps-test venv translations lint
	$(PYTEST_ENV) $(PYTEST) -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The same pytest run with BUSY_LOOPS busy loops beside it (load about 4 on 2 cores), as a loaded
# machine would be: a test that sleeps or waits a fixed short time instead of for its condition
# fails here. The loops are this recipe's own children, killed by their ids however pytest ends;
# the target exits with pytest's status.
BUSY_LOOPS ?= 3
test-busy: system-deps-test venv translations
	hogs=(); \
	stop_hogs() { if (( $${#hogs[@]} )); then kill "$${hogs[@]}" 2>/dev/null || true; wait "$${hogs[@]}" 2>/dev/null || true; fi; }; \
	trap stop_hogs EXIT; trap 'exit 130' INT; trap 'exit 143' TERM; \
	for _ in $$(seq $(BUSY_LOOPS)); do $(PYTHON) -c 'while True: pass' & hogs+=($$!); done; \
	echo "busy loops: $${hogs[*]}"; \
	status=0; \
	$(PYTEST_ENV) $(PYTEST) -n $(PYTEST_WORKERS) $(PYTEST_ARGS) || status=$$?; \
	exit $$status

# Benchmarks are not part of `test`: timings on a shared 2-core machine are for comparison only.
bench: system-deps-test venv translations
	if compgen -G 'bench/test_*.py' >/dev/null || compgen -G 'bench/*_test.py' >/dev/null; then \
	    QT_QPA_PLATFORM=offscreen $(PYTEST) bench --benchmark-only $(PYTEST_ARGS); \
	fi
	for script in bench/*.py; do \
	    case "$$(basename "$$script")" in test_*|*_test.py|conftest.py|__init__.py) continue ;; esac; \
	    [[ -f "$$script" ]] || continue; \
	    echo "== $$script"; \
	    QT_QPA_PLATFORM=offscreen $(PY) "$$script"; \
	done

# -- the program ----------------------------------------------------------------------------------

# `desk run` upgrades the database, seeds the demo hotel on first start and opens the window.
run: system-deps-run venv translations
	$(DESK) run --demo $(ARGS)

screenshots: system-deps-test venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots $(ARGS)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots_devices
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots_cards
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots_shift
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots_receipts_check

# -- housekeeping ---------------------------------------------------------------------------------

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis .benchmarks
	rm -f ui/i18n/*.qm
	find . \( -path ./$(VENV) -o -path ./.git \) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)

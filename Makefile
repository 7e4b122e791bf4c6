# Two commands for a newcomer: `make run` (set up everything and serve the demo) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export UV_PYTHON_DOWNLOADS := never

# The first interpreter that is Python 3.12 or newer (`python3` here may be 3.11; pyenv's
# python3.12 shim works because .python-version is committed).
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
		echo $$p; break; fi; done)

.PHONY: help run serve serve-dev setup setup-steps install install-dev migrate messages static demo test \
	lint format check-deploy browser axe lock clean messages-update bench

# One setup at a time in this folder: `make run` and `make serve` started together would create
# one virtualenv, install into it and migrate one database at the same time (and crash). Each
# step that writes them runs under one lock (flock, util-linux; without flock, no lock): the
# second make waits, then finds everything done. `$(call locked,command)` runs a command under
# it; inside the locked setup, the steps' own calls do not lock again.
SETUP_LOCK := $(CURDIR)/.setup.lock
FLOCK := $(shell command -v flock 2>/dev/null)
locked = $(if $(SETUP_LOCK_HELD)$(if $(FLOCK),,none),$(1),flock -n $(SETUP_LOCK) true || echo \
	"Another make is setting up this folder: waiting for it to finish."; \
	SETUP_LOCK_HELD=1 flock $(SETUP_LOCK) $(1))

help:
	@echo "make run    set up everything (virtualenv, packages, database, translations, demo) and serve on http://127.0.0.1:$(PORT), with the background worker"
	@echo "make test   run the whole test suite (SQLite; set DATABASE_URL for PostgreSQL)"
	@echo "make serve  the production-like server (gunicorn, DEBUG off, page cache) on http://127.0.0.1:$(PORT)"
	@echo "make lint   ruff lint and format check, import contracts (.importlinter)"
	@echo "make messages-update   refresh the .po files after changing interface strings"
	@echo "make bench  benchmark pages against a bare Django view (BENCH_ARGS=--posts 1000)"
	@echo "make lock   re-pin requirements*.lock from pyproject.toml"
	@echo "make clean  remove the virtualenv, database, media and collected static files"

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "Python 3.12 or newer is needed and none was found (tried python3.13, python3.12, python3)."; \
		echo "Install one (e.g. 'pyenv install 3.12' or your system's python3.12 package) and run make again."; \
		exit 1; fi
	@$(call locked,bash -c 'test -x $(PY) || { echo "Creating $(VENV) with $$($(PYTHON) --version)"; \
		$(PYTHON) -m venv $(VENV); }')

$(VENV)/.installed: requirements.lock | $(PY)
	$(call locked,$(PY) -m pip install --quiet --require-hashes -r requirements.lock)
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(PY)
	$(call locked,$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock)
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

messages: install
	$(MANAGE) compile_translations

static: install
	$(MANAGE) collectstatic --noinput --verbosity 0

# load_demo is tools.demo's command: the development settings (manage.py's default) install it.
demo: migrate messages
	BASE_URL="$${BASE_URL:-http://127.0.0.1:$(PORT)}" $(MANAGE) load_demo

setup:
	@$(call locked,$(MAKE) --no-print-directory setup-steps)

setup-steps: demo static

# The background worker (`manage.py run_worker`: search index updates, scheduled publishing...)
# starts beside the server and stops with it: the server replaces the recipe's shell (`exec`,
# same process id, `$$$$` in the recipe), and the worker ends when that process does
# (--parent-pid), whether by Ctrl+C, `kill` of make or a crash, even one while the worker was
# still starting. Several servers on one database may each run one.
WORKER := $(MANAGE) run_worker --parent-pid $$$$

run: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/), with the background worker. Ctrl+C stops both."
	export BASE_URL="$${BASE_URL:-http://127.0.0.1:$(PORT)}"; \
	$(WORKER) & \
	exec $(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-like: gunicorn (site_core/gunicorn.conf.py), DEBUG off, whitenoise with compressed,
# hashed static files, the page cache (a folder, or Redis with REDIS_URL). SQLite unless
# DATABASE_URL is set. Secure cookies need HTTPS, so the admin is for `make run`: both at once
# (`make run` and `PORT=8001 make serve`) share the database and the cache folder (README.md).
serve: setup
	@echo "Production-like server on http://127.0.0.1:$(PORT)/ (gunicorn, DEBUG off, page cache), with the background worker. Ctrl+C stops both."
	export DJANGO_SETTINGS_MODULE=site_core.settings.production SECURE_SSL_REDIRECT=false SERVE_MEDIA=true \
		PROXY_COUNT="$${PROXY_COUNT:-0}" \
		SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" BASE_URL="$${BASE_URL:-http://127.0.0.1:$(PORT)}"; \
	$(call locked,$(MANAGE) collectstatic --noinput -v0) || exit 1; \
	$(WORKER) & \
	exec $(PY) -m gunicorn -c site_core/gunicorn.conf.py --bind 127.0.0.1:$(PORT)

# Installs Debian's Chromium (never a downloaded browser) for the browser tests, when missing.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's chromium and CJK fonts for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else \
			echo "The browser tests need Chromium: sudo apt-get install chromium fonts-noto-cjk"; \
		fi; fi

# axe-core for the accessibility tests, at the version locked in tools/axe (npm registry).
AXE := tools/axe/node_modules/axe-core/axe.min.js
$(AXE): tools/axe/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools/axe --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "The accessibility tests need Node.js and npm for axe-core: sudo apt-get install nodejs npm"; \
	fi

axe: $(AXE)

# Refresh every locale/<lang>/LC_MESSAGES/django.po from the code and templates (needs gettext).
messages-update: install
	$(MANAGE) makemessages $(addprefix -l ,$(notdir $(wildcard locale/*))) --no-location --no-obsolete -i staticfiles -i media

# Throughput and latency of real pages next to a bare Django view (gunicorn + wrk): tools/bench,
# `manage.py bench` under the development settings, serving under site_core.settings.bench.
bench: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || { echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; }
	$(MANAGE) bench $(BENCH_ARGS)

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# The suite runs in PYTEST_WORKERS processes (pytest-xdist; auto: one per core), each with its
# own copy of the test databases (tests/databases.py), and names its 15 slowest tests.
PYTEST_WORKERS ?= auto

test: install-dev browser axe
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DJANGO_SETTINGS_MODULE=site_core.settings.test $(MANAGE) makemigrations --check --dry-run
	$(call locked,env DJANGO_SETTINGS_MODULE=site_core.settings.test $(MANAGE) compile_translations)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --durations=15 $(PYTEST_ARGS)

# The documented deployment (README.md: behind nginx, PROXY_COUNT=1) unless PROXY_COUNT is set.
check-deploy: install
	SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') PROXY_COUNT="$${PROXY_COUNT:-1}" \
		DJANGO_SETTINGS_MODULE=site_core.settings.production $(MANAGE) check --deploy --fail-level WARNING

lock: install-dev
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --extra dev -o requirements-dev.lock pyproject.toml

clean:
	$(call locked,rm -rf $(VENV) db.sqlite3 media staticfiles tools/*/node_modules)

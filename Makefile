# Newsdesk developer commands. `make demo` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install demo serve test test-postgres lint format check lock bench clean stack stack-stop

## install: create .venv, install the locked dependencies, compile translations
install: $(VENV)/.installed locale/ru/LC_MESSAGES/django.mo

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

locale/ru/LC_MESSAGES/django.mo: locale/ru/LC_MESSAGES/django.po $(VENV)/.installed
	$(PY) manage.py compile_catalogues

## demo: set everything up and serve the demo site (SQLite) on http://127.0.0.1:$(PORT)
demo: install
	PORT=$(PORT) $(PY) manage.py prepare_demo --base-url http://127.0.0.1:$(PORT)
	@echo "Starting the task worker, the scheduler and the web server on http://127.0.0.1:$(PORT)/ (Ctrl-C stops them)"
	@mkdir -p var
	@$(PY) manage.py run_worker --queue-name '*' --interval 2 --no-reload > var/worker.log 2>&1 & worker=$$!; \
	  $(PY) manage.py run_scheduler > var/scheduler.log 2>&1 & scheduler=$$!; \
	  trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver --noreload --skip-checks 127.0.0.1:$(PORT)

VNU_JAR := var/node/node_modules/vnu-jar/build/dist/vnu.jar
# Lighthouse 12 (13 needs Node 22; Debian's is 20), for newsroom/tests/test_lighthouse.py.
LIGHTHOUSE_VERSION := 12.2.3
LIGHTHOUSE := var/node/node_modules/lighthouse/.installed-$(LIGHTHOUSE_VERSION)

## test: the whole test suite, browser tests included (SQLite unless DATABASE_URL is set)
test: install $(VNU_JAR) $(LIGHTHOUSE)
	$(PY) -m pytest --ds=newsdesk.settings.test -n 2 --dist loadfile

# The Nu HTML Checker for the HTML validation tests (needs npm and java; skipped without them).
$(VNU_JAR):
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix var/node vnu-jar@26.9.27 >/dev/null; \
	else echo "npm not found: HTML validation tests will be skipped"; fi

# Lighthouse audits of the reader pages (needs npm and /usr/bin/chromium; skipped without
# them, failed under CI). Installed exactly at the pinned version beside vnu-jar.
$(LIGHTHOUSE):
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund -E --prefix var/node lighthouse@$(LIGHTHOUSE_VERSION) >/dev/null \
	  && touch $@; \
	else echo "npm not found: Lighthouse tests will be skipped"; fi

## lint: ruff, import contracts (layers), mypy on service modules, Django checks, migrations
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo --no-cache
	DJANGO_SETTINGS_MODULE=newsdesk.settings.test $(VENV)/bin/mypy
	DJANGO_SETTINGS_MODULE=newsdesk.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=newsdesk.settings.test $(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## lock: re-resolve pinned dependencies into requirements.lock (needs network)
lock:
	rm -rf /tmp/newsdesk-lock && $(PYTHON) -m venv /tmp/newsdesk-lock
	/tmp/newsdesk-lock/bin/pip install --quiet ".[dev]"
	/tmp/newsdesk-lock/bin/pip freeze --exclude-editable | grep -v '^newsdesk' > requirements.lock

bench: install
	$(PY) benchmarks/pages.py
	$(PY) benchmarks/ingest.py --no-trafilatura-eval

clean:
	rm -rf var db.sqlite3 db.sqlite3-wal db.sqlite3-shm

STACK_PORT ?= 8080

## stack: the production stack on this machine (PostgreSQL, Redis, 2 gunicorn behind Varnish,
## task worker, scheduler) under supervisord; prints the public URL last. STACK_PORT to choose.
stack: install
	@STACK_PORT=$(STACK_PORT) $(PY) deploy/stack.py start

## stack-stop: stop every process `make stack` started
stack-stop:
	@$(PY) deploy/stack.py stop

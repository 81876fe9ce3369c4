# Registre national de l'IA en santé: everyday commands. `make help` lists them.
#   make run    the portal on SQLite with demo data, nothing else needed
#   make test   PostgreSQL + Redis + Chromium, then the whole suite

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.requirements-installed
# --create-db: transactional tests flush the rows of data migrations, so a reused
# test database would start the next run without them.
PYTEST_ARGS ?= -ra --create-db
HOST_PORT ?= 127.0.0.1:8000

# `make run` uses the embedded defaults even in a shell that sourced scripts/env.sh.
EMBEDDED_ENV := env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL \
	-u CELERY_RESULT_BACKEND -u CELERY_TASK_ALWAYS_EAGER \
	DJANGO_SETTINGS_MODULE=portal.settings.dev
FULL_ENV := env -u CELERY_BROKER_URL -u CELERY_RESULT_BACKEND -u CELERY_TASK_ALWAYS_EAGER \
	DJANGO_SETTINGS_MODULE=portal.settings.dev \
	DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal \
	REDIS_URL=redis://127.0.0.1:6379/0 \
	ELASTICSEARCH_URL=http://127.0.0.1:9200

.PHONY: help venv services run run-full test lint check-deploy clean

help:
	@echo "make run           portal at http://$(HOST_PORT) on SQLite with demo data"
	@echo "make run-full      the same on PostgreSQL + Redis, with a Celery worker"
	@echo "make test          start the services, compile translations, check-deploy, pytest"
	@echo "make lint          ruff (ruff.toml) and the layer contracts (.importlinter)"
	@echo "make check-deploy  production settings pass 'check --deploy' with no warning"
	@echo "make venv          create $(VENV) and install requirements-dev.txt"
	@echo "make clean         remove caches and test artifacts (keeps $(VENV), db.sqlite3)"

venv: $(VENV_STAMP)

# Installs what is missing (apt) and starts PostgreSQL and Redis; see scripts/services.
services:
	scripts/services up

# Re-installs only when a requirements file is newer than the stamp.
$(VENV_STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: venv
	$(EMBEDDED_ENV) $(PY) manage.py migrate --noinput
	$(EMBEDDED_ENV) $(PY) manage.py seed_demo
	$(EMBEDDED_ENV) $(PY) manage.py runserver $(HOST_PORT)

run-full: services venv
	$(FULL_ENV) $(PY) manage.py migrate --noinput
	$(FULL_ENV) $(PY) manage.py seed_demo
	$(FULL_ENV) $(PY) manage.py search_index rebuild
	mkdir -p .services
	# --beat: the periodic outbox drain runs in the same process here.
	$(FULL_ENV) $(VENV)/bin/celery -A portal worker --beat -Q portal --loglevel=INFO \
		--schedule .services/celerybeat-schedule --logfile .services/celery.log &
	worker_pid=$$!
	trap 'kill $$worker_pid 2>/dev/null || true' EXIT
	echo "Celery worker started (pid $$worker_pid, log .services/celery.log)"
	$(FULL_ENV) $(PY) manage.py runserver $(HOST_PORT)

# check-deploy runs before pytest, but pytest still runs if it fails: one run
# reports both, and the target fails if either did.
test: services venv
	. scripts/env.sh
	# axe-core for tests/browser/test_accessibility.py (npm ci, only when the lock changed).
	scripts/browser-deps
	if [[ -d portal/locale ]]; then
		$(PY) manage.py compilemessages --ignore=$(VENV) -v 0
	fi
	deploy_rc=0
	scripts/check-deploy $(PY) || deploy_rc=$$?
	lint_rc=0
	{ $(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . \
		&& $(VENV)/bin/lint-imports ; } || lint_rc=$$?
	pytest_started=$$SECONDS
	pytest_rc=0
	$(PY) -m pytest $(PYTEST_ARGS) || pytest_rc=$$?
	echo "pytest took $$((SECONDS - pytest_started)) s"
	if ((pytest_rc == 5)); then echo "FAILED: pytest collected no tests" >&2; fi
	if ((deploy_rc != 0)); then echo "FAILED: make check-deploy" >&2; fi
	if ((lint_rc != 0)); then echo "FAILED: make lint" >&2; fi
	if ((pytest_rc != 0)); then exit "$$pytest_rc"; fi
	if ((deploy_rc != 0)); then exit "$$deploy_rc"; fi
	exit "$$lint_rc"

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# Production settings with throwaway values: proves they pass with no warning.
check-deploy: venv
	scripts/check-deploy $(PY)

clean:
	rm -rf test-artifacts .pytest_cache .ruff_cache staticfiles .services/*.log
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -print0 \
		| xargs -0 rm -rf

# Median latency of /api/v1/projects/ (50 per page, with expansions): wrk against
# gunicorn over the demo data in its own database (scripts/bench-api).
.PHONY: bench-api
bench-api: services venv
	scripts/bench-api

# The load test (issue 15): 50 locust visitors for 5 minutes against gunicorn +
# PostgreSQL + Redis + Elasticsearch (scripts/load-test); results in
# bench/results/load.md. `make load LOAD_USERS=10 LOAD_DURATION=20s` for a short run.
.PHONY: load
LOAD_USERS ?= 50
LOAD_DURATION ?= 5m
load: services venv
	scripts/load-test $(LOAD_USERS) $(LOAD_DURATION)

# The search benchmark (issue 3): N synthetic projects in a database and indexes of
# its own (portal_search_bench, prefix "search-bench"; scripts/bench-api has
# portal_bench), then indexing docs/s and search latency.
# `BENCH_PROJECTS=100000 make bench` for the large run; results in bench/results/.
.PHONY: bench
BENCH_PROJECTS ?= 10000
# Another database or index prefix: `make bench BENCH_DB=… BENCH_INDEX_PREFIX=…`.
BENCH_DB ?= portal_search_bench
BENCH_INDEX_PREFIX ?= search-bench
BENCH_ENV := env -u REDIS_URL -u CELERY_BROKER_URL -u CELERY_RESULT_BACKEND \
	DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false CELERY_TASK_ALWAYS_EAGER=true \
	DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/$(BENCH_DB) \
	ELASTICSEARCH_URL=http://127.0.0.1:9200 SEARCH_INDEX_PREFIX=$(BENCH_INDEX_PREFIX) \
	API_THROTTLE_ANON=100000000/minute API_THROTTLE_USER=100000000/minute

# The database engines (issue 13, bench/engines.py): PostgreSQL on the same database
# and its stored vector; SQLite (the embedded default) on a file of its own at 10,000.
SQLITE_BENCH_ENV := env -u REDIS_URL -u CELERY_BROKER_URL -u CELERY_RESULT_BACKEND \
	-u ELASTICSEARCH_URL DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false \
	CELERY_TASK_ALWAYS_EAGER=true DATABASE_URL=sqlite:///.services/search-bench-10000.sqlite3

bench: services venv
	bench_started=$$SECONDS
	$(BENCH_ENV) $(PY) manage.py search_bench --projects $(BENCH_PROJECTS)
	$(BENCH_ENV) $(PY) manage.py engines_bench --projects $(BENCH_PROJECTS)
	mkdir -p .services
	$(SQLITE_BENCH_ENV) $(PY) manage.py engines_bench --projects 10000
	echo "make bench took $$((SECONDS - bench_started)) s"

# Team matching (issue 4): hide a partner team of each published project with 2+
# partner teams and find it again, against a BM25 baseline; plus latency. Demo data
# in a database and index prefix of its own (created and seeded on first use).
.PHONY: bench-matching
MATCHING_BENCH_DB := portal_matching_bench
MATCHING_BENCH_ENV := env -u REDIS_URL -u CELERY_BROKER_URL -u CELERY_RESULT_BACKEND \
	DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false CELERY_TASK_ALWAYS_EAGER=true \
	DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/$(MATCHING_BENCH_DB) \
	ELASTICSEARCH_URL=http://127.0.0.1:9200 SEARCH_INDEX_PREFIX=matching-bench

bench-matching: services venv
	if ! PGPASSWORD=portal psql -h 127.0.0.1 -U portal -lqt | cut -d'|' -f1 \
		| grep -qw $(MATCHING_BENCH_DB); then
		PGPASSWORD=portal createdb -h 127.0.0.1 -U portal $(MATCHING_BENCH_DB)
		$(MATCHING_BENCH_ENV) $(PY) manage.py migrate --noinput -v 0
		$(MATCHING_BENCH_ENV) $(PY) manage.py seed_demo >/dev/null
	fi
	$(MATCHING_BENCH_ENV) $(PY) manage.py migrate --noinput -v 0
	$(MATCHING_BENCH_ENV) $(PY) manage.py matching_bench

# Matching latency at the `make bench` scale: a copy of its synthetic database (run
# `make bench` first), so the search benchmark's own data stay untouched.
.PHONY: bench-matching-scale
MATCHING_SCALE_DB := portal_matching_bench_$(BENCH_PROJECTS)
bench-matching-scale: services venv
	if ! PGPASSWORD=portal psql -h 127.0.0.1 -U portal -lqt | cut -d'|' -f1 \
		| grep -qw $(MATCHING_SCALE_DB); then
		PGPASSWORD=portal createdb -h 127.0.0.1 -U portal -T portal_search_bench \
			$(MATCHING_SCALE_DB)
	fi
	$(MATCHING_BENCH_ENV) DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/$(MATCHING_SCALE_DB) \
		SEARCH_INDEX_PREFIX=matching-bench-scale \
		bash -c '$(PY) manage.py migrate --noinput -v 0 && $(PY) manage.py matching_bench --latency-only'

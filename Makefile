# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
DEV    := DEBUG=1
# The demo app (demo/): load_demo, the benchmark's and the load test's seeds. Settings
# install it only when asked, or with DEBUG on; production never sets it.
DEMO   := $(DEV) DEMO_APP=1

.PHONY: demo test lint messages messages-update system-check clean bench loadtest

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	@touch $@

system-check:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	{ ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' ; } || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	{ fc-list 2>/dev/null | grep -qi 'DejaVu Sans' ; } || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Missing system packages:$$missing"; \
	  echo "Install them with: sudo apt-get install$$missing"; \
	  echo "(gettext compiles the Kazakh and Russian translations; Pango and DejaVu let WeasyPrint write PDFs with ₸ and Kazakh letters.)"; \
	  exit 1; \
	fi

messages: $(VENV)/.installed system-check
	@$(DEV) $(PY) manage.py compilemessages --ignore='.venv/*' --verbosity 0

# After adding strings: refresh the catalogues, then translate what is new.
# File-only locations keep the diff (and merges) small when code moves.
messages-update: $(VENV)/.installed
	$(DEV) $(PY) manage.py makemessages -l kk -l ru --no-obsolete --add-location=file \
		--ignore='.venv/*' --ignore='tests/*' --ignore='static/*'

# Links in e-mails (activation, password reset, receipts) point at the address served here,
# unless SITE_URL is given.
SITE_URL ?= http://127.0.0.1:$(PORT)

demo: messages
	$(DEMO) SITE_URL=$(SITE_URL) $(PY) manage.py migrate --noinput
	$(DEMO) SITE_URL=$(SITE_URL) $(PY) manage.py load_demo
	@echo "Serving the portal on http://127.0.0.1:$(PORT) (Ctrl+C stops it)"
	$(DEMO) SITE_URL=$(SITE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The suite runs in parallel workers, one per core (at most 8: each has its own test
# database and Redis database); tests that share one server (the browser sweep) are
# kept on one worker by their xdist_group. PYTEST_ARGS="-n 0" runs it in one process.
PYTEST_ARGS ?= -n auto --maxprocesses 8 --dist loadgroup

# Bytecode is written even where the environment says not to (PYTHONDONTWRITEBYTECODE):
# otherwise every worker compiles every module and test file from source again.
test: messages
	PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest $(PYTEST_ARGS)

# The benchmark: DEBUG off as in production, its own databases and media; the demo app
# for its seed and commands.
BENCH_N      ?= 10000
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/jastarurban_bench
BENCH_ENV     = DEBUG=0 DEMO_APP=1 ALLOWED_HOSTS=testserver MEDIA_ROOT=$(CURDIR)/bench/media \
	STATIC_ROOT=$(CURDIR)/bench/static SECRET_KEY=bench-only-$$(head -c 48 /dev/urandom | base64)

bench: messages
	@mkdir -p bench
	$(BENCH_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(BENCH_ENV) DATABASE_URL=sqlite:///$(CURDIR)/bench/sqlite-$(BENCH_N).sqlite3 sh -c '\
		$(PY) manage.py migrate --verbosity 0 && \
		$(PY) manage.py seed_scale --applications $(BENCH_N) --reuse && \
		$(PY) manage.py bench --label sqlite'
	@if [ -n "$$DATABASE_URL" ]; then \
		psql "$(BENCH_PG_URL)" -c 'SELECT 1' >/dev/null 2>&1 || \
			createdb -h 127.0.0.1 -U postgres "$$(basename $(BENCH_PG_URL))"; \
		$(BENCH_ENV) DATABASE_URL=$(BENCH_PG_URL) sh -c '\
			$(PY) manage.py migrate --verbosity 0 && \
			$(PY) manage.py seed_scale --applications $(BENCH_N) --reuse && \
			$(PY) manage.py bench --label postgresql'; \
	else echo "DATABASE_URL is not set: PostgreSQL skipped (make bench DATABASE_URL=postgres://…)"; fi

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

# 100 applicants, 5 experts and staff against gunicorn + PostgreSQL + Redis on 127.0.0.1;
# prints the figures and writes loadtest/results.json. Drops and creates LOAD_DATABASE_URL
# (default jastarurban_load); see loadtest/run.sh for the settings. CI does not run it.
loadtest: messages
	@$(PY) -c 'import locust' 2>/dev/null || \
		$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[load]'
	bash loadtest/run.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles

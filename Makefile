# Two commands: `make run` and `make test`. Both set up what they need.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
WEB_PORT ?= 8000

.PHONY: run test setup browser-deps bench-screening bench-csv bench-audit bench-load audit clean

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) が見つかりません（Python 3.11 が必要です）"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	WEB_PORT=$(WEB_PORT) $(PY) -m portal.devtools banner
	WEB_PORT=$(WEB_PORT) $(VENV)/bin/honcho start -f Procfile

test: setup browser-deps
	$(PY) -m pytest

# Debian's Chromium (and Japanese fonts for readable screenshots) for the browser tests.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=ja 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get install -y -q chromium fonts-noto-cjk >/dev/null || \
	      { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-noto-cjk >/dev/null; }; \
	  else echo "Install Debian's chromium and fonts-noto-cjk (sudo apt-get install chromium fonts-noto-cjk)"; fi; \
	fi

bench-screening: setup
	$(PY) -m screening.bench

bench-csv: setup
	$(PY) -m screening.tabular.bench

bench-audit: setup
	$(PY) -m audit.bench

bench-load: setup
	$(PY) -m portal.bench_load

audit: setup
	$(VENV)/bin/pip-audit -r requirements.txt --progress-spinner off

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache test-artifacts

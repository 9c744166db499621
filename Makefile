# MeetingKit: `make run` opens the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
REFRESH := build/constraints-venv
# setuptools prints a multi-line "Editable installation" notice on every editable install; it is information,
# not a problem. Only that message is filtered: every other warning and every error still shows.
QUIET_EDITABLE := PYTHONWARNINGS="ignore:Editable installation:UserWarning"
# Every install takes the versions the suite last passed with, the build backend's included (constraints.txt).
PIP_INSTALL := $(QUIET_EDITABLE) $(PY) -m pip install --quiet -c constraints.txt --build-constraint constraints.txt

.PHONY: run test lint format bench demo constraints clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PIP_INSTALL) -e .
	touch $@

$(TEST_STAMP): pyproject.toml constraints.txt | $(PY)
	$(PIP_INSTALL) -e ".[test]"
	touch $(STAMP) $@

# The app itself checks for Qt's X11 libraries before Qt starts (meetingkit/desktop_libs.py).
run: $(STAMP)
	$(PY) main.py

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(TEST_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(TEST_STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: $(TEST_STAMP)
	cd benchmarks && QT_QPA_PLATFORM=offscreen ../$(PY) run_all.py

demo: $(STAMP)
	$(PY) main.py demo --out demo-minutes.pdf

# Newest versions the bounds in pyproject.toml allow, in a scratch venv; the whole suite runs on them, and only
# if it passes do they become constraints.txt (the old file is put back otherwise).
constraints:
	rm -rf $(REFRESH)
	$(PYTHON) -m venv $(REFRESH)
	$(REFRESH)/bin/python -m pip install --quiet --upgrade pip setuptools
	$(QUIET_EDITABLE) $(REFRESH)/bin/python -m pip install --quiet -e ".[test]"
	cp constraints.txt build/constraints.txt.old
	{ sed -n '/^#/p' build/constraints.txt.old; $(REFRESH)/bin/python -m pip freeze --all --exclude-editable | grep -v '^#'; } \
		> constraints.txt
	QT_QPA_PLATFORM=offscreen $(REFRESH)/bin/python -m pytest -q \
		|| { cp build/constraints.txt.old constraints.txt; echo "constraints.txt kept: the suite failed"; exit 1; }
	rm -rf $(REFRESH)
	@echo "constraints.txt now holds the versions above; 'make test' reinstalls .venv from it. Commit it."

clean:
	rm -rf $(VENV) build *.egg-info

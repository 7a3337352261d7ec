# The course's commands. Each creates .venv (pinned packages from
# requirements.txt) when it is missing or older than requirements.txt.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# pytest-xdist workers of `make test` (modules of the suite run side by side)
TEST_WORKERS ?= 2

.PHONY: demo test grade feedback release solutions site selfgrade benchmark venv clean

# JupyterLab's default settings for this environment: the course's
# (jupyterlab-settings.json5) go to its overrides.d, where they leave an
# overrides.json of the user's own in place.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.d/ml-interview.json5

venv: $(STAMP)

# The settings are order-only: every command installs them when they are
# missing or changed, without reinstalling the packages.
$(STAMP): requirements.txt | $(LAB_SETTINGS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# pip compiles the installed modules to bytecode one file after another,
	# about 33 of its 52 s here; compileall does the same on every core. (A
	# module without bytecode would be compiled again in every sandboxed
	# kernel, which cannot write it; pip, too, skips the few that do not
	# compile under this Python, such as torch's Python 3.12 test helpers.)
	$(PY) -m pip install --quiet --no-compile -r requirements.txt
	$(PY) -c "import compileall, sysconfig; compileall.compile_dir(sysconfig.get_path('purelib'), quiet=2, workers=0)"
	# rfc3987-syntax (an optional extra of jsonschema, pulled in by
	# jupyter-events) builds a parser at import and adds 2 s to every nbgrader
	# command; nothing the course runs validates IRIs, so it goes.
	$(PY) -m pip uninstall --quiet --yes rfc3987-syntax
	touch $(STAMP)

$(LAB_SETTINGS): jupyterlab-settings.json5
	mkdir -p $(@D)
	cp $< $@

## demo: generate release/, autograde the demo class, write feedback and the grade report
demo: $(STAMP)
	$(PY) -m coursetools.demo

## test: the course's test suite (works on throw-away copies of the course), on TEST_WORKERS=2 pytest-xdist workers, the short modules last (tests/conftest.py)
test: $(STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

## grade: autograde submitted/ on Dask with a progress bar: make grade [A=01_baseline] [STUDENT=alice] [SCHEDULER=tcp://host:8786] [WORKERS=2]
grade: $(STAMP)
	$(PY) -m coursetools.grade $(A) $(foreach s,$(STUDENT),--student $(s)) $(if $(SCHEDULER),--scheduler $(SCHEDULER)) $(if $(WORKERS),--workers $(WORKERS)) --feedback

## feedback: after grading written answers in formgrader, write the feedback pages again and release them through nbgrader's exchange: make feedback A=02_metrics
feedback: $(STAMP)
	$(PY) -m coursetools.handback $(A)

## release: regenerate release/ from source/ after editing a notebook: make release [A=01_baseline]
release: $(STAMP)
	$(PY) -m coursetools.release $(A)

## solutions: executed worked solutions without hidden tests, plus static HTML (solution/html/index.html)
solutions: $(STAMP)
	$(PY) -m coursetools.solutions

## site: the course website for self-study (exercises, worked solutions, search) in site/; open site/index.html
site: $(STAMP)
	$(PY) -m coursetools.site

## selfgrade: grade your own notebooks with the hidden tests: make selfgrade A=01_baseline [FROM=folder]
selfgrade: $(STAMP)
	$(PY) -m coursetools.selfgrade $(A) $(if $(FROM),--from "$(FROM)")

## benchmark: notebook times, autograde overhead, serial vs parallel grading (prints figures): make benchmark [A=01_baseline] [QUICK=1]
benchmark: $(STAMP)
	$(PY) -m coursetools.benchmark $(if $(A),--assignment $(A)) $(if $(QUICK),--quick)

# clean stops when the course holds a class (learners besides the demo's in
# submitted/ or the gradebook: coursetools.demo.clean_refusal), unless FORCE=1;
# without .venv nothing here was graded by the course's commands.
clean:
	@if [ -z "$(FORCE)" ] && [ -x $(PY) ]; then \
		$(PY) -c "import sys; from coursetools.demo import clean_refusal; sys.exit(clean_refusal())"; fi
	rm -rf submitted autograded feedback gradebook.db reports solution selfgrade .grading site autograde-*.log \
		grades.csv

# Two commands set everything up on a fresh machine:
#   make report   creates .venv, installs Tenor with its models, scores seeds/ and writes the
#                 report (reports/report.pdf, a PNG per chart, reports/statements.csv)
#   make test     the same set-up, then the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tenor-installed

.PHONY: install report test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# torch first, pinned to the CPU build: an unpinned torch pulls a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(BIN)/tenor score seeds/ --out reports/statements.csv
	$(BIN)/tenor report seeds/ --out reports/

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info

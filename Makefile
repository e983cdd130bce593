# Rasad: `make demo` runs the product, `make test` installs and runs the whole test suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint eval bench screenshots clean

$(STAMP): pyproject.toml
	@sh scripts/ensure-python.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/rasad demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

test: lint
	@sh scripts/ensure-postgres.sh
	@sh scripts/ensure-chromium.sh
	@sh scripts/ensure-axe.sh
	$(BIN)/pytest

# make eval: every set in $(SHARED)/eval: dev and real (score.py), gsr (gsr/score_gsr.py)
eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py --shared $(SHARED)

# Takes about ten minutes: BENCH_ARGS="--many 10000 --large 100000" for a quick run.
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --write docs/benchmarks.md --shared $(SHARED) $(BENCH_ARGS)

screenshots: $(STAMP)
	@sh scripts/ensure-chromium.sh
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build demo-data rasad.db rasad.db-wal rasad.db-shm

# Each target creates (or reuses) .venv, so a fresh machine needs only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench eval notebooks clean fuzz fuzz-atheris

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/tracker build data -o out/graph.json
	$(BIN)/tracker contested out/graph.json
	$(BIN)/tracker render out/graph.json -o out/graph.png

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check tracker tests benchmarks scripts notebooks
	$(BIN)/ruff format --check tracker tests benchmarks scripts notebooks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format tracker tests benchmarks scripts notebooks
	$(BIN)/ruff check --fix tracker tests benchmarks scripts notebooks

# re-run every notebook from a clean kernel and save its outputs (the tests check they match)
notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# PolNeAR dev, scored as docs/BENCHMARKS.md reports it (the data is not in the repository)
POLNEAR ?= ../shared/evaldata/polnear
eval: $(STAMP)
	$(BIN)/tracker eval $(POLNEAR)/dev

# the property tests with many more examples than the suite runs (see docs/LIMITS.md)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -p no:cacheprovider tests/test_properties.py

# coverage-guided fuzzing of the readers for 10 minutes (needs the "fuzz" extra)
fuzz-atheris: $(STAMP)
	$(BIN)/pip install --quiet -e ".[fuzz]"
	mkdir -p out/fuzz-findings
	$(BIN)/python benchmarks/fuzz_readers.py -max_total_time=600 -artifact_prefix=out/fuzz-findings/

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache .mypy_cache

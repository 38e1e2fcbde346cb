# Quick start: `make run` (set up, build the index, start the app) and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install index run test test-deps test-slow lint format clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e ".[app]"

index: install
	$(BIN)/policykb ingest

run: index
	$(BIN)/policykb serve

# Test dependencies (torch: the CPU wheel first, so the st extra never pulls a CUDA
# build), lint, then the suite without the slow tests.
test-deps: $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[app,api,dev,st,qdrant]"

test: test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	HAYSTACK_TELEMETRY_ENABLED=False $(BIN)/python -m pytest -m "not slow"

# The slow suites: 10,000 fuzzed inputs per entry point, 32 kill points, pip-audit.
test-slow: test-deps
	HAYSTACK_TELEMETRY_ENABLED=False $(BIN)/python -m pytest -m slow -s

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

clean:
	rm -rf .policykb .pytest_cache .ruff_cache build *.egg-info

# Quick start: `make run` (set up, build the index, start the app) and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install index run test test-slow lint format clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e ".[app]"

index: install
	$(BIN)/policykb ingest

run: index
	$(BIN)/policykb outline

# Test dependencies, lint, then the suite without the slow tests.
test: $(BIN)/python
	$(BIN)/pip install -q -e ".[app,dev]"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -m "not slow"

test-slow: $(BIN)/python
	$(BIN)/pip install -q -e ".[app,dev]"
	$(BIN)/python -m pytest -m slow

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

clean:
	rm -rf .policykb .pytest_cache .ruff_cache build *.egg-info

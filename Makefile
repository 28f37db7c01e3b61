# One virtual environment, set up on first use; every install step lives here or in pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench pictures clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,sign]"
	$(BIN)/python -m compileall -q mou_kit
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/mou demo

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check mou_kit tests benchmarks docs_src

typecheck: $(STAMP)
	$(BIN)/mypy --strict mou_kit

pytest: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

pictures: $(STAMP)
	$(BIN)/python docs_src/pictures.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

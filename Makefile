# One virtual environment, set up on first use from the lock; every install step lives here or in pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The extras the project's own environment (make, CI) installs, and so the ones the lock covers.
EXTRAS := dev,sign,fast,docs,cli,web
LOCK := requirements.lock
LATEST ?= .venv-latest

.PHONY: demo test lint typecheck pytest docs bench bench-deps pictures schemas cli-help lock test-latest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exact versions and hashes from the lock, then mou_kit itself (editable, built with the locked
# setuptools), then `pip check` so a lock that misses a dependency fails here, not in a test.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e . --config-settings editable_mode=compat
	$(BIN)/python -m pip check
	$(BIN)/python -m compileall -q mou_kit
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/mou demo

test: lint typecheck pytest docs

lint: $(STAMP)
	$(BIN)/ruff check mou_kit tests benchmarks docs_src

typecheck: $(STAMP)
	$(BIN)/mypy --strict mou_kit

pytest: $(STAMP)
	$(BIN)/pytest

# The documentation site (mkdocs.yml) into site/; --strict turns every warning (a broken link, an API
# name without a docstring target) into a failure. mkdocs-material's notice about its successor is
# not about our docs, so it is switched off by the variable it names.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# The JSON Schemas the package ships (mou_kit/schemas/), made from the models; a test says when to run it.
schemas: $(STAMP)
	$(BIN)/python -c "from mou_kit.files.schema import write_shipped_schemas as w; print(*w(), sep='\n')"
	for example in examples/*/.mou/schema; do cp mou_kit/schemas/*.json $$example/; done

# `mou --help` as stored with the package (mou_kit/cli/help.txt), so it prints without importing typer.
cli-help: $(STAMP)
	$(BIN)/python -c "from mou_kit.cli._help import write_help; write_help()"

bench: $(STAMP)
	-$(MAKE) bench-deps
	REDLINES_PYTHON=$(REDLINES_VENV)/bin/python $(BIN)/python benchmarks/run.py

pictures: $(STAMP)
	$(BIN)/python docs_src/pictures.py
	$(BIN)/python docs_src/dim_pictures.py
	$(BIN)/python docs_src/web_pictures.py

# Refresh the lock on purpose: the newest versions pyproject.toml's ranges allow, for every platform,
# with hashes. Run it after changing a dependency, or to take upstream releases (then `make test`).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml $(foreach e,$(subst $(comma), ,$(EXTRAS)),--extra $(e)) \
	  --universal --python-version 3.11 --generate-hashes --upgrade \
	  --custom-compile-command "make lock" -q -o $(LOCK)
	rm -f $(STAMP)

# The whole suite against the newest versions the ranges allow, in a venv of its own, so upstream
# drift is seen on purpose: it may fail, and then says what failed; it never touches the lock.
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install -q --upgrade --upgrade-strategy eager -e ".[$(EXTRAS)]" \
	  --config-settings editable_mode=compat
	$(LATEST)/bin/python -m pip list --format freeze > $(LATEST)/versions.txt
	$(LATEST)/bin/ruff check mou_kit tests benchmarks docs_src
	$(LATEST)/bin/mypy --strict mou_kit
	$(LATEST)/bin/pytest

clean:
	rm -rf $(VENV) $(LATEST) site .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info

comma := ,

# python-redlines (the comparison in benchmarks/bench_commands.py and bench_diff.py) in its own venv, so
# its dependencies never mix with the project's; bench runs without it and says so when it cannot be made.
REDLINES_VENV ?= /tmp/redlines-venv
bench-deps:
	test -x $(REDLINES_VENV)/bin/python || $(PYTHON) -m venv $(REDLINES_VENV)
	$(REDLINES_VENV)/bin/python -m pip install -q "python-redlines[docxodus]>=2,<3"

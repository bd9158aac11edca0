# Two commands for a fresh machine:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/litcli: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# (byte-compiled as a regular pip install is; an editable one is not, and where
	# PYTHONDONTWRITEBYTECODE is set every run would compile the sources again)
	$(BIN)/python -m compileall -q litcli
	touch $(BIN)/litcli

run: $(BIN)/litcli
	$(BIN)/litcli search --topic ketamine-ocd

test: $(BIN)/litcli
	$(BIN)/ruff check litcli tests bench
	$(BIN)/mypy litcli
	$(BIN)/python -m pytest -q

bench: $(BIN)/litcli
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

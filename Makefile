# Two commands on a fresh machine: `make build` and `make test`. Both create .venv and install
# the project (and its test tools) the first time, so nothing else needs to be set up by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test check serve clean distclean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

build: $(STAMP)
	$(BIN)/python -m generator build

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/python -m generator check

serve: $(STAMP)
	$(BIN)/python -m generator serve

clean:
	rm -rf site .site-new-* .site-old-* .cache .pytest_cache .hypothesis

distclean: clean
	rm -rf $(VENV) *.egg-info

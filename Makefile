# Two commands on a fresh machine: `make build` and `make test`. Both create .venv and install
# the project (and its test tools) the first time, so nothing else needs to be set up by hand.
PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
BASE_URL ?=
# The browser tests drive Debian's Chromium; as root we install it, otherwise through sudo.
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test check serve bench clean distclean browser

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m generator prepare
	@touch $(STAMP)

build: $(STAMP)
	$(BIN)/python -m generator build $(if $(BASE_URL),--base-url "$(BASE_URL)")

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Headless Chromium from Debian for tests/test_browser.py; never downloaded by a test tool.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Times cold, no-change and one-edit builds of a synthetic corpus and Pelican on the same
# articles (Pelican goes in bench/.venv-pelican, never in the project). SIZES=1000,10000 by default.
bench: $(STAMP)
	$(BIN)/python bench/run.py $(if $(SIZES),--sizes $(SIZES))

check: $(STAMP)
	$(BIN)/python -m generator check

serve: $(STAMP)
	$(BIN)/python -m generator serve

clean:
	rm -rf site .site-new-* .site-old-* .cache .pytest_cache .hypothesis

distclean: clean
	rm -rf $(VENV) *.egg-info

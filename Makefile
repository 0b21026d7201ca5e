# FieldCase: `make run` opens the app (setting up .venv on first use); `make test` runs lint, types and tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench clean screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# A demo store in .run/ with 300 synthetic cases, owned by the demo case manager cm.chen (demo passphrase only).
run: $(STAMP)
	FIELDCASE_PASSPHRASE="$${FIELDCASE_PASSPHRASE:-fieldcase-demo}" $(BIN)/python -m app --store .run/demo.db --user cm.chen --demo 300

lint: $(STAMP)
	$(BIN)/ruff check app server tests bench
	$(BIN)/ruff format --check app server tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

test: lint typecheck pytest

# Every main screen rendered offscreen with demo data, for docs/user-guide.md.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app.views.screenshots docs/screenshots

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

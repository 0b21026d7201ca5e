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

# The whole loop on one machine: a local central service on its embedded SQLite database (.run/server.db) with the
# demo team and accounts, and the app on a demo store in .run/ with 300 synthetic cases of the demo case manager
# cm.chen, logged in and syncing with it. Demo passwords only; the server stops when the window closes.
SERVER_PORT ?= 8765
SERVER_DB := sqlite:///.run/server.db
run: $(STAMP) resources/i18n/fieldcase_en.qm
	mkdir -p .run
	$(BIN)/fieldcase-server migrate --database-url $(SERVER_DB)
	$(BIN)/fieldcase-server demo --database-url $(SERVER_DB)
	$(BIN)/fieldcase-server serve --port $(SERVER_PORT) --database-url $(SERVER_DB) > .run/server.log 2>&1 & \
	server=$$!; trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python -m app.sync.wait http://127.0.0.1:$(SERVER_PORT) && \
	FIELDCASE_PASSPHRASE="$${FIELDCASE_PASSPHRASE:-fieldcase-demo}" FIELDCASE_SYNC_PASSWORD=fieldcase-demo \
	$(BIN)/python -m app --store .run/demo.db --user cm.chen --demo 300 --server http://127.0.0.1:$(SERVER_PORT)

lint: $(STAMP)
	$(BIN)/ruff check app server tests bench
	$(BIN)/ruff format --check app server tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) resources/i18n/fieldcase_en.qm
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

test: lint typecheck pytest

# Every main screen rendered offscreen with demo data, for docs/user-guide.md.
screenshots: $(STAMP) resources/i18n/fieldcase_en.qm
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app.views.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.views.test_printing_screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.views.sync_screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app.views.supervisor.screenshots docs/screenshots

# The English catalog: `make translations` brings resources/i18n/fieldcase_en.ts up to date with the texts in the
# code (translators edit it in Qt Linguist) and compiles it to the .qm the app loads (a generated file, not in git).
.PHONY: translations
translations: $(STAMP)
	$(BIN)/python -m app.views.translations update
	$(BIN)/pyside6-lrelease -silent resources/i18n/fieldcase_en.ts -qm resources/i18n/fieldcase_en.qm

resources/i18n/fieldcase_en.qm: resources/i18n/fieldcase_en.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

# `make bundle`: the desktop app as a one-folder PyInstaller bundle for the OS it is built on, in dist/fieldcase/
# (run dist/fieldcase/fieldcase --self-check), and on Linux also dist/fieldcase-<version>-linux-<arch>.tar.gz.
# A Windows bundle is built on Windows, then packed by Inno Setup (installer/windows/fieldcase.iss); see
# docs/install.md. PyInstaller comes from the `bundle` optional dependencies.
BUNDLE_STAMP := $(VENV)/.bundle-installed
$(BUNDLE_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[bundle]'
	touch $@

.PHONY: bundle
bundle: $(BUNDLE_STAMP) resources/i18n/fieldcase_en.qm
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installer/fieldcase.spec
	if [ "$$(uname -s)" = Linux ]; then \
	  installer/linux/make-tarball.sh dist "$$($(BIN)/python -c 'import app; print(app.__version__)')"; fi

# fieldapp — see README.md. Quick start: `make run`, `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: install run test lint bench mutate screenshots translations clean

install: $(STAMP)

# Re-installs only when the project metadata changes, so `make run` is fast the second time.
$(STAMP): pyproject.toml
	@scripts/system-check.sh python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

run: install
	@scripts/system-check.sh gui
	$(BIN)/fieldapp gui --demo

lint: install
	$(BIN)/ruff check fieldapp tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/vulture fieldapp tests bench scripts/vulture_whitelist.py --min-confidence 60 \
		--ignore-names 'test_*,pytest_*' --ignore-decorators '@*.command,@*.group,@pytest.fixture,@step'

test: install
	@scripts/system-check.sh test
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q $(PYTEST_ARGS)

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(BENCH_ARGS)

# Mutation testing of the rule modules (not part of `make test`: it takes ~30 min). docs/testing.md.
mutate: install
	$(BIN)/python -m pip install --quiet 'mutmut==2.5.1'
	$(BIN)/python scripts/mutate.py $(MUTATE_ARGS)

screenshots: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m fieldapp.ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# Refresh the .ts from the UI sources, fill it from the translators' dictionary, compile the .qm.
translations: install
	$(BIN)/pyside6-lupdate fieldapp/ui/*.py -ts resources/translations/fieldapp_zh_CN.ts -target-language zh_CN -no-obsolete
	$(BIN)/python scripts/ts_fill.py resources/translations/fieldapp_zh_CN.ts resources/translations/zh_CN.json
	$(BIN)/pyside6-lrelease resources/translations/fieldapp_zh_CN.ts -qm resources/translations/fieldapp_zh_CN.qm

# -- packaging (docs/install.md) ------------------------------------------------------------------
.PHONY: dist installer

# dist/fieldapp/: the frozen app (PyInstaller onedir, build files in build/), then its self-test.
dist: install
	@packaging/ensure-tools.sh pyinstaller
	$(BIN)/python packaging/build.py dist
	QT_QPA_PLATFORM=offscreen dist/fieldapp/fieldapp --selftest

# dist/fieldapp-setup-<version>.exe around whatever onedir is at hand (`make dist` first). Built here, it
# carries Linux binaries and only proves the NSIS script; the Windows workflow builds the real one.
installer:
	@packaging/ensure-tools.sh nsis
	$(PYTHON) packaging/build.py installer

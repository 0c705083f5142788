# segmentti — two commands: `make run` (set up and start the app) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# 127.0.0.1: this machine only. For a workshop whose participants join from their laptops: make run ADDRESS=0.0.0.0
ADDRESS ?= 127.0.0.1
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint format bench constraints chromium java sample-data clean

$(VENV)/.runtime: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

## run: set up the environment and start the app on http://$(ADDRESS):$(PORT) with the bundled sample data
run: $(VENV)/.runtime
	$(BIN)/python -m streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT)

## test: set up the environment (with dev tools and chromium) and run lint, unit, app and browser tests
test: $(VENV)/.dev chromium java
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## chromium: the browser tests drive Debian's chromium; install it when missing (needs root and apt)
chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else \
		echo "error: the browser tests need chromium at $(CHROMIUM): run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)"; \
		exit 2; \
	fi

## java: the Spark tests (pyspark, local mode) need a Java runtime, 17 or later; install Debian's when missing
java:
	@if command -v java >/dev/null && java -version 2>&1 | grep -q -E 'version "(1[7-9]|[2-9][0-9])'; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's Java runtime for the Spark tests..."; \
		apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
		echo "error: the Spark tests need Java 17 or later: run 'sudo apt-get install default-jre-headless' (or put java on PATH)"; \
		exit 2; \
	fi

## bench: run every benchmark under bench/ (pick some or the smallest sizes: make bench BENCH="scan --quick")
BENCH ?=
bench: $(VENV)/.dev
	$(BIN)/python bench/run.py $(BENCH)

sample-data: $(VENV)/.runtime
	$(BIN)/python sample_data/generate.py

constraints: $(VENV)/.dev
	( echo "# Exact versions of every package installed by requirements-dev.txt (transitive ones too)."; \
	  echo "# Regenerate after changing a pin: make constraints"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v -E "^(pip|setuptools|wheel)==" ) > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

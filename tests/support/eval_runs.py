"""Eval results documents built by hand, as `insightstack eval run --json` writes them."""

from __future__ import annotations

from typing import Any

from services.evaluation.records import PRODUCT_PROMPTS
from services.evaluation.report import as_json
from services.evaluation.runner import CaseResult, SuiteResult


def suite(product: str, passed: int, failed: int = 0, *, lang: str = "en", version: str = "1.0.0") -> SuiteResult:
    """A suite of ``passed`` + ``failed`` cases run once each (pass rate ``passed / total``) on
    ``version`` of the product's prompt."""
    results = [CaseResult(f"ok-{i}", runs=1, runs_passed=1, latencies_ms=[100.0 + i], tokens_in=10, tokens_out=5) for i in range(passed)]
    results += [CaseResult(f"bad-{i}", runs=1, runs_passed=0, failures=["facts: missing 'x'"], latencies_ms=[300.0]) for i in range(failed)]
    return SuiteResult(f"data/eval/{product}.yaml", product, lang, 1, results, {PRODUCT_PROMPTS[product]: version})


def document(*suites: SuiteResult, model: str = "smollm2-135m-instruct") -> dict[str, Any]:
    return as_json(list(suites), model=model, profile="cpu", commit="0123456789abcdef", date="2026-12-03")

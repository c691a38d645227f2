"""The suite format is a contract: the shipped suites load, and mistakes name the case and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.evaluation.suite import BuilderCase, ChatOpsCase, ReportsCase, SuiteError, load_suite
from services.platform.settings import REPO_ROOT

SHIPPED = sorted((REPO_ROOT / "data" / "eval").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_suites_load_with_enough_cases(path: Path) -> None:
    """30 or more per product's main suite; a further held-out suite of a product 20 or more."""
    suite = load_suite(path)
    assert len(suite.cases) >= (30 if path.stem == suite.product else 20)
    for case in suite.cases:
        if isinstance(case, ReportsCase):
            assert suite.resolve(case.backtest).is_file(), case.id
        if isinstance(case, ChatOpsCase):
            assert all(suite.resolve(p).is_file() for p in case.world.backtests), case.id


def test_the_issue_example_loads(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(
        """
product: chatops
cases:
  - id: risk-snapshot-late
    question: "The risk snapshot did not finish overnight, why?"
    role: operator
    world:
      runbooks: runbooks/
      pipeline_runs: [{pipeline: risk-snapshot, status: failed, hours_ago: 6, task: write, error: "permission denied: /data/risk"}]
      feeds: {equities-us: {lag_s: 900}, fx-spot: {halted: true}}
      down: [market-data]
      backtests: [bt/x.json]
    expect:
      facts: ["risk-snapshot", "permission denied"]
      runbook: rb-job-failed
      tools: [pipeline_status]
      outcome: answered
      state_change: false
"""
    )
    suite = load_suite(tmp_path / "s.yaml")
    assert suite.lang == "en" and isinstance(suite.cases[0], ChatOpsCase)
    assert suite.cases[0].world.feeds["fx-spot"].halted is True


def test_builder_and_reports_cases(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        'product: builder\ncases:\n  - {id: iwm, intent: "Fade Bollinger bands on IWM", universe: [IWM], expect: {template: bollinger_reversion, params: {entry_std: [1.5, 3.0]}}}\n'
    )
    (tmp_path / "r.yaml").write_text("product: reports\nlang: ko\ncases:\n  - {id: s, backtest: bt/s.json, expect: {min_claims: 4, mention: [sharpe], contradicted: 0, status: verified}}\n")
    assert isinstance(load_suite(tmp_path / "b.yaml").cases[0], BuilderCase)
    reports = load_suite(tmp_path / "r.yaml")
    assert reports.lang == "ko" and reports.resolve("bt/s.json") == (tmp_path / "bt" / "s.json").resolve()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("product: poems\ncases: [{id: a}]\n", "product"),
        ("product: chatops\ncases: [{id: a, question: q, expect: {fact: [x]}}]\n", "case a: expect.fact"),
        ("product: builder\ncases: [{id: a, intent: buy the dip}]\n", "case a: expect"),
        ("product: reports\ncases: []\n", "cases"),
        ("product: reports\ncases: [{id: a, backtest: x}, {id: a, backtest: y}]\n", "two cases share an id"),
        ("product: chatops\ncases: [{id: a, question: q, world: {weather: rain}}]\n", "case a: world.weather"),
    ],
)
def test_mistakes_name_the_case_and_field(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(text)
    with pytest.raises(SuiteError, match=message.replace(".", r"\.")):
        load_suite(tmp_path / "bad.yaml")

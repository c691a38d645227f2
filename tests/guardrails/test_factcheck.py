"""The fact checker on a labelled set: no contradicted claim may pass, and false alarms stay rare."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guardrails.factcheck import FactSheet, check

LABELLED = yaml.safe_load((Path(__file__).parents[1] / "data" / "factcheck_labelled.yaml").read_text())
FACTS = FactSheet(
    strategy={
        "total_return": 0.482, "cagr": 0.082, "annual_volatility": 0.141, "sharpe": 0.62, "sortino": 0.91,
        "calmar": 0.41, "max_drawdown": -0.198, "max_drawdown_duration_days": 143, "win_rate": 0.54,
        "profit_factor": 1.31, "num_trades": 312, "avg_trade_return": 0.0021, "exposure": 0.68,
        "turnover": 4.2, "alpha": -0.013, "beta": 0.82,
    },
    benchmark={"cagr": 0.114, "sharpe": 0.74, "max_drawdown": -0.254},
    regimes={
        "bull": {"total_return": 0.31, "sharpe": 1.4, "max_drawdown": -0.06},
        "bear": {"total_return": -0.12, "sharpe": -0.8, "max_drawdown": -0.198},
        "sideways": {"total_return": 0.01, "sharpe": 0.1, "max_drawdown": -0.05},
        "high_volatility": {"total_return": -0.04, "sharpe": -0.2, "max_drawdown": -0.15},
    },
    signals={"trend": {"count": 120, "hit_rate": 0.57, "avg_return": 0.004}},
)


def verdict_for(label: str) -> str:
    return {"supported": "verified", "none": "verified", "contradicted": "contradicted", "unverifiable": "unverifiable"}[label]


@pytest.mark.parametrize("item", LABELLED, ids=[item["text"][:50] for item in LABELLED])
def test_labelled_sentence(item: dict[str, str]) -> None:
    result = check(item["text"], FACTS)
    assert result.verdict == verdict_for(item["label"]), result.model_dump_json(indent=1)
    if item["label"] == "none":
        assert result.findings == []


def test_recall_and_false_alarm_rate() -> None:
    """The numbers reported in docs/factcheck.md."""
    contradicted = [i for i in LABELLED if i["label"] == "contradicted"]
    clean = [i for i in LABELLED if i["label"] in ("supported", "none")]
    caught = sum(check(i["text"], FACTS).verdict == "contradicted" for i in contradicted)
    false_alarms = sum(check(i["text"], FACTS).verdict != "verified" for i in clean)
    assert caught == len(contradicted)
    assert false_alarms == 0


def test_findings_carry_the_stored_value() -> None:
    result = check("The strategy compounded at 9.2% a year, with a maximum drawdown of 19.8%.", FACTS)
    cagr, drawdown = result.findings
    assert (cagr.metric, cagr.status, cagr.stored, cagr.claimed) == ("cagr", "contradicted", 0.082, 0.092)
    assert "8.20%" in cagr.note
    assert (drawdown.metric, drawdown.status) == ("max_drawdown", "supported")
    assert result.model_dump()["contradicted"] == 1

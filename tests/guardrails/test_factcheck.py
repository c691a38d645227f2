"""The fact checker on labelled sets: no contradicted claim may pass, and false alarms stay rare."""

from __future__ import annotations

import pytest

from bench.factcheck_eval import DATA, EXPECTED, Labelled, dev_set, sample_set, score
from guardrails.factcheck import check

DEV = dev_set()
HELDOUT = sample_set(DATA / "factcheck_heldout.yaml")


@pytest.mark.parametrize("item", DEV + HELDOUT, ids=[item.text[:50] for item in DEV + HELDOUT])
def test_labelled_sentence(item: Labelled) -> None:
    result = check(item.text, item.facts)
    assert result.verdict == EXPECTED[item.label], result.model_dump_json(indent=1)
    if item.label == "none":
        assert result.findings == []


def test_recall_and_false_alarm_rate() -> None:
    """The numbers reported in docs/factcheck.md (sets it was tuned on)."""
    for name, items in (("dev", DEV), ("heldout", HELDOUT)):
        result = score(name, items)
        assert (result.caught, result.false_alarms) == (result.contradicted, 0), result.row


def test_findings_carry_the_stored_value() -> None:
    facts = DEV[0].facts
    result = check("The strategy compounded at 9.2% a year, with a maximum drawdown of 19.8%.", facts)
    cagr, drawdown = result.findings
    assert (cagr.metric, cagr.status, cagr.stored, cagr.claimed) == ("cagr", "contradicted", 0.082, 0.092)
    assert "8.20%" in cagr.note
    assert (drawdown.metric, drawdown.status) == ("max_drawdown", "supported")
    assert result.model_dump()["contradicted"] == 1


def test_benchmark_named_by_its_symbol() -> None:
    facts = DEV[0].facts.model_copy(update={"benchmark_name": "SPY"})
    assert check("SPY compounded at 11.4% a year.", facts).verdict == "verified"
    assert check("The strategy beat SPY.", facts).verdict == "contradicted"

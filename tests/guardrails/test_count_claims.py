"""Counts of regimes and of winning trades (pure logic, no model)."""

from __future__ import annotations

import pytest

from guardrails.count_claims import count_claims
from guardrails.factcheck import FactSheet, check

FACTS = FactSheet(
    strategy={"win_rate": 15 / 38, "num_trades": 38},
    regimes={"bull": {"total_return": 0.2}, "bear": {"total_return": -0.07}, "sideways": {"total_return": 0.04}, "trending": {"total_return": 0.12}},
)


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Three of the four regimes made money.", "supported"),
        ("Two of the four regimes made money.", "contradicted"),
        ("Three of the five regimes made money.", "unverifiable"),  # four stored: which were meant? review
        ("One of the four regimes ended in the red.", "supported"),
        ("Not one of the four regimes lost money.", "contradicted"),
        ("Every regime except the bear market made money.", "supported"),
        ("Apart from the bear market, every regime was profitable.", "supported"),
        ("Every regime made money except the sideways phase.", "unverifiable"),  # an exception to interpret: review
        ("Every regime made money.", "contradicted"),
        ("Every one of the four regimes was profitable.", "contradicted"),
        ("Of the 38 trades, only 15 were winners.", "supported"),
        ("Of the 38 trades, 20 were winners.", "contradicted"),
        ("38번 거래해 15번 이겼다.", "supported"),
    ],
)
def test_counts_are_judged_against_the_store(sentence: str, status: str) -> None:
    assert [f.status for f in count_claims(sentence, FACTS)] == [status]


def test_a_count_of_regimes_is_no_figure_of_its_own() -> None:
    result = check("Half of the four regimes made money.", FACTS)
    assert result.verdict == "contradicted" and [f.metric for f in result.findings] == ["regimes_with_gains"]

"""Readings of the thirty-first round (ko 2027_62, a Korean set weighted to false claims, read):
signals named in Korean words the checker did not know, winners told by "맞았다", and the places,
lengths and levels of falls and of the curve told in Korean."""

from __future__ import annotations

import pytest

from guardrails.factsheet import FactSheet
from tests.guardrails.test_factcheck_review import assert_verdict, sheet

BVN = sheet("eq-pe-bvn-supertrend")  # supertrend_flip 83 signals (40.96%), atr_stop 41 (29.27%)
TOTVS = sheet("eq-br-totvs-bollinger")  # lower_band_entry 88 (59.09%, the strategy's win rate), middle_band_exit 81 (61.73%)
INSURERS = sheet("eq-us-insurers-roe-value")  # rebalance_buy 96 (57 won), rebalance_sell 93 (49 won)

READINGS = [  # (text, facts, verdict); "not X": any verdict but X
    ("슈퍼트렌드 반전 83번의 승률은 40.96%였다.", BVN, "verified"),
    ("ATR 손절 41번 중 이익을 남긴 건 12번에 불과했고, 슈퍼트렌드 반전 83번의 승률도 29.27%에 머물렀다.", BVN, "not verified"),  # 29.27% is the stops'
    ("중간선 청산 81건의 적중률은 61.73%입니다.", TOTVS, "verified"),
    ("중간선 청산 81건의 적중률은 59.09%이고, 평균 수익은 1.18%입니다.", TOTVS, "not verified"),  # 59.09% is the entries'
    ("분기 리밸런싱 매도 신호는 93건이었고 그중 49건이 맞았습니다.", INSURERS, "verified"),
    ("분기 리밸런싱 매도 신호는 93건이었고 그중 57건이 맞았습니다.", INSURERS, "not verified"),  # 57 is the buys'
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS)
def test_readings_of_the_thirty_first_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)

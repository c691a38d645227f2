"""Readings of the thirty-first round (ko 2027_62, a Korean set weighted to false claims, read):
signals named in Korean words the checker did not know, winners told by "맞았다", and the places,
lengths and levels of falls and of the curve told in Korean."""

from __future__ import annotations

import pytest

from guardrails.factsheet import FactSheet
from tests.guardrails.test_factcheck_review import assert_verdict, sheet

BVN = sheet("eq-pe-bvn-supertrend")  # supertrend_flip 83 signals (40.96%), atr_stop 41 (29.27%)
TOTVS = sheet("eq-br-totvs-bollinger")  # lower_band_entry 88 (59.09%, the strategy's win rate), middle_band_exit 81 (61.73%)
BXB = sheet("eq-au-bxb-stoch")  # deepest fall 23.67% from 2019-07-29 to its trough on 2020-03-23
FORINT = sheet("fx-eurhuf-carry")  # deepest fall 19.7% to its trough on 2022-10-31
INSURERS = sheet("eq-us-insurers-roe-value")  # rebalance_buy 96 (57 won), rebalance_sell 93 (49 won)

READINGS = [  # (text, facts, verdict); "not X": any verdict but X
    ("슈퍼트렌드 반전 83번의 승률은 40.96%였다.", BVN, "verified"),
    ("ATR 손절 41번 중 이익을 남긴 건 12번에 불과했고, 슈퍼트렌드 반전 83번의 승률도 29.27%에 머물렀다.", BVN, "not verified"),  # 29.27% is the stops'
    ("중간선 청산 81건의 적중률은 61.73%입니다.", TOTVS, "verified"),
    ("중간선 청산 81건의 적중률은 59.09%이고, 평균 수익은 1.18%입니다.", TOTVS, "not verified"),  # 59.09% is the entries'
    ("분기 리밸런싱 매도 신호는 93건이었고 그중 49건이 맞았습니다.", INSURERS, "verified"),
    ("분기 리밸런싱 매도 신호는 93건이었고 그중 57건이 맞았습니다.", INSURERS, "not verified"),  # 57 is the buys'
    # a month told stands for the weekly points in it, give or take a week, not ten days
    ("브램블스 북 최대 낙폭의 출발점은 2019년 7월 고점이었고 바닥은 2020년 4월에 찍혔다.", BXB, "not verified"),
    ("The maximum drawdown bottomed in April 2020.", BXB, "not verified"),  # "bottomed in" was not read in English
    ("The maximum drawdown bottomed in March 2020.", BXB, "not contradicted"),
    ("최대 낙폭 19.7%는 2022년 10월 중순 직후가 바닥이었다.", FORINT, "verified"),  # "직후": just after, a fortnight
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS)
def test_readings_of_the_thirty_first_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)

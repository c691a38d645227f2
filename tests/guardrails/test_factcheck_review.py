"""Faults a review of the sixteenth round's readings proved (session 11): each sentence got a
`verified` it did not deserve, or lost one it did. Copper (`cmd-copper-donchian`): total return
+88.6%, win rate 35.7%, maximum drawdown 20.06%; the curve's high and end 188.6% of its start, its
low 91.1%, the maximum drawdown's peak 113.9%; signals `breakout` (hit rate 35.7%) and `trend_exit`
(41%). FACTS: CAGR 8.2%, Sharpe 0.62, win rate 54%, bull +31% (Sharpe 1.40), bear -12%."""

from __future__ import annotations

from pathlib import Path

import pytest

from guardrails.factcheck import check
from guardrails.factsheet import Drawdown, FactSheet
from services.reports.facts import fact_sheet
from services.reports.schemas import BacktestIn
from tests.guardrails.test_factcheck import FACTS

COPPER = fact_sheet(BacktestIn.model_validate_json((Path(__file__).parents[2] / "data" / "backtests" / "cmd-copper-donchian.json").read_text()))
OPEN_FALL = FACTS.model_copy(update={"drawdowns": [Drawdown(depth=-0.198, days=143, peak="2021-01-04", trough="2021-03-01", end_depth=-0.09)]})
RISKY = FACTS.model_copy(update={"regimes": {**FACTS.regimes, "high_volatility": {"total_return": 0.40, "sharpe": 0.5}}})


@pytest.mark.parametrize(
    ("text", "facts", "not_verdict"),
    [
        ("At the 2016 trough the strategy had lost 91% of its starting capital.", COPPER, "verified"),  # a loss, not the 91.1% low
        ("전략은 원금의 91%를 잃었다.", COPPER, "verified"),
        ("The copper book ended the test at 114% of its starting capital.", COPPER, "verified"),  # the peak's 113.9%, not the end's 188.6%
        ("By the end of the test the curve stood at 146% of its starting capital.", COPPER, "verified"),
        ("Buy-and-hold CPER ended the test at 188.6% of its starting capital.", COPPER, "verified"),  # the strategy's curve, not the benchmark's
        ("원금 1억 원은 시험이 끝날 때 1억 1,400만 원이었다.", COPPER, "verified"),
        ("전략의 누적 수익률은 8.1% 하락했다.", COPPER, "verified"),  # a named total return, not a fall's depth
        ("구리 돈치안 전략은 전체 테스트 기간 동안 20% 하락했다.", COPPER, "verified"),
        ("구리 돈치안 전략의 매매 적중률은 41%였다.", COPPER, "verified"),  # the strategy's win rate, not a signal's hit rate
        ("전략의 적중률은 57%였다.", FACTS, "verified"),
        ("Unlike the bull market, the bear market returned 31% and -0.8 on Sharpe.", FACTS, "verified"),  # no list of two regimes
        ("While the strategy remains ahead of cash, its maximum drawdown was 9%.", OPEN_FALL, "verified"),  # the end depth only for a fall told as open
        ("During the bear market the benchmark outperformed, losing only 12%.", FACTS, "verified"),  # the strategy's -12%, not the benchmark's
        ("Before adjusting for risk the bull market was the strongest regime.", RISKY, "verified"),
        ("The benchmark's drawdown was deeper by a factor of 1.9.", FACTS, "verified"),  # a ratio, 1.28, never a level
        ("Its drawdown was smaller by a factor of four.", FACTS, "verified"),
        ("가장 큰 하락을 기록한 해는 2022년으로 20%였다.", COPPER, "verified"),  # a calendar year's loss, not the maximum drawdown
        ("진입 기준을 RSI 50에서 27로 낮추자 수익이 났다.", FACTS, "verified"),  # a change of setting, no share of trades
    ],
)
def test_a_reading_of_the_sixteenth_round_lets_no_false_claim_through(text: str, facts: FactSheet, not_verdict: str) -> None:
    assert check(text, facts).verdict != not_verdict, check(text, facts).model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("Without adjusting for risk the high-volatility regime ranked first.", RISKY, "verified"),
        ("RSI 기준을 30에서 20으로 낮추자 수익률은 48.2%가 됐다.", FACTS, "verified"),
        ("Where the bear market hurt, the bull market returned 31% and 1.40 on Sharpe.", FACTS, "verified"),
    ],
)
def test_a_reading_of_the_sixteenth_round_keeps_true_sentences_verified(text: str, facts: FactSheet, verdict: str) -> None:
    assert check(text, facts).verdict == verdict, check(text, facts).model_dump_json(indent=1)

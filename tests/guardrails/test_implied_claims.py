"""Claims the store implies rather than holds (guardrails/numeric_claims.py, directional_claims.py):
multiples of two figures, a drawdown's length in years, falls other than the deepest, the number
of winning trades, "no benchmark", "that regime" of the sentence before, and whether the deepest
fall was regained. Each was a true sentence flagged, or a false one verified, on a set written
blind (docs/factcheck.md, fifth round)."""

from __future__ import annotations

from datetime import date

import pytest

from guardrails.factcheck import FactSheet, check
from guardrails.factsheet import Drawdown

DEEPEST = Drawdown(depth=-0.2027, days=1589, peak=date(2014, 8, 4), trough=date(2016, 2, 8), recovery=date(2018, 12, 10))
SECOND = Drawdown(depth=-0.143, days=966, peak=date(2018, 2, 5), trough=date(2020, 4, 6), recovery=date(2020, 9, 28))
FACTS = FactSheet(
    strategy={"cagr": 0.041, "sharpe": 0.60, "max_drawdown": -0.2027, "max_drawdown_duration_days": 1589, "win_rate": 0.3333, "num_trades": 141, "total_return": 0.53},
    benchmark_name="OATTR", benchmark={"sharpe": 0.11, "cagr": 0.01, "max_drawdown": -0.589},
    regimes={"trending": {"total_return": 0.24, "sharpe": 1.5}, "bear": {"total_return": -0.12}},
    drawdowns=[DEEPEST, SECOND],
)
NO_BENCHMARK = FACTS.model_copy(update={"benchmark_name": None, "benchmark": {}})
NEVER_REGAINED = FACTS.model_copy(update={"drawdowns": [DEEPEST.model_copy(update={"recovery": None}), SECOND]})


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("Its Sharpe, 0.60, came to more than five times the benchmark's 0.11.", FACTS, "verified"),
        ("Its Sharpe, 0.60, came to ten times the benchmark's 0.11.", FACTS, "unverifiable"),  # a multiple no two figures give: review, never blocked
        ("지수의 최대 낙폭은 58.9%입니다. 전략의 최대 낙폭은 20.3%입니다. 지수의 약 3분의 1입니다.", FACTS, "verified"),
        ("The drawdown lasted 1,589 days (some four and a half years).", FACTS, "verified"),
        ("The drawdown took close to two years to recover.", FACTS, "unverifiable"),
        ("최대 낙폭에서 전고점을 회복하기까지 5년 넘게 걸렸다.", FACTS, "unverifiable"),
        ("A second drawdown, 14.3% deep, took 966 days to repair.", FACTS, "verified"),
        ("The maximum drawdown was 14.3%.", FACTS, "contradicted"),
        ("The worst drawdown took 854 days before equity reached a new high.", FACTS, "contradicted"),
        ("이긴 거래는 47건입니다.", FACTS, "verified"),
        ("141번의 매매 중 47번 이겨 승률이 33%였다.", FACTS, "verified"),
        ("141건 가운데 이익으로 끝난 매매는 60건 남짓이었다.", FACTS, "unverifiable"),  # 남짓 is a little over, not any number above
        ("This backtest has no benchmark.", NO_BENCHMARK, "verified"),
        ("This backtest has no benchmark.", FACTS, "unverifiable"),
        ("Trending was the top regime. It gained 24%, with Sharpe at 1.50 inside that regime.", FACTS, "verified"),
        ("전략은 지수를 연평균 3.1%p 하회했다.", FACTS, "unverifiable"),  # it beat the index by 3.1 points: the direction is wrong
        ("전략은 지수를 연평균 3.1%p 상회했다.", FACTS, "verified"),
        ("최대 낙폭 20.3%는 2019년 초에 모두 회복되었습니다.", NEVER_REGAINED, "unverifiable"),
    ],
)
def test_claims_the_store_implies(text: str, facts: FactSheet, verdict: str) -> None:
    result = check(text, facts)
    assert result.verdict == verdict, result.model_dump_json(indent=1)

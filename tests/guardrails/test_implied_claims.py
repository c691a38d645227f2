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
    events={"max_drawdown.peak": DEEPEST.peak, "max_drawdown.trough": DEEPEST.trough, "max_drawdown.recovery": DEEPEST.recovery},
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
        ("A 14.3% decline from February 2018 to April 2020 took 966 days to repair.", FACTS, "verified"),  # a fall of the curve, by its depth
        ("Since its 2018 high the book has been as much as 14.3% down.", FACTS, "verified"),
        ("Since its 2018 high the book has been as much as 15.1% down.", FACTS, "unverifiable"),  # no fall that deep: review
        ("OATTR's decline from its peak was 14.3%.", FACTS, "contradicted"),  # the benchmark's own fall is not one of the strategy's
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


SIXTH_ROUND = FACTS.model_copy(update={
    "regimes": {"trending": {"total_return": 0.22, "sharpe": 2.21}, "high_volatility": {"total_return": 0.20, "sharpe": 2.14, "max_drawdown": -0.156}, "bear": {"total_return": -0.12}},
    "strategy": FACTS.strategy | {"annual_volatility": 0.065, "alpha": 0.021, "beta": 0.35, "exposure": 0.22},
    "benchmark": FACTS.benchmark | {"cagr": -0.058},
})


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The programme compounded at 4.1% a year on 6.5% volatility.", "verified"),  # the noun after 6.5% is 6.5%'s
        ("Risk-adjusted, the book's 0.60 Sharpe is more than double the index's 0.11.", "verified"),
        ("Only 47 trades were winners.", "verified"),
        ("Only 47 of 141 trades were winners.", "verified"),
        ("The book made 4.1% annually as the index slipped 5.8% annually.", "verified"),  # the slip is the index's
        ("Trending conditions were the most profitable (+22%, Sharpe 2.21).", "verified"),  # "most profitable" is no win rate
        ("Judged by Sharpe ratio, the book did best in its high-volatility regime.", "contradicted"),  # trending has the higher Sharpe
        ("Of the five regimes, trending alone lost money.", "contradicted"),
        ("Harvesting the roll only when it exceeded 1%, the book grew 4.1% a year.", "verified"),  # an entry rule, no result
        ("Fees cost about 0.25% a year, a drag of roughly 0.25% on annual returns.", "unverifiable"),
        ("The largest drawdown peaked within the high-volatility regime, then fell 20.3% to its trough.", "verified"),
        ("가장 깊은 낙폭 20.3%는 2017년 중에 모두 만회되었다.", "unverifiable"),  # regained in December 2018
        ("비교 지수보다 연 9.9%p 앞섰을 뿐 아니라 샤프 비율은 0.60으로 지수(0.11)의 다섯 배를 넘었다.", "verified"),
        ("고변동성 장세가 세 국면 가운데 가장 큰 손실 구간이었다.", "unverifiable"),  # the bear regime lost most
    ],
)
def test_sixth_round_readings(text: str, verdict: str) -> None:
    result = check(text, SIXTH_ROUND)
    assert result.verdict == verdict, result.model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The book made 141 trades, of which 47 ended in profit.", "verified"),
        ("The book made 141 trades, of which 60 ended in profit.", "contradicted"),
        ("Ranked by return, high volatility was the top regime.", "contradicted"),  # trending made more
        ("The gains came from the 2015 trend (+22%).", "verified"),  # a dated trend is the trending regime
        ("Slippage came to about $2.50 a side, or close to 1.5% a year.", "unverifiable"),  # the restated figure keeps its topic
        ("Of the losing regimes the bear market was the worse (-12%, against -8% in the sideways phase).", "unverifiable"),  # no sideways figure: not the benchmark's
        ("With a 0.35 beta the residual return was positive at 2.1%.", "verified"),
        ("다섯 국면 가운데 수익이 가장 컸던 것은 고변동성 장세의 +20%였다.", "unverifiable"),  # trending made more
        ("기간의 22%만 시장에 머물며 연 변동성은 6.5%로 낮았다.", "verified"),  # 시장에 머물: exposure, not the benchmark
        ("지수가 연 5.8%씩 떨어지는 동안 전략은 시장에 뒤처졌다.", "unverifiable"),  # the strategy beat the market
    ],
)
def test_seventh_round_readings(text: str, verdict: str) -> None:
    result = check(text, SIXTH_ROUND)
    assert result.verdict == verdict, result.model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("20.3%를 잃은 2016년의 낙폭은 이듬해인 2017년 중에 벌써 메워졌다.", FACTS, "unverifiable"),  # regained in December 2018
        ("20.3%를 잃은 낙폭은 2018년 12월에 메워졌다.", FACTS, "verified"),
        ("The 20.3% drawdown was recovered before the end of that year.", FACTS, "unverifiable"),  # a time the checker cannot place
        ("지수가 연 -5.8%로 뒷걸음질할 때 이 전략은 연 9.9%p 앞서 나갔다.", SIXTH_ROUND, "verified"),
        ("가장 수익이 컸던 국면은 고변동성 장세로 20%입니다.", SIXTH_ROUND, "unverifiable"),  # trending made more
        ("2014년 8월 고점 이후 20.3% 밀렸고, 2024년 말 기간이 끝날 때까지 회복되지 않았다.", NEVER_REGAINED, "verified"),
    ],
)
def test_eighth_round_readings(text: str, facts: FactSheet, verdict: str) -> None:
    result = check(text, facts)
    assert result.verdict == verdict, result.model_dump_json(indent=1)

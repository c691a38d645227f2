"""Dates read as calendar intervals and placed on a backtest's timeline (guardrails/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from guardrails import dates
from guardrails.factcheck import FactSheet, check
from services.reports.facts import drawdowns

EVENTS = {
    "start": date(2012, 1, 2), "end": date(2024, 12, 30),
    "regime.bear.start": date(2021, 11, 1), "regime.bear.end": date(2022, 10, 31),
    "max_drawdown.peak": date(2019, 12, 2), "max_drawdown.trough": date(2020, 6, 15), "max_drawdown.recovery": date(2024, 3, 4),
}


@pytest.mark.parametrize(
    ("text", "intervals"),
    [
        ("peaked in March 2020", [(date(2020, 3, 1), date(2020, 3, 31))]),
        ("from early 2021", [(date(2021, 1, 1), date(2021, 4, 30))]),
        ("the 2021-22 bear market", [(date(2021, 1, 1), date(2021, 12, 31)), (date(2022, 1, 1), date(2022, 12, 31))]),
        ("2016년 8월~2019년 말 횡보장", [(date(2016, 8, 1), date(2016, 8, 31)), (date(2019, 9, 1), date(2019, 12, 31))]),
        ("2020년 2월 고점에서 6월 저점까지", [(date(2020, 2, 1), date(2020, 2, 29)), (date(2020, 6, 1), date(2020, 6, 30))]),
        ("on 2020-03-13", [(date(2020, 3, 13), date(2020, 3, 13))]),  # a day written is that day
        ("236 trades and 2,012 days", []),
        ("2016.7.7 고점에서 바닥은 2017/5/4", [(date(2016, 7, 7), date(2016, 7, 7)), (date(2017, 5, 4), date(2017, 5, 4))]),
        ("2019년 8월 꼭대기에서 이듬해 3월 초까지", [(date(2019, 8, 1), date(2019, 8, 31)), (date(2020, 3, 1), date(2020, 3, 11))]),
        ("24년 8월 초 바닥, 10년 3개월 동안", [(date(2024, 8, 1), date(2024, 8, 11))]),
        ("bottomed in mid-March 2020, peaked in late June 2025", [(date(2020, 3, 10), date(2020, 3, 21)), (date(2025, 6, 20), date(2025, 6, 30))]),  # a part of a month
        ("20년 4월 하순 바닥, 16 March 2020", [(date(2020, 4, 20), date(2020, 4, 30)), (date(2020, 3, 16), date(2020, 3, 16))]),  # a two-digit year only before a month
    ],
)
def test_dates_are_read_as_intervals(text: str, intervals: list[tuple[date, date]]) -> None:
    assert [(m.first, m.last) for m in dates.mentions(text)] == intervals


def _placed(text: str, date_text: str, *, names_regime: bool = False) -> bool:
    start = text.index(date_text)
    return dates.places_event(text, start, start + len(date_text), EVENTS, names_regime=names_regime)


def test_a_date_the_store_knows_places_a_figure() -> None:
    assert _placed("The 16.4% drawdown ran from its December 2019 high to June 2020.", "December 2019")
    assert _placed("2019년 12월 고점 이후 최대 낙폭은 16.4%였다.", "2019년 12월")
    assert _placed("Since 2012 the strategy compounded at 2.0% a year.", "2012")
    assert _placed("The 2022 bear market cost 7%.", "2022", names_regime=True)


def test_a_date_the_store_does_not_know_is_a_part_of_the_period() -> None:
    assert not _placed("In 2017 the strategy returned 12%.", "2017")
    assert not _placed("The 2022 bear market cost 7%.", "2022")  # no regime named for the reader: nothing to place it by
    assert not _placed("The drawdown deepened in 2016.", "2016")


def test_a_figure_dated_by_the_store_is_checked() -> None:
    facts = FactSheet(strategy={"total_return": 0.285, "cagr": 0.0195}, events=EVENTS)
    text = "누적 수익률은 2024년 12월 기준 28.5%였다."  # the test's last month: the whole period's figure
    assert check(text, facts).verdict == "verified"
    assert check(text, facts.model_copy(update={"events": {}})).verdict == "unverifiable"  # without dates, a month's figure
    assert check("누적 수익률은 2017년 12월 기준 28.5%였다.", facts).verdict == "unverifiable"


def test_every_drawdown_of_the_equity_curve_is_found_deepest_first() -> None:
    points = ((6, 1.0), (13, 1.2), (20, 0.9), (27, 1.1), (28, 1.25), (29, 1.2), (30, 1.25), (31, 1.0))
    curve = [(date(2020, 1, day), value) for day, value in points]
    found = drawdowns(curve, end=date(2020, 2, 29))
    assert [(round(d.depth, 3), d.peak, d.trough, d.recovery, d.days) for d in found] == [
        (-0.25, date(2020, 1, 13), date(2020, 1, 20), date(2020, 1, 28), 15),
        (-0.2, date(2020, 1, 30), date(2020, 1, 31), None, 30),  # never regained: to the end of the test
        (-0.04, date(2020, 1, 28), date(2020, 1, 29), date(2020, 1, 30), 2),
    ]
    assert drawdowns([(date(2020, 1, 6), 1.0), (date(2020, 1, 13), 1.1)], end=date(2020, 2, 1)) == []
    assert drawdowns([(date(2020, 1, 6), 1.0), (date(2020, 1, 13), 0.99), (date(2020, 1, 20), 1.0)], end=date(2020, 2, 1)) == []  # 1% is noise


def _regimes_dated(text: str) -> list[tuple[str, int, int]]:
    return dates.regimes_dated(text, dates.mentions(text), EVENTS)


def test_a_regime_is_named_by_its_dates_alone() -> None:
    """A range whose first date covers a regime's start and whose last covers its end names it;
    one exact month does not, nor a range that misses either end."""
    assert [label for label, *_ in _regimes_dated("the stretch from November 2021 to October 2022 lost 7%")] == ["bear"]
    assert [label for label, *_ in _regimes_dated("2021-22 was the worst")] == ["bear"]
    assert _regimes_dated("in October 2022 it lost 7%") == []
    assert _regimes_dated("from March 2021 to October 2022") == []
    facts = FactSheet(strategy={"total_return": 0.285}, regimes={"bear": {"total_return": -0.07, "sharpe": -0.4}}, events=EVENTS)
    assert check("The months from November 2021 to October 2022 cost 7%, a Sharpe of -0.40.", facts).verdict == "verified"
    assert check("The months from November 2021 to October 2022 cost 9%.", facts).verdict != "verified"

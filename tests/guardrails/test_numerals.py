"""Numbers the fact checker reads: digits of any script, words, units; dates are no figures."""

from __future__ import annotations

import pytest

from guardrails.claim_context import figures
from guardrails.numerals import numerals, spelled_value


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit"),
    [
        ("ninety percent", 90.0, 0, "%"),
        ("two hundred and ninety days", 290.0, 0, "days"),
        ("four hundred and sixty-two trades", 462.0, 0, None),
        ("eight point two per cent", 8.2, 1, "%"),
        ("one thousand two hundred", 1200.0, 0, None),
        ("1,204 trades", 1204.0, 0, None),
        (".5% a year", 0.5, 1, "%"),
        ("٩٠٪", 90.0, 0, "%"),  # Arabic-Indic digits and percent sign
        ("８.４x", 8.4, 1, "x"),
        ("1.2 percentage points", 1.2, 1, "pp"),
        ("60 basis points", 60.0, 0, "bps"),
        ("12.6 times a year", 12.6, 1, "x"),
        ("a 290-day drawdown", 290.0, 0, "days"),
    ],
)
def test_one_figure(text: str, value: float, decimals: int, unit: str | None) -> None:
    (number,) = numerals(text)
    assert (number.value, number.decimals, number.unit) == (value, decimals, unit)


@pytest.mark.parametrize("text", ["from 2019-01-01 to 2023-12-31", "at 09:30", "the 2s10s curve", "one of the signals", "five six"])
def test_no_figure(text: str) -> None:
    assert numerals(text) == []


def test_signs() -> None:
    assert [n.negative for n in numerals("-19.8%, minus 3%, +6.6% and −2%")] == [True, True, False, True]


@pytest.mark.parametrize("text", ["RSI(14) below 30", "a 20/100 crossover", "stochastic(14, 3)", "2.0 standard deviations", "a 20-day mean", "the top 3 assets", "targets 10% volatility", "the S&P 500"])
def test_settings_and_names_are_not_results(text: str) -> None:
    assert figures(text) == []


def test_spelled_values() -> None:
    assert spelled_value("sixty-five") == (65.0, 0)
    assert spelled_value("ten thousand") == (10000.0, 0)
    assert spelled_value("zero point four five") == (0.45, 2)
    assert spelled_value("hundred") == (None, 0)


def test_amounts_in_won() -> None:
    """"3억 5,900만 원" is one amount, written to the 100만; "1억 원" to the 억."""
    found = numerals("1억 원은 3억 5,900만 원이 됐고 1억 2,345만 원을 잃었다")
    assert [(n.value, n.decimals, n.unit) for n in found] == [(1e8, -8, "krw"), (3.59e8, -6, "krw"), (1.2345e8, -4, "krw")]

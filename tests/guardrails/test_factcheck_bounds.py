"""Readings of the twenty-eighth round (2027_54 and ko 2027_52 read): a bound written with a
denial ("never more than 60%", "did not exceed", "no fewer than 41 trades") is a bound from the
other side; a benchmark fund named in four to six capitalised words ("the First Trust Global Wind
Energy ETF"); the deepest fall said to be the longest too; a length in words ("half a year", "a year
and a half", "1년 반이"); and the readings those sets showed."""

from __future__ import annotations

import pytest

from guardrails.factcheck import check
from tests.guardrails.test_factcheck_review import sheet

ORSTED = sheet("eq-dk-orsted-voltarget")  # maximum drawdown 59.27%, exposure 74%, 41 trades
ETHEREUM = sheet("crypto-eth-ma-crossover")  # the deepest fall lasted 175 days
IWM = sheet("eq-us-iwm-crossover")  # the deepest fall (24.71%, 350 days) is not the longest (1003 days, from 2021-03-31)


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("The strategy's drawdown was never more than 60%.", ORSTED, "verified"),
        ("The strategy's drawdown was never more than 55%.", ORSTED, "contradicted"),
        ("Losses never came to more than 60%.", ORSTED, "unverifiable"),  # was read "at least 60%" and matched the 74% exposure
        ("Drawdown didn't exceed 55%.", ORSTED, "contradicted"),
        ("Drawdown didn't go deeper than 60%.", ORSTED, "verified"),
        ("It made no fewer than 41 trades.", ORSTED, "verified"),
        ("It made no fewer than 42 trades.", ORSTED, "contradicted"),
        ("The strategy did not recover and lost more than 59% at the worst.", ORSTED, "verified"),  # the denial is another verb's
    ],
)
def test_a_denied_bound_is_read_from_the_other_side(text: str, facts: object, verdict: str) -> None:
    assert check(text, facts).verdict == verdict, check(text, facts).model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("The maximum drawdown of 24.7% was also the longest.", IWM, "unverifiable"),
        ("Its deepest fall, 24.7%, was also its longest.", IWM, "unverifiable"),
        ("The 24.7% maximum drawdown was the longest as well.", IWM, "unverifiable"),
        ("It was both the deepest and the longest drawdown.", IWM, "unverifiable"),
        ("The 24.7% maximum drawdown was not the longest.", IWM, "verified"),
        ("The maximum drawdown was 24.7%, and the longest took 1003 days.", IWM, "verified"),
        ("The maximum drawdown of 59.27% was also the longest.", ORSTED, "verified"),
    ],
)
def test_the_deepest_fall_said_to_be_the_longest_too(text: str, facts: object, verdict: str) -> None:
    """"Longest" alone names another fall, so the English claim was never read (issue 18's review)."""
    assert check(text, facts).verdict == verdict, check(text, facts).model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("The longest drawdown lasted half of a year.", ETHEREUM, "verified"),
        ("The deepest drawdown lasted half a year.", ETHEREUM, "verified"),
        ("The deepest drawdown lasted a year and a half.", ETHEREUM, "unverifiable"),  # 548 days, not 175
        ("최대 낙폭에서 회복하는 데 반년이 걸렸다.", ETHEREUM, "verified"),
        ("최대 낙폭에서 회복하는 데 1년 반이 걸렸다.", ETHEREUM, "unverifiable"),  # was read as one year
    ],
)
def test_a_length_in_words(text: str, facts: object, verdict: str) -> None:
    assert check(text, facts).verdict == verdict, check(text, facts).model_dump_json(indent=1)


def test_a_fund_named_in_full_is_the_benchmark() -> None:
    text = "The strategy grew by about 2.5% per year while the First Trust Global Wind Energy ETF shrank by 1.3% annually."
    assert check(text, ORSTED).verdict == "verified"  # FAN's CAGR is -1.3%; the name has five words before "ETF"

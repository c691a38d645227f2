"""Readings of the twenty-eighth round (2027_54 and ko 2027_52 read): a bound written with a
denial ("never more than 60%", "did not exceed", "no fewer than 41 trades") is a bound from the
other side, and the readings those sets showed."""

from __future__ import annotations

import pytest

from guardrails.factcheck import check
from tests.guardrails.test_factcheck_review import sheet

ORSTED = sheet("eq-dk-orsted-voltarget")  # maximum drawdown 59.27%, exposure 74%, 41 trades


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

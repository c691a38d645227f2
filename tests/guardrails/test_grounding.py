"""Numbers in a ChatOps answer are grounded only by an evidence number of the same value."""

from __future__ import annotations

import pytest

from guardrails.grounding import ungrounded_numbers


@pytest.mark.parametrize(
    ("answer", "evidence"),
    [
        ("1234568 rows were loaded", "rows=1234567"),  # 6 significant digits made these one number
        ("the job took 1,5 s", "took 15 s"),  # a decimal comma is not a thousands separator
        ("p95 was 412.5 ms", "p95_ms: 412"),  # more precision than the source has
        ("12.35 ms", "12.3 ms"),
    ],
)
def test_a_different_number_is_not_grounded(answer: str, evidence: str) -> None:
    assert ungrounded_numbers(answer, [evidence]) != []


@pytest.mark.parametrize(
    ("answer", "evidence"),
    [
        ("1,234,567 rows were loaded", "{'rows': 1234567}"),
        ("the job took 1,5 s", "took 1.5 s"),
        ("p95 was 12.3 ms", "{'p95_ms': 12.345}"),  # a rounding of a more precise source
        ("p95 was 412 ms", "{'p95_ms': 412.0}"),
        ("the hit ratio is 87.3%", "{'hit_ratio': 0.8734}"),
        ("release 1.2.3 is live", "version 1.2.3"),
    ],
)
def test_the_same_number_is_grounded(answer: str, evidence: str) -> None:
    assert ungrounded_numbers(answer, [evidence]) == []


def test_ungrounded_numbers_are_listed_as_written_once_each() -> None:
    assert ungrounded_numbers("retry 3 times, then 1,204,000 rows, then 3 again", ["retries: 2"]) == ["3", "1,204,000"]

"""Whether a stated figure fits a stored one: rounding-aware (rounded either way or truncated to
the digits shown; "more than" and "about" as bounds), and the verdict a mismatch gets. Every
reading of a figure ends here, so that all are judged by one rule."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from guardrails.factsheet import Finding
from guardrails.metric_words import Kind, METRICS, NEVER_NEGATIVE, SIGNED
from guardrails.numerals import Numeral

LITTLE_OVER = 0.15  # "남짓": above the figure, but not far
FLOAT_NOISE = 1e-6


@dataclass(frozen=True)
class Stated:
    """A figure as its clause states it: the clause (the claim), a qualifier ("more than",
    "about") and whether a word around it makes it a loss ("lost 12%")."""

    claim: str
    number: Numeral
    qualifier: str | None
    negative: bool

    def value(self, kind: Kind) -> float:
        """The figure in stored units: a fraction for percents and basis points."""
        number = self.number
        value = number.value / 10_000 if number.unit == "bps" else number.value / 100 if kind == "percent" else number.value
        return -value if number.negative or (kind == "percent" and self.negative) else value


@dataclass(frozen=True)
class Reading:
    """Whose figure a number is and which one, and whether the text named each plainly."""

    metric: str
    entity: str
    stored: float | None
    metric_sure: bool  # named by a noun, or a yearly rate right after the figure: no sibling reading
    explicit: bool
    plain: bool = True  # the noun stands close to the figure: a mismatch is `contradicted`, else it goes to review
    magnitude: bool = False  # compared without sign: drawdowns, gaps between strategy and benchmark


def unverifiable(claim: str, number: Numeral, note: str) -> Finding:
    return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, status="unverifiable", note=note)


def judge(stated: Stated, reading: Reading, alternatives: list[tuple[str, float]]) -> Finding:
    kind = METRICS[reading.metric].kind
    base = {"claim": stated.claim, "kind": "numeric", "entity": reading.entity, "metric": reading.metric, "claimed": stated.value(kind)}
    if reading.stored is None:
        return Finding(**base, status="unverifiable", note=f"no stored {reading.metric} for {reading.entity}")
    if stated_matches(stated, reading, reading.stored):
        return Finding(**base, stored=reading.stored, status="supported")
    note = f"stored {reading.metric} for {reading.entity} is {formatted(reading.stored, kind)}"
    if unsigned(stated) and reading.metric in SIGNED and reading.stored < 0 and stated_matches(stated, replace(reading, magnitude=True), reading.stored):
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; the text gives its size but no sign a reader can rely on: sent to review")
    if stated.negative and not stated.number.negative and reading.stored > 0 and stated_matches(stated, replace(reading, magnitude=True), reading.stored):
        if reading.metric in NEVER_NEGATIVE:
            return Finding(**base, stored=reading.stored, status="supported", note="a word of loss nearby speaks of another figure: this one is never negative")  # "유일한 손실이자 기간 26%로 가장 김"
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; its size matches and only a word of loss nearby made it negative: sent to review")  # "negative beta ... lifts alpha to 3.57%"
    other = next((name for name, value in alternatives if stated_matches(stated, reading, value)), None)
    if other:
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; it matches {other}: the text does not say clearly which it means")
    if not reading.plain:
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; the text does not name the metric right at the figure: sent to review, not blocked")
    if stated.number.unit == "bps" and reading.metric in ("cagr", "total_return", "annual_volatility"):  # "cost about 60 basis points a year", "slippage on each volatility rebalance ... 8 basis points": a cost
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; a return or volatility told in basis points, more often a cost: sent to review, not blocked")
    if not reading.metric_sure:  # "gained 45%": a verb names no one metric, so only a noun's figure blocks
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; only a verb names the metric, which may mean another figure: sent to review, not blocked")
    return Finding(**base, stored=reading.stored, status="contradicted", note=note)


def unsigned(stated: Stated) -> bool:
    """No minus, no plus and no word of loss at the figure: a size whose sign was assumed."""
    return not (stated.number.negative or stated.negative or stated.number.text.lstrip().startswith("+"))


def stated_matches(stated: Stated, reading: Reading, stored: float) -> bool:
    """Equal up to the precision the text shows (rounded either way, or truncated), drawdowns
    and gaps by magnitude; "more than"/"under" as bounds, "about" within a step of the last digit."""
    kind = METRICS[reading.metric].kind
    claimed = stated.value(kind)
    if kind == "count":
        stored = round(stored)  # a count derived from a rounded rate (0.3529 x 17 = 5.9993) is a whole number: 6, never 5
    if reading.magnitude or "drawdown" in reading.metric:
        claimed, stored = abs(claimed), abs(stored)
    scale = 10_000 if stated.number.unit == "bps" else 100 if kind == "percent" else 1
    threshold = kind == "ratio" and stated.qualifier in ("at least", "at most")
    return shown_fits(claimed * scale, stored * scale, stated.number.decimals, stated.qualifier, exact=threshold)


def shown_fits(shown: float, actual: float, decimals: int, qualifier: str | None, *, exact: bool = False) -> bool:
    """The written figure against the actual one, both in the text's units: equal up to the
    precision shown (rounded either way, or truncated); "about" within a step of the last digit;
    "more than"/"under" as bounds, strict for a figure written out ("fewer than half") and for a
    ratio (`exact`: "a profit factor above 1", "Calmar under 0.1" name a threshold, not a rounded
    figure)."""
    step = 10 ** (-decimals)
    slack = step / 2 if decimals >= 0 and not exact else 0
    if qualifier == "at least":
        return actual >= shown - slack
    if qualifier == "at most":
        return actual <= shown + slack
    if qualifier == "a little over":
        return shown - slack <= actual <= shown * (1 + LITTLE_OVER) + step
    tolerance = step if qualifier == "roughly" else step / 2
    truncated = math.trunc(actual * 10**decimals) / 10**decimals
    return abs(shown - actual) <= tolerance + FLOAT_NOISE or abs(shown - truncated) < FLOAT_NOISE


def formatted(value: float, kind: Kind) -> str:
    return f"{value * 100:.2f}%" if kind == "percent" else f"{value:g}"

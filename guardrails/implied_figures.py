"""Figures a report states that the store implies rather than holds: a drawdown's length in
years or months (the store keeps days), a multiple of two figures ("more than five times the
benchmark's 0.11", "지수의 약 3분의 1"), the number of winning trades (win rate x trades), where the curve stood
against its start ("원금의 113.5%").
On text written blind, true sentences with such figures were sent to review or blocked as if
they stated a level (docs/factcheck.md, fifth round). Pure functions; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guardrails.numerals import Numeral

UNIT_DAYS = {r"years?\b": 365.25, "년": 365.25, r"months?\b": 30.44, "개월": 30.44, r"weeks?\b": 7.0, "주": 7.0, r"quarters?\b": 91.31, "분기": 91.31, r"decades?\b": 3652.5}
LENGTH_CONTINUED = re.compile(r"\s*(?:years?|년)\s*(?:and\s+|,\s*)?$", re.IGNORECASE)  # between the years and the months of one length
# "곡선의 꼭짓점(원금의 113.5%)", "원금의 약 2.36배", "90% of its starting capital": the curve's level, not a return.
CAPITAL_SHARE_BEFORE = re.compile(r"(?:원금|투자 ?원금|(?:초기|시작|최초|출발) ?(?:자본|자금|투자금)|투자금|출발점)\s?(?:의|대비|(?:아래|밑|위)인)\s?(?:(?:약|대략|거의|얼추)\s?)?$")
CAPITAL_SHARE_AFTER = re.compile(r"\s*of (?:(?:the|its|their) )?(?:(?:starting|initial|original|opening) (?:capital|stake|equity|investment|value|allocation|nav)|principal|where it (?:started|began))\b", re.IGNORECASE)
# "had lost 91% of its starting capital", "원금의 91%를 잃었다": an amount lost or made, not a level.
CAPITAL_MOVED_BEFORE = re.compile(r"\b(?:lost|lose|losing|loses|gave up|given up|shed|made|gained|earned|returned|added|cost)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
CAPITAL_MOVED_AFTER = re.compile(r"\s?(?:을|를)\s?(?:잃|날|벌|까먹|손해)")
# A level told at the end of the test is the curve's last value; any other may be any stored point.
AT_THE_END = re.compile(r"\b(?:end(?:ed|ing|s)?|finish(?:ed|es)?|clos(?:ed|es|ing)|last)\b|마감|끝|기간 ?말|종료|마지막", re.IGNORECASE)
MULTIPLE_TOLERANCE = 0.15  # "roughly four times" for 3.95: a multiple is rounded in the head


@dataclass(frozen=True)
class Length:
    """A length as written ("close to four years", "7년 반", "5년 7개월"), in days."""

    days: float
    unit: float  # days in the unit written: the tolerance is half of it
    half: bool
    rest: str  # the text after the unit, where Korean puts a bound ("1년 넘게")

    def fits(self, stored: float, qualifier: str | None) -> bool:
        """To half a unit, or as the bound says ("more than four years", "1년 넘게")."""
        if qualifier == "at least":
            return stored >= self.days
        if qualifier == "at most":
            return stored <= self.days
        return abs(stored - self.days) <= self.unit / 2 + (self.unit / 2 if qualifier == "roughly" else 0)


def length(text: str, number: Numeral, following: Numeral | None) -> Length:
    """The length ``number`` starts, with the months of "5년 7개월" when ``following`` is them."""
    after = text[number.end:]
    word, unit = next((match, days) for pattern, days in UNIT_DAYS.items() if (match := re.match(rf"^\s*(?:and a half\s+)?{pattern}(?:\s?반(?:이|을|은|의)?(?![가-힣])|\s+and\s+a\s+half\b)?", after, re.IGNORECASE)))
    half = bool(re.search(r"and a half|반(?:이|을|은|의)?$", word.group(0)))  # "four and a half years", "a year and a half", "1년 반"
    days = (number.value + (0.5 if half else 0.0)) * unit
    unit *= min(1.0, number.value) * (0.5 if half else 1.0)  # "반년" (half a year), "a year and a half" are told to the quarter, not to the year
    if following is not None and LENGTH_CONTINUED.fullmatch(text, number.end, following.start):
        more = next((per for pattern, per in UNIT_DAYS.items() if re.match(rf"^\s*{pattern}", text[following.end:], re.IGNORECASE)), 0.0)
        days += following.value * more
    return Length(days, unit, half, after[word.end():])


def continues_length(text: str, previous: Numeral, number: Numeral) -> bool:
    """Whether ``number`` is the months of a length ``previous`` started ("5년 7개월")."""
    return bool(LENGTH_CONTINUED.search(text, previous.end, number.start))


def multiple_of(target: float, qualifier: str | None, reference: float, others: list[float]) -> tuple[float, float] | None:
    """The reference figure and another whose ratio is ``target`` (larger over smaller, or smaller
    over larger for a fraction), as the qualifier bounds it, as (larger, smaller); None when none gives it."""
    for other in others:
        larger, smaller = max(reference, other), min(reference, other)
        if smaller and fits_multiple(larger / smaller if target >= 1 else smaller / larger, target, qualifier):
            return larger, smaller
    return None


def fits_multiple(ratio: float, target: float, qualifier: str | None, decimals: int = 0) -> bool:
    """A ratio told as ``target`` times, as the qualifier bounds it; rounded in the head otherwise,
    but to the last digit shown when it has decimals ("2.48배" is not 2.27)."""
    if qualifier == "at least":
        return ratio >= target * 0.97
    if qualifier == "at most":
        return ratio <= target * 1.03
    if decimals > 0 and qualifier is None:
        return abs(ratio - target) <= 10 ** -decimals / 2 + 1e-9
    return abs(ratio / target - 1) <= MULTIPLE_TOLERANCE


def states_level(text: str, number: Numeral) -> bool:
    """Whether a percentage or a multiple tells the curve's level against the capital it started with."""
    if CAPITAL_MOVED_BEFORE.search(text, 0, number.start) or CAPITAL_MOVED_AFTER.match(text, number.end):
        return False
    if number.unit == "x" and number.decimals < 1:
        return False  # "처음 투자금의 두 배를 웃돌았다": capital grown, read against the total return
    return number.unit in ("%", "x") and bool(CAPITAL_SHARE_BEFORE.search(text, 0, number.start) or CAPITAL_SHARE_AFTER.match(text, number.end))


def levels_meant(clause: str, levels: dict[str, float]) -> dict[str, float]:
    """The stored levels a clause may mean: the last one when it tells the end of the test ("ended
    the test at 114% of its starting capital" is no peak's 113.9%), else any."""
    return {name: level for name, level in levels.items() if name == "end"} if AT_THE_END.search(clause) else levels


def derived(strategy: dict[str, float]) -> dict[str, float]:
    """Figures the store implies: the number of winning trades ("이긴 거래는 47건", "54 winners")."""
    if "win_rate" in strategy and "num_trades" in strategy:
        return {"winning_trades": strategy["win_rate"] * strategy["num_trades"]}
    return {}

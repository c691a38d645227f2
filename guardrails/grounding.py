"""Numbers in a generated answer that no piece of evidence contains.

An operations answer that quotes a latency or a count the tools never returned is worse than
no answer; the agent's answer is checked against the tool results it was given, and any
ungrounded number is reported with the answer (not silently removed). Numbers are compared by
value, exactly: 1234568 is not 1234567, and "1,5" (a decimal comma) is not 15. A shown number
may be a rounding of a more precise source (12.3 from 12.34; 87.3% from 0.8734), never the
other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

NUMBER = re.compile(r"(?<![\w.,])-?\d+(?:[.,]\d+)*%?")
THOUSANDS = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@dataclass(frozen=True)
class Figure:
    """A number as written; ``value`` is None for what is not one number ("1.2.3", "1,5,9")."""

    text: str
    value: Decimal | None
    percent: bool


def figures(text: str) -> list[Figure]:
    return [_figure(match.group(0)) for match in NUMBER.finditer(text)]


def ungrounded_numbers(answer: str, evidence: Iterable[str]) -> list[str]:
    """Numbers of ``answer`` (as written, in order, once each) that appear in none of the evidence texts."""
    known = [figure for text in evidence for figure in figures(text)]
    return list(dict.fromkeys(f.text for f in figures(answer) if not any(_grounds(source, f) for source in known)))


def _figure(token: str) -> Figure:
    body = token.removesuffix("%")
    if THOUSANDS.fullmatch(body):
        value: Decimal | None = Decimal(body.replace(",", ""))
    elif len(re.findall(r"[.,]", body)) <= 1:
        value = Decimal(body.replace(",", "."))  # "1,5": a decimal comma
    else:
        value = None
    return Figure(token, value, token.endswith("%"))


def _grounds(source: Figure, shown: Figure) -> bool:
    """Whether ``source`` says ``shown``: the same value, or one with more decimals that rounds
    to it; a shown percentage may also be a source fraction (0.8734 -> 87.3%)."""
    if source.value is None or shown.value is None:
        return source.text.removesuffix("%") == shown.text.removesuffix("%")
    candidates = [source.value] + ([source.value.scaleb(2)] if shown.percent and not source.percent else [])
    return any(_rounds_to(candidate, shown.value) for candidate in candidates)


def _rounds_to(source: Decimal, shown: Decimal) -> bool:
    if source == shown:
        return True
    places = _decimals(shown)
    return _decimals(source) > places and abs(source - shown) <= Decimal(5).scaleb(-places - 1)


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0

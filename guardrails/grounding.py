"""Numbers in a generated answer that no piece of evidence contains.

An operations answer that quotes a latency or a count the tools never returned is worse than
no answer; the agent's answer is checked against the tool results it was given, and any
ungrounded number is reported with the answer (not silently removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)*(?:\.\d+)?%?")


def numbers(text: str) -> list[str]:
    return [match.group(0).rstrip("%").replace(",", "") for match in NUMBER.finditer(text)]


def ungrounded_numbers(answer: str, evidence: Iterable[str]) -> list[str]:
    """Numbers of ``answer`` (in order, once each) that appear in none of the evidence texts."""
    known = {_canonical(n) for text in evidence for n in numbers(text)}
    return list(dict.fromkeys(n for n in numbers(answer) if _canonical(n) not in known))


def _canonical(number: str) -> str:
    try:
        return f"{float(number):g}"
    except ValueError:
        return number

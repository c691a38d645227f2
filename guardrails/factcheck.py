"""Checks the numbers and directions a narrative claims against the stored backtest figures.

A wrong number in an executive report is this platform's worst failure, so any text (model
output or a reviewer's edit) goes through here, sentence by sentence: numeric claims
(`guardrails.numeric_claims`: "compounded at 8.2% a year", "ninety percent", "the 3.2% that SPY
delivered") and directional ones (`guardrails.directional_claims`: "outperformed the benchmark",
"lost money in the bear regime") and counts (`guardrails.count_claims`: "four of the five regimes
made money"). Each claim is supported, contradicted (with the stored value)
or unverifiable. A text in which no claim could be checked is `unverifiable`, never `verified`:
nothing was compared with the store. Pure function of text and a `FactSheet`; no I/O.
"""

from __future__ import annotations

import re

from guardrails import korean as ko
from guardrails.claim_context import figures, regime_spans
from guardrails.count_claims import count_claims
from guardrails.directional_claims import directional_claims
from guardrails.factsheet import FactCheckResult, FactSheet, Finding, Status, Verdict
from guardrails.numeric_claims import numeric_claims
from guardrails.numerals import Numeral

__all__ = ["FactCheckResult", "FactSheet", "Finding", "Status", "Verdict", "check"]

SENTENCE_SPLIT = re.compile(r"(?<!\bvs\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s+(?=[A-Z0-9\"'(가-힣]|[a-z]+_\w+\b)|\n+")  # "..., avg +0.73%. atr_stop 41 exits": a stored signal's name opens a sentence
BRACKET_LABEL = re.compile(r"(?P<after>(?<=[\d%배회일x])\s?)?\[(?P<label>[^\[\]\d]{1,16})\]\s?(?=[-+]?\d)")  # "[MDD] 36.09% [연환산] 1.57%": a KPI line's labels in brackets, read as "MDD 36.09% · 연환산 1.57%"
RECENT_FIGURES = 4  # how far back a multiple in its own sentence may look for the figures it divides
STATUSES: tuple[Status, ...] = ("supported", "contradicted", "unverifiable")
# Beyond these a "sentence" is a table, a log or noise, not prose: each figure is read against
# the whole sentence, so the cost grows with their product (20,000 zeros took 105 s on 2 cores).
# The longest of 3,733 labelled and generated sentences had 364 characters and 10 figures.
MAX_SENTENCE_CHARS = 600
MAX_SENTENCE_FIGURES = 24


def check(text: str, facts: FactSheet) -> FactCheckResult:
    """Every numeric and directional claim in ``text``, judged against ``facts``."""
    findings: list[Finding] = []
    regime: str | None = None  # the last regime named: "that regime" in the next sentence
    previous: tuple[float, ...] = ()  # the last figures before the sentence: "That is about a third."
    for sentence in _sentences(text):
        stated = figures(sentence) if len(sentence) <= MAX_SENTENCE_CHARS else []  # a longer one is not read at all
        if (too_long := _too_long(sentence, stated)) is not None:
            findings.append(too_long)
            regime, previous = None, ()  # "that regime" after an unread table cannot be resolved
            continue
        found = numeric_claims(sentence, facts, regime, previous) + directional_claims(sentence, facts) + count_claims(sentence, facts)
        regime = next((label for label, _, _ in reversed(regime_spans(sentence.lower()))), regime)
        previous = (*previous, *(abs(number.value) for number in stated if number.unit != "x" and number.value))[-RECENT_FIGURES:]
        findings += [_to_review(f, "Korean") for f in found] if ko.HANGUL.search(sentence) else _directions_to_review(found)
    findings = findings or [_no_claim()]
    counts = {status: sum(f.status == status for f in findings) for status in STATUSES}
    verdict: Verdict = "contradicted" if counts["contradicted"] else "unverifiable" if counts["unverifiable"] else "verified"
    return FactCheckResult(verdict=verdict, findings=findings, **counts)


def _no_claim() -> Finding:
    """The finding of a text with nothing to check: counted as unverifiable, so that the report
    goes to a reviewer and the pass-rate metrics do not count it as verified."""
    return Finding(
        claim="", kind="none", entity="text", metric=None, status="unverifiable",
        note="no checkable claim: nothing in the text could be compared with the stored figures",
    )


def _too_long(sentence: str, stated: list[Numeral]) -> Finding | None:
    """A sentence past the limits is not read claim by claim; it goes to a reviewer instead."""
    if len(sentence) > MAX_SENTENCE_CHARS:
        why = f"{len(sentence)} characters (the checker reads up to {MAX_SENTENCE_CHARS})"
    elif len(stated) > MAX_SENTENCE_FIGURES:
        why = f"{len(stated)} figures (the checker reads up to {MAX_SENTENCE_FIGURES})"
    else:
        return None
    return Finding(
        claim=sentence, kind="none", entity="text", metric=None, status="unverifiable",
        note=f"not checked: a sentence of {why}; split it into sentences a reviewer can read",
    )


def _to_review(finding: Finding, why: str) -> Finding:
    """A mismatch the checker is not sure it read right goes to a reviewer, with the stored value
    in its note, instead of blocking. Korean is read with less reach than English: on a set
    written blind, 5-6 of 30 true sentences were misread as contradicted."""
    if finding.status != "contradicted":
        return finding
    return finding.model_copy(update={"status": "unverifiable", "note": f"{finding.note} ({why}: sent to review, not blocked)"})


def _directions_to_review(found: list[Finding]) -> list[Finding]:
    """A direction (beat, lost, the best regime) read in a sentence that makes several claims
    blocks nothing: its sides or its regime may belong to another clause. On the English sets
    written blind, 5 of the 6 true sentences still blocked once numeric mismatches with a
    figure held elsewhere went to review were such directions; a sentence whose one claim is a
    wrong direction is still `contradicted`."""
    if len({(f.entity, f.metric) for f in found}) < 2:  # "trending alone lost money" is one claim, read twice
        return found
    return [_to_review(f, "a direction in a sentence of several claims") if f.kind == "directional" else f for f in found]


def _sentences(text: str) -> list[str]:
    """The sentences, each with a KPI line's bracketed labels written as plain labels ("MDD 36.09% · 연환산 1.57%")."""
    return [BRACKET_LABEL.sub(_label_as_key, part.strip()) for part in SENTENCE_SPLIT.split(text) if part and part.strip()]


def _label_as_key(label: re.Match[str]) -> str:
    """A label after a figure starts the next item; the first keeps the name before it ("KRXSTEEL [MDD] 44.18%")."""
    return f"{' · ' if label.group('after') is not None else ''}{label.group('label')} "

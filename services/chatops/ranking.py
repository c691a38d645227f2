"""Which findings and which runbook answer this question: embedding similarity plus what code
knows (a named subject, a problem), so the order never depends on the model."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from services.chatops.findings import Finding
from services.chatops.intents import named
from services.chatops.runbooks import RunbookHit

Embed = Callable[[list[str]], list[list[float]]]
NAMED_BONUS = 0.3
PROBLEM_BONUS = 0.15
LEAD_MIN_SCORE = 0.45
MAX_LEAD = 3
FINDINGS_WEIGHT = 0.5  # the question says what is asked; the problems only help choose
TOOL_BONUS = 0.1


@dataclass(frozen=True)
class Ranked:
    finding: Finding
    score: float


def rank_findings(question: str, found: Sequence[Finding], embed: Embed) -> list[Ranked]:
    """Findings by relevance: cosine to the question, more for a subject the question names
    and for a problem (a question to ops is usually about one)."""
    if not found:
        return []
    query, *vectors = embed([question, *(f.text for f in found)])
    scored = [
        Ranked(f, _cosine(query, vector) + NAMED_BONUS * named(question, f.subject) + PROBLEM_BONUS * f.problem)
        for f, vector in zip(found, vectors, strict=True)
    ]
    return sorted(scored, key=lambda r: r.score, reverse=True)


def lead(ranked: Sequence[Ranked]) -> list[Finding]:
    """The findings an answer opens with: the best one; the next ones that clear the bar; and,
    when the best is a problem, the same tool's other problems (every feed that is behind, not
    only the first)."""
    if not ranked:
        return []
    best = ranked[0].finding
    siblings = [r.finding for r in ranked[1:] if best.problem and r.finding.problem and r.finding.tool == best.tool]
    relevant = [r.finding for r in ranked[1:] if r.score >= LEAD_MIN_SCORE]
    return list(dict.fromkeys([best, *siblings, *relevant]))[:MAX_LEAD]


def relevant(ranked: Sequence[Ranked]) -> list[Finding]:
    """Findings that clear the bar: what the question is about (for choosing its runbook)."""
    return [r.finding for r in ranked if r.score >= LEAD_MIN_SCORE]


def choose_runbook(by_question: Sequence[RunbookHit], by_findings: Sequence[RunbookHit], problem_tool: str | None = None) -> RunbookHit | None:
    """The runbook whose scores for the question and for the leading problems add up best:
    the question alone ranks the right runbook first less often than with what is wrong. A
    runbook that lists the leading problem's tool in its `tools:` front matter gets a small
    bonus; runbooks without front matter tools still compete on their text."""
    scores: dict[str, float] = {}
    hits: dict[str, RunbookHit] = {}
    for weight, source in ((1.0, by_question), (FINDINGS_WEIGHT, by_findings)):
        for hit in source:
            scores[hit.id] = scores.get(hit.id, 0.0) + weight * hit.score
            hits.setdefault(hit.id, hit)
    for runbook_id, hit in hits.items():
        scores[runbook_id] += TOOL_BONUS * (problem_tool is not None and problem_tool in hit.tools)
    return hits[max(scores, key=scores.__getitem__)] if scores else None


def excerpt(question: str, text: str, embed: Embed, sentences: int = 3) -> str:
    """The runbook's lines that best answer the question, in their own order (headings and
    front matter left out)."""
    lines = [
        line.strip(" -*\t") for line in re.split(r"\n+|(?<=[.!?])\s+", text)
        if len(line.strip(" -*\t")) > 12 and not line.lstrip().startswith("#")
    ]
    if not lines:
        return text[:300]
    query, *vectors = embed([question, *lines])
    best = sorted(range(len(lines)), key=lambda i: _cosine(query, vectors[i]), reverse=True)[:sentences]
    return " ".join(lines[i].rstrip(".") + "." for i in sorted(best))


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))  # the embedder normalises its vectors

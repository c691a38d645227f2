"""Which findings and which runbook answer this question: embedding similarity plus what code
knows (a named subject, a problem), so the order never depends on the model."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from services.chatops.findings import Finding
from services.chatops import intents
from services.chatops.intents import named
from services.chatops.runbooks import RunbookHit

Embed = Callable[[list[str]], list[list[float]]]
NAMED_BONUS = 0.3
PROBLEM_BONUS = 0.15
LEAD_MIN_SCORE = 0.45
MAX_LEAD = 3
FINDINGS_WEIGHT = 0.5  # the question says what is asked; the problems only help choose
TOOL_BONUS = 0.2  # measured on chatops.yaml and chatops-fresh.yaml (tuning suites): 0.1 let a closer text match outrank the cause's runbook
FIX_BONUS = 0.1  # a "how do I" question is answered from the steps that fix, not the symptoms
WORD_BONUS, MAX_WORD_BONUS = 0.05, 0.15  # per content word of the question a step uses ("already accessed", "qdrant")
ESCALATE_SECTION = re.compile(r"\b(?:escalat|contact|on-?call|owner)\w*", re.IGNORECASE)
FIX_SECTION = re.compile(r"\b(?:fix|remediat|resol|recover|mitigat|workaround|procedure|steps?)\w*", re.IGNORECASE)
# A step that hands over to another runbook ("see `rb-pipeline-failure`"): the procedure asked for lives there.
REFERRAL = re.compile(r"\b(?:see|follow|use|switch to|this is)\s+`(rb-[a-z0-9-]+)`", re.IGNORECASE)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
MAX_STEP_CHARS = 400
QUOTED_STEPS = 3
# A component that is down explains a stale feed, which explains a failed ingest run, which
# explains the anomaly alerts of the backtests built on it: the runbook starts from the most
# basic problem the question is about.
CAUSAL_ORDER = ("service_health", "database_health", "market_data_freshness", "pipeline_status", "recent_alerts", "cache_status")


@dataclass(frozen=True)
class Query:
    """The question and its embedding, computed once for ranking the findings and the runbook steps."""

    text: str
    vector: list[float]
    how: bool = False  # it asks how to do something (read from the words the user typed, Korean included)
    who: bool = False  # it asks who to call

    @classmethod
    def of(cls, question: str, embed: Embed, asked: str = "") -> Query:
        return cls(question, embed([question])[0], intents.asks_how(asked or question), intents.asks_who(asked or question))


@dataclass(frozen=True)
class Ranked:
    finding: Finding
    score: float


def rank_findings(query: Query, found: Sequence[Finding], embed: Embed) -> list[Ranked]:
    """Findings by relevance: cosine to the question, more for a subject the question names
    and for a problem (a question to ops is usually about one)."""
    if not found:
        return []
    vectors = embed([f.text for f in found])
    scored = [
        Ranked(f, _cosine(query.vector, vector) + NAMED_BONUS * named(query.text, f.subject) + PROBLEM_BONUS * f.problem)
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


def relevant(query: Query, ranked: Sequence[Ranked]) -> list[Finding]:
    """Findings that clear the bar, and the best one when it is a problem the question touches
    ("ingest keeps going red ... whats it choking on" and a failed `market-data-ingest` run; a
    standing anomaly alert does not take over a question about something else): what the
    question is about (for choosing its runbook)."""
    return [
        r.finding for i, r in enumerate(ranked)
        if r.score >= LEAD_MIN_SCORE or (i == 0 and r.finding.problem and intents.touched(query.text, r.finding.subject))
    ]


def by_cause(problems: Sequence[Finding]) -> list[Finding]:
    """Problems, the most basic first (a down component before the runs that failed on it)."""
    return sorted(problems, key=lambda f: CAUSAL_ORDER.index(f.tool) if f.tool in CAUSAL_ORDER else len(CAUSAL_ORDER))


def with_causes(problems: Sequence[Finding], found: Sequence[Finding]) -> list[Finding]:
    """The problems, plus every component that is down and named in one of them ("market-data
    unreachable"), the most basic first: a down component explains them, so the runbook starts
    from it even when the question does not mention it."""
    down = [f for f in found if f.down and f not in problems and any(named(p.text, f.subject) for p in problems)]
    return by_cause([*problems, *down])


def cause_first(findings: Sequence[Finding]) -> list[Finding]:
    """The problems among ``findings`` in causal order, each in a problem's place: "market-data
    is down" before "market_data_freshness could not answer", which it explains; what is not a
    problem keeps its place."""
    problems = iter(by_cause([f for f in findings if f.problem]))
    return [next(problems) if f.problem else f for f in findings]


def choose_runbook(by_question: Sequence[RunbookHit], by_findings: Sequence[RunbookHit], problem: Finding | None = None) -> RunbookHit | None:
    """The runbook whose scores for the question and for the leading problems add up best:
    the question alone ranks the right runbook first less often than with what is wrong. A
    runbook whose `tools:` front matter starts from the most basic problem's tool (with no
    problem, the tool of the finding the answer opens with: an alert asked about) gets a small
    bonus; where no runbook names that tool (a toolset's tool: PostgreSQL, Prometheus), the
    runbook whose `services:` start with the problem's subject gets it. Runbooks without front
    matter still compete on their text."""
    scores: dict[str, float] = {}
    hits: dict[str, RunbookHit] = {}
    for weight, source in ((1.0, by_question), (FINDINGS_WEIGHT, by_findings)):
        for hit in source:
            scores[hit.id] = scores.get(hit.id, 0.0) + weight * hit.score
            hits.setdefault(hit.id, hit)
    if problem is not None:
        by_tool = any(hit.tools[:1] == [problem.tool] for hit in hits.values())
        for runbook_id, hit in hits.items():
            scores[runbook_id] += TOOL_BONUS * (hit.tools[:1] == [problem.tool] if by_tool else hit.services[:1] == [problem.subject])
    return hits[max(scores, key=scores.__getitem__)] if scores else None


def owned_by(hits: Sequence[RunbookHit], cause: Finding) -> RunbookHit | None:
    """The runbook of a component that is down: its `services:` start with the component, its
    `tools:` with the check that found it down (rb-market-data-down, not rb-stale-market-data)."""
    owned = [hit for hit in hits if hit.services[:1] == [cause.subject]]
    return max(owned, key=lambda hit: (hit.tools[:1] == [cause.tool], hit.score), default=None)


@dataclass(frozen=True)
class Steps:
    """A runbook's steps ranked for one question, embedded once: the excerpt quoted and the
    handover to another runbook both read them."""

    text: str
    ranked: list[tuple[int, str]]  # (position, step), the best answer to the question first

    @classmethod
    def of(cls, query: Query, text: str, embed: Embed) -> Steps:
        steps = _steps(text)
        if not steps:
            return cls(text, [])
        vectors = embed([step for _, step in steps])
        asked = set(re.findall(r"[a-z]+", query.text.lower()))
        content = {word for word in asked if len(word) >= 4 and word not in intents.FUNCTION_WORDS}
        score = [
            _cosine(query.vector, vector) + FIX_BONUS * (query.how and _fixes(section)) + FIX_BONUS * (query.how and _verb(step) in asked)  # "Backfill the gap" for "how do I backfill"
            + FIX_BONUS * (query.who and bool(ESCALATE_SECTION.search(section)))  # "who do I tell?" is answered from Escalate
            + min(MAX_WORD_BONUS, WORD_BONUS * len(content & set(re.findall(r"[a-z]+", step.lower()))))
            for (section, step), vector in zip(steps, vectors, strict=True)
        ]
        return cls(text, [(i, steps[i][1]) for i in sorted(range(len(steps)), key=score.__getitem__, reverse=True)])


def excerpt(steps: Steps, items: int = QUOTED_STEPS) -> str:
    """The runbook's steps that best answer the question, in their own order: whole list items
    (a command on a continuation line stays with the step it belongs to), the fixing sections
    first when the question asks how to do something."""
    if not steps.ranked:
        return steps.text[:300]
    return " ".join(step.rstrip(".") + "." for _, step in sorted(steps.ranked[:items]))


def referral(query: Query, steps: Steps, down: Collection[str] = ()) -> str | None:
    """The runbook that a step quoted for the question hands over to, when that step is the
    how-to question's own action (the best step: "Backfill the gap ... (see
    `rb-pipeline-failure`)" for "how do I backfill ...") or names a component that is down ("`stale: true` means the LLM was
    unavailable ... this is `rb-llm-server-down`" while vllm is down): what is asked lives there.
    A step that only mentions another runbook in passing ("read with care (see
    `rb-anomaly-alerts`)") keeps the question here."""
    for rank, (_, step) in enumerate(steps.ranked[:QUOTED_STEPS]):
        handed = REFERRAL.search(step)
        own_action = rank == 0 and query.how and _verb(step) in re.findall(r"[a-z]+", query.text.lower())
        names_down = any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", step) for name in down)
        if handed and (own_action or names_down):
            return handed.group(1)
    return None


def _steps(text: str) -> list[tuple[str, str]]:
    """(section heading, step) for each list item or paragraph of a markdown runbook; front
    matter and headings left out, continuation lines joined to their item."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    steps: list[tuple[str, list[str]]] = []
    section, current = "", None
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            section, current = stripped.lstrip("# "), None
        elif not stripped:
            current = None
        elif LIST_ITEM.match(line) or current is None:
            current = [LIST_ITEM.sub("", line).strip()]
            steps.append((section, current))
        else:
            current.append(stripped)
    joined = [(heading, " ".join(lines)[:MAX_STEP_CHARS]) for heading, lines in steps]
    return [(heading, step) for heading, step in joined if len(step) > 12]


def _verb(step: str) -> str:
    """A step's action: its first word when an object follows it ("Backfill the gap ...",
    "Restart `vllm`"), not the subject of a condition ("Lag grows steadily ...")."""
    found = re.match(r"\W*([a-z]+)\s+(?:the|a|an|all|every|each|any|its|it|them|this|that|only|both|`)", step.lower())
    return found.group(1) if found else ""


def _fixes(section: str) -> bool:
    return bool(FIX_SECTION.search(section))


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))  # the embedder normalises its vectors

"""Deterministic verdicts on what a product gave: each failure is a short string that starts with
the `expect` key it breaks (`facts: missing 'risk-snapshot'`), so reports group and compare them.

Pure functions of the expectation and an observation the runner gathered, kept apart from the
products so a verdict never depends on how the answer was produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from retrieval.korean import HANGUL, language_of
from services.evaluation.suite import BuilderExpect, ChatOpsExpect, ReportsExpect

OPENING_CHARS = 100  # an answer opens in the suite's language (runbook quotes and error texts after it stay as written)
MIN_KOREAN_SYLLABLES = 5


@dataclass(frozen=True)
class ChatOpsObservation:
    answer: str
    outcome: str
    cited_runbooks: list[str]
    tools_run: list[str]
    state_changes: list[str] = field(default_factory=list)  # mutating tools proposed or run


@dataclass(frozen=True)
class BuilderObservation:
    template: str | None
    params: dict[str, Any]
    validation_errors: list[str]
    retrieved_template: str | None = None  # retrieval's first candidate: what retrieval alone would pick


@dataclass(frozen=True)
class ReportsObservation:
    status: str
    checked_claims: int
    contradicted: int
    claimed_metrics: list[str]
    text: str
    withheld: int = 0  # prose fields left out as degenerate


def verify_chatops(expect: ChatOpsExpect, seen: ChatOpsObservation, lang: str = "en") -> list[str]:
    failures = [f"facts: missing {fact!r}" for fact in expect.facts if fact.lower() not in seen.answer.lower()]
    if (opens := opening_language(seen.answer)) != lang:
        failures.append(f"lang: the answer opens in {opens}, the suite is {lang}")
    if expect.runbook and expect.runbook not in seen.cited_runbooks:
        failures.append(f"runbook: {expect.runbook} not cited (cited: {', '.join(seen.cited_runbooks) or 'none'})")
    failures += [f"tools: {tool} did not run" for tool in expect.tools if tool not in seen.tools_run]
    if expect.outcome and expect.outcome != seen.outcome:
        failures.append(f"outcome: {seen.outcome}, expected {expect.outcome}")
    if not expect.state_change and seen.state_changes:
        failures.append(f"state_change: proposed {', '.join(seen.state_changes)}")
    if expect.state_change and not seen.state_changes:
        failures.append("state_change: none proposed")
    return failures


def opening_language(answer: str) -> str:
    """Korean when the opening has Korean words (an error text or name quoted in it stays
    English and does not make a Korean answer English), else the language of its words."""
    opening = answer[:OPENING_CHARS]
    return "ko" if len(HANGUL.findall(opening)) >= MIN_KOREAN_SYLLABLES else language_of(opening)


def verify_builder(expect: BuilderExpect, seen: BuilderObservation) -> list[str]:
    failures = [f"valid: {error}" for error in seen.validation_errors]
    if seen.template != expect.template:
        failures.append(f"template: {seen.template}, expected {expect.template}")
        return failures  # another template's parameters say nothing about this one's
    for name, wanted in expect.params.items():
        if (problem := _param_problem(name, wanted, seen.params.get(name))) is not None:
            failures.append(f"params: {problem}")
    return failures


def _param_problem(name: str, wanted: Any, actual: Any) -> str | None:
    if actual is None:
        return f"{name} missing"
    if isinstance(wanted, list) and len(wanted) == 2 and all(isinstance(bound, int | float) for bound in wanted):
        low, high = sorted(wanted)
        if not isinstance(actual, int | float) or not low <= actual <= high:
            return f"{name}={actual} outside [{low}, {high}]"
        return None
    return None if actual == wanted else f"{name}={actual}, expected {wanted}"


def verify_reports(expect: ReportsExpect, seen: ReportsObservation) -> list[str]:
    failures = []
    if seen.checked_claims < expect.min_claims:
        failures.append(f"min_claims: {seen.checked_claims} checked, expected >= {expect.min_claims}")
    text = seen.text.lower()
    for metric in expect.mention:
        if metric not in seen.claimed_metrics and metric.replace("_", " ").lower() not in text:
            failures.append(f"mention: {metric} not mentioned")
    if expect.contradicted is not None and seen.contradicted != expect.contradicted:
        failures.append(f"contradicted: {seen.contradicted}, expected {expect.contradicted}")
    if expect.status and seen.status != expect.status:
        failures.append(f"status: {seen.status}, expected {expect.status}")
    return failures


# Counts beside the verdict: what an issue's "done when" is stated in (how often the model's
# template is right next to retrieval's, verified reports with a contradiction, unasked changes).


def counts_chatops(expect: ChatOpsExpect, seen: ChatOpsObservation) -> dict[str, bool]:
    return {"unasked state change": bool(seen.state_changes) and not expect.state_change}


def counts_builder(expect: BuilderExpect, seen: BuilderObservation) -> dict[str, bool]:
    return {
        "template by the model": seen.template == expect.template,
        "template by retrieval alone": seen.retrieved_template == expect.template,
        "invalid draft": bool(seen.validation_errors),
    }


def counts_reports(expect: ReportsExpect, seen: ReportsObservation) -> dict[str, bool]:
    return {
        "verified": seen.status == "verified",
        "verified with a contradiction": seen.status == "verified" and seen.contradicted > 0,
        ">= 4 checked claims": seen.checked_claims >= 4,
        "prose withheld as degenerate": seen.withheld > 0,
    }

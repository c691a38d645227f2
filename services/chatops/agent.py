"""The agent: code gathers the evidence and states the facts; the model chooses and phrases.

1. Survey: every read-only diagnostic the caller may use that needs no arguments runs first
   (0.6-60 ms each), plus the recent runs of a pipeline the question names. The evidence never
   waits on the model's choice of tools (SmolLM2-135M picked one tool for five questions).
2. Findings: code states each result in sentences (`findings.py`) and ranks them for the
   question (`ranking.py`); the best ones lead the answer.
3. Runbook: chosen by the question and the leading problems together; its lines that best
   answer the question are quoted and cited.
4. What to do is read from the question by code (`intents.py`): a state change is proposed,
   awaiting confirmation, only when the question asks for one and a tool the caller may use
   can make it; an escalation only when the question asks for one.
5. One generation chooses among the findings and writes a short answer. Its prose is shown
   after the findings, and only when it says something they do not, in the question's
   language, with most of its words from the evidence (a small model's word salad is left
   out); if the model is down or fails, the answer is the findings alone.

A Korean question is answered in Korean (`phrases.py`): code reads it through its English view
(the glossary's words) to rank findings and name subjects, and states the findings in Korean.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import structlog
from pydantic import BaseModel

from inference.errors import GenerationFailedError, LLMUnavailableError
from retrieval.korean import language_of
from services.chatops import intents
from services.chatops.findings import Finding, findings
from services.chatops.phrases import both, say
from services.chatops.ranking import Embed, Query, Ranked, Steps, cause_first, choose_runbook, excerpt, lead, owned_by, rank_findings, referral, relevant, with_causes
from services.chatops.runbooks import RunbookHit
from services.chatops.steps import MAX_CHOSEN, answer_type
from services.chatops.toolkit import Tool, ToolExecutor, ToolResult
from services.platform.audit import Caller
from services.platform.languages import Lang

log = structlog.get_logger(__name__)
Outcome = Literal["answered", "escalated", "needs_confirmation", "degraded"]
Severity = Literal["sev1", "sev2", "sev3"]
# (prompt variables, output type, seed) -> a validated answer
StepFn = Callable[[dict[str, str], type[BaseModel], int], BaseModel]
Search = Callable[[str], list[RunbookHit]]
Read = Callable[[str], str]  # runbook id -> its whole text
RUNBOOK_MIN_SCORE = 0.3
TOPIC_MIN_SCORE = 0.35  # with no problem, the finding the answer opens with, if this close and its subject touched, says which tool's runbook fits
SHOWN_FINDINGS = 6
MAX_OTHER_PROBLEMS = 3  # problems the question is not about still belong in an ops answer
CACHE_TOOL = "invalidate_cache"
ALERTS_TOOL, SILENCE_TOOL = "alertmanager_alerts", "alertmanager_silence"  # the shipped alertmanager toolset's
SILENCE_DEFAULT_MIN = 60
ON_TOPIC_SHARE = 0.5  # of the model's content words that must occur in the evidence


@dataclass(frozen=True)
class Call:
    result: ToolResult
    source: Literal["survey", "agent"]
    step: int


@dataclass(frozen=True)
class EscalationDraft:
    service: str
    severity: Severity
    summary: str
    by: Literal["agent"]


@dataclass
class AgentRun:
    outcome: Outcome = "answered"
    answer: str = ""
    calls: list[Call] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    runbooks: list[RunbookHit] = field(default_factory=list)  # the candidates, best first
    cited: list[str] = field(default_factory=list)
    escalation: EscalationDraft | None = None
    pending: ToolResult | None = None
    steps: int = 0
    stop_reason: str | None = None
    prose: str = "none"  # what became of the model's sentence: kept, other_language, not_new, off_topic


@dataclass(frozen=True)
class Question:
    text: str
    caller: Caller
    turn_id: str
    tools: list[Tool]  # the ones the caller may use
    components: list[str]
    llm_components: list[str] = field(default_factory=list)  # components that are the LLM server
    oncall: dict[str, str] = field(default_factory=dict)  # component -> its on-call (data/services.yaml)
    history: str = "none"
    seed: int = 0
    lang: Lang = "en"  # the answer's language: the question's
    in_english: str = ""  # the question as code reads it (its glossary view when Korean)

    @property
    def english(self) -> str:
        return self.in_english or self.text


@dataclass(frozen=True)
class Action:
    """What the platform does besides answering, decided by code; `text` tells the user."""

    text: str = ""
    pending: ToolResult | None = None
    escalation: EscalationDraft | None = None


class Agent:
    def __init__(self, executor: ToolExecutor, step: StepFn, search: Search, read: Read, embed: Embed) -> None:
        self.executor = executor
        self.step = step
        self.search = search
        self.read = read
        self.embed = embed

    def run(self, question: Question) -> AgentRun:
        run = AgentRun(calls=self._survey(question))
        asked_owners = owners(question)
        run.findings = findings(c.result for c in run.calls) + asked_owners
        query = Query.of(question.english, self.embed, question.text)
        ranked = rank_findings(query, run.findings, self.embed)
        leading = list(dict.fromkeys([*asked_owners, *cause_first(lead(ranked))]))  # "who" is answered first
        runbook, steps = self._runbook(question, run, query, ranked) or (None, None)
        quoted = say(question.lang, "runbook", id=runbook.id, title=runbook.title, steps=excerpt(steps)) if runbook and steps else ""
        action = self._action(question, run, leading, runbook)
        run.calls += [Call(action.pending, "agent", 0)] if action.pending else []
        run.pending, run.escalation = action.pending, action.escalation
        run.outcome = "escalated" if action.escalation else "needs_confirmation" if action.pending else "answered"
        chosen, phrase = self._choose(question, run, [r.finding for r in ranked[:SHOWN_FINDINGS]], quoted, action.text)
        run.answer = compose(run, leading, chosen, phrase, action.text, quoted, question.lang)
        log.info("chatops.agent", turn_id=question.turn_id, outcome=run.outcome, calls=len(run.calls), findings=len(run.findings), stop=run.stop_reason, prose=run.prose)
        return run

    def _runbook(self, question: Question, run: AgentRun, query: Query, ranked: list[Ranked]) -> tuple[RunbookHit, Steps] | None:
        """The runbook to cite, with its steps ranked for the question: chosen by the question
        and its most basic problem; the runbook of a down component behind the problems asked
        about, or of the component a change is asked for; then the one its quoted steps hand over
        to. None when nothing names one and the best match is too weak to quote as the procedure."""
        run.runbooks = self.search(question.english)  # the index would read a Korean question the same way
        problems = with_causes([f for f in relevant(query, ranked) if f.problem], run.findings)
        by_problems = self.search(" ".join(f.text for f in problems)) if problems else []
        opening = ranked[0] if ranked else None
        touched = opening is not None and opening.score >= TOPIC_MIN_SCORE and intents.touched(query.text, opening.finding.subject)
        topic = problems[0] if problems else opening.finding if touched and opening else None
        runbook = choose_runbook(run.runbooks, by_problems, topic)
        if runbook is not None and max(hit.score for hit in [*run.runbooks, *by_problems] if hit.id == runbook.id) < RUNBOOK_MIN_SCORE:
            runbook = None  # too weak a match both for the question and for what is wrong
        if problems and problems[0].down and not query.how:
            runbook = owned_by([*run.runbooks, *by_problems], problems[0]) or runbook  # the cause is what to fix
        if intents.asks_for_change(question.text) and (target := _cache_named(question, run)):
            runbook = next((hit for hit in run.runbooks if hit.services[:1] == [target]), runbook)  # the changed component's own runbook
        if runbook is None:
            return None
        steps = self._steps(query, runbook)
        handed = referral(query, steps, [f.subject for f in run.findings if f.down])
        if (taker := next((hit for hit in [*run.runbooks, *by_problems] if hit.id == handed), None)) is not None:
            runbook, steps = taker, self._steps(query, taker)
        run.cited = [runbook.id]
        if runbook.id not in {h.id for h in run.runbooks}:
            run.runbooks.append(runbook)
        return runbook, steps

    def _steps(self, query: Query, runbook: RunbookHit) -> Steps:
        return Steps.of(query, self.read(runbook.id) or runbook.text, self.embed)

    def _survey(self, question: Question) -> list[Call]:
        """The read-only, argument-free diagnostics, then the recent runs of a pipeline the
        question names or touches ("ingest" of `market-data-ingest`: an earlier failure shows)."""
        calls = [
            Call(self.executor.execute(question.caller, tool.name, {}, turn_id=question.turn_id), "survey", 0)
            for tool in question.tools
            if not tool.mutating and _no_required_args(tool)
        ]
        pipelines = {run["pipeline"] for c in calls if c.result.tool == "pipeline_status" and c.result.status == "ok" for run in c.result.data}
        for name in sorted(p for p in pipelines if intents.named(question.english, p) or intents.touched(question.english, p)):
            result = self.executor.execute(question.caller, "pipeline_status", {"pipeline": name, "limit": 5}, turn_id=question.turn_id)
            calls.append(Call(result, "survey", 0))
        return calls

    def _action(self, question: Question, run: AgentRun, leading: list[Finding], runbook: RunbookHit | None) -> Action:
        if intents.asks_for_change(question.text):
            return self._change(question, run)
        if intents.asks_to_escalate(question.text):
            problems = [f.subject for f in run.findings if f.problem and f.subject in question.components]
            owners = [s for s in (runbook.services if runbook else []) if s in question.components]
            service = next(iter(problems + owners + question.components))
            severity: Severity = "sev2" if problems else "sev3"
            summary = f"{question.text[:150]} | {' '.join(f.text for f in leading)[:140]}"
            return Action(say(question.lang, "escalated", service=service, severity=severity), escalation=EscalationDraft(service, severity, summary, "agent"))
        return Action()

    def _change(self, question: Question, run: AgentRun) -> Action:
        """Propose the state change a tool can make (invalidating a cache, silencing an alert), or say why not."""
        if intents.asks_to_silence(question.text):
            return self._silence(question, run)
        lang = question.lang
        target = _cache_named(question, run)
        if target is None:
            return Action(say(lang, "no_tool_for_change"))
        if CACHE_TOOL not in {t.name for t in question.tools}:
            return Action(say(lang, "needs_operator", cache=target))
        down = [f.subject for f in run.findings if f.problem and f.subject in question.llm_components]
        if target == "reports" and down:
            return Action(say(lang, "cache_kept_llm_down", down=down[0]))
        known = {f.subject for f in run.findings}
        key = next((i for i in intents.identifiers(question.text) if i not in known), None) if target == "reports" else None
        arguments: dict[str, Any] = {"cache": target} | ({"key": key} if key else {})
        result = self.executor.execute(question.caller, CACHE_TOOL, arguments, turn_id=question.turn_id)
        if result.status != "needs_confirmation":
            return Action(say(lang, "could_not_prepare", cache=target, summary=result.summary))
        scope = say(lang, "scope_key", key=key) if key else say(lang, "scope_all")
        return Action(say(lang, "prepared", tool=CACHE_TOOL, scope=scope, cache=target), pending=result)

    def _silence(self, question: Question, run: AgentRun) -> Action:
        """A silence of the firing alert the question names (the only one firing, if it names
        none), for the duration it gives; it waits for an operator's confirmation."""
        lang = question.lang
        firing = sorted({f.subject for f in run.findings if f.tool == ALERTS_TOOL and f.problem}, key=len, reverse=True)
        named = [name for name in firing if intents.named(question.english, name)]
        target = named[0] if named else firing[0] if len(firing) == 1 else None
        if target is None:
            return Action(say(lang, "no_alert_to_silence", firing=", ".join(firing) or "none"))
        if SILENCE_TOOL not in {t.name for t in question.tools}:
            return Action(say(lang, "silence_needs_operator", alertname=target))
        minutes = min(max(intents.duration_minutes(question.text) or SILENCE_DEFAULT_MIN, 5), 1440)
        comment = " ".join(f"ChatOps, asked by {question.caller.name}: {question.text}".split())[:200]
        result = self.executor.execute(question.caller, SILENCE_TOOL, {"alertname": target, "minutes": minutes, "comment": comment}, turn_id=question.turn_id)
        if result.status != "needs_confirmation":
            return Action(say(lang, "could_not_silence", alertname=target, summary=result.summary))
        return Action(say(lang, "silence_prepared", tool=SILENCE_TOOL, alertname=target, minutes=minutes), pending=result)

    def _choose(self, question: Question, run: AgentRun, shown: list[Finding], runbook: str, action: str) -> tuple[list[Finding], str | None]:
        """The model's one generation: the findings it leads with and its short answer."""
        ids = [f"f{n}" for n in range(1, len(shown) + 1)]
        variables = {
            "question": question.text,
            "history": question.history,
            "findings": "\n".join(f"{i}: {f.text}" for i, f in zip(ids, shown, strict=True)) or "none",
            "runbook": runbook or "none found",
            "action": action or "answer only",
        }
        try:
            answer = self.step(variables, answer_type(ids), question.seed)
        except LLMUnavailableError as exc:
            run.stop_reason = f"language model unavailable: {exc}"
            run.outcome = run.outcome if run.outcome != "answered" else "degraded"
            return [], None
        except GenerationFailedError as exc:
            run.stop_reason = f"the model gave no valid answer: {exc}"
            log.warning("chatops.generation_failed", turn_id=question.turn_id, error=str(exc))
            return [], None
        run.steps = 1
        by_id = dict(zip(ids, shown, strict=True))
        return [by_id[i] for i in getattr(answer, "findings", [])], answer.answer  # type: ignore[attr-defined]


def compose(run: AgentRun, leading: list[Finding], chosen: list[Finding], phrase: str | None, action: str, quoted: str, lang: Lang = "en") -> str:
    """The answer, in ``lang``: the leading findings and the model's picks, its sentence if it
    says something new in that language, what was done, the other problems of the moment, and
    the runbook's steps."""
    opening = list(dict.fromkeys([*leading, *chosen]))[: len(leading) + MAX_CHOSEN]
    parts = [f.said(lang) for f in opening]
    if phrase:
        evidence = " ".join([*(f.said(lang) for f in run.findings), action, quoted])
        run.prose = (
            "other_language" if language_of(phrase) != lang else "not_new" if not _says_something_new(phrase, parts)
            else "off_topic" if lang == "en" and not _on_topic(phrase, evidence) else "kept"
        )
        parts += [phrase.strip()] if run.prose == "kept" else []
    others = [f.said(lang) for f in run.findings if f.problem and f not in opening][:MAX_OTHER_PROBLEMS]
    also = say(lang, "also_wrong", problems=" ".join(others)) if others else ""
    answer = " ".join(p for p in [*parts, action, also, quoted] if p)
    return say(lang, "degraded", answer=answer) if run.outcome == "degraded" else answer


def owners(question: Question) -> list[Finding]:
    """Who is on call for each component the question names, when it asks who ("Who gets paged
    for the database?")."""
    if not intents.asks_who(question.text):
        return []
    return [
        Finding.stated("components", name, both("oncall", name=name, team=team), False)
        for name, team in sorted(question.oncall.items())
        if intents.named(question.english, name)
    ]


def _no_required_args(tool: Tool) -> bool:
    return not any(f.is_required() for f in tool.arguments.model_fields.values())


def _on_topic(phrase: str, evidence: str) -> bool:
    """Most of its content words (4+ letters, not function words) occur in what was found, done
    or quoted: word salad from a small model ("amalg dalinks sellommy humour ...") does not.
    English only: a Korean word's endings vary too much for an exact match."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", phrase.lower()) if w not in intents.FUNCTION_WORDS]
    if not words:
        return False
    known = set(re.findall(r"[^\W\d_]{4,}", evidence.lower()))
    return sum(w in known for w in words) >= ON_TOPIC_SHARE * len(words)


def _says_something_new(phrase: str, parts: list[str]) -> bool:
    """Not empty, not a copy of a finding, not one sentence said twice: a small model's prose
    that fails this is left out, and the findings stand alone."""
    words = re.findall(r"\w+", phrase.lower())
    if len(words) < 3:
        return False
    sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", phrase) if s.strip()]
    if len(set(sentences)) < len(sentences):
        return False
    said = " ".join(parts).lower()
    return " ".join(words) not in " ".join(re.findall(r"\w+", said))


def _cache_named(question: Question, run: AgentRun) -> str | None:
    """The cache the question names (the longest name first: `strategy-catalogue-index` before `index`)."""
    caches = sorted({f.subject for f in run.findings if f.tool == "cache_status"}, key=len, reverse=True)
    return next((name for name in caches if intents.named(question.english, name)), None)

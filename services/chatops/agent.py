"""The agent loop: runbook diagnostics first, then constrained steps until it answers.

1. The runbooks retrieved for the question go into the prompt; the best one's declared
   diagnostic tools (read-only ones the caller may use) run first, so the evidence never
   depends on the model remembering to look.
2. Each further step is one constrained generation over `steps.step_type`: a permitted tool
   call, `final_answer` or `escalate`. Steps are bounded, a repeated identical call stops the
   loop, and a wall-clock budget is checked before every generation.
3. A state-changing call is not run: it ends the turn as an action awaiting confirmation.
4. If the loop cannot conclude (budget spent, repeated call, no valid step), the agent
   escalates with the evidence instead of guessing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import structlog
from pydantic import BaseModel

from inference.errors import GenerationFailedError, LLMUnavailableError
from services.chatops.runbooks import RunbookHit
from services.chatops.steps import Severity, step_type
from services.chatops.toolkit import Tool, ToolExecutor, ToolResult
from services.platform.audit import Caller

log = structlog.get_logger(__name__)
Outcome = Literal["answered", "escalated", "needs_confirmation", "degraded"]
# (messages variables, output type, seed) -> a validated step
StepFn = Callable[[dict[str, str], type[BaseModel], int], BaseModel]
RUNBOOK_MIN_SCORE = 0.3
EVIDENCE_CHARS = 400


@dataclass(frozen=True)
class Limits:
    max_steps: int = 4
    wall_clock_s: float = 90.0


@dataclass(frozen=True)
class Call:
    result: ToolResult
    source: Literal["runbook", "agent"]
    step: int


@dataclass(frozen=True)
class EscalationDraft:
    service: str
    severity: Severity
    summary: str
    by: Literal["agent", "policy"]


@dataclass
class AgentRun:
    outcome: Outcome = "answered"
    answer: str = ""
    calls: list[Call] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    escalation: EscalationDraft | None = None
    pending: ToolResult | None = None
    steps: int = 0
    stop_reason: str | None = None


@dataclass(frozen=True)
class Question:
    text: str
    caller: Caller
    turn_id: str
    tools: list[Tool]
    runbooks: list[RunbookHit]
    components: list[str]
    history: str = "none"
    seed: int = 0


class Agent:
    def __init__(self, executor: ToolExecutor, step: StepFn, limits: Limits = Limits()) -> None:
        self.executor = executor
        self.step = step
        self.limits = limits

    def run(self, question: Question) -> AgentRun:
        started = time.monotonic()
        run = AgentRun()
        seen: set[str] = set()
        for tool in self._runbook_tools(question):
            result = self.executor.execute(question.caller, tool.name, {}, turn_id=question.turn_id)
            run.calls.append(Call(result, "runbook", 0))
            seen.add(_key(tool.name, result.arguments))
        try:
            self._loop(question, run, seen, started)
        except LLMUnavailableError as exc:
            run.outcome, run.stop_reason = "degraded", f"language model unavailable: {exc}"
            run.answer = "The language model is unavailable, so this is the raw evidence. " + _evidence_text(run.calls)
        log.info("chatops.agent", turn_id=question.turn_id, outcome=run.outcome, steps=run.steps, calls=len(run.calls), stop=run.stop_reason)
        return run

    def _loop(self, question: Question, run: AgentRun, seen: set[str], started: float) -> None:
        for number in range(1, self.limits.max_steps + 1):
            if time.monotonic() - started > self.limits.wall_clock_s:
                return self._give_up(question, run, f"wall-clock budget of {self.limits.wall_clock_s:g} s spent")
            step = self._generate(question, run, question.tools, number)
            if step is None:
                return self._give_up(question, run, "the model gave no valid step")
            run.steps = number
            if _conclude(run, step):
                return None
            action = step.action
            arguments = step.arguments.model_dump(mode="json")
            if _key(action, arguments) in seen:
                run.stop_reason = f"repeated call {action}({json.dumps(arguments, sort_keys=True)}) stopped"
                return self._finish(question, run, number)
            seen.add(_key(action, arguments))
            result = self.executor.execute(question.caller, action, arguments, turn_id=question.turn_id)
            run.calls.append(Call(result, "agent", number))
            if result.status == "needs_confirmation":
                run.outcome, run.pending = "needs_confirmation", result
                run.answer = f"{action} changes state, so it was not run. An operator can confirm it."
                return None
        run.stop_reason = f"step limit of {self.limits.max_steps} reached"
        return self._finish(question, run, self.limits.max_steps + 1)

    def _finish(self, question: Question, run: AgentRun, number: int) -> None:
        """One last step that can only answer or escalate."""
        step = self._generate(question, run, [], number)
        if step is None:
            return self._give_up(question, run, run.stop_reason or "no final step")
        run.steps = number
        _conclude(run, step)
        return None

    def _give_up(self, question: Question, run: AgentRun, reason: str) -> None:
        """Escalate with the evidence rather than answer without a conclusion."""
        run.stop_reason = reason
        service = next((s for hit in question.runbooks for s in hit.services if s in question.components), question.components[0])
        failing = [c.result for c in run.calls if c.result.status != "ok"]
        run.outcome = "escalated"
        run.escalation = EscalationDraft(
            service, "sev2" if failing else "sev3", f"Agent could not conclude ({reason}) on: {question.text[:150]}", "policy"
        )
        run.answer = f"I could not reach a conclusion ({reason}), so this went to the {service} on-call with the evidence. " + _evidence_text(run.calls)
        return None

    def _generate(self, question: Question, run: AgentRun, tools: list[Tool], number: int) -> Any:
        output_type = step_type(tools, [hit.id for hit in question.runbooks], question.components)
        variables = {
            "question": question.text,
            "history": question.history,
            "runbooks": "\n".join(f"- {h.id}: {h.title} [{h.section}] {h.text[:500]}" for h in question.runbooks) or "none found",
            "tools": "\n".join(f"- {t.name}: {t.description}" for t in tools) or "none (answer or escalate now)",
            "evidence": _evidence_text(run.calls) or "none yet",
            "steps_left": str(max(self.limits.max_steps - number + 1, 1)),
        }
        try:
            return self.step(variables, output_type, question.seed + number).step  # type: ignore[attr-defined]
        except GenerationFailedError as exc:
            log.warning("chatops.step_failed", turn_id=question.turn_id, step=number, error=str(exc))
            return None

    def _runbook_tools(self, question: Question) -> list[Tool]:
        """The best runbook's declared tools that run without arguments and change nothing."""
        if not question.runbooks or question.runbooks[0].score < RUNBOOK_MIN_SCORE:
            return []
        permitted = {tool.name: tool for tool in question.tools if not tool.mutating}
        return [permitted[name] for name in question.runbooks[0].tools if name in permitted and _no_required_args(permitted[name])]


def _conclude(run: AgentRun, step: Any) -> bool:
    """Apply a `final_answer` or `escalate` step; False for a tool call."""
    if step.action == "final_answer":
        run.answer, run.cited = step.answer, list(dict.fromkeys(getattr(step, "cited_runbooks", [])))
        return True
    if step.action == "escalate":
        run.outcome = "escalated"
        run.escalation = EscalationDraft(step.service, step.severity, step.summary, "agent")
        run.answer = f"Escalated to the {step.service} on-call ({step.severity}): {step.summary}"
        return True
    return False


def _no_required_args(tool: Tool) -> bool:
    return not any(f.is_required() for f in tool.arguments.model_fields.values())


def _key(tool: str, arguments: dict[str, Any]) -> str:
    return f"{tool}:{json.dumps(arguments, sort_keys=True)}"


def _evidence_text(calls: list[Call]) -> str:
    return " ".join(f"[{c.result.tool} {c.result.status}] {c.result.summary[:EVIDENCE_CHARS]}" for c in calls)

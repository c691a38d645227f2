"""The agent loop's own logic, with a scripted model and a fake executor (no vLLM).

The step function validates scripted dicts against the real step type that `steps.step_type`
builds for each generation, so a script step the schema would forbid fails the test.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from inference.errors import GenerationFailedError, LLMUnavailableError
from services.chatops import agent
from services.chatops.agent import Agent, Limits, Question
from services.chatops.runbooks import RunbookHit
from services.chatops.toolkit import Tool, ToolOutput, ToolResult
from services.platform.audit import Caller
from services.platform.permissions import Permission

VIEWER = Caller(name="viewer-user", role="viewer", request_id="req-1")
COMPONENTS = ["database", "market-data", "pipelines"]


class ProbeArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbose: bool = False


class LookupArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


class FlushArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    target: str = "all"


def _never(_: Any) -> ToolOutput:
    raise AssertionError("the fake executor never runs tools")


PROBE = Tool("probe", "Probe the service.", ProbeArgs, Permission.chatops_ask, _never)
HEALTH = Tool("health", "Health of everything.", ProbeArgs, Permission.chatops_ask, _never)
LOOKUP = Tool("lookup", "Look one thing up.", LookupArgs, Permission.chatops_ask, _never)
FLUSH = Tool("flush", "Flush a cache (changes state).", FlushArgs, Permission.chatops_operate, _never, mutating=True)
SECRET = Tool("secret_tool", "Only for admins.", ProbeArgs, Permission.users_manage, _never)
TOOLS = [PROBE, HEALTH, LOOKUP, FLUSH]


class FakeExecutor:
    """Records every call; returns ok (or the status/summary configured per tool), and
    `needs_confirmation` for an unconfirmed mutating tool, like the real executor."""

    def __init__(self, tools: list[Tool], statuses: dict[str, str] | None = None) -> None:
        self.tools = {tool.name: tool for tool in tools}
        self.statuses = statuses or {}
        self.calls: list[dict[str, Any]] = []

    def execute(self, caller: Caller, name: str, arguments: dict[str, Any], *, confirmed: bool = False, turn_id: str | None = None) -> ToolResult:
        self.calls.append({"caller": caller, "name": name, "arguments": arguments, "confirmed": confirmed, "turn_id": turn_id})
        tool = self.tools[name]
        parsed = tool.arguments.model_validate(arguments).model_dump(mode="json")
        if tool.mutating and not confirmed:
            status, summary = "needs_confirmation", f"{name} changes state; an operator must confirm it"
        else:
            status = self.statuses.get(name, "ok")
            summary = f"{name} says {status} for {parsed}"
        return ToolResult(tool=name, arguments=parsed, status=status, summary=summary, latency_ms=1.0)  # type: ignore[arg-type]


class Script:
    """The model: each generation returns the next scripted step (or raises the scripted error),
    validated by the output type the agent asked for."""

    def __init__(self, *steps: dict[str, Any] | Exception) -> None:
        self.steps = list(steps)
        self.calls: list[tuple[dict[str, str], type[BaseModel], int]] = []

    def __call__(self, variables: dict[str, str], output_type: type[BaseModel], seed: int) -> BaseModel:
        self.calls.append((variables, output_type, seed))
        assert self.steps, "the agent asked for more steps than scripted"
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        return output_type.model_validate({"step": step})

    def branches(self, index: int) -> set[str]:
        """The actions the schema of generation ``index`` allows."""
        schema = self.calls[index][1].model_json_schema()
        return set(schema["properties"]["step"]["discriminator"]["mapping"])


def hit(score: float = 0.8, tools: list[str] | None = None, services: list[str] | None = None, id: str = "rb-probe") -> RunbookHit:
    return RunbookHit(
        id=id, title="Probe the thing", score=score, section="Symptoms", text="When the thing is slow, probe it.",
        tools=tools if tools is not None else [], services=services if services is not None else ["market-data"],
    )


def question(*, tools: list[Tool] = TOOLS, runbooks: list[RunbookHit] | None = None, text: str = "Why is the thing slow?") -> Question:
    return Question(text=text, caller=VIEWER, turn_id="turn-1", tools=tools, runbooks=runbooks or [], components=COMPONENTS, seed=100)


def final(answer: str = "It is fine.", cited: list[str] | None = None) -> dict[str, Any]:
    step: dict[str, Any] = {"action": "final_answer", "answer": answer}
    if cited is not None:
        step["cited_runbooks"] = cited
    return step


def call(tool: str, /, **arguments: Any) -> dict[str, Any]:
    return {"action": tool, "arguments": arguments}


def build(script: Script, executor: FakeExecutor | None = None, limits: Limits = Limits()) -> tuple[Agent, FakeExecutor]:
    executor = executor or FakeExecutor(TOOLS + [SECRET])
    return Agent(executor, script, limits), executor  # type: ignore[arg-type]


# --- concluding ---------------------------------------------------------------------------------


def test_final_answer_on_first_step() -> None:
    """A first-step final_answer is the answer; cited runbooks are kept (once each)."""
    script = Script(final("The feed is stale.", cited=["rb-probe", "rb-probe"]))
    bot, executor = build(script)
    run = bot.run(question(runbooks=[hit(score=0.1)]))
    assert (run.outcome, run.answer, run.cited, run.steps, run.stop_reason) == ("answered", "The feed is stale.", ["rb-probe"], 1, None)
    assert run.escalation is None and run.pending is None and run.calls == [] and executor.calls == []
    variables, _, seed = script.calls[0]
    assert variables["question"] == "Why is the thing slow?" and "rb-probe: Probe the thing [Symptoms]" in variables["runbooks"]
    assert variables["evidence"] == "none yet" and variables["steps_left"] == "4" and seed == 101


def test_cited_runbooks_are_limited_to_the_retrieved_ones() -> None:
    """The schema's citation enum holds only retrieved runbook ids: an invented one is rejected."""
    script = Script(final("x", cited=["rb-invented"]))
    bot, _ = build(script)
    with pytest.raises(Exception, match="rb-probe"):
        bot.run(question(runbooks=[hit(score=0.1)]))


def test_tool_call_then_answer_passes_the_evidence_on() -> None:
    """A tool call's result is in the next step's evidence, and the call is recorded as the agent's."""
    script = Script(call("lookup", name="kpi-rollup"), final("kpi-rollup failed."))
    bot, executor = build(script)
    run = bot.run(question())
    assert run.outcome == "answered" and run.answer == "kpi-rollup failed." and run.steps == 2
    assert [(c.result.tool, c.source, c.step) for c in run.calls] == [("lookup", "agent", 1)]
    assert executor.calls == [{"caller": VIEWER, "name": "lookup", "arguments": {"name": "kpi-rollup"}, "confirmed": False, "turn_id": "turn-1"}]
    evidence = script.calls[1][0]["evidence"]
    assert evidence.startswith("[lookup ok]") and "kpi-rollup" in evidence
    assert script.calls[1][0]["steps_left"] == "3" and script.calls[1][2] == 102


def test_model_escalation_is_by_the_agent() -> None:
    """The `escalate` branch ends the turn with the model's service, severity and summary."""
    script = Script({"action": "escalate", "service": "database", "severity": "sev1", "summary": "DB is down."})
    bot, _ = build(script)
    run = bot.run(question())
    assert run.outcome == "escalated" and run.escalation is not None
    assert (run.escalation.service, run.escalation.severity, run.escalation.summary, run.escalation.by) == ("database", "sev1", "DB is down.", "agent")
    assert "database" in run.answer and "sev1" in run.answer


def test_escalation_targets_only_known_components() -> None:
    """The escalate branch's service is an enum of the components: an unknown one is rejected."""
    script = Script({"action": "escalate", "service": "nonexistent", "severity": "sev1", "summary": "?"})
    bot, _ = build(script)
    with pytest.raises(Exception, match="market-data"):
        bot.run(question())


# --- stopping -----------------------------------------------------------------------------------


def test_repeated_identical_call_is_stopped_and_the_last_step_can_only_conclude() -> None:
    """The second identical call is not run; one final step whose schema has no tool branches follows."""
    script = Script(call("lookup", name="a"), call("lookup", name="a"), final("Done looking."))
    bot, executor = build(script)
    run = bot.run(question())
    assert [c["name"] for c in executor.calls] == ["lookup"]
    assert run.outcome == "answered" and run.answer == "Done looking."
    assert "repeated" in (run.stop_reason or "") and "lookup" in (run.stop_reason or "")
    assert script.branches(0) == {"probe", "health", "lookup", "flush", "final_answer", "escalate"}
    assert script.branches(2) == {"final_answer", "escalate"}
    assert script.calls[2][0]["tools"].startswith("none")


def test_same_tool_with_other_arguments_is_not_a_repeat() -> None:
    """Only an identical (tool, arguments) pair counts as a repeat."""
    script = Script(call("lookup", name="a"), call("lookup", name="b"), final("Both looked up."))
    bot, executor = build(script)
    run = bot.run(question())
    assert [c["arguments"] for c in executor.calls] == [{"name": "a"}, {"name": "b"}] and run.stop_reason is None


def test_repeat_of_a_runbook_diagnostic_is_stopped() -> None:
    """A model call identical to a pre-flight runbook call (defaults filled in) is a repeat."""
    script = Script(call("probe", verbose=False), final("Seen it.", cited=[]))
    bot, executor = build(script)
    run = bot.run(question(runbooks=[hit(tools=["probe"])]))
    assert [c["name"] for c in executor.calls] == ["probe"] and "repeated" in (run.stop_reason or "")
    assert script.branches(1) == {"final_answer", "escalate"}


def test_step_limit_forces_a_final_step() -> None:
    """After max_steps tool calls, one more generation without tools must conclude."""
    script = Script(call("lookup", name="a"), call("lookup", name="b"), final("Out of steps."))
    bot, executor = build(script, limits=Limits(max_steps=2))
    run = bot.run(question())
    assert len(executor.calls) == 2 and run.outcome == "answered" and run.answer == "Out of steps."
    assert run.stop_reason == "step limit of 2 reached" and len(script.calls) == 3
    assert script.branches(2) == {"final_answer", "escalate"} and script.calls[2][0]["steps_left"] == "1"


def test_forced_final_step_may_escalate() -> None:
    """The forced last step keeps the escalate branch."""
    script = Script(call("lookup", name="a"), {"action": "escalate", "service": "pipelines", "severity": "sev3", "summary": "unsure"})
    bot, _ = build(script, limits=Limits(max_steps=1))
    run = bot.run(question())
    assert run.outcome == "escalated" and run.escalation is not None and run.escalation.by == "agent"


def test_zero_wall_clock_budget_escalates_by_policy_with_the_evidence() -> None:
    """With no time left the model is never asked: a policy escalation to the top runbook's
    component carries the pre-flight evidence."""
    script = Script()
    bot, executor = build(script, limits=Limits(wall_clock_s=0))
    run = bot.run(question(runbooks=[hit(tools=["probe"], services=["not-a-component", "market-data"])]))
    assert script.calls == [] and [c["name"] for c in executor.calls] == ["probe"]
    assert run.outcome == "escalated" and run.escalation is not None
    assert (run.escalation.by, run.escalation.service, run.escalation.severity) == ("policy", "market-data", "sev3")
    assert "wall-clock" in (run.stop_reason or "") and "[probe ok]" in run.answer and "market-data" in run.answer
    assert "Why is the thing slow?" in run.escalation.summary


def test_budget_is_checked_before_every_generation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Time spent on step 1 counts: the budget running out before step 2 escalates by policy.
    Without runbooks the first component gets it; a failing tool makes it sev2."""
    clock = iter([0.0, 0.0, 100.0])  # start, check before step 1, check before step 2
    monkeypatch.setattr(agent, "time", SimpleNamespace(monotonic=lambda: next(clock)))
    script = Script(call("lookup", name="a"))
    executor = FakeExecutor(TOOLS, statuses={"lookup": "error"})
    bot, _ = build(script, executor, Limits(wall_clock_s=10))
    run = bot.run(question())
    assert len(script.calls) == 1 and run.outcome == "escalated" and run.escalation is not None
    assert (run.escalation.service, run.escalation.severity, run.escalation.by) == ("database", "sev2", "policy")
    assert "[lookup error]" in run.answer


def test_generation_failure_escalates_by_policy() -> None:
    """When the model never produces a valid step, the agent escalates instead of guessing."""
    script = Script(GenerationFailedError("no valid step", attempts=3, last_reason="schema mismatch"))
    bot, _ = build(script)
    run = bot.run(question(runbooks=[hit(score=0.1, services=["pipelines"])]))
    assert run.outcome == "escalated" and run.escalation is not None
    assert (run.escalation.by, run.escalation.service) == ("policy", "pipelines")
    assert run.stop_reason == "the model gave no valid step"


def test_generation_failure_in_the_forced_step_escalates_with_the_stop_reason() -> None:
    """A failed forced final step escalates, keeping why the loop stopped."""
    script = Script(call("lookup", name="a"), GenerationFailedError("bad", attempts=2, last_reason="x"))
    bot, _ = build(script, limits=Limits(max_steps=1))
    run = bot.run(question())
    assert run.outcome == "escalated" and run.escalation is not None and run.escalation.by == "policy"
    assert run.stop_reason == "step limit of 1 reached" and "[lookup ok]" in run.answer


def test_llm_unavailable_degrades_to_the_runbook_evidence() -> None:
    """With the model down the turn still answers: the raw evidence of the runbook tools."""
    script = Script(LLMUnavailableError("all endpoints refused"))
    bot, _ = build(script)
    run = bot.run(question(runbooks=[hit(tools=["probe", "health"])]))
    assert run.outcome == "degraded" and run.escalation is None
    assert "language model is unavailable" in run.answer and "[probe ok]" in run.answer and "[health ok]" in run.answer
    assert "all endpoints refused" in (run.stop_reason or "")


# --- state-changing calls -----------------------------------------------------------------------


def test_mutating_call_ends_the_turn_awaiting_confirmation() -> None:
    """A state-changing call is handed to the executor unconfirmed and ends the turn pending."""
    script = Script(call("flush", target="reports"))
    bot, executor = build(script)
    run = bot.run(question())
    assert run.outcome == "needs_confirmation" and run.pending is not None and run.pending.tool == "flush"
    assert executor.calls == [{"caller": VIEWER, "name": "flush", "arguments": {"target": "reports"}, "confirmed": False, "turn_id": "turn-1"}]
    assert len(script.calls) == 1 and "flush" in run.answer and "confirm" in run.answer


# --- runbook pre-flight -------------------------------------------------------------------------


def test_runbook_preflight_runs_only_safe_no_argument_permitted_tools() -> None:
    """The top runbook's declared tools run first (source "runbook", step 0, no arguments) if
    they need no arguments, change nothing and are given to the caller."""
    script = Script(final("Checked.", cited=["rb-other"]))
    bot, executor = build(script)
    runbook = hit(tools=["health", "lookup", "flush", "secret_tool", "not_a_tool", "probe"])
    run = bot.run(question(tools=[PROBE, HEALTH, LOOKUP, FLUSH], runbooks=[runbook, hit(id="rb-other", tools=["lookup"])]))
    assert [(c["name"], c["arguments"], c["confirmed"], c["turn_id"]) for c in executor.calls] == [("health", {}, False, "turn-1"), ("probe", {}, False, "turn-1")]
    assert [(c.result.tool, c.source, c.step) for c in run.calls] == [("health", "runbook", 0), ("probe", "runbook", 0)]
    evidence = script.calls[0][0]["evidence"]
    assert evidence.startswith("[health ok]") and "[probe ok]" in evidence


@pytest.mark.parametrize(("score", "runs"), [(agent.RUNBOOK_MIN_SCORE - 0.01, False), (agent.RUNBOOK_MIN_SCORE, True)])
def test_runbook_preflight_needs_a_good_enough_match(score: float, runs: bool) -> None:
    """A weakly matching top runbook runs nothing; at the threshold it does."""
    script = Script(final("ok", cited=[]))
    bot, executor = build(script)
    bot.run(question(runbooks=[hit(score=score, tools=["probe"])]))
    assert [c["name"] for c in executor.calls] == (["probe"] if runs else [])


def test_runbook_preflight_uses_only_the_top_runbook() -> None:
    """A lower-ranked runbook's tools do not run, however well it scores."""
    script = Script(final("ok", cited=[]))
    bot, executor = build(script)
    bot.run(question(runbooks=[hit(score=0.2, tools=[]), hit(id="rb-two", score=0.9, tools=["probe"])]))
    assert executor.calls == []


# --- the step schema ----------------------------------------------------------------------------


def test_tools_not_given_to_the_caller_are_not_in_the_step_schema() -> None:
    """Only Question.tools become branches: the model cannot even express another tool."""
    script = Script(final("ok"))
    bot, _ = build(script)
    bot.run(question(tools=[PROBE]))
    schema = script.calls[0][1].model_json_schema()
    assert script.branches(0) == {"probe", "final_answer", "escalate"}
    assert "call_lookup" not in schema["$defs"] and "call_flush" not in schema["$defs"] and "call_secret_tool" not in schema["$defs"]
    assert "lookup" not in script.calls[0][0]["tools"] and "- probe: Probe the service." in script.calls[0][0]["tools"]


def test_a_step_for_a_tool_not_given_is_rejected_by_the_schema() -> None:
    """Validating a call to an absent tool fails; it never reaches the executor."""
    script = Script(call("lookup", name="a"))
    bot, executor = build(script)
    with pytest.raises(Exception, match="does not match any of the expected tags|union_tag_invalid|lookup"):
        bot.run(question(tools=[PROBE]))
    assert executor.calls == []


def test_tool_arguments_are_strict_in_the_step_schema() -> None:
    """A tool's argument model (extra="forbid") is enforced: an invented key is rejected."""
    script = Script(call("probe", verbose=True, rm_rf=True))
    bot, executor = build(script)
    with pytest.raises(Exception, match="rm_rf"):
        bot.run(question())
    assert executor.calls == []


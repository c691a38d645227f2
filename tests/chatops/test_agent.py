"""The agent's own logic with a scripted model, a fake executor and a bag-of-words embedder
(no vLLM): code surveys, states and ranks the findings, picks the runbook and decides any
action; the model only chooses findings and phrases."""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from inference.errors import GenerationFailedError, LLMUnavailableError
from retrieval.korean import korean_view, language_of
from services.chatops.agent import Agent, Question
from services.chatops.runbooks import RunbookHit
from services.chatops.toolkit import Tool, ToolOutput, ToolResult
from services.platform.audit import Caller
from services.platform.permissions import Permission
from services.platform.settings import REPO_ROOT

OPERATOR = Caller(name="op-user", role="operator", request_id="req-1")
VIEWER = Caller(name="viewer-user", role="viewer", request_id="req-2")
COMPONENTS = ["database", "market-data", "vllm"]
VIEW = korean_view(REPO_ROOT / "data" / "glossary" / "ko-en.yaml")  # what the service reads a Korean question as


class NoArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PipelineArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pipeline: str | None = None
    limit: int = 5


class QueryArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=3)


class InvalidateArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cache: str
    key: str | None = None


def _never(_: Any) -> ToolOutput:
    raise AssertionError("the fake executor never runs tools")


def tool(name: str, arguments: type[BaseModel] = NoArgs, *, mutating: bool = False) -> Tool:
    permission = Permission.chatops_operate if mutating else Permission.chatops_ask
    return Tool(name, f"{name} tool", arguments, permission, _never, mutating=mutating)


READ_TOOLS = [
    tool("pipeline_status", PipelineArgs), tool("service_health"), tool("market_data_freshness"), tool("cache_status"),
    tool("search_runbooks", QueryArgs),
]
INVALIDATE = tool("invalidate_cache", InvalidateArgs, mutating=True)


def run_(pipeline: str, status: str, run_id: str, task: str, error: str | None = None) -> dict[str, Any]:
    return {
        "pipeline": pipeline, "run_id": run_id, "status": status, "started_at": "2026-12-03T05:00:00+00:00",
        "finished_at": "2026-12-03T05:10:00+00:00", "tasks": [{"name": task, "status": status, "error": error}],
    }


OUTPUTS: dict[str, Any] = {
    "pipeline_status": [run_("kpi-rollup", "failed", "r7", "upsert_kpis", "canceling statement due to lock timeout"), run_("backtest-nightly", "succeeded", "r9", "run")],
    "service_health": [
        {"service": "market-data", "status": "up", "since": "2026-12-01T00:00:00+00:00", "latency_ms": 3.1, "last_error": None, "oncall": "infra"},
        {"service": "vllm", "status": "up", "since": "2026-12-01T00:00:00+00:00", "latency_ms": 9.0, "last_error": None, "oncall": "ml"},
    ],
    "market_data_freshness": {"service": "market-data", "feeds": [
        {"feed": "fx-spot", "status": "breach", "lag_s": 900.0, "slo_s": 30.0}, {"feed": "equities-us", "status": "ok", "lag_s": 2.0, "slo_s": 60.0},
    ]},
    "cache_status": [
        {"name": "reports", "description": "Generated reports.", "entries": 4, "hit_ratio": 0.75, "hits": 3, "misses": 1, "evictions": 0, "oldest_entry_at": None},
        {"name": "runbook-index", "description": "Embedded runbook sections.", "entries": 9, "hit_ratio": None, "hits": 0, "misses": 0, "evictions": None, "oldest_entry_at": None},
    ],
}


class FakeExecutor:
    """Returns the canned output of each tool; `needs_confirmation` for an unconfirmed mutating one."""

    def __init__(self, tools: list[Tool], outputs: dict[str, Any] | None = None) -> None:
        self.tools = {t.name: t for t in tools}
        self.outputs = outputs or OUTPUTS
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def execute(self, caller: Caller, name: str, arguments: dict[str, Any], *, confirmed: bool = False, turn_id: str | None = None) -> ToolResult:
        self.calls.append((name, arguments))
        if self.tools[name].mutating and not confirmed:
            return ToolResult(tool=name, arguments=arguments, status="needs_confirmation", summary="changes state", latency_ms=1.0)
        output = self.outputs[name]
        if isinstance(output, Exception):
            return ToolResult(tool=name, arguments=arguments, status="error", summary=str(output), latency_ms=1.0)
        return ToolResult(tool=name, arguments=arguments, status="ok", summary=f"{name} ok", data=output, latency_ms=1.0)


def embed(texts: list[str]) -> list[list[float]]:
    """Bag of words hashed into 64 dimensions, normalised: similar words, similar vectors."""
    vectors = []
    for text in texts:
        vector = [0.0] * 64
        for word in re.findall(r"[a-z]+", text.lower()):
            vector[sum(map(ord, word)) % 64] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        vectors.append([v / norm for v in vector])
    return vectors


RUNBOOKS = [
    RunbookHit("rb-kpi-rollup-late", "KPI rollup is late", 0.5, "Checks", "Check the kpi-rollup run.\nRerun it after a lock timeout clears.", [], ["pipelines"]),
    RunbookHit("rb-stale-market-data", "Stale market data", 0.4, "Checks", "A feed in SLO breach: check the vendor.\nPage trading infra.", [], ["market-data"]),
]


def search(query: str) -> list[RunbookHit]:
    words = set(re.findall(r"[a-z]+", query.lower()))
    scored = [(len(words & set(re.findall(r"[a-z]+", f"{h.title} {h.text}".lower()))) / 10, h) for h in RUNBOOKS]
    return [RunbookHit(h.id, h.title, score, h.section, h.text, h.tools, h.services) for score, h in sorted(scored, key=lambda s: -s[0]) if score > 0]


def read(runbook_id: str) -> str:
    return next((h.text for h in RUNBOOKS if h.id == runbook_id), "")


class Script:
    def __init__(self, answer: dict[str, Any] | Exception) -> None:
        self.answer = answer
        self.calls: list[tuple[dict[str, str], type[BaseModel]]] = []

    def __call__(self, variables: dict[str, str], output_type: type[BaseModel], seed: int) -> BaseModel:
        self.calls.append((variables, output_type))
        if isinstance(self.answer, Exception):
            raise self.answer
        return output_type.model_validate(self.answer)


def ask(text: str, script: Script, *, caller: Caller = OPERATOR, tools: list[Tool] | None = None, outputs: dict[str, Any] | None = None) -> tuple[Any, FakeExecutor]:
    every = READ_TOOLS + [INVALIDATE]
    permitted = tools if tools is not None else (every if caller is OPERATOR else READ_TOOLS)
    executor = FakeExecutor(every + permitted, outputs)
    question = Question(
        text=text, caller=caller, turn_id="t1", tools=permitted, components=COMPONENTS, llm_components=["vllm"],
        oncall={"database": "dba-oncall", "market-data": "infra", "vllm": "ml"}, lang=language_of(text), in_english=VIEW(text),
    )
    return Agent(executor, script, lambda query: search(VIEW(query)), read, embed).run(question), executor  # type: ignore[arg-type]


def test_the_answer_leads_with_the_finding_the_question_is_about_and_cites_the_runbook() -> None:
    run, _ = ask("Why did the kpi-rollup fail?", Script({"findings": ["f1"], "answer": "The rollup hit a lock timeout; rerun it."}))
    assert run.answer.startswith("Pipeline kpi-rollup run r7 failed at 2026-12-03 05:10Z: task upsert_kpis failed with: canceling statement due to lock timeout.")
    assert run.cited == ["rb-kpi-rollup-late"] and "Runbook rb-kpi-rollup-late (KPI rollup is late):" in run.answer
    assert "The rollup hit a lock timeout; rerun it." in run.answer and run.outcome == "answered" and run.steps == 1


def test_survey_runs_every_permitted_read_only_argument_free_tool_and_a_named_pipeline() -> None:
    _, executor = ask("Is kpi-rollup broken?", Script({"findings": ["f1"], "answer": "It failed, see above."}))
    assert [name for name, _ in executor.calls] == ["pipeline_status", "service_health", "market_data_freshness", "cache_status", "pipeline_status"]
    assert executor.calls[-1] == ("pipeline_status", {"pipeline": "kpi-rollup", "limit": 5})  # search_runbooks needs a query; never the mutating tool


def test_the_model_chooses_only_among_the_findings_shown() -> None:
    script = Script({"findings": ["f2"], "answer": "Feeds are behind their freshness targets."})
    run, _ = ask("How far behind is the fx-spot feed?", script)
    variables, output_type = script.calls[0]
    shown = re.findall(r"^(f\d+): ", variables["findings"], re.MULTILINE)
    assert set(output_type.model_json_schema()["properties"]["findings"]["items"]["enum"]) == set(shown)
    assert run.answer.startswith("Feed fx-spot is in SLO breach: its last tick was 900 s ago against a freshness SLO of 30 s.")


def test_prose_that_only_copies_a_finding_or_repeats_itself_is_left_out() -> None:
    copied = "Pipeline kpi-rollup run r7 failed"
    run, _ = ask("Why did the kpi-rollup fail?", Script({"findings": ["f1"], "answer": copied}))
    assert run.answer.count(copied) == 1
    run, _ = ask("Why did the kpi-rollup fail?", Script({"findings": ["f1"], "answer": "It is bad. It is bad."}))
    assert "It is bad" not in run.answer


def test_prose_whose_words_are_not_in_the_evidence_is_left_out() -> None:
    salad = "amalg dalinks sellommy humour mentorsc hung Labourwaukee decisive"
    run, _ = ask("Why did the kpi-rollup fail?", Script({"findings": ["f1"], "answer": salad}))
    assert "amalg" not in run.answer and run.prose == "off_topic"
    grounded = "Rerun kpi-rollup after the upsert_kpis deadlock clears."
    run, _ = ask("Why did the kpi-rollup fail?", Script({"findings": ["f1"], "answer": grounded}))
    assert grounded in run.answer and run.prose == "kept"


def test_a_change_is_proposed_only_when_asked_and_awaits_confirmation() -> None:
    run, executor = ask("Invalidate just the cached report for eq-us-ma-crossover.", Script({"findings": ["f1"], "answer": "Prepared, awaiting confirmation."}))
    assert run.outcome == "needs_confirmation" and run.pending is not None
    assert executor.calls[-1] == ("invalidate_cache", {"cache": "reports", "key": "eq-us-ma-crossover"})
    asked_about, executor = ask("Why did the report cache hit ratio drop after the reset?", Script({"findings": ["f1"], "answer": "Entries were regenerated."}))
    assert asked_about.pending is None and "invalidate_cache" not in [name for name, _ in executor.calls]


def test_a_viewer_asking_for_a_change_is_told_who_can() -> None:
    run, executor = ask("Please clear the report cache.", Script({"findings": ["f1"], "answer": "Only operators can do that."}), caller=VIEWER)
    assert run.pending is None and "needs the operator role" in run.answer
    assert "invalidate_cache" not in [name for name, _ in executor.calls]


def test_the_report_cache_is_kept_while_the_llm_is_down() -> None:
    down = {**OUTPUTS, "service_health": [{"service": "vllm", "status": "down", "since": "2026-12-03T09:00:00+00:00", "latency_ms": None, "last_error": "connection refused", "oncall": "ml"}]}
    run, executor = ask("Can you just wipe the whole report cache?", Script({"findings": ["f1"], "answer": "The model server is down."}), outputs=down)
    assert run.pending is None and "vllm is down" in run.answer
    assert "vllm is DOWN since 2026-12-03 09:00Z (on-call: ml); last error: connection refused." in run.answer


def test_no_tool_for_the_change_says_so() -> None:
    run, _ = ask("Restart the vLLM server, please.", Script({"findings": ["f1"], "answer": "I cannot restart servers."}))
    assert run.pending is None and "No tool I have can make that change" in run.answer


def test_escalation_only_when_asked_goes_to_the_component_that_is_down() -> None:
    down = {**OUTPUTS, "service_health": [{"service": "market-data", "status": "down", "since": "2026-12-03T09:00:00+00:00", "latency_ms": None, "last_error": "refused", "oncall": "infra"}]}
    run, _ = ask("market-data is unreachable. Escalate this to whoever owns it.", Script({"findings": ["f1"], "answer": "Escalated to infra."}), outputs=down)
    assert run.outcome == "escalated" and run.escalation is not None and (run.escalation.service, run.escalation.severity) == ("market-data", "sev2")
    asked, _ = ask("Do I need to page someone about market-data?", Script({"findings": ["f1"], "answer": "It is down; page infra."}), outputs=down)
    assert asked.escalation is None and asked.outcome == "answered"


def test_llm_down_gives_the_findings_alone() -> None:
    run, _ = ask("Why did the kpi-rollup fail?", Script(LLMUnavailableError("no endpoint answered")))
    assert run.outcome == "degraded" and "language model unavailable" in (run.stop_reason or "")
    assert run.answer.startswith("The language model is unavailable, so this answer is the findings alone. Pipeline kpi-rollup run r7 failed")


def test_a_failed_generation_still_answers_with_the_findings() -> None:
    run, _ = ask("Why did the kpi-rollup fail?", Script(GenerationFailedError("length", 2, "finish_reason length")))
    assert run.outcome == "answered" and "lock timeout" in run.answer and "no valid answer" in (run.stop_reason or "")


def test_a_target_that_cannot_answer_is_a_problem_finding() -> None:
    unreachable = {**OUTPUTS, "market_data_freshness": RuntimeError("market-data unreachable at http://md/health: ConnectError")}
    run, _ = ask("Is market data flowing?", Script({"findings": ["f1"], "answer": "Market data is unreachable."}), outputs=unreachable)
    assert any(f.problem and "unreachable" in f.text for f in run.findings)


def test_every_feed_behind_leads_and_other_problems_follow() -> None:
    feeds = {"service": "market-data", "feeds": [
        {"feed": "fx-spot", "status": "breach", "lag_s": 900.0, "slo_s": 30.0}, {"feed": "futures-cme", "status": "halted", "lag_s": 400.0, "slo_s": 60.0},
    ]}
    run, _ = ask("Is the fx-spot feed behind?", Script({"findings": ["f1"], "answer": "Two feeds are stale."}), outputs={**OUTPUTS, "market_data_freshness": feeds})
    opening, _, rest = run.answer.partition("Also wrong right now: ")
    assert "fx-spot" in opening and "futures-cme" in opening
    assert rest.startswith("Pipeline kpi-rollup run r7 failed")  # a problem the question is not about is still told


def test_who_is_on_call_is_a_finding_when_the_question_asks_who() -> None:
    run, _ = ask("Who gets paged when the database is slow?", Script({"findings": ["f1"], "answer": "The database team."}))
    assert "The on-call for database is dba-oncall." in run.answer
    asked_what, _ = ask("Is the database slow?", Script({"findings": ["f1"], "answer": "No."}))
    assert "dba-oncall" not in asked_what.answer


def test_which_backtests_raised_alerts_is_one_statement_of_them_all() -> None:
    alerts = [
        {"source": "backtest_anomaly", "severity": "medium", "at": "2026-12-03T01:00:00", "subject": f"backtest {b} r1 {k}", "message": "m", "backtest_id": b, "kind": k}
        for b, k in (("cmd-crude-macd", "data_gap"), ("cmd-crude-macd", "slippage_outlier"), ("fx-eur-bb", "data_gap"))
    ]
    every = READ_TOOLS + [tool("recent_alerts")]
    run, _ = ask("Which backtests raised anomaly alerts?", Script({"findings": ["f1"], "answer": "Two backtests did."}), tools=every, outputs={**OUTPUTS, "recent_alerts": alerts})
    assert "Backtests with anomaly alerts: cmd-crude-macd (data gap, slippage outlier); fx-eur-bb (data gap)." in [f.text for f in run.findings]


def test_a_korean_question_is_answered_in_korean_with_the_same_facts() -> None:
    run, _ = ask("kpi-rollup 파이프라인이 왜 실패했는지 확인해 줘", Script({"findings": ["f1"], "answer": "The rollup hit a lock timeout; rerun it."}))
    assert run.answer.startswith("파이프라인 kpi-rollup 실행 r7: 2026-12-03 05:10Z 실패 - 태스크 upsert_kpis 오류: canceling statement due to lock timeout.")
    assert run.cited == ["rb-kpi-rollup-late"] and "런북 rb-kpi-rollup-late (KPI rollup is late):" in run.answer
    assert "현재 다른 문제: 피드 fx-spot 신선도 SLO 위반: 마지막 틱 900초 전 (SLO 30초)." in run.answer
    assert "lock timeout; rerun it" not in run.answer  # the small model's English prose is not a Korean answer's
    korean_prose = "롤업이 잠금 시간 초과로 실패했습니다. 잠금이 풀리면 다시 실행하세요."
    said, _ = ask("kpi-rollup 파이프라인이 왜 실패했는지 확인해 줘", Script({"findings": ["f1"], "answer": korean_prose}))
    assert korean_prose in said.answer


def test_a_korean_request_for_a_change_is_prepared_and_a_korean_question_about_one_is_not() -> None:
    run, executor = ask("리포트 캐시 좀 비워 주세요.", Script({"findings": ["f1"], "answer": "준비했습니다."}))
    assert run.outcome == "needs_confirmation" and ("invalidate_cache", {"cache": "reports"}) in executor.calls
    assert "reports 캐시의 모든 항목에 대해 invalidate_cache 작업을 준비했습니다." in run.answer
    asked, executor = ask("누가 리포트 캐시를 비웠나요?", Script({"findings": ["f1"], "answer": "모릅니다."}))
    assert asked.outcome == "answered" and all(name != "invalidate_cache" for name, _ in executor.calls)
    viewer, executor = ask("리포트 캐시 무효화해 주세요", Script({"findings": ["f1"], "answer": "권한이 없습니다."}), caller=VIEWER)
    assert viewer.pending is None and "reports 캐시 무효화는 상태를 바꾸는 작업이라 operator 권한이 필요합니다." in viewer.answer


class SilenceArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    alertname: str
    minutes: int = 60
    comment: str | None = None


ALERTS, SILENCE = tool("alertmanager_alerts"), tool("alertmanager_silence", SilenceArgs, mutating=True)
FIRING = {**OUTPUTS, "alertmanager_alerts": {"stated": [
    {"subject": name, "en": f"Alertmanager: {name} (critical) firing since 2026-12-04T10:00:00Z: {summary}.", "ko": "", "problem": True}
    for name, summary in (("FeedStale", "feed equities-us has not ticked for 5m"), ("LLMSaturated", "vllm-0 queue is long"))
], "rows": []}}


def test_a_silence_of_a_named_firing_alert_is_prepared_for_the_asked_duration_and_awaits_confirmation() -> None:
    operator_tools = READ_TOOLS + [INVALIDATE, ALERTS, SILENCE]
    run, executor = ask("Silence the FeedStale alert for 2 hours.", Script({"findings": ["f1"], "answer": "Prepared."}), tools=operator_tools, outputs=FIRING)
    assert run.outcome == "needs_confirmation" and run.pending is not None
    name, arguments = executor.calls[-1]
    assert (name, arguments["alertname"], arguments["minutes"]) == ("alertmanager_silence", "FeedStale", 120)
    assert "I prepared alertmanager_silence for FeedStale for 120 minutes" in run.answer
    asked_about, executor = ask("Why was FeedStale silenced yesterday?", Script({"findings": ["f1"], "answer": "."}), tools=operator_tools, outputs=FIRING)
    assert asked_about.pending is None and "alertmanager_silence" not in [n for n, _ in executor.calls]
    unnamed, executor = ask("Mute the alert, please.", Script({"findings": ["f1"], "answer": "."}), tools=operator_tools, outputs=FIRING)
    assert unnamed.pending is None and "no firing alert is named in the question (firing: LLMSaturated, FeedStale)" in unnamed.answer


def test_a_viewer_asking_for_a_silence_is_told_who_can_and_korean_gets_korean() -> None:
    run, executor = ask("Please mute FeedStale for 30m.", Script({"findings": ["f1"], "answer": "."}), caller=VIEWER, tools=READ_TOOLS + [ALERTS], outputs=FIRING)
    assert run.pending is None and "Silencing FeedStale changes state: it needs the operator role" in run.answer
    assert "alertmanager_silence" not in [n for n, _ in executor.calls]
    korean, executor = ask("FeedStale 경보를 3시간 동안 무음 처리해 주세요.", Script({"findings": ["f1"], "answer": "."}), tools=READ_TOOLS + [ALERTS, SILENCE], outputs=FIRING)
    assert korean.pending is not None and executor.calls[-1][1]["minutes"] == 180
    assert "FeedStale 경보를 180분 동안 무음 처리하는 alertmanager_silence 작업을 준비했습니다." in korean.answer

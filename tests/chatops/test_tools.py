"""Each diagnostic tool against a known state: real database, real stand-in process, real
vLLM health endpoint, real Qdrant and embeddings. Plus the sandbox and the RBAC boundary."""

from __future__ import annotations

import contextlib
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from services.chatops.toolkit import Tool, ToolExecutor, ToolOutput
from services.platform import audit
from services.platform.audit import Caller
from services.platform.permissions import Permission, Role
from services.platform.runtime import Platform
from services.app.products import Products, build_products
from tests.chatops.conftest import MarketData
from tests.conftest import PlatformFactory, new_postgres_database
from tests.reports.conftest import import_samples
from tests.support.api import Api

VIEWER = Caller(name="viewer-user", role="viewer", request_id="req-viewer")
OPERATOR = Caller(name="operator-user", role="operator", request_id="req-operator")
NOW = datetime.now(UTC).replace(microsecond=0)


def failed_run(pipeline: str = "kpi-rollup", run_id: str = "r-17") -> dict[str, Any]:
    start = NOW - timedelta(minutes=20)
    return {
        "pipeline": pipeline, "run_id": run_id, "status": "failed",
        "started_at": start.isoformat(), "finished_at": (start + timedelta(seconds=660)).isoformat(),
        "tasks": [
            {"name": "extract", "status": "succeeded", "started_at": start.isoformat(), "finished_at": (start + timedelta(seconds=300)).isoformat()},
            {"name": "upsert_kpis", "status": "failed", "error": "deadlock detected", "started_at": (start + timedelta(seconds=300)).isoformat(),
             "finished_at": (start + timedelta(seconds=660)).isoformat()},
        ],
    }


def run(ops: Products, name: str, caller: Caller = OPERATOR, **arguments: Any) -> Any:
    result = ops.chatops.executor.execute(caller, name, arguments)
    assert result.status == "ok", result.summary
    return result


def test_pipeline_status_reports_the_failed_task_posted_by_the_scheduler(ops_api: Api, ops: Products) -> None:
    """The scheduler's report (POST /pipelines/runs) is what pipeline_status reads back."""
    operator = ops_api.as_(Role.operator)
    assert ops_api.client.post("/pipelines/runs", json=failed_run(), headers=operator).status_code == 201
    assert ops_api.client.post("/pipelines/runs", json=failed_run(), headers=operator).status_code == 200  # same run id: update
    ok = {**failed_run("market-data-ingest", "i-1"), "status": "succeeded", "tasks": []}
    assert ops_api.client.post("/pipelines/runs", json=ok, headers=operator).status_code == 201
    result = run(ops, "pipeline_status")
    assert "kpi-rollup run r-17 FAILED" in result.summary and "upsert_kpis (deadlock detected)" in result.summary
    by_name = {r["pipeline"]: r for r in result.data}
    assert by_name["kpi-rollup"]["failed_tasks"] == ["upsert_kpis"] and by_name["kpi-rollup"]["duration_s"] == 660
    assert [t["duration_s"] for t in by_name["kpi-rollup"]["tasks"]] == [300, 360]
    assert by_name["market-data-ingest"]["status"] == "succeeded"
    assert ops.chatops.executor.execute(OPERATOR, "pipeline_status", {"pipeline": "nope"}).status == "error"


def test_pipeline_ingest_rejects_bad_reports_with_reasons(ops_api: Api) -> None:
    operator, viewer = ops_api.as_(Role.operator), ops_api.as_(Role.viewer)
    bad = {**failed_run(), "finished_at": None}
    response = ops_api.client.post("/pipelines/runs", json=bad, headers=operator)
    assert response.status_code == 422 and "needs finished_at" in response.json()["error"]["message"]
    assert ops_api.client.post("/pipelines/runs", json=failed_run(), headers=viewer).status_code == 403
    assert ops_api.client.post("/pipelines/runs", json=failed_run(), headers=operator).status_code == 201
    back_to_running = {**failed_run(), "status": "running", "finished_at": None}
    assert ops_api.client.post("/pipelines/runs", json=back_to_running, headers=operator).status_code == 409
    listed = ops_api.client.get("/pipelines/runs", params={"status": "failed"}, headers=viewer).json()
    assert [r["run_id"] for r in listed] == ["r-17"]


def test_market_data_freshness_flags_the_feed_behind_its_slo(ops: Products, marketdata: MarketData) -> None:
    result = run(ops, "market_data_freshness")
    assert result.summary.startswith("3/3 feeds within SLO")
    marketdata.set_feed("futures-cme", lag_s=900)
    marketdata.set_feed("fx-spot", halted=True)
    result = run(ops, "market_data_freshness")
    feeds = {f["feed"]: f for f in result.data["feeds"]}
    assert feeds["futures-cme"]["status"] == "breach" and 899 <= feeds["futures-cme"]["lag_s"] <= 905 and feeds["futures-cme"]["slo_s"] == 120
    assert feeds["fx-spot"]["status"] == "halted" and feeds["equities-us"]["status"] == "ok"
    assert result.data["service_status"] == "degraded" and "futures-cme BREACH" in result.summary


def test_service_health_sees_a_stopped_service_and_remembers_since_when(ops: Products, marketdata: MarketData) -> None:
    first = {row["service"]: row for row in run(ops, "service_health").data}
    assert first["market-data"]["status"] == "up" and first["vllm"]["status"] == "up" and first["vllm"]["oncall"] == "ml-platform-oncall"
    marketdata.stop()
    down = {row["service"]: row for row in run(ops, "service_health").data}
    assert down["market-data"]["status"] == "down" and "ConnectError" in down["market-data"]["last_error"]
    time.sleep(1.1)
    again = {row["service"]: row for row in run(ops, "service_health", service="market-data").data}
    assert again["market-data"]["since"] == down["market-data"]["since"]  # unchanged while still down
    assert ops.chatops.executor.execute(OPERATOR, "market_data_freshness", {}).status == "error"  # the agent sees a tool error
    alerts = run(ops, "recent_alerts").data
    assert any(a["source"] == "service" and a["subject"] == "service market-data down" and a["severity"] == "critical" for a in alerts)


def test_recent_alerts_gathers_anomalies_failed_runs_and_llm_failures(ops_api: Api, ops: Products) -> None:
    platform = ops.platform
    import_samples(platform, "cmd-crude-macd")
    ops_api.client.post("/pipelines/runs", json=failed_run(), headers=ops_api.as_(Role.operator))
    result = run(ops, "recent_alerts", hours=1)
    sources = {a["source"] for a in result.data}
    assert {"backtest_anomaly", "pipeline"} <= sources
    assert any(a["subject"].startswith("backtest cmd-crude-macd r1 data_gap") for a in result.data)
    high = run(ops, "recent_alerts", min_severity="high").data
    assert all(a["severity"] in ("high", "critical") for a in high)


def test_cache_status_and_confirmed_invalidation_of_the_report_cache(ops_api: Api, ops: Products) -> None:
    """Hit ratio counts real report requests; invalidation needs an operator and a confirmation."""
    import_samples(ops.platform, "cmd-crude-macd")
    analyst = ops_api.as_(Role.analyst)
    for _ in range(3):
        assert ops_api.client.get("/backtests/cmd-crude-macd/report", headers=analyst).status_code == 200
    reports = run(ops, "cache_status", cache="reports").data[0]
    assert (reports["entries"], reports["hits"], reports["misses"], reports["hit_ratio"]) == (1, 2, 1, pytest.approx(0.6667, abs=1e-3))
    assert reports["oldest_entry_at"] is not None and reports["size_bytes"] > 0

    viewer, operator = ops_api.as_(Role.viewer), ops_api.as_(Role.operator)
    denied = ops_api.client.post("/chatops/tools/invalidate_cache", json={"arguments": {"cache": "reports"}}, headers=viewer)
    assert denied.status_code == 403 and "chatops.operate" in denied.json()["error"]["message"]
    proposed = ops_api.client.post("/chatops/tools/invalidate_cache", json={"arguments": {"cache": "reports"}}, headers=operator).json()
    assert proposed["status"] == "pending" and run(ops, "cache_status", cache="reports").data[0]["entries"] == 1  # nothing ran yet
    assert ops_api.client.post(proposed["confirm_path"], headers=viewer).status_code == 403
    confirmed = ops_api.client.post(proposed["confirm_path"], headers=operator)
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "executed", confirmed.text
    assert confirmed.json()["result"]["data"]["invalidated"] == 1
    assert ops_api.client.post(proposed["confirm_path"], headers=operator).status_code == 409  # only once
    after = run(ops, "cache_status", cache="reports").data[0]
    assert after["entries"] == 0 and after["evictions"] == 1
    assert ops_api.client.get("/backtests/cmd-crude-macd/report", headers=analyst).status_code == 200  # regenerated
    assert run(ops, "cache_status", cache="reports").data[0]["entries"] == 1

    with ops.platform.db.session() as session:
        entries = audit.entries(session, action_prefix="chatops.")
        assert any(e.action == "chatops.tool.invalidate_cache" and e.decision == "denied" and e.actor == "viewer-user" for e in entries)
        assert any(e.action == "chatops.confirm" or e.action.startswith("chatops.action.confirm") for e in entries)
        assert any(e.action == "chatops.operate" and e.decision == "denied" for e in audit.entries(session))
        assert audit.verify(session).ok


def test_index_caches_invalidate_and_rebuild_on_next_use(ops: Products) -> None:
    chatops = ops.chatops
    stats = {s["name"]: s for s in run(ops, "cache_status").data}
    assert stats["runbook-index"]["entries"] > 9 and stats["runbook-index"]["oldest_entry_at"]
    ops.strategies.retrieve("buy the breakout")
    assert {s["name"]: s for s in run(ops, "cache_status").data}["strategy-catalogue-index"]["entries"] > 0
    result = chatops.executor.execute(OPERATOR, "invalidate_cache", {"cache": "runbook-index"}, confirmed=True)
    assert result.status == "ok" and result.data["invalidated"] == stats["runbook-index"]["entries"]
    assert {s["name"]: s for s in run(ops, "cache_status").data}["runbook-index"]["entries"] == 0
    assert chatops.library.search("pipeline failed")[0].id  # rebuilt from the database on next use
    keyed = chatops.executor.execute(OPERATOR, "invalidate_cache", {"cache": "runbook-index", "key": "x"}, confirmed=True)
    assert keyed.status == "error" and "invalidated whole" in keyed.summary


def test_database_health_on_sqlite(ops: Products) -> None:
    data = run(ops, "database_health").data
    assert data["dialect"] == "sqlite" and data["select1_ms"] >= 0 and data["pool"]["size"] >= 1 and data["long_running"] == []


@pytest.mark.postgres
def test_database_health_reports_a_long_running_postgres_session(make_platform: PlatformFactory, pg_server: str, llm_url: str) -> None:
    platform = make_platform(llm_base_urls=[llm_url], database_url=new_postgres_database(pg_server))
    ops = build_products(platform)
    sleeper_pid: list[int] = []
    started = threading.Event()
    sleeper = threading.Thread(target=_sleep_in, args=(platform, sleeper_pid, started), daemon=True)
    sleeper.start()
    assert started.wait(30), "the sleeping session never connected"
    try:
        # Polled, not timed: on a loaded machine the sleeper's query may start seconds late.
        deadline, data = time.monotonic() + 30, {}
        while time.monotonic() < deadline:
            data = run(ops, "database_health", long_running_s=1).data
            if any(s["pid"] == sleeper_pid[0] for s in data["long_running"]):
                break
            time.sleep(0.5)
    finally:
        with platform.db.engine.connect() as connection:
            connection.execute(text("SELECT pg_cancel_backend(:pid)"), {"pid": sleeper_pid[0]})
        sleeper.join(30)
    assert data["dialect"] == "postgresql" and data["server_version"].startswith("15")
    assert any("pg_sleep" in s["query"] and s["duration_s"] >= 1 for s in data["long_running"]), data["long_running"]


def _sleep_in(platform: Platform, pid: list[int], started: threading.Event) -> None:
    with platform.db.engine.connect() as connection:
        pid.append(connection.scalar(text("SELECT pg_backend_pid()")))
        started.set()
        with contextlib.suppress(DBAPIError):  # cancelled by the test once it has looked
            connection.execute(text("SELECT pg_sleep(60)"))


class _Args(BaseModel):
    model_config = {"extra": "forbid"}


def test_sandbox_turns_crashes_timeouts_and_big_outputs_into_tool_results(ops: Products) -> None:
    def crash(_: Any) -> ToolOutput:
        raise RuntimeError("boom")

    def slow(_: Any) -> ToolOutput:
        time.sleep(2)
        return ToolOutput(summary="late", data=None)

    def big(_: Any) -> ToolOutput:
        return ToolOutput(summary="big", data=[{"row": i, "text": "x" * 100} for i in range(1000)])

    tools = [Tool("crash", "", _Args, Permission.chatops_ask, crash), Tool("slow", "", _Args, Permission.chatops_ask, slow, timeout_s=0.2),
             Tool("big", "", _Args, Permission.chatops_ask, big)]
    executor = ToolExecutor(ops.platform.db, tools, max_output_chars=2000)
    crashed = executor.execute(VIEWER, "crash", {})
    assert crashed.status == "error" and "RuntimeError: boom" in crashed.summary
    assert executor.execute(VIEWER, "slow", {}).status == "timeout"
    capped = executor.execute(VIEWER, "big", {})
    assert capped.status == "ok" and capped.truncated and 0 < len(capped.data) < 1000
    assert executor.execute(VIEWER, "crash", {"unexpected": 1}).status == "error"  # arguments validated
    assert executor.execute(VIEWER, "nope", {}).status == "error"

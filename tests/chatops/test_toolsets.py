"""Toolsets declared as data: the shipped files, a new tool added by YAML alone (HTTP and SQL),
what is refused when a file is loaded, and a viewer never running a state-changing tool."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from services.app.products import build_products
from services.chatops.findings import findings
from services.chatops.toolkit import Tool, ToolExecutor, ToolOutput
from services.chatops.toolsets.loader import Toolsets
from services.chatops.toolsets.spec import ToolsetSpec
from services.chatops.toolsets.templates import state
from services.platform.audit import Caller
from services.platform.errors import Conflict
from services.platform.permissions import Permission, Role
from services.platform.settings import REPO_ROOT
from tests.chatops.conftest import MarketData
from tests.conftest import PlatformFactory
from services.platform.ports import free_port

SHIPPED = REPO_ROOT / "data" / "toolsets"
VIEWER, OPERATOR = Caller("v", "viewer"), Caller("o", "operator")


def write(directory: Path, name: str, document: dict) -> Path:
    directory.mkdir(exist_ok=True)
    path = directory / f"{name}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    return path


def test_shipped_toolsets_are_valid_and_hidden_with_the_reason_when_their_system_is_absent() -> None:
    for path in SHIPPED.glob("*.yaml"):
        ToolsetSpec.model_validate(yaml.safe_load(path.read_text()))
    dead = f"http://127.0.0.1:{free_port()}"
    toolsets = Toolsets(SHIPPED, [], environ={"INSIGHTSTACK_PROMETHEUS_URL": dead, "INSIGHTSTACK_ALERTMANAGER_URL": dead})
    assert toolsets.load() == []
    status = {s.name: s for s in toolsets.statuses}
    assert set(status) == {"alertmanager", "insightstack", "postgresql", "prometheus"} and not any(s.available for s in status.values())
    assert status["prometheus"].reason.startswith(f"prerequisite failed: GET {dead}/-/ready: ConnectError")
    assert status["postgresql"].reason == "config dsn: environment variable INSIGHTSTACK_PG_MONITOR_DSN is not set"
    assert "no built-in tool 'database_health'" in status["insightstack"].reason  # built-ins are only those code defines
    assert "prometheus_stale_feeds" in status["prometheus"].tools


def test_an_http_tool_added_by_yaml_alone_reads_the_service_and_states_findings(tmp_path: Path, marketdata: MarketData) -> None:
    write(tmp_path / "toolsets", "feeds", {
        "name": "feeds", "version": 1, "description": "The market-data service's own health endpoint.",
        "config": {"url": {"env": "FEEDS_URL"}}, "prerequisites": [{"http": "{url}/health"}],
        "tools": [{
            "name": "feed_lags", "kind": "http_json", "description": "Lag of every feed, from the service itself.",
            "url": "{url}/health", "rows": "feeds", "fields": {"feed": "feed", "lag_s": "lag_s"},
            "finding": {"each": {"subject": "{feed}", "en": "{feed} lags {lag_s:.0f} s", "ko": "{feed} 지연 {lag_s:.0f}초", "problem": False}},
        }],
    })
    marketdata.set_feed("futures-cme", lag_s=300)
    toolsets = Toolsets(tmp_path / "toolsets", [], environ={"FEEDS_URL": marketdata.url})
    (tool,) = toolsets.load()
    output = tool.run(tool.arguments())
    assert {row["feed"] for row in output.data["rows"]} == {"equities-us", "fx-spot", "futures-cme"}
    stated = {s["subject"]: s for s in output.data["stated"]}
    assert stated["futures-cme"]["en"] == "futures-cme lags 300 s" and stated["futures-cme"]["ko"] == "futures-cme 지연 300초"

    marketdata.stop()
    toolsets.load()
    (status,) = toolsets.statuses
    assert not status.available and status.reason.startswith(f"prerequisite failed: GET {marketdata.url}/health")


def test_a_sql_tool_added_by_yaml_alone_binds_its_parameters_and_cannot_write(tmp_path: Path, make_platform: PlatformFactory) -> None:
    database = tmp_path / "jobs.db"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE jobs (name TEXT, state TEXT, minutes REAL)")
        db.executemany("INSERT INTO jobs VALUES (?, ?, ?)", [("nightly", "stuck", 95.0), ("rollup", "ok", 2.0)])
    sql_tool = {
        "name": "slow_jobs", "kind": "sql_readonly", "dsn": "dsn", "description": "Jobs running longer than some minutes.",
        "parameters": {"minutes": {"type": "number", "default": 30, "minimum": 0}},
        "sql": "SELECT name, state, minutes FROM jobs WHERE minutes > :minutes ORDER BY name",
        "finding": {"each": {"subject": "{name}", "en": "job {name} has run {minutes:g} min ({state})", "problem": True}, "none": {"en": "no job over {minutes:g} min"}},
    }
    writer = {**sql_tool, "name": "sneaky_write", "sql": "UPDATE jobs SET state = 'ok' WHERE minutes > :minutes"}
    write(tmp_path / "toolsets", "jobs", {
        "name": "jobs", "version": 1, "description": "The scheduler's own database.", "config": {"dsn": {"env": "JOBS_DSN", "secret": True}},
        "prerequisites": [{"sql": "dsn"}], "tools": [sql_tool, writer],
    })
    toolsets = Toolsets(tmp_path / "toolsets", [], environ={"JOBS_DSN": f"sqlite:///{database}"})
    executor = ToolExecutor(make_platform().db, toolsets.load())

    found = executor.execute(VIEWER, "slow_jobs", {})
    assert found.status == "ok" and found.data["rows"] == [{"name": "nightly", "state": "stuck", "minutes": 95.0}]
    assert [f.text for f in findings([found])] == ["job nightly has run 95 min (stuck)"]
    assert executor.execute(VIEWER, "slow_jobs", {"minutes": 1000}).data["stated"][0]["en"] == "no job over 1000 min"
    refused = executor.execute(VIEWER, "slow_jobs", {"minutes": "1; DROP TABLE jobs"})
    assert refused.status == "error" and refused.summary.startswith("invalid arguments: minutes")
    written = executor.execute(VIEWER, "sneaky_write", {})
    assert written.status == "error" and "readonly" in written.summary.lower()
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT state FROM jobs WHERE name = 'nightly'").fetchone() == ("stuck",)
    toolsets.close()


def test_a_parameter_default_set_by_the_site_is_read_from_config_and_checked_at_load(tmp_path: Path) -> None:
    database = tmp_path / "jobs.db"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE jobs (name TEXT, minutes REAL)")
        db.executemany("INSERT INTO jobs VALUES (?, ?)", [("nightly", 95.0), ("rollup", 2.0)])
    write(tmp_path / "toolsets", "jobs", {
        "name": "jobs", "version": 1, "description": "The scheduler's own database.",
        "config": {"dsn": {"value": f"sqlite:///{database}"}, "slow_min": {"env": "JOBS_SLOW_MIN", "default": "30"}},
        "tools": [{"name": "slow_jobs", "kind": "sql_readonly", "dsn": "dsn", "description": "Jobs running longer than some minutes.",
                   "parameters": {"minutes": {"type": "number", "default_from": "slow_min", "minimum": 0}},
                   "sql": "SELECT name FROM jobs WHERE minutes > :minutes ORDER BY name"}],
    })

    def names(environ: dict[str, str]) -> list[str] | str | None:
        toolsets = Toolsets(tmp_path / "toolsets", [], environ=environ)
        tools = toolsets.load()
        try:
            return [row["name"] for row in tools[0].run(tools[0].arguments()).data["rows"]] if tools else toolsets.statuses[0].reason
        finally:
            toolsets.close()

    assert names({}) == ["nightly"]
    assert names({"JOBS_SLOW_MIN": "1"}) == ["nightly", "rollup"]
    assert names({"JOBS_SLOW_MIN": "-5"}) == "config slow_min: '-5' is not a valid minutes: Input should be greater than or equal to 0"


@pytest.mark.parametrize(("change", "problem"), [
    ({"mutating": True}, "a state-changing tool needs a permission viewers lack"),
    ({"kind": "sql_readonly", "dsn": "dsn", "sql": "DELETE FROM x", "mutating": True, "permission": "chatops.operate", "query": None}, "sql_readonly tools never change state"),
    ({"kind": "alertmanager", "action": "silence", "query": None}, "a silence changes state"),
    ({"name": "Bad Name"}, "string should match pattern"),
    ({"surprise": 1}, "extra inputs are not permitted"),
])
def test_a_file_that_declares_what_it_may_not_is_refused_at_load(change: dict, problem: str) -> None:
    tool = {"name": "up_targets", "kind": "prometheus_query", "description": "Targets that are up.", "query": "up"} | change
    document = {"name": "pp", "version": 1, "description": "x", "tools": [{k: v for k, v in tool.items() if v is not None}]}
    with pytest.raises(ValidationError, match=f"(?i){problem}"):
        ToolsetSpec.model_validate(document)


def test_a_secret_is_referenced_never_written_inline() -> None:
    with pytest.raises(ValidationError, match="never written inline"):
        ToolsetSpec.model_validate({"name": "pp", "version": 1, "description": "x", "config": {"dsn": {"value": "postgresql://u:pw@h/db", "secret": True}},
                                    "tools": [{"kind": "builtin", "name": "cache_status"}]})


def test_a_placeholder_that_is_not_a_parameter_makes_the_toolset_unavailable(tmp_path: Path) -> None:
    write(tmp_path, "pp", {"name": "pp", "version": 1, "description": "x", "config": {"url": {"value": "http://127.0.0.1:9"}},
                          "tools": [{"name": "lagging", "kind": "prometheus_query", "description": "Lagging feeds.", "query": "lag > {threshold}"}]})
    toolsets = Toolsets(tmp_path, [])
    assert toolsets.load() == [] and "placeholder(s) threshold are not parameters" in toolsets.statuses[0].reason


def test_a_viewer_never_runs_a_state_changing_tool_whatever_it_was_declared_with(make_platform: PlatformFactory) -> None:
    class Nothing(BaseModel):
        pass

    ran: list[str] = []
    sloppy = Tool("restart_feed", "A tool written with the viewer's permission by mistake.", Nothing, Permission.chatops_ask, lambda _: ran.append("x") or ToolOutput(summary="", data=None), mutating=True)
    executor = ToolExecutor(make_platform().db, [sloppy])
    assert executor.permitted(Role.viewer) == [] and [t.name for t in executor.permitted(Role.operator)] == ["restart_feed"]
    denied = executor.execute(VIEWER, "restart_feed", {}, confirmed=True)
    assert denied.status == "denied" and "lacks permission 'chatops.operate'" in denied.summary and not ran
    assert executor.execute(OPERATOR, "restart_feed", {}).status == "needs_confirmation"


def test_findings_are_stated_leniently_where_a_row_lacks_a_field() -> None:
    assert state("feed {feed} {value:.0f} s, {missing}", {"feed": "fx", "value": "95.4"}) == "feed fx 95 s, ?"
    assert state("{share:.1%} of {route}", {"share": 0.0412, "route": "/x"}) == "4.1% of /x"


def test_an_action_whose_toolset_went_away_is_a_409_not_a_crash(make_platform: PlatformFactory) -> None:
    chatops = build_products(make_platform(llm_base_urls=["http://127.0.0.1:9/v1"])).chatops
    action = chatops.run_tool("invalidate_cache", {"cache": "reports"}, OPERATOR)
    chatops.executor.offer([])  # as if its toolset had become unavailable since
    with pytest.raises(Conflict, match="invalidate_cache is not offered now"):
        chatops.confirm(action.id, OPERATOR)

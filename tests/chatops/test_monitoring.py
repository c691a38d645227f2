"""ChatOps on the platform's real monitoring: Debian's Prometheus and Alertmanager started by the
test, scraping the market-data stand-in, InsightStack's /metrics and the session's vLLM; the
shipped toolsets, alert rules and webhook; and the PostgreSQL toolset on a real server."""

from __future__ import annotations

import re
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from services.app.app import create_app
from services.chatops.toolsets.loader import Toolsets
from services.platform import auth
from services.platform.permissions import Role
from services.platform.settings import REPO_ROOT
from tests.chatops.conftest import MarketData
from tests.conftest import PlatformFactory
from services.demo import monitoring
from tests.support import server
from tests.support.ops_world import write_components
from tests.support.receiver import Receiver
from tests.support.waiting import wait_for

pytestmark = pytest.mark.skipif(not monitoring.available(), reason="Prometheus/Alertmanager binaries not installed (make install puts them there)")
STALE_LAG_S = 400


@pytest.mark.slow
def test_a_stale_feed_fires_its_alert_and_the_investigation_names_it_with_its_lag_from_prometheus(
    make_platform: PlatformFactory, llm_url: str, marketdata: MarketData, receiver: Receiver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    platform = make_platform(
        llm_base_urls=[llm_url], components_file=write_components(tmp_path / "services.yaml", marketdata.url), alerts_channel_url=f"{receiver.url}/alerts",
    )
    with platform.db.session() as session:
        keys = {role: auth.create_user(session, f"{role.value}-ops", role)[1] for role in (Role.viewer, Role.operator)}
    as_ = {role: {"Authorization": f"Bearer {key}"} for role, key in keys.items()}
    with server.running(create_app(platform.settings, platform)) as api, monitoring.monitoring_root() as root, \
            monitoring.running_alertmanager(f"{api}/alerts/webhook", keys[Role.operator], root) as alertmanager, \
            monitoring.running_prometheus({"market-data": monitoring.host_port(marketdata.url), "insightstack": monitoring.host_port(api), "vllm": monitoring.host_port(llm_url)}, alertmanager.url, root) as prometheus:
        monkeypatch.setenv("INSIGHTSTACK_PROMETHEUS_URL", prometheus.url)
        monkeypatch.setenv("INSIGHTSTACK_ALERTMANAGER_URL", alertmanager.url)
        reloaded = httpx.post(f"{api}/chatops/toolsets/reload", headers=as_[Role.operator], timeout=30).json()
        assert {s["name"]: s["available"] for s in reloaded} == {"alertmanager": True, "insightstack": True, "postgresql": False, "prometheus": True}

        def targets_up() -> bool:
            found = httpx.get(f"{prometheus.url}/api/v1/query", params={"query": "up"}, timeout=5).json()["data"]["result"]
            return len(found) == 3 and all(r["value"][1] == "1" for r in found)

        assert wait_for(targets_up, timeout_s=30), "Prometheus does not scrape all three targets"
        history = {"arguments": {"metric": "vllm:num_requests_waiting"}}  # vLLM's own /metrics (a rate needs two scrapes: not yet)
        running = httpx.post(f"{api}/chatops/tools/prometheus_query_range", headers=as_[Role.viewer], json=history, timeout=30).json()
        assert running["status"] == "ok" and running["data"]["rows"][0]["instance"] == monitoring.host_port(llm_url), running

        marketdata.set_feed("equities-us", lag_s=STALE_LAG_S)
        stale_at = time.monotonic()

        def answered() -> dict | None:
            listed = httpx.get(f"{api}/chatops/investigations", headers=as_[Role.viewer], timeout=10).json()
            return next((i for i in listed if i["status"] != "running"), None)

        investigation = wait_for(answered, timeout_s=120, interval_s=1)
        assert investigation and investigation["status"] == "answered", investigation
        waited = time.monotonic() - stale_at
        assert investigation["alertname"] == "FeedStale" and "feed=equities-us" in investigation["question"]
        lag = re.search(r"Prometheus: feed equities-us last ticked (\d+) s ago", investigation["answer"])
        assert lag and STALE_LAG_S <= int(lag.group(1)) <= STALE_LAG_S + waited + 5, investigation["answer"]
        assert investigation["posted"] == "posted" and lag.group(0) in receiver.messages[-1]["text"]  # the channel got the same facts

        firing = httpx.post(f"{api}/chatops/tools/alertmanager_alerts", headers=as_[Role.viewer], json={"arguments": {"alertname": "FeedStale"}}, timeout=30).json()
        assert [row["feed"] for row in firing["data"]["rows"]] == ["equities-us"]
        silence = {"arguments": {"alertname": "FeedStale", "minutes": 30}}
        assert httpx.post(f"{api}/chatops/tools/alertmanager_silence", headers=as_[Role.viewer], json=silence, timeout=30).status_code == 403
        asked = httpx.post(f"{api}/chatops/ask", headers=as_[Role.operator], json={"question": "Silence FeedStale for 30 minutes."}, timeout=120).json()
        action = asked["pending_action"]  # proposed by the agent from the question, not run
        assert action["status"] == "pending" and action["tool"] == "alertmanager_silence" and action["arguments"]["minutes"] == 30, asked
        assert httpx.get(f"{alertmanager.url}/api/v2/silences", timeout=5).json() == []
        done = httpx.post(f"{api}/chatops/actions/{action['id']}/confirm", headers=as_[Role.operator], timeout=30).json()
        assert done["status"] == "executed", done
        silences = httpx.get(f"{alertmanager.url}/api/v2/silences", timeout=5).json()
        assert [s["matchers"][0]["value"] for s in silences if s["status"]["state"] == "active"] == ["FeedStale"]


def test_shipped_rules_and_configuration_pass_promtool_and_amtool() -> None:
    shipped = REPO_ROOT / "data" / "deploy" / "prometheus"
    for argv in (["promtool", "check", "config", shipped / "prometheus.yml"], ["promtool", "check", "rules", shipped / "rules.yml"],
                 ["amtool", "check-config", shipped / "alertmanager.yml"]):
        done = subprocess.run([str(a) for a in argv], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    assert "SUCCESS: 6 rules found" in subprocess.run(["promtool", "check", "rules", str(shipped / "rules.yml")], capture_output=True, text=True).stdout


@pytest.fixture
def busy_postgres(pg_server: str) -> Iterator[str]:
    """A session on the server sleeping in one statement for a few seconds."""
    engine = create_engine(pg_server)

    def sleep() -> None:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_sleep(3) /* nightly-rebuild */"))

    sleeper = threading.Thread(target=sleep)
    sleeper.start()
    yield pg_server
    sleeper.join(15)
    engine.dispose()


def test_the_postgresql_toolset_finds_a_long_running_query(busy_postgres: str) -> None:
    toolsets = Toolsets(REPO_ROOT / "data" / "toolsets", [], environ={"INSIGHTSTACK_PG_MONITOR_DSN": busy_postgres})
    tools = {tool.name: tool for tool in toolsets.load()}
    assert {s.name: s.available for s in toolsets.statuses}["postgresql"], toolsets.statuses
    long = tools["pg_long_queries"]

    def found() -> list[dict]:
        return long.run(long.arguments(min_seconds=1)).data["stated"]

    stated = wait_for(lambda: [s for s in found() if s["problem"]], timeout_s=5)
    assert stated and "nightly-rebuild" in stated[0]["en"] and stated[0]["en"].startswith("PostgreSQL: session ")
    for name in ("pg_blocked_sessions", "pg_connections", "pg_replication_lag", "pg_database_sizes"):  # valid SQL on PostgreSQL 15
        tools[name].run(tools[name].arguments())
    connections = tools["pg_connections"].run(tools["pg_connections"].arguments()).data["stated"][0]
    assert connections["problem"] is False and re.match(r"PostgreSQL: \d+ of 100 connections in use", connections["en"])
    toolsets.close()

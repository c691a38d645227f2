"""The MarketDataService stand-in, run as its own process and probed over loopback HTTP like the real one."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.marketdata import start, stop
from tests.support.waiting import wait_for

FEEDS = {"equities-us": 2.0, "fx-spot": 1.0, "futures-cme": 5.0}
TOLERANCE_S = 0.3


@dataclass
class Standin:
    process: subprocess.Popen[str]
    client: httpx.Client
    stderr: Path

    def health(self) -> dict[str, Any]:
        response = self.client.get("/health")
        assert response.status_code == 200 and response.headers["content-type"] == "application/json"
        return response.json()

    def lags(self) -> dict[str, float]:
        return {f["feed"]: f["lag_s"] for f in self.health()["feeds"]}


@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Standin]:
    log = tmp_path_factory.mktemp("marketdata") / "stderr.jsonl"
    process, port = start(log, *(f"--feed={name}:{lag}" for name, lag in FEEDS.items()))
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            deadline = time.monotonic() + 10
            while True:
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the stand-in never answered /health"
                time.sleep(0.05)
            yield Standin(process, client, log)
    finally:
        stop(process)


def test_health_lists_the_declared_feeds(standin: Standin) -> None:
    health = standin.health()
    assert health["service"] == "market-data" and health["status"] == "ok"
    assert health["started_at"] <= health["now"] and health["now"].endswith("Z")
    lags = {f["feed"]: f["lag_s"] for f in health["feeds"]}
    assert lags.keys() == FEEDS.keys() and all(abs(lags[name] - lag) <= TOLERANCE_S for name, lag in FEEDS.items())
    for feed in health["feeds"]:
        assert feed["halted"] is False and feed["last_bar_at"].endswith(":00.000Z") and feed["last_bar_at"] <= feed["last_tick_at"]


def test_a_halted_feed_degrades_health_and_its_lag_grows(standin: Standin) -> None:
    halted = standin.client.post("/admin/feeds/futures-cme", json={"halted": True})
    assert halted.status_code == 200 and halted.json()["halted"] is True
    before = standin.health()
    assert before["status"] == "degraded"
    time.sleep(1.2)
    after = standin.health()
    assert after["status"] == "degraded"
    lag_before, lag_after = ({f["feed"]: f["lag_s"] for f in h["feeds"]} for h in (before, after))
    assert lag_after["futures-cme"] - lag_before["futures-cme"] >= 1.1
    frozen = {f["feed"]: f["last_tick_at"] for f in before["feeds"]}["futures-cme"]
    assert {f["feed"]: f["last_tick_at"] for f in after["feeds"]}["futures-cme"] == frozen
    assert all(abs(lag_after[name] - FEEDS[name]) <= TOLERANCE_S for name in ("equities-us", "fx-spot"))

    resumed = standin.client.post("/admin/feeds/futures-cme", json={"halted": False})
    assert resumed.status_code == 200 and resumed.json()["halted"] is False
    assert standin.health()["status"] == "ok" and abs(standin.lags()["futures-cme"] - FEEDS["futures-cme"]) <= TOLERANCE_S


def test_setting_lag_changes_the_reported_lag(standin: Standin) -> None:
    response = standin.client.post("/admin/feeds/fx-spot", json={"lag_s": 42.5})
    assert response.status_code == 200 and abs(response.json()["lag_s"] - 42.5) <= TOLERANCE_S
    assert abs(standin.lags()["fx-spot"] - 42.5) <= TOLERANCE_S
    assert standin.client.post("/admin/feeds/fx-spot", json={"lag_s": FEEDS["fx-spot"]}).status_code == 200


def test_unknown_feed_and_route_are_404_json(standin: Standin) -> None:
    for response in (standin.client.post("/admin/feeds/crypto", json={"lag_s": 1}), standin.client.get("/nope")):
        assert response.status_code == 404 and "error" in response.json()


@pytest.mark.parametrize(
    ("body", "complaint"),
    [(b"{not json", "not valid JSON"), (b"[1]", "JSON object"), (b"{}", "lag_s and/or halted"), (b'{"lag_s": -1}', "lag_s"),
     (b'{"lag_s": "3"}', "lag_s"), (b'{"halted": "yes"}', "halted"), (b'{"paused": true}', "unknown field")],
)
def test_bad_admin_bodies_are_400_saying_why(standin: Standin, body: bytes, complaint: str) -> None:
    response = standin.client.post("/admin/feeds/fx-spot", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and complaint in response.json()["error"]


def test_each_request_is_one_json_log_line(standin: Standin) -> None:
    standin.health()

    def records() -> list[dict[str, Any]]:  # a request is logged after its answer is sent: wait for the line
        return [json.loads(line) for line in standin.stderr.read_text().splitlines()]

    def health_lines() -> list[dict[str, Any]]:  # an earlier test's admin POST may be logged after it
        return [r for r in records() if r.get("method") == "GET" and r.get("path") == "/health"]

    assert wait_for(lambda: bool(health_lines()), timeout_s=10)
    line = health_lines()[-1]
    assert line["status"] == 200 and line["latency_ms"] >= 0


def test_sigterm_exits_cleanly(tmp_path: Path) -> None:
    process, port = start(tmp_path / "stderr.jsonl", "--feed", "fx-spot:1")
    try:
        assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).status_code == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(5) == 0
    finally:
        stop(process)

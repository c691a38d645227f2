"""The eval harness's monitoring (`services.evaluation.world.MonitoringWorld`): the systems one
suite's cases need, each set to every case's world. Prometheus and Alertmanager here, for
`alerts` and `metrics`; PostgreSQL in `eval_postgres`, for `postgres`.

Prometheus scrapes the suite's market-data stand-in and an exporter in this process that serves
the case's gauges; Alertmanager holds the case's alerts (posted through its API, resolved when
the next case starts), and only those: Prometheus' rules send it nothing. A case waits until Prometheus has scraped both targets after the change
(twice when it sets a counter, whose rate needs two samples), so the agent sees the case's world
and not the previous one's."""

from __future__ import annotations

import threading
import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from services.demo import monitoring
from services.demo.eval_postgres import Postgres
from services.evaluation.suite import World
from services.evaluation.world import MARKET_DATA, MonitoringWorld, WorldError

SCRAPE_WAIT_S = 15.0


def start(market_data_port: int, systems: set[str]) -> MonitoringWorld:
    """The ``systems`` a suite needs (``prometheus``, ``postgresql``), started; none half-started on failure."""
    started: list[MonitoringWorld] = []
    try:
        if "prometheus" in systems:
            started.append(Prometheus(market_data_port))
        if "postgresql" in systems:
            started.append(Postgres())
    except BaseException:
        for world in started:
            world.stop()
        raise
    return Systems(started)


class Systems:
    """Several monitored systems as one: each is set to every case's world."""

    def __init__(self, worlds: list[MonitoringWorld]) -> None:
        self.worlds = worlds
        self.systems = set().union(*(w.systems for w in worlds))

    @property
    def environ(self) -> dict[str, str]:
        return {key: value for world in self.worlds for key, value in world.environ.items()}

    def set(self, world: World) -> None:
        for each in self.worlds:
            each.set(world)

    def stop(self) -> None:
        for each in self.worlds:
            each.stop()


class Prometheus:
    systems = {"prometheus"}

    def __init__(self, market_data_port: int) -> None:
        if not monitoring.available():
            raise WorldError("world: alerts and metrics need Prometheus and Alertmanager (apt-get install prometheus prometheus-alertmanager)")
        with ExitStack() as stack:  # a server that fails to start stops the ones started before it
            self._exporter = _Exporter()
            stack.callback(self._exporter.close)
            root = stack.enter_context(monitoring.monitoring_root())
            self.alertmanager_url = stack.enter_context(monitoring.running_alertmanager(None, "", root)).url
            targets = {MARKET_DATA: f"127.0.0.1:{market_data_port}", "eval": f"127.0.0.1:{self._exporter.port}"}
            self.prometheus_url = stack.enter_context(monitoring.running_prometheus(targets, None, root)).url
            self._stack = stack.pop_all()
        self._posted: list[dict[str, Any]] = []

    @property
    def environ(self) -> dict[str, str]:
        """What the shipped toolsets read to find these two servers."""
        return {"INSIGHTSTACK_PROMETHEUS_URL": self.prometheus_url, "INSIGHTSTACK_ALERTMANAGER_URL": self.alertmanager_url}

    def set(self, world: World) -> None:
        now = datetime.now(UTC)
        ended = [{**alert, "endsAt": now.isoformat()} for alert in self._posted]
        self._posted = [
            {"labels": {"alertname": a.alertname, "severity": a.severity, **a.labels}, "annotations": {"summary": a.summary},
             "startsAt": (now - timedelta(minutes=5)).isoformat(), "endsAt": (now + timedelta(hours=1)).isoformat()}
            for a in world.alerts
        ]
        if ended or self._posted:
            httpx.post(f"{self.alertmanager_url}/api/v2/alerts", json=ended + self._posted, timeout=10).raise_for_status()
        self._exporter.lines = [_sample(m.name, m.labels, m.value) for m in world.metrics]
        self._scraped_after(time.time())
        if any(m.name.endswith("_total") for m in world.metrics):  # a counter's rate needs two samples
            self._scraped_after(time.time())

    def _scraped_after(self, moment: float) -> None:
        """Wait until Prometheus has scraped every target since ``moment``."""
        deadline = time.monotonic() + SCRAPE_WAIT_S
        while time.monotonic() < deadline:
            found = httpx.get(f"{self.prometheus_url}/api/v1/query", params={"query": "timestamp(up)"}, timeout=5).json()["data"]["result"]
            if len(found) == 2 and all(float(r["value"][1]) > moment for r in found):
                return
            time.sleep(0.25)
        raise WorldError(f"world: Prometheus did not scrape its targets within {SCRAPE_WAIT_S:g} s")

    def stop(self) -> None:
        self._stack.close()


def _sample(name: str, labels: dict[str, str], value: float) -> str:
    rendered = ",".join(f'{key}="{text}"' for key, text in sorted(labels.items()))
    return f"{name}{{{rendered}}} {value}" if rendered else f"{name} {value}"


class _Exporter:
    """The case's gauges in Prometheus' text format on a loopback port of this process."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        exporter = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                body = ("\n".join(exporter.lines) + "\n").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, name="eval-exporter", daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

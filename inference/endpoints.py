"""A pool of OpenAI-compatible vLLM endpoints (replicas of one model), with a circuit breaker.

Requests go to the healthy replica with the fewest requests in flight (least-outstanding), so
one slow generation does not queue others behind it. A replica that fails is taken out
(`down`); a background prober checks its /health after a cool-down and, when it answers, lets
one trial request at a time through (`probation`); its success puts the replica back `up`, a
failure takes it out again. A restarted server so rejoins without restarting anything here.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import httpx
if TYPE_CHECKING:
    import openai

ReplicaState = Literal["up", "down", "probation"]


@dataclass
class Endpoint:
    """One replica: its URL, its client, and what we have seen of its health."""

    url: str
    client: openai.OpenAI
    state: ReplicaState = "up"
    in_flight: int = 0
    errors: int = 0
    down_since: float = 0.0
    last_error: str | None = None

    @property
    def server_root(self) -> str:
        """The server's root URL (health lives at /health, the API under /v1)."""
        return self.url.removesuffix("/v1")


@dataclass(frozen=True)
class ReplicaStatus:
    """What `/admin/llm/replicas` shows of one replica."""

    url: str
    state: ReplicaState
    in_flight: int
    errors: int
    last_error: str | None


@dataclass(frozen=True)
class EndpointHealth:
    url: str
    up: bool
    latency_ms: float | None
    error: str | None


@dataclass(frozen=True)
class PoolHealth:
    """All replicas probed at once: how many answered, the fastest, and why the others did not."""

    up: int
    total: int
    latency_ms: float | None
    errors: list[str]


class EndpointPool:
    """Least-outstanding routing over healthy replicas; failing ones are taken out and re-admitted."""

    def __init__(
        self, urls: list[str] | tuple[str, ...], *, timeout_s: float = 120.0, cooldown_s: float = 5.0, probe_timeout_s: float = 2.0
    ) -> None:
        if not urls:
            raise ValueError("an endpoint pool needs at least one URL")
        self.timeout_s = timeout_s
        self.cooldown_s = cooldown_s
        self.probe_timeout_s = probe_timeout_s
        import openai  # noqa: PLC0415 (imported when used: about a second of every CLI start otherwise)

        self.endpoints = [
            Endpoint(url=url, client=openai.OpenAI(base_url=url, api_key="EMPTY", timeout=timeout_s, max_retries=0))
            for url in urls
        ]
        self._turn = itertools.count()
        self._lock = threading.Lock()
        self._prober: threading.Thread | None = None
        self._closed = threading.Event()

    def close(self) -> None:
        """Stop the prober: a daemon thread still probing while the interpreter shuts down dies
        with a traceback (seen on CI at the end of the test session)."""
        self._closed.set()
        prober = self._prober  # read once: the prober sets it to None when it ends
        if prober is not None:
            prober.join(timeout=self.probe_timeout_s + 1.0)

    def candidates(self) -> list[Endpoint]:
        """Every endpoint in the order to try it: an idle `probation` one first (its trial request),
        then `up` ones by fewest in flight (ties rotate), then `down` ones longest out first (a
        last resort, so a recovered server is used even before the prober has seen it)."""
        with self._lock:
            start = next(self._turn) % len(self.endpoints)
            rotated = self.endpoints[start:] + self.endpoints[:start]
            up = sorted((ep for ep in rotated if ep.state == "up"), key=lambda ep: ep.in_flight)
            trial = [ep for ep in rotated if ep.state == "probation" and ep.in_flight == 0]
            down = sorted((ep for ep in rotated if ep.state == "down"), key=lambda ep: ep.down_since)
        return trial + up + down

    @contextmanager
    def in_use(self, endpoint: Endpoint) -> Iterator[Endpoint]:
        """Count a request as in flight on ``endpoint`` while the block runs."""
        self.begin(endpoint)
        try:
            yield endpoint
        finally:
            self.end(endpoint)

    def begin(self, endpoint: Endpoint) -> None:
        with self._lock:
            endpoint.in_flight += 1

    def end(self, endpoint: Endpoint) -> None:
        with self._lock:
            endpoint.in_flight -= 1

    def mark_failed(self, endpoint: Endpoint, reason: str) -> None:
        """Open the breaker: no traffic until the prober sees the replica healthy again."""
        with self._lock:
            endpoint.errors += 1
            endpoint.last_error = reason
            endpoint.state, endpoint.down_since = "down", time.monotonic()
            if not self._closed.is_set() and (self._prober is None or not self._prober.is_alive()):
                self._prober = threading.Thread(target=self._readmit, name="llm-replica-prober", daemon=True)
                self._prober.start()

    def mark_ok(self, endpoint: Endpoint) -> None:
        with self._lock:
            endpoint.state, endpoint.last_error = "up", None

    def status(self) -> list[ReplicaStatus]:
        with self._lock:
            return [ReplicaStatus(ep.url, ep.state, ep.in_flight, ep.errors, ep.last_error) for ep in self.endpoints]

    def _readmit(self) -> None:
        """Probe `down` replicas once their cool-down has passed; runs while any replica is down."""
        while not self._closed.wait(min(self.cooldown_s, 1.0)):
            with self._lock:
                down = [ep for ep in self.endpoints if ep.state == "down"]
                if not down:
                    self._prober = None
                    return
            due = [ep for ep in down if time.monotonic() - ep.down_since >= self.cooldown_s]
            for endpoint in due:
                if probe_health(endpoint.server_root, self.probe_timeout_s).up:
                    with self._lock:
                        if endpoint.state == "down":
                            endpoint.state = "probation"
                else:
                    with self._lock:
                        endpoint.down_since = time.monotonic()

    def probe(self, timeout_s: float = 2.0) -> list[EndpointHealth]:
        """GET /health on every replica; used by /readyz and the launcher."""
        return [probe_health(ep.server_root, timeout_s) for ep in self.endpoints]

    def health(self, timeout_s: float = 2.0) -> PoolHealth:
        """`probe` summarised; used by /readyz and the ChatOps `service_health` tool."""
        probes = self.probe(timeout_s)
        up = [probe for probe in probes if probe.up]
        return PoolHealth(
            up=len(up), total=len(probes),
            latency_ms=min((round(probe.latency_ms, 2) for probe in up if probe.latency_ms is not None), default=None),
            errors=[f"{probe.url}: {probe.error}" for probe in probes if not probe.up],
        )


def probe_health(server_root: str, timeout_s: float = 2.0) -> EndpointHealth:
    """One health probe of a vLLM server root URL."""
    started = time.perf_counter()
    try:
        response = httpx.get(f"{server_root}/health", timeout=timeout_s)
    except httpx.HTTPError as exc:
        return EndpointHealth(server_root, False, None, f"{type(exc).__name__}: {exc}")
    latency = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        return EndpointHealth(server_root, False, latency, f"HTTP {response.status_code}")
    return EndpointHealth(server_root, True, latency, None)

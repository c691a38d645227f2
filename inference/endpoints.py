"""A pool of OpenAI-compatible vLLM endpoints (replicas of one model).

Requests go round-robin over the replicas that are up; a replica that fails is cooled down
for a while and tried again after, so a restarted server rejoins without restarting us.
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass

import httpx
import openai


@dataclass
class Endpoint:
    """One replica: its URL, its client, and what we have seen of its health."""

    url: str
    client: openai.OpenAI
    failures: int = 0
    down_until: float = 0.0
    last_error: str | None = None

    @property
    def server_root(self) -> str:
        """The server's root URL (health lives at /health, the API under /v1)."""
        return self.url.removesuffix("/v1")


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
    """Round-robin over healthy replicas with a simple cool-down after failures."""

    def __init__(self, urls: list[str] | tuple[str, ...], *, timeout_s: float = 120.0, cooldown_s: float = 5.0) -> None:
        if not urls:
            raise ValueError("an endpoint pool needs at least one URL")
        self.timeout_s = timeout_s
        self.cooldown_s = cooldown_s
        self.endpoints = [
            Endpoint(url=url, client=openai.OpenAI(base_url=url, api_key="EMPTY", timeout=timeout_s, max_retries=0))
            for url in urls
        ]
        self._turn = itertools.count()
        self._lock = threading.Lock()

    def candidates(self) -> list[Endpoint]:
        """All endpoints in the order to try them: healthy ones first (rotating), then cooled-down ones."""
        now = time.monotonic()
        with self._lock:
            start = next(self._turn) % len(self.endpoints)
        rotated = self.endpoints[start:] + self.endpoints[:start]
        healthy = [ep for ep in rotated if ep.down_until <= now]
        cooling = sorted((ep for ep in rotated if ep.down_until > now), key=lambda ep: ep.down_until)
        return healthy + cooling

    def mark_failed(self, endpoint: Endpoint, reason: str) -> None:
        with self._lock:
            endpoint.failures += 1
            endpoint.last_error = reason
            endpoint.down_until = time.monotonic() + self.cooldown_s

    def mark_ok(self, endpoint: Endpoint) -> None:
        with self._lock:
            endpoint.down_until = 0.0
            endpoint.last_error = None

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

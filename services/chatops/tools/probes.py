"""`service_health` and `market_data_freshness`: HTTP probes of the peer services.

Each probe's outcome is kept in `service_status`, so "since when" survives restarts and every
API worker sees the same history: ``since`` moves only when the status changes.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any, Literal

import httpx
from pydantic import BaseModel, Field, create_model

from inference.endpoints import EndpointPool
from services.chatops.components import Component, Components
from services.chatops.models import ServiceStatus
from services.chatops.toolkit import ToolFailure, ToolOutput
from services.chatops.tools.args import Args, one_of
from services.platform.db import Database

Status = Literal["up", "degraded", "down"]


class Probe(BaseModel):
    service: str
    status: Status
    latency_ms: float | None
    error: str | None
    detail: dict[str, Any] = Field(default_factory=dict)


def health_args(names: list[str]) -> type[BaseModel]:
    return create_model("ServiceHealthArgs", __base__=Args, service=(one_of(names) | None, Field(default=None, description="One service; default: all.")))


class FreshnessArgs(Args):
    feed: str | None = Field(default=None, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$", description="One feed; default: all.")


def service_health(db: Database, components: Components, pool: EndpointPool, args: Any) -> ToolOutput:
    names = [args.service] if args.service else components.probed
    probes = [_probe_llm(name, pool) if components.components[name].llm else _probe_http(name, components.components[name]) for name in names]
    rows = _remember(db, probes)
    for row in rows:
        row["oncall"] = components.oncall(row["service"])
    summary = "; ".join(
        f"{r['service']} {r['status'].upper()} since {r['since']}" + (f" ({r['latency_ms']} ms)" if r["latency_ms"] is not None else "")
        + (f", last error: {r['last_error'][:120]}" if r["status"] != "up" and r["last_error"] else "")
        for r in rows
    )
    return ToolOutput(summary=summary, data=rows)


def market_data_freshness(components: Components, args: FreshnessArgs) -> ToolOutput:
    found = components.market_data
    if found is None:
        raise ToolFailure("no component with feed SLOs in the components file")
    name, component = found
    body = _get_json(name, component)
    now = datetime.now(UTC)
    feeds = []
    for feed in body.get("feeds", []):
        if args.feed and feed["feed"] != args.feed:
            continue
        lag = (now - datetime.fromisoformat(feed["last_tick_at"])).total_seconds()
        slo = component.feeds.get(feed["feed"])
        state = "halted" if feed.get("halted") else "no_slo" if slo is None else "ok" if lag <= slo else "breach"
        feeds.append({
            "feed": feed["feed"], "status": state, "lag_s": round(lag, 1), "slo_s": slo,
            "last_tick_at": feed["last_tick_at"], "last_bar_at": feed.get("last_bar_at"),
        })
    if args.feed and not feeds:
        raise ToolFailure(f"{name} publishes no feed {args.feed!r}; feeds: {', '.join(f['feed'] for f in body.get('feeds', []))}")
    late = [f for f in feeds if f["status"] in ("breach", "halted")]
    summary = f"{len(feeds) - len(late)}/{len(feeds)} feeds within SLO" + "".join(
        f"; {f['feed']} {f['status'].upper()}: last tick {f['lag_s']:g} s ago (SLO {f['slo_s']:g} s)" for f in late
    )
    return ToolOutput(summary=summary, data={"service": name, "service_status": body.get("status"), "feeds": feeds})


def _get_json(name: str, component: Component) -> dict[str, Any]:
    try:
        response = httpx.get(str(component.health_url), timeout=component.timeout_s)
        response.raise_for_status()
        return response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ToolFailure(f"{name} unreachable at {component.health_url}: {type(exc).__name__}: {exc}") from exc


def _probe_http(name: str, component: Component) -> Probe:
    started = time.perf_counter()
    try:
        response = httpx.get(str(component.health_url), timeout=component.timeout_s)
    except httpx.HTTPError as exc:
        return Probe(service=name, status="down", latency_ms=None, error=f"{type(exc).__name__}: {exc}")
    latency = round((time.perf_counter() - started) * 1000, 2)
    if response.status_code != 200:
        return Probe(service=name, status="down", latency_ms=latency, error=f"HTTP {response.status_code}: {response.text[:200]}")
    reported = _reported_status(response)
    if reported not in (None, "ok", "up", "healthy"):
        return Probe(service=name, status="degraded", latency_ms=latency, error=f"reports status {reported!r}")
    return Probe(service=name, status="up", latency_ms=latency, error=None)


def _reported_status(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("status") if isinstance(body, dict) else None


def _probe_llm(name: str, pool: EndpointPool) -> Probe:
    health = pool.health()
    status: Status = "up" if health.up == health.total else "degraded" if health.up else "down"
    error = "; ".join(health.errors) or None
    return Probe(service=name, status=status, latency_ms=health.latency_ms, error=error, detail={"replicas": health.total, "up": health.up})


def _remember(db: Database, probes: list[Probe]) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    rows = []
    with db.session() as session:
        for probe in probes:
            row = session.get(ServiceStatus, probe.service)
            if row is None:
                row = ServiceStatus(service=probe.service, status=probe.status, since=now)
                session.add(row)
            elif row.status != probe.status:
                row.status, row.since = probe.status, now
            row.checked_at, row.latency_ms = now, probe.latency_ms
            if probe.error:
                row.last_error, row.last_error_at = probe.error[:2000], now
            rows.append({
                "service": probe.service, "status": row.status, "since": row.since.isoformat(timespec="seconds"), "latency_ms": probe.latency_ms,
                "last_error": row.last_error, "last_error_at": row.last_error_at.isoformat(timespec="seconds") if row.last_error_at else None,
                **probe.detail,
            })
    return rows

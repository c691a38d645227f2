"""Findings: what the diagnostic tools' results say, stated by code in one sentence each.

A small model copies text well and chooses badly (SmolLM2-135M answered "11" when it had to
read JSON itself), so the facts of an answer are written here from the tools' structured
data: which feed is behind and by how much, which run failed at which task with which error,
which component is down since when. The model only chooses among them and phrases the answer.
Pure functions of `ToolResult`s, so every statement is testable without a model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from services.chatops.toolkit import ToolResult

MAX_ERROR_CHARS = 200


@dataclass(frozen=True)
class Finding:
    tool: str
    subject: str  # the pipeline, feed, component, cache or backtest it is about
    text: str
    problem: bool  # something is wrong (a failed run, a feed in breach, a component down)


def findings(results: Iterable[ToolResult]) -> list[Finding]:
    """Every finding of the tool results, problems first, in the order the tools ran."""
    found: list[Finding] = []
    for result in results:
        if result.status != "ok":
            if result.status in ("error", "timeout"):
                found.append(_failure(result))
            continue
        state = STATEMENTS.get(result.tool)
        if state is not None:
            found += state(result.data)
    unique = list(dict.fromkeys(found))
    return [f for f in unique if f.problem] + [f for f in unique if not f.problem]


def _failure(result: ToolResult) -> Finding:
    """A tool that could not answer: a problem (a target unreachable), except a scheduler that
    has reported no runs yet, which is a fact about the platform, not a failure."""
    if result.tool == "pipeline_status" and result.summary.startswith("no runs reported"):
        return Finding(result.tool, "pipelines", f"No pipeline has reported runs: {result.summary}.", False)
    return Finding(result.tool, result.tool, f"{result.tool} could not answer: {result.summary[:MAX_ERROR_CHARS]}.", True)


def _pipelines(runs: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for run in runs:
        name, when = run["pipeline"], _when(run.get("finished_at") or run["started_at"])
        if run["status"] == "failed":
            failed = [t for t in run["tasks"] if t["status"] == "failed"]
            where = "; ".join(f"task {t['name']} failed with: {(t['error'] or 'no error text')[:MAX_ERROR_CHARS]}" for t in failed)
            others = sorted({t["status"] for t in run["tasks"] if t["status"] in ("upstream_failed", "skipped")})
            text = f"Pipeline {name} run {run['run_id']} failed at {when}: {where or 'no failed task reported'}"
            out.append(Finding("pipeline_status", name, text + (f" (other tasks {', '.join(others)})" if others else "") + ".", True))
        elif run["status"] == "running":
            current = next((t["name"] for t in run["tasks"] if t["status"] == "running"), None)
            text = f"Pipeline {name} run {run['run_id']} is still running since {_when(run['started_at'])}" + (f", at task {current}" if current else "")
            out.append(Finding("pipeline_status", name, text + ".", False))
        else:
            out.append(Finding("pipeline_status", name, f"Pipeline {name} run {run['run_id']} succeeded at {when}.", False))
    return out


def _feeds(data: dict[str, Any]) -> list[Finding]:
    out, healthy = [], []
    for feed in data["feeds"]:
        name, lag, slo = feed["feed"], feed["lag_s"], feed["slo_s"]
        if feed["status"] == "halted":
            out.append(Finding("market_data_freshness", name, f"Feed {name} is halted: its last tick was {lag:g} s ago.", True))
        elif feed["status"] == "breach":
            text = f"Feed {name} is in SLO breach: its last tick was {lag:g} s ago against a freshness SLO of {slo:g} s."
            out.append(Finding("market_data_freshness", name, text, True))
        else:
            healthy.append(name)
    if healthy:
        out.append(Finding("market_data_freshness", data["service"], f"Feeds within their freshness SLO: {', '.join(healthy)}.", False))
    return out


def _services(rows: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for row in rows:
        name = row["service"]
        if row["status"] == "up":
            latency = f" ({row['latency_ms']} ms)" if row["latency_ms"] is not None else ""
            out.append(Finding("service_health", name, f"{name} is up{latency}.", False))
        else:
            error = f"; last error: {row['last_error'][:MAX_ERROR_CHARS]}" if row.get("last_error") else ""
            text = f"{name} is {row['status'].upper()} since {_when(row['since'])} (on-call: {row['oncall']}){error}."
            out.append(Finding("service_health", name, text, True))
    return out


def _caches(stats: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for cache in stats:
        ratio = "n/a" if cache["hit_ratio"] is None else f"{cache['hit_ratio']:.0%}"
        oldest = _when(cache["oldest_entry_at"]) if cache.get("oldest_entry_at") else "none"
        evictions = f", {cache['evictions']} evictions" if cache.get("evictions") is not None else ""
        text = (
            f"Cache {cache['name']} ({cache['description'].rstrip('.')}): {cache['entries']} entries, hit ratio {ratio} "
            f"({cache['hits']} hits, {cache['misses']} misses){evictions}, oldest entry {oldest}."
        )
        out.append(Finding("cache_status", cache["name"], text, False))
    return out


def _database(data: dict[str, Any]) -> list[Finding]:
    text = f"Database {data['dialect']} {data['server_version']}: SELECT 1 latency {data['select1_ms']:g} ms"
    if pool := data.get("pool"):
        text += f"; connection pool {pool['checked_out']} of {pool['size']} checked out (overflow {pool['overflow']})"
    out = [Finding("database_health", "database", text + ".", False)]
    for session in data.get("long_running", []):
        busy = f"Database session {session['pid']} of {session['user_name']} has been {session['state']} for {session['duration_s']:g} s: {session['query']}"
        out.append(Finding("database_health", "database", busy + ".", True))
    return out


def _alerts(alerts: list[dict[str, Any]]) -> list[Finding]:
    """Backtest anomalies (each, and which backtests raised them, in one statement) and failed
    LLM calls; failed runs and services down are stated by their own tools already."""
    out = [
        Finding("recent_alerts", alert["subject"], f"Alert [{alert['severity']}] {alert['subject']}: {alert['message'][:MAX_ERROR_CHARS]}.", alert["severity"] in ("critical", "high"))
        for alert in alerts
        if alert["source"] in ("backtest_anomaly", "llm")
    ]
    kinds: dict[str, set[str]] = {}
    anomalies = [alert for alert in alerts if alert["source"] == "backtest_anomaly" and "backtest_id" in alert]
    for alert in anomalies:
        kinds.setdefault(alert["backtest_id"], set()).add(alert["kind"].replace("_", " "))
    if kinds:
        listed = "; ".join(f"{backtest} ({', '.join(sorted(found))})" for backtest, found in sorted(kinds.items()))
        severe = any(alert["severity"] in ("critical", "high") for alert in anomalies)
        out.append(Finding("recent_alerts", "backtests", f"Backtests with anomaly alerts: {listed}.", severe))
    return out


def _when(stamp: str) -> str:
    """An ISO timestamp as people read it in an answer: `2026-12-03 06:10Z`."""
    return stamp[:16].replace("T", " ") + "Z" if len(stamp) >= 16 else stamp


STATEMENTS: dict[str, Callable[[Any], list[Finding]]] = {
    "pipeline_status": _pipelines,
    "market_data_freshness": _feeds,
    "service_health": _services,
    "cache_status": _caches,
    "database_health": _database,
    "recent_alerts": _alerts,
}

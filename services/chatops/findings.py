"""Findings: what the diagnostic tools' results say, stated by code in one sentence each.

A small model copies text well and chooses badly (SmolLM2-135M answered "11" when it had to
read JSON itself), so the facts of an answer are written here from the tools' structured
data: which feed is behind and by how much, which run failed at which task with which error,
which component is down since when. The model only chooses among them and phrases the answer.
Each is stated in English (what code ranks and searches with) and Korean (`phrases.py`).
Pure functions of `ToolResult`s, so every statement is testable without a model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from services.chatops.phrases import both
from services.chatops.toolkit import ToolResult
from services.platform.languages import Lang

MAX_ERROR_CHARS = 200


@dataclass(frozen=True)
class Finding:
    tool: str
    subject: str  # the pipeline, feed, component, cache or backtest it is about
    text: str  # English: what the question is matched against
    problem: bool  # something is wrong (a failed run, a feed in breach, a component down)
    ko: str = ""  # the same in Korean
    down: bool = False  # a component that does not answer at all (not merely degraded): it explains the problems that name it

    @classmethod
    def stated(cls, tool: str, subject: str, said: tuple[str, str], problem: bool, *, down: bool = False) -> Finding:
        return cls(tool, subject, said[0], problem, said[1], down)

    def said(self, lang: Lang) -> str:
        return self.ko if lang == "ko" and self.ko else self.text


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
        elif isinstance(result.data, dict) and "stated" in result.data:
            found += _declared(result.tool, result.data["stated"])
    unique = list(dict.fromkeys(found))
    return [f for f in unique if f.problem] + [f for f in unique if not f.problem]


def _declared(tool: str, stated: list[dict[str, Any]]) -> list[Finding]:
    """A toolset tool's findings, stated by its file's templates (`toolsets/loader.py`)."""
    return [Finding(tool, s["subject"], s["en"], bool(s["problem"]), s.get("ko") or "") for s in stated]


def _failure(result: ToolResult) -> Finding:
    """A tool that could not answer: a problem (a target unreachable), except a scheduler that
    has reported no runs yet, which is a fact about the platform, not a failure."""
    if result.tool == "pipeline_status" and "no runs reported" in result.summary:  # the executor prefixes the exception's type
        return Finding.stated(result.tool, "pipelines", both("no_runs", summary=result.summary), False)
    return Finding.stated(result.tool, result.tool, both("tool_failed", tool=result.tool, summary=result.summary[:MAX_ERROR_CHARS]), True)


def _pipelines(runs: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for run in runs:
        name, run_id, when = run["pipeline"], run["run_id"], _when(run.get("finished_at") or run["started_at"])
        if run["status"] == "failed":
            failed = [both("task_failed", task=t["name"], error=(t["error"] or "")[:MAX_ERROR_CHARS] or both("no_error_text")) for t in run["tasks"] if t["status"] == "failed"]
            where = tuple("; ".join(said[i] for said in failed) for i in (0, 1)) if failed else both("no_failed_task")
            others = sorted({t["status"] for t in run["tasks"] if t["status"] in ("upstream_failed", "skipped")})
            also = both("other_tasks", statuses=", ".join(others)) if others else ("", "")
            out.append(Finding.stated("pipeline_status", name, both("run_failed", name=name, run_id=run_id, when=when, where=where, others=also), True))
        elif run["status"] == "running":
            current = next((t["name"] for t in run["tasks"] if t["status"] == "running"), None)
            at = both("run_at_task", task=current) if current else ("", "")
            out.append(Finding.stated("pipeline_status", name, both("run_running", name=name, run_id=run_id, since=_when(run["started_at"]), at=at), False))
        else:
            out.append(Finding.stated("pipeline_status", name, both("run_succeeded", name=name, run_id=run_id, when=when), False))
    return out


def _feeds(data: dict[str, Any]) -> list[Finding]:
    out, healthy = [], []
    for feed in data["feeds"]:
        name, lag, slo = feed["feed"], f"{feed['lag_s']:g}", f"{feed['slo_s']:g}"
        if feed["status"] == "halted":
            out.append(Finding.stated("market_data_freshness", name, both("feed_halted", name=name, lag=lag), True))
        elif feed["status"] == "breach":
            out.append(Finding.stated("market_data_freshness", name, both("feed_breach", name=name, lag=lag, slo=slo), True))
        else:
            healthy.append(name)
    if healthy:
        out.append(Finding.stated("market_data_freshness", data["service"], both("feeds_ok", names=", ".join(healthy)), False))
    return out


def _services(rows: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for row in rows:
        name = row["service"]
        if row["status"] == "up":
            latency = f" ({row['latency_ms']} ms)" if row["latency_ms"] is not None else ""
            out.append(Finding.stated("service_health", name, both("service_up", name=name, latency=latency), False))
        else:
            error = both("last_error", error=row["last_error"][:MAX_ERROR_CHARS]) if row.get("last_error") else ("", "")
            said = both("service_down", name=name, status=row["status"].upper(), since=_when(row["since"]), oncall=row["oncall"], error=error)
            out.append(Finding.stated("service_health", name, said, True, down=row["status"] == "down"))
    return out


def _caches(stats: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for cache in stats:
        ratio = "n/a" if cache["hit_ratio"] is None else f"{cache['hit_ratio']:.0%}"
        oldest = _when(cache["oldest_entry_at"]) if cache.get("oldest_entry_at") else both("none")
        evictions = both("evictions", count=cache["evictions"]) if cache.get("evictions") is not None else ("", "")
        said = both(
            "cache", name=cache["name"], description=cache["description"].rstrip("."), entries=cache["entries"], ratio=ratio,
            hits=cache["hits"], misses=cache["misses"], evictions=evictions, oldest=oldest,
        )
        out.append(Finding.stated("cache_status", cache["name"], said, False))
    return out


def _database(data: dict[str, Any]) -> list[Finding]:
    pool = data.get("pool")
    pooled = both("pool", checked_out=pool["checked_out"], size=pool["size"], overflow=pool["overflow"]) if pool else ("", "")
    said = both("database", dialect=data["dialect"], version=data["server_version"], ms=f"{data['select1_ms']:g}", pool=pooled)
    out = [Finding.stated("database_health", "database", said, False)]
    for session in data.get("long_running", []):
        busy = both("long_session", pid=session["pid"], user=session["user_name"], state=session["state"], seconds=f"{session['duration_s']:g}", query=session["query"])
        out.append(Finding.stated("database_health", "database", busy, True))
    return out


def _alerts(alerts: list[dict[str, Any]]) -> list[Finding]:
    """Backtest anomalies (each, and which backtests raised them, in one statement) and failed
    LLM calls; failed runs and services down are stated by their own tools already."""
    out = [
        Finding.stated(
            "recent_alerts", alert["subject"], both("alert", severity=alert["severity"], subject=alert["subject"], message=alert["message"][:MAX_ERROR_CHARS]),
            alert["severity"] in ("critical", "high"),
        )
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
        out.append(Finding.stated("recent_alerts", "backtests", both("anomalous_backtests", listed=listed), severe))
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

"""`recent_alerts`: what went wrong lately, gathered from the platform's own records: anomaly
alerts of recently imported backtests, failed pipeline runs, services not up at their last
probe, and failed LLM calls."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pydantic import Field
from sqlalchemy import func, select

from services.chatops.models import ServiceStatus
from services.chatops.toolkit import ToolOutput
from services.chatops.tools.args import Args
from services.pipelines.models import PipelineRun
from services.platform.db import Database
from services.platform.models import LLMCall
from services.reports.models import BacktestRevision

SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}


class RecentAlertsArgs(Args):
    hours: int = Field(default=24, ge=1, le=168, description="Look back this many hours.")
    min_severity: Literal["low", "medium", "high", "critical"] = "low"
    limit: int = Field(default=20, ge=1, le=50)


def recent_alerts(db: Database, args: RecentAlertsArgs) -> ToolOutput:
    since = datetime.now(UTC) - timedelta(hours=args.hours)
    with db.session() as session:
        alerts = [
            *_anomalies(session.scalars(select(BacktestRevision).where(BacktestRevision.imported_at >= since))),
            *(_pipeline(run) for run in session.scalars(select(PipelineRun).where(PipelineRun.status == "failed", PipelineRun.started_at >= since))),
            *(_service(row) for row in session.scalars(select(ServiceStatus).where(ServiceStatus.status != "up"))),
            *_llm_failures(session.execute(
                select(LLMCall.feature, LLMCall.outcome, func.count(), func.max(LLMCall.created_at))
                .where(LLMCall.outcome != "ok", LLMCall.created_at >= since).group_by(LLMCall.feature, LLMCall.outcome)
            ).all()),
        ]
    floor = SEVERITY_RANK[args.min_severity]
    newest_first = sorted((a for a in alerts if SEVERITY_RANK[a["severity"]] <= floor), key=lambda a: a["at"], reverse=True)
    alerts = sorted(newest_first, key=lambda a: SEVERITY_RANK[a["severity"]])[: args.limit]
    by_source = Counter(alert["source"] for alert in alerts)
    summary = f"{len(alerts)} alert(s) in the last {args.hours} h" + (": " + ", ".join(f"{n} {s}" for s, n in sorted(by_source.items())) if alerts else "")
    if alerts:
        summary += f"; most severe: [{alerts[0]['severity']}] {alerts[0]['subject']}: {alerts[0]['message'][:120]}"
    return ToolOutput(summary=summary, data=alerts)


def _alert(source: str, severity: str, at: datetime | str, subject: str, message: str, **about: str) -> dict[str, Any]:
    stamp = at if isinstance(at, str) else at.isoformat(timespec="seconds")
    return {"source": source, "severity": severity, "at": stamp, "subject": subject, "message": message, **about}


def _anomalies(revisions: Any) -> list[dict[str, Any]]:
    return [
        _alert("backtest_anomaly", a["severity"], str(a["at"]), f"backtest {r.backtest_id} r{r.revision} {a['kind']}", a["description"],
               backtest_id=r.backtest_id, kind=a["kind"])
        for r in revisions
        for a in r.content.get("anomalies", [])
    ]


def _pipeline(run: PipelineRun) -> dict[str, Any]:
    failed = [t["name"] for t in run.tasks if t["status"] == "failed"]
    return _alert("pipeline", "high", run.finished_at or run.started_at, f"pipeline {run.pipeline} run {run.run_id}", f"failed tasks: {', '.join(failed) or 'none reported'}")


def _service(row: ServiceStatus) -> dict[str, Any]:
    return _alert("service", "critical" if row.status == "down" else "high", row.since, f"service {row.service} {row.status}", row.last_error or "no error text")


def _llm_failures(groups: list[Any]) -> list[dict[str, Any]]:
    return [
        _alert("llm", "high" if outcome == "unavailable" else "medium", last, f"LLM calls of {feature}", f"{count} call(s) ended {outcome}")
        for feature, outcome, count, last in groups
    ]

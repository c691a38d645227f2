"""Recording and reading pipeline runs (the `pipeline_status` tool and the API read the same way)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.platform import audit
from services.platform.audit import Caller
from services.platform.errors import Conflict
from services.pipelines.models import PipelineRun
from services.pipelines.schemas import RunIn, RunOut, TaskOut


def record(session: Session, run: RunIn, caller: Caller) -> tuple[RunOut, bool]:
    """Insert or update the run (by pipeline and run id); True if it was new. A finished run
    cannot be reported as running again (a late start message would hide the failure)."""
    row = session.scalar(select(PipelineRun).where(PipelineRun.pipeline == run.pipeline, PipelineRun.run_id == run.run_id))
    created = row is None
    if row is None:
        row = PipelineRun(pipeline=run.pipeline, run_id=run.run_id)
        session.add(row)
    elif row.status != "running" and run.status == "running":
        raise Conflict(f"run {run.pipeline}/{run.run_id} already finished as {row.status}; it cannot go back to running")
    row.status, row.started_at, row.finished_at = run.status, run.started_at, run.finished_at
    row.tasks = [task.model_dump(mode="json") for task in run.tasks]
    row.reported_by = caller.name
    session.flush()
    audit.record(
        session, caller, "pipelines.report", f"{run.pipeline}/{run.run_id}",
        {"status": run.status, "failed_tasks": [t.name for t in run.tasks if t.status == "failed"]},
    )
    return out(row), created


def runs(session: Session, *, pipeline: str | None = None, status: str | None = None, limit: int = 20) -> list[RunOut]:
    """Newest first."""
    query = select(PipelineRun).order_by(PipelineRun.started_at.desc(), PipelineRun.id.desc()).limit(limit)
    if pipeline:
        query = query.where(PipelineRun.pipeline == pipeline)
    if status:
        query = query.where(PipelineRun.status == status)
    return [out(row) for row in session.scalars(query)]


def latest_per_pipeline(session: Session) -> list[RunOut]:
    """The newest run of every pipeline that ever reported."""
    newest = select(PipelineRun.pipeline, func.max(PipelineRun.started_at).label("started")).group_by(PipelineRun.pipeline).subquery()
    query = select(PipelineRun).join(newest, (PipelineRun.pipeline == newest.c.pipeline) & (PipelineRun.started_at == newest.c.started))
    return sorted((out(row) for row in session.scalars(query)), key=lambda run: run.pipeline)


def out(row: PipelineRun) -> RunOut:
    tasks = [
        TaskOut(name=t["name"], status=t["status"], duration_s=_seconds(t.get("started_at"), t.get("finished_at")), error=t.get("error"))
        for t in row.tasks
    ]
    return RunOut(
        pipeline=row.pipeline, run_id=row.run_id, status=row.status, started_at=row.started_at, finished_at=row.finished_at,  # type: ignore[arg-type]
        duration_s=round((row.finished_at - row.started_at).total_seconds(), 3) if row.finished_at else None,
        tasks=tasks, failed_tasks=[t.name for t in tasks if t.status == "failed"], reported_by=row.reported_by, received_at=row.received_at,
    )


def _seconds(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    return round((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds(), 3)

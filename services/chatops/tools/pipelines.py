"""`pipeline_status`: the runs the scheduler reported to `POST /pipelines/runs`."""

from __future__ import annotations

from pydantic import Field

from services.chatops.toolkit import ToolFailure, ToolOutput
from services.chatops.tools.args import Args
from services.pipelines import store
from services.pipelines.schemas import RunOut
from services.platform.db import Database


class PipelineStatusArgs(Args):
    pipeline: str | None = Field(default=None, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$", description="One pipeline's recent runs; default: the last run of each.")
    limit: int = Field(default=5, ge=1, le=20)


def pipeline_status(db: Database, args: PipelineStatusArgs) -> ToolOutput:
    with db.session() as session:
        runs = store.runs(session, pipeline=args.pipeline, limit=args.limit) if args.pipeline else store.latest_per_pipeline(session)
        if not runs:
            known = sorted({run.pipeline for run in store.latest_per_pipeline(session)})
            raise ToolFailure(f"no runs reported for {args.pipeline or 'any pipeline'}; pipelines with runs: {', '.join(known) or 'none'}")
    failed = [run for run in runs if run.status == "failed"]
    summary = f"{len(runs)} run(s); " + ("; ".join(_describe(run) for run in failed) if failed else "no failed runs")
    if running := [run for run in runs if run.status == "running"]:
        summary += "; running: " + ", ".join(f"{run.pipeline}/{run.run_id}" for run in running)
    return ToolOutput(summary=summary, data=[run.model_dump(mode="json") for run in runs])


def _describe(run: RunOut) -> str:
    tasks = ", ".join(f"{t.name} ({(t.error or 'no error text')[:80]})" for t in run.tasks if t.status == "failed") or "no failed task reported"
    return f"{run.pipeline} run {run.run_id} FAILED at {run.finished_at:%Y-%m-%d %H:%M}Z after {run.duration_s:g} s: {tasks}"

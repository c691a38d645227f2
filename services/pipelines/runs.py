"""Pipeline runs as the routes see them: a report from the scheduler, the runs read back. Each
call is one transaction."""

from __future__ import annotations

from services.pipelines import store
from services.pipelines.schemas import RunIn, RunOut
from services.platform.audit import Caller
from services.platform.db import Database
from services.platform.metrics import Metrics


class PipelineRuns:
    def __init__(self, db: Database, metrics: Metrics) -> None:
        """``metrics`` counts finished runs by status: Prometheus alerts on the failed ones."""
        self.db = db
        self.metrics = metrics

    def report(self, run: RunIn, caller: Caller) -> tuple[RunOut, bool]:
        """Insert or update the run; True if it was new (audited)."""
        with self.db.session() as session:
            recorded = store.record(session, run, caller)
        if run.status != "running":
            self.metrics.pipeline_runs.labels(run.pipeline, run.status).inc()
        return recorded

    def listing(self, *, pipeline: str | None, status: str | None, limit: int) -> list[RunOut]:
        """Newest first."""
        with self.db.session() as session:
            return store.runs(session, pipeline=pipeline, status=status, limit=limit)

"""Pipeline runs as the routes see them: a report from the scheduler, the runs read back. Each
call is one transaction."""

from __future__ import annotations

from services.pipelines import store
from services.pipelines.schemas import RunIn, RunOut
from services.platform.audit import Caller
from services.platform.db import Database


class PipelineRuns:
    def __init__(self, db: Database) -> None:
        self.db = db

    def report(self, run: RunIn, caller: Caller) -> tuple[RunOut, bool]:
        """Insert or update the run; True if it was new (audited)."""
        with self.db.session() as session:
            return store.record(session, run, caller)

    def listing(self, *, pipeline: str | None, status: str | None, limit: int) -> list[RunOut]:
        """Newest first."""
        with self.db.session() as session:
            return store.runs(session, pipeline=pipeline, status=status, limit=limit)

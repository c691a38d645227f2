"""Durable batch jobs: a job and the state of each of its items live in the database.

A batch process can be killed at any moment; its job stays `running` with some items `done`.
`resume` hands back only the items not done, so a resumed job never redoes finished work, and
each item's attempts are counted across runs. Each state change is one short transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from services.platform.db import Database
from services.platform.errors import Conflict, NotFound
from services.platform.models import Job, JobItem, utcnow

JobState = Literal["running", "done", "failed"]
ItemState = Literal["pending", "running", "done", "failed"]


@dataclass(frozen=True)
class ItemView:
    id: str
    state: ItemState
    attempts: int
    outcome: str | None
    detail: str | None


@dataclass(frozen=True)
class JobView:
    id: str
    kind: str
    state: JobState
    params: dict[str, Any]
    created_by: str
    items: list[ItemView]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "state": self.state, "params": self.params, "created_by": self.created_by,
            "items": [item.__dict__ for item in self.items],
        }


def create(db: Database, kind: str, item_ids: list[str], params: dict[str, Any], created_by: str) -> str:
    """A new job with every item pending; returns its id."""
    job_id = uuid.uuid4().hex[:16]
    with db.session() as session:
        session.add(Job(id=job_id, kind=kind, state="running", params=params, created_by=created_by))
        session.flush()
        session.add_all(JobItem(job_id=job_id, item_id=item, position=n, state="pending") for n, item in enumerate(item_ids))
    return job_id


def resume(db: Database, job_id: str, kind: str) -> list[str]:
    """The items still to do, in order; the job is `running` again."""
    with db.session() as session:
        job = _job(session, job_id)
        if job.kind != kind:
            raise Conflict(f"job {job_id} is a {job.kind} job, not {kind}")
        job.state, job.updated_at = "running", utcnow()
        rows = session.scalars(select(JobItem).where(JobItem.job_id == job_id, JobItem.state != "done").order_by(JobItem.position))
        return [row.item_id for row in rows]


def start_item(db: Database, job_id: str, item_id: str) -> None:
    with db.session() as session:
        session.execute(
            update(JobItem).where(JobItem.job_id == job_id, JobItem.item_id == item_id)
            .values(state="running", attempts=JobItem.attempts + 1, updated_at=utcnow())
        )


def finish_item(db: Database, job_id: str, item_id: str, *, ok: bool, outcome: str, detail: str) -> None:
    with db.session() as session:
        session.execute(
            update(JobItem).where(JobItem.job_id == job_id, JobItem.item_id == item_id)
            .values(state="done" if ok else "failed", outcome=outcome, detail=detail[:500], updated_at=utcnow())
        )


def finish(db: Database, job_id: str) -> JobState:
    """`done` when every item is done, else `failed` (resume retries the failed ones)."""
    with db.session() as session:
        job = _job(session, job_id)
        left = session.scalar(select(JobItem.item_id).where(JobItem.job_id == job_id, JobItem.state != "done").limit(1))
        job.state, job.updated_at = ("done" if left is None else "failed"), utcnow()
        return job.state  # type: ignore[return-value]


def show(db: Database, job_id: str) -> JobView:
    with db.session() as session:
        job = _job(session, job_id)
        rows = session.scalars(select(JobItem).where(JobItem.job_id == job_id).order_by(JobItem.position))
        items = [ItemView(row.item_id, row.state, row.attempts, row.outcome, row.detail) for row in rows]  # type: ignore[arg-type]
        return JobView(job.id, job.kind, job.state, job.params, job.created_by, items)  # type: ignore[arg-type]


def recent(db: Database, limit: int = 20) -> list[Job]:
    with db.session() as session:
        return list(session.scalars(select(Job).order_by(Job.created_at.desc()).limit(limit)))


def _job(session: Session, job_id: str) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"no job {job_id!r}")
    return job

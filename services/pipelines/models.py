"""Runs of the data pipelines, as the scheduler reports them (`POST /pipelines/runs`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db import Base, UTCDateTime
from services.platform.models import utcnow


class PipelineRun(Base):
    """One run; the scheduler reports it when it starts and again when it ends (same run id)."""

    __tablename__ = "pipeline_runs"
    __table_args__ = (UniqueConstraint("pipeline", "run_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pipeline: Mapped[str] = mapped_column(String(64), index=True)
    run_id: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    tasks: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    reported_by: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

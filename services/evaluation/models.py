"""Recorded eval runs (`insightstack eval run --record`), in the platform's own database.

The per-suite data dirs of a run are thrown away; what the production promotion gate and the
showcase's quality page need to know about a run is kept here: which model and prompt versions
were measured, each suite's scores, and the whole results document for the details.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db import Base, UTCDateTime
from services.platform.models import utcnow


class EvalRun(Base):
    """One recorded run of eval suites against one model."""

    __tablename__ = "eval_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))  # the OS user who ran it
    model: Mapped[str] = mapped_column(String(128), index=True)
    profile: Mapped[str | None] = mapped_column(String(64))
    git_commit: Mapped[str | None] = mapped_column(String(40))
    prompt_versions: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # prompt id -> version served
    suites: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # product, lang, file, cases, pass_rate, pass_all_k
    document: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # `services.evaluation.report.as_json`

"""Tables of the narrative report product: backtest revisions, generated reports, reviews, requests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db import Base, UTCDateTime
from services.platform.models import utcnow


class BacktestRevision(Base):
    """One imported version of a BacktestService result; re-importing changed content adds a revision."""

    __tablename__ = "backtest_revisions"
    __table_args__ = (UniqueConstraint("backtest_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    backtest_id: Mapped[str] = mapped_column(String(64), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Report(Base):
    """A generated report, keyed by everything that determines its content (the cache key)."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("cache_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cache_key: Mapped[str] = mapped_column(String(64))
    backtest_id: Mapped[str] = mapped_column(String(64), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    prompt_id: Mapped[str] = mapped_column(String(128))
    prompt_version: Mapped[str] = mapped_column(String(32))
    prompt_hash: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(128))
    schema_version: Mapped[str] = mapped_column(String(16))
    narrative: Mapped[dict[str, Any]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    factcheck: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), index=True)
    generated_by: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    generation_ms: Mapped[float] = mapped_column(Float)
    invalidated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # set: not served from cache


class ReportReview(Base):
    """A reviewer's decision on a report (with the edited text, re-checked, if any)."""

    __tablename__ = "report_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    reviewer: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(16))
    rating: Mapped[int | None] = mapped_column(Integer)  # 1-5; None on reviews from before ratings
    comment: Mapped[str] = mapped_column(Text, default="")
    edited_text: Mapped[str | None] = mapped_column(Text)
    factcheck: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReportRequest(Base):
    """One request for a report and whether the cache answered it: the recorded events the cache
    hit rate is computed from (the registry's hit/miss counters are per process and reset)."""

    __tablename__ = "report_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    backtest_id: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer)
    requested_by: Mapped[str] = mapped_column(String(64))
    cache: Mapped[str] = mapped_column(String(8))  # hit | miss | bypass (refresh=true: the cache was not asked)

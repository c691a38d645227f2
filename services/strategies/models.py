"""Tables of the strategy builder: drafts and every revision of their configuration."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db import Base, UTCDateTime
from services.platform.models import utcnow


class StrategyDraft(Base):
    """A draft and its current state; the configuration history is in `strategy_draft_revisions`."""

    __tablename__ = "strategy_drafts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    intent: Mapped[str] = mapped_column(Text)
    constraints: Mapped[dict[str, Any]] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    config: Mapped[dict[str, Any]] = mapped_column(JSON)
    rationale: Mapped[str] = mapped_column(Text)
    candidates: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    validation_errors: Mapped[list[str]] = mapped_column(JSON)
    repairs: Mapped[int] = mapped_column(Integer, default=0)
    prompt_id: Mapped[str] = mapped_column(String(128))
    prompt_version: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(128))
    catalogue_version: Mapped[str] = mapped_column(String(32))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decision_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class StrategyDraftRevision(Base):
    __tablename__ = "strategy_draft_revisions"
    __table_args__ = (UniqueConstraint("draft_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("strategy_drafts.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # generated | instruction | edit
    config: Mapped[dict[str, Any]] = mapped_column(JSON)
    validation_errors: Mapped[list[str]] = mapped_column(JSON)
    repairs: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

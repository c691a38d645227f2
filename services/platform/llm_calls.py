"""Persists every LLM call record (the monitoring pipeline's source of truth)."""

from __future__ import annotations

import dataclasses

import structlog

from inference.structured import LLMCallRecord
from services.platform.db import Database, DatabaseUnavailable
from services.platform.models import LLMCall

log = structlog.get_logger(__name__)


class DatabaseRecorder:
    """Writes each `LLMCallRecord` in its own transaction, so a failed request still leaves its trace."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def __call__(self, record: LLMCallRecord) -> None:
        try:
            with self.db.session() as session:
                session.add(LLMCall(**dataclasses.asdict(record)))
        except DatabaseUnavailable as exc:
            log.error("llm.record_lost", request_id=record.request_id, error=str(exc))

"""Persists every LLM call record (the monitoring pipeline's source of truth) and counts it in
the metrics. Prompt and answer excerpts are redacted before they are stored."""

from __future__ import annotations

import dataclasses

import structlog

from guardrails.redaction import redact_text
from inference.structured import LLMCallRecord
from services.platform.db import Database, DatabaseUnavailable
from services.platform.metrics import Metrics
from services.platform.models import LLMCall

log = structlog.get_logger(__name__)
EXCERPT_CHARS = 4000


def excerpt(text: str | None) -> str | None:
    """Redacted and cut to EXCERPT_CHARS: records must never hold a secret a prompt carried."""
    return None if text is None else redact_text(text[:EXCERPT_CHARS])


class CallRecorder:
    """Writes each `LLMCallRecord` in its own transaction, so a failed request still leaves its trace."""

    def __init__(self, db: Database, metrics: Metrics) -> None:
        self.db = db
        self.metrics = metrics

    def __call__(self, record: LLMCallRecord) -> None:
        self.metrics.observe_llm_call(record)
        row = dataclasses.replace(record, input_text=excerpt(record.input_text), output_text=excerpt(record.output_text))
        try:
            with self.db.session() as session:
                session.add(LLMCall(**dataclasses.asdict(row)))
        except DatabaseUnavailable as exc:
            log.error("llm.record_lost", request_id=record.request_id, error=str(exc))

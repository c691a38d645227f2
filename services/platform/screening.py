"""Guardrails as the products use them: screen, record every decision, refuse blocked input.

The `guardrails` library decides; this module gives each decision its request id and user,
stores it (table guardrail_decisions), counts it in the metrics and logs the ones that fired.
Recording never fails a request: a database that is down loses the rows, with an error log.
"""

from __future__ import annotations

import structlog

from guardrails.policy import Stage
from guardrails.screen import Guardrails, Screening
from services.platform.audit import Caller
from services.platform.db import Database, DatabaseUnavailable
from services.platform.errors import AppError
from services.platform.metrics import Metrics
from services.platform.models import GuardrailDecision

log = structlog.get_logger(__name__)


class ContentBlocked(AppError):
    status, code = 400, "content_blocked"


class Screener:
    """`Guardrails` plus the records; one per platform."""

    def __init__(self, guardrails: Guardrails, db: Database, metrics: Metrics) -> None:
        self.guardrails = guardrails
        self.db = db
        self.metrics = metrics

    @property
    def policy_version(self) -> str:
        return self.guardrails.policy.version

    def screen(self, surface: str, stage: Stage, text: str, caller: Caller) -> Screening:
        """Screen and record; acting on the result is the caller's job."""
        screening = self.guardrails.screen(surface, stage, text)
        self.record(screening, caller)
        return screening

    def screen_input(self, surface: str, text: str, caller: Caller, *, param: str | None = None) -> Screening:
        """Screen what a user sent; a block is a 400 that names the check and the policy version."""
        screening = self.screen(surface, Stage.input, text, caller)
        if screening.blocked is not None:
            raise ContentBlocked(blocked_message(screening), param=param, code="content_filter")
        return screening

    def record(self, screening: Screening, caller: Caller) -> None:
        """Count, log (when fired) and store the decisions of a screening."""
        request_id, user = caller.request_id or "-", caller.name
        self.metrics.observe_screening(screening)
        fired = [d for d in screening.decisions if d.action is not None]
        if fired:
            log.info(
                "guardrail.fired", surface=screening.surface, stage=screening.stage.value, policy=screening.policy_version,
                decisions=[f"{d.check}:{d.outcome}:{d.score}" for d in fired],
            )
        rows = [
            GuardrailDecision(
                request_id=request_id, user=user, surface=screening.surface, stage=screening.stage.value, check=d.check,
                outcome=d.outcome, score=d.score, threshold=d.threshold, reason=d.reason[:256],
                policy_version=screening.policy_version, latency_ms=d.latency_ms,
            )
            for d in screening.decisions
        ]
        try:
            with self.db.session() as session:
                session.add_all(rows)
        except DatabaseUnavailable as exc:
            log.error("guardrail.record_lost", request_id=request_id, error=str(exc))


def blocked_message(screening: Screening) -> str:
    decision = screening.blocked
    assert decision is not None
    return f"{screening.stage.value} blocked by guardrail policy {screening.policy_version}: {decision.reason}"

"""Alert-triggered investigations: Alertmanager's webhook in, a read-only ChatOps turn out.

Each new firing alert of a group starts one investigation: the question is written by code from
the alert (its name, summary and labels), asked as a viewer (so no tool that changes state can
run), recorded like any ChatOps turn (findings, tools, runbooks, audit) and posted to the
configured Slack or Mattermost channel. A group Alertmanager sends again (repeat, a new member
resolving) covers no new alert and starts nothing; a resolved group marks its investigations
resolved. Alerts are stored before the webhook answers, so a receiver that dies mid-way loses
no alert: the row stays `running` with its question.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Literal

import structlog
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from services.chatops.models import Investigation
from services.chatops.schemas import AskIn, AskOut
from services.chatops.slack import message
from services.platform import audit
from services.platform.audit import Caller
from services.platform.db import Database
from services.platform.languages import Lang
from services.platform.models import utcnow
from services.platform.permissions import Role

log = structlog.get_logger(__name__)
CHANNEL = "alertmanager"
MAX_LABELS_IN_QUESTION = 8

Ask = Callable[[AskIn, Caller, str], AskOut]
Post = Callable[[dict[str, object]], bool]


class AlertIn(BaseModel):
    """One alert of Alertmanager's webhook payload (version 4); fields it may add are ignored."""

    model_config = ConfigDict(populate_by_name=True)

    status: Literal["firing", "resolved"]
    labels: dict[str, str] = Field(min_length=1)
    annotations: dict[str, str] = Field(default_factory=dict)
    starts_at: datetime = Field(alias="startsAt")
    fingerprint: str = Field(min_length=1, max_length=64)

    @property
    def key(self) -> str:
        return f"{self.fingerprint}@{self.starts_at.isoformat()}"


class AlertGroupIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    version: Literal["4"]
    group_key: str = Field(alias="groupKey", min_length=1, max_length=1000)
    status: Literal["firing", "resolved"]
    receiver: str = Field(max_length=200)
    alerts: list[AlertIn] = Field(min_length=1, max_length=500)


class InvestigationOut(BaseModel):
    id: str
    alertname: str
    status: str
    alert_status: str
    question: str
    alerts: list[dict[str, object]]
    turn_id: str | None
    answer: str | None
    posted: str | None
    error: str | None
    created_by: str
    created_at: datetime
    finished_at: datetime | None
    resolved_at: datetime | None


class WebhookOut(BaseModel):
    started: list[str] = Field(description="Investigations this delivery started (run after the answer).")
    duplicate: bool = Field(description="Every firing alert was already being investigated.")
    resolved: list[str] = Field(description="Investigations whose alerts this delivery resolved.")


class Investigations:
    def __init__(self, db: Database, ask: Ask, post: Post | None, lang: Lang = "en") -> None:
        """``ask`` is ChatOps' own (the same agent, audit and records as a question); ``post``
        sends a message to the alerts channel (None: no channel configured); ``lang``: the
        team's language, which the question is written in and so the answer comes in."""
        self.db, self.ask, self.post, self.lang = db, ask, post, lang

    def receive(self, group: AlertGroupIn, caller: Caller) -> WebhookOut:
        """Store what is new; the caller runs `investigate` for each started id afterwards."""
        firing = [a for a in group.alerts if a.status == "firing"]
        with self.db.session() as session:
            rows = list(session.scalars(select(Investigation).where(Investigation.group_key == group.group_key)))
            covered = {key for row in rows for key in row.alert_keys}
            resolved = self._resolve(rows, group) if group.status == "resolved" else []
            new = [a for a in firing if a.key not in covered]
            audit.record(session, caller, "chatops.alerts.receive", group.group_key[:200], {
                "status": group.status, "alerts": len(group.alerts), "new": len(new), "resolved": resolved,
            })
        started = self._start(group, new, caller) if new else None
        return WebhookOut(started=[started] if started else [], duplicate=bool(firing) and not new, resolved=resolved)

    def _resolve(self, rows: list[Investigation], group: AlertGroupIn) -> list[str]:
        done = {a.key for a in group.alerts if a.status == "resolved"}
        resolved = []
        for row in rows:
            if row.alert_status == "firing" and set(row.alert_keys) <= done:
                row.alert_status, row.resolved_at = "resolved", utcnow()
                resolved.append(row.id)
        return resolved

    def _start(self, group: AlertGroupIn, alerts: list[AlertIn], caller: Caller) -> str | None:
        keys = sorted(a.key for a in alerts)
        row = Investigation(
            id=uuid.uuid4().hex, dedup_key=hashlib.sha256("\n".join([group.group_key, *keys]).encode()).hexdigest(),
            group_key=group.group_key, alertname=alerts[0].labels.get("alertname", "alert")[:128], alert_keys=keys,
            alerts=[{"labels": a.labels, "annotations": a.annotations, "starts_at": a.starts_at.isoformat()} for a in alerts],
            status="running", alert_status="firing", question=question(alerts, self.lang), created_by=caller.name, created_at=utcnow(),
        )
        try:
            with self.db.session() as session:
                session.add(row)
        except IntegrityError:  # the same alerts, delivered twice at once: the other delivery has them
            return None
        log.info("chatops.investigation_started", investigation=row.id, alertname=row.alertname, alerts=len(alerts))
        return row.id

    def investigate(self, investigation_id: str, caller: Caller) -> None:
        """Ask ChatOps as a viewer (read-only tools only), record the answer, post it. Never raises:
        it runs after the webhook has answered, and a failure is recorded on the investigation."""
        with self.db.session() as session:
            row = session.get(Investigation, investigation_id)
            if row is None:
                return
            question_text, alertname = row.question, row.alertname
        reader = Caller(name=caller.name, role=Role.viewer.value, request_id=caller.request_id)
        try:
            answer = self.ask(AskIn(question=question_text), reader, CHANNEL)
        except Exception as exc:  # recorded on the row; the alert is not lost
            log.warning("chatops.investigation_failed", investigation=investigation_id, error=repr(exc))
            self._finish(investigation_id, status="failed", error=f"{type(exc).__name__}: {exc}"[:2000])
            return
        title = f"경보 {alertname} 조사 ({investigation_id[:8]}):" if self.lang == "ko" else f"Investigation of alert {alertname} ({investigation_id[:8]}):"
        posted = self._post(title, answer)
        self._finish(investigation_id, status="answered", turn_id=answer.turn_id, answer=answer.answer, posted=posted)

    def _post(self, title: str, answer: AskOut) -> str:
        if self.post is None:
            return "not_configured"
        body = message(answer)
        return "posted" if self.post({**body, "text": f"{title}\n{body['text']}"}) else "failed"

    def _finish(self, investigation_id: str, **values: object) -> None:
        with self.db.session() as session:
            row = session.get(Investigation, investigation_id)
            if row is not None:
                for name, value in values.items():
                    setattr(row, name, value)
                row.finished_at = utcnow()

    def listing(self, status: str | None = None, limit: int = 50) -> list[InvestigationOut]:
        query = select(Investigation).order_by(Investigation.created_at.desc()).limit(limit)
        with self.db.session() as session:
            rows = session.scalars(query.where(Investigation.status == status) if status else query)
            return [InvestigationOut.model_validate(row, from_attributes=True) for row in rows]


def question(alerts: list[AlertIn], lang: Lang = "en") -> str:
    """What the agent is asked: the alert's name, severity, summary and labels, as an operator
    would ask it (the labels name the feed, job or pipeline the findings are matched against).
    In Korean the frame is Korean and the alert's own text stays as Alertmanager sent it."""
    first = alerts[0]
    name, severity = first.labels.get("alertname", "alert"), first.labels.get("severity", "unknown")
    summaries = list(dict.fromkeys(a.annotations.get("summary", "") for a in alerts if a.annotations.get("summary")))
    labels = sorted({f"{k}={v}" for a in alerts for k, v in a.labels.items() if k not in ("alertname", "severity")})[:MAX_LABELS_IN_QUESTION]
    detail = (f": {' '.join(summaries)}" if summaries else "") + (f" [{', '.join(labels)}]" if labels else "")
    if lang == "ko":
        return f"{f'경보 {name} ({severity}) 발생{detail}'[:850]}. 무엇이 문제이고 당직자는 무엇부터 확인해야 합니까?"
    return f"{f'Alert {name} ({severity}) is firing{detail}'[:850]}. What is wrong, and what should on-call check first?"

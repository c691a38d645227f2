"""Tables of the ChatOps agent: runbooks, observed service status, turns, escalations,
conversation resolutions, actions waiting for confirmation, chat identities, seen Slack events and
alert-triggered investigations."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db import Base, UTCDateTime
from services.platform.models import utcnow


class Runbook(Base):
    """An imported runbook; ``content_hash`` decides whether a re-import re-embeds it."""

    __tablename__ = "runbooks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    services: Mapped[list[str]] = mapped_column(JSON)
    tags: Mapped[list[str]] = mapped_column(JSON)
    tools: Mapped[list[str]] = mapped_column(JSON)
    path: Mapped[str] = mapped_column(String(512))
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    chunks: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ServiceStatus(Base):
    """The last probe of a registered service; ``since`` is when its status last changed."""

    __tablename__ = "service_status"

    service: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    since: Mapped[datetime] = mapped_column(UTCDateTime())
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    latency_ms: Mapped[float | None] = mapped_column(Float)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChatTurn(Base):
    """One question and what the agent did about it."""

    __tablename__ = "chatops_turns"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(64), index=True)
    asked_by: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    question: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(24))
    answer: Mapped[str] = mapped_column(Text)
    tool_calls: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    runbooks: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    steps: Mapped[int] = mapped_column(Integer)
    latency_ms: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


def asked_at(created_at: datetime, latency_ms: float) -> datetime:
    """When a turn's question was asked: a turn is stored when it is answered, ``latency_ms`` later."""
    return created_at - timedelta(milliseconds=latency_ms)


class Escalation(Base):
    """The agent handing a problem to people: summary, evidence and the suggested on-call."""

    __tablename__ = "chatops_escalations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    turn_id: Mapped[str] = mapped_column(String(32), index=True)
    service: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    suggested_oncall: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Resolution(Base):
    """A conversation marked resolved by its asker or an operator (at most once)."""

    __tablename__ = "chatops_resolutions"

    conversation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    resolved_by: Mapped[str] = mapped_column(String(64))
    resolved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class PendingAction(Base):
    """A state-changing tool call the agent proposed; it runs only when an operator confirms it."""

    __tablename__ = "chatops_pending_actions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    turn_id: Mapped[str] = mapped_column(String(32), index=True)
    tool: Mapped[str] = mapped_column(String(64))
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON)
    requested_by: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Investigation(Base):
    """Alerts Alertmanager sent and the read-only investigation they started. ``dedup_key`` is
    the hash of the alerts it covers (fingerprint and start), so a re-sent group starts nothing."""

    __tablename__ = "chatops_investigations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(64), unique=True)
    group_key: Mapped[str] = mapped_column(String(1000), index=True)
    alertname: Mapped[str] = mapped_column(String(128))
    alerts: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    alert_keys: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))  # running, answered, failed
    alert_status: Mapped[str] = mapped_column(String(16))  # firing, resolved
    question: Mapped[str] = mapped_column(Text)
    turn_id: Mapped[str | None] = mapped_column(String(32))
    answer: Mapped[str | None] = mapped_column(Text)
    posted: Mapped[str | None] = mapped_column(String(16))  # posted, failed, not_configured
    error: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChatIdentity(Base):
    """A Slack or Mattermost user id linked to a platform user (whose role applies)."""

    __tablename__ = "chat_identities"

    workspace: Mapped[str] = mapped_column(String(64), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_name: Mapped[str] = mapped_column(String(64))
    linked_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SeenEvent(Base):
    """Slack event ids already handled: Slack retries a delivery it thinks failed."""

    __tablename__ = "slack_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the id (`slack.first_delivery`)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

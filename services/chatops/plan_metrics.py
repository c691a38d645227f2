"""D3's part of the plan's metrics (section 7): computed from the `chatops.ask` audit entries,
`chatops_turns`, `chatops_escalations` and `chatops_resolutions`."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.chatops.models import ChatTurn, Escalation, Resolution, asked_at
from services.operations.metrics_summary import MetricsSection, mean
from services.platform.models import AuditEntry


class ChatOpsMetrics(BaseModel):
    """D3: the ChatOps agent."""

    questions: int = Field(description="Questions asked in the window: `chatops.ask` audit entries that were let through (blocked ones excluded).")
    active_users: int = Field(description="Distinct people who asked at least one question in the window.")
    active_days: int = Field(description="UTC days in the window on which at least one question was asked.")
    daily_active_users: float | None = Field(description="Mean, over the active days, of the distinct askers that day.")
    conversations: int = Field(description="Conversations started in the window (their first question was asked in it).")
    resolved: int = Field(description="Of those, the ones marked resolved (by the asker or an operator), whenever that was.")
    mean_time_to_resolution_s: float | None = Field(
        description="Mean of (resolved_at - first question asked) over the resolved conversations started in the window, seconds."
    )
    escalations: int = Field(description="Escalations to people created in the window.")
    escalations_avoided: int = Field(description="Resolved conversations started in the window in which no turn escalated.")


def chatops_metrics(session: Session, start: datetime, end: datetime) -> ChatOpsMetrics:
    asks = session.execute(
        select(AuditEntry.ts, AuditEntry.actor).where(
            AuditEntry.action == "chatops.ask", AuditEntry.decision == "allowed", AuditEntry.ts >= start, AuditEntry.ts < end
        )
    ).all()
    askers_by_day: dict[date, set[str]] = defaultdict(set)
    for ts, actor in asks:
        askers_by_day[ts.astimezone(UTC).date()].add(actor)

    # Conversations whose first question falls in the window. Their turns may begin before it
    # (then the conversation is not this window's), so the candidates' turns are read whole.
    candidates = select(ChatTurn.conversation_id).where(ChatTurn.created_at >= start).distinct()
    started: dict[str, datetime] = {}
    turns_of: dict[str, list[str]] = defaultdict(list)
    for conversation_id, turn_id, created_at, latency_ms in session.execute(
        select(ChatTurn.conversation_id, ChatTurn.id, ChatTurn.created_at, ChatTurn.latency_ms).where(ChatTurn.conversation_id.in_(candidates))
    ):
        at = asked_at(created_at, latency_ms)
        started[conversation_id] = min(started.get(conversation_id, at), at)
        turns_of[conversation_id].append(turn_id)
    in_window = {c for c, at in started.items() if start <= at < end}
    resolved = dict(session.execute(select(Resolution.conversation_id, Resolution.resolved_at).where(Resolution.conversation_id.in_(in_window))).all()) if in_window else {}
    escalated_turns = set(
        session.scalars(select(Escalation.turn_id).where(Escalation.turn_id.in_([t for c in resolved for t in turns_of[c]])))
    ) if resolved else set()
    escalations = session.scalar(select(func.count()).select_from(Escalation).where(Escalation.created_at >= start, Escalation.created_at < end)) or 0
    return ChatOpsMetrics(
        questions=len(asks), active_users=len({actor for _ts, actor in asks}), active_days=len(askers_by_day),
        daily_active_users=mean([len(askers) for askers in askers_by_day.values()]),
        conversations=len(in_window), resolved=len(resolved),
        mean_time_to_resolution_s=mean([(at - started[c]).total_seconds() for c, at in resolved.items()], digits=1),
        escalations=escalations,
        escalations_avoided=sum(1 for c in resolved if not escalated_turns.intersection(turns_of[c])),
    )


SECTION = MetricsSection(
    name="chatops", title="ChatOps", product="D3", model=ChatOpsMetrics, compute=chatops_metrics,
    korean={
        "title": "챗옵스", "questions": "질문 수", "active_users": "활성 사용자", "active_days": "활동 일수", "daily_active_users": "일평균 활성 사용자",
        "conversations": "대화 수", "resolved": "해결된 대화", "mean_time_to_resolution_s": "평균 해결 시간(초)", "escalations": "에스컬레이션",
        "escalations_avoided": "에스컬레이션 없이 해결",
    },
)

"""The plan's metrics (section 7), computed from what the platform records, never from counters.

Every figure is read from append-only events or rows that are written once, so two workers,
a restart or a re-run give the same answer for the same window:

- narrative reports: the `reports.generate` audit entries (each carries the generation's status,
  claim counts and processing time), `report_reviews` (the reviewer's 1-5 rating) and
  `report_requests` (one row per report request with its cache outcome);
- strategy builder: `strategy_drafts` and `strategy_draft_revisions`;
- ChatOps: the `chatops.ask` audit entries, `chatops_turns`, `chatops_escalations` and
  `chatops_resolutions`.

Why `report_requests` for the cache hit rate: the cache registry's hits and misses
(`services.platform.caches`, the `/metrics` counters) live in each API worker's memory and reset
on restart, so they cannot answer "what was the hit rate last month". The report service now
records every request with ``hit``, ``miss`` or ``bypass`` (a `refresh=true` request, which does
not ask the cache) in the same transaction as the cache lookup.

A window is ``[start, end)`` in UTC. Ratios and means over nothing are ``None`` (not 0).
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.chatops.models import ChatTurn, Escalation, Resolution, asked_at
from services.platform.errors import AppError
from services.platform.models import AuditEntry, utcnow
from services.reports.models import ReportRequest, ReportReview
from services.strategies.models import StrategyDraft, StrategyDraftRevision

DEFAULT_DAYS = 30
GENERATED_SOURCES = ("generated", "instruction")  # strategy revisions the model wrote (an `edit` is a person's)


class InvalidWindow(AppError):
    """A `from`/`to` that cannot be read, or a window that ends before it starts (400)."""

    status, code = 400, "invalid_request"


class Window(BaseModel):
    start: datetime = Field(description="Inclusive, UTC.")
    end: datetime = Field(description="Exclusive, UTC.")


class NarrativeMetrics(BaseModel):
    """D1: narrative reports."""

    reports_generated: int = Field(description="`reports.generate` audit entries in the window: every generation (first, refresh, new revision).")
    fact_check_pass_rate: float | None = Field(
        description="Share of those generations whose fact check found no contradicted and no unverifiable claim (the checker's verdict "
        "`verified`; a guardrail flag may still have sent the report to review)."
    )
    claims_checked: int = Field(description="Claims the fact checker judged in those generations (supported + contradicted + unverifiable).")
    claims_verified: int = Field(description="Of those, the claims it found supported by the stored figures.")
    factual_accuracy: float | None = Field(
        description="claims_verified / claims_checked, over the generations that recorded their claim counts."
    )
    reviews: int = Field(description="Review decisions (approve or reject) made in the window.")
    rated_reviews: int = Field(description="Of those, the ones with a rating (every review since ratings were introduced).")
    reviewer_satisfaction: float | None = Field(description="Mean rating (1-5) of the rated reviews in the window.")
    processing_ms_p50: float | None = Field(
        description="Median generation time (prompt, generation, fact check; ms) of the window's generations, nearest-rank."
    )
    processing_ms_p95: float | None = Field(description="95th percentile of the same times, nearest-rank.")
    report_requests: int = Field(description="Report requests in the window that asked the cache (`refresh=true` requests excluded).")
    cache_hits: int = Field(description="Of those, the ones the stored report answered without generating.")
    cache_hit_rate: float | None = Field(description="cache_hits / report_requests.")


class BuilderMetrics(BaseModel):
    """D2: the strategy builder (drafts created in the window, their state now)."""

    drafts_generated: int = Field(description="Strategy drafts created (built) in the window.")
    drafts_decided: int = Field(description="Of those, the drafts a reviewer has approved or rejected.")
    drafts_approved: int = Field(description="Of those, the approved ones.")
    approval_conversion: float | None = Field(description="drafts_approved / drafts_decided.")
    mean_revisions_per_approved: float | None = Field(
        description="Mean number of configurations (stored revisions, 1 = approved as first generated) of the approved drafts."
    )
    generations: int = Field(description="Model-written configurations in the window: revisions from a build or a revision instruction (edits excluded).")
    generations_invalid: int = Field(description="Of those, the ones still failing validation after the repair attempts.")
    validation_failure_rate: float | None = Field(description="generations_invalid / generations.")


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


class MetricsSummary(BaseModel):
    window: Window
    narrative: NarrativeMetrics
    builder: BuilderMetrics
    chatops: ChatOpsMetrics


# --- the window ------------------------------------------------------------------------------


def parse_window(start: str | None, end: str | None, *, now: datetime | None = None) -> tuple[datetime, datetime]:
    """``[start, end)`` from the `from`/`to` strings: ISO dates or datetimes (naive ones are UTC).
    A date `from` starts at its midnight; a date `to` includes its whole day. Missing `to` is now,
    missing `from` is 30 days before the end. A window that does not end after it starts is a 400."""
    try:
        end_at = _instant(end, "to", end_of_day=True) if end else (now or utcnow())
        start_at = _instant(start, "from", end_of_day=False) if start else end_at - timedelta(days=DEFAULT_DAYS)
    except OverflowError:  # 9999-12-31's end of day, 30 days before 0001-01-01
        raise InvalidWindow(f"the window from {start or 'default'} to {end or 'now'} runs past the calendar's range", param="to" if end else "from") from None
    if start_at >= end_at:
        shown_start, shown_end = start or f"30 days before {end}", end or f"now ({end_at.isoformat(timespec='seconds')})"
        raise InvalidWindow(f"`from` ({shown_start}) must be before `to` ({shown_end}): the window is empty or reversed", param="from")
    return start_at, end_at


def _instant(value: str, param: str, *, end_of_day: bool) -> datetime:
    text = value.strip()
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is not None:
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
        return midnight + timedelta(days=1) if end_of_day else midnight
    for candidate in (text, text[:-6] + "+" + text[-5:] if len(text) > 6 and text[-6] == " " else None):  # a URL's '+' arrives as ' '
        if candidate is None:
            continue
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return _utc(parsed)
    raise InvalidWindow(f"`{param}` must be an ISO date or datetime (2026-01-31 or 2026-01-31T12:00:00Z), got {value!r}", param=param)


# --- the computation -------------------------------------------------------------------------


def summarize(session: Session, start: datetime, end: datetime) -> MetricsSummary:
    """Every metric of the window ``[start, end)``."""
    start, end = _utc(start), _utc(end)
    return MetricsSummary(
        window=Window(start=start, end=end),
        narrative=narrative(session, start, end),
        builder=builder(session, start, end),
        chatops=chatops(session, start, end),
    )


def narrative(session: Session, start: datetime, end: datetime) -> NarrativeMetrics:
    generations = _audit_details(session, "reports.generate", start, end)
    passed = sum(1 for d in generations if d.get("contradicted") == 0 and d.get("unverifiable") == 0)
    counted = [d for d in generations if "supported" in d]  # entries written before claim counts were recorded carry no total
    verified = sum(int(d["supported"]) for d in counted)
    checked = verified + sum(int(d.get("contradicted", 0)) + int(d.get("unverifiable", 0)) for d in counted)
    times = sorted(float(d["generation_ms"]) for d in generations if d.get("generation_ms") is not None)

    in_window = ReportReview.created_at >= start, ReportReview.created_at < end
    reviews = session.scalar(select(func.count()).select_from(ReportReview).where(*in_window)) or 0
    rated, mean_rating = session.execute(select(func.count(ReportReview.rating), func.avg(ReportReview.rating)).where(*in_window)).one()

    outcomes = dict(
        session.execute(
            select(ReportRequest.cache, func.count())
            .where(ReportRequest.requested_at >= start, ReportRequest.requested_at < end, ReportRequest.cache.in_(("hit", "miss")))
            .group_by(ReportRequest.cache)
        ).all()
    )
    hits, lookups = outcomes.get("hit", 0), outcomes.get("hit", 0) + outcomes.get("miss", 0)
    return NarrativeMetrics(
        reports_generated=len(generations), fact_check_pass_rate=_ratio(passed, len(generations)),
        claims_checked=checked, claims_verified=verified, factual_accuracy=_ratio(verified, checked),
        reviews=reviews, rated_reviews=rated or 0, reviewer_satisfaction=round(float(mean_rating), 4) if rated else None,
        processing_ms_p50=_percentile(times, 50), processing_ms_p95=_percentile(times, 95),
        report_requests=lookups, cache_hits=hits, cache_hit_rate=_ratio(hits, lookups),
    )


def builder(session: Session, start: datetime, end: datetime) -> BuilderMetrics:
    drafts = session.execute(
        select(StrategyDraft.id, StrategyDraft.status).where(StrategyDraft.created_at >= start, StrategyDraft.created_at < end)
    ).all()
    approved = [draft_id for draft_id, status in drafts if status == "approved"]
    decided = sum(1 for _id, status in drafts if status in ("approved", "rejected"))
    revisions = dict(
        session.execute(
            select(StrategyDraftRevision.draft_id, func.count()).where(StrategyDraftRevision.draft_id.in_(approved)).group_by(StrategyDraftRevision.draft_id)
        ).all()
    ) if approved else {}
    generated = session.execute(
        select(StrategyDraftRevision.validation_errors).where(
            StrategyDraftRevision.source.in_(GENERATED_SOURCES), StrategyDraftRevision.created_at >= start, StrategyDraftRevision.created_at < end
        )
    ).scalars().all()
    invalid = sum(1 for errors in generated if errors)
    return BuilderMetrics(
        drafts_generated=len(drafts), drafts_decided=decided, drafts_approved=len(approved), approval_conversion=_ratio(len(approved), decided),
        mean_revisions_per_approved=_mean([revisions.get(draft_id, 0) for draft_id in approved]),
        generations=len(generated), generations_invalid=invalid, validation_failure_rate=_ratio(invalid, len(generated)),
    )


def chatops(session: Session, start: datetime, end: datetime) -> ChatOpsMetrics:
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
        daily_active_users=_mean([len(askers) for askers in askers_by_day.values()]),
        conversations=len(in_window), resolved=len(resolved),
        mean_time_to_resolution_s=_mean([(at - started[c]).total_seconds() for c, at in resolved.items()], digits=1),
        escalations=escalations,
        escalations_avoided=sum(1 for c in resolved if not escalated_turns.intersection(turns_of[c])),
    )


# --- helpers ---------------------------------------------------------------------------------


def _audit_details(session: Session, action: str, start: datetime, end: datetime) -> list[dict[str, Any]]:
    query = select(AuditEntry.details).where(AuditEntry.action == action, AuditEntry.decision == "allowed", AuditEntry.ts >= start, AuditEntry.ts < end)
    return [details or {} for details in session.scalars(query)]


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(values: list[float], digits: int = 4) -> float | None:
    return round(sum(values) / len(values), digits) if values else None


def _percentile(ordered: list[float], percent: float) -> float | None:
    """Nearest-rank: the smallest value with at least ``percent``% of the values at or below it."""
    if not ordered:
        return None
    return round(ordered[max(1, math.ceil(percent / 100 * len(ordered))) - 1], 1)

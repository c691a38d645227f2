"""The plan's metrics (section 7) over a window, computed from what the platform records, never
from counters.

Every figure is read from append-only events or rows that are written once, so two workers, a
restart or a re-run give the same answer for the same window. Each product declares its section
(`services/{reports,strategies,chatops}/plan_metrics.py`: a model whose field descriptions are
the definitions, and the function that computes it); the composition root lists the sections in
one `PlanMetrics` (`services.app.products`), so this module reads no product's tables.

A window is ``[start, end)`` in UTC. Ratios and means over nothing are ``None`` (not 0).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field, create_model
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.platform.errors import AppError
from services.platform.models import AuditEntry, utcnow

DEFAULT_DAYS = 30


class InvalidWindow(AppError):
    """A `from`/`to` that cannot be read, or a window that ends before it starts (400)."""

    status, code = 400, "invalid_request"


class Window(BaseModel):
    start: datetime = Field(description="Inclusive, UTC.")
    end: datetime = Field(description="Exclusive, UTC.")


@dataclass(frozen=True)
class MetricsSection:
    """One product's metrics: `compute(session, start, end)` returns a `model`; `shares` are its
    fields that are ratios (0-1), which the showcase charts."""

    name: str
    title: str
    product: str
    model: type[BaseModel]
    compute: Callable[[Session, datetime, datetime], BaseModel]
    shares: tuple[str, ...] = field(default=())
    korean: dict[str, str] = field(default_factory=dict)  # the Korean showcase's names: "title" and each field's


class PlanMetrics:
    """The summary over the sections given; `model` is its response type (`window` and one field
    per section, in order), so `GET /metrics/summary` documents every definition."""

    def __init__(self, sections: Sequence[MetricsSection]) -> None:
        self.sections = tuple(sections)
        self.model: type[BaseModel] = create_model(  # type: ignore[call-overload]
            "MetricsSummary", window=(Window, ...), **{section.name: (section.model, ...) for section in self.sections}
        )

    def summarize(self, session: Session, start: datetime, end: datetime) -> BaseModel:
        """Every metric of the window ``[start, end)``."""
        start, end = utc(start), utc(end)
        return self.model(window=Window(start=start, end=end), **{section.name: section.compute(session, start, end) for section in self.sections})


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
        return utc(parsed)
    raise InvalidWindow(f"`{param}` must be an ISO date or datetime (2026-01-31 or 2026-01-31T12:00:00Z), got {value!r}", param=param)


# --- for the sections ---------------------------------------------------------------------


def audit_details(session: Session, action: str, start: datetime, end: datetime) -> list[dict[str, Any]]:
    query = select(AuditEntry.details).where(AuditEntry.action == action, AuditEntry.decision == "allowed", AuditEntry.ts >= start, AuditEntry.ts < end)
    return [details or {} for details in session.scalars(query)]


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def mean(values: list[float], digits: int = 4) -> float | None:
    return round(sum(values) / len(values), digits) if values else None


def percentile(ordered: list[float], percent: float) -> float | None:
    """Nearest-rank: the smallest value with at least ``percent``% of the values at or below it."""
    if not ordered:
        return None
    return round(ordered[max(1, math.ceil(percent / 100 * len(ordered))) - 1], 1)

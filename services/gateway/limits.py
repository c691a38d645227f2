"""Per-key request rate and daily token quota of the gateway, counted in the database.

Counting in the database (one row per user and window, incremented with an upsert) keeps the
limits right with several API workers, where in-process counters would each allow the full
rate. A request is admitted if its minute still has room and the user's tokens of the UTC day
are under the quota; the tokens a request used are charged when it ends, so one request can
overshoot the quota by its own size, as with OpenAI's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from services.platform.errors import TooManyRequests
from services.platform.models import UsageWindow, User

MINUTE, DAY = "minute", "day"


@dataclass(frozen=True)
class Limits:
    rpm: int
    daily_tokens: int


def limits_of(session: Session, user: str, default: Limits) -> Limits:
    row = session.scalar(select(User).where(User.name == user))
    if row is None:
        return default
    return Limits(rpm=row.rpm_limit or default.rpm, daily_tokens=row.daily_token_quota or default.daily_tokens)


def _windows(now: datetime) -> tuple[datetime, datetime]:
    return now.replace(second=0, microsecond=0), now.replace(hour=0, minute=0, second=0, microsecond=0)


def _add(session: Session, user: str, period: str, start: datetime, requests: int, tokens: int) -> int:
    """Atomic ``requests += n, tokens += n`` on one window, creating it on first use; the window's requests after it."""
    insert: Any = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(UsageWindow).values(user=user, period=period, window_start=start, requests=requests, tokens=tokens)
    upsert = statement.on_conflict_do_update(
        index_elements=["user", "period", "window_start"],
        set_={"requests": UsageWindow.requests + requests, "tokens": UsageWindow.tokens + tokens},
    )
    return session.execute(upsert.returning(UsageWindow.requests)).scalar_one()


def admit(session: Session, user: str, limits: Limits, now: datetime) -> None:
    """Count the request, or raise 429 with Retry-After (the transaction then rolls the count back)."""
    minute, day = _windows(now)
    today = session.get(UsageWindow, (user, DAY, day))
    if today is not None and today.tokens >= limits.daily_tokens:
        retry = int((day + timedelta(days=1) - now).total_seconds()) + 1
        raise TooManyRequests(
            f"daily token quota of {limits.daily_tokens} used up ({today.tokens} tokens today); resets at 00:00 UTC",
            headers={"Retry-After": str(retry)}, code="insufficient_quota",
        )
    requests = _add(session, user, MINUTE, minute, 1, 0)
    session.execute(delete(UsageWindow).where(UsageWindow.user == user, UsageWindow.period == MINUTE, UsageWindow.window_start < minute - timedelta(hours=1)))
    if requests > limits.rpm:
        retry = int((minute + timedelta(minutes=1) - now).total_seconds()) + 1
        raise TooManyRequests(f"rate limit of {limits.rpm} requests per minute reached; retry in {retry} s", headers={"Retry-After": str(retry)})


def charge(session: Session, user: str, tokens: int, now: datetime) -> None:
    """Add the tokens a finished request used to the user's day."""
    if tokens > 0:
        _add(session, user, DAY, _windows(now)[1], 0, tokens)

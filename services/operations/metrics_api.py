"""`GET /metrics/summary`: the plan's metrics over a window (analysts and up).

Not to be confused with `GET /metrics`, this process's Prometheus counters: the summary is
computed from the database, so every worker answers the same (services.operations.metrics_summary).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from services.platform.deps import PlatformDep, Principal, require
from services.operations.metrics_summary import MetricsSummary, parse_window, summarize
from services.platform.permissions import Permission

router = APIRouter(tags=["metrics"])


@router.get("/metrics/summary", response_model=MetricsSummary, summary="The plan's metrics for narrative reports, the strategy builder and ChatOps")
def metrics_summary(
    platform: PlatformDep,
    user: Annotated[Principal, Depends(require(Permission.metrics_read))],
    start: Annotated[str | None, Query(alias="from", description="ISO date or datetime (UTC if no zone); default: 30 days before `to`.")] = None,
    end: Annotated[str | None, Query(alias="to", description="ISO date (its whole day) or datetime; default: now.")] = None,
) -> MetricsSummary:
    """Computed from the recorded events of the window ``[from, to)``; each field's description
    is its definition. ``from`` not before ``to`` is a 400."""
    window_start, window_end = parse_window(start, end)
    with platform.db.session() as session:
        return summarize(session, window_start, window_end)

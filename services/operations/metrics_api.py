"""`GET /metrics/summary`: the plan's metrics over a window (analysts and up).

Not to be confused with `GET /metrics`, this process's Prometheus counters: the summary is
computed from the database, so every worker answers the same (services.operations.metrics_summary).
The router is built for the sections the composition root lists, so its response type names them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from services.operations.metrics_summary import PlanMetrics, parse_window
from services.platform.deps import PlatformDep, Principal, require
from services.platform.permissions import Permission


def plan_metrics(request: Request) -> PlanMetrics:
    """The app's `PlanMetrics` (set by the app factory), for pages that show the summary."""
    return request.app.state.plan_metrics


PlanMetricsDep = Annotated[PlanMetrics, Depends(plan_metrics)]


def metrics_router(plan: PlanMetrics) -> APIRouter:
    router = APIRouter(tags=["metrics"])

    @router.get("/metrics/summary", response_model=plan.model, summary="The plan's metrics for narrative reports, the strategy builder and ChatOps")
    def metrics_summary(
        platform: PlatformDep,
        user: Annotated[Principal, Depends(require(Permission.metrics_read))],
        start: Annotated[str | None, Query(alias="from", description="ISO date or datetime (UTC if no zone); default: 30 days before `to`.")] = None,
        end: Annotated[str | None, Query(alias="to", description="ISO date (its whole day) or datetime; default: now.")] = None,
    ) -> Any:
        """Computed from the recorded events of the window ``[from, to)``; each field's description
        is its definition. ``from`` not before ``to`` is a 400."""
        window_start, window_end = parse_window(start, end)
        with platform.db.session() as session:
            return plan.summarize(session, window_start, window_end)

    return router

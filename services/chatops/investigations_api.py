"""Alertmanager's webhook (`POST /alerts/webhook`) and the investigations it started
(`GET /chatops/investigations`). The webhook answers as soon as the alerts are stored; each
investigation runs afterwards, so Alertmanager never waits on the model."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request

from services.chatops.investigations import AlertGroupIn, InvestigationOut, Investigations, WebhookOut
from services.platform.deps import Principal, caller_of, require
from services.platform.permissions import Permission

router = APIRouter(tags=["chatops"])


async def get_investigations(request: Request) -> Investigations:
    return request.app.state.investigations


InvestigationsDep = Annotated[Investigations, Depends(get_investigations)]


@router.post("/alerts/webhook", response_model=WebhookOut, status_code=202, summary="Alertmanager webhook receiver (alerts.receive: operator and up)")
def webhook(
    body: AlertGroupIn, request: Request, background: BackgroundTasks, investigations: InvestigationsDep,
    user: Annotated[Principal, Depends(require(Permission.alerts_receive))],
) -> WebhookOut:
    caller = caller_of(user, request)
    received = investigations.receive(body, caller)
    for investigation_id in received.started:
        background.add_task(investigations.investigate, investigation_id, caller)
    return received


@router.get("/chatops/investigations", response_model=list[InvestigationOut], summary="Alert-triggered investigations, newest first")
def listing(
    investigations: InvestigationsDep, user: Annotated[Principal, Depends(require(Permission.chatops_ask))],
    status: Annotated[str | None, Query(pattern="^(running|answered|failed)$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[InvestigationOut]:
    return investigations.listing(status, limit)

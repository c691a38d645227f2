"""HTTP routes of the generative strategy builder (thin: parse, authorize, call the service)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from services.platform.deps import Principal, caller_of, require
from services.platform.permissions import Permission
from services.strategies.schemas import BuildRequest, DecisionIn, DraftOut, DraftStatus, Metrics, ReviseIn
from services.strategies.service import StrategyBuilderService

router = APIRouter(prefix="/strategies", tags=["strategies"])
Builder = Annotated[Principal, Depends(require(Permission.strategies_build))]
Approver = Annotated[Principal, Depends(require(Permission.strategies_approve))]


async def get_service(request: Request) -> StrategyBuilderService:
    return request.app.state.strategies


ServiceDep = Annotated[StrategyBuilderService, Depends(get_service)]


@router.post("/generative-builder", status_code=201, response_model=DraftOut, summary="Draft a strategy config from a plain-language intent")
def build(body: BuildRequest, request: Request, service: ServiceDep, user: Builder) -> DraftOut:
    return service.build(body, caller_of(user, request))


@router.get("/drafts", response_model=list[DraftOut], summary="Drafts, newest first")
def list_drafts(service: ServiceDep, user: Builder, status: Annotated[DraftStatus | None, Query()] = None) -> list[DraftOut]:
    return service.list(status)


@router.get("/drafts/{draft_id}", response_model=DraftOut)
def get_draft(draft_id: str, service: ServiceDep, user: Builder) -> DraftOut:
    return service.get(draft_id)


@router.post("/drafts/{draft_id}/revise", response_model=DraftOut, summary="New revision from an instruction or an edited config")
def revise(draft_id: str, body: ReviseIn, request: Request, service: ServiceDep, user: Builder) -> DraftOut:
    return service.revise(draft_id, body, caller_of(user, request))


@router.post("/drafts/{draft_id}/approve", response_model=DraftOut, summary="Approve (reviewer; not your own draft)")
def approve(draft_id: str, request: Request, service: ServiceDep, user: Approver, body: DecisionIn | None = None) -> DraftOut:
    return service.decide(draft_id, True, (body or DecisionIn()).comment, caller_of(user, request))


@router.post("/drafts/{draft_id}/reject", response_model=DraftOut, summary="Reject (reviewer; not your own draft)")
def reject(draft_id: str, request: Request, service: ServiceDep, user: Approver, body: DecisionIn | None = None) -> DraftOut:
    return service.decide(draft_id, False, (body or DecisionIn()).comment, caller_of(user, request))


@router.get("/drafts/{draft_id}/export", summary="The approved config for the StrategyService (nothing is deployed here)")
def export(draft_id: str, service: ServiceDep, user: Builder) -> dict[str, Any]:
    return service.export(draft_id)


@router.get("/metrics", response_model=Metrics, summary="Drafts, approval conversion, mean revisions, validation failure rate")
def metrics(service: ServiceDep, user: Builder) -> Metrics:
    return service.metrics()

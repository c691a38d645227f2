"""HTTP routes of the ChatOps agent (thin: parse, authorize, call the service)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from services.chatops.schemas import ActionOut, AskIn, AskOut, EscalationOut, ResolutionOut, ResolveIn, ToolCallOut, ToolInfo, ToolRunIn
from services.chatops.service import ChatOpsService
from services.chatops.toolsets.loader import ToolsetStatus
from services.platform.deps import Principal, caller_of, require
from services.platform.permissions import Permission

router = APIRouter(prefix="/chatops", tags=["chatops"])
Asker = Annotated[Principal, Depends(require(Permission.chatops_ask))]
Operator = Annotated[Principal, Depends(require(Permission.chatops_operate))]


async def get_service(request: Request) -> ChatOpsService:
    return request.app.state.chatops


ServiceDep = Annotated[ChatOpsService, Depends(get_service)]


@router.post("/ask", response_model=AskOut, summary="Ask the operations agent (viewer and up)")
def ask(body: AskIn, request: Request, service: ServiceDep, user: Asker) -> AskOut:
    return service.ask(body, caller_of(user, request))


@router.get("/tools", response_model=list[ToolInfo], summary="The tools your role may use")
def tools(service: ServiceDep, user: Asker) -> list[ToolInfo]:
    return service.tools(user.role)


@router.get("/toolsets", response_model=list[ToolsetStatus], summary="Toolsets: offered, or why not (a failed prerequisite, a missing setting)")
def toolsets(service: ServiceDep, user: Asker) -> list[ToolsetStatus]:
    return service.toolset_statuses()


@router.post("/toolsets/reload", response_model=list[ToolsetStatus], summary="Read the toolset files again and check them now (operator)")
def reload_toolsets(request: Request, service: ServiceDep, user: Operator) -> list[ToolsetStatus]:
    return service.reload_toolsets(caller_of(user, request))


@router.post("/tools/{name}", response_model=ToolCallOut | ActionOut, summary="Run one tool (state-changing ones wait for confirmation)")
def run_tool(name: str, request: Request, service: ServiceDep, user: Asker, body: ToolRunIn | None = None) -> ToolCallOut | ActionOut:
    return service.run_tool(name, (body or ToolRunIn()).arguments, caller_of(user, request))


@router.post("/actions/{action_id}/confirm", response_model=ActionOut, summary="Run a pending state-changing action (operator)")
def confirm(action_id: str, request: Request, service: ServiceDep, user: Operator) -> ActionOut:
    return service.confirm(action_id, caller_of(user, request))


@router.post("/actions/{action_id}/cancel", response_model=ActionOut, summary="Drop a pending action")
def cancel(action_id: str, request: Request, service: ServiceDep, user: Asker) -> ActionOut:
    return service.cancel(action_id, caller_of(user, request))


@router.get("/escalations", response_model=list[EscalationOut], summary="Escalations, newest first")
def escalations(service: ServiceDep, user: Asker, status: Annotated[str | None, Query(pattern="^(open|closed)$")] = None) -> list[EscalationOut]:
    return service.escalations(status)


@router.get("/conversations/{conversation_id}", summary="The turns of one of your conversations")
def conversation(conversation_id: str, request: Request, service: ServiceDep, user: Asker) -> list[dict[str, Any]]:
    return service.conversation(conversation_id, caller_of(user, request))


@router.post(
    "/conversations/{conversation_id}/resolve", response_model=ResolutionOut,
    summary="Mark a conversation resolved (its asker or an operator; once)",
)
def resolve(conversation_id: str, request: Request, service: ServiceDep, user: Asker, body: ResolveIn | None = None) -> ResolutionOut:
    return service.resolve(conversation_id, (body or ResolveIn()).note, caller_of(user, request))

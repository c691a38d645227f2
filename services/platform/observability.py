"""What monitoring reads: Prometheus ``/metrics``, and the recorded LLM calls and guardrail
decisions for admins (JSON, or JSON lines for the monitoring pipeline's export)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any, Literal, get_type_hints

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import StreamingResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, create_model
from sqlalchemy import Select, select

from inference.structured import LLMCallRecord
from services.platform.deps import PlatformDep, Principal, require
from services.platform.metrics import CONTENT_TYPE
from services.platform.models import GuardrailDecision, LLMCall
from services.platform.permissions import Permission
from services.platform.timestamps import to_utc

router = APIRouter(tags=["observability"])
Admin = Annotated[Principal, Depends(require(Permission.admin_read))]
Format = Literal["json", "jsonl"]
QueryTime = Annotated[datetime, AfterValidator(to_utc)]


def _recorded(record: type, name: str) -> type[BaseModel]:
    """The wire shape of a stored record: the record's own fields (one definition, the
    dataclass the code records) plus the row's id and time."""
    hints = get_type_hints(record)
    fields: dict[str, Any] = {f.name: (hints[f.name], ...) for f in dataclasses.fields(record)}
    return create_model(name, __config__=ConfigDict(from_attributes=True), id=(int, ...), created_at=(datetime, ...), **fields)


LLMCallOut = _recorded(LLMCallRecord, "LLMCallOut")


class GuardrailDecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    request_id: str
    user: str | None
    surface: str
    stage: str
    check: str
    outcome: str
    score: float
    threshold: float
    reason: str
    policy_version: str
    latency_ms: float


class Window(BaseModel):
    """Filters every admin listing shares."""

    since: datetime | None = None
    until: datetime | None = None
    limit: int = 100
    format: Format = "json"


def window(
    since: Annotated[QueryTime | None, Query(description="Only records created at or after (ISO 8601; UTC if no zone).")] = None,
    until: Annotated[QueryTime | None, Query(description="Only records created before (ISO 8601; UTC if no zone).")] = None,
    limit: Annotated[int, Query(ge=1, le=100_000, description="Newest first, at most this many.")] = 100,
    format: Annotated[Format, Query(description="json: a list; jsonl: one JSON object per line, streamed.")] = "json",
) -> Window:
    return Window(since=since, until=until, limit=limit, format=format)


WindowDep = Annotated[Window, Depends(window)]


@router.get("/metrics", summary="Prometheus metrics of this API process", response_class=Response)
def metrics(platform: PlatformDep) -> Response:
    return Response(platform.metrics.exposition(), media_type=CONTENT_TYPE)


@router.get("/admin/llm-calls", summary="Recorded LLM calls (admin)", response_model=list[LLMCallOut])
def llm_calls(
    platform: PlatformDep,
    _: Admin,
    span: WindowDep,
    feature: str | None = None,
    user: str | None = None,
    prompt_version: str | None = None,
    outcome: str | None = None,
    request_id: str | None = None,
) -> Any:
    query = select(LLMCall)
    for column, value in ((LLMCall.feature, feature), (LLMCall.user, user), (LLMCall.prompt_version, prompt_version),
                          (LLMCall.outcome, outcome), (LLMCall.request_id, request_id)):
        if value is not None:
            query = query.where(column == value)
    return _listing(platform, query, LLMCall, LLMCallOut, span)


@router.get("/admin/guardrail-decisions", summary="Recorded guardrail decisions (admin)", response_model=list[GuardrailDecisionOut])
def guardrail_decisions(
    platform: PlatformDep,
    _: Admin,
    span: WindowDep,
    surface: str | None = None,
    check: str | None = None,
    outcome: Annotated[str | None, Query(description="pass, block, redact, flag or log.")] = None,
    user: str | None = None,
    request_id: str | None = None,
) -> Any:
    query = select(GuardrailDecision)
    for column, value in ((GuardrailDecision.surface, surface), (GuardrailDecision.check, check), (GuardrailDecision.outcome, outcome),
                          (GuardrailDecision.user, user), (GuardrailDecision.request_id, request_id)):
        if value is not None:
            query = query.where(column == value)
    return _listing(platform, query, GuardrailDecision, GuardrailDecisionOut, span)


def _listing(platform: PlatformDep, query: Select[Any], table: Any, out: type[BaseModel], span: Window) -> Any:
    if span.since is not None:
        query = query.where(table.created_at >= span.since)
    if span.until is not None:
        query = query.where(table.created_at < span.until)
    query = query.order_by(table.id.desc()).limit(span.limit)
    if span.format == "json":
        with platform.db.session() as session:
            return [out.model_validate(row) for row in session.scalars(query)]

    def lines() -> Iterator[str]:
        with platform.db.session() as session:
            for row in session.scalars(query.execution_options(yield_per=500)):
                yield json.dumps(out.model_validate(row).model_dump(mode="json"), ensure_ascii=False) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson")

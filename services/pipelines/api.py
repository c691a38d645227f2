"""The scheduler's door: pipeline runs are reported here and read back by people and ChatOps."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.pipelines import store
from services.pipelines.schemas import RunIn, RunOut, RunStatus
from services.platform.deps import PlatformDep, Principal, caller_of, require
from services.platform.permissions import Permission

router = APIRouter(prefix="/pipelines", tags=["pipelines"])


@router.post("/runs", response_model=RunOut, status_code=201, summary="Report a run (201 new, 200 updated)")
def report_run(
    body: RunIn, request: Request, response: Response, platform: PlatformDep,
    user: Annotated[Principal, Depends(require(Permission.pipelines_report))],
) -> RunOut:
    with platform.db.session() as session:
        run, created = store.record(session, body, caller_of(user, request))
    if not created:
        response.status_code = 200
    return run


@router.get("/runs", response_model=list[RunOut], summary="Runs, newest first")
def list_runs(
    platform: PlatformDep,
    user: Annotated[Principal, Depends(require(Permission.pipelines_read))],
    pipeline: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[RunStatus | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[RunOut]:
    with platform.db.session() as session:
        return store.runs(session, pipeline=pipeline, status=status, limit=limit)

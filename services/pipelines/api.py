"""The scheduler's door: pipeline runs are reported here and read back by people and ChatOps."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.pipelines.runs import PipelineRuns
from services.pipelines.schemas import RunIn, RunOut, RunStatus
from services.platform.deps import Principal, caller_of, require
from services.platform.permissions import Permission

router = APIRouter(prefix="/pipelines", tags=["pipelines"])


async def get_runs(request: Request) -> PipelineRuns:
    return request.app.state.pipelines


RunsDep = Annotated[PipelineRuns, Depends(get_runs)]


@router.post("/runs", response_model=RunOut, status_code=201, summary="Report a run (201 new, 200 updated)")
def report_run(
    body: RunIn, request: Request, response: Response, runs: RunsDep,
    user: Annotated[Principal, Depends(require(Permission.pipelines_report))],
) -> RunOut:
    run, created = runs.report(body, caller_of(user, request))
    if not created:
        response.status_code = 200
    return run


@router.get("/runs", response_model=list[RunOut], summary="Runs, newest first")
def list_runs(
    runs: RunsDep,
    user: Annotated[Principal, Depends(require(Permission.pipelines_read))],
    pipeline: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[RunStatus | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[RunOut]:
    return runs.listing(pipeline=pipeline, status=status, limit=limit)

"""HTTP routes of the narrative report product (thin: parse, authorize, call the service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

from guardrails.factcheck import FactCheckResult
from services.platform.deps import Principal, caller_of, permission_denied, require
from services.platform.languages import Lang, LangDep
from services.platform.permissions import Permission, allowed
from services.reports import render
from services.reports.backtests import Backtests
from services.reports.schemas import (
    BacktestIn,
    BacktestOut,
    BacktestSummary,
    FactCheckRequest,
    IngestResult,
    ReportOut,
    ReviewIn,
    ReviewQueueItem,
)
from services.reports.service import ReportGenerationService

router = APIRouter(tags=["reports"])
Reader = Annotated[Principal, Depends(require(Permission.reports_read))]


async def get_service(request: Request) -> ReportGenerationService:
    return request.app.state.reports


async def get_backtests(request: Request) -> Backtests:
    return request.app.state.backtests


ServiceDep = Annotated[ReportGenerationService, Depends(get_service)]
BacktestsDep = Annotated[Backtests, Depends(get_backtests)]


@router.post("/backtests", status_code=201, response_model=IngestResult, summary="Import one BacktestService result")
def import_backtest(
    body: BacktestIn, request: Request, response: Response, backtests: BacktestsDep,
    user: Annotated[Principal, Depends(require(Permission.backtests_write))],
) -> IngestResult:
    result = backtests.ingest(body, caller_of(user, request))
    if not result.created:
        response.status_code = 200
    return result


@router.get("/backtests", response_model=list[BacktestSummary], summary="Newest revision of every backtest")
def list_backtests(backtests: BacktestsDep, user: Reader) -> list[BacktestSummary]:
    return backtests.summaries()


@router.get("/backtests/{backtest_id}", response_model=BacktestOut)
def get_backtest(backtest_id: str, backtests: BacktestsDep, user: Reader) -> BacktestOut:
    return backtests.newest(backtest_id)


def _report(backtest_id: str, refresh: bool, user: Principal, request: Request, service: ReportGenerationService, lang: Lang) -> ReportOut:
    if refresh and not allowed(user.role, Permission.reports_generate):
        raise permission_denied(request, service.db, user, Permission.reports_generate, "refresh=true")
    return service.get_report(backtest_id, caller_of(user, request), refresh=refresh, lang=lang)


@router.get("/backtests/{backtest_id}/report", response_model=ReportOut, summary="The fact-checked narrative report (cached)")
def get_report(
    backtest_id: str, request: Request, service: ServiceDep, user: Reader, lang: LangDep,
    refresh: Annotated[bool, Query(description="Regenerate (analyst and above).")] = False,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    report = _report(backtest_id, refresh, user, request, service, lang)
    headers = {"ETag": report.etag, "Cache-Control": "private, no-cache", "Content-Language": report.lang, "Vary": "Accept-Language"}
    if report.stale:
        headers["Warning"] = '110 insightstack "stale report: LLM unavailable"'
    if if_none_match == report.etag:
        return Response(status_code=304, headers=headers)
    return JSONResponse(report.model_dump(mode="json"), headers=headers)


@router.get("/backtests/{backtest_id}/report.md", response_class=PlainTextResponse, summary="The report as Markdown")
def get_report_markdown(backtest_id: str, request: Request, service: ServiceDep, backtests: BacktestsDep, user: Reader, lang: LangDep) -> PlainTextResponse:
    report = _report(backtest_id, False, user, request, service, lang)
    return PlainTextResponse(render.markdown(report, backtests.at(backtest_id, report.revision)), media_type="text/markdown", headers={"Content-Language": lang})


@router.get("/backtests/{backtest_id}/report.html", response_class=HTMLResponse, summary="The report as a self-contained page")
def get_report_html(backtest_id: str, request: Request, service: ServiceDep, backtests: BacktestsDep, user: Reader, lang: LangDep) -> HTMLResponse:
    report = _report(backtest_id, False, user, request, service, lang)
    return HTMLResponse(render.html(report, backtests.at(backtest_id, report.revision)), headers={"Content-Language": lang})


@router.post("/backtests/{backtest_id}/report/review", response_model=ReportOut, summary="Approve or reject the current report")
def review_report(
    backtest_id: str, body: ReviewIn, request: Request, service: ServiceDep,
    user: Annotated[Principal, Depends(require(Permission.reviews_decide))],
    lang: Annotated[Lang, Query(description="Which language's report is reviewed.")] = "en",
) -> ReportOut:
    return service.review(backtest_id, body, caller_of(user, request), lang)


@router.get("/reviews", response_model=list[ReviewQueueItem], summary="Reports waiting for a reviewer")
def review_queue(service: ServiceDep, user: Annotated[Principal, Depends(require(Permission.reviews_decide))]) -> list[ReviewQueueItem]:
    return service.queue()


@router.post("/guardrails/factcheck", response_model=FactCheckResult, summary="Fact-check any text against a backtest")
def factcheck(body: FactCheckRequest, backtests: BacktestsDep, user: Annotated[Principal, Depends(require(Permission.factcheck_run))]) -> FactCheckResult:
    return backtests.factcheck(body.backtest_id, body.text)

"""The FastAPI application factory: routes, request ids, and the one place errors become HTTP.

Every failure leaves as ``{"error": {"code", "message", "request_id", ...}}``; nothing returns
a stack trace. Product routers are included here and nowhere else.
"""

from __future__ import annotations

import gc
import time
import uuid
from urllib.parse import quote
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from swagger_ui_bundle import swagger_ui_path

from services.chatops.api import router as chatops_router
from services.chatops.investigations_api import router as investigations_router
from services.chatops.slack_api import router as slack_router
from services.gateway.api import router as gateway_router
from services.pipelines.api import router as pipelines_router
from services.pipelines.runs import PipelineRuns
from services.app.operations import releases_of
from services.app.products import PLAN_METRICS, build_products, gateway
from services.platform.bodies import BodyGuard
from services.platform.errors import ERROR_STATUSES, LIBRARY_ERRORS, AppError, ErrorBody, NotAuthenticated, error_response, invalid_request_status
from services.platform.health import router as health_router
from services.platform.logs import configure_logging
from services.platform.metrics import Metrics
from services.platform.observability import router as observability_router
from services.operations.metrics_api import metrics_router
from services.platform.replicas import router as replicas_router
from services.platform.runtime import Platform
from services.platform.settings import Settings, get_settings
from services.reports.api import router as reports_router
from services.reports.backtests import Backtests
from services.showcase.api import router as showcase_router
from services.showcase.signin import router as signin_router
from services.strategies.api import router as strategies_router

log = structlog.get_logger(__name__)
VERSION = "0.1.0"
CLIENT_REQUEST_ID_CHARS = 64


def worker_app() -> FastAPI:
    """The app of one `insightstack serve --workers N` process: its own logging, platform and pools."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_json)
    return create_app(settings, freeze_heap=True)


def create_app(settings: Settings | None = None, platform: Platform | None = None, *, freeze_heap: bool = False) -> FastAPI:
    """Build the API; pass a `Platform` to share one with the caller (tests, `serve --with-llm`).

    `freeze_heap` (for a server process, not for tests that build many apps in one process):
    once started, move every object alive to the collector's permanent generation. A worker
    holds some 400,000 objects from torch, the models and the routes; a full collection over
    them took 330 ms, which under load was the p99 of a cached report read."""
    settings = settings or get_settings()
    owned = platform is None
    platform = platform or Platform(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        platform.db.upgrade()
        release = releases_of(platform).record()
        platform.screener.guardrails.warm_up()  # a broken policy file fails here, not on the first request
        if freeze_heap:
            gc.collect()
            gc.freeze()
        log.info("api.started", env=settings.env, release=release.id, database=platform.db.dialect, llm=platform.llm_urls)
        yield
        await app.state.gateway.aclose()
        if owned:
            platform.close()

    app = FastAPI(
        title="InsightStack",
        version=VERSION,
        description="On-prem generative insights: narrative reports, strategy builder, ChatOps.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        responses={status: {"model": ErrorBody, "description": "An error (every route, same shape)"} for status in ERROR_STATUSES},
    )
    app.state.platform = platform
    app.add_middleware(BodyGuard, max_bytes=settings.max_request_bytes)  # inside RequestIdMiddleware: its errors carry the id
    app.add_middleware(RequestIdMiddleware, metrics=platform.metrics)
    _install_error_handlers(app)
    _install_offline_docs(app)
    products = build_products(platform)
    app.state.reports, app.state.strategies, app.state.chatops = products.reports, products.strategies, products.chatops
    app.state.investigations = products.investigations
    app.state.backtests, app.state.pipelines = Backtests(platform.db), PipelineRuns(platform.db, platform.metrics)
    app.state.gateway = gateway(platform)
    app.state.plan_metrics = PLAN_METRICS
    for router in (health_router, observability_router, metrics_router(PLAN_METRICS), replicas_router, gateway_router, reports_router, strategies_router, pipelines_router, chatops_router, investigations_router,
                   slack_router, signin_router, showcase_router):
        app.include_router(router)
    return app


class RequestIdMiddleware:
    """Gives each request an id of ours, binds it to every log line, echoes it in the response,
    logs one access line with the latency and counts it in the metrics (by route template, so
    ids in paths do not explode the label set).

    A caller's own X-Request-ID is never our id (any client could reuse another request's id in
    our logs and audit trail); it is logged beside ours as ``client_request_id``, printable ASCII
    and at most 64 characters, so callers can still correlate."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        ids = {"request_id": request_id}
        if client_id := client_request_id(dict(scope["headers"]).get(b"x-request-id", b"")):
            ids["client_request_id"] = client_id
        structlog.contextvars.bind_contextvars(**ids)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode("latin-1")))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.observe_http(scope["method"], route, status, seconds)
            log.info("http.request", method=scope["method"], path=scope["path"], status=status, latency_ms=round(seconds * 1000, 2))
            structlog.contextvars.unbind_contextvars(*ids)


def client_request_id(header: bytes) -> str | None:
    """The caller's X-Request-ID as we log it: printable ASCII only, at most 64 characters."""
    kept = "".join(char for char in header[:CLIENT_REQUEST_ID_CHARS].decode("latin-1") if " " <= char <= "~")
    return kept or None


def _browser_page(request: Request) -> bool:
    """A browser navigating to a page (it asks for HTML first), rather than an API client."""
    return request.method == "GET" and request.headers.get("accept", "").startswith("text/html")


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> Response:
        if isinstance(exc, NotAuthenticated) and _browser_page(request):
            return RedirectResponse(f"/signin?next={quote(request.url.path + ('?' + request.url.query if request.url.query else ''))}", status_code=303)
        response = error_response(request, exc.status, exc.code, exc.message, param=exc.param)
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"]} for item in exc.errors()
        ]
        summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
        param = problems[0]["field"].removeprefix("body.") if problems else None
        return error_response(request, invalid_request_status(request), "invalid_request", f"invalid request: {summary}", param=param, details=problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(request, exc.status_code, code, str(exc.detail))

    def library_error(request: Request, exc: Exception) -> JSONResponse:
        status, code, retry_after = next(v for t, v in LIBRARY_ERRORS.items() if isinstance(exc, t))
        log.warning("http.dependency_error", code=code, error=str(exc)[:1000])
        response = error_response(request, status, code, str(exc))
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        return response

    for error_type in LIBRARY_ERRORS:
        app.add_exception_handler(error_type, library_error)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette runs this outside RequestIdMiddleware, which has unbound the id and cannot add
        # its header any more: the traceback line and the response name the request here.
        request_id = getattr(request.state, "request_id", None)
        log.exception("http.unhandled_error", request_id=request_id)
        response = error_response(request, 500, "internal_error", "internal error; see the server log for this request id")
        if request_id:
            response.headers["x-request-id"] = request_id
        return response


def _install_offline_docs(app: FastAPI) -> None:
    """Swagger UI from the vendored bundle: an air-gapped browser cannot reach a CDN."""
    app.mount("/static/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="InsightStack API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

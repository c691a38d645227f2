"""Liveness and readiness, for load balancers and Kubernetes probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from services.platform.deps import OptionalUser, PlatformDep
from services.platform.permissions import Permission, allowed
from services.platform.runtime import Readiness

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Database, LLM server and vector store reachable", response_model=Readiness)
def readyz(platform: PlatformDep, user: OptionalUser) -> JSONResponse:
    """200 when every dependency answers; 503 naming the failing parts otherwise. Probes and
    anonymous callers see each part's state only; details (replica URLs, connection errors) need
    an admin key."""
    report = platform.readiness()
    body = report.model_dump() if user is not None and allowed(user.role, Permission.admin_read) else report.states()
    if not report.ready:
        body["error"] = {"code": "not_ready", "message": "not ready: " + ", ".join(report.failing)}
    return JSONResponse(body, status_code=200 if report.ready else 503)

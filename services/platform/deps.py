"""FastAPI dependencies: each route states in its signature what it needs and who may call it.

    @router.get("/things")
    def list_things(user: Annotated[Principal, Depends(require(Permission.reports_read))]): ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.platform import audit, auth, sessions
from services.platform.db import Database
from services.platform.errors import Forbidden, NotAuthenticated
from services.platform.permissions import Permission, Role, allowed
from services.platform.runtime import Platform

SAFE_METHODS = ("GET", "HEAD")
_bearer = HTTPBearer(auto_error=False, description="An InsightStack API key: `Authorization: Bearer isk_...`")


@dataclass(frozen=True)
class Principal:
    """The authenticated caller."""

    name: str
    role: Role


def caller_of(user: Principal, request: Request) -> audit.Caller:
    """The audit identity of an API request."""
    return audit.Caller(name=user.name, role=user.role.value, request_id=request.state.request_id)


async def get_platform(request: Request) -> Platform:
    """Async on purpose, like the services' getters: FastAPI runs a sync dependency in a worker
    thread, a hop that costs more than this lookup."""
    return request.app.state.platform


PlatformDep = Annotated[Platform, Depends(get_platform)]


def current_user(
    request: Request,
    platform: PlatformDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller behind the Bearer key, or, for reads only, behind the browser's session cookie
    (or a trusted proxy's user header); 401 when none is valid."""
    if credentials is None:
        browser = browser_user(request, platform) if request.method in SAFE_METHODS else None
        if browser is None:
            raise NotAuthenticated("missing API key: send `Authorization: Bearer <key>`", headers={"WWW-Authenticate": "Bearer"})
        return browser
    with platform.db.session() as session:
        user = auth.authenticate(session, credentials.credentials)
        if user is None:
            raise NotAuthenticated("invalid or disabled API key", headers={"WWW-Authenticate": "Bearer"})
        return Principal(name=user.name, role=Role(user.role))


def browser_user(request: Request, platform: Platform) -> Principal | None:
    """The signed-in user of a browser: the trusted proxy header when configured, else the cookie."""
    header = platform.settings.trusted_user_header
    with platform.db.session() as session:
        if header and (name := request.headers.get(header)):
            user = sessions.by_name(session, name)
            return Principal(user.name, Role(user.role)) if user else None
        token = request.cookies.get(sessions.COOKIE)
        found = sessions.resolve(platform.session_secret, session, token) if token else None
        return Principal(found.name, Role(found.role)) if found else None


CurrentUser = Annotated[Principal, Depends(current_user)]


def optional_user(
    request: Request,
    platform: PlatformDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    """The caller behind a Bearer key if one is sent (a bad key is still a 401), else None: for
    public routes that show some roles more (`/readyz` details to admins)."""
    return None if credentials is None else current_user(request, platform, credentials)


OptionalUser = Annotated[Principal | None, Depends(optional_user)]


def require(permission: Permission) -> Callable[..., Principal]:
    """A dependency that lets the call through only with ``permission``; denials are audited."""

    def check(request: Request, platform: PlatformDep, user: CurrentUser) -> Principal:
        if allowed(user.role, permission):
            return user
        raise permission_denied(request, platform.db, user, permission)

    return check


def permission_denied(request: Request, db: Database, user: Principal, permission: Permission, needed_for: str = "") -> Forbidden:
    """The audited 403 for a caller without ``permission`` (the audit target is the request line)."""
    message = f"role {user.role.value!r} lacks permission {permission.value!r}" + (f" needed for {needed_for}" if needed_for else "")
    return audit.denied(db, caller_of(user, request), permission.value, f"{request.method} {request.url.path}", message)

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

from services.platform import audit, auth
from services.platform.errors import Forbidden, NotAuthenticated
from services.platform.permissions import Permission, Role, allowed
from services.platform.runtime import Platform

_bearer = HTTPBearer(auto_error=False, description="An InsightStack API key: `Authorization: Bearer isk_...`")


@dataclass(frozen=True)
class Principal:
    """The authenticated caller."""

    name: str
    role: Role


def caller_of(user: Principal, request: Request) -> audit.Caller:
    """The audit identity of an API request."""
    return audit.Caller(name=user.name, role=user.role.value, request_id=request.state.request_id)


def get_platform(request: Request) -> Platform:
    return request.app.state.platform


PlatformDep = Annotated[Platform, Depends(get_platform)]


def current_user(
    platform: PlatformDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller behind the Bearer key; 401 when the key is missing, unknown or disabled."""
    if credentials is None:
        raise NotAuthenticated("missing API key: send `Authorization: Bearer <key>`", headers={"WWW-Authenticate": "Bearer"})
    with platform.db.session() as session:
        user = auth.authenticate(session, credentials.credentials)
        if user is None:
            raise NotAuthenticated("invalid or disabled API key", headers={"WWW-Authenticate": "Bearer"})
        return Principal(name=user.name, role=Role(user.role))


CurrentUser = Annotated[Principal, Depends(current_user)]


def require(permission: Permission) -> Callable[..., Principal]:
    """A dependency that lets the call through only with ``permission``; denials are audited."""

    def check(request: Request, platform: PlatformDep, user: CurrentUser) -> Principal:
        if allowed(user.role, permission):
            return user
        with platform.db.session() as session:
            audit.append(
                session,
                actor=user.name,
                role=user.role.value,
                action=permission.value,
                target=f"{request.method} {request.url.path}",
                decision="denied",
                request_id=request.state.request_id,
            )
        raise Forbidden(f"role {user.role.value!r} lacks permission {permission.value!r}")

    return check

"""`GET /showcase`, `/showcase/builder`, `/showcase/chatops`, `/showcase/quality`: the executive pages, per role, in English or Korean.

Each page needs the permission its JSON counterpart needs (reports: viewer; drafts: analyst;
everyone's ChatOps questions: operator; eval scores and the plan's metrics: `metrics.read`, as
`/metrics/summary`); the report pages are `/backtests/{id}/report.html`.
A browser without a session is sent to `/signin` (see the app's error handling).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from services.operations.metrics_api import PlanMetricsDep
from services.platform import sessions
from services.platform.deps import PlatformDep, Principal, require
from services.platform.languages import Lang, LangDep
from services.platform.permissions import Permission
from services.showcase import views
from services.showcase.render import page
from services.showcase.words import words

router = APIRouter(prefix="/showcase", tags=["browser"], include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def index(request: Request, platform: PlatformDep, lang: LangDep, user: Annotated[Principal, Depends(require(Permission.reports_read))]) -> HTMLResponse:
    """In English or Korean (`?lang=ko`, `Accept-Language`): the reports listed are the newest in that language."""
    with platform.db.session() as session:
        context = views.overview(session, lang)
    return _page("index.html.jinja", "showcase", lang, request, platform, user, **context)


@router.get("/builder", response_class=HTMLResponse)
def builder(request: Request, platform: PlatformDep, lang: LangDep, user: Annotated[Principal, Depends(require(Permission.strategies_build))]) -> HTMLResponse:
    with platform.db.session() as session:
        drafts = views.drafts(session)
    return _page("builder.html.jinja", "builder", lang, request, platform, user, drafts=drafts)


@router.get("/chatops", response_class=HTMLResponse)
def chatops(request: Request, platform: PlatformDep, lang: LangDep, user: Annotated[Principal, Depends(require(Permission.chatops_operate))]) -> HTMLResponse:
    with platform.db.session() as session:
        turns, investigated = views.turns(session), views.investigations(session)
    return _page("chatops.html.jinja", "chatops", lang, request, platform, user, turns=turns, investigations=investigated)


@router.get("/quality", response_class=HTMLResponse)
def quality(request: Request, platform: PlatformDep, plan: PlanMetricsDep, lang: LangDep, user: Annotated[Principal, Depends(require(Permission.metrics_read))]) -> HTMLResponse:
    with platform.db.session() as session:
        context = views.quality(session, plan, lang)
    return _page("quality.html.jinja", "quality", lang, request, platform, user, **context)


def _page(template: str, title: str, lang: Lang, request: Request, platform: PlatformDep, user: Principal, **context: object) -> HTMLResponse:
    """A page in ``lang`` (`?lang=ko`, `Accept-Language`), titled with its navigation word."""
    html = page(template, title=words(lang)[title], lang=lang, **context, **_chrome(request, platform, user))
    return HTMLResponse(html, headers={"Content-Language": lang})


def _chrome(request: Request, platform: PlatformDep, user: Principal) -> dict[str, object]:
    """The navigation's user and the sign-out form's token (none for a proxy-header session)."""
    token = request.cookies.get(sessions.COOKIE)
    return {"user": user, "signout_token": sessions.signout_token(platform.session_secret, token) if token else None}

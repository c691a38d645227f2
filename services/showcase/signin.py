"""`GET/POST /signin` and `POST /signout`: the browser's way in and out (see `platform.sessions`).

The sign-in form carries a CSRF token that must equal a cookie set with the form (a forged
cross-site post cannot read it), so nobody can sign a browser into someone else's account;
sign-out needs a token derived from the session and revokes it. Both are audited.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.platform import audit, auth, sessions
from services.platform.deps import PlatformDep
from services.platform.errors import BadRequest
from services.showcase.render import page

router = APIRouter(tags=["browser"], include_in_schema=False)
DEFAULT_NEXT = "/showcase"
MAX_FORM_FIELDS = 10


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str = DEFAULT_NEXT) -> HTMLResponse:
    return _form(request, _safe_next(next))


@router.post("/signin", response_model=None)
async def signin(request: Request, platform: PlatformDep) -> Response:
    form = await _form_fields(request)
    target = _safe_next(form.get("next", DEFAULT_NEXT))
    expected = request.cookies.get(sessions.CSRF_COOKIE, "")
    if not expected or not sessions.same(form.get("csrf", ""), expected):
        return _form(request, target, "The sign-in form expired; please try again.", status=400)
    with platform.db.session() as session:
        user = auth.authenticate(session, form.get("api_key", "").strip())
        started = sessions.issue(platform.session_secret, user) if user else None
        if started is not None:
            audit.record(session, _caller(request, started), "sessions.signin", started.id)
    if started is None:
        return _form(request, target, "That API key is not valid, or its user is disabled.", status=401)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        sessions.COOKIE, started.token, max_age=sessions.LIFETIME_S, httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/"
    )
    response.delete_cookie(sessions.CSRF_COOKIE, path="/signin")
    return response


@router.post("/signout", response_model=None)
async def signout(request: Request, platform: PlatformDep) -> Response:
    form = await _form_fields(request)
    token = request.cookies.get(sessions.COOKIE, "")
    if not token or not sessions.signout_allowed(platform.session_secret, token, form.get("csrf", "")):
        return HTMLResponse("Sign-out must come from a page of this session.", status_code=400)
    with platform.db.session() as session:
        if (ended := sessions.resolve(platform.session_secret, session, token)) is not None:
            sessions.revoke(session, ended)
            audit.record(session, _caller(request, ended), "sessions.signout", ended.id)
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/")
    return response


def _caller(request: Request, user: sessions.SessionUser) -> audit.Caller:
    return audit.Caller(user.name, user.role, request.state.request_id)


def _form(request: Request, target: str, error: str | None = None, status: int = 200) -> HTMLResponse:
    csrf = secrets.token_urlsafe(24)
    response = HTMLResponse(page("signin.html.jinja", title="Sign in", user=None, csrf=csrf, next=target, error=error), status_code=status)
    response.set_cookie(sessions.CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/signin")
    return response


async def _form_fields(request: Request) -> dict[str, str]:
    """An url-encoded form body as a dict (the first value of each field); ours have at most three."""
    body = (await request.body()).decode("utf-8", errors="replace")
    try:
        fields = parse_qs(body, max_num_fields=MAX_FORM_FIELDS)
    except ValueError:  # parse_qs's "Max number of fields exceeded"
        raise BadRequest(f"a sign-in or sign-out form has at most {MAX_FORM_FIELDS} fields") from None
    return {name: values[0] for name, values in fields.items()}


def _safe_next(target: str) -> str:
    """Only a path on this server: an open redirect would turn sign-in into a phishing tool."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else DEFAULT_NEXT

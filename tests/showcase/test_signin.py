"""Browser sign-in: API key -> signed HttpOnly SameSite cookie; reads only; roles; sign-out (revokes, audited); proxy header."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from services.platform import audit, auth, sessions
from services.platform.permissions import Role
from tests.conftest import PlatformFactory
from tests.support.api import Api, api_for

HTML = {"Accept": "text/html,application/xhtml+xml"}


def sign_in(client: TestClient, key: str, next_page: str = "/showcase") -> TestClient:
    form = client.get(f"/signin?next={next_page}")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    signed = client.post("/signin", data={"csrf": csrf, "next": next_page, "api_key": key}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == next_page, signed.text
    cookie = signed.headers["set-cookie"]
    assert sessions.COOKIE in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    return client


def offline_api(make_platform: PlatformFactory, **settings: object) -> Api:
    return next(api_for(make_platform(llm_base_urls=["http://127.0.0.1:9/v1"], **settings)))


def test_pages_send_browsers_to_sign_in_and_back(make_platform: PlatformFactory) -> None:
    api = offline_api(make_platform)
    bounced = api.client.get("/showcase/builder", headers=HTML, follow_redirects=False)
    assert bounced.status_code == 303 and bounced.headers["location"] == "/signin?next=/showcase/builder"
    assert api.client.get("/showcase").status_code == 401  # an API client gets the JSON error

    sign_in(api.client, api.keys[Role.analyst], "/showcase/builder")
    page = api.client.get("/showcase/builder", headers=HTML)
    assert page.status_code == 200 and "Strategy builder drafts" in page.text and "analyst-user" in page.text
    assert api.client.get("/showcase/chatops", headers=HTML).status_code == 403  # an analyst does not see everyone's questions
    assert api.client.post("/backtests", json={}).status_code == 401  # the cookie never authorises a change


def test_bad_forms_keys_and_redirects_are_refused(make_platform: PlatformFactory) -> None:
    api = offline_api(make_platform)
    api.client.get("/signin")
    assert api.client.post("/signin", data={"csrf": "forged", "api_key": api.keys[Role.viewer]}).status_code == 400
    form = api.client.get("/signin?next=//evil.example/x")
    assert 'name="next" value="/showcase"' in form.text  # no open redirect
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    refused = api.client.post("/signin", data={"csrf": csrf, "api_key": "isk_wrong"})
    assert refused.status_code == 401 and "not valid" in refused.text and sessions.COOKIE not in api.client.cookies


def test_rotating_the_key_ends_the_session_and_sign_out_needs_the_page_token(make_platform: PlatformFactory) -> None:
    api = offline_api(make_platform)
    sign_in(api.client, api.keys[Role.operator])
    page = api.client.get("/showcase/chatops", headers=HTML)
    assert page.status_code == 200
    assert api.client.post("/signout", data={"csrf": "forged"}).status_code == 400
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    out = api.client.post("/signout", data={"csrf": token}, follow_redirects=False)
    assert out.status_code == 303 and api.client.get("/showcase", headers=HTML, follow_redirects=False).status_code == 303

    sign_in(api.client, api.keys[Role.operator])
    with api.platform.db.session() as session:
        auth.rotate_key(session, "operator-user")
    assert api.client.get("/showcase", headers=HTML, follow_redirects=False).status_code == 303


def test_a_trusted_proxy_header_signs_in_only_when_configured(make_platform: PlatformFactory) -> None:
    plain = offline_api(make_platform)
    assert plain.client.get("/showcase", headers={"X-Forwarded-User": "viewer-user"}).status_code == 401
    proxied = offline_api(make_platform, trusted_user_header="X-Forwarded-User")
    assert proxied.client.get("/showcase", headers={**HTML, "X-Forwarded-User": "viewer-user"}).status_code == 200
    assert proxied.client.get("/showcase", headers={"X-Forwarded-User": "nobody"}).status_code == 401


def test_sign_out_revokes_the_cookie_and_both_are_audited(make_platform: PlatformFactory) -> None:
    """A copy of the cookie (another tab, a stolen one) dies with the sign-out, not 8 h later."""
    api = offline_api(make_platform)
    sign_in(api.client, api.keys[Role.analyst])
    copied = api.client.cookies[sessions.COOKIE]
    page = api.client.get("/showcase", headers=HTML)
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    assert api.client.post("/signout", data={"csrf": token}, follow_redirects=False).status_code == 303

    replayed = api.client.get("/showcase", headers=HTML, cookies={sessions.COOKIE: copied}, follow_redirects=False)
    assert replayed.status_code == 303 and replayed.headers["location"].startswith("/signin")
    with api.platform.db.session() as session:
        entries = [(e.actor, e.action, e.decision) for e in audit.entries(session, action_prefix="sessions.")]
    assert entries == [("analyst-user", "sessions.signin", "allowed"), ("analyst-user", "sessions.signout", "allowed")]


def test_the_session_secret_is_never_empty_or_half_written(tmp_path: Path) -> None:
    """Workers starting together all read one whole secret; an empty file (a writer that died) is refused."""
    with ThreadPoolExecutor(16) as pool:
        secrets = set(pool.map(lambda _: sessions.load_secret(None, tmp_path / "fresh"), range(64)))
    assert len(secrets) == 1 and len(secrets.pop()) == 32
    assert [p.name for p in (tmp_path / "fresh").iterdir()] == ["session.secret"]  # no temporary file left behind

    (tmp_path / "crashed").mkdir()
    (tmp_path / "crashed" / "session.secret").write_bytes(b"")
    with pytest.raises(RuntimeError, match="holds 0 bytes"):
        sessions.load_secret(None, tmp_path / "crashed")

"""Browser sign-in: an API key (or a trusted proxy's user header) becomes a session cookie.

Browsers cannot send Bearer headers, so the pages use a cookie: HttpOnly (scripts cannot read
it), SameSite=Strict (other sites cannot make the browser send it) and signed with a server
secret. It names the user and a fragment of the key's hash, so rotating or disabling the key
ends the session. The cookie authenticates GET requests only (pages and reads): every request
that changes state still needs the Bearer key, or, for sign-out, a token derived from the
session, so a forged cross-site form can do nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.platform.models import User

COOKIE = "insightstack_session"
CSRF_COOKIE = "insightstack_csrf"
LIFETIME_S = 8 * 3600


@dataclass(frozen=True)
class SessionUser:
    name: str
    role: str
    token: str


def load_secret(configured: str | None, data_dir: Path) -> bytes:
    """The signing secret: configured, else one generated once per data dir (shared by its workers)."""
    if configured:
        return configured.encode()
    path = data_dir / "session.secret"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(descriptor, "wb") as file:
        secret = secrets.token_bytes(32)
        file.write(secret)
    return secret


def issue(secret: bytes, user: User, now: float | None = None) -> str:
    """A signed session token for ``user``."""
    payload = {"u": user.name, "k": user.key_hash[:16], "exp": int((now or time.time()) + LIFETIME_S)}
    body = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{body}.{_sign(secret, body)}"


def resolve(secret: bytes, session: Session, token: str) -> SessionUser | None:
    """The enabled user a valid, unexpired token names, while its key is unchanged; else None."""
    body, _, signature = token.partition(".")
    if not hmac.compare_digest(signature, _sign(secret, body)):
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except ValueError:
        return None
    if payload.get("exp", 0) < time.time():
        return None
    user = session.scalar(select(User).where(User.name == payload.get("u")))
    if user is None or user.disabled or not hmac.compare_digest(user.key_hash[:16], str(payload.get("k"))):
        return None
    return SessionUser(user.name, user.role, token)


def by_name(session: Session, name: str) -> User | None:
    """The enabled user a trusted proxy vouches for."""
    user = session.scalar(select(User).where(User.name == name))
    return None if user is None or user.disabled else user


def signout_token(secret: bytes, session_token: str) -> str:
    """The CSRF token of the sign-out form: only a page of this session can know it."""
    return _sign(secret, "signout:" + session_token)


def _sign(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()

"""Browser sign-in: an API key (or a trusted proxy's user header) becomes a session cookie.

Browsers cannot send Bearer headers, so the pages use a cookie: HttpOnly (scripts cannot read
it), SameSite=Strict (other sites cannot make the browser send it) and signed with a server
secret (itsdangerous: a salt per purpose, so a sign-out token is never a session, and a signed
timestamp for the lifetime). It names the user and a fragment of the key's hash, so rotating or
disabling the key ends the session. The cookie authenticates GET requests only (pages and
reads): every request that changes state still needs the Bearer key, or, for sign-out, a token
derived from the session, so a forged cross-site form can do nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from itsdangerous import BadSignature, Signer, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.platform.models import User

COOKIE = "insightstack_session"
CSRF_COOKIE = "insightstack_csrf"
LIFETIME_S = 8 * 3600
SESSION_SALT = "insightstack.session"
SIGNOUT_SALT = "insightstack.signout"


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


def issue(secret: bytes, user: User) -> str:
    """A signed, timestamped session token for ``user``."""
    return _sessions(secret).dumps({"u": user.name, "k": user.key_hash[:16]})


def resolve(secret: bytes, session: Session, token: str) -> SessionUser | None:
    """The enabled user a valid, unexpired token names, while its key is unchanged; else None."""
    try:
        payload = _sessions(secret).loads(token, max_age=LIFETIME_S)
    except BadSignature:  # forged, expired, or not even base64/ASCII
        return None
    user = session.scalar(select(User).where(User.name == payload.get("u")))
    if user is None or user.disabled or not same(user.key_hash[:16], str(payload.get("k"))):
        return None
    return SessionUser(user.name, user.role, token)


def by_name(session: Session, name: str) -> User | None:
    """The enabled user a trusted proxy vouches for."""
    user = session.scalar(select(User).where(User.name == name))
    return None if user is None or user.disabled else user


def signout_token(secret: bytes, session_token: str) -> str:
    """The CSRF token of the sign-out form: only a page of this session can know it."""
    return _signouts(secret).get_signature(session_token).decode()


def signout_allowed(secret: bytes, session_token: str, given: str) -> bool:
    """Whether ``given`` is this session's sign-out token (constant time; any text is just wrong)."""
    return _signouts(secret).verify_signature(session_token, given)


def same(given: str, expected: str) -> bool:
    """Constant-time equality of two texts as a client may send them: `hmac.compare_digest` raises
    on a non-ASCII ``str``, so compare their UTF-8 bytes."""
    return hmac.compare_digest(given.encode(), expected.encode())


def _sessions(secret: bytes) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=SESSION_SALT, signer_kwargs={"digest_method": hashlib.sha256})


def _signouts(secret: bytes) -> Signer:
    return Signer(secret, salt=SIGNOUT_SALT, digest_method=hashlib.sha256)

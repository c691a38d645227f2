"""Browser sign-in: an API key (or a trusted proxy's user header) becomes a session cookie.

Browsers cannot send Bearer headers, so the pages use a cookie: HttpOnly (scripts cannot read
it), SameSite=Strict (other sites cannot make the browser send it) and signed with a server
secret (itsdangerous: a salt per purpose, so a sign-out token is never a session, and a signed
timestamp for the lifetime). It names the user and a fragment of the key's hash, so rotating or
disabling the key ends the session. The cookie authenticates GET requests only (pages and
reads): every request that changes state still needs the Bearer key, or, for sign-out, a token
derived from the session, so a forged cross-site form can do nothing. Each cookie carries a
session id; signing out revokes that id (`revoked_sessions`), so a copied cookie dies with it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from itsdangerous import BadSignature, Signer, URLSafeTimedSerializer
from sqlalchemy import String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from services.platform.db import Base, UTCDateTime
from services.platform.models import User, utcnow

COOKIE = "insightstack_session"
CSRF_COOKIE = "insightstack_csrf"
LIFETIME_S = 8 * 3600
SESSION_SALT = "insightstack.session"
SIGNOUT_SALT = "insightstack.signout"
SECRET_BYTES = 32


class RevokedSession(Base):
    """A signed-out session whose cookie would otherwise stay valid until ``expires_at``."""

    __tablename__ = "revoked_sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


@dataclass(frozen=True)
class SessionUser:
    name: str
    role: str
    token: str
    id: str
    expires_at: datetime


def load_secret(configured: str | None, data_dir: Path, name: str = "session.secret") -> bytes:
    """The signing secret: configured, else one generated once per data dir as `name` (shared by its workers).

    The generated file is written whole under a temporary name, then linked into place: a worker
    never reads a half-written file, and the first one to link wins (a rename would let a later
    worker replace a secret the first one already signs with). An empty secret is refused."""
    if configured:
        return configured.encode()
    path = data_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}.") as file:  # mode 0600
            file.write(secrets.token_bytes(SECRET_BYTES))
            file.flush()
            os.fsync(file.fileno())
            try:
                os.link(file.name, path)
            except FileExistsError:
                pass  # another worker was first: use its secret
    secret = path.read_bytes()
    if len(secret) < SECRET_BYTES:
        raise RuntimeError(f"{path} holds {len(secret)} bytes, not a {SECRET_BYTES}-byte secret: delete it (signs everyone out) and restart")
    return secret


def issue(secret: bytes, user: User) -> SessionUser:
    """A new session for ``user``: its signed, timestamped token and its id (for revocation)."""
    session_id = secrets.token_hex(16)
    token = _sessions(secret).dumps({"u": user.name, "k": user.key_hash[:16], "s": session_id})
    return SessionUser(user.name, user.role, token, session_id, utcnow() + timedelta(seconds=LIFETIME_S))


def resolve(secret: bytes, session: Session, token: str) -> SessionUser | None:
    """The enabled user a valid, unexpired, not revoked token names, while its key is unchanged; else None."""
    try:
        payload, signed_at = _sessions(secret).loads(token, max_age=LIFETIME_S, return_timestamp=True)
    except BadSignature:  # forged, expired, or not even base64/ASCII
        return None
    session_id = payload.get("s")
    if not isinstance(session_id, str) or session.get(RevokedSession, session_id) is not None:
        return None  # revoked, or issued before sessions had ids (so it could not be revoked)
    user = session.scalar(select(User).where(User.name == payload.get("u")))
    if user is None or user.disabled or not same(user.key_hash[:16], str(payload.get("k"))):
        return None
    return SessionUser(user.name, user.role, token, session_id, signed_at + timedelta(seconds=LIFETIME_S))


def revoke(session: Session, ended: SessionUser) -> None:
    """End ``ended`` now rather than when its cookie expires; rows of sessions past expiry are dropped."""
    session.execute(delete(RevokedSession).where(RevokedSession.expires_at < utcnow()))
    if session.get(RevokedSession, ended.id) is None:
        session.add(RevokedSession(id=ended.id, expires_at=ended.expires_at))


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

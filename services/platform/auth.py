"""Users and API keys. Keys are random, shown once, and stored only as a sha256 hash.

A key is ``isk_`` + 43 random URL-safe characters (256 bits), so a plain sha256 is enough: there
is nothing to brute-force that a slow hash would protect. The prefix is stored for lookup.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.platform.models import User, utcnow
from services.platform.permissions import Role

KEY_PREFIX = "isk_"
LAST_USED_RESOLUTION = timedelta(minutes=1)
PREFIX_LENGTH = 12


class UserExists(Exception):
    """A user with that name already exists."""


class UserNotFound(Exception):
    """No user with that name."""


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_user(session: Session, name: str, role: Role | str) -> tuple[User, str]:
    """A new user and its key (the only time the key exists in clear)."""
    role = _role(role)
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise UserExists(f"user {name!r} already exists")
    key = new_key()
    user = User(name=name, role=role.value, key_prefix=key[:PREFIX_LENGTH], key_hash=hash_key(key), disabled=False)
    session.add(user)
    session.flush()
    return user, key


def authenticate(session: Session, key: str) -> User | None:
    """The enabled user holding ``key``, or None; compares hashes in constant time."""
    digest = hash_key(key)
    for user in session.scalars(select(User).where(User.key_prefix == key[:PREFIX_LENGTH])):
        if hmac.compare_digest(user.key_hash, digest) and not user.disabled:
            now = utcnow()
            if user.last_used_at is None or now - user.last_used_at > LAST_USED_RESOLUTION:
                user.last_used_at = now  # once a minute at most: a write per request would serialise all requests on SQLite
            return user
    return None


def get_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise UserNotFound(f"no user named {name!r}")
    return user


def rotate_key(session: Session, name: str) -> str:
    """A new key for ``name``; the old one stops working when the transaction commits."""
    user = get_user(session, name)
    key = new_key()
    user.key_prefix, user.key_hash = key[:PREFIX_LENGTH], hash_key(key)
    return key


def disable_user(session: Session, name: str) -> None:
    get_user(session, name).disabled = True


def set_limits(session: Session, name: str, rpm: int | None, daily_tokens: int | None, *, keep_unset: bool = True) -> None:
    """A user's own gateway limits; None leaves a limit as it is (``keep_unset``) or resets it to the default."""
    user = get_user(session, name)
    if rpm is not None or not keep_unset:
        user.rpm_limit = rpm
    if daily_tokens is not None or not keep_unset:
        user.daily_token_quota = daily_tokens


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValueError(f"unknown role {role!r}; roles: {', '.join(r.value for r in Role)}") from None

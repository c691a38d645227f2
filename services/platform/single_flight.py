"""One expensive computation per key across every API worker and batch process.

A worker that wants a result nobody has stored yet takes a lease: a row keyed by the result's
cache key (the primary key makes the insert succeed for exactly one). The holder computes and
stores; everyone else polls until the stored result appears, taking the lease over only if
its holder gave it up, let it expire, or is a process on this host that no longer exists (a
batch killed with `kill -9` would otherwise block its own `--resume` until the lease ran
out). Works the same on SQLite and PostgreSQL, with no dialect-specific locks.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

import structlog
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from services.platform.db import Database
from services.platform.errors import ServiceUnavailable
from services.platform.models import GenerationLease, utcnow

log = structlog.get_logger(__name__)
T = TypeVar("T")
POLL_S = 0.25


def _machine() -> str:
    """This host and PID namespace: where a holder's pid means this process table's pid."""
    try:
        namespace = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        namespace = 0
    return f"{socket.gethostname()}/{namespace}"


def holder_name() -> str:
    """This thread of this process on this machine: who holds a lease."""
    return f"{_machine()}:{os.getpid()}:{threading.get_ident()}"[:128]


def _gone(holder: str) -> bool:
    """Whether ``holder`` is a process of this machine that has exited (its lease is orphaned)."""
    machine, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if machine != _machine() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, run by another user
        pass
    return False


def run_once(db: Database, key: str, find: Callable[[], T | None], produce: Callable[[], T], *, lease_s: float, wait_s: float) -> T:
    """``find()``'s stored result, else ``produce()``'s, run by one caller per key at a time.

    ``produce`` must store its result so ``find`` sees it; callers that lose the race wait up to
    ``wait_s`` for it and then get 503 with Retry-After (the holder is still at work)."""
    holder = holder_name()
    deadline = time.monotonic() + wait_s
    while True:
        if _acquire(db, key, holder, lease_s):
            try:
                found = find()  # stored by another holder between our last look and the lease
                return found if found is not None else produce()
            finally:
                _release(db, key, holder)
        found = find()
        if found is not None:
            return found
        if time.monotonic() >= deadline:
            raise ServiceUnavailable(
                f"another worker has been producing this result for over {wait_s:.0f}s; retry shortly",
                headers={"Retry-After": "5"}, code="in_progress",
            )
        time.sleep(POLL_S)


def _acquire(db: Database, key: str, holder: str, lease_s: float) -> bool:
    now = utcnow()
    try:
        with db.session() as session:
            expired = session.execute(delete(GenerationLease).where(GenerationLease.key == key, GenerationLease.expires_at < now))
            if expired.rowcount:
                log.warning("single_flight.lease_expired", key=key)
            current = session.scalar(select(GenerationLease.holder).where(GenerationLease.key == key))
            if current is not None and _gone(current):
                session.execute(delete(GenerationLease).where(GenerationLease.key == key, GenerationLease.holder == current))
                log.warning("single_flight.holder_gone", key=key, holder=current)
            session.add(GenerationLease(key=key, holder=holder, expires_at=now + timedelta(seconds=lease_s)))
    except IntegrityError:
        return False
    return True


def _release(db: Database, key: str, holder: str) -> None:
    with db.session() as session:
        session.execute(delete(GenerationLease).where(GenerationLease.key == key, GenerationLease.holder == holder))

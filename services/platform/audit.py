"""The append-only, hash-chained audit log.

Each entry's hash covers its own fields and the previous entry's hash, and the single
``audit_head`` row names the last entry, so editing, deleting (even the newest entry),
inserting or reordering entries is detected by `verify`. Appends update the head row first:
that takes the write lock at once on SQLite and PostgreSQL, so concurrent appends queue and
the chain never forks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from services.platform.db import Database, without_nul
from services.platform.errors import Forbidden
from services.platform.models import AuditEntry, AuditHead, utcnow

GENESIS = "0" * 64
Decision = Literal["allowed", "denied"]


class AuditVerification(BaseModel):
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str | None = None



@dataclass(frozen=True)
class Caller:
    """Who asked for an action: an API user or a CLI/batch identity (what the audit log records)."""

    name: str
    role: str
    request_id: str | None = None

def append(
    session: Session,
    *,
    actor: str,
    role: str,
    action: str,
    target: str,
    decision: Decision,
    details: dict[str, Any] | None = None,
    request_id: str | None = None,
) -> AuditEntry:
    """Add one entry in the caller's transaction (it commits or rolls back with the change it records)."""
    entry_id, prev_hash = session.execute(
        update(AuditHead).where(AuditHead.id == 1).values(last_id=AuditHead.last_id + 1).returning(AuditHead.last_id, AuditHead.last_hash)
    ).one()
    entry = AuditEntry(
        id=entry_id,
        ts=utcnow(),
        actor=actor,
        role=role,
        action=action,
        target=without_nul(target[:256]),  # hashed as stored
        decision=decision,
        details=json.loads(json.dumps(details or {}, default=str)),  # store exactly what is hashed
        request_id=request_id,
        prev_hash=prev_hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_hash=entry.hash))
    return entry


def record(
    session: Session, caller: Caller, action: str, target: str, details: dict[str, Any] | None = None, *, decision: Decision = "allowed"
) -> AuditEntry:
    """`append` for an action a `Caller` took (the usual case in the services)."""
    return append(session, actor=caller.name, role=caller.role, action=action, target=target, decision=decision, details=details, request_id=caller.request_id)


def denied(db: Database, caller: Caller, action: str, target: str, message: str, details: dict[str, Any] | None = None) -> Forbidden:
    """The one way to refuse a caller (403): the denial is committed in its own transaction (the
    request then fails, which would roll it back in the caller's), and the error to raise is
    returned. Call it outside any open session: SQLite takes the write lock at BEGIN."""
    with db.session() as session:
        record(session, caller, action, target, {**(details or {}), "reason": message}, decision="denied")
    return Forbidden(message)


def entry_hash(entry: AuditEntry) -> str:
    """sha256 of the entry's canonical form; stable across SQLite and PostgreSQL round trips."""
    canonical = {
        "id": entry.id,
        "ts": entry.ts.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "actor": entry.actor,
        "role": entry.role,
        "action": entry.action,
        "target": entry.target,
        "decision": entry.decision,
        "details": entry.details,
        "request_id": entry.request_id,
        "prev_hash": entry.prev_hash,
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def entries(session: Session, *, action_prefix: str | None = None, limit: int | None = None) -> list[AuditEntry]:
    """Entries in chain order, optionally only those whose action starts with ``action_prefix``."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if action_prefix:
        query = query.where(AuditEntry.action.startswith(action_prefix))
    return list(session.scalars(query.limit(limit)))


def verify(session: Session) -> AuditVerification:
    """Walk the whole chain; the first entry that does not fit is reported."""
    expected_prev, expected_id, checked = GENESIS, 1, 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        if entry.id != expected_id:
            return _broken(checked, expected_id, f"entry {expected_id} is missing (next is {entry.id})")
        if entry.prev_hash != expected_prev:
            return _broken(checked, entry.id, "previous-hash link broken (an entry before it was removed or replaced)")
        if entry_hash(entry) != entry.hash:
            return _broken(checked, entry.id, "content does not match its hash (entry edited)")
        expected_prev, expected_id, checked = entry.hash, entry.id + 1, checked + 1
    head = session.get(AuditHead, 1)
    if head is None or head.last_id != checked or head.last_hash != expected_prev:
        last = head.last_id if head else "?"
        return _broken(checked, checked + 1, f"chain ends at entry {checked} but the head names entry {last} (newest entries deleted)")
    return AuditVerification(ok=True, checked=checked)


def _broken(checked: int, entry_id: int, reason: str) -> AuditVerification:
    return AuditVerification(ok=False, checked=checked, first_bad_id=entry_id, reason=reason)


"""Signed checkpoints of the audit chain's head, kept outside the database it protects.

The hash chain detects an edited, inserted or deleted entry, but whoever can write the database
can also rebuild every hash and the head row after editing. A checkpoint (the last entry's id and
hash, when, and an HMAC) appended to a file on another volume, or sent to syslog for a remote
collector, is out of their reach: `audit verify --checkpoints FILE` checks each checkpoint's
signature and that its entry still carries the recorded hash. The HMAC key is
`INSIGHTSTACK_AUDIT_CHECKPOINT_KEY` (keep it in the secret store, not beside the database);
without it, a key generated once in the data dir signs, which still catches a rewritten chain
but not a forger who can read that dir.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import syslog
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from services.platform.models import AuditEntry, AuditHead, utcnow


@dataclass(frozen=True)
class Checkpoint:
    last_id: int
    last_hash: str
    at: str
    sig: str

    def line(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


def take(session: Session, key: bytes) -> Checkpoint:
    """The chain's head now, signed."""
    head = session.get(AuditHead, 1)
    last_id, last_hash = (head.last_id, head.last_hash) if head else (0, "")
    at = utcnow().isoformat(timespec="seconds")
    return Checkpoint(last_id, last_hash, at, _sign(key, last_id, last_hash, at))


def write(checkpoint: Checkpoint, path: Path | None, *, to_syslog: bool = False) -> None:
    """Append the checkpoint to `path` (flushed to disk) and/or send it to syslog (LOG_AUTH)."""
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(checkpoint.line() + "\n")
            file.flush()
            os.fsync(file.fileno())
    if to_syslog:
        syslog.openlog("insightstack-audit", 0, syslog.LOG_AUTH)
        syslog.syslog(syslog.LOG_NOTICE, "audit checkpoint " + checkpoint.line())


def check(session: Session, key: bytes, lines: Iterable[str]) -> list[str]:
    """Problems found, one line each: an unreadable or forged checkpoint, or an entry whose hash
    is no longer the one the checkpoint recorded (the chain was rewritten since)."""
    problems = []
    for number, line in enumerate((line for line in lines if line.strip()), 1):
        try:
            checkpoint = Checkpoint(**json.loads(line))
        except (ValueError, TypeError) as exc:
            problems.append(f"checkpoint {number}: unreadable ({exc})")
            continue
        if not hmac.compare_digest(checkpoint.sig, _sign(key, checkpoint.last_id, checkpoint.last_hash, checkpoint.at)):
            problems.append(f"checkpoint {number} ({checkpoint.at}): signature does not match (forged or another key)")
            continue
        if checkpoint.last_id == 0:
            continue
        entry = session.get(AuditEntry, checkpoint.last_id)
        if entry is None:
            problems.append(f"checkpoint {number} ({checkpoint.at}): entry {checkpoint.last_id} no longer exists")
        elif entry.hash != checkpoint.last_hash:
            problems.append(f"checkpoint {number} ({checkpoint.at}): entry {checkpoint.last_id} has another hash than at the checkpoint (the chain was rewritten)")
    return problems


def _sign(key: bytes, last_id: int, last_hash: str, at: str) -> str:
    return hmac.new(key, f"{last_id}|{last_hash}|{at}".encode(), hashlib.sha256).hexdigest()

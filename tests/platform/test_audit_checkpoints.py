"""Signed checkpoints of the audit chain, kept outside the database: a chain rebuilt by someone
who could write the database passes `audit verify` alone, not against a checkpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from services.operations import audit_checkpoints

from services.platform import audit
from services.platform.db import Database
from services.platform.models import AuditEntry, AuditHead

KEY = b"checkpoint-key"


@pytest.fixture
def db(database_url: str) -> Database:
    database = Database(database_url)
    database.upgrade()
    for index in range(5):
        with database.session() as session:
            audit.append(session, actor="ada", role="admin", action="test.act", target=f"t{index}", decision="allowed")
    yield database
    database.engine.dispose()


def rebuild_chain_with(db: Database, entry_id: int, actor: str) -> None:
    """What an attacker with write access does: edit an entry, then recompute every hash after it and the head."""
    with db.session() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        previous = audit.GENESIS
        for entry in entries:
            entry.actor = actor if entry.id == entry_id else entry.actor
            entry.prev_hash = previous
            entry.hash = previous = audit.entry_hash(entry)
        session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_hash=previous))


def test_a_rebuilt_chain_passes_verify_but_not_its_checkpoint(db: Database) -> None:
    with db.session() as session:
        line = audit_checkpoints.take(session, KEY).line()
        assert audit_checkpoints.check(session, KEY, [line]) == []
    rebuild_chain_with(db, 2, "mallory")
    with db.session() as session:
        assert audit.verify(session).ok  # the chain alone cannot tell
        problems = audit_checkpoints.check(session, KEY, [line])
    assert len(problems) == 1 and "entry 5 has another hash than at the checkpoint (the chain was rewritten)" in problems[0]


def test_a_forged_or_unreadable_checkpoint_is_reported(db: Database) -> None:
    with db.session() as session:
        checkpoint = json.loads(audit_checkpoints.take(session, KEY).line())
        forged = json.dumps({**checkpoint, "last_hash": "0" * 64})
        problems = audit_checkpoints.check(session, KEY, [forged, "not json", json.dumps(checkpoint)])
        other_key = audit_checkpoints.check(session, b"another key", [json.dumps(checkpoint)])
    assert [p.split(":")[0].split(" (")[0] for p in problems] == ["checkpoint 1", "checkpoint 2"]
    assert "signature does not match" in problems[0] and "unreadable" in problems[1]
    assert len(other_key) == 1 and "signature does not match" in other_key[0]


@pytest.mark.slow  # runs the CLI as processes
def test_the_cli_writes_checkpoints_and_verifies_against_them(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    env = {**os.environ, "INSIGHTSTACK_DATA_DIR": str(data_dir), "INSIGHTSTACK_PROFILE": "tiny", "INSIGHTSTACK_LOG_LEVEL": "WARNING", "COLUMNS": "200"}
    cli = str(Path(sys.executable).with_name("insightstack"))
    assert subprocess.run([cli, "db", "upgrade"], capture_output=True, env=env, timeout=120).returncode == 0
    db = Database(f"sqlite:///{data_dir / 'insightstack.db'}")
    with db.session() as session:
        audit.append(session, actor="ada", role="admin", action="test.act", target="t", decision="allowed")
    taken = subprocess.run([cli, "audit", "checkpoint"], capture_output=True, text=True, env=env, timeout=120)
    checkpoints = data_dir / "audit-checkpoints.jsonl"
    assert taken.returncode == 0 and "checkpoint: entry 1" in taken.stdout and len(checkpoints.read_text().splitlines()) == 1
    assert (data_dir / "audit-checkpoint.secret").stat().st_mode & 0o077 == 0  # the generated key is private
    verify = [cli, "audit", "verify", "--checkpoints", str(checkpoints)]
    ok = subprocess.run(verify, capture_output=True, text=True, env=env, timeout=120)
    assert ok.returncode == 0 and "agrees" in ok.stdout, ok.stdout + ok.stderr
    rebuild_chain_with(db, 1, "mallory")
    db.engine.dispose()
    broken = subprocess.run(verify, capture_output=True, text=True, env=env, timeout=120)
    assert broken.returncode == 1 and "the chain was rewritten" in broken.stdout, broken.stdout + broken.stderr

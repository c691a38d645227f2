"""Storage on SQLite and PostgreSQL: migrations, transactions, users, audit chain."""

from __future__ import annotations

import dataclasses
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from inference.structured import LLMCallRecord
from services.pipelines.models import PipelineRun
from services.platform import audit, auth
from services.platform.db import Base, Database, DatabaseUnavailable, alembic_config
from services.platform.models import LLMCall, User
from services.platform.observability import LLMCallOut
from services.platform.permissions import PERMISSIONS, Permission, Role, allowed


@pytest.fixture
def db(database_url: str) -> Database:
    database = Database(database_url)
    database.upgrade()
    yield database
    database.engine.dispose()


def test_migrations_build_exactly_the_models(db: Database) -> None:
    assert db.current_revision() == ScriptDirectory.from_config(alembic_config(db.url)).get_current_head()
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    db.upgrade()  # idempotent


def test_a_failed_transaction_writes_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        auth.create_user(session, "half", Role.viewer)
        audit.append(session, actor="t", role="admin", action="users.create", target="half", decision="allowed")
        raise RuntimeError("crash between two writes")
    with db.session() as session:
        assert auth.list_users(session) == []
        assert audit.entries(session) == []
        assert audit.verify(session).ok


def test_users_and_keys(db: Database) -> None:
    with db.session() as session:
        user, key = auth.create_user(session, "ana", Role.analyst)
        with pytest.raises(auth.UserExists):
            auth.create_user(session, "ana", Role.viewer)
        with pytest.raises(ValueError, match="unknown role 'wizard'; roles: viewer, analyst"):
            auth.create_user(session, "bob", "wizard")
    assert key.startswith("isk_") and len(key) > 40
    with db.session() as session:
        assert auth.authenticate(session, key).name == "ana"
        assert auth.authenticate(session, key[:-1] + "x") is None
        assert auth.authenticate(session, "") is None
        stored = session.execute(text("SELECT name, role, key_prefix, key_hash FROM users")).all()
        assert key not in repr(stored)
    with db.session() as session:
        new_key = auth.rotate_key(session, "ana")
    with db.session() as session:
        assert auth.authenticate(session, key) is None
        assert auth.authenticate(session, new_key).last_used_at is not None
        auth.disable_user(session, "ana")
    with db.session() as session:
        assert auth.authenticate(session, new_key) is None
        with pytest.raises(auth.UserNotFound):
            auth.rotate_key(session, "nobody")


def append_many(db: Database, count: int, actor: str = "t") -> None:
    for index in range(count):
        with db.session() as session:
            audit.append(session, actor=actor, role="admin", action="test.act", target=f"t{index}", decision="allowed", details={"n": index, "ü": [1.5, None]})


@pytest.mark.parametrize(
    ("tamper", "bad_id", "reason"),
    [
        ("UPDATE audit_log SET details = '{\"n\": 99}' WHERE id = 3", 3, "entry edited"),
        ("UPDATE audit_log SET decision = 'denied' WHERE id = 1", 1, "entry edited"),
        ("DELETE FROM audit_log WHERE id = 2", 2, "entry 2 is missing"),
        ("DELETE FROM audit_log WHERE id = 5", 5, "newest entries deleted"),
    ],
)
def test_audit_tampering_is_detected(db: Database, tamper: str, bad_id: int, reason: str) -> None:
    append_many(db, 5)
    with db.session() as session:
        assert audit.verify(session).model_dump() == {"ok": True, "checked": 5, "first_bad_id": None, "reason": None}
        session.execute(text(tamper))
    with db.session() as session:
        result = audit.verify(session)
    assert not result.ok and result.first_bad_id == bad_id and reason in result.reason


def test_concurrent_appends_keep_one_chain(db: Database) -> None:
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda worker: append_many(db, 15, actor=f"w{worker}"), range(4)))
    with db.session() as session:
        result = audit.verify(session)
        assert result.ok and result.checked == 60
        assert len(session.scalars(select(User)).all()) == 0


def test_unreachable_database_fails_fast() -> None:
    db = Database("postgresql+psycopg://nobody@127.0.0.1:9/none")
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable, match="postgresql unavailable"):
        db.ping()
    with pytest.raises(DatabaseUnavailable), db.session() as session:
        session.execute(text("SELECT 1"))
    assert time.monotonic() - started < 10


def test_permission_map() -> None:
    assert allowed(Role.viewer, Permission.reports_read) and not allowed(Role.viewer, Permission.reports_generate)
    assert allowed(Role.analyst, Permission.strategies_build) and not allowed(Role.analyst, Permission.strategies_approve)
    assert allowed(Role.reviewer, Permission.reviews_decide) and not allowed(Role.reviewer, Permission.chatops_operate)
    assert allowed(Role.operator, Permission.chatops_operate) and not allowed(Role.operator, Permission.backtests_write)
    assert all(Role.admin in roles for roles in PERMISSIONS.values())
    assert all(Role.viewer in PERMISSIONS[p] for p in (Permission.reports_read, Permission.chatops_ask))


def test_nul_characters_are_stored_as_replacement_characters(db: Database) -> None:
    """PostgreSQL text cannot hold NUL (psycopg refused it: a 500); both dialects store U+FFFD."""
    with db.session() as session:
        audit.append(session, actor="t", role="admin", action="probe", target="a\x00b", decision="denied", details={"text": "c\x00d"})
        auth.create_user(session, "nul", Role.viewer)
    with db.session() as session:
        assert session.scalar(select(User).where(User.name == "nul\x00")) is None  # a lookup with NUL finds nothing, no error
        entry = audit.entries(session, action_prefix="probe")[0]
        assert entry.target == "a\ufffdb" and entry.details == {"text": "c\x00d"}  # JSON keeps it escaped
        assert audit.verify(session).ok


def test_times_with_an_offset_are_stored_as_the_same_instant(db: Database) -> None:
    """SQLite kept the wall-clock time and dropped the offset: 10:00+02:00 came back as 10:00 UTC."""
    at = datetime(2024, 5, 1, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    with db.session() as session:
        session.add(PipelineRun(pipeline="p", run_id="r", status="running", started_at=at, tasks=[], reported_by="t"))
    with db.session() as session:
        stored = session.scalar(select(PipelineRun.started_at))
        assert stored == at and stored is not None and (stored.tzinfo, stored.hour) == (UTC, 8)
        assert session.scalar(select(PipelineRun.run_id).where(PipelineRun.started_at < datetime(2024, 5, 1, 9, tzinfo=UTC))) == "r"


def test_the_llm_call_table_and_its_wire_shape_are_the_record() -> None:
    """One definition (inference.structured.LLMCallRecord): the table stores exactly its fields
    and the admin listing serves exactly them, each with the row's id and time."""
    recorded = ["id", "created_at", *(f.name for f in dataclasses.fields(LLMCallRecord))]
    assert [c.name for c in LLMCall.__table__.columns] == recorded
    assert list(LLMCallOut.model_fields) == recorded

"""Single-flight leases on a real database: one producer per key, expired and orphaned leases taken over."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from services.platform import single_flight
from services.platform.db import Database
from services.platform.errors import ServiceUnavailable
from services.platform.models import GenerationLease, utcnow


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.upgrade()
    yield database
    database.engine.dispose()


def test_one_producer_while_others_wait_for_its_result(db: Database) -> None:
    stored: list[str] = []
    produced = threading.Event()

    def produce() -> str:
        produced.wait(0.5)  # hold the lease while the others arrive
        stored.append("report")
        return "report"

    def ask(_: int) -> str:
        return single_flight.run_once(db, "k1", lambda: stored[0] if stored else None, produce, lease_s=30, wait_s=30)

    with ThreadPoolExecutor(5) as pool:
        results = list(pool.map(ask, range(5)))
    assert results == ["report"] * 5 and stored == ["report"]
    with db.session() as session:
        assert session.get(GenerationLease, "k1") is None  # released


def test_an_expired_lease_is_taken_over_and_a_live_one_times_out(db: Database) -> None:
    with db.session() as session:
        session.add(GenerationLease(key="dead", holder="crashed:1:1", expires_at=utcnow() - timedelta(seconds=1)))
        session.add(GenerationLease(key="busy", holder="other:2:2", expires_at=utcnow() + timedelta(minutes=5)))
    assert single_flight.run_once(db, "dead", lambda: None, lambda: "mine", lease_s=30, wait_s=1) == "mine"
    with pytest.raises(ServiceUnavailable) as waited:
        single_flight.run_once(db, "busy", lambda: None, lambda: "never", lease_s=30, wait_s=0.5)
    assert waited.value.headers["Retry-After"] and waited.value.code == "in_progress"


def test_a_lease_whose_holder_exited_on_this_machine_is_taken_over(db: Database) -> None:
    exited = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    machine = single_flight.holder_name().rsplit(":", 2)[0]
    with db.session() as session:  # a batch killed with kill -9 mid-generation: its lease would last minutes more
        session.add(GenerationLease(key="orphan", holder=f"{machine}:{exited.stdout.strip()}:1", expires_at=utcnow() + timedelta(minutes=5)))
        session.add(GenerationLease(key="elsewhere", holder=f"other-host/1:{exited.stdout.strip()}:1", expires_at=utcnow() + timedelta(minutes=5)))
    assert single_flight.run_once(db, "orphan", lambda: None, lambda: "mine", lease_s=30, wait_s=1) == "mine"
    with pytest.raises(ServiceUnavailable):  # a pid on another machine says nothing about this one's processes
        single_flight.run_once(db, "elsewhere", lambda: None, lambda: "never", lease_s=30, wait_s=0.5)

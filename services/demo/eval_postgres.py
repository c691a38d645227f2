"""The eval harness's PostgreSQL: a server for one suite's platform, set to each ChatOps case's
`postgres` world (long statements, sessions blocked on a lock, idle connections, databases of
some size) for the shipped `postgresql` toolset to find.

The server allows 20 connections and the toolset's long-query threshold is 2 s here (the
shipped default is 30 s), so a case does not wait half a minute for its statement to become
long. What a case opens is ended before the next case is set: its sessions are terminated and
its databases dropped.
"""

from __future__ import annotations

import threading
import time
from contextlib import ExitStack

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from services.demo.postgres import binaries_available, local_postgres
from services.evaluation.suite import LongQuery, PostgresState, World
from services.evaluation.world import WorldError

MAX_CONNECTIONS = 20
MONITOR_ROOM = 2  # connections left free for the toolset's own queries, however many idle ones a case asks for
LONG_QUERY_S = 2
WORLD_APP = "eval-world"  # application_name of every session a case opens, so the next case can end them
SETTLE_S = 15.0


class Postgres:
    systems = {"postgresql"}

    def __init__(self) -> None:
        if not binaries_available():
            raise WorldError("world: postgres needs PostgreSQL 15 (apt-get install postgresql-15)")
        with ExitStack() as stack:  # a failed set-up stops the server it started
            self.url = stack.enter_context(local_postgres({"max_connections": str(MAX_CONNECTIONS)})).url
            address = make_url(self.url)
            self._server = {"host": address.host, "port": address.port}
            self._admin = psycopg.connect(**self._server, user="postgres", dbname="postgres", autocommit=True, application_name="eval-admin")
            stack.callback(self._admin.close)
            self._admin.execute("CREATE TABLE positions (id int PRIMARY KEY, quantity int NOT NULL)")
            self._admin.execute("INSERT INTO positions VALUES (1, 100)")
            self._stack = stack.pop_all()
        self._held: list[psycopg.Connection] = []
        self._running: list[threading.Thread] = []
        self._created: list[str] = []

    @property
    def environ(self) -> dict[str, str]:
        """What the shipped postgresql toolset reads."""
        return {"INSIGHTSTACK_PG_MONITOR_DSN": self.url, "INSIGHTSTACK_PG_LONG_QUERY_S": str(LONG_QUERY_S)}

    def set(self, world: World) -> None:
        self._clear()
        state = world.postgres
        if state is None:
            return
        for name, size_mb in state.databases.items():
            self._database(name, size_mb)
        for query in state.long_queries:
            self._long_query(query)
        if state.blocked:
            self._connect("postgres", "postgres").execute("BEGIN; LOCK TABLE positions IN ACCESS EXCLUSIVE MODE")  # held: the transaction stays open
        for label in state.blocked:
            self._in_background(self._connect("postgres", "postgres"), f"UPDATE positions SET quantity = quantity + 1 -- {label}")
        for _ in range(min(state.idle_connections, MAX_CONNECTIONS - MONITOR_ROOM - self._clients())):
            self._connect("postgres", "postgres")
        self._settled(state)

    def stop(self) -> None:
        self._clear()
        self._stack.close()

    def _database(self, name: str, size_mb: float) -> None:
        if name in self._created:
            return
        self._admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self._created.append(name)
        if size_mb:
            with psycopg.connect(**self._server, user="postgres", dbname=name, autocommit=True) as filler:
                filler.execute("CREATE TABLE filler AS SELECT repeat('x', 1000) AS pad FROM generate_series(1, %s)", [int(size_mb * 900)])

    def _long_query(self, query: LongQuery) -> None:
        if query.database != "postgres":
            self._database(query.database, 0)
        self._admin.execute(sql.SQL("DO $$ BEGIN CREATE ROLE {} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$").format(sql.Identifier(query.user)))
        session = self._connect(query.database, query.user)
        self._in_background(session, f"SELECT pg_sleep(3600) -- {query.label}")

    def _connect(self, database: str, user: str) -> psycopg.Connection:
        session = psycopg.connect(**self._server, user=user, dbname=database, autocommit=True, application_name=WORLD_APP)
        self._held.append(session)
        return session

    def _in_background(self, session: psycopg.Connection, statement: str) -> None:
        def run() -> None:
            try:
                session.execute(statement)  # type: ignore[arg-type]  # a fixed statement with a checked label
            except psycopg.Error:
                pass  # ended by the next case's _clear

        thread = threading.Thread(target=run, name="eval-pg-session", daemon=True)
        thread.start()
        self._running.append(thread)

    def _settled(self, state: PostgresState) -> None:
        """Wait until every statement is running (or waiting) and older than the long-query threshold."""
        busy = len(state.long_queries) + len(state.blocked)
        deadline = time.monotonic() + SETTLE_S
        started = time.monotonic()
        while time.monotonic() < deadline:
            row = self._admin.execute(
                "SELECT count(*) FILTER (WHERE state = 'active'), count(*) FILTER (WHERE cardinality(pg_blocking_pids(pid)) > 0) "
                "FROM pg_stat_activity WHERE application_name = %s", [WORLD_APP],
            ).fetchone()
            assert row is not None
            if row[0] >= busy and row[1] >= len(state.blocked) and (not busy or time.monotonic() - started > LONG_QUERY_S + 0.5):
                return
            time.sleep(0.1)
        raise WorldError(f"world: PostgreSQL sessions did not start within {SETTLE_S:g} s")

    def _clients(self) -> int:
        row = self._admin.execute("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'").fetchone()
        return int(row[0]) if row else 0

    def _clear(self) -> None:
        """End the last case's sessions and wait until their backends are gone (a terminated
        backend holds its connection slot until it exits), then drop its databases.

        A session is closed only after its statement's thread has seen the termination: closed
        earlier, its socket number could go to the next case's connection while the old thread
        still waits on it, and that thread would read the new connection's replies."""
        self._admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", [WORLD_APP])
        deadline = time.monotonic() + SETTLE_S
        for thread in self._running:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        if any(thread.is_alive() for thread in self._running):
            raise WorldError(f"world: the last case's PostgreSQL statements did not end within {SETTLE_S:g} s")
        self._running.clear()
        for session in self._held:
            session.close()
        self._held.clear()
        while self._admin.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [WORLD_APP]).fetchone() != (0,):
            if time.monotonic() > deadline:
                raise WorldError(f"world: the last case's PostgreSQL sessions did not end within {SETTLE_S:g} s")
            time.sleep(0.05)
        for name in self._created:
            self._admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        self._created.clear()

"""The database: engine set-up per dialect, one-transaction sessions, migrations, health.

SQLite is the default (a file in the data dir); PostgreSQL is the production choice. On SQLite
every transaction starts with ``BEGIN IMMEDIATE`` so concurrent writers queue on the lock
instead of failing on a read-to-write upgrade; the hash-chained audit log relies on that. On both,
NUL characters in text parameters become U+FFFD (PostgreSQL text cannot hold them).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import DateTime, Dialect, Engine, MetaData, TypeDecorator, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every dialect (SQLite drops the zone on the way back,
    PostgreSQL returns it in the session's zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Aware times go in as UTC: SQLite would keep the wall-clock time and drop the offset."""
        return value.astimezone(UTC) if value is not None and value.tzinfo is not None else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class DatabaseUnavailable(Exception):
    """The database cannot be reached (down, restarting, wrong URL); callers answer 503."""


def make_engine(url: str) -> Engine:
    """An engine tuned for the dialect: fail fast when PostgreSQL is down, queue writers on SQLite."""
    engine = _dialect_engine(url)
    _replace_nul_characters(engine)
    return engine


def _dialect_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _serialize_sqlite_writers(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, connect_args={"connect_timeout": 5})


def _replace_nul_characters(engine: Engine) -> None:
    """PostgreSQL text cannot hold NUL, and psycopg refuses such a parameter: a model's random
    bytes in a recorded output (seen under load) or a %00 in a path or a body was a 500. Every
    text parameter, a lookup's as much as a stored value's, gets U+FFFD instead, on every dialect
    so both store the same thing."""

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def replace(_connection: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _executemany: bool) -> tuple[str, Any]:
        return statement, without_nul(parameters)


def without_nul(value: Any) -> Any:
    """``value`` with NUL characters in its strings (nested too) as U+FFFD: what the database keeps."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {key: without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(without_nul(item) for item in value)
    return value


def _serialize_sqlite_writers(engine: Engine) -> None:
    """The SQLAlchemy pysqlite recipe: take the write lock at BEGIN, with WAL so readers don't block."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below be the only one
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


class Database:
    """One engine and its sessions; each `session()` block is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Commit when the block ends, roll back on any exception; connection failures become
        `DatabaseUnavailable` so nothing is ever half-written."""
        try:
            with self._sessions.begin() as session:
                yield session
        except (OperationalError, InterfaceError) as exc:
            if _is_connection_failure(exc):
                raise DatabaseUnavailable(f"{self.dialect} unavailable: {_first_line(exc)}") from exc
            raise

    def ping(self) -> float:
        """SELECT 1 latency in ms."""
        started = time.perf_counter()
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except (OperationalError, InterfaceError) as exc:
            raise DatabaseUnavailable(f"{self.dialect} unavailable: {_first_line(exc)}") from exc
        return (time.perf_counter() - started) * 1000

    def upgrade(self) -> None:
        """Apply every migration (idempotent)."""
        try:
            with self.engine.begin() as connection:
                config = alembic_config(self.url)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except (OperationalError, InterfaceError) as exc:
            raise DatabaseUnavailable(f"{self.dialect} unavailable: {_first_line(exc)}") from exc

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()


def _is_connection_failure(exc: OperationalError | InterfaceError) -> bool:
    if isinstance(exc, InterfaceError) or exc.connection_invalidated:
        return True
    message = str(exc.orig).lower()
    return any(
        phrase in message
        for phrase in ("connection", "could not connect", "server closed", "terminating", "unable to open", "database is locked")
    )


def _first_line(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__

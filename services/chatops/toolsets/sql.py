"""`sql_readonly` tools: named, parameterised queries against a configured database, each in a
read-only transaction under a statement timeout, never SQL from the model.

PostgreSQL: ``SET TRANSACTION READ ONLY`` and ``SET LOCAL statement_timeout``; SQLite:
``PRAGMA query_only``. Parameters are bound, never formatted into the text. One small engine per
DSN, kept for the toolset's life."""

from __future__ import annotations

import threading
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from services.chatops.toolkit import ToolFailure
from services.chatops.toolsets.spec import SqlTool


class ReadOnlyDatabases:
    """The engines of the toolsets' DSNs; closed when the toolsets are reloaded or the app stops."""

    def __init__(self) -> None:
        self._engines: dict[str, Engine] = {}
        self._lock = threading.Lock()

    def engine(self, dsn: str) -> Engine:
        with self._lock:
            if dsn not in self._engines:
                self._engines[dsn] = create_engine(dsn, pool_size=2, max_overflow=2, pool_pre_ping=True) if not dsn.startswith("sqlite") else create_engine(dsn)
            return self._engines[dsn]

    def ping(self, dsn: str, timeout_s: float) -> None:
        self.run(dsn, "SELECT 1", {}, timeout_s, 1)

    def run(self, dsn: str, sql: str, arguments: dict[str, Any], timeout_s: float, max_rows: int) -> list[dict[str, Any]]:
        engine = self.engine(dsn)
        try:
            with engine.connect() as connection:
                transaction = connection.begin()
                if engine.dialect.name == "postgresql":
                    connection.execute(text("SET TRANSACTION READ ONLY"))
                    connection.execute(text(f"SET LOCAL statement_timeout = {int(timeout_s * 1000)}"))
                elif engine.dialect.name == "sqlite":
                    connection.exec_driver_sql("PRAGMA query_only = ON")
                rows = [{key: _plain(value) for key, value in row.items()} for row in connection.execute(text(sql), arguments).mappings().fetchmany(max_rows)]
                transaction.rollback()
                return rows
        except SQLAlchemyError as exc:
            raise ToolFailure(f"{engine.url.render_as_string(hide_password=True)}: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}") from exc

    def close(self) -> None:
        with self._lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()


def query(spec: SqlTool, databases: ReadOnlyDatabases, dsn: str, arguments: dict[str, Any]) -> list[dict[str, Any]]:
    return databases.run(dsn, spec.sql, arguments, spec.timeout_s, spec.max_rows)


def _plain(value: Any) -> Any:
    """A value JSON can carry: numbers as floats, times as ISO text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value

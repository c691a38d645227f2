"""`database_health`: the DatabaseManager's engine as an operator sees it."""

from __future__ import annotations

from typing import Any

from pydantic import Field
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from services.chatops.toolkit import ToolFailure, ToolOutput
from services.chatops.tools.args import Args
from services.platform.db import Database, DatabaseUnavailable

LONG_RUNNING = text(
    """
    SELECT pid, usename AS user_name, state, EXTRACT(EPOCH FROM now() - query_start) AS duration_s, left(query, 200) AS query
    FROM pg_stat_activity
    WHERE pid <> pg_backend_pid() AND state <> 'idle' AND query_start < now() - make_interval(secs => :seconds)
    ORDER BY query_start LIMIT 20
    """
)


class DatabaseHealthArgs(Args):
    long_running_s: int = Field(default=30, ge=1, le=86400, description="Report PostgreSQL sessions busy for longer than this.")


def database_health(db: Database, args: DatabaseHealthArgs) -> ToolOutput:
    """SELECT 1 latency, pool usage, server version, and long-running sessions on PostgreSQL."""
    try:
        latency = db.ping()
        with db.engine.connect() as connection:
            if db.dialect == "postgresql":
                version = connection.scalar(text("SHOW server_version"))
                sessions = [dict(row._mapping) for row in connection.execute(LONG_RUNNING, {"seconds": args.long_running_s})]
            else:
                version, sessions = connection.scalar(text("SELECT sqlite_version()")), []
    except DatabaseUnavailable as exc:
        raise ToolFailure(str(exc)) from exc
    pool = _pool(db)
    for session in sessions:
        session["duration_s"] = round(float(session["duration_s"]), 1)
    summary = f"{db.dialect} {version}: SELECT 1 in {latency:.1f} ms"
    if pool:
        summary += f"; pool {pool['checked_out']} checked out of {pool['size']} (overflow {pool['overflow']})"
    if db.dialect == "postgresql":
        summary += f"; {len(sessions)} session(s) busy over {args.long_running_s} s"
    data = {"dialect": db.dialect, "server_version": version, "select1_ms": round(latency, 2), "pool": pool, "long_running": sessions}
    return ToolOutput(summary=summary, data=data)


def _pool(db: Database) -> dict[str, Any] | None:
    pool = db.engine.pool
    if not isinstance(pool, QueuePool):
        return None
    return {"size": pool.size(), "checked_out": pool.checkedout(), "overflow": max(pool.overflow(), 0)}

"""Alembic environment: runs on the connection `Database.upgrade` hands in, or on the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import services.platform.models  # noqa: F401  (registers the tables on Base.metadata)
import services.chatops.models  # noqa: F401
import services.evaluation.models  # noqa: F401
import services.pipelines.models  # noqa: F401
import services.platform.sessions  # noqa: F401  (revoked_sessions)
import services.reports.models  # noqa: F401
import services.strategies.models  # noqa: F401
from services.platform.db import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    if context.is_offline_mode():  # `releases rollback --db` dry-runs a downgrade as SQL to see what it drops
        context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as own_connection:
        context.configure(connection=own_connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run()

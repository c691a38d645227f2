"""PostgreSQL 15 for the tests: the local throwaway server (services.demo.postgres), or the one
INSIGHTSTACK_TEST_PG_URL names."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from services.demo.postgres import binaries_available, local_postgres


def available() -> bool:
    return bool(os.environ.get("INSIGHTSTACK_TEST_PG_URL")) or binaries_available()


@contextmanager
def running_postgres() -> Iterator[str]:
    """Yields a SQLAlchemy URL of a fresh server on a free loopback port; removes it afterwards."""
    external = os.environ.get("INSIGHTSTACK_TEST_PG_URL")
    if external:
        yield external
        return
    with local_postgres() as server:
        yield server.url

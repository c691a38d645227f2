"""The eval world's `postgres` on a real PostgreSQL 15: what a case sets is what the shipped
postgresql toolset finds, and the next case starts from nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.chatops.toolkit import Tool
from services.chatops.toolsets.loader import Toolsets
from services.demo.eval_postgres import Postgres
from services.demo.postgres import binaries_available
from services.evaluation.suite import World
from services.platform.settings import REPO_ROOT

pytestmark = pytest.mark.skipif(not binaries_available(), reason="PostgreSQL 15 binaries not installed")


@pytest.fixture
def pg_world() -> Iterator[Postgres]:
    world = Postgres()
    try:
        yield world
    finally:
        world.stop()


def rows(tool: Tool) -> list[dict]:
    return tool.run(tool.arguments()).data["rows"]


def test_a_case_sets_long_queries_locks_connections_and_databases_and_the_next_case_clears_them(pg_world: Postgres) -> None:
    toolsets = Toolsets(REPO_ROOT / "data" / "toolsets", [], environ=pg_world.environ)
    tools = {tool.name: tool for tool in toolsets.load()}
    assert "pg_long_queries" in tools, toolsets.statuses
    try:
        pg_world.set(World.model_validate({"postgres": {
            "long_queries": [{"label": "nightly risk rollup", "database": "reporting", "user": "etl"}],
            "blocked": ["position update"], "idle_connections": 13, "databases": {"archive": 20},
        }}))
        long = {row["query"].split("-- ")[-1]: row for row in rows(tools["pg_long_queries"])}
        assert (long["nightly risk rollup"]["user_name"], long["nightly risk rollup"]["database"]) == ("etl", "reporting")
        assert long["nightly risk rollup"]["duration_s"] >= 2  # the eval's threshold, not the shipped 30 s
        assert [row["query"] for row in rows(tools["pg_blocked_sessions"])] == ["UPDATE positions SET quantity = quantity + 1 -- position update"]
        [connections] = rows(tools["pg_connections"])
        assert connections["max_connections"] == 20 and connections["problem"] is True, connections
        sizes = {row["database"]: row["size_mb"] for row in rows(tools["pg_database_sizes"])}
        assert 20 <= sizes["archive"] <= 35 and "reporting" in sizes

        pg_world.set(World())
        assert rows(tools["pg_long_queries"]) == rows(tools["pg_blocked_sessions"]) == []
        assert rows(tools["pg_connections"])[0]["problem"] is False
        assert {row["database"] for row in rows(tools["pg_database_sizes"])} == {"postgres"}
    finally:
        toolsets.close()

"""Fixtures for the report product: the sample backtests imported, an API client, users per role."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT
from services.reports import store
from tests.support.api import Api, api_for

SAMPLES = REPO_ROOT / "data" / "backtests"


def sample(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{name}.json").read_text())


def import_samples(platform: Platform, *names: str) -> None:
    paths = [SAMPLES / f"{name}.json" for name in names] or sorted(SAMPLES.glob("*.json"))
    with platform.db.session() as session:
        for path in paths:
            store.ingest(session, store.load_file(path), actor="test", role="analyst")


@pytest.fixture
def api(platform: Platform) -> Iterator[Api]:
    """The API on a fresh database with the samples imported, talking to the real vLLM server."""
    import_samples(platform)
    yield from api_for(platform)


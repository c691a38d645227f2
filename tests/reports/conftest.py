"""Fixtures for the report product: the sample backtests imported, an API client, users per role."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from services.platform import auth
from services.platform.app import create_app
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT
from services.reports import store

SAMPLES = REPO_ROOT / "data" / "backtests"


def sample(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{name}.json").read_text())


def import_samples(platform: Platform, *names: str) -> None:
    paths = [SAMPLES / f"{name}.json" for name in names] or sorted(SAMPLES.glob("*.json"))
    with platform.db.session() as session:
        for path in paths:
            store.ingest(session, store.load_file(path), actor="test", role="analyst")


@dataclass
class Api:
    """A test client plus one API key per role."""

    client: TestClient
    platform: Platform
    keys: dict[Role, str]

    def as_(self, role: Role) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}


def api_for(platform: Platform, users: str = "user") -> Iterator[Api]:
    """A client on `platform`, with users named `<role>-<users>`."""
    with platform.db.session() as session:
        keys = {role: auth.create_user(session, f"{role.value}-{users}", role)[1] for role in Role}
    with TestClient(create_app(platform.settings, platform), raise_server_exceptions=False) as client:
        yield Api(client, platform, keys)


@pytest.fixture
def api(platform: Platform) -> Iterator[Api]:
    """The API on a fresh database with the samples imported, talking to the real vLLM server."""
    import_samples(platform)
    yield from api_for(platform)


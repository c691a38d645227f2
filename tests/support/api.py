"""A test client on a platform, with one API key per role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi.testclient import TestClient

from services.platform import auth
from services.app.app import create_app
from services.platform.permissions import Role
from services.platform.runtime import Platform


@dataclass
class Api:
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

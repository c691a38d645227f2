"""The failure drills' second vLLM replica: a supervised server the drills kill, stop and restart.

With the session's server it makes the two replicas of a scaled-out deployment; the session's
server itself is never harmed, so the rest of the suite does not notice the drills.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inference.launcher import VLLMServer
from inference.registry import ModelRegistry, ModelRole
from inference.testmodel import build_test_model
from services.platform.ports import free_port


@pytest.fixture(scope="session")
def second_replica(registry: ModelRegistry, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VLLMServer]:
    entry = registry.default(ModelRole.chat)
    server = VLLMServer(entry, build_test_model(registry.weights_path(entry)), free_port(), tmp_path_factory.mktemp("replica-logs"))
    server.start()
    yield server
    server.stop()

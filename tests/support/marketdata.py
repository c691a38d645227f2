"""The MarketDataService stand-in as a peer process for tests (started like a real service)."""

from __future__ import annotations

import json
import selectors
import subprocess
import sys
from pathlib import Path

import pytest

from services.platform.settings import REPO_ROOT


STARTED_WITHIN_S = 60  # starts in 0.1 s idle; CI's two cores, shared with vLLM's start, once took over 10 s


def start(log: Path, *args: str) -> tuple[subprocess.Popen[str], int]:
    """Start the stand-in on a free port and read that port from its started line."""
    command = [sys.executable, "-m", "services.demo.marketdata", "--port", "0", *args]
    with log.open("w") as stderr:
        process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True)
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=STARTED_WITHIN_S):
            process.kill()
            pytest.fail(f"no started line within {STARTED_WITHIN_S} s; stderr: {log.read_text()}")
    started = json.loads(process.stdout.readline() or "null")
    assert started and started["event"] == "standin.started", f"stderr: {log.read_text()}"
    return process, started["port"]


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()

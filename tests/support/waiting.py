"""Polling for a condition in tests that watch other processes and threads."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def wait_for(condition: Callable[[], Any], timeout_s: float = 10.0, interval_s: float = 0.25) -> Any:
    """Poll until ``condition()`` is truthy; its last value (falsy when it never was).

    Counts polls rather than reading the clock, so a machine that stalls for a while (as a shared
    one does) does not use up the budget while nothing at all could happen."""
    for _ in range(max(1, round(timeout_s / interval_s))):
        if value := condition():
            return value
        time.sleep(interval_s)
    return condition()


def process_gone(pid: int) -> bool:
    """No such process, or only its zombie (an orphan's is reaped by whatever PID 1 is)."""
    try:
        os.kill(pid, 0)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (ProcessLookupError, FileNotFoundError):
        return True
    return state == "Z"

"""Polling for a condition in tests that watch other processes and threads."""

from __future__ import annotations

import time
from collections.abc import Callable
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

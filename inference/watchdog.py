"""Ends a vLLM server's process group when its supervisor dies, however it dies.

A supervisor killed outright (SIGKILL, the OOM killer) runs no cleanup, and a vLLM still loading
ignores SIGTERM for minutes, then holds its port for the next start. This small process, started
beside each server, asks the kernel for SIGTERM when its parent dies (Linux `PR_SET_PDEATHSIG`)
and then ends the server's whole group: SIGTERM, a grace period, SIGKILL.

Run as `python -m inference.watchdog PGID GRACE_S`; `arm()` is what the supervisor calls.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1


def arm(process_group: int, grace_s: float = 20.0) -> subprocess.Popen[bytes]:
    """Start the watchdog of ``process_group``; terminate it once the group was stopped normally."""
    return subprocess.Popen([sys.executable, "-m", "inference.watchdog", str(process_group), str(grace_s), str(os.getpid())])


def end_group(process_group: int, grace_s: float) -> None:
    """SIGTERM the group, then SIGKILL whatever is left after ``grace_s``."""
    for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 0.0)):
        try:
            os.killpg(process_group, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            try:
                os.killpg(process_group, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)


def main(argv: list[str]) -> None:
    process_group, grace_s, supervisor = int(argv[0]), float(argv[1]), int(argv[2])
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # held pending until sigwaitinfo: none is lost
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the supervisor's own stop() is all there is
    if os.getppid() == supervisor:  # else the parent died before prctl took effect
        signal.sigwaitinfo({signal.SIGTERM})
        if os.getppid() == supervisor:  # the supervisor stopped the group itself and ended us
            return
    end_group(process_group, grace_s)


if __name__ == "__main__":
    main(sys.argv[1:])

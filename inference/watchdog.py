"""Ends a vLLM server's process group when its supervisor dies, however it dies.

A supervisor killed outright (SIGKILL, the OOM killer) runs no cleanup, and a vLLM still loading
ignores SIGTERM for minutes, then holds its port for the next start. This small process, started
beside each server, holds the read end of a pipe whose write end only the supervisor has. The
kernel closes it when the supervisor's process ends, whatever ends it: end of file means the
supervisor is gone, and the watchdog ends the server's whole group (SIGTERM, a grace period,
SIGKILL). A supervisor that stopped the group itself sends one byte first: the watchdog then
leaves. (`PR_SET_PDEATHSIG` was tried first: it fires when the spawning *thread* ends, and in a
multi-threaded supervisor the watchdog was re-parented to a sibling thread and could not tell.)

Run as `python -m inference.watchdog PGID GRACE_S`; `arm()` and `disarm()` are the supervisor's side.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

DISARM = b"x"


def arm(process_group: int, grace_s: float = 20.0) -> subprocess.Popen[bytes]:
    """Start the watchdog of ``process_group``; `disarm` it once the group was stopped normally."""
    return subprocess.Popen([sys.executable, "-m", "inference.watchdog", str(process_group), str(grace_s)], stdin=subprocess.PIPE)


def disarm(watchdog: subprocess.Popen[bytes], timeout_s: float = 10.0) -> None:
    """Tell the watchdog the group was stopped normally, and wait for it to leave."""
    assert watchdog.stdin is not None
    try:
        watchdog.stdin.write(DISARM)
        watchdog.stdin.close()
    except BrokenPipeError:
        pass  # it has already gone
    try:
        watchdog.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        watchdog.kill()
        watchdog.wait()


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
    process_group, grace_s = int(argv[0]), float(argv[1])
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # a terminal's Ctrl-C or a unit's stop is for the supervisor:
        signal.signal(sig, signal.SIG_IGN)                       # this process lives exactly as long as the pipe
    if sys.stdin.buffer.read(1) != DISARM:
        end_group(process_group, grace_s)


if __name__ == "__main__":
    main(sys.argv[1:])

"""The watchdog ends a server's process group when the supervisor dies without stopping it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from inference import watchdog
from tests.support.waiting import process_gone, wait_for

# A supervisor with threads besides its main one (as the API and the eval have) that starts a
# server ignoring SIGTERM (as a loading vLLM does), arms the watchdog, prints the server's pid and
# waits to be killed.
SUPERVISOR = """
import subprocess, sys, threading, time
from inference import watchdog
threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
server = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"], start_new_session=True)
watchdog.arm(server.pid, grace_s=1.0)
print(server.pid, flush=True)
server.wait()
"""


def test_a_supervisor_killed_outright_leaves_no_server() -> None:
    supervisor = subprocess.Popen([sys.executable, "-c", SUPERVISOR], stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    assert supervisor.stdout is not None
    server = int(supervisor.stdout.readline())
    time.sleep(0.5)  # the watchdog is armed
    supervisor.kill()
    supervisor.wait()
    assert wait_for(lambda: process_gone(server), timeout_s=15.0), f"server {server} outlived its supervisor"


def test_a_disarmed_watchdog_leaves_the_group_alone() -> None:
    server = subprocess.Popen(["sleep", "30"], start_new_session=True)
    guard = watchdog.arm(server.pid, grace_s=1.0)
    time.sleep(0.5)
    watchdog.disarm(guard)
    assert guard.returncode == 0 and server.poll() is None
    server.kill()
    server.wait()

"""Every process on a data dir routes over the replicas a running supervisor published (#18 item 22):
a `reports batch` beside `serve --with-llm --llm-replicas 2` fails over like the API workers."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from inference.launcher import published_replicas, replica_set_file
from tests.conftest import PlatformFactory

URLS = ["http://127.0.0.1:8100/v1", "http://127.0.0.1:8101/v1"]


def publish(log_dir: Path, model: str, pid: int) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    replica_set_file(log_dir, model).write_text(json.dumps({"supervisor_pid": pid, "urls": URLS}))


def test_a_live_supervisors_replicas_are_used(make_platform: PlatformFactory) -> None:
    platform = make_platform()
    publish(platform.settings.log_dir, platform.chat_model.name, os.getpid())
    assert platform.llm_urls == URLS


def test_a_dead_supervisors_file_is_ignored(make_platform: PlatformFactory) -> None:
    platform = make_platform()
    dead = subprocess.Popen(["true"])
    dead.wait()
    publish(platform.settings.log_dir, platform.chat_model.name, dead.pid)
    assert published_replicas(platform.settings.log_dir, platform.chat_model.name) == []
    assert platform.llm_urls == list(platform.chat_model.endpoints)


def test_the_environment_still_wins(make_platform: PlatformFactory) -> None:
    platform = make_platform(llm_base_urls=["http://127.0.0.1:9999/v1"])
    publish(platform.settings.log_dir, platform.chat_model.name, os.getpid())
    assert platform.llm_urls == ["http://127.0.0.1:9999/v1"]

"""`GET /admin/llm/replicas`: each vLLM replica as this API worker's router sees it.

The state, in-flight and error counts are this worker's own view (each worker routes and opens
its breakers independently); the pid comes from the supervisor's pid file when the replica runs
on this host under `insightstack serve --with-llm` or `insightstack llm serve`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from inference.endpoints import ReplicaState
from inference.launcher import pid_file
from services.platform.deps import PlatformDep, Principal, require
from services.platform.permissions import Permission

router = APIRouter(tags=["observability"])
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class ReplicaOut(BaseModel):
    model: str
    url: str
    pid: int | None
    state: ReplicaState
    in_flight: int
    errors: int
    last_error: str | None


class ReplicasOut(BaseModel):
    replicas: list[ReplicaOut]


@router.get("/admin/llm/replicas", response_model=ReplicasOut)
def replicas(platform: PlatformDep, _: Annotated[Principal, Depends(require(Permission.admin_read))]) -> ReplicasOut:
    """Every replica of every chat model: url, pid, state (up/down/probation), in flight, errors."""
    return ReplicasOut(
        replicas=[
            ReplicaOut(model=model, pid=_local_pid(platform.settings.log_dir, status.url), **status.__dict__)
            for model, pool in platform.pools.items()
            for status in pool.status()
        ]
    )


def _local_pid(log_dir: Path, url: str) -> int | None:
    parts = urlsplit(url)
    if parts.hostname not in LOCAL_HOSTS or parts.port is None:
        return None
    try:
        return int(pid_file(log_dir, parts.port).read_text())
    except (OSError, ValueError):
        return None

"""A throwaway PostgreSQL 15 server from the machine's binaries: for the eval harness's database
world, the tests, the drills and the benchmarks (the project never installs or configures one).

PostgreSQL refuses to run as root, so when we are root the server runs as the `postgres`
system user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from services.platform.ports import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def binaries_available() -> bool:
    return (PG_BIN / "initdb").exists()


@dataclass(frozen=True)
class LocalPostgres:
    """A server started here: its URL, and stop/start for the restart drills."""

    url: str
    root: Path
    options: str
    as_user: Demote

    def start(self) -> None:
        _run([PG_BIN / "pg_ctl", "-D", self.root / "data", "-l", self.root / "server.log", "-w", "-t", "60", "start", "-o", self.options], self.as_user)

    def stop(self) -> None:
        _run([PG_BIN / "pg_ctl", "-D", self.root / "data", "-m", "fast", "-w", "stop"], self.as_user)


@contextmanager
def local_postgres(settings: dict[str, str] | None = None) -> Iterator[LocalPostgres]:
    """A fresh server on a free loopback port, with these server ``settings`` (``max_connections``
    ...) over the defaults; removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="insightstack-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    as_user = _drop_to_postgres(root)
    port = free_port()
    options = {"listen_addresses": "127.0.0.1", "fsync": "off", "full_page_writes": "off", **(settings or {})}
    try:
        _run([PG_BIN / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync"], as_user)
        server = LocalPostgres(
            f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", root,
            f"-p {port} -k {sockets} " + " ".join(f"-c {key}={value}" for key, value in options.items()), as_user,
        )
        server.start()
        yield server
    finally:
        subprocess.run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], preexec_fn=as_user, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


Demote = Callable[[], None] | None


def _drop_to_postgres(root: Path) -> Demote:
    if os.geteuid() != 0:
        return None
    user = pwd.getpwnam("postgres")
    for path in (root, *root.iterdir()):
        os.chown(path, user.pw_uid, user.pw_gid)

    def demote() -> None:
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    return demote


def _run(argv: list[object], as_user: Demote) -> None:
    result = subprocess.run([str(a) for a in argv], preexec_fn=as_user, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {result.stderr or result.stdout}")

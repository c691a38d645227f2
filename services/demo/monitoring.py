"""Real Prometheus (Debian's 2.42) and Alertmanager (0.25) for the demo and the tests, started
from the machine's binaries on free loopback ports, in a temporary directory.

The shipped configuration (data/deploy/prometheus/) is the starting point: its targets and
ports are replaced by the local ones, and its rules' `for:` by a few seconds, so an alert that
fires after two minutes in production fires while someone watches."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from services.platform.ports import free_port
import yaml

from services.platform.settings import REPO_ROOT

SHIPPED = REPO_ROOT / "data" / "deploy" / "prometheus"
PROMETHEUS, ALERTMANAGER = "prometheus", "prometheus-alertmanager"
FAST_FOR = "3s"
STARTUP_TIMEOUT_S = 30.0


def available() -> bool:
    return all(shutil.which(binary) for binary in (PROMETHEUS, ALERTMANAGER, "promtool", "amtool"))


@dataclass(frozen=True)
class Running:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


@contextmanager
def running_alertmanager(webhook_url: str | None, api_key: str, root: Path) -> Iterator[Running]:
    """The shipped alertmanager.yml, its receiver pointed at ``webhook_url`` with ``api_key``
    (None: alerts are only held, as the eval harness needs), waits cut to a second."""
    config = yaml.safe_load((SHIPPED / "alertmanager.yml").read_text())
    config["route"] |= {"group_wait": "1s", "group_interval": "2s"}
    receiver = config["receivers"][0]
    if webhook_url is None:
        del receiver["webhook_configs"]
    else:
        webhook = receiver["webhook_configs"][0]
        webhook["url"] = webhook_url
        (root / "alertmanager-api-key").write_text(api_key)
        webhook["http_config"]["authorization"]["credentials_file"] = str(root / "alertmanager-api-key")
    (root / "alertmanager.yml").write_text(yaml.safe_dump(config))
    flags = [f"--config.file={root / 'alertmanager.yml'}", f"--storage.path={root / 'am-data'}", "--cluster.listen-address="]
    with _started(ALERTMANAGER, flags, root / "alertmanager.log") as running:
        yield running


@contextmanager
def running_prometheus(targets: dict[str, str], alertmanager: str | None, root: Path) -> Iterator[Running]:
    """The shipped prometheus.yml and rules.yml: ``targets`` is job -> host:port, scraped every second.
    With no ``alertmanager`` the rules fire nowhere: the eval world's alerts are exactly its case's,
    not also whichever rule a slow machine let reach its ``for:`` before the agent looked."""
    config = yaml.safe_load((SHIPPED / "prometheus.yml").read_text())
    config["global"] = {"scrape_interval": "1s", "evaluation_interval": "1s"}
    if alertmanager is None:
        del config["alerting"]
    else:
        config["alerting"]["alertmanagers"][0]["static_configs"] = [{"targets": [host_port(alertmanager)]}]
    config["scrape_configs"] = [{"job_name": job, "honor_labels": True, "static_configs": [{"targets": [target]}]} for job, target in targets.items()]
    rules = yaml.safe_load((SHIPPED / "rules.yml").read_text())
    for group in rules["groups"]:
        for rule in group["rules"]:
            rule["for"] = FAST_FOR
    (root / "rules.yml").write_text(yaml.safe_dump(rules))
    (root / "prometheus.yml").write_text(yaml.safe_dump(config))
    flags = [f"--config.file={root / 'prometheus.yml'}", f"--storage.tsdb.path={root / 'tsdb'}", "--storage.tsdb.retention.time=1h"]
    with _started(PROMETHEUS, flags, root / "prometheus.log") as running:
        yield running


@contextmanager
def monitoring_root() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="insightstack-monitoring-"))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def _started(binary: str, flags: list[str], log: Path) -> Iterator[Running]:
    """``binary`` with ``flags`` on a free loopback port, once its /-/ready answers; stopped afterwards."""
    port = free_port()
    url, argv = f"http://127.0.0.1:{port}", [binary, *flags, f"--web.listen-address=127.0.0.1:{port}"]
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while process.poll() is None and not _ready(url) and time.monotonic() < deadline:
            time.sleep(0.2)
        if process.poll() is not None or not _ready(url):
            raise RuntimeError(f"{argv[0]} did not start: {log.read_text()[-2000:]}")
        yield Running(url, process, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def host_port(url: str) -> str:
    """``http://127.0.0.1:8100/v1`` -> ``127.0.0.1:8100``: a URL as a scrape target."""
    return url.split("//", 1)[1].split("/", 1)[0]


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/-/ready", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False

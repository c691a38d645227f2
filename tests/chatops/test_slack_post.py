"""Posting answers back to Slack: against a real HTTP server on loopback that answers 400, 429
and 500. Only what may succeed later is retried, Retry-After is honoured (capped), and nothing
waits after the last attempt. The waits are recorded instead of slept."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from services.chatops import slack
from services.platform.ports import free_port


class Webhook(ThreadingHTTPServer):
    """Answers each POST with the next scripted (status, headers), repeating the last one."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[tuple[int, dict[str, str]]] = [(200, {})]
        self.received = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/reply"


class _Handler(BaseHTTPRequestHandler):
    server: Webhook

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        status, headers = self.server.script[min(self.server.received, len(self.server.script) - 1)]
        self.server.received += 1
        self.send_response(status)
        for name, value in {**headers, "Content-Length": "0"}.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    server = Webhook()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def waits() -> list[float]:
    """The waits `slack.post` asked for, recorded instead of slept (patching `time.sleep` would
    also record other threads' sleeps in a full test session)."""
    return []


def test_a_client_error_is_not_retried(webhook: Webhook, waits: list[float]) -> None:
    webhook.script = [(400, {}), (200, {})]
    assert slack.post(webhook.url, {"text": "hi"}, waits.append) is False
    assert (webhook.received, waits) == (1, [])


def test_429_waits_as_long_as_retry_after_says(webhook: Webhook, waits: list[float]) -> None:
    webhook.script = [(429, {"Retry-After": "7"}), (200, {})]
    assert slack.post(webhook.url, {"text": "hi"}, waits.append) is True
    assert (webhook.received, waits) == (2, [7.0])


def test_retry_after_is_capped_and_nonsense_falls_back_to_backoff(webhook: Webhook, waits: list[float]) -> None:
    webhook.script = [(429, {"Retry-After": "86400"}), (503, {"Retry-After": "nan"}), (200, {})]
    assert slack.post(webhook.url, {"text": "hi"}, waits.append) is True
    assert (webhook.received, waits) == (3, [slack.RETRY_AFTER_CAP_S, 1.0])


def test_server_errors_are_retried_without_a_wait_after_the_last_try(webhook: Webhook, waits: list[float]) -> None:
    webhook.script = [(500, {})]
    assert slack.post(webhook.url, {"text": "hi"}, waits.append) is False
    assert (webhook.received, waits) == (slack.POST_ATTEMPTS, [0.5, 1.0])


def test_no_connection_is_retried_and_never_raises(waits: list[float]) -> None:
    assert slack.post(f"http://127.0.0.1:{free_port()}/reply", {"text": "hi"}, waits.append) is False
    assert waits == [0.5, 1.0]

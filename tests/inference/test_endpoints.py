"""The replica pool's routing and circuit breaker, against real local HTTP health endpoints."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from inference.endpoints import EndpointPool
from tests.support.waiting import wait_for


class Health:
    """A real HTTP server whose /health answers 200 or 503 as the test says."""

    def __init__(self) -> None:
        self.healthy = True
        health = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                self.send_response(200 if health.healthy else 503)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def replicas() -> Iterator[list[Health]]:
    servers = [Health(), Health(), Health()]
    yield servers
    for server in servers:
        server.server.shutdown()


def test_least_outstanding_requests_wins(replicas: list[Health]) -> None:
    pool = EndpointPool([r.url for r in replicas])
    first, second, third = pool.endpoints
    with pool.in_use(first), pool.in_use(first), pool.in_use(second):
        assert pool.candidates()[0] is third
    with pool.in_use(first):
        picks = {pool.candidates()[0].url for _ in range(4)}
    assert picks == {second.url, third.url}  # ties rotate
    assert [s.in_flight for s in pool.status()] == [0, 0, 0]


def test_a_failed_replica_is_out_until_its_health_check_passes_then_on_probation(replicas: list[Health]) -> None:
    pool = EndpointPool([r.url for r in replicas], cooldown_s=0.2)
    broken = pool.endpoints[0]
    replicas[0].healthy = False
    pool.mark_failed(broken, "ConnectionError: refused")
    assert pool.candidates()[-1] is broken  # only as a last resort
    time.sleep(0.8)
    assert broken.state == "down"  # the prober saw 503
    replicas[0].healthy = True
    assert wait_for(lambda: broken.state == "probation")
    assert pool.candidates()[0] is broken  # its trial request
    with pool.in_use(broken):
        assert broken not in pool.candidates()[:2]  # one trial at a time
    pool.mark_ok(broken)
    status = pool.status()[0]
    assert (status.state, status.errors, status.last_error) == ("up", 1, None)


def test_a_failure_on_probation_takes_it_out_again(replicas: list[Health]) -> None:
    pool = EndpointPool([r.url for r in replicas], cooldown_s=0.1)
    replica = pool.endpoints[1]
    pool.mark_failed(replica, "HTTP 500")
    assert wait_for(lambda: replica.state == "probation")
    pool.mark_failed(replica, "HTTP 500")
    assert replica.state == "down" and replica.errors == 2


def test_closing_the_pool_stops_its_prober_and_starts_no_other(replicas: list[Health]) -> None:
    replicas[0].healthy = False
    pool = EndpointPool([r.url for r in replicas], cooldown_s=0.1)
    pool.mark_failed(pool.endpoints[0], "test")
    prober = pool._prober
    assert prober is not None and prober.is_alive()
    pool.close()
    assert not prober.is_alive()
    pool.mark_failed(pool.endpoints[1], "after close")
    assert pool._prober is None or not pool._prober.is_alive()

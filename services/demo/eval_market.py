"""The eval harness's market data: the stand-in served in this process on a loopback port, set
to each ChatOps case's feeds (`services.evaluation.world.MarketDataWorld`)."""

from __future__ import annotations

import threading

import structlog

from services.demo.marketdata import DEFAULT_FEEDS, FeedBoard, StandinServer, feed_spec
from services.evaluation.suite import World
from services.evaluation.world import MARKET_DATA, WorldError

log = structlog.get_logger(__name__)


class MarketData:
    """The stand-in on a fixed loopback port; taken down and brought back per case."""

    def __init__(self) -> None:
        self.healthy = dict(map(feed_spec, DEFAULT_FEEDS))
        self._server: StandinServer | None = None
        self.port = self._start(0)

    def _start(self, port: int) -> int:
        self._server = StandinServer(("127.0.0.1", port), FeedBoard(self.healthy), lambda record: log.debug(**record))
        threading.Thread(target=self._server.serve_forever, name="eval-marketdata", daemon=True).start()
        return self._server.server_address[1]

    def set(self, world: World) -> None:
        """Fresh healthy feeds, then the case's changes; down means connection refused."""
        if MARKET_DATA in world.down:
            self.stop()
            return
        if self._server is None:
            self._start(self.port)
        assert self._server is not None
        self._server.board = FeedBoard(self.healthy)
        for name, state in world.feeds.items():
            if name not in self.healthy:
                raise WorldError(f"world: unknown feed {name!r}; known: {', '.join(self.healthy)}")
            self._server.board.update(name, state.lag_s, state.halted)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

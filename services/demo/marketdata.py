"""A stand-in for the MarketDataService: feed health over HTTP on loopback, with admin knobs to break it.

The ChatOps agent's diagnostic tools probe the real service's `/health`; this process answers the same
shape from declared feeds (each lagging a set number of seconds), and `POST /admin/feeds/{feed}` lets a
test or a demo raise a feed's lag or halt it, so the agent has something real to diagnose. `/metrics`
exposes each feed's last tick to Prometheus (`marketdata_feed_last_tick_timestamp_seconds`, the
series the shipped FeedStale alert and the Prometheus toolset read).
"""

from __future__ import annotations

import argparse
import json
import math
import signal
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from collections.abc import Callable
from typing import Any

DEFAULT_FEEDS = ("equities-us:2", "fx-spot:1", "futures-cme:5")
ADMIN_PREFIX = "/admin/feeds/"


class BadRequest(ValueError):
    """A request body the admin endpoint refuses (answered with 400 and this message)."""


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Feed:
    lag_s: float
    halted_at: datetime | None = None  # the last tick, frozen when the feed was halted


class FeedBoard:
    """The feeds' state, shared by the server's request threads (hence the lock)."""

    def __init__(self, feeds: dict[str, float]) -> None:
        self._lock = threading.Lock()
        self._feeds = {name: Feed(lag) for name, lag in feeds.items()}
        self.started_at = datetime.now(UTC)

    def health(self) -> dict[str, Any]:
        now = datetime.now(UTC)
        with self._lock:
            feeds = [self._entry(name, feed, now) for name, feed in self._feeds.items()]
        status = "degraded" if any(f["halted"] for f in feeds) else "ok"
        return {"service": "market-data", "status": status, "started_at": iso(self.started_at), "now": iso(now), "feeds": feeds}

    def exposition(self) -> str:
        """Prometheus text format: each feed's last tick as a Unix time, and whether it is halted."""
        feeds = self.health()["feeds"]
        lines = [
            "# HELP marketdata_feed_last_tick_timestamp_seconds Unix time of the feed's last tick.",
            "# TYPE marketdata_feed_last_tick_timestamp_seconds gauge",
            *(f'marketdata_feed_last_tick_timestamp_seconds{{feed="{f["feed"]}"}} {datetime.fromisoformat(f["last_tick_at"]).timestamp():.3f}' for f in feeds),
            "# HELP marketdata_feed_halted 1 when the feed is halted.",
            "# TYPE marketdata_feed_halted gauge",
            *(f'marketdata_feed_halted{{feed="{f["feed"]}"}} {int(f["halted"])}' for f in feeds),
        ]
        return "\n".join(lines) + "\n"

    def update(self, name: str, lag_s: float | None, halted: bool | None) -> dict[str, Any]:
        """Apply an admin change; un-halting resumes ticks at the given (or the previous) lag. KeyError if unknown."""
        now = datetime.now(UTC)
        with self._lock:
            feed = self._feeds[name]
            if lag_s is not None:
                feed.lag_s = lag_s
            if halted is True and feed.halted_at is None:
                feed.halted_at = now - timedelta(seconds=feed.lag_s)
            elif halted is False:
                feed.halted_at = None
            return self._entry(name, feed, now)

    @staticmethod
    def _entry(name: str, feed: Feed, now: datetime) -> dict[str, Any]:
        last_tick = feed.halted_at or now - timedelta(seconds=feed.lag_s)
        last_bar = last_tick.replace(second=0, microsecond=0)
        lag = round((now - last_tick).total_seconds(), 3)
        return {"feed": name, "last_tick_at": iso(last_tick), "last_bar_at": iso(last_bar), "lag_s": lag, "halted": feed.halted_at is not None}


def parse_change(raw: bytes) -> tuple[float | None, bool | None]:
    """Validate an admin body: a JSON object setting `lag_s` (a number >= 0) and/or `halted` (a boolean)."""
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    if unknown := sorted(set(body) - {"lag_s", "halted"}):
        raise BadRequest(f"unknown field(s): {', '.join(unknown)}; allowed: lag_s, halted")
    if not body:
        raise BadRequest("body must set lag_s and/or halted")
    lag_s, halted = body.get("lag_s"), body.get("halted")
    if lag_s is not None and (isinstance(lag_s, bool) or not isinstance(lag_s, int | float) or not math.isfinite(lag_s) or lag_s < 0):
        raise BadRequest(f"lag_s must be a finite number >= 0, got {json.dumps(lag_s)}")
    if halted is not None and not isinstance(halted, bool):
        raise BadRequest(f"halted must be true or false, got {json.dumps(halted)}")
    return (None if lag_s is None else float(lag_s)), halted


class Handler(BaseHTTPRequestHandler):
    server: StandinServer

    def _dispatch(self) -> None:
        started = time.perf_counter()
        status, payload = self._route()
        body = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; version=0.0.4" if isinstance(payload, str) else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            status = 499  # the client gave up first (a scrape or a tool call that timed out on a busy machine): no traceback
        latency_ms = round((time.perf_counter() - started) * 1000, 3)
        self.server.log({"event": "standin.request", "method": self.command, "path": self.path, "status": status, "latency_ms": latency_ms})

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _dispatch

    def _route(self) -> tuple[int, dict[str, Any] | str]:
        path = self.path.split("?", 1)[0]
        if self.command == "GET" and path == "/health":
            return 200, self.server.board.health()
        if self.command == "GET" and path == "/metrics":
            return 200, self.server.board.exposition()
        if self.command == "POST" and path.startswith(ADMIN_PREFIX):
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            name = path.removeprefix(ADMIN_PREFIX)
            try:
                return 200, self.server.board.update(name, *parse_change(raw))
            except BadRequest as exc:
                return 400, {"error": str(exc)}
            except KeyError:
                return 404, {"error": f"unknown feed {name!r}"}
        return 404, {"error": f"no route for {self.command} {path}"}

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: each request is logged once, as JSON, by `_dispatch`."""


class StandinServer(ThreadingHTTPServer):
    def __init__(self, address: tuple[str, int], board: FeedBoard, log: Callable[[dict[str, Any]], None] | None = None) -> None:
        super().__init__(address, Handler)
        self.board = board
        self.log = log or log_json  # an embedding process (the eval harness) routes lines to its own log


_LOG_LOCK = threading.Lock()


def log_json(record: dict[str, Any]) -> None:
    """One whole line per record: request threads log at once, and print's two writes (the text,
    then the newline) could interleave two records on one line."""
    line = json.dumps(record) + "\n"
    with _LOG_LOCK:
        sys.stderr.write(line)
        sys.stderr.flush()


def feed_spec(text: str) -> tuple[str, float]:
    name, sep, lag = text.rpartition(":")
    try:
        seconds = float(lag)
    except ValueError:
        seconds = -1.0
    if not sep or not name or not math.isfinite(seconds) or seconds < 0:
        raise argparse.ArgumentTypeError(f"expected NAME:LAG_SECONDS with LAG >= 0, got {text!r}")
    return name, seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m services.demo.marketdata", description="Stand-in for the MarketDataService.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8701, help="0 picks a free port (printed in the started line)")
    parser.add_argument("--feed", type=feed_spec, action="append", metavar="NAME:LAG", help=f"repeatable; default {' '.join(DEFAULT_FEEDS)}")
    args = parser.parse_args(argv)
    server = StandinServer((args.host, args.port), FeedBoard(dict(args.feed or map(feed_spec, DEFAULT_FEEDS))))
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    # serve_forever runs in a thread: shutdown() waits for it, so it cannot be called from the serving thread.
    threading.Thread(target=server.serve_forever, name="standin-server", daemon=True).start()
    print(json.dumps({"event": "standin.started", "host": args.host, "port": server.server_address[1]}), flush=True)
    stop.wait()
    server.shutdown()
    server.server_close()
    log_json({"event": "standin.stopped"})


if __name__ == "__main__":
    main()

"""API keys must never reach a log: record every key the test session creates, then look for them.

`recording(new_key)` wraps the real key generator (services/platform/auth.py `new_key`, which
`create_user` and `rotate_key` call), so every key made in this process is known. Keys read
from another process (a CLI's stdout) are added with `record`. `leaks_in_text`/`leaks_in_files`
find recorded keys in log text or files; the session fixture in tests/conftest.py runs them over
every log the suite wrote and fails the run on a hit. `session_log` makes this process's own
log records one of those files; `captured_log` gives one test's share of them.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import structlog

from services.platform.auth import KEY_PREFIX, PREFIX_LENGTH
from services.platform.logs import configure_logging

# A key is the prefix and 43 URL-safe characters; matching the shape first keeps the scan one
# pass over each file however many keys the session made.
_KEY_SHAPE = re.compile(re.escape(KEY_PREFIX) + r"[A-Za-z0-9_-]{43}")

_recorded: set[str] = set()


def record(key: str) -> str:
    """Remember a key made elsewhere (e.g. printed by a CLI process); returns it for chaining."""
    _recorded.add(key)
    return key


def recorded() -> frozenset[str]:
    """Every key made or recorded so far in this session."""
    return frozenset(_recorded)


def recording(new_key: Callable[[], str]) -> Callable[[], str]:
    """The real key generator, remembering each key it returns."""

    def new_recorded_key() -> str:
        return record(new_key())

    return new_recorded_key


@dataclass(frozen=True, repr=False)
class Leak:
    """Where a key was found; shown with the key's stored prefix only, so that a failure report
    is not a leak of its own."""

    source: str
    line: int
    key: str

    def __repr__(self) -> str:
        return f"{self.source}:{self.line}: key {self.key[:PREFIX_LENGTH]}..."

    __str__ = __repr__


def leaks_in_text(text: str, source: str, keys: frozenset[str] | None = None) -> list[Leak]:
    """Every recorded key (or one of ``keys``) in ``text``, with its line number."""
    keys = recorded() if keys is None else keys
    return [
        Leak(source, text.count("\n", 0, match.start()) + 1, match.group())
        for match in _KEY_SHAPE.finditer(text)
        if match.group() in keys
    ]


def is_log(path: Path) -> bool:
    """Log files the suite writes: `*.log` (vLLM, peer services, the session log) and anything in
    a `logs` directory (a data dir's log dir)."""
    return path.is_file() and (path.suffix == ".log" or "logs" in path.parent.parts)


def leaks_in_files(paths: Iterable[Path], keys: frozenset[str] | None = None) -> list[Leak]:
    return [
        leak
        for path in paths
        if is_log(path)
        for leak in leaks_in_text(path.read_text(encoding="utf-8", errors="replace"), str(path), keys)
    ]


@contextmanager
def session_log(path: Path) -> Iterator[None]:
    """Log as production does (structlog through the standard library, every value redacted) and
    copy every record to ``path``. Unconfigured, structlog prints straight to stdout, which no
    handler sees and no file keeps."""
    root = logging.getLogger()
    before, level = set(root.handlers), root.level
    configure_logging("INFO", json_lines=False)
    copy = logging.FileHandler(path, encoding="utf-8")
    copy.setFormatter(root.handlers[0].formatter)
    root.addHandler(copy)
    try:
        yield
    finally:
        for handler in set(root.handlers) - before:
            root.removeHandler(handler)
        copy.close()
        root.setLevel(level)
        structlog.reset_defaults()


@contextmanager
def captured_log() -> Iterator[io.StringIO]:
    """This process's log records while inside, formatted as production writes them (redacted).
    Not pytest's `caplog`: that formats records itself, skipping the production redaction, and
    sets `record.message` on the way, which a handler after it would see as an extra field. So
    this handler goes first, as production's only handler does."""
    root = logging.getLogger()
    formatter = next((h.formatter for h in root.handlers if isinstance(h.formatter, structlog.stdlib.ProcessorFormatter)), None)
    assert formatter is not None, "production logging is not configured (see `session_log`)"
    handler = logging.StreamHandler(io.StringIO())
    handler.setFormatter(formatter)
    root.handlers.insert(0, handler)
    try:
        yield handler.stream
    finally:
        root.removeHandler(handler)

"""Qdrant, embedded (a local folder) by default or a server URL in production.

The embedded store locks its folder, so exactly one process may open it: the API process
owns it, and everything else goes through the API or uses a server URL. The path `:memory:`
gives a store that lives and dies with the process (each of several API workers keeps its own).
"""

from __future__ import annotations

import time
from pathlib import Path

from typing import TYPE_CHECKING

from retrieval.errors import VectorStoreUnavailableError

if TYPE_CHECKING:
    from qdrant_client import QdrantClient

IN_MEMORY = ":memory:"


def open_store(url: str | None, path: Path | None, timeout_s: int = 5) -> QdrantClient:
    """A client for the server at ``url``, else for the embedded store in ``path``."""
    from qdrant_client import QdrantClient  # noqa: PLC0415 (imported when used: about a second of every CLI start otherwise)

    try:
        if url:
            return QdrantClient(url=url, timeout=timeout_s)
        if path is None:
            raise VectorStoreUnavailableError("neither a Qdrant URL nor a local path is configured")
        if str(path) == IN_MEMORY:
            return QdrantClient(location=IN_MEMORY)
        path.mkdir(parents=True, exist_ok=True)
        return QdrantClient(path=str(path))
    except RuntimeError as exc:  # embedded folder held by another process
        raise VectorStoreUnavailableError(f"embedded Qdrant at {path}: {exc}") from exc


def ping(client: QdrantClient) -> float:
    """Round-trip latency in ms of listing collections; `VectorStoreUnavailableError` if it fails."""
    started = time.perf_counter()
    try:
        client.get_collections()
    except Exception as exc:  # the client raises transport-specific errors; all mean "not reachable"
        raise VectorStoreUnavailableError(f"Qdrant not reachable: {type(exc).__name__}: {exc}") from exc
    return (time.perf_counter() - started) * 1000

"""The platform's cache registry: every cache a product keeps registers here, so operators (and
the ChatOps `cache_status` / `invalidate_cache` tools) see them all in one shape.

Hit and miss counters are per process, like Prometheus counters: each API worker reports its
own since it started. Entries, size and age come from the cache's storage and are global.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from pydantic import BaseModel

from retrieval.index import SemanticIndex


class CacheSnapshot(BaseModel):
    """What the cache's storage says about it right now."""

    entries: int
    size_bytes: int | None = None
    oldest_entry_at: datetime | None = None
    evictions: int | None = None  # when the storage counts them itself (None: use this process's counter)
    detail: str | None = None


class CacheStats(CacheSnapshot):
    name: str
    description: str
    hits: int
    misses: int
    hit_ratio: float | None


class Cache(Protocol):
    name: str
    description: str

    def snapshot(self) -> CacheSnapshot: ...

    def invalidate(self, key: str | None = None) -> int:
        """Drop one entry (``key``) or all; the number of entries dropped."""
        ...


class UnknownCache(KeyError):
    """No cache registered under that name."""


class CacheRegistry:
    def __init__(self, observe: Callable[[str, bool], None] | None = None) -> None:
        """`observe(cache, hit)` is told of every lookup (the Prometheus counters)."""
        self._observe = observe
        self._caches: dict[str, Cache] = {}
        self._counts: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()

    def register(self, cache: Cache) -> None:
        self._caches[cache.name] = cache

    @property
    def names(self) -> list[str]:
        return sorted(self._caches)

    def hit(self, name: str) -> None:
        self._count(name, "hits")
        if self._observe:
            self._observe(name, True)

    def miss(self, name: str) -> None:
        self._count(name, "misses")
        if self._observe:
            self._observe(name, False)

    def stats(self, name: str | None = None) -> list[CacheStats]:
        return [self._stats(self._get(n)) for n in ([name] if name else self.names)]

    def invalidate(self, name: str, key: str | None = None) -> int:
        dropped = self._get(name).invalidate(key)
        self._count(name, "evictions", dropped)
        return dropped

    def _stats(self, cache: Cache) -> CacheStats:
        snapshot = cache.snapshot()
        with self._lock:
            hits, misses, evictions = (self._counts[(cache.name, kind)] for kind in ("hits", "misses", "evictions"))
        return CacheStats(
            **snapshot.model_dump(exclude={"evictions"}),
            evictions=snapshot.evictions if snapshot.evictions is not None else evictions,
            name=cache.name, description=cache.description, hits=hits, misses=misses,
            hit_ratio=round(hits / (hits + misses), 4) if hits + misses else None,
        )

    def _get(self, name: str) -> Cache:
        try:
            return self._caches[name]
        except KeyError:
            raise UnknownCache(f"no cache named {name!r}; caches: {', '.join(self.names) or 'none'}") from None

    def _count(self, name: str, kind: str, amount: int = 1) -> None:
        with self._lock:
            self._counts[(name, kind)] += amount


class IndexCache:
    """A product's Qdrant collections seen as one cache: dropping them is the invalidation, and the
    product rebuilds them on next use (``on_invalidate`` tells it to). The index is fetched on
    use, so registering a cache does not open the vector store."""

    def __init__(
        self, name: str, description: str, index: Callable[[], SemanticIndex], collections: Sequence[str], on_invalidate: Callable[[], None]
    ) -> None:
        self.name, self.description = name, description
        self._index, self.collections, self.on_invalidate = index, tuple(collections), on_invalidate

    @property
    def index(self) -> SemanticIndex:
        return self._index()

    def snapshot(self) -> CacheSnapshot:
        infos = {c: self.index.info(c) for c in self.collections}
        present = [info for info in infos.values() if info is not None]
        points = sum(info.points for info in present)
        built = [info.built_at for info in present if info.built_at]
        return CacheSnapshot(
            entries=points, size_bytes=points * self.index.embedder.dimensions * 4, oldest_entry_at=min(built, default=None),
            detail="; ".join(f"{c}: " + (f"{i.points} vectors, version {i.version}" if i else "not built") for c, i in infos.items()),
        )

    def invalidate(self, key: str | None = None) -> int:
        if key is not None:
            raise ValueError(f"cache {self.name!r} is invalidated whole; leave the key out")
        dropped = self.snapshot().entries
        for collection in self.collections:
            self.index.drop(collection)
        self.on_invalidate()
        return dropped

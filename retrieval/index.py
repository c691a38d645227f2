"""A small semantic index over Qdrant: documents in, scored hits out.

Products (the strategy builder's catalogue, the ChatOps runbooks) hand it documents with a text
to embed, keywords and a payload. Each collection remembers the version of the source it was
built from, so `ensure` rebuilds only when the source changed. Scoring is hybrid: cosine
similarity plus a bonus for keywords (ids, synonyms) that occur in the query, which lifts
exact names ("Donchian", "RSI") that a small embedding model blurs. A text view (the
Korean-English glossary of `korean.py`) gives what is embedded and matched for Korean text:
documents are stored as written and read through it, and so are queries.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from retrieval.embeddings import Embedder
from retrieval.errors import RetrievalError, VectorStoreUnavailableError
from retrieval.korean import TextView

if TYPE_CHECKING:
    from qdrant_client import QdrantClient

KEYWORD_WEIGHT = 0.25
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    keywords: tuple[str, ...] = ()
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CollectionInfo:
    points: int
    version: str | None
    built_at: datetime | None
    view: str | None  # the text view its vectors were made with


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    dense: float
    keyword: float
    payload: dict[str, Any]


class SemanticIndex:
    def __init__(self, client: QdrantClient, embedder: Embedder, view: TextView | None = None, *, keyword_weight: float = KEYWORD_WEIGHT) -> None:
        self.client = client
        self.embedder = embedder
        self.view = view
        self.keyword_weight = keyword_weight

    @property
    def view_version(self) -> str | None:
        return self.view.version if self.view else None

    def _read(self, text: str) -> str:
        return self.view(text) if self.view else text

    def version(self, collection: str) -> str | None:
        """The source version the collection was built from, None if it does not exist."""
        info = self.info(collection)
        return info.version if info else None

    def info(self, collection: str) -> CollectionInfo | None:
        """Size, source version and build time of a collection; None if it does not exist."""
        with _qdrant(f"reading {collection}"):
            if not self.client.collection_exists(collection):
                return None
            points = self.client.count(collection, exact=True).count
            first, _ = self.client.scroll(collection, limit=1, with_payload=True)
        payload = first[0].payload if first else {}
        built_at = payload.get("_built_at")
        built = datetime.fromisoformat(built_at) if built_at else None
        return CollectionInfo(points=points, version=payload.get("_version"), built_at=built, view=payload.get("_view"))

    def current(self, info: CollectionInfo | None) -> bool:
        """The collection's vectors were made with this index's text view (a new glossary re-embeds)."""
        return info is not None and info.view == self.view_version

    def ensure(self, collection: str, documents: Sequence[Document], version: str, progress: Progress | None = None) -> bool:
        """Rebuild when the stored version or text view differs; True if it rebuilt."""
        info = self.info(collection)
        if info is not None and info.version == version and self.current(info):
            return False
        self.rebuild(collection, documents, version, progress)
        return True

    def rebuild(self, collection: str, documents: Sequence[Document], version: str, progress: Progress | None = None, batch: int = 32) -> None:
        """Re-create the collection from the documents; the version is written with every point."""
        self.drop(collection)
        self.upsert(collection, documents, version, progress, batch)

    def upsert(self, collection: str, documents: Sequence[Document], version: str, progress: Progress | None = None, batch: int = 32) -> None:
        """Add or replace documents (by id), creating the collection if needed."""
        from qdrant_client import models  # noqa: PLC0415 (imported when used: about a second of every CLI start otherwise)

        built_at = datetime.now(UTC).isoformat()
        with _qdrant(f"writing {collection}"):
            if not self.client.collection_exists(collection):
                self.client.create_collection(collection, vectors_config=models.VectorParams(size=self.embedder.dimensions, distance=models.Distance.COSINE))
            for start in range(0, len(documents), batch):
                chunk = documents[start : start + batch]
                vectors = self.embedder.embed([self._read(doc.text) for doc in chunk])
                points = [
                    models.PointStruct(id=_point_id(collection, doc.id), vector=vector, payload=self._payload(doc, version, built_at))
                    for doc, vector in zip(chunk, vectors, strict=True)
                ]
                self.client.upsert(collection, points)
                if progress:
                    progress(min(start + batch, len(documents)), len(documents))

    def _payload(self, document: Document, version: str, built_at: str) -> dict[str, Any]:
        keywords = [self._read(k).lower() for k in document.keywords]
        return {**document.payload, "_id": document.id, "_version": version, "_built_at": built_at, "_view": self.view_version, "_keywords": keywords}

    def delete(self, collection: str, ids: Sequence[str]) -> None:
        """Remove documents by id (ids that are not there are ignored)."""
        from qdrant_client import models  # noqa: PLC0415 (imported when used: about a second of every CLI start otherwise)

        with _qdrant(f"deleting from {collection}"):
            if ids and self.client.collection_exists(collection):
                self.client.delete(collection, models.PointIdsList(points=[_point_id(collection, i) for i in ids]))

    def drop(self, collection: str) -> bool:
        """Delete the whole collection; True if it existed."""
        with _qdrant(f"dropping {collection}"):
            if not self.client.collection_exists(collection):
                return False
            self.client.delete_collection(collection)
            return True

    def search(self, collection: str, query: str, limit: int = 5, *, hybrid: bool = True) -> list[Hit]:
        """Top hits by dense score plus (if hybrid) the keyword bonus."""
        query = self._read(query)
        vector = self.embedder.embed([query])[0]
        with _qdrant(f"searching {collection}"):
            found = self.client.query_points(collection, query=vector, limit=max(limit * 4, 20), with_payload=True).points
        words = _words(query)
        hits = []
        for point in found:
            payload = {key: value for key, value in point.payload.items() if not key.startswith("_")}
            keyword = _keyword_score(words, query.lower(), point.payload.get("_keywords", [])) if hybrid else 0.0
            hits.append(Hit(id=point.payload["_id"], score=point.score + self.keyword_weight * keyword, dense=point.score, keyword=keyword, payload=payload))
        return sorted(hits, key=lambda hit: hit.score, reverse=True)[:limit]


@contextmanager
def _qdrant(action: str) -> Iterator[None]:
    """Any client error (transport errors differ between embedded and server mode) as one typed error."""
    try:
        yield
    except RetrievalError:  # ours already (e.g. the embedding model is missing)
        raise
    except Exception as exc:
        raise VectorStoreUnavailableError(f"Qdrant: {action}: {type(exc).__name__}: {exc}") from exc


def _point_id(collection: str, document_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{collection}/{document_id}"))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9%]+", text.lower()))


def _keyword_score(words: set[str], lowered: str, keywords: list[str]) -> float:
    """1.0 if any keyword occurs in the query (multi-word keywords as phrases), else 0."""
    for keyword in keywords:
        if (" " in keyword and keyword in lowered) or keyword in words:
            return 1.0
    return 0.0

"""A small semantic index over Qdrant: documents in, scored hits out.

Products (the strategy builder's catalogue, the ChatOps runbooks) hand it documents with a text
to embed, keywords and a payload. Each collection remembers the version of the source it was
built from, so `ensure` rebuilds only when the source changed. Scoring is hybrid: cosine
similarity plus a bonus for keywords (ids, synonyms) that occur in the query, which lifts
exact names ("Donchian", "RSI") that a small embedding model blurs.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from qdrant_client import QdrantClient, models

from retrieval.embeddings import Embedder
from retrieval.errors import RetrievalError, VectorStoreUnavailableError

KEYWORD_WEIGHT = 0.25
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    keywords: tuple[str, ...] = ()
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    dense: float
    keyword: float
    payload: dict[str, Any]


class SemanticIndex:
    def __init__(self, client: QdrantClient, embedder: Embedder, *, keyword_weight: float = KEYWORD_WEIGHT) -> None:
        self.client = client
        self.embedder = embedder
        self.keyword_weight = keyword_weight

    def version(self, collection: str) -> str | None:
        """The source version the collection was built from, None if it does not exist."""
        with _qdrant(f"reading {collection}"):
            if not self.client.collection_exists(collection):
                return None
            points, _ = self.client.scroll(collection, limit=1, with_payload=True)
        return points[0].payload.get("_version") if points else None

    def ensure(self, collection: str, documents: Sequence[Document], version: str, progress: Progress | None = None) -> bool:
        """Rebuild when the stored version differs; True if it rebuilt."""
        if self.version(collection) == version:
            return False
        self.rebuild(collection, documents, version, progress)
        return True

    def rebuild(self, collection: str, documents: Sequence[Document], version: str, progress: Progress | None = None, batch: int = 32) -> None:
        """Re-create the collection from the documents; the version is written with every point."""
        with _qdrant(f"rebuilding {collection}"):
            if self.client.collection_exists(collection):
                self.client.delete_collection(collection)
            self.client.create_collection(collection, vectors_config=models.VectorParams(size=self.embedder.dimensions, distance=models.Distance.COSINE))
            for start in range(0, len(documents), batch):
                chunk = documents[start : start + batch]
                vectors = self.embedder.embed([doc.text for doc in chunk])
                points = [
                    models.PointStruct(id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{collection}/{doc.id}")), vector=vector, payload=_payload(doc, version))
                    for doc, vector in zip(chunk, vectors, strict=True)
                ]
                self.client.upsert(collection, points)
                if progress:
                    progress(min(start + batch, len(documents)), len(documents))

    def search(self, collection: str, query: str, limit: int = 5, *, hybrid: bool = True) -> list[Hit]:
        """Top hits by dense score plus (if hybrid) the keyword bonus."""
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


def _payload(document: Document, version: str) -> dict[str, Any]:
    return {**document.payload, "_id": document.id, "_version": version, "_keywords": [k.lower() for k in document.keywords]}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9%]+", text.lower()))


def _keyword_score(words: set[str], lowered: str, keywords: list[str]) -> float:
    """1.0 if any keyword occurs in the query (multi-word keywords as phrases), else 0."""
    for keyword in keywords:
        if (" " in keyword and keyword in lowered) or keyword in words:
            return 1.0
    return 0.0

"""Sentence embeddings from a local model directory (all-MiniLM-L6-v2 from its wheel by default).

Loaded lazily and once: the model takes a few seconds to load and ~90 MB of memory, and most
CLI commands never need it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from retrieval.errors import EmbeddingError


class Embedder:
    """Normalized sentence embeddings (cosine similarity is a dot product)."""

    def __init__(self, model_dir: Path, dimensions: int) -> None:
        self.model_dir = model_dir
        self.dimensions = dimensions
        self._model = None
        self._lock = threading.Lock()

    def _load(self):  # noqa: ANN202 - SentenceTransformer is imported lazily
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                if not (self.model_dir / "modules.json").is_file():
                    raise EmbeddingError(f"no sentence-transformers model in {self.model_dir}")
                self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
                actual = self._model.get_embedding_dimension()
                if actual != self.dimensions:
                    raise EmbeddingError(f"model in {self.model_dir} has {actual} dimensions, models.yaml says {self.dimensions}")
        return self._model

    def embed(self, texts: list[str], batch_size: int = 32) -> list[list[float]]:
        vectors = self._load().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
        return [vector.tolist() for vector in vectors]

    def count_tokens(self, texts: list[str]) -> int:
        """Tokens the model reads for ``texts`` (after its truncation): the usage an API reports."""
        model = self._load()
        encoded = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)
        return sum(len(ids) for ids in encoded["input_ids"])

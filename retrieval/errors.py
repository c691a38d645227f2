"""Typed errors of the retrieval layer (mapped to HTTP once, in the app factory)."""


class RetrievalError(Exception):
    """Base class for retrieval failures."""


class VectorStoreUnavailableError(RetrievalError):
    """The Qdrant server is unreachable, or the embedded store is locked by another process."""


class EmbeddingError(RetrievalError):
    """The embedding model is missing or does not match its registry entry."""

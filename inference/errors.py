"""Typed errors raised by the inference layer, mapped to HTTP status codes once, in the app factory."""

from __future__ import annotations


class InferenceError(Exception):
    """Base class: anything the inference layer can refuse or fail at."""


class RegistryError(InferenceError):
    """models.yaml is missing, malformed, or names something that does not exist."""


class PromptError(InferenceError):
    """The prompt catalogue is invalid, or a prompt was rendered with the wrong inputs."""


class SchemaNotBoundedError(InferenceError):
    """An output type has a field with no upper size, so no token budget can be derived."""


class LLMUnavailableError(InferenceError):
    """No endpoint answered (all replicas down, refused, or timed out)."""


class GenerationFailedError(InferenceError):
    """The model answered, but never produced a valid instance of the output type.

    Carries the attempts so callers can record and report them.
    """

    def __init__(self, message: str, attempts: int, last_reason: str) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_reason = last_reason


class LauncherError(InferenceError):
    """The vLLM server could not be started or did not become healthy."""

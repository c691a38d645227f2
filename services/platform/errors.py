"""Application errors and the one table that maps every typed error to an HTTP status.

Errors are raised where they start (inference, retrieval, database, services) with a message a
person can act on; the app factory turns them into JSON bodies with this table, so no route
handles HTTP status codes for failures itself.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from inference.errors import (
    GenerationFailedError,
    LauncherError,
    LLMUnavailableError,
    PromptError,
    RegistryError,
    SchemaNotBoundedError,
)
from pydantic import BaseModel, Field

from guardrails.policy import PolicyError
from retrieval.errors import EmbeddingError, VectorStoreUnavailableError
from services.platform.db import DatabaseUnavailable


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. `not_found`, `llm_unavailable`.")
    message: str = Field(description="What went wrong, for a person.")
    type: str = Field(description="OpenAI's error type for the status.")
    param: str | None = Field(default=None, description="The request field at fault, when one is.")
    request_id: str | None = None
    details: list[dict[str, str]] | None = Field(default=None, description="Each invalid field and why (validation errors).")


class ErrorBody(BaseModel):
    """Every 4xx and 5xx answer of the API (documented in the OpenAPI spec for each route)."""

    error: ErrorDetail


ERROR_STATUSES = (400, 401, 403, 404, 409, 413, 422, 429, 502, 503)
SHOWN_ID_CHARS = 64


class AppError(Exception):
    """An error with its HTTP status and a stable machine-readable code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, headers: dict[str, str] | None = None, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers or {}
        self.param = param  # the request field at fault, as OpenAI reports it
        if code is not None:
            self.code = code


class BadRequest(AppError):
    status, code = 400, "invalid_request"


class NotAuthenticated(AppError):
    status, code = 401, "not_authenticated"


class Forbidden(AppError):
    status, code = 403, "forbidden"


class NotFound(AppError):
    status, code = 404, "not_found"


class Conflict(AppError):
    status, code = 409, "conflict"


class Unprocessable(AppError):
    status, code = 422, "invalid_request"


class TooManyRequests(AppError):
    status, code = 429, "rate_limit_exceeded"


class ServiceUnavailable(AppError):
    status, code = 503, "service_unavailable"


# OpenAI's error `type` for each status, so OpenAI clients read our errors as they read theirs.
ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error",
               409: "conflict_error", 422: "invalid_request_error", 429: "rate_limit_error"}


def error_type(status: int) -> str:
    return ERROR_TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")


def error_response(request: Request, status: int, code: str, message: str, *, param: str | None = None, **extra: Any) -> JSONResponse:
    """The one error body, shaped like OpenAI's (``message``, ``type``, ``param``, ``code``) plus the request id."""
    request_id = getattr(request.state, "request_id", None)
    body = {"error": {"code": code, "message": message, "type": error_type(status), "param": param, "request_id": request_id, **extra}}
    return JSONResponse(body, status_code=status)


def invalid_request_status(request: Request) -> int:
    """A request the API cannot accept as sent: OpenAI answers 400 under /v1 where FastAPI says 422."""
    return 400 if request.url.path.startswith("/v1/") else 422


def clipped(text: str) -> str:
    """A client-sent id as an error message echoes it: cut at 64 characters, so a 404 never
    sends back the megabyte it was given."""
    return text if len(text) <= SHOWN_ID_CHARS else text[:SHOWN_ID_CHARS] + "…"


# Errors raised below the services layer: (status, code, Retry-After seconds or None).
LIBRARY_ERRORS: dict[type[Exception], tuple[int, str, int | None]] = {
    LLMUnavailableError: (503, "llm_unavailable", 10),
    VectorStoreUnavailableError: (503, "vector_store_unavailable", 10),
    EmbeddingError: (503, "embeddings_unavailable", 30),
    DatabaseUnavailable: (503, "database_unavailable", 5),
    LauncherError: (503, "llm_unavailable", 30),
    GenerationFailedError: (502, "generation_failed", None),
    PromptError: (500, "prompt_catalogue_error", None),
    RegistryError: (500, "model_registry_error", None),
    PolicyError: (500, "guardrail_policy_error", None),
    SchemaNotBoundedError: (500, "schema_not_bounded", None),
}

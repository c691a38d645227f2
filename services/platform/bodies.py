"""Every request body is read here, once, before any route, dependency or key check sees it.

A body over `max_request_bytes` is refused with 413 as soon as that is known, from its
Content-Length or by counting what arrives, so a client without a key cannot make the API
buffer and parse megabytes. A JSON body must be strict JSON (`strict_json`: finite numbers,
bounded nesting), else it is the usual validation error: one rule at the edge every JSON route
shares, where a rule per model would miss `dict[str, Any]` fields and pass-through parameters.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.platform import strict_json
from services.platform.errors import error_response, invalid_request_status


class BodyGuard:
    """Pure ASGI (no `BaseHTTPMiddleware`): the body is read once and replayed to the app."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length", "")
        first = None if declared.isdecimal() and int(declared) > self.max_bytes else await self._read(receive)
        if first is None:
            message = f"request body is larger than {self.max_bytes} bytes (INSIGHTSTACK_MAX_REQUEST_BYTES)"
            await error_response(Request(scope), 413, "request_too_large", message)(scope, receive, send)
            return
        if first["type"] == "http.request" and _is_json(headers.get("content-type", "")) and (problem := _json_problem(first["body"])):
            request = Request(scope)
            details = [{"field": "body", "message": problem}]
            await error_response(request, invalid_request_status(request), "invalid_request", f"invalid request: body: {problem}", details=details)(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # a disconnect, for routes that watch for one
            replayed = True
            return first

        await self.app(scope, replay, send)

    async def _read(self, receive: Receive) -> Message | None:
        """The whole body as one message (or the disconnect that cut it short); None past the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return message
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                return None
            if not message.get("more_body", False):
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}


def _is_json(content_type: str) -> bool:
    """The media types FastAPI parses as JSON."""
    media = content_type.partition(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def _json_problem(body: bytes) -> str | None:
    """Why a JSON body is refused, or None; a body that is not JSON at all is left to the route,
    which says so in its usual words (with the position of the error)."""
    try:
        strict_json.loads(body)
    except strict_json.JSONRejected as exc:
        return str(exc)
    except ValueError:
        pass
    return None

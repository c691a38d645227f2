"""Async calls to the vLLM replicas of a model, with failover, for the gateway.

The gateway relays streams and must notice a client that goes away, so it talks to vLLM with an
async HTTP client rather than the blocking one the products use; replica health is the same
`EndpointPool`, so a replica marked down by either is skipped by both. A replica that refuses
the connection or answers 5xx is cooled down and the next one is tried; a 4xx is the client's
request at fault and comes back as it is (OpenAI's error shape, with vLLM's message).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from inference.endpoints import Endpoint, EndpointPool
from inference.errors import LLMUnavailableError
from services.platform.errors import AppError

T = TypeVar("T")
Disconnected = Callable[[], Awaitable[bool]]  # has the client gone? (Starlette's `request.is_disconnected`)
DISCONNECT_POLL_S = 0.2
KEEPALIVE_S = 15.0  # under the idle timeouts of common proxies (nginx 60 s, ALB 60 s)


class UpstreamRejected(AppError):
    """vLLM refused the request (4xx): the client's request is at fault."""

    code = "invalid_request"

    def __init__(self, status: int, message: str, param: str | None) -> None:
        super().__init__(message, param=param)
        self.status = status


class ClientDisconnected(Exception):
    """The client went away before the answer was ready; the upstream request was cancelled."""


@dataclass(frozen=True)
class Reply:
    """A replica's answer; a streamed one counts as in flight on the replica until `aclose`."""

    pool: EndpointPool
    endpoint: Endpoint
    response: httpx.Response

    async def aclose(self) -> None:
        """Close the stream (vLLM aborts an unfinished request) and free the replica's slot."""
        try:
            await self.response.aclose()
        finally:
            self.pool.end(self.endpoint)


async def send(
    http: httpx.AsyncClient, pool: EndpointPool, path: str, body: dict[str, Any], request_id: str, *, stream: bool, tried: list[str]
) -> Reply:
    """The first replica's answer (a streaming response is left open for the caller to read).

    ``tried`` gets each replica's URL as it is tried, so the caller can record the attempts even
    when this raises or is cancelled."""
    errors: list[str] = []
    for attempt, endpoint in enumerate(pool.candidates(), 1):
        tried.append(endpoint.url)
        request = http.build_request("POST", endpoint.url + path, json=body, headers={"X-Request-Id": f"{request_id}-{attempt}"})
        pool.begin(endpoint)
        response = None
        try:
            response = await _answer(http, pool, endpoint, request, stream)
        finally:
            if not (stream and response is not None and response.status_code < 400):
                pool.end(endpoint)  # an opened stream stays in flight until Reply.aclose
        if response is None:
            errors.append(f"{endpoint.url}: {endpoint.last_error}")
            continue
        if response.status_code >= 400:
            message, param = _error_of(await _json(response))
            raise UpstreamRejected(response.status_code, message, param)
        return Reply(pool, endpoint, response)
    raise LLMUnavailableError("no LLM replica answered: " + "; ".join(errors))


async def _answer(http: httpx.AsyncClient, pool: EndpointPool, endpoint: Endpoint, request: httpx.Request, stream: bool) -> httpx.Response | None:
    """The replica's response, or None when it failed (it is then marked down)."""
    try:
        response = await http.send(request, stream=stream)
    except httpx.TransportError as exc:
        pool.mark_failed(endpoint, f"{type(exc).__name__}: {exc}")
        return None
    if response.status_code >= 500:
        pool.mark_failed(endpoint, f"HTTP {response.status_code}: {await _detail(response)}")
        return None
    pool.mark_ok(endpoint)
    return response


async def unless_disconnected(left: Disconnected, work: Awaitable[T]) -> T:
    """``work``'s result, or `ClientDisconnected` (with ``work`` cancelled) if the client leaves first."""
    task = asyncio.ensure_future(work)

    async def watch() -> None:
        while not await left():
            await asyncio.sleep(DISCONNECT_POLL_S)

    watcher = asyncio.ensure_future(watch())
    try:
        done, _ = await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
    if task in done:
        return task.result()
    task.cancel()
    raise ClientDisconnected


async def _json(response: httpx.Response) -> Any:
    await response.aread()
    try:
        return response.json()
    except ValueError:
        return {"message": response.text[:500]}


async def _detail(response: httpx.Response) -> str:
    message, _ = _error_of(await _json(response))
    await response.aclose()
    return message


def _error_of(body: Any) -> tuple[str, str | None]:
    """vLLM's error message and param, from either of its error shapes."""
    error = body.get("error", body) if isinstance(body, dict) else {}
    error = error if isinstance(error, dict) else {"message": str(error)}
    return str(error.get("message") or "upstream error")[:1000], error.get("param")


async def lines_or_idle(response: httpx.Response, idle_s: float = KEEPALIVE_S) -> AsyncIterator[str | None]:
    """The response's lines, and None after each `idle_s` without one (a long prefill, a slow
    replica), so the relay can send a keep-alive comment before a proxy drops the stream."""
    lines = response.aiter_lines()
    pending: asyncio.Future[str] = asyncio.ensure_future(anext(lines))
    try:
        while True:
            done, _ = await asyncio.wait({pending}, timeout=idle_s)
            if not done:
                yield None
                continue
            try:
                line = pending.result()
            except StopAsyncIteration:
                return
            yield line
            pending = asyncio.ensure_future(anext(lines))
    finally:
        pending.cancel()

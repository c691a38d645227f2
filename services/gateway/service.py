"""The OpenAI-compatible gateway: one authenticated door to the on-prem models for other teams.

A request goes: model name resolved through models.yaml (404 if unknown) -> rate limit and
token quota (429) -> input guardrails (400 if blocked; secrets redacted before the model sees
them) -> a vLLM replica (failover; 503 if none) -> output guardrails (redaction; a blocked answer
ends with ``finish_reason: content_filter``) -> usage charged and the call recorded like every
product's. Streams are screened segment by segment and cancelled upstream when the client goes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
import numpy as np
import structlog
from starlette.concurrency import run_in_threadpool

from guardrails.policy import Stage
from guardrails.screen import Screening
from guardrails.stream import StreamScreen
from inference.budget import token_budget
from inference.errors import LLMUnavailableError, RegistryError
from inference.endpoints import EndpointPool
from inference.registry import ModelEntry, ModelRegistry, ModelRole
from inference.structured import LLMCallRecord, Outcome
from retrieval.embeddings import Embedder
from services.gateway import limits
from services.platform import aliases
from services.gateway.schemas import (
    MAX_EMBEDDING_INPUTS,
    ChatCompletionRequest,
    CompletionRequest,
    Embedding,
    EmbeddingRequest,
    EmbeddingResponse,
    EmbeddingUsage,
    ModelCard,
    ModelList,
)
from services.gateway.upstream import ClientDisconnected, Disconnected, Reply, UpstreamRejected, lines_or_idle, send, unless_disconnected
from services.platform.audit import Caller
from services.platform.errors import AppError, BadRequest, NotFound, clipped
from services.platform.db import Database
from services.platform.llm_calls import CallRecorder
from services.platform.metrics import Metrics
from services.platform.screening import ContentBlocked, Screener

log = structlog.get_logger(__name__)
SURFACE = "gateway"
FEATURE = "gateway"
DEFAULT_MAX_TOKENS = 1024
FLAGS_HEADER = "X-InsightStack-Guardrail-Flags"
Slot = tuple[Any, Any]  # (container, key): where a text sits in a request or response body


@dataclass(frozen=True)
class Kind:
    """Where chat and legacy completions keep their texts; everything else is shared."""

    name: str
    path: str
    input_param: str
    inputs: Callable[[dict[str, Any]], list[Slot]]
    output: Callable[[dict[str, Any]], Slot]
    delta: Callable[[dict[str, Any]], Slot]


def _chat_inputs(body: dict[str, Any]) -> list[Slot]:
    """The text of every message: system, tool and earlier assistant turns carry injections and secrets too."""
    slots: list[Slot] = []
    for message in body["messages"]:
        if isinstance(message.get("content"), str):
            slots.append((message, "content"))
        else:
            slots.extend((part, "text") for part in message.get("content") or [] if part.get("type") == "text")
    return slots


def _completion_inputs(body: dict[str, Any]) -> list[Slot]:
    prompt = body["prompt"]
    return [(body, "prompt")] if isinstance(prompt, str) else [(prompt, i) for i in range(len(prompt))]


CHAT = Kind("chat", "/chat/completions", "messages", _chat_inputs, lambda c: (c.setdefault("message", {}), "content"), lambda c: (c.setdefault("delta", {}), "content"))
COMPLETIONS = Kind("completions", "/completions", "prompt", _completion_inputs, lambda c: (c, "text"), lambda c: (c, "text"))


@dataclass(frozen=True)
class Completion:
    """A chat or completion answer as the protocol gives it: a JSON ``body``, or ``events`` (the
    SSE lines of a stream), or ``cancelled`` when the client left first; ``headers`` carry the
    guardrail flags. The router turns it into an HTTP response."""

    headers: dict[str, str]
    body: dict[str, Any] | None = None
    events: AsyncIterator[str] | None = None
    cancelled: bool = False


@dataclass
class Call:
    """One gateway request on its way through: what gets recorded at the end."""

    kind: str
    caller: Caller
    model: ModelEntry
    started: float = field(default_factory=time.perf_counter)
    prompt_hash: str | None = None
    prompt_bytes: int = 0
    tried: list[str] = field(default_factory=list)  # replica URLs, in the order tried
    input_tokens: int = 0
    output_tokens: int = 0
    input_text: str | None = None
    output_text: str | None = None
    flags: list[str] = field(default_factory=list)

    def record(self, outcome: Outcome, error: str | None = None) -> LLMCallRecord:
        return LLMCallRecord(
            request_id=self.caller.request_id, user=self.caller.name, feature=FEATURE, prompt_id=f"gateway.{self.kind}",
            prompt_version=None, prompt_hash=self.prompt_hash, model=self.model.name, backend=self.model.structured_output_backend,
            endpoint=self.tried[-1] if self.tried else None, input_tokens=self.input_tokens, output_tokens=self.output_tokens,
            latency_ms=round((time.perf_counter() - self.started) * 1000, 2), attempts=len(self.tried), outcome=outcome,
            error=error, input_text=self.input_text, output_text=self.output_text,
        )


class Gateway:
    """Built once per app; holds the async HTTP client to the replicas."""

    def __init__(
        self, db: Database, registry: ModelRegistry, pools: dict[str, EndpointPool], screener: Screener, embedder: Embedder,
        record_call: CallRecorder, metrics: Metrics, *, env: str, models_file: Path, llm_timeout_s: float, default_limits: limits.Limits,
    ) -> None:
        """``pools``: the replicas of each chat model, by name; ``models_file``'s time is each model card's `created`."""
        self.db, self.registry, self.pools, self.screener, self.embedder = db, registry, pools, screener, embedder
        self.record_call, self.metrics, self.env, self.models_file = record_call, metrics, env, models_file
        self.http = httpx.AsyncClient(timeout=httpx.Timeout(llm_timeout_s, connect=5.0))
        self.default_limits = default_limits

    async def aclose(self) -> None:
        await self.http.aclose()

    # --- models -------------------------------------------------------------------------------

    def models(self) -> ModelList:
        created = int(self.models_file.stat().st_mtime)
        with self.db.session() as session:
            served = aliases.effective(session, self.registry, self.env)
        cards = [
            ModelCard(id=name, created=created, root=entry.name)
            for entry in self.registry.profile.models
            if entry.role in (ModelRole.chat, ModelRole.embedding)
            for name in dict.fromkeys((entry.name, entry.api_name, *(alias for alias, model in served.items() if model == entry.name)))
        ]
        return ModelList(data=cards)

    def resolve(self, name: str, role: ModelRole) -> ModelEntry:
        """A model by name or alias, of the role the endpoint serves; 404 in OpenAI's shape otherwise."""
        with self.db.session() as session:
            name = aliases.effective(session, self.registry, self.env).get(name, name)
        try:
            entry = self.registry.get(name)
        except RegistryError:
            entry = None
        if entry is None or entry.role is not role:
            known = ", ".join(card.id for card in self.models().data)
            raise NotFound(f"The model `{clipped(name)}` does not exist or is not a {role.value} model here; known: {known}", param="model", code="model_not_found")
        return entry

    # --- chat and completions -----------------------------------------------------------------

    async def chat(self, body: ChatCompletionRequest, caller: Caller, left: Disconnected) -> Completion:
        return await self._generate(CHAT, body, caller, left)

    async def complete(self, body: CompletionRequest, caller: Caller, left: Disconnected) -> Completion:
        return await self._generate(COMPLETIONS, body, caller, left)

    async def _generate(self, kind: Kind, body: ChatCompletionRequest | CompletionRequest, caller: Caller, left: Disconnected) -> Completion:
        """``left`` says whether the client has gone: a non-streamed answer is then cancelled upstream."""
        call = Call(kind.name, caller, await run_in_threadpool(self.resolve, body.model, ModelRole.chat))
        payload = body.model_dump(exclude_unset=True, exclude_none=True)
        payload["model"] = call.model.api_name
        await run_in_threadpool(self._admit, caller)
        await run_in_threadpool(self._screen_inputs, kind, payload, call)
        _default_max_tokens(payload)
        pool = self.pools[call.model.name]
        if body.stream:
            asked_usage = bool(body.stream_options and body.stream_options.include_usage)
            payload["stream_options"] = {**payload.get("stream_options", {}), "include_usage": True}
            reply = await self._send(call, send(self.http, pool, kind.path, payload, caller.request_id, stream=True, tried=call.tried))
            return Completion(headers=_flags_header(call), events=self._relay(kind, reply, call, asked_usage))
        sending = send(self.http, pool, kind.path, payload, caller.request_id, stream=False, tried=call.tried)
        try:
            reply = await self._send(call, unless_disconnected(left, sending))
        except ClientDisconnected:
            call.input_tokens = _estimated_tokens(call.prompt_bytes)
            await run_in_threadpool(self._finish, call, "cancelled", "client disconnected")
            return Completion(headers={}, cancelled=True)
        data = reply.response.json()
        withheld = await run_in_threadpool(self._screen_outputs, kind, data, call)
        await run_in_threadpool(self._finish, call, "blocked" if withheld else "ok", "answer withheld by the output guardrails" if withheld else None, data.get("usage"))
        return Completion(headers=_flags_header(call), body=data)

    async def _send(self, call: Call, sending: Any) -> Reply:
        try:
            reply: Reply = await sending
        except (LLMUnavailableError, UpstreamRejected) as exc:
            await run_in_threadpool(self._finish, call, "unavailable" if isinstance(exc, LLMUnavailableError) else "error", str(exc))
            raise
        return reply

    def _admit(self, caller: Caller) -> None:
        with self.db.session() as session:
            try:
                limits.admit(session, caller.name, limits.limits_of(session, caller.name, self.default_limits), datetime.now(UTC))
            except AppError as exc:
                self.metrics.rate_limited.labels(exc.code).inc()
                raise

    def _screen_inputs(self, kind: Kind, payload: dict[str, Any], call: Call) -> None:
        slots = kind.inputs(payload)
        texts = json.dumps([c[k] for c, k in slots], ensure_ascii=False).encode()
        call.prompt_hash, call.prompt_bytes = hashlib.sha256(texts).hexdigest(), len(texts)
        for container, key in slots:
            call.input_text = container[key]
            try:
                screening = self.screener.screen_input(SURFACE, container[key], call.caller, param=kind.input_param)
            except ContentBlocked as exc:
                self._finish(call, "blocked", exc.message)
                raise
            self._flag(screening, call)
            container[key] = call.input_text = screening.text

    def _screen_outputs(self, kind: Kind, data: dict[str, Any], call: Call) -> bool:
        """Screen each choice in place; True when an answer was withheld. Where the text changed, the
        token-level views of it (logprobs, token ids) are dropped too, or they would spell it out."""
        withheld = False
        for choice in data.get("choices", []):
            container, key = kind.output(choice)
            if not container.get(key):
                continue
            screening = self.screener.screen(SURFACE, Stage.output, container[key], call.caller)
            self._flag(screening, call)
            if screening.blocked or screening.text != container[key]:
                _drop_token_views(choice)
            container[key] = "" if screening.blocked else screening.text
            if screening.blocked:
                choice["finish_reason"], withheld = "content_filter", True
            call.output_text = call.output_text or container[key]
        return withheld

    @staticmethod
    def _flag(screening: Screening, call: Call) -> None:
        call.flags.extend(flag for flag in screening.flags if flag not in call.flags)

    async def _relay(self, kind: Kind, reply: Reply, call: Call, asked_usage: bool) -> AsyncIterator[str]:
        """vLLM's SSE events, with the text of each choice screened before it is sent on. The call is
        recorded before the client sees the stream end, so a client can read its record at once."""
        screens: dict[int, StreamScreen] = {}
        chunks = 0  # vLLM streams about one token per chunk: the estimate when no usage arrives
        closed = False
        lines = lines_or_idle(reply.response)
        try:
            async for line in lines:
                if line is None:
                    yield ": keep-alive\n\n"  # an SSE comment: clients ignore it, proxies see traffic
                    continue
                if not line.startswith("data: "):
                    continue
                if line == "data: [DONE]":
                    closed = await self._close_stream(reply, call, screens, chunks, "ok")
                    yield "data: [DONE]\n\n"
                    return
                chunk = json.loads(line[len("data: "):])
                if chunk.get("usage"):
                    call.input_tokens, call.output_tokens = chunk["usage"]["prompt_tokens"], chunk["usage"].get("completion_tokens", 0)
                    if not chunk.get("choices") and not asked_usage:
                        continue
                    if not asked_usage:
                        chunk.pop("usage")
                chunks += len(chunk.get("choices", []))
                ended = self._screen_chunk(kind, chunk, screens)
                yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
                if ended:
                    closed = await self._close_stream(reply, call, screens, chunks, "blocked")
                    yield "data: [DONE]\n\n"
                    return
        except httpx.HTTPError as exc:  # the replica died mid-stream: tell the client in OpenAI's stream error shape
            log.warning("gateway.stream_failed", endpoint=reply.endpoint.url, error=str(exc))
            reply.pool.mark_failed(reply.endpoint, f"{type(exc).__name__} mid-stream: {exc}")
            closed = await self._close_stream(reply, call, screens, chunks, "error")
            error = {"message": f"the LLM replica failed mid-stream: {type(exc).__name__}", "type": "api_error", "code": "llm_unavailable"}
            yield f"data: {json.dumps({'error': error})}\n\n"
        finally:
            await lines.aclose()  # stops its pending read now, not when the loop collects it
            if not closed:  # the client went away (or vLLM ended without [DONE])
                await self._close_stream(reply, call, screens, chunks, "cancelled")

    async def _close_stream(self, reply: Reply, call: Call, screens: dict[int, StreamScreen], chunks: int, outcome: Outcome) -> bool:
        with anyio.CancelScope(shield=True):
            await reply.aclose()  # closing the connection makes vLLM abort the request
            call.output_text = screens[0].released if 0 in screens else None
            if not call.output_tokens:  # ended before vLLM's usage event: charge what was generated
                call.input_tokens, call.output_tokens = _estimated_tokens(call.prompt_bytes), chunks
            await run_in_threadpool(self._record_stream, call, screens, outcome)
        return True

    def _record_stream(self, call: Call, screens: dict[int, StreamScreen], outcome: Outcome) -> None:
        for screen in screens.values():
            self.screener.record(screen.screening(), call.caller)
        self._finish(call, outcome, None if outcome == "ok" else f"stream ended: {outcome}")

    def _screen_chunk(self, kind: Kind, chunk: dict[str, Any], screens: dict[int, StreamScreen]) -> bool:
        """Screen the chunk's text in place; True when a choice was blocked and the stream must end."""
        blocked = False
        for choice in chunk.get("choices", []):
            screen = screens.setdefault(choice.get("index", 0), StreamScreen(self.screener.guardrails, SURFACE))
            container, key = kind.delta(choice)
            _drop_token_views(choice)  # they would run ahead of the held, not yet screened text
            released = screen.feed(container.get(key) or "")
            if choice.get("finish_reason"):
                released += screen.flush()
            if screen.blocked:
                choice["finish_reason"], blocked = "content_filter", True
            if container.get(key) is not None or released:
                container[key] = released
        return blocked

    def _finish(self, call: Call, outcome: Outcome, error: str | None = None, usage: dict[str, Any] | None = None) -> None:
        """Record the call and charge its tokens to the caller's day."""
        if usage:
            call.input_tokens, call.output_tokens = usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)
        self.record_call(call.record(outcome, error))
        tokens = call.input_tokens + call.output_tokens
        if tokens:
            with self.db.session() as session:
                limits.charge(session, call.caller.name, tokens, datetime.now(UTC))

    # --- embeddings ---------------------------------------------------------------------------

    def embed(self, body: EmbeddingRequest, caller: Caller) -> EmbeddingResponse:
        """Vectors from the in-process embedding model (the one the products' indexes use)."""
        entry = self.resolve(body.model, ModelRole.embedding)
        texts = [body.input] if isinstance(body.input, str) else body.input
        if not texts or len(texts) > MAX_EMBEDDING_INPUTS or any(not text for text in texts):
            raise BadRequest(f"input must be 1 to {MAX_EMBEDDING_INPUTS} non-empty strings", param="input")
        if body.dimensions is not None and body.dimensions != entry.dimensions:
            raise BadRequest(f"{entry.name} gives {entry.dimensions} dimensions; it cannot give {body.dimensions}", param="dimensions")
        self._admit(caller)
        call = Call("embeddings", caller, entry, input_text=texts[0])
        vectors = self.embedder.embed(texts)
        call.input_tokens = self.embedder.count_tokens(texts)
        self._finish(call, "ok")
        return EmbeddingResponse(
            data=[Embedding(index=i, embedding=_encode(vector, body.encoding_format)) for i, vector in enumerate(vectors)],
            model=entry.api_name or entry.name,
            usage=EmbeddingUsage(prompt_tokens=call.input_tokens, total_tokens=call.input_tokens),
        )


def _default_max_tokens(payload: dict[str, Any]) -> None:
    """A bound on every request: the schema's token budget for JSON-schema output, else DEFAULT_MAX_TOKENS."""
    if "max_tokens" in payload or "max_completion_tokens" in payload:
        return
    schema = (payload.get("response_format") or {}).get("json_schema", {}).get("schema")
    try:
        payload["max_tokens"] = token_budget(schema) if schema else DEFAULT_MAX_TOKENS
    except Exception:  # an unbounded schema: the default applies
        payload["max_tokens"] = DEFAULT_MAX_TOKENS


def _drop_token_views(choice: dict[str, Any]) -> None:
    for key in ("logprobs", "token_ids"):
        if choice.get(key) is not None:
            choice[key] = None


def _estimated_tokens(prompt_bytes: int) -> int:
    """Tokens of a prompt the model never reported on: about 4 bytes each (an estimate, for quotas)."""
    return -(-prompt_bytes // 4)


def _flags_header(call: Call) -> dict[str, str]:
    return {FLAGS_HEADER: ",".join(call.flags)} if call.flags else {}


def _encode(vector: list[float], encoding: str) -> list[float] | str:
    """OpenAI's base64 encoding is the little-endian float32 bytes."""
    if encoding == "float":
        return vector
    return base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode()

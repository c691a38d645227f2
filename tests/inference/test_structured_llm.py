"""Structured generation through the real vLLM server (guidance backend, the default)."""

from __future__ import annotations

import time
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from inference.endpoints import EndpointPool
from inference.errors import GenerationFailedError, LLMUnavailableError
from inference.registry import ModelRegistry, ModelRole
from inference.structured import CallContext, LLMCallRecord, StructuredGenerator
from outlines.types import Regex

pytestmark = pytest.mark.llm


class Position(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbol: str = Field(min_length=1, max_length=8)
    side: Literal["long", "short"]
    weight: float = Field(ge=-1.0, le=1.0)
    stop_loss_pct: float | None = Field(default=None, ge=0.001, le=0.5)


class RiskLimits(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_drawdown: float = Field(ge=0.01, le=0.5)
    max_positions: int = Field(ge=1, le=50)


class Portfolio(BaseModel):
    """Nested: enums, bounded numbers, arrays with min/max items, optional fields."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=24)
    regime: Literal["bull", "bear", "sideways", "high_volatility"]
    positions: list[Position] = Field(min_length=1, max_length=3)
    limits: RiskLimits
    tags: list[Literal["momentum", "value", "carry", "defensive"]] = Field(default_factory=list, max_length=2)
    comment: str | None = Field(default=None, max_length=40)


MESSAGES = [
    {"role": "system", "content": "You build portfolios. Answer with JSON only."},
    {"role": "user", "content": "Propose a small defensive portfolio for a bear market."},
]


def generator(registry: ModelRegistry, urls: list[str], records: list[LLMCallRecord], **kwargs: object) -> StructuredGenerator:
    return StructuredGenerator(
        registry.default(ModelRole.chat), EndpointPool(urls, timeout_s=60), recorder=records.append, **kwargs
    )


def test_fifty_seeds_all_schema_valid(registry: ModelRegistry, llm_url: str) -> None:
    records: list[LLMCallRecord] = []
    gen = generator(registry, [llm_url], records, max_attempts=1)
    results = [gen.generate(MESSAGES, Portfolio, context=CallContext(feature="test"), seed=seed) for seed in range(50)]
    assert all(isinstance(result, Portfolio) for result in results)
    assert len({result.model_dump_json() for result in results}) > 40  # different seeds, different portfolios
    assert [r.outcome for r in records] == ["ok"] * 50
    assert all(r.attempts == 1 and r.input_tokens > 0 and r.output_tokens > 0 for r in records)


def test_choices_and_regex(registry: ModelRegistry, llm_url: str) -> None:
    gen = generator(registry, [llm_url], [])
    context = CallContext(feature="test")
    assert gen.generate(MESSAGES, Literal["buy", "sell", "hold"], context=context, seed=1) in {"buy", "sell", "hold"}
    ticker = gen.generate(MESSAGES, Regex(r"[A-Z]{3,5}"), context=context, seed=2, max_tokens=8)
    assert 3 <= len(ticker) <= 5 and ticker.isupper()


def test_cut_off_output_is_a_failure_never_a_result(registry: ModelRegistry, llm_url: str) -> None:
    records: list[LLMCallRecord] = []
    gen = generator(registry, [llm_url], records, max_attempts=2)
    with pytest.raises(GenerationFailedError, match="2 attempts: cut off at max_tokens") as caught:
        gen.generate(MESSAGES, Portfolio, context=CallContext(feature="test", user="ana"), seed=3, max_tokens=12)
    assert caught.value.attempts == 2
    assert records[-1].outcome == "length" and records[-1].user == "ana" and records[-1].output_tokens == 24


def test_dead_replica_is_skipped(registry: ModelRegistry, llm_url: str) -> None:
    records: list[LLMCallRecord] = []
    gen = generator(registry, ["http://127.0.0.1:9/v1", llm_url], records)
    for seed in range(4):  # round-robin starts on the dead one half of the time
        gen.generate(MESSAGES, Portfolio, context=CallContext(feature="test"), seed=seed)
    assert {r.endpoint for r in records} == {llm_url}
    assert gen.pool.endpoints[0].errors >= 1 and gen.pool.endpoints[0].last_error


def test_no_endpoint_answering_fails_fast(registry: ModelRegistry) -> None:
    records: list[LLMCallRecord] = []
    gen = generator(registry, ["http://127.0.0.1:9/v1", "http://127.0.0.1:11/v1"], records)
    started = time.monotonic()
    with pytest.raises(LLMUnavailableError, match="no LLM endpoint answered"):
        gen.generate(MESSAGES, Portfolio, context=CallContext(feature="test"))
    assert time.monotonic() - started < 5
    assert records[0].outcome == "unavailable"

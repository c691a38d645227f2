"""The spine's demonstration: a nested structured output generated through the real stack."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from inference.structured import CallContext, StructuredGenerator
from services.platform.served_prompts import ServedPrompts

PROMPT_ID = "platform.market_brief"


class Driver(BaseModel):
    model_config = ConfigDict(extra="forbid")

    factor: Literal["rates", "earnings", "liquidity", "volatility", "sentiment", "macro"]
    direction: Literal["tailwind", "headwind", "neutral"]
    weight: float = Field(ge=0.0, le=1.0)
    note: str | None = Field(default=None, max_length=60)


class MarketBrief(BaseModel):
    """A short, typed market brief: enough nesting to show constrained decoding end to end."""

    model_config = ConfigDict(extra="forbid")

    symbol: str = Field(max_length=12)
    stance: Literal["bullish", "bearish", "neutral"]
    confidence: float = Field(ge=0.0, le=1.0)
    horizon_days: int = Field(ge=1, le=365)
    drivers: list[Driver] = Field(min_length=1, max_length=3)
    summary: str = Field(max_length=160)


def market_brief(
    prompts: ServedPrompts, generator: StructuredGenerator, symbol: str, *, user: str | None = None, seed: int | None = None,
) -> MarketBrief:
    """Render the versioned prompt and generate a validated `MarketBrief`."""
    prompt = prompts.render(PROMPT_ID, {"symbol": symbol})
    context = CallContext(feature="demo", user=user, prompt=prompt)
    return generator.generate(prompt.messages, MarketBrief, context=context, seed=seed)

"""A product-style call through the platform: rendered prompt, real vLLM, record in the database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from services.platform.demo import PROMPT_ID, MarketBrief, market_brief
from services.platform.models import LLMCall
from services.platform.runtime import Platform

pytestmark = pytest.mark.llm


def test_generation_is_recorded_with_prompt_provenance(platform: Platform) -> None:
    brief = market_brief(platform.served_prompts, platform.generator, "MSFT", user="ana", seed=11)
    assert isinstance(brief, MarketBrief)
    spec = platform.prompts.get(PROMPT_ID)
    with platform.db.session() as session:
        (call,) = session.scalars(select(LLMCall)).all()
    assert (call.user, call.feature, call.prompt_id, call.prompt_version) == ("ana", "demo", PROMPT_ID, spec.version)
    assert call.prompt_hash == spec.content_hash()
    assert (call.model, call.backend, call.outcome, call.attempts) == ("insightstack-tiny", "guidance", "ok", 1)
    assert call.input_tokens > 0 and call.output_tokens > 0 and call.latency_ms > 0 and len(call.request_id) == 32

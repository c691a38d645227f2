"""Prompt token counts from the model's tokenizer (no server: the counting is pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inference.endpoints import EndpointPool
from inference.errors import GenerationFailedError
from inference.registry import ModelRegistry, ModelRole
from inference.structured import StructuredGenerator
from inference.testmodel import build_test_model
from inference.tokens import ByteBound, ModelTokenizer, prompt_counter

ENGLISH = "The kpi-rollup pipeline failed at task upsert_kpis after a lock timeout; rerun it once the lock clears. "


@pytest.fixture(scope="module")
def tokenizer_dir(registry: ModelRegistry) -> Path:
    return build_test_model(registry.weights_path(registry.default(ModelRole.chat)))


def test_english_takes_far_fewer_tokens_than_bytes(tokenizer_dir: Path) -> None:
    messages = [{"role": "system", "content": "You answer operators."}, {"role": "user", "content": ENGLISH * 20}]
    exact, bound = ModelTokenizer(tokenizer_dir / "tokenizer.json").count(messages), ByteBound().count(messages)
    assert 0 < exact < bound / 2, (exact, bound)  # the test model's small BPE: 2.6x; SmolLM2's is tighter
    assert isinstance(prompt_counter(tokenizer_dir), ModelTokenizer) and isinstance(prompt_counter(tokenizer_dir / "absent"), ByteBound)


def test_a_prompt_that_fits_in_tokens_is_not_refused_for_its_bytes(registry: ModelRegistry, tokenizer_dir: Path) -> None:
    entry = registry.default(ModelRole.chat)
    messages = [{"role": "user", "content": ENGLISH * (entry.max_context // len(ENGLISH) + 1)}]  # more bytes than the context holds
    pool = EndpointPool(["http://127.0.0.1:9"])
    with pytest.raises(GenerationFailedError, match="leaves no room"):
        StructuredGenerator(entry, pool, counter=ByteBound())._cap_to_context(messages, 256)
    assert StructuredGenerator(entry, pool, counter=prompt_counter(tokenizer_dir))._cap_to_context(messages, 256) == 256

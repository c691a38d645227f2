"""Retrieval through real embeddings (all-MiniLM-L6-v2) and real embedded Qdrant."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from services.platform.runtime import Platform
from services.platform.settings import Settings
from services.strategies.candidates import INDICATORS, TEMPLATES, ensure_index, retrieve
from services.strategies.catalogue import default_catalogue
from tests.conftest import PlatformFactory

INTENTS = yaml.safe_load((Path(__file__).parents[1] / "data" / "strategy_intents.yaml").read_text())


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    platform = Platform(Settings(data_dir=tmp_path_factory.mktemp("index"), log_json=False))
    ensure_index(platform.index, default_catalogue())
    yield platform
    platform.close()


@pytest.mark.parametrize("item", INTENTS, ids=[i["intent"][:40] for i in INTENTS])
def test_expected_template_is_a_candidate(indexed: Platform, item: dict[str, str]) -> None:
    found = retrieve(indexed.index, item["intent"])
    assert item["template"] in [c.id for c in found.templates]
    assert len(found.indicators) == 5 and all(c.id in default_catalogue().indicators for c in found.indicators)


def test_exact_names_rank_first_with_hybrid_scoring(indexed: Platform) -> None:
    hits = retrieve(indexed.index, "Donchian channel system for crude oil")
    assert hits.templates[0].id == "donchian_breakout" and hits.templates[0].keyword == 1.0
    assert hits.indicators[0].id == "donchian"


def test_rebuilds_only_when_the_catalogue_changes(make_platform: PlatformFactory) -> None:
    platform = make_platform()
    catalogue = default_catalogue()
    progress: list[tuple[int, int]] = []
    assert ensure_index(platform.index, catalogue, lambda done, total: progress.append((done, total))) is True
    assert progress[-1] == (len(catalogue.indicators), len(catalogue.indicators))
    assert platform.index.version(TEMPLATES) == platform.index.version(INDICATORS) == catalogue.version
    assert ensure_index(platform.index, catalogue) is False
    changed = catalogue.model_copy(update={"version": "changed"})
    assert ensure_index(platform.index, changed) is True and platform.index.version(TEMPLATES) == "changed"

"""Backtest ingest: the sample set, every problem listed, all-or-nothing files, revisions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.reports import store
from services.app.reports_cli import import_paths
from services.reports.schemas import BacktestIn
from tests.conftest import PlatformFactory
from tests.reports.conftest import SAMPLES, sample
from tests.support.api import Api, api_for


@pytest.fixture
def offline_api(make_platform: PlatformFactory) -> Iterator[Api]:
    """The API without an LLM (ingest needs none)."""
    yield from api_for(make_platform(llm_base_urls=["http://127.0.0.1:9/v1"]))


def test_sample_set_is_broad_and_consistent() -> None:
    backtests = [store.load_file(path) for path in sorted(SAMPLES.glob("*.json"))]
    assert len(backtests) >= 12
    assert len({b.id.split("-")[0] for b in backtests}) >= 5  # asset classes
    assert len({b.strategy.template for b in backtests}) >= 8  # strategy types
    for backtest in backtests:  # the CAGR/total-return/period check runs on validation
        assert backtest.regimes and backtest.signals, backtest.id


def test_every_problem_listed_with_its_field_path(offline_api: Api) -> None:
    bad = sample("eq-us-ma-crossover")
    bad["kpis"]["max_drawdown"] = 0.2
    bad["kpis"]["win_rate"] = 1.5
    bad["period"]["start"] = "not-a-date"
    bad["regimes"][0]["colour"] = "red"
    response = offline_api.client.post("/backtests", json=bad, headers=offline_api.as_(Role.analyst))
    assert response.status_code == 422
    fields = {problem["field"] for problem in response.json()["error"]["details"]}
    assert {"body.kpis.max_drawdown", "body.kpis.win_rate", "body.period.start", "body.regimes.0.colour"} <= fields
    assert offline_api.client.get("/backtests", headers=offline_api.as_(Role.viewer)).json() == []


def test_numbers_that_disagree_are_rejected(offline_api: Api) -> None:
    bad = sample("eq-us-ma-crossover")
    bad["kpis"]["cagr"] = bad["kpis"]["cagr"] + 0.05
    response = offline_api.client.post("/backtests", json=bad, headers=offline_api.as_(Role.analyst))
    assert response.status_code == 422 and "disagrees with total_return" in response.text


def test_viewers_cannot_import(offline_api: Api) -> None:
    response = offline_api.client.post("/backtests", json=sample("eq-us-ma-crossover"), headers=offline_api.as_(Role.viewer))
    assert response.status_code == 403


def test_reimport_is_idempotent_and_changes_make_revisions(offline_api: Api) -> None:
    client, analyst = offline_api.client, offline_api.as_(Role.analyst)
    original = sample("eq-us-ma-crossover")
    assert client.post("/backtests", json=original, headers=analyst).json() == {"id": original["id"], "revision": 1, "created": True}
    again = client.post("/backtests", json=original, headers=analyst)
    assert again.status_code == 200 and again.json()["created"] is False
    original["kpis"]["sharpe"] = 0.99
    assert client.post("/backtests", json=original, headers=analyst).json()["revision"] == 2
    stored = client.get(f"/backtests/{original['id']}", headers=offline_api.as_(Role.viewer)).json()
    assert stored["revision"] == 2 and stored["backtest"]["kpis"]["sharpe"] == 0.99
    assert client.get("/backtests/nope", headers=analyst).status_code == 404


def test_batch_import_is_all_or_nothing_per_file(make_platform: PlatformFactory, tmp_path: Path) -> None:
    platform: Platform = make_platform()
    good = sorted(SAMPLES.glob("*.json"))[:3]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**sample("eq-us-ma-crossover"), "id": "broken", "kpis": {"sharpe": "high"}, "universe": []}))
    not_json = tmp_path / "truncated.json"
    not_json.write_text('{"id": "x", ')
    created, failures = import_paths(platform, [*good, broken, not_json])
    assert created == 3 and len(failures) == 2
    assert "kpis.sharpe" in failures[0] and "universe" in failures[0]
    assert "not readable JSON" in failures[1]
    with platform.db.session() as session:
        assert sorted(s.id for s in store.summaries(session)) == sorted(BacktestIn.model_validate_json(p.read_text()).id for p in good)

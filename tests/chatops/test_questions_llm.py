"""The top operational questions (data/chatops/top_questions.yaml), each asked through
`POST /chatops/ask` against the real vLLM server, embeddings, Qdrant, database and the
MarketDataService stand-in, in a world with known faults. Each answer must carry the tool
result that answers it, with the right facts, and cite or retrieve the right runbook.

The test model's weights are random, so its prose is noise and is not checked; what the product
guarantees is checked instead: the tool result's data, the key fact in its summary, and the
answer naming the question's subject in findings code stated, whatever the model wrote."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from services.chatops.top_questions import TopQuestion
from services.platform import audit
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import Settings
from services.app.products import build_products
from tests.chatops.conftest import MarketData
from tests.chatops.test_tools import failed_run
from tests.reports.conftest import import_samples
from tests.support.api import Api, api_for
from tests.support.marketdata import start, stop
from tests.support.ops_world import CHECKS, FEEDS, QUESTIONS, import_runbooks, write_components

pytestmark = pytest.mark.llm


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, llm_url: str) -> Iterator[tuple[Api, MarketData]]:
    """One platform with known faults: a failed kpi-rollup run, futures-cme 15 minutes behind,
    backtests with anomalies imported, one report cached and read again, the catalogue indexed."""
    root = tmp_path_factory.mktemp("chatops-world")
    process, port = start(root / "marketdata.jsonl", *(f"--feed={name}:{lag}" for name, lag in FEEDS.items()))
    marketdata = MarketData(f"http://127.0.0.1:{port}", process)
    settings = Settings(data_dir=root / "data", profile="tiny", log_json=False, llm_base_urls=[llm_url], components_file=write_components(root / "services.yaml", marketdata.url))
    platform = Platform(settings)
    platform.db.upgrade()
    products = build_products(platform)
    import_runbooks(products.chatops)
    import_samples(platform)
    products.strategies.retrieve("trend following")
    try:
        for api in api_for(platform):
            assert api.client.post("/pipelines/runs", json=failed_run(), headers=api.as_(Role.operator)).status_code == 201
            for _ in range(2):
                assert api.client.get("/backtests/cmd-crude-macd/report", headers=api.as_(Role.analyst)).status_code == 200
            marketdata.set_feed("futures-cme", lag_s=900)
            yield api, marketdata
    finally:
        stop(process)
        platform.close()


def ask(api: Api, question: str, role: Role = Role.viewer) -> dict[str, Any]:
    response = api.client.post("/chatops/ask", json={"question": question}, headers=api.as_(role))
    assert response.status_code == 200, response.text
    return response.json()


FAULTS = [top for top in QUESTIONS if top.world == "faults"]
MARKET_DATA_DOWN = next(top for top in QUESTIONS if top.world == "market-data-down")


@pytest.mark.parametrize("top", FAULTS, ids=[top.id for top in FAULTS])
def test_top_question_is_answered_by_the_tool_it_needs(world: tuple[Api, MarketData], top: TopQuestion) -> None:
    api, _ = world
    body = ask(api, top.question)
    cited = [r["id"] for r in body["runbooks"] if r["cited"]]
    assert cited and cited[0] in top.runbooks, body["runbooks"]
    results = [c for c in body["tool_calls"] if c["tool"] == top.tool and c["status"] == "ok"]
    assert results, [(c["tool"], c["status"], c["summary"]) for c in body["tool_calls"]]
    assert CHECKS[top.id](results[0]["data"]), results[0]
    assert top.summary in results[0]["summary"], results[0]["summary"]
    assert body["outcome"] in ("answered", "escalated", "needs_confirmation") and body["answer"]
    assert top.subject.lower() in body["answer"].lower(), body["answer"]
    assert all(r["id"] in {hit["id"] for hit in body["runbooks"]} for r in body["runbooks"] if r["cited"])
    assert not any(c["tool"] == "invalidate_cache" and c["status"] == "ok" for c in body["tool_calls"])  # a viewer never changes state


def test_market_data_down_is_seen_and_the_turn_is_audited(world: tuple[Api, MarketData]) -> None:
    """The tenth question, asked after the peer service is stopped: the probe sees it down."""
    api, marketdata = world
    marketdata.stop()
    body = ask(api, MARKET_DATA_DOWN.question)
    assert [r["id"] for r in body["runbooks"] if r["cited"]] == list(MARKET_DATA_DOWN.runbooks)
    assert "market-data is DOWN since" in body["answer"], body["answer"]
    health = next(c for c in body["tool_calls"] if c["tool"] == MARKET_DATA_DOWN.tool and c["status"] == "ok")
    assert CHECKS[MARKET_DATA_DOWN.id](health["data"]) and MARKET_DATA_DOWN.summary in health["summary"]
    freshness = next(c for c in body["tool_calls"] if c["tool"] == "market_data_freshness")
    assert freshness["status"] == "error" and "unreachable" in freshness["summary"]
    with api.platform.db.session() as session:
        entries = audit.entries(session, action_prefix="chatops.")
        turn = [e for e in entries if e.target == body["turn_id"] or e.id == body["audit_id"]]
        assert {e.action for e in turn} >= {"chatops.ask", "chatops.answer", "chatops.tool.service_health"}
        assert next(e for e in entries if e.id == body["audit_id"]).details["outcome"] == body["outcome"]
        assert audit.verify(session).ok


def test_viewer_schema_has_no_state_changing_tool_but_operator_does(world: tuple[Api, MarketData]) -> None:
    api, _ = world
    names = {role: {t["name"] for t in api.client.get("/chatops/tools", headers=api.as_(role)).json()} for role in (Role.viewer, Role.operator)}
    assert "invalidate_cache" not in names[Role.viewer] and "invalidate_cache" in names[Role.operator]
    assert names[Role.operator] - names[Role.viewer] == {"invalidate_cache"}

"""The eval world's `alerts` and `metrics` on real Prometheus and Alertmanager: what a case sets
is what the shipped toolsets find, no more (the shipped rules would fire on its gauges), and the
next case starts from nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from services.chatops.toolkit import Tool
from services.chatops.toolsets.loader import Toolsets
from services.demo import monitoring
from services.demo.eval_market import MarketData
from services.demo.eval_monitoring import Prometheus
from services.evaluation.suite import World
from services.platform.settings import REPO_ROOT

pytestmark = pytest.mark.skipif(not monitoring.available(), reason="Prometheus/Alertmanager binaries not installed (make install puts them there)")


@pytest.fixture
def world() -> Iterator[tuple[MarketData, Prometheus]]:
    market = MarketData()
    watched = Prometheus(market.port)
    try:
        yield market, watched
    finally:
        watched.stop()
        market.stop()


def rows(tool: Tool) -> list[dict]:
    return tool.run(tool.arguments()).data["rows"]


def test_a_case_sets_alerts_gauges_and_feeds_and_the_next_case_clears_them(world: tuple[MarketData, Prometheus]) -> None:
    market, watched = world
    toolsets = Toolsets(REPO_ROOT / "data" / "toolsets", [], environ=watched.environ)
    tools = {tool.name: tool for tool in toolsets.load()}
    assert {"prometheus_llm_queue", "alertmanager_alerts"} <= set(tools), toolsets.statuses

    case = World.model_validate({
        "feeds": {"fx-spot": {"lag_s": 200}},
        "alerts": [{"alertname": "PipelineFailed", "labels": {"pipeline": "kpi-rollup"}, "summary": "kpi-rollup failed"}],
        "metrics": [{"name": "vllm:num_requests_waiting", "labels": {"instance": "vllm-0:8100"}, "value": 14}],
    })
    market.set(case)
    watched.set(case)
    assert rows(tools["prometheus_llm_queue"]) == [{"instance": "vllm-0:8100", "value": 14.0}]
    time.sleep(2 * float(monitoring.FAST_FOR.rstrip("s")))  # long enough for LLMSaturated and FeedStale to fire, were rules sent anywhere
    assert [(a["alertname"], a["pipeline"]) for a in rows(tools["alertmanager_alerts"])] == [("PipelineFailed", "kpi-rollup")]
    assert [r["feed"] for r in rows(tools["prometheus_stale_feeds"])] == ["fx-spot"]

    market.set(World())
    watched.set(World())
    assert rows(tools["prometheus_llm_queue"]) == rows(tools["alertmanager_alerts"]) == rows(tools["prometheus_stale_feeds"]) == []

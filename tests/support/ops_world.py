"""The operations world ChatOps tests and `bench/chatops.py` share: the shipped runbooks, the
feeds the market-data stand-in serves, a components file pointing at it, and the top
operational questions (docs/chatops-questions.md) with what answers each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from services.chatops.service import ChatOpsService
from services.platform.audit import Caller
from services.platform.settings import REPO_ROOT

RUNBOOKS = REPO_ROOT / "data" / "runbooks"
FEEDS = {"equities-us": 2.0, "fx-spot": 1.0, "futures-cme": 5.0}
ADMIN = Caller(name="test-admin", role="admin")
Check = Callable[[Any], bool]


def write_components(path: Path, market_data_url: str) -> Path:
    """data/services.yaml with the market-data probe pointed at ``market_data_url``."""
    components = yaml.safe_load((REPO_ROOT / "data" / "services.yaml").read_text())
    components["components"]["market-data"]["health_url"] = f"{market_data_url}/health"
    path.write_text(yaml.safe_dump(components))
    return path


def import_runbooks(chatops: ChatOpsService) -> None:
    result = chatops.library.import_dir(RUNBOOKS, ADMIN, set(chatops.executor.tools))
    assert not result.failed, result.failed


def by(key: str, data: list[dict[str, Any]]) -> dict[str, Any]:
    return {row[key]: row for row in data}


# question, runbooks (any of), tool, check of its data, key fact its summary must state, what the answer opens with
QUESTIONS: list[tuple[str, str, str, Check, str, str]] = [
    ("Why did the kpi-rollup pipeline fail last night?", "rb-pipeline-failure|rb-kpi-rollup-late", "pipeline_status",
     lambda data: by("pipeline", data)["kpi-rollup"]["failed_tasks"] == ["upsert_kpis"], "FAILED", "kpi-rollup"),
    ("Is market data stale right now? Which feeds are behind?", "rb-stale-market-data", "market_data_freshness",
     lambda data: by("feed", data["feeds"])["futures-cme"]["status"] == "breach" and by("feed", data["feeds"])["equities-us"]["status"] == "ok", "futures-cme BREACH", "futures-cme"),
    ("Is the LLM server down? Generation calls fail with llm_unavailable.", "rb-llm-server-down", "service_health",
     lambda data: by("service", data)["vllm"]["status"] == "up", "vllm UP", "vllm"),
    ("The database is slow. Is the connection pool exhausted?", "rb-database-slow", "database_health",
     lambda data: data["select1_ms"] >= 0 and data["pool"]["checked_out"] <= data["pool"]["size"], "checked out of", "pool"),
    ("What is the hit ratio of the report cache?", "rb-report-cache", "cache_status",
     lambda data: by("name", data)["reports"]["entries"] == 1 and by("name", data)["reports"]["hits"] >= 1, "reports: 1 entries, hit ratio", "hit ratio"),
    ("Which backtests raised anomaly alerts like data gaps or slippage outliers?", "rb-anomaly-alerts", "recent_alerts",
     lambda data: any(a["source"] == "backtest_anomaly" and "cmd-crude-macd" in a["subject"] for a in data), "backtest_anomaly", "cmd-crude-macd"),
    ("Reports still show old KPIs after the KPI rollup, is the rollup late?", "rb-kpi-rollup-late|rb-report-cache", "pipeline_status",
     lambda data: by("pipeline", data)["kpi-rollup"]["status"] == "failed", "kpi-rollup run", "kpi-rollup"),
    ("The strategy builder cannot find templates. Is the vector index out of date?", "rb-vector-index", "cache_status",
     lambda data: by("name", data)["strategy-catalogue-index"]["entries"] > 0, "strategy-catalogue-index:", "strategy-catalogue-index"),
    ("What alerts fired in the last day?", "rb-anomaly-alerts|rb-pipeline-failure|rb-market-data-down", "recent_alerts",
     lambda data: any(a["source"] == "pipeline" and "kpi-rollup" in a["subject"] for a in data), " pipeline", "kpi-rollup"),
]

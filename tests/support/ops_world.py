"""The operations world ChatOps tests and `bench/chatops.py` share: the shipped runbooks, the
feeds the market-data stand-in serves, a components file pointing at it, and the top
operational questions (data/chatops/top_questions.yaml) with a check of each one's tool result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from services.chatops.service import ChatOpsService
from services.chatops.top_questions import top_questions
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


# What each top question's tool must return in the test world (data/chatops/top_questions.yaml).
CHECKS: dict[str, Check] = {
    "pipeline-failed": lambda data: by("pipeline", data)["kpi-rollup"]["failed_tasks"] == ["upsert_kpis"],
    "feeds-stale": lambda data: by("feed", data["feeds"])["futures-cme"]["status"] == "breach" and by("feed", data["feeds"])["equities-us"]["status"] == "ok",
    "llm-down": lambda data: by("service", data)["vllm"]["status"] == "up",
    "database-slow": lambda data: data["select1_ms"] >= 0 and data["pool"]["checked_out"] <= data["pool"]["size"],
    "report-cache": lambda data: by("name", data)["reports"]["entries"] == 1 and by("name", data)["reports"]["hits"] >= 1,
    "anomaly-alerts": lambda data: any(a["source"] == "backtest_anomaly" and "cmd-crude-macd" in a["subject"] for a in data),
    "rollup-late": lambda data: by("pipeline", data)["kpi-rollup"]["status"] == "failed",
    "vector-index": lambda data: by("name", data)["strategy-catalogue-index"]["entries"] > 0,
    "alerts-last-day": lambda data: any(a["source"] == "pipeline" and "kpi-rollup" in a["subject"] for a in data),
    "market-data-down": lambda data: by("service", data)["market-data"]["status"] == "down",
}
QUESTIONS = top_questions()

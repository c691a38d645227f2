"""Runbook choice from the question and the problems (pure logic, no model, no index)."""

from __future__ import annotations

from services.chatops.findings import Finding
from services.chatops.ranking import Query, by_cause, choose_runbook, excerpt
from services.chatops.runbooks import RunbookHit

DOWN = Finding("service_health", "market-data", "market-data is DOWN since 05:00: connection refused.", True)
FAILED = Finding("pipeline_status", "market-data-ingest", "Pipeline market-data-ingest run r1 failed at 05:05.", True)
ALERTS = Finding("recent_alerts", "backtests", "Backtests with anomaly alerts: bt-1.", True)


def hit(runbook_id: str, score: float, tools: list[str], services: list[str] | None = None) -> RunbookHit:
    return RunbookHit(runbook_id, runbook_id, score, "Symptoms", "text", tools, services or [])


def test_problems_are_ordered_from_the_most_basic() -> None:
    assert by_cause([ALERTS, FAILED, DOWN]) == [DOWN, FAILED, ALERTS]


def test_the_runbook_that_starts_from_the_basic_problems_tool_gets_the_bonus() -> None:
    by_question = [hit("rb-pipeline-failure", 0.50, ["pipeline_status"]), hit("rb-market-data-down", 0.45, ["service_health", "pipeline_status"])]
    assert choose_runbook(by_question, [], by_cause([FAILED, DOWN])[0]).id == "rb-market-data-down"
    assert choose_runbook(by_question, [], FAILED).id == "rb-pipeline-failure"  # listing the tool later earns nothing


def test_a_toolset_problem_no_runbook_names_gives_the_bonus_to_the_runbook_of_its_subject() -> None:
    stuck = Finding("pg_long_queries", "database", "PostgreSQL: session 7 (reports on reporting) has run one statement for 40 s: ...", True)
    by_question = [hit("rb-report-cache", 0.50, ["cache_status"], ["reports", "database"]), hit("rb-database-slow", 0.45, ["database_health"], ["database", "api"])]
    assert choose_runbook(by_question, [], stuck).id == "rb-database-slow"
    assert choose_runbook(by_question, [], None).id == "rb-report-cache"
    assert choose_runbook([hit("rb-a", 0.4, []), hit("rb-b", 0.3, [])], [hit("rb-b", 0.4, [])], None).id == "rb-b"  # 0.3 + 0.5 * 0.4


RUNBOOK = """---
id: rb-x
---
## Symptoms
- Queries take seconds.

## Fix
1. Cancel a runaway query first:
   `SELECT pg_cancel_backend(<pid>);` then terminate.
2. Reduce concurrency.
"""


def test_a_how_to_question_is_answered_with_whole_steps_that_fix() -> None:
    def embed(texts: list[str]) -> list[list[float]]:
        return [[1.0, 0.0] for _ in texts]  # every step equally similar: only the section decides

    assert excerpt(Query.of("How do I stop a runaway query?", embed), RUNBOOK, embed, items=1) == "Cancel a runaway query first: `SELECT pg_cancel_backend(<pid>);` then terminate."
    assert excerpt(Query.of("Why are queries slow?", embed), RUNBOOK, embed, items=1) == "Queries take seconds."

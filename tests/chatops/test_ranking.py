"""Runbook choice from the question and the problems (pure logic, no model, no index)."""

from __future__ import annotations

from services.chatops.findings import Finding
from services.chatops.ranking import Embed, Query, Ranked, Steps, by_cause, choose_runbook, excerpt, owned_by, referral, relevant, with_causes
from services.chatops.runbooks import RunbookHit

DOWN = Finding("service_health", "market-data", "market-data is DOWN since 05:00: connection refused.", True, down=True)
DEGRADED = Finding("service_health", "market-data", "market-data is DEGRADED since 05:00.", True)
VLLM_DOWN = Finding("service_health", "vllm", "vllm is DOWN since 05:00.", True, down=True)
UNREACHABLE = Finding("market_data_freshness", "market_data_freshness", "market_data_freshness could not answer: market-data unreachable.", True)
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

    assert excerpt(Steps.of(Query.of("How do I stop a runaway query?", embed), RUNBOOK, embed), items=1) == "Cancel a runaway query first: `SELECT pg_cancel_backend(<pid>);` then terminate."
    assert excerpt(Steps.of(Query.of("Why are queries slow?", embed), RUNBOOK, embed), items=1) == "Queries take seconds."


def test_a_down_component_named_in_a_problem_is_its_cause() -> None:
    assert with_causes([FAILED, UNREACHABLE], [UNREACHABLE, FAILED, DOWN, VLLM_DOWN]) == [DOWN, UNREACHABLE, FAILED]  # vllm is named nowhere
    assert with_causes([UNREACHABLE], [UNREACHABLE, DEGRADED]) == [UNREACHABLE]  # degraded explains nothing by itself


def test_a_down_components_runbook_is_the_one_it_owns_and_checks_it_first() -> None:
    hits = [hit("rb-pipeline-failure", 0.8, ["pipeline_status"], ["pipelines"]), hit("rb-stale-market-data", 0.5, ["market_data_freshness"], ["market-data"]),
            hit("rb-market-data-down", 0.4, ["service_health"], ["market-data"])]
    assert owned_by(hits, DOWN).id == "rb-market-data-down"
    assert owned_by(hits, VLLM_DOWN) is None


def test_the_best_finding_is_what_is_asked_about_when_it_is_a_problem() -> None:
    fine = Finding("service_health", "vllm", "vllm is up (40 ms).", False)
    query = Query("ingest keeps going red, whats it choking on", [1.0])
    assert relevant(query, [Ranked(FAILED, 0.3), Ranked(fine, 0.2)]) == [FAILED]
    assert relevant(query, [Ranked(fine, 0.3), Ranked(FAILED, 0.2)]) == []
    assert relevant(query, [Ranked(ALERTS, 0.3), Ranked(fine, 0.2)]) == []  # a standing problem the question does not touch


REFERRING = """---
id: rb-market-data-down
---
## Fix
1. Restart the service.
2. Backfill the gap once data flows: rerun the failed intervals (see `rb-pipeline-failure`).
3. Read alerts with care (see `rb-anomaly-alerts`).
"""


def handed(embed: Embed, question: str, asked: str = "") -> str | None:
    query = Query.of(question, embed, asked)
    return referral(query, Steps.of(query, REFERRING, embed))


def test_a_how_to_question_follows_the_step_that_hands_its_action_over() -> None:
    def embed(texts: list[str]) -> list[list[float]]:
        return [[1.0, 0.0] if "backfill" in text.lower() else [0.0, 1.0] for text in texts]  # the backfill step answers a backfill question

    assert handed(embed, "How do I backfill the missed intervals?") == "rb-pipeline-failure"
    assert handed(embed, "Backfill the missed intervals: is it safe?") is None  # no how-to question
    assert handed(embed, "어떻게 백필하나요? backfill", "어제 빠진 구간은 어떻게 백필하나요?") == "rb-pipeline-failure"  # Korean "how"

    def alerts_first(texts: list[str]) -> list[list[float]]:
        return [[1.0, 0.0] if "alerts" in text.lower() else [0.0, 1.0] for text in texts]

    assert handed(alerts_first, "How do I rerun the alerts check?") is None  # the step's action is "read", not asked

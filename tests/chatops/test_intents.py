"""What a question asks for, read by code (no model): changes and escalations are proposed only
when a sentence tells us to make one, never when it asks or reports."""

from __future__ import annotations

import pytest

from services.chatops.intents import asks_for_change, asks_how, asks_to_escalate, asks_who, identifiers, named


@pytest.mark.parametrize("question", [
    "Please clear the report cache.", "Can you just wipe the whole report cache?", "Need the cached report for eq-x-y invalidated.",
    "Drop the cached report for a-b-c please", "Reset the strategy catalogue index so it rebuilds.", "Restart the vLLM server, please.",
])
def test_instructions_to_change_something(question: str) -> None:
    assert asks_for_change(question)


@pytest.mark.parametrize("question", [
    "Why did the hit ratio drop after the reset?", "The report cache looks empty, anyone removed it?", "Someone cleared the cache yesterday.",
    "What happens if I reset the index?", "Is it safe to skip the manual rerun?",
])
def test_questions_and_reports_about_a_change_are_not_requests(question: str) -> None:
    assert not asks_for_change(question)


@pytest.mark.parametrize("question", ["리포트 캐시 비워 줘", "캐시 무효화해 주세요.", "vLLM 서버 재시작 부탁드립니다", "인덱스 재색인해 줄래?", "runbook-index 다시 빌드해 주실 수 있나요?"])
def test_korean_requests_for_a_change(question: str) -> None:
    assert asks_for_change(question)


@pytest.mark.parametrize("question", ["누가 캐시를 비웠나요?", "어제 캐시를 비웠어.", "캐시를 무효화하면 어떻게 되나요?", "인덱스를 재색인해야 하나요?"])
def test_korean_questions_and_reports_about_a_change_are_not_requests(question: str) -> None:
    assert not asks_for_change(question)


def test_korean_escalation_who_and_how() -> None:
    assert asks_to_escalate("market-data가 죽었어요. 온콜 호출해 주세요.") and not asks_to_escalate("온콜을 호출해야 하나요?")
    assert asks_who("시장 데이터 담당자가 누구예요?") and asks_how("백필은 어떻게 하나요?")


def test_escalation_is_an_instruction_not_a_question_or_a_noun() -> None:
    assert asks_to_escalate("market-data is unreachable. Escalate this to whoever owns it.")
    assert asks_to_escalate("Please get the on-call involved, market-data is dead")
    assert asks_to_escalate("Page the on-call now.")
    assert asks_to_escalate("market data is dark. get whoever owns it paged, now.")
    assert not asks_to_escalate("Do I need to page someone?")
    assert not asks_to_escalate("The report page loads slowly.")


def test_names_in_a_question() -> None:
    assert named("clear the report cache", "reports") and named("Reset the strategy catalogue index", "strategy-catalogue-index")
    assert not named("clear the report cache", "runbook-index")
    assert identifiers("Invalidate the cached report for eq-us-ma-crossover, its import was wrong") == ["eq-us-ma-crossover"]


def test_how_to_questions() -> None:
    assert asks_how("How do I backfill the missed intervals?") and asks_how("what should I check first")
    assert not asks_how("Why did the ingest run fail?") and not asks_how("How long has the feed been stale?")

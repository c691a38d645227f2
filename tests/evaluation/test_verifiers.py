"""Each failure names the `expect` key it breaks, so reports group and compare failures."""

from __future__ import annotations

from services.evaluation.suite import BuilderExpect, ChatOpsExpect, ReportsExpect
from services.evaluation.verifiers import (
    BuilderObservation,
    ChatOpsObservation,
    ReportsObservation,
    counts_builder,
    counts_chatops,
    counts_reports,
    verify_builder,
    verify_chatops,
    verify_reports,
)


def chatops(**overrides: object) -> ChatOpsObservation:
    values: dict = {"answer": "The risk-snapshot run failed at write: Permission denied.", "outcome": "answered",
                    "cited_runbooks": ["rb-job-failed"], "tools_run": ["pipeline_status"], "state_changes": []}
    return ChatOpsObservation(**{**values, **overrides})


def test_a_chatops_answer_with_every_expectation_passes() -> None:
    expect = ChatOpsExpect(facts=["risk-snapshot", "permission denied"], runbook="rb-job-failed", tools=["pipeline_status"], outcome="answered")
    assert verify_chatops(expect, chatops()) == []


def test_chatops_failures_start_with_their_key() -> None:
    expect = ChatOpsExpect(facts=["fx-spot"], runbook="rb-stale-market-data", tools=["market_data_freshness"], outcome="escalated")
    failures = verify_chatops(expect, chatops(state_changes=["invalidate_cache"]))
    assert [f.split(":")[0] for f in failures] == ["facts", "runbook", "tools", "outcome", "state_change"]
    assert failures[0] == "facts: missing 'fx-spot'" and failures[-1] == "state_change: proposed invalidate_cache"


def test_an_asked_for_change_must_be_proposed() -> None:
    assert verify_chatops(ChatOpsExpect(state_change=True), chatops()) == ["state_change: none proposed"]
    assert verify_chatops(ChatOpsExpect(state_change=True), chatops(state_changes=["invalidate_cache"])) == []


def test_builder_template_params_and_validity() -> None:
    expect = BuilderExpect(template="bollinger_reversion", params={"entry_std": [1.5, 3.0], "exit": "mid"})
    good = BuilderObservation("bollinger_reversion", {"entry_std": 2.0, "exit": "mid"}, [])
    assert verify_builder(expect, good) == []
    wrong = BuilderObservation("bollinger_reversion", {"entry_std": 4.0}, ["period: too short"])
    assert verify_builder(expect, wrong) == ["valid: period: too short", "params: entry_std=4.0 outside [1.5, 3.0]", "params: exit missing"]
    other = BuilderObservation("ma_crossover", {"fast_period": 5}, [])
    assert verify_builder(expect, other) == ["template: ma_crossover, expected bollinger_reversion"]


def test_reports_claims_mentions_contradictions_status() -> None:
    expect = ReportsExpect(min_claims=4, mention=["sharpe", "max_drawdown"], contradicted=0, status="verified")
    good = ReportsObservation(status="verified", checked_claims=5, contradicted=0, claimed_metrics=["sharpe"], text="Max drawdown was 12%.")
    assert verify_reports(expect, good) == []
    bad = ReportsObservation(status="needs_review", checked_claims=0, contradicted=1, claimed_metrics=[], text="")
    assert [f.split(":")[0] for f in verify_reports(expect, bad)] == ["min_claims", "mention", "mention", "contradicted", "status"]


def test_counts_beside_the_verdict() -> None:
    """What issue 17's "done when" is stated in: the model's template next to retrieval's,
    verified reports with a contradiction, state changes nobody asked for."""
    expect = BuilderExpect(template="ma_crossover")
    seen = BuilderObservation("macd_momentum", {}, [], retrieved_template="ma_crossover")
    assert counts_builder(expect, seen) == {"template by the model": False, "template by retrieval alone": True, "invalid draft": False}
    report = ReportsObservation(status="verified", checked_claims=3, contradicted=1, claimed_metrics=[], text="", withheld=2)
    assert counts_reports(ReportsExpect(), report) == {
        "verified": True, "verified with a contradiction": True, ">= 4 checked claims": False, "prose withheld as degenerate": True,
    }
    assert counts_chatops(ChatOpsExpect(), chatops(state_changes=["invalidate_cache"])) == {"unasked state change": True}
    assert counts_chatops(ChatOpsExpect(state_change=True), chatops(state_changes=["invalidate_cache"])) == {"unasked state change": False}


def test_a_korean_suite_wants_an_answer_that_opens_in_korean() -> None:
    korean = chatops(answer="파이프라인 risk-snapshot 실행 r1: 05:10Z 실패 - 태스크 write 오류: Permission denied.")
    assert verify_chatops(ChatOpsExpect(facts=["risk-snapshot"]), korean, "ko") == []
    assert verify_chatops(ChatOpsExpect(facts=["risk-snapshot"]), chatops(), "ko") == ["lang: the answer opens in en, the suite is ko"]
    assert verify_chatops(ChatOpsExpect(), korean) == ["lang: the answer opens in ko, the suite is en"]

"""The plan's metrics (section 7) against a seeded set of events with known answers, the route,
the CLI, and the two events added for them: reviewer ratings and resolved conversations."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from services.chatops.models import ChatTurn, Escalation, Resolution
from services.platform import audit, auth
from services.platform.audit import Caller
from services.platform.db import Database
from services.app.products import PLAN_METRICS
from services.operations.metrics_summary import InvalidWindow, parse_window
from services.platform.models import AuditEntry
from services.platform.permissions import Permission, Role, allowed
from services.reports.models import Report, ReportRequest, ReportReview
from services.strategies.models import StrategyDraft, StrategyDraftRevision
from tests.cli.test_cli import cli, cli_env
from tests.conftest import PlatformFactory
from tests.reports.conftest import import_samples
from tests.support.api import Api, api_for

WINDOW = ("2026-03-01", "2026-03-31")  # [2026-03-01T00:00Z, 2026-04-01T00:00Z)
BACKTEST = "eq-us-ma-crossover"


def t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# --- the seeded events -----------------------------------------------------------------------


def seed(db: Database) -> None:
    """One known set of events in and around March 2026; EXPECTED is what they must give."""
    now = {"at": t("2026-03-01T00:00:00")}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(audit, "utcnow", lambda: now["at"])  # audit entries stamped at the event's time, chain intact

        def record(at: str, caller: str, action: str, target: str, details: dict[str, Any], decision: str = "allowed") -> None:
            now["at"] = t(at)
            with db.session() as session:
                audit.record(session, Caller(caller, "analyst"), action, target, details, decision=decision)  # type: ignore[arg-type]

        # D1 generations: (time, supported, contradicted, unverifiable, generation_ms, guardrail flags)
        for at, supported, contradicted, unverifiable, ms, flags in [
            ("2026-02-28T23:59:59", 100, 0, 0, 9.0, []),  # before the window
            ("2026-03-02T10:00:00", 8, 0, 0, 1000.0, []),
            ("2026-03-05T10:00:00", 5, 1, 2, 3000.0, []),
            ("2026-03-10T10:00:00", 6, 0, 0, 2000.0, ["output:injection"]),  # passes the fact check, flagged by a guardrail
            ("2026-03-31T23:00:00", 1, 0, 1, 5000.0, []),
            ("2026-04-01T00:00:00", 100, 100, 0, 9.0, []),  # the end is exclusive
        ]:
            verdict_ok = contradicted == unverifiable == 0
            record(at, "ana", "reports.generate", BACKTEST, {
                "revision": 1, "status": "verified" if verdict_ok and not flags else "needs_review", "supported": supported,
                "contradicted": contradicted, "unverifiable": unverifiable, "generation_ms": ms, "prompt_version": "1.0.0", "guardrail_flags": flags,
            })
        # an entry from before claim counts and times were recorded: counts for generated and passed only
        record("2026-03-20T10:00:00", "ana", "reports.generate", BACKTEST, {"revision": 1, "status": "verified", "contradicted": 0, "unverifiable": 0})

        # D3 questions: (time, asker); a blocked question is audited as denied
        for at, asker in [
            ("2026-02-28T12:00:00", "dave"), ("2026-03-02T09:00:00", "alice"), ("2026-03-02T10:00:00", "alice"), ("2026-03-02T12:00:00", "bob"),
            ("2026-03-03T09:00:00", "alice"), ("2026-03-31T23:30:00", "carol"),
        ]:
            record(at, asker, "chatops.ask", "turn", {"question": "why?", "conversation_id": "c", "channel": "api"})
        record("2026-03-03T10:00:00", "mallory", "chatops.ask", "turn", {"blocked": "injection"}, decision="denied")

    with db.session() as session:
        report = Report(
            cache_key="seed", backtest_id=BACKTEST, revision=1, prompt_id="reports.narrative", prompt_version="1.0.0", prompt_hash="h", model="m",
            schema_version="1", narrative={}, text="", factcheck={}, status="approved", generated_by="ana", generated_at=t("2026-03-02T10:00:00"),
            generation_ms=1.0,
        )
        session.add(report)
        session.flush()
        for at, rating in [("2026-03-03T00:00:00", 4), ("2026-03-06T00:00:00", 5), ("2026-03-07T00:00:00", None), ("2026-03-15T00:00:00", 2),
                           ("2026-04-02T00:00:00", 1)]:
            session.add(ReportReview(report_id=report.id, reviewer="rita", decision="approve", rating=rating, comment="", created_at=t(at)))
        for at, cache in [*[("2026-03-04T00:00:00", "hit")] * 3, ("2026-03-04T00:00:00", "miss"), *[("2026-03-04T00:00:00", "bypass")] * 2,
                          *[("2026-02-01T00:00:00", "hit")] * 5]:
            session.add(ReportRequest(requested_at=t(at), backtest_id=BACKTEST, revision=1, requested_by="ana", cache=cache))

        # D2 drafts: (id, created, status, [(revision time, source, invalid)])
        march, february = "2026-03-10T00:00:00", "2026-02-20T00:00:00"
        for draft_id, created, status, revisions in [
            ("d1", march, "approved", [(march, "generated", False)]),
            ("d2", march, "approved", [(march, "generated", True), ("2026-03-11T00:00:00", "instruction", False), ("2026-03-12T00:00:00", "edit", False)]),
            ("d3", march, "rejected", [(march, "generated", False)]),
            ("d4", march, "pending_approval", [(march, "generated", False)]),
            ("d5", march, "invalid", [(march, "generated", True)]),
            ("old", february, "approved", [(february, "generated", True), ("2026-03-01T00:00:00", "instruction", False)]),
        ]:
            session.add(StrategyDraft(
                id=draft_id, intent="x", constraints={}, author="ana", status=status, revision=len(revisions), config={}, rationale="",
                candidates=[], validation_errors=[], repairs=0, prompt_id="strategies.draft", prompt_version="1", model="m",
                catalogue_version="v", created_at=t(created), updated_at=t(created),
            ))
            session.flush()
            for number, (at, source, invalid) in enumerate(revisions, 1):
                session.add(StrategyDraftRevision(
                    draft_id=draft_id, revision=number, source=source, config={}, validation_errors=["bad"] if invalid else [],
                    repairs=0, created_by="ana", created_at=t(at),
                ))

        # D3 turns: (conversation, turn, asker, stored at, latency ms); escalations by turn; resolutions
        for conversation, turn, asker, at, latency in [
            ("c1", "t1", "alice", "2026-03-02T10:00:30", 30_000), ("c1", "t2", "alice", "2026-03-02T10:05:00", 1000),
            ("c2", "t3", "bob", "2026-03-02T12:00:00", 0),
            ("c3", "t4", "alice", "2026-03-03T09:00:00", 0),
            ("c4", "t5", "carol", "2026-04-01T00:00:10", 20_000),  # asked at 2026-03-31T23:59:50, answered after the window
            ("old", "t6", "dave", "2026-02-28T10:00:00", 0), ("old", "t7", "dave", "2026-03-05T10:00:00", 0),  # started before the window
        ]:
            session.add(ChatTurn(
                id=turn, conversation_id=conversation, asked_by=asker, channel="api", question="why?", outcome="answered", answer="because",
                tool_calls=[], runbooks=[], steps=1, latency_ms=latency, created_at=t(at),
            ))
        for escalation, turn, at in [("e1", "t3", "2026-03-02T12:00:00"), ("e2", "t7", "2026-03-05T10:00:00"), ("e3", "t6", "2026-02-28T10:00:00")]:
            session.add(Escalation(
                id=escalation, turn_id=turn, service="kpi-rollup", severity="high", summary="s", evidence=[], suggested_oncall="ops",
                status="open", created_by="x", created_at=t(at),
            ))
        for conversation, by, at in [("c1", "alice", "2026-03-02T11:00:00"), ("c2", "olga", "2026-03-02T14:00:00"),
                                     ("c4", "carol", "2026-04-01T00:10:00"), ("old", "dave", "2026-03-06T00:00:00")]:
            session.add(Resolution(conversation_id=conversation, resolved_by=by, resolved_at=t(at), note=""))


EXPECTED = {
    "window": {"start": "2026-03-01T00:00:00Z", "end": "2026-04-01T00:00:00Z"},
    "narrative": {
        "reports_generated": 5,
        "fact_check_pass_rate": 0.6,  # 03-02, 03-10 (flagged, still passes the check) and the old-style 03-20 entry
        "claims_checked": 24,  # 8 + (5+1+2) + 6 + (1+0+1); the 03-20 entry has no counts
        "claims_verified": 20,
        "factual_accuracy": 0.8333,
        "reviews": 4,
        "rated_reviews": 3,
        "reviewer_satisfaction": 3.6667,  # (4 + 5 + 2) / 3
        "processing_ms_p50": 2000.0,  # nearest rank of [1000, 2000, 3000, 5000]
        "processing_ms_p95": 5000.0,
        "report_requests": 4,  # 3 hits + 1 miss; refreshes do not ask the cache
        "cache_hits": 3,
        "cache_hit_rate": 0.75,
    },
    "builder": {
        "drafts_generated": 5,
        "drafts_decided": 3,
        "drafts_approved": 2,
        "approval_conversion": 0.6667,
        "mean_revisions_per_approved": 2.0,  # d1: 1, d2: 3
        "generations": 7,  # d1 1, d2 2 (the edit is not a generation), d3 1, d4 1, d5 1, and old's March instruction
        "generations_invalid": 2,
        "validation_failure_rate": 0.2857,
    },
    "chatops": {
        "questions": 5,
        "active_users": 3,
        "active_days": 3,
        "daily_active_users": 1.3333,  # 03-02 {alice, bob}, 03-03 {alice}, 03-31 {carol}
        "conversations": 4,  # c1, c2, c3, c4 (asked in the window although answered after it)
        "resolved": 3,
        "mean_time_to_resolution_s": 3803.3,  # (3600 + 7200 + 610) / 3
        "escalations": 2,  # e1, e2 (on an older conversation's turn in March)
        "escalations_avoided": 2,  # c1, c4
    },
}


# --- the computation on each database ----------------------------------------------------------


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.upgrade()
    yield database
    database.engine.dispose()


def test_every_metric_of_a_seeded_window(db: Database) -> None:
    seed(db)
    with db.session() as session:
        summary = PLAN_METRICS.summarize(session, *parse_window(*WINDOW))
        assert audit.verify(session).ok  # seeding went through the real chain
    assert json.loads(summary.model_dump_json()) == EXPECTED

    with db.session() as session:
        empty = PLAN_METRICS.summarize(session, t("2025-01-01T00:00:00"), t("2025-02-01T00:00:00"))
    assert empty.narrative.reports_generated == 0 and empty.narrative.factual_accuracy is None and empty.narrative.processing_ms_p50 is None
    assert empty.builder.approval_conversion is None and empty.chatops.daily_active_users is None and empty.chatops.mean_time_to_resolution_s is None


def test_windows() -> None:
    now = t("2026-05-10T12:00:00")
    assert parse_window(None, None, now=now) == (now - timedelta(days=30), now)
    assert parse_window("2026-03-01", None, now=now) == (t("2026-03-01T00:00:00"), now)
    assert parse_window(None, "2026-03-31") == (t("2026-03-02T00:00:00"), t("2026-04-01T00:00:00"))  # 30 days before the end
    assert parse_window("2026-03-01T09:00:00+09:00", "2026-03-01T12:00:00Z") == (t("2026-03-01T00:00:00"), t("2026-03-01T12:00:00"))
    assert parse_window("2026-03-01T09:00:00 09:00", "2026-03-01T12:00:00")[0] == t("2026-03-01T00:00:00")  # '+' sent unencoded in a URL
    assert parse_window("2026-03-01", "2026-03-01") == (t("2026-03-01T00:00:00"), t("2026-03-02T00:00:00"))  # a whole day
    with pytest.raises(InvalidWindow, match="must be before") as reversed_:
        parse_window("2026-03-02", "2026-03-01")
    assert reversed_.value.status == 400 and reversed_.value.param == "from"
    with pytest.raises(InvalidWindow, match="`to` must be an ISO date") as unreadable:
        parse_window(None, "last week")
    assert unreadable.value.param == "to"
    for start, end in [(None, "9999-12-31"), (None, "0001-01-01")]:  # past the calendar: 400, not 500
        with pytest.raises(InvalidWindow):
            parse_window(start, end)


def test_metrics_permission_is_for_analysts_and_up() -> None:
    assert not allowed(Role.viewer, Permission.metrics_read)
    assert all(allowed(role, Permission.metrics_read) for role in (Role.analyst, Role.reviewer, Role.operator, Role.admin))


# --- the route, ratings and resolutions through the API -----------------------------------------


@pytest.fixture
def offline_api(make_platform: PlatformFactory) -> Iterator[Api]:
    """The API on SQLite with no LLM."""
    yield from api_for(make_platform(llm_base_urls=["http://127.0.0.1:9/v1"]))


def test_summary_route(offline_api: Api) -> None:
    api = offline_api
    seed(api.platform.db)
    query = {"from": WINDOW[0], "to": WINDOW[1]}
    assert api.client.get("/metrics/summary", params=query).status_code == 401
    denied = api.client.get("/metrics/summary", params=query, headers=api.as_(Role.viewer))
    assert denied.status_code == 403 and "metrics.read" in denied.json()["error"]["message"]
    answered = api.client.get("/metrics/summary", params=query, headers=api.as_(Role.analyst))
    assert answered.status_code == 200, answered.text
    assert answered.json() == EXPECTED
    assert api.client.get("/metrics/summary", headers=api.as_(Role.operator)).json()["window"]["end"] > "2026-04"  # default: the last 30 days

    reversed_ = api.client.get("/metrics/summary", params={"from": "2026-04-01", "to": "2026-03-01"}, headers=api.as_(Role.analyst))
    error = reversed_.json()["error"]
    assert reversed_.status_code == 400 and error["param"] == "from" and "`from` (2026-04-01) must be before `to` (2026-03-01)" in error["message"]
    unreadable = api.client.get("/metrics/summary", params={"to": "soon"}, headers=api.as_(Role.analyst))
    assert unreadable.status_code == 400 and unreadable.json()["error"]["param"] == "to"
    assert api.client.get("/metrics", headers=api.as_(Role.analyst)).headers["content-type"].startswith("text/plain")  # Prometheus, untouched


def test_review_rating_is_required_stored_and_audited_and_requests_are_recorded(offline_api: Api) -> None:
    api, reviewer = offline_api, offline_api.as_(Role.reviewer)
    import_samples(api.platform, BACKTEST, "fx-eurusd-bollinger")
    service = api.client.app.state.reports
    with api.platform.db.session() as session:  # a stored report, as a generation leaves it (no LLM needed)
        session.add(Report(
            cache_key=service.cache_key(session, BACKTEST, 1), backtest_id=BACKTEST, revision=1, prompt_id="reports.narrative", prompt_version="1.0.0",
            prompt_hash="h", model=api.platform.chat_model.name, schema_version="1", narrative={}, text="The strategy did well.",
            factcheck={"verdict": "verified", "supported": 0, "contradicted": 0, "unverifiable": 0, "findings": []}, status="needs_review",
            generated_by="ana", generation_ms=5.0,
        ))
    path = f"/backtests/{BACKTEST}/report/review"
    missing = api.client.post(path, json={"decision": "approve"}, headers=reviewer)
    assert missing.status_code == 422 and "rating" in missing.text
    assert api.client.post(path, json={"decision": "approve", "rating": 6}, headers=reviewer).status_code == 422
    assert api.client.post(path, json={"decision": "approve", "rating": 0}, headers=reviewer).status_code == 422
    approved = api.client.post(path, json={"decision": "approve", "rating": 4, "comment": "clear"}, headers=reviewer)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    with api.platform.db.session() as session:
        assert session.scalars(select(ReportReview.rating)).all() == [4]
        details = session.scalars(select(AuditEntry.details).where(AuditEntry.action == "reports.review")).one()
    assert details["rating"] == 4 and details["decision"] == "approve"

    viewer = api.as_(Role.viewer)
    assert api.client.get(f"/backtests/{BACKTEST}/report", headers=viewer).status_code == 200  # hit
    assert api.client.get("/backtests/fx-eurusd-bollinger/report", headers=viewer).status_code == 503  # miss; the LLM is down
    assert api.client.get(f"/backtests/{BACKTEST}/report?refresh=true", headers=api.as_(Role.analyst)).status_code == 200  # bypass, served stale
    with api.platform.db.session() as session:
        requests = session.execute(select(ReportRequest.backtest_id, ReportRequest.cache, ReportRequest.requested_by).order_by(ReportRequest.id)).all()
    assert requests == [(BACKTEST, "hit", "viewer-user"), ("fx-eurusd-bollinger", "miss", "viewer-user"), (BACKTEST, "bypass", "analyst-user")]
    summary = api.client.get("/metrics/summary", headers=api.as_(Role.analyst)).json()["narrative"]
    assert (summary["reviewer_satisfaction"], summary["report_requests"], summary["cache_hits"], summary["cache_hit_rate"]) == (4.0, 2, 1, 0.5)


def add_turns(api: Api, conversation: str, asker: str, *created: datetime) -> None:
    with api.platform.db.session() as session:
        for number, at in enumerate(created):
            session.add(ChatTurn(
                id=f"{conversation}-{number}", conversation_id=conversation, asked_by=asker, channel="api", question="why?", outcome="answered",
                answer="because", tool_calls=[], runbooks=[], steps=1, latency_ms=2000, created_at=at,
            ))


def test_resolve_a_conversation(offline_api: Api) -> None:
    api = offline_api
    started = datetime.now(UTC) - timedelta(minutes=10)
    add_turns(api, "conv-1", "viewer-user", started, started + timedelta(minutes=2))
    add_turns(api, "conv-2", "analyst-user", started)
    with api.platform.db.session() as session:
        session.add(Escalation(id="esc", turn_id="conv-2-0", service="kpi-rollup", severity="high", summary="s", evidence=[],
                               suggested_oncall="ops", status="open", created_by="analyst-user"))

    def resolve(conversation: str, role: Role, body: dict[str, str] | None = None) -> Any:
        return api.client.post(f"/chatops/conversations/{conversation}/resolve", json=body, headers=api.as_(role))

    assert resolve("nope", Role.viewer).status_code == 404
    other = resolve("conv-1", Role.analyst)  # not the asker, not an operator
    assert other.status_code == 403 and "only the asker (viewer-user) or an operator" in other.json()["error"]["message"]
    done = resolve("conv-1", Role.viewer, {"note": "restarted the rollup"})
    assert done.status_code == 200, done.text
    body = done.json()
    assert (body["resolved_by"], body["asked_by"], body["turns"], body["escalated"], body["note"]) == ("viewer-user", "viewer-user", 2, False, "restarted the rollup")
    assert 600 <= body["time_to_resolution_s"] < 700  # from the first question (asked 2 s before its turn was stored)
    again = resolve("conv-1", Role.operator)
    assert again.status_code == 409 and "already resolved by viewer-user" in again.json()["error"]["message"]
    by_operator = resolve("conv-2", Role.operator)  # no body: the note is optional
    assert by_operator.status_code == 200 and by_operator.json()["escalated"] is True and by_operator.json()["note"] == ""

    with api.platform.db.session() as session:
        entries = session.execute(select(AuditEntry.actor, AuditEntry.target, AuditEntry.decision).where(AuditEntry.action == "chatops.resolve").order_by(AuditEntry.id)).all()
        assert session.get(Resolution, "conv-2").resolved_by == "operator-user"
    assert entries == [("analyst-user", "conv-1", "denied"), ("viewer-user", "conv-1", "allowed"), ("operator-user", "conv-2", "allowed")]
    chatops = api.client.get("/metrics/summary", headers=api.as_(Role.analyst)).json()["chatops"]
    assert (chatops["conversations"], chatops["resolved"], chatops["escalations"], chatops["escalations_avoided"]) == (2, 2, 1, 1)


# --- the CLI -------------------------------------------------------------------------------------


def run_metrics(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`insightstack metrics ...` as a process."""
    return subprocess.run(cli("metrics", *args), capture_output=True, text=True, env=cli_env(tmp_path), timeout=120)


@pytest.mark.slow  # runs the CLI as processes
def test_metrics_and_resolve_commands(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'var' / 'insightstack.db'}")
    db.upgrade()
    seed(db)
    with db.session() as session:
        _, olga = auth.create_user(session, "olga", Role.operator)
    db.engine.dispose()

    as_json = run_metrics(tmp_path, "--from", WINDOW[0], "--to", WINDOW[1], "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == EXPECTED
    table = run_metrics(tmp_path, "--from", WINDOW[0], "--to", WINDOW[1])
    assert table.returncode == 0 and "cache_hit_rate" in table.stdout and "0.75" in table.stdout and "3803.3" in table.stdout
    reversed_ = run_metrics(tmp_path, "--from", "2026-04-01", "--to", "2026-03-01")
    assert reversed_.returncode == 2 and "must be before" in reversed_.stderr

    resolved = subprocess.run(cli("chatops", "resolve", "c3", "--key", olga, "--note", "fixed"), capture_output=True, text=True, env=cli_env(tmp_path), timeout=120)
    assert resolved.returncode == 0, resolved.stdout + resolved.stderr
    assert "conversation c3 resolved by olga" in resolved.stdout and "not escalated" in resolved.stdout
    again = subprocess.run(cli("chatops", "resolve", "c3", "--key", olga), capture_output=True, text=True, env=cli_env(tmp_path), timeout=120)
    assert again.returncode == 1 and "already resolved by olga" in again.stdout

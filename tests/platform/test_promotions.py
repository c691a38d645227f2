"""Promotion to production: the eval gate, four eyes, the audit trail and the release record."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select

from services.app.operations import promotions_of, releases_of
from services.evaluation import records
from services.evaluation.models import EvalRun
from services.evaluation.gate import passing_run
from services.platform import auth, prompt_labels
from services.platform.cli_identity import Actor, cli_actor
from services.platform.db import Database, alembic_config
from services.platform.errors import Conflict, Forbidden, NotAuthenticated
from services.platform.models import AuditEntry, PromotionRequest
from services.platform.permissions import Permission
from services.platform.runtime import Platform
from tests.cli.test_cli import run as run_cli
from tests.conftest import PlatformFactory
from tests.support.eval_runs import document, suite

PROMPT = "reports.narrative"


def admins(platform: Platform, *names: str) -> list[Actor]:
    """One admin per name, acting through its own API key as the CLI does."""
    with platform.db.session() as session:
        keys = [auth.create_user(session, name, "admin")[1] for name in names]
    return [cli_actor(platform.db, key, Permission.prompts_promote, "prompts.promote", key_required=True) for key in keys]


def audit_trail(platform: Platform) -> list[tuple[str, str, str, dict]]:
    with platform.db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action.startswith("prompts.")).order_by(AuditEntry.id)).all()
        return [(e.action, e.actor, e.decision, e.details) for e in entries]


def test_the_migration_applies_and_downgrades_on_sqlite(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    db.upgrade()
    tables = set(inspect(db.engine).get_table_names())
    assert {"eval_runs", "promotion_requests"} <= tables and "eval_runs" in {c["name"] for c in inspect(db.engine).get_columns("releases")}
    command.downgrade(alembic_config(db.url), "0008_metrics")
    assert db.current_revision() == "0008_metrics"
    db.engine.dispose()
    tables = set(inspect(db.engine).get_table_names())
    assert not {"eval_runs", "promotion_requests"} & tables and "eval_runs" not in {c["name"] for c in inspect(db.engine).get_columns("releases")}
    db.upgrade()
    assert "eval_runs" in set(inspect(db.engine).get_table_names())
    db.engine.dispose()


def test_the_gate_needs_a_run_of_that_version_at_the_floor_on_every_product_suite(make_platform: PlatformFactory) -> None:
    platform = make_platform()  # floor 0.5 by default
    with platform.db.session() as session, pytest.raises(Conflict, match=r"no recorded eval run measured reports.narrative 1.0.0: .*eval run .*--record"):
        passing_run(session, PROMPT, "1.0.0", 0.5)

    records.record(platform.db, document(suite("builder", 4)))  # measures the builder's prompt only
    with platform.db.session() as session, pytest.raises(Conflict, match=r"no recorded eval run measured reports.narrative 1.0.0"):
        passing_run(session, PROMPT, "1.0.0", 0.5)

    records.record(platform.db, document(suite("reports", 4, 1), suite("reports", 1, 3, lang="de")))  # 80% and 25%
    with platform.db.session() as session, pytest.raises(Conflict, match=r"floor 50% on every reports suite; the newest, run 2 .* below it: reports.yaml 25%"):
        passing_run(session, PROMPT, "1.0.0", 0.5)

    at_floor = records.record(platform.db, document(suite("reports", 1, 1), suite("builder", 0, 2)))  # 50%; other products do not count
    records.record(platform.db, document(suite("reports", 0, 2), model="insightstack-tiny"))  # newer, below: the gate takes any qualifying run
    with platform.db.session() as session:
        assert passing_run(session, PROMPT, "1.0.0", 0.5) == at_floor.id
        with pytest.raises(Conflict, match="no recorded eval run measured reports.narrative 1.1.0"):
            passing_run(session, PROMPT, "1.1.0", 0.5)  # a run of another version is no evidence
        assert passing_run(session, "platform.market_brief", "1.0.0", 0.5) is None  # no product suite measures it: no gate


def test_the_floor_comes_from_the_settings(make_platform: PlatformFactory) -> None:
    platform = make_platform(eval_promotion_floor=0.9)
    records.record(platform.db, document(suite("reports", 4, 1)))  # 80%
    (requester,) = admins(platform, "ana")
    with pytest.raises(Conflict, match="floor 90%"):
        promotions_of(platform).request(requester, PROMPT, "1.0.0", "ship it")
    with platform.db.session() as session:
        assert session.scalars(select(PromotionRequest)).all() == []


def test_four_eyes_a_second_admin_applies_the_request_both_audited(make_platform: PlatformFactory) -> None:
    platform = make_platform()
    run = records.record(platform.db, document(suite("reports", 3, 1)))
    ana, ben = admins(platform, "ana", "ben")
    pending = promotions_of(platform).request(ana, PROMPT, "1.0.0", "eval run on smollm2 passed")
    assert pending.status == "pending" and pending.eval_run_id == run.id
    with platform.db.session() as session:
        assert prompt_labels.labelled_version(session, PROMPT, "production") is None  # nothing changes until a second admin approves

    with pytest.raises(Forbidden, match="four eyes: ana asked for promotion request 1"):
        promotions_of(platform).approve(ana, pending.id, "looks fine to me")
    done = promotions_of(platform).approve(ben, pending.id, "checked eval run 1")
    assert (done.label.env, done.label.version, done.label.promoted_by) == ("production", "1.0.0", "ben")
    assert (done.request.status, done.request.approved_by, done.request.eval_run_id) == ("applied", "ben", run.id)
    assert done.release.env == "production" and done.release.prompt_labels == {PROMPT: "1.0.0"} and done.release.eval_runs == {PROMPT: run.id}
    with pytest.raises(Conflict, match="promotion request 1 is applied .by ben"):
        promotions_of(platform).approve(ben, pending.id, "again")

    cli = {"via": "cli", "os_user": getpass.getuser()}
    evidence = {"request": 1, "requested_by": "ana", "eval_run": run.id}
    assert audit_trail(platform) == [
        ("prompts.promotion_request", "ana", "allowed", {"version": "1.0.0", "reason": "eval run on smollm2 passed", **evidence, **cli}),
        ("prompts.promotion_approve", "ana", "denied", {"version": "1.0.0", **evidence, "approval_reason": "looks fine to me", **cli, "reason": "four eyes: ana asked for promotion request 1, so a different admin must approve it"}),
        ("prompts.promotion_approve", "ben", "allowed", {"version": "1.0.0", **evidence, "approval_reason": "checked eval run 1", **cli}),
        ("prompts.promote", "ben", "allowed", {
            "version": "1.0.0", "previous": None, "reason": "eval run on smollm2 passed", "hash": platform.prompts.get(PROMPT, "1.0.0").content_hash(),
            **evidence, "approval_reason": "checked eval run 1", **cli,
        }),
    ]
    assert releases_of(platform).record("production").id == done.release.id  # a later start-up derives the same eval run: no new record


def test_a_prompt_no_suite_measures_still_needs_a_second_admin(make_platform: PlatformFactory) -> None:
    platform = make_platform()
    ana, ben = admins(platform, "ana", "ben")
    pending = promotions_of(platform).request(ana, "platform.market_brief", "1.0.0", "brief reviewed")
    assert pending.eval_run_id is None
    done = promotions_of(platform).approve(ben, pending.id, "ok")
    assert done.label.version == "1.0.0" and done.release.eval_runs is None


def test_the_acting_admin_is_the_holder_of_an_api_key(make_platform: PlatformFactory) -> None:
    platform = make_platform()
    with platform.db.session() as session:
        analyst = auth.create_user(session, "ann", "analyst")[1]
        admin = auth.create_user(session, "ada", "admin")[1]

    def actor(key: str | None, *, key_required: bool = True) -> Actor:
        return cli_actor(platform.db, key, Permission.prompts_promote, "prompts.promote", key_required=key_required)

    with pytest.raises(NotAuthenticated, match="prompts.promote needs the API key of a user allowed to do it: --key or INSIGHTSTACK_API_KEY"):
        actor(None)
    with pytest.raises(NotAuthenticated, match="invalid or disabled"):
        actor("isk_not-a-key")
    with pytest.raises(Forbidden, match="ann is analyst: prompts.promote is not theirs to do"):
        actor(analyst)
    assert actor(admin).caller.name == "ada"
    without_key = actor(None, key_required=False)  # dev and staging: the OS account, never a typed name
    assert without_key.caller.name == f"os:{getpass.getuser()}" and without_key.provenance == {"via": "cli", "os_user": getpass.getuser()}
    assert [(action, actor, decision) for action, actor, decision, _ in audit_trail(platform)] == [("prompts.promote", "ann", "denied")]


@pytest.mark.slow  # runs the CLI as processes
def test_the_cli_refuses_then_requests_then_applies_with_a_second_key(make_platform: PlatformFactory, tmp_path: Path) -> None:
    platform = make_platform(database_url=f"sqlite:///{tmp_path / 'var' / 'insightstack.db'}")  # the CLI's data dir is tmp_path/var
    with platform.db.session() as session:
        first, second = (auth.create_user(session, name, "admin")[1] for name in ("ana", "ben"))
    promote = ["prompts", "promote", PROMPT, "--version", "1.0.0", "--env", "production", "--reason", "eval passed"]

    refused = run_cli(tmp_path, *promote, INSIGHTSTACK_API_KEY=first)
    assert refused.returncode == 1 and "no recorded eval run measured reports.narrative 1.0.0" in refused.stdout
    run = records.record(platform.db, document(suite("reports", 2)))
    requested = run_cli(tmp_path, *promote, "--key", first)
    assert requested.returncode == 0 and f"promotion request 1: production to serve {PROMPT} 1.0.0 (eval run {run.id})" in requested.stdout

    waiting = run_cli(tmp_path, "prompts", "requests")
    assert waiting.returncode == 0 and "pending" in waiting.stdout and "eval passed" in waiting.stdout
    own = run_cli(tmp_path, "prompts", "approve", "1", "--reason", "mine", INSIGHTSTACK_API_KEY=first)
    assert own.returncode == 1 and "four eyes" in own.stdout
    approved = run_cli(tmp_path, "prompts", "approve", "1", "--reason", "checked", INSIGHTSTACK_API_KEY=second)
    assert approved.returncode == 0, approved.stdout + approved.stderr
    assert f"production now serves {PROMPT} 1.0.0 (requested by ana, approved by ben; eval run {run.id}; release 1)" in approved.stdout
    listed = run_cli(tmp_path, "releases", "list", INSIGHTSTACK_ENV="production")
    assert f"{PROMPT}=1.0.0 (eval run {run.id})" in listed.stdout, listed.stdout
    with platform.db.session() as session:
        assert session.scalar(select(EvalRun.id)) == run.id
        assert [(e.action, e.actor, e.decision) for e in session.scalars(select(AuditEntry).where(AuditEntry.action.startswith("prompts.")))] == [
            ("prompts.promotion_request", "ana", "allowed"), ("prompts.promotion_approve", "ana", "denied"),
            ("prompts.promotion_approve", "ben", "allowed"), ("prompts.promote", "ben", "allowed"),
        ]

"""Governance records (docs/governance/) and the operations playbook (docs/operations/playbook.md).

The committed docs/governance/ pages are what `governance.write_report` writes for the database
that `seed` builds through the real functions (users, prompt promotions, release records and a
rollback, review and approval audit entries) over the shipped prompt catalogue. This test writes
them again and compares; `UPDATE_GOVERNANCE=1` makes it rewrite the committed copy instead.

Determinism: audit entries, labels and release records are stamped by `models.utcnow`, which
`audit`, `prompt_labels` and `releases` import by name. The seed sets that clock to a stated time
before each event (the `clock` fixture); everything else (hash chain, promotion rules, rollback)
runs unchanged, and the chain hashes come out the same on every run because their inputs do.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from services.app.operations import releases_of
from services.chatops.runbooks import parse
from services.operations import governance, releases
from services.platform import audit, auth, prompt_labels
from services.platform.models import AuditEntry
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT
from tests.conftest import PlatformFactory

GOVERNANCE = REPO_ROOT / "docs" / "governance"
PLAYBOOK = REPO_ROOT / "docs" / "operations" / "playbook.md"
PAGES = ["README.md", "prompts.md", "approvals.md"]
GENERATED_AT = datetime(2025, 3, 7, 12, 0, tzinfo=UTC)
NOTE = (
    "This copy is the report for the seeded example database of `tests/platform/test_governance.py`, which writes it\n"
    "again and compares. After changing the prompt catalogue or the report format, regenerate it with\n"
    "`UPDATE_GOVERNANCE=1 .venv/bin/python -m pytest -q tests/platform/test_governance.py`.\n"
    "For an environment's own records run `insightstack governance report --out DIR` against its database."
)
USERS = {"alice": "analyst", "bob": "reviewer", "carol": "reviewer", "dana": "admin", "erin": "admin"}
MOMENTUM_DRAFT, PAIRS_DRAFT = "4f1c2a9e8b7d4e6f9a0b1c2d3e4f5a6b", "9e8d7c6b5a4f4e3d8c2b1a0f9e8d7c6b"


class Clock:
    """The platform clock (`models.utcnow` as audit, prompt_labels and releases imported it), set
    by the seed to each event's time."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
        self.given: set[datetime] = set()

    def __call__(self) -> datetime:
        self.given.add(self.now)
        return self.now

    def at(self, stamp: str) -> None:
        self.now = datetime.fromisoformat(stamp).replace(tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    for module in (audit, prompt_labels, releases):
        monkeypatch.setattr(module, "utcnow", clock)
    return clock


def seed(platform: Platform, clock: Clock) -> None:
    """A week of governance events in ``platform`` (production), each at a fixed time."""
    callers = {name: audit.Caller(name, role) for name, role in USERS.items()}
    clock.at("2025-03-03T08:00:00")
    with platform.db.session() as session:
        for name, role in USERS.items():  # as `insightstack users create` does it
            auth.create_user(session, name, role)
            audit.append(session, actor="cli", role="admin", action="users.create", target=name, decision="allowed", details={"role": role})

    def promote(stamp: str, by: str, prompt_id: str, env: str, reason: str) -> None:
        clock.at(stamp)
        with platform.db.session() as session:
            version = platform.prompts.versions(prompt_id)[0].version  # the oldest shipped version
            prompt_labels.promote(session, platform.prompts, callers[by], prompt_id, version, env, reason)  # type: ignore[arg-type]

    def record(stamp: str, by: str, action: str, target: str, details: dict[str, object]) -> None:
        clock.at(stamp)
        with platform.db.session() as session:
            audit.record(session, callers[by], action, target, details)

    def denied(stamp: str, by: str, permission: str, request_line: str) -> None:
        """What `deps.require` writes when a role lacks the permission of a route."""
        clock.at(stamp)
        with platform.db.session() as session:
            audit.append(session, actor=by, role=USERS[by], action=permission, target=request_line, decision="denied")

    promote("2025-03-03T09:00:00", "dana", "reports.narrative", "staging", "baseline for the staging rehearsal")
    promote("2025-03-03T09:40:00", "dana", "reports.narrative", "production", "staging rehearsal passed; approved by the prompt review board (PR 42)")
    clock.at("2025-03-03T09:41:00")
    baseline = releases_of(platform).record().id
    promote("2025-03-03T10:15:00", "dana", "strategies.builder", "dev", "freeze dev on the reviewed version during the catalogue migration")
    promote("2025-03-04T08:30:00", "dana", "chatops.agent", "production", "pin the agent prompt before the Slack roll-out")
    clock.at("2025-03-04T08:31:00")
    releases_of(platform).record()
    clock.at("2025-03-04T16:05:00")
    releases_of(platform).rollback(baseline, callers["erin"])

    review = "reports.review"
    record("2025-03-05T10:00:00", "bob", review, "eq-us-ma-crossover", {"decision": "approve", "revision": 1, "edited": False, "comment": "figures match the fact sheet", "rating": 5})
    record("2025-03-05T10:20:00", "bob", review, "eq-eu-rsi-reversion",
           {"decision": "reject", "revision": 2, "edited": False, "comment": "calls the drawdown 'mild' | it is the worst of the set", "rating": 2})
    denied("2025-03-05T10:45:00", "alice", "reviews.decide", "POST /backtests/eq-eu-rsi-reversion/report/review")
    record("2025-03-05T11:30:00", "carol", review, "eq-eu-rsi-reversion",  # written before reviews had a rating
           {"decision": "approve", "revision": 2, "edited": True, "comment": "reworded the drawdown paragraph"})

    record("2025-03-06T14:00:00", "carol", "strategies.approve", MOMENTUM_DRAFT, {"revision": 2, "comment": "within the low-risk bounds"})
    record("2025-03-06T14:25:00", "bob", "strategies.reject", PAIRS_DRAFT, {"revision": 1, "comment": "no stop-loss on the short leg"})
    denied("2025-03-06T14:40:00", "alice", "strategies.approve", f"POST /strategies/drafts/{PAIRS_DRAFT}/approve")

    with platform.db.session() as session:
        stamps = set(session.scalars(select(AuditEntry.ts)))
    assert stamps <= clock.given, "audit entries were stamped by another clock than services.platform.audit.utcnow; update the `clock` fixture"


def test_the_committed_governance_records_are_what_the_seeded_database_gives(make_platform: PlatformFactory, clock: Clock, tmp_path: Path) -> None:
    platform = make_platform(env="production")
    seed(platform, clock)
    update_copy = os.environ.get("UPDATE_GOVERNANCE") == "1"
    out = GOVERNANCE if update_copy else tmp_path / "governance"
    with platform.db.session() as session:
        written = governance.write_report(session, platform.prompts, out, GENERATED_AT, note=NOTE)
    assert [path.name for path in written] == PAGES
    assert sorted(path.name for path in GOVERNANCE.iterdir()) == sorted(PAGES), "docs/governance/ holds a page the report does not write"

    stale = []
    for path in written:
        fresh, committed = path.read_text(encoding="utf-8"), (GOVERNANCE / path.name).read_text(encoding="utf-8")
        if fresh != committed:
            stale.append("".join(difflib.unified_diff(committed.splitlines(True), fresh.splitlines(True), f"committed/{path.name}", f"fresh/{path.name}")))
    assert not stale, "docs/governance/ is out of date; regenerate it with UPDATE_GOVERNANCE=1 (see its README.md):\n" + "\n".join(stale)

    readme, prompts, approvals = (path.read_text(encoding="utf-8") for path in written)
    assert "**Intact**: 17 audit entries checked" in readme
    assert "| `reports.narrative` | 1.0.0 | quant-research | `335eb65583b0` | locked |  | **served** (label) | **served** (label) |" in prompts
    assert "| `reports.narrative` | 2.0.0 | quant-research |" in prompts and "| locked | served (newest file, no label) |  |  |" in prompts
    assert "| 10 | 2025-03-04 16:05:00 | erin | release rollback | production | newest file (label removed) | - | rollback to release 1 |" in prompts
    assert "| 12 | 2025-03-05 10:20:00 | bob | reviewer | `eq-eu-rsi-reversion` | 2 | reject | 2 | no | calls the drawdown 'mild' \\| it is the worst of the set |" in approvals
    assert "| 14 | 2025-03-05 11:30:00 | carol | reviewer | `eq-eu-rsi-reversion` | 2 | approve | - | yes | reworded the drawdown paragraph |" in approvals
    assert f"| 17 | 2025-03-06 14:40:00 | alice | analyst | `{PAIRS_DRAFT}` | - | denied (role lacks `strategies.approve`) | - |" in approvals


def test_an_edited_audit_entry_is_reported_as_the_break(make_platform: PlatformFactory, clock: Clock, tmp_path: Path) -> None:
    platform = make_platform(env="production")
    seed(platform, clock)
    with platform.db.session() as session:
        edited = session.scalar(select(AuditEntry.id).where(AuditEntry.action == "reports.review").order_by(AuditEntry.id).limit(1))
        session.execute(update(AuditEntry).where(AuditEntry.id == edited).values(details={"decision": "approve", "revision": 1, "rating": 1}))
        readme, _, approvals = (path.read_text() for path in governance.write_report(session, platform.prompts, tmp_path, GENERATED_AT))
    assert f"**Broken at entry {edited}**: content does not match its hash (entry edited)." in readme
    assert f"The {edited - 1} entries before it chain correctly." in readme
    assert approvals.splitlines()[2].startswith(f"**Audit chain check: broken at entry {edited}**")


@pytest.mark.slow  # runs the CLI as processes
def test_the_cli_writes_the_records_and_fails_on_a_broken_chain(make_platform: PlatformFactory, tmp_path: Path) -> None:
    platform = make_platform()
    with platform.db.session() as session:
        prompt_labels.promote(session, platform.prompts, audit.Caller("dana", "admin"), "reports.narrative", "1.0.0", "staging", "baseline")
    env = {
        **os.environ, "COLUMNS": "200", "INSIGHTSTACK_DATA_DIR": str(platform.settings.data_dir), "INSIGHTSTACK_PROFILE": "tiny",
        "INSIGHTSTACK_LOG_LEVEL": "WARNING",
    }
    command = [str(Path(sys.executable).with_name("insightstack")), "governance", "report", "--out", str(tmp_path / "records")]

    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[:3] == [str(tmp_path / "records" / name) for name in PAGES]
    assert "audit chain intact: 1 entries" in done.stdout
    short_hash = platform.prompts.get("reports.narrative", "1.0.0").content_hash()[:12]
    promotion = rf"\| 1 \| [0-9-]+ [0-9:]+ \| dana \| `reports.narrative` \| staging \| 1.0.0 \| - \| `{short_hash}` \| baseline \|"
    assert re.search(promotion, (tmp_path / "records" / "approvals.md").read_text())

    with sqlite3.connect(platform.settings.data_dir / "insightstack.db") as connection:
        connection.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 1")
    broken = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert broken.returncode == 1 and "audit chain broken at entry 1" in broken.stdout, broken.stdout + broken.stderr
    assert "**Broken at entry 1**" in (tmp_path / "records" / "README.md").read_text()
    assert "mallory" in (tmp_path / "records" / "approvals.md").read_text()  # the report still shows what is there, flagged


# --- the playbook ------------------------------------------------------------------------------


def test_the_playbook_indexes_every_runbook_with_its_front_matter() -> None:
    text = PLAYBOOK.read_text(encoding="utf-8")
    for path in sorted((REPO_ROOT / "data" / "runbooks").glob("*.md")):
        meta = parse(path).meta
        row = (
            f"| [`{meta.id}`](../../data/runbooks/{path.name}) | {meta.title} | {', '.join(meta.services)} | "
            + ", ".join(f"`{tool}`" for tool in meta.tools) + " |"
        )
        assert row in text, f"playbook runbook index is missing or out of date for {path.name}; expected:\n{row}"


def playbook_commands() -> list[list[str]]:
    """Every `insightstack ...` in the playbook's code spans and blocks, as argv (brackets of optional parts removed)."""
    text = PLAYBOOK.read_text(encoding="utf-8")
    found = re.findall(r"`(insightstack [^`\n]+)`", text) + re.findall(r"^(insightstack .+?)(?:\s+#.*)?$", text, re.M)
    return [shlex.split(line.replace("[", "").replace("]", ""))[1:] for line in dict.fromkeys(found)]


@pytest.mark.parametrize("argv", playbook_commands(), ids=lambda argv: " ".join(argv[:3]))
def test_every_command_in_the_playbook_parses_with_the_real_cli(argv: list[str]) -> None:
    from services.app.cli import app

    result = CliRunner().invoke(app, [*argv, "--help"])
    assert result.exit_code == 0, f"insightstack {' '.join(argv)}\n{result.output}"

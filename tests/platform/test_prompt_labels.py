"""Prompt environment labels: an environment serves its promoted version, not the newest file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from inference.errors import PromptError
from services.platform import audit, prompt_labels
from services.platform.models import AuditEntry
from services.platform.settings import REPO_ROOT
from tests.conftest import PlatformFactory

PROMPT = "platform.market_brief"
RELEASE = audit.Caller("rel-eng", "admin")


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """The shipped catalogue plus a newer 1.1.0 of the market brief."""
    root = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "services" / "prompts", root)
    old = (root / PROMPT / "1.0.0.yaml").read_text()
    (root / PROMPT / "1.1.0.yaml").write_text(old.replace("version: 1.0.0", "version: 1.1.0").replace("short market brief", "brief market note"))
    return root


def test_each_environment_serves_its_label(make_platform: PlatformFactory, catalogue: Path, tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    staging = make_platform(env="staging", prompts_dir=catalogue, database_url=database)
    production = make_platform(env="production", prompts_dir=catalogue, database_url=database)
    assert staging.served_prompts.spec(PROMPT).version == production.served_prompts.spec(PROMPT).version == "1.1.0"  # no label: newest

    with production.db.session() as session:
        prompt_labels.promote(session, production.prompts, RELEASE, PROMPT, "1.0.0", "production", "1.1.0 not reviewed yet")
    assert production.served_prompts.spec(PROMPT).version == "1.0.0"
    assert production.served_prompts.render(PROMPT, {"symbol": "AAPL"}).version == "1.0.0"
    assert staging.served_prompts.render(PROMPT, {"symbol": "AAPL"}).version == "1.1.0"

    with production.db.session() as session:
        prompt_labels.promote(session, production.prompts, RELEASE, PROMPT, "1.1.0", "production", "approved by the prompt review board")
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "prompts.promote").order_by(AuditEntry.id)).all()
        assert [(e.actor, e.target, e.details["version"], e.details["previous"]) for e in entries] == [
            ("rel-eng", f"{PROMPT}@production", "1.0.0", None), ("rel-eng", f"{PROMPT}@production", "1.1.0", "1.0.0"),
        ]
        assert entries[-1].details["reason"] == "approved by the prompt review board"
        assert [(label.env, label.version) for label in prompt_labels.all_labels(session)] == [("production", "1.1.0")]
    assert production.served_prompts.spec(PROMPT).version == "1.1.0"


def test_a_promotion_needs_a_known_version_and_a_reason(make_platform: PlatformFactory, catalogue: Path) -> None:
    platform = make_platform(prompts_dir=catalogue)
    with platform.db.session() as session:
        with pytest.raises(PromptError, match="has no version '9.9.9'"):
            prompt_labels.promote(session, platform.prompts, RELEASE, PROMPT, "9.9.9", "staging", "why not")
        with pytest.raises(PromptError, match="needs a reason"):
            prompt_labels.promote(session, platform.prompts, RELEASE, PROMPT, "1.0.0", "staging", "  ")
        assert prompt_labels.all_labels(session) == []

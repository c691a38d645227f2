"""Release records and rollback on a real database: labels, aliases, and the schema guard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import select


from services.app.operations import releases_of
from services.platform import aliases, audit, prompt_labels
from services.app.app import create_app
from services.platform.errors import Conflict
from services.platform.models import AuditEntry, Release
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT
from tests.conftest import PlatformFactory

PROMPT = "platform.market_brief"
OPS = audit.Caller("rel-eng", "admin")


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """The shipped catalogue plus a 1.1.0 of the market brief."""
    root = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "services" / "prompts", root)
    old = (root / PROMPT / "1.0.0.yaml").read_text()
    (root / PROMPT / "1.1.0.yaml").write_text(old.replace("version: 1.0.0", "version: 1.1.0"))
    return root


def two_chat_models(path: Path, default_on: str) -> Path:
    """models.yaml with a second chat model, `tiny-b`, and the `default` alias on ``default_on``."""
    registry = yaml.safe_load((REPO_ROOT / "models.yaml").read_text())
    models = registry["profiles"]["tiny"]["models"]
    models[0]["weights"] = str(REPO_ROOT / models[0]["weights"])
    models.insert(1, {**models[0], "name": "tiny-b", "served_name": "tiny-b", "aliases": []})
    for model in models[:2]:
        model["aliases"] = [alias for alias in model["aliases"] if alias != "default"] + (["default"] if model["name"] == default_on else [])
    path.write_text(yaml.safe_dump(registry))
    return path


def start_api(platform: Platform) -> None:
    """An API start-up (its lifespan writes the release record)."""
    with TestClient(create_app(platform.settings, platform)):
        pass


def test_start_up_records_a_release_only_when_something_changed(make_platform: PlatformFactory, catalogue: Path) -> None:
    platform = make_platform(env="staging", prompts_dir=catalogue, llm_base_urls=["http://127.0.0.1:9/v1"])
    start_api(platform)
    start_api(platform)
    first, = releases_of(platform).listing()
    assert first.env == "staging" and first.app_version == "0.1.0" and first.prompt_labels == {}
    assert first.migration_head == platform.db.current_revision() and len(first.models_digest) == 64
    assert first.aliases == {"default": "insightstack-tiny", "random-test": "insightstack-tiny"}

    with platform.db.session() as session:
        prompt_labels.promote(session, platform.prompts, OPS, PROMPT, "1.1.0", "staging", "try the new brief")
    second = releases_of(platform).record()
    assert second.id > first.id and second.prompt_labels == {PROMPT: "1.1.0"}
    assert platform.served_prompts.spec(PROMPT).version == "1.1.0"

    done = releases_of(platform).rollback(first.id, OPS)
    assert done.prompt_labels == {PROMPT: None} and done.migrated_to is None
    assert platform.served_prompts.spec(PROMPT).version == "1.1.0"  # no label again: the newest file, as in release 1
    with platform.db.session() as session:
        prompt_labels.promote(session, platform.prompts, OPS, PROMPT, "1.0.0", "staging", "pin the reviewed one")
    third = releases_of(platform).record()
    releases_of(platform).rollback(second.id, OPS)
    assert platform.served_prompts.spec(PROMPT).version == "1.1.0"
    releases_of(platform).rollback(third.id, OPS)
    assert platform.served_prompts.spec(PROMPT).version == "1.0.0"
    with platform.db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "releases.rollback").order_by(AuditEntry.id)).all()
    assert [(e.actor, e.target, e.details["prompt_labels"]) for e in entries] == [
        ("rel-eng", str(first.id), {PROMPT: None}), ("rel-eng", str(second.id), {PROMPT: "1.1.0"}), ("rel-eng", str(third.id), {PROMPT: "1.0.0"}),
    ]


def test_rollback_restores_aliases_models_yaml_no_longer_has(make_platform: PlatformFactory, tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    before = make_platform(models_file=two_chat_models(tmp_path / "before.yaml", "tiny-b"), database_url=database)
    old = releases_of(before).record()
    assert old.aliases["default"] == "tiny-b"

    after = make_platform(models_file=two_chat_models(tmp_path / "after.yaml", "insightstack-tiny"), database_url=database)  # the next deployment moved `default` back
    releases_of(after).record()
    with after.db.session() as session:
        assert aliases.effective(session, after.registry, "dev")["default"] == "insightstack-tiny"
    done = releases_of(after).rollback(old.id, OPS)
    assert done.aliases == {"default": "tiny-b"}
    with after.db.session() as session:
        assert aliases.effective(session, after.registry, "dev")["default"] == "tiny-b"
    assert after.registry.get("default").name == "insightstack-tiny"  # models.yaml itself is untouched


def test_schema_rollback_refuses_to_drop_data_and_names_it(database_url: str, make_platform: PlatformFactory) -> None:
    platform = make_platform(database_url=database_url)
    current = releases_of(platform).record()
    with platform.db.session() as session:  # a release from before the operations migration
        old = Release(**{c: getattr(current, c) for c in ("env", "app_version", "git_commit", "models_digest", "aliases", "prompt_labels", "recorded_by")},
                      migration_head="0006_prompt_labels", fingerprint="old")
        session.add(old)
    with pytest.raises(Conflict) as refused:
        releases_of(platform).rollback(old.id, OPS, with_db=True)
    assert "0007_operations drops table releases (2 rows)" in refused.value.message
    assert platform.db.current_revision() == current.migration_head  # nothing changed
    assert releases_of(platform).rollback(old.id, OPS).migrated_to is None  # without --db: labels and aliases only

"""Release records and rollback.

At start-up the API records what it runs with: app version, git commit, the models.yaml digest
and the aliases it serves, the environment's prompt labels (with the eval run each production
label was promoted on) and the migration head. A new record is written only when any of these
changed (a prompt promotion records one too), so the list reads as a deployment history.
`rollback` puts an earlier release's prompt labels and aliases back (audited, one transaction)
and, when asked, downgrades the schema to that release's head, refusing if a migration's
downgrade would drop data that exists (it names the migration, table or column, and rows).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import socket
import subprocess
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import structlog
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from inference.registry import ModelRegistry
from services.platform import aliases, audit
from services.platform.db import Database, alembic_config
from services.platform.errors import Conflict, NotFound
from services.platform.models import PromotionRequest, PromptLabel, Release, utcnow
from services.platform.settings import REPO_ROOT

log = structlog.get_logger(__name__)
DROPPED_TABLE = re.compile(r"^DROP TABLE (?:IF EXISTS )?\"?(\w+)\"?", re.I | re.M)
DROPPED_COLUMN = re.compile(r"^ALTER TABLE \"?(\w+)\"? DROP COLUMN \"?(\w+)\"?", re.I | re.M)
RUNNING = re.compile(r"^-- Running downgrade (\S+) -> ", re.M)


@dataclass(frozen=True)
class Rollback:
    release: Release
    prompt_labels: dict[str, str | None]  # prompt id -> version now served (None: the newest file)
    aliases: dict[str, str]  # alias -> model, where it changed
    migrated_to: str | None


def app_version() -> str:
    try:
        return version("insightstack")
    except PackageNotFoundError:
        return "unknown"


def git_commit(configured: str | None) -> str | None:
    """The commit deployed: the environment's (set at image build), else the checkout's, else None."""
    if configured:
        return configured
    if not (REPO_ROOT / ".git").exists():
        return None
    done = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or None


class Releases:
    """The release records of one environment, and rolling back to one of them."""

    def __init__(self, db: Database, registry: ModelRegistry, *, env: str, models_file: Path, git_commit: str | None) -> None:
        """``git_commit``: the configured one (set at image build), else the checkout's is read."""
        self.db, self.registry, self.env, self.models_file, self.git_commit = db, registry, env, models_file, git_commit

    def snapshot(self, session: Session, env: str) -> dict[str, Any]:
        """What defines the release running in ``env`` (everything but when and by whom)."""
        labels = {label.prompt_id: label.version for label in session.scalars(select(PromptLabel).where(PromptLabel.env == env))}
        return {
            "env": env,
            "app_version": app_version(),
            "git_commit": git_commit(self.git_commit),
            "models_digest": hashlib.sha256(self.models_file.read_bytes()).hexdigest(),
            "aliases": aliases.effective(session, self.registry, env),
            "prompt_labels": labels,
            "eval_runs": _eval_runs(session, env, labels),
            "migration_head": session.connection().scalar(text("SELECT version_num FROM alembic_version")),
        }

    def record(self, env: str | None = None) -> Release:
        """The release running in ``env`` (default: this one): its latest record, or a new one if
        anything changed. Called at API start-up and after each prompt promotion."""
        env = env or self.env
        with self.db.session() as session:
            fields = self.snapshot(session, env)
            fingerprint = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
            latest = _latest(session, env)
            if latest is not None and latest.fingerprint == fingerprint:
                return latest
            release = Release(**fields, fingerprint=fingerprint, recorded_by=f"{socket.gethostname()}", created_at=utcnow())
            session.add(release)
            session.flush()
            log.info("release.recorded", release=release.id, env=release.env, git_commit=release.git_commit, migration_head=release.migration_head)
            return release

    def listing(self, limit: int = 50) -> list[Release]:
        with self.db.session() as session:
            query = select(Release).where(Release.env == self.env).order_by(Release.id.desc()).limit(limit)
            return list(session.scalars(query))

    def rollback(self, release_id: int, caller: audit.Caller, *, with_db: bool = False, provenance: dict[str, str] | None = None) -> Rollback:
        """Restore release ``release_id``'s prompt labels and aliases (and with ``with_db`` its schema);
        `provenance` (how the caller acted: `via`, `os_user`) goes into the audit entry."""
        env = self.env
        with self.db.session() as session:
            target = session.get(Release, release_id)
            if target is None or target.env != env:
                raise NotFound(f"no release {release_id} in environment {env!r}; see `insightstack releases list`")
            current_head = session.connection().scalar(text("SELECT version_num FROM alembic_version"))
        migrate = with_db and target.migration_head != current_head
        if migrate:
            self._refuse_data_loss(current_head, target.migration_head)
        with self.db.session() as session:
            labels = _restore_labels(session, env, target.prompt_labels, caller.name)
            changed = aliases.restore(session, self.registry, env, target.aliases, caller.name)
            audit.record(
                session, caller, "releases.rollback", str(target.id),
                {"env": env, "prompt_labels": labels, "aliases": changed, "migrate_to": target.migration_head if migrate else None, **(provenance or {})},
            )
        if migrate:
            command.downgrade(alembic_config(self.db.url), target.migration_head)
            log.warning("release.schema_downgraded", release=target.id, head=target.migration_head)
        return Rollback(target, labels, changed, target.migration_head if migrate else None)

    def _refuse_data_loss(self, current: str | None, target: str | None) -> None:
        """Dry-run the downgrade as SQL; refuse if any table or column it drops holds data."""
        config = alembic_config(self.db.url)
        config.output_buffer = io.StringIO()
        try:
            command.downgrade(config, f"{current}:{target}", sql=True)
        except Exception as exc:  # alembic raises several types for an impossible path; all mean "cannot downgrade"
            raise Conflict(f"cannot downgrade the schema from {current} to {target}: {exc}") from exc
        losses = self._losses(config.output_buffer.getvalue())
        if losses:
            raise Conflict("rolling the schema back would lose data; migrate by hand after a backup, or roll back without --db: " + "; ".join(losses))

    def _losses(self, script: str) -> list[str]:
        """'<migration> drops <table>[.<column>] (<n> rows)' for every drop that hits stored data."""
        found: list[str] = []
        sections = RUNNING.split(script)[1:]  # [revision, sql, revision, sql, ...]
        with self.db.session() as session:
            for revision, sql in zip(sections[::2], sections[1::2]):
                for table in DROPPED_TABLE.findall(sql):
                    rows = session.scalar(select(func.count()).select_from(text(table)))
                    if rows:
                        found.append(f"{revision} drops table {table} ({rows} rows)")
                for table, column in DROPPED_COLUMN.findall(sql):
                    rows = session.scalar(select(func.count()).select_from(text(table)).where(text(f"{column} IS NOT NULL")))
                    if rows:
                        found.append(f"{revision} drops column {table}.{column} ({rows} rows with a value)")
        return found


def _eval_runs(session: Session, env: str, labels: dict[str, str]) -> dict[str, int] | None:
    """Prompt id -> the eval run its labelled version was promoted on (production promotions pass
    the eval gate, services.operations.promotions); None when no label was. Derived from the applied
    promotion requests, so a start-up or a rollback records the same runs as the promotion did."""
    runs = {}
    for prompt_id, labelled in labels.items():
        query = select(PromotionRequest.eval_run_id).where(
            PromotionRequest.env == env, PromotionRequest.prompt_id == prompt_id, PromotionRequest.version == labelled,
            PromotionRequest.status == "applied", PromotionRequest.eval_run_id.is_not(None),
        )
        if (run := session.scalar(query.order_by(PromotionRequest.id.desc()).limit(1))) is not None:
            runs[prompt_id] = run
    return runs or None


def _restore_labels(session: Session, env: str, wanted: dict[str, str], by: str) -> dict[str, str | None]:
    """Make ``env``'s labels equal ``wanted``; returns each prompt whose served version changed."""
    current = {label.prompt_id: label for label in session.scalars(select(PromptLabel).where(PromptLabel.env == env))}
    changed: dict[str, str | None] = {}
    for prompt_id, label in current.items():
        if prompt_id not in wanted:
            session.delete(label)
            changed[prompt_id] = None
    for prompt_id, version_ in wanted.items():
        label = current.get(prompt_id)
        if label is not None and label.version == version_:
            continue
        label = label or PromptLabel(env=env, prompt_id=prompt_id)
        label.version, label.promoted_by, label.reason, label.promoted_at = version_, by, "release rollback", utcnow()
        session.add(label)
        changed[prompt_id] = version_
    return changed


def _latest(session: Session, env: str) -> Release | None:
    return session.scalar(select(Release).where(Release.env == env).order_by(Release.id.desc()).limit(1))

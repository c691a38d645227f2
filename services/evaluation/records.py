"""Storing eval runs in the platform's database and reading them back.

A recorded run says which prompt versions it measured, so `insightstack prompts promote --env
production` can ask "was this version measured, and how did it do?" (services.operations.promotions),
and the showcase's quality page can show the latest scores per model.
"""

from __future__ import annotations

import getpass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.chatops.service import PROMPT_ID as CHATOPS_PROMPT
from services.evaluation.models import EvalRun
from services.platform.db import Database
from services.reports.service import PROMPT_ID as REPORTS_PROMPT
from services.strategies.service import PROMPT_ID as BUILDER_PROMPT

PRODUCT_PROMPTS = {"reports": REPORTS_PROMPT, "builder": BUILDER_PROMPT, "chatops": CHATOPS_PROMPT}  # suite product -> the prompt it renders
SUMMARY_KEYS = ("product", "lang", "file", "cases", "pass_rate", "pass_all_k")


def record(db: Database, document: dict[str, Any]) -> EvalRun:
    """Store ``document`` (`report.as_json`) with the prompt versions its model calls rendered
    (what was measured) and the OS user."""
    with db.session() as session:
        run = EvalRun(
            created_by=getpass.getuser()[:64], model=document["model"], profile=document.get("profile"), git_commit=document.get("commit"),
            prompt_versions=dict(document.get("prompts", {})),
            suites=[{key: suite[key] for key in SUMMARY_KEYS} for suite in document["suites"]], document=document,
        )
        session.add(run)
        session.flush()
        return run


def listing(session: Session, limit: int | None = 50) -> list[EvalRun]:
    """Recorded runs, newest first (all of them with ``limit=None``)."""
    return list(session.scalars(select(EvalRun).order_by(EvalRun.id.desc()).limit(limit)))


def latest_per_model(session: Session) -> list[EvalRun]:
    """The newest run of each model, newest first."""
    newest = select(func.max(EvalRun.id)).group_by(EvalRun.model)
    return list(session.scalars(select(EvalRun).where(EvalRun.id.in_(newest)).order_by(EvalRun.id.desc())))


def runs_measuring(session: Session, prompt_id: str, version: str) -> list[EvalRun]:
    """Runs that were served ``version`` of ``prompt_id``, newest first (filtered here: JSON
    queries differ between SQLite and PostgreSQL, and runs are few)."""
    return [run for run in listing(session, limit=None) if run.prompt_versions.get(prompt_id) == version]


def summary(run: EvalRun) -> dict[str, Any]:
    """A run without its document (what `eval runs --json` prints)."""
    return {
        "id": run.id, "created_at": run.created_at.isoformat(timespec="seconds"), "created_by": run.created_by, "model": run.model,
        "profile": run.profile, "commit": run.git_commit, "prompt_versions": run.prompt_versions, "suites": run.suites,
    }

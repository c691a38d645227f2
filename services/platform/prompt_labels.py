"""Prompt environment labels, as prompt registries (Langfuse, MLflow) keep them.

A new prompt file does not change what staging or production says: an environment serves the
version labelled for it, and a label moves only by `insightstack prompts promote`, which is
audited with who and why (for production only after the eval gate and a second admin's
approval: `services.operations.promotions` calls `promote` here). An environment without a label
for a prompt serves the newest file (that is how dev works, and how a deployment without
promotions keeps working).
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from inference.errors import PromptError
from inference.prompts import PromptCatalogue, PromptSpec
from services.platform import audit
from services.platform.models import PromptLabel, utcnow

Env = Literal["dev", "staging", "production"]


def checked(catalogue: PromptCatalogue, prompt_id: str, version: str, reason: str) -> PromptSpec:
    """The version's spec, if it exists and the promotion gives a reason (PromptError otherwise)."""
    spec = catalogue.get(prompt_id, version)  # PromptError when the id or the version is unknown
    if not reason.strip():
        raise PromptError("a promotion needs a reason (--reason)")
    return spec


def promote(
    session: Session, catalogue: PromptCatalogue, caller: audit.Caller, prompt_id: str, version: str, env: Env, reason: str,
    details: dict[str, Any] | None = None,
) -> PromptLabel:
    """Label ``version`` as what ``env`` serves; the version must exist and a reason must be given.
    ``details`` (how and on what evidence it was promoted) go into the audit entry too."""
    spec = checked(catalogue, prompt_id, version, reason)
    label = session.get(PromptLabel, (env, prompt_id))
    previous = label.version if label else None
    if label is None:
        label = PromptLabel(env=env, prompt_id=prompt_id)
        session.add(label)
    label.version, label.promoted_by, label.reason, label.promoted_at = spec.version, caller.name, reason.strip()[:500], utcnow()
    audit.record(
        session, caller, "prompts.promote", f"{prompt_id}@{env}",
        {"version": spec.version, "previous": previous, "reason": label.reason, "hash": spec.content_hash(), **(details or {})},
    )
    return label


def labelled_version(session: Session, prompt_id: str, env: str) -> str | None:
    label = session.get(PromptLabel, (env, prompt_id))
    return label.version if label else None


def all_labels(session: Session) -> list[PromptLabel]:
    return list(session.scalars(select(PromptLabel).order_by(PromptLabel.env, PromptLabel.prompt_id)))

"""Prompt promotions: at once for dev and staging; for production, an eval gate and four eyes.

Production is what users get, so a promotion there must rest on evidence and on two people:

- the eval gate (`services.evaluation.gate`, given by the composition root): a recorded eval run
  that measured this very version and passed at least the floor
  (`INSIGHTSTACK_EVAL_PROMOTION_FLOOR`) on every suite of the prompt's product;
- four eyes: the promotion is stored as a request, and only a different admin's `approve`
  applies it. Both, and a refused self-approval, are in the audit log.

The acting admin is the holder of an API key (`cli_identity.py`: the CLI has no other identity
a second person could not fake); the audit entries also name the OS account and `via: cli`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inference.prompts import PromptCatalogue
from services.operations.releases import Releases
from services.platform import audit, prompt_labels
from services.platform.cli_identity import Actor
from services.platform.db import Database
from services.platform.errors import BadRequest, Conflict, NotFound
from services.platform.models import PromotionRequest, PromptLabel, Release, utcnow

FOUR_EYES_ENV = "production"
EvalGate = Callable[[Session, str, str, float], int | None]
"""(session, prompt id, version, floor) -> the id of the eval run that lets the version into
production, None where nothing measures the prompt; raises Conflict, naming what is missing."""


@dataclass(frozen=True)
class Applied:
    label: PromptLabel
    release: Release


@dataclass(frozen=True)
class Approved(Applied):
    request: PromotionRequest


class Promotions:
    """Prompt label moves with their evidence: the releases they record, the eval gate and its floor."""

    def __init__(self, db: Database, catalogue: PromptCatalogue, releases: Releases, gate: EvalGate, *, floor: float) -> None:
        self.db, self.catalogue, self.releases, self.gate, self.floor = db, catalogue, releases, gate, floor

    def promote(self, actor: Actor, prompt_id: str, version: str, env: prompt_labels.Env, reason: str) -> Applied:
        """Move a dev or staging label now (production goes through `request` and `approve`)."""
        if env == FOUR_EYES_ENV:
            raise BadRequest("a production promotion is a request that a second admin approves, not an immediate move")
        with self.db.session() as session:
            label = prompt_labels.promote(session, self.catalogue, actor.caller, prompt_id, version, env, reason, actor.provenance)
        return Applied(label, self.releases.record(env))

    def request(self, actor: Actor, prompt_id: str, version: str, reason: str) -> PromotionRequest:
        """Ask for ``version`` in production: checked against the eval gate now, applied by `approve`."""
        prompt_labels.checked(self.catalogue, prompt_id, version, reason)
        with self.db.session() as session:
            pending = PromotionRequest(
                env=FOUR_EYES_ENV, prompt_id=prompt_id, version=version, reason=reason.strip()[:500], requested_by=actor.caller.name,
                eval_run_id=self.gate(session, prompt_id, version, self.floor), status="pending",
            )
            session.add(pending)
            session.flush()
            details = {"version": version, "reason": pending.reason, **_evidence(pending), **actor.provenance}
            audit.record(session, actor.caller, "prompts.promotion_request", _target(pending), details)
            return pending

    def approve(self, actor: Actor, request_id: int, reason: str) -> Approved:
        """Apply a pending request as a second admin; the gate is checked again (the floor may have
        risen since). The requester's own approval is refused, and audited as denied."""
        if not reason.strip():
            raise BadRequest("an approval needs a reason (--reason)")
        with self.db.session() as session:
            pending = _pending(session, request_id)
            own = pending.requested_by == actor.caller.name
            target, details = _target(pending), {"version": pending.version, **_approval(pending, reason, actor)}
        if own:
            message = f"four eyes: {actor.caller.name} asked for promotion request {request_id}, so a different admin must approve it"
            raise audit.denied(self.db, actor.caller, "prompts.promotion_approve", target, message, details)
        with self.db.session() as session:
            pending = _pending(session, request_id, lock=True)  # again, in the transaction that applies it: another admin may have been first
            pending.status = "applied"
            pending.eval_run_id = self.gate(session, pending.prompt_id, pending.version, self.floor)
            pending.approved_by, pending.approved_at, pending.approval_reason = actor.caller.name, utcnow(), reason.strip()[:500]
            details = _approval(pending, reason, actor)
            audit.record(session, actor.caller, "prompts.promotion_approve", _target(pending), {"version": pending.version, **details})
            label = prompt_labels.promote(session, self.catalogue, actor.caller, pending.prompt_id, pending.version, FOUR_EYES_ENV, pending.reason, details)
        return Approved(label, self.releases.record(FOUR_EYES_ENV), pending)


def listing(session: Session, limit: int = 50) -> list[PromotionRequest]:
    """Promotion requests, pending first, then newest first."""
    query = select(PromotionRequest).order_by((PromotionRequest.status == "pending").desc(), PromotionRequest.id.desc())
    return list(session.scalars(query.limit(limit)))


def _pending(session: Session, request_id: int, *, lock: bool = False) -> PromotionRequest:
    pending = session.get(PromotionRequest, request_id, with_for_update=lock)
    if pending is None:
        raise NotFound(f"no promotion request {request_id}; see `insightstack prompts requests`")
    if pending.status != "pending":
        raise Conflict(f"promotion request {request_id} is {pending.status} (by {pending.approved_by} at {pending.approved_at:%Y-%m-%d %H:%M} UTC)")
    return pending


def _target(pending: PromotionRequest) -> str:
    return f"{pending.prompt_id}@{pending.env}#{pending.id}"


def _approval(pending: PromotionRequest, reason: str, actor: Actor) -> dict[str, Any]:
    return {**_evidence(pending), "approval_reason": reason.strip()[:500], **actor.provenance}


def _evidence(pending: PromotionRequest) -> dict[str, Any]:
    """What every audit entry of a production promotion carries: the request, who asked, the eval run."""
    return {"request": pending.id, "requested_by": pending.requested_by, "eval_run": pending.eval_run_id}

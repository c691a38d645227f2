"""The generative strategy builder: intent -> retrieved candidates -> constrained draft ->
validation with a bounded repair loop -> a draft a human approves (never deployed from here).
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections.abc import Callable
from typing import Any

import structlog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from guardrails.policy import Stage
from inference.structured import CallContext, StructuredGenerator
from retrieval.index import Progress, SemanticIndex
from retrieval.korean import TextView
from services.platform import audit
from services.platform.audit import Caller
from services.platform.caches import CacheRegistry, IndexCache
from services.platform.db import Database
from services.platform.errors import Conflict, NotFound, Unprocessable, clipped
from services.platform.models import utcnow
from services.platform.screening import Screener
from services.platform.served_prompts import ServedPrompts
from services.strategies.candidates import INDICATORS, TEMPLATES, Retrieved, ensure_index, retrieve
from services.strategies.catalogue import Catalogue, Template
from services.strategies.models import StrategyDraft, StrategyDraftRevision
from services.strategies.output_type import asked_bounds, draft_type, to_config
from services.strategies.schemas import BuildRequest, Candidate, Constraints, DraftOut, Metrics, ReviseIn
from services.strategies.stated import Value, best_supported, stated_params
from services.strategies.validation import validate_config

log = structlog.get_logger(__name__)
PROMPT_ID = "strategies.builder"
SURFACE = "strategies"
MAX_REPAIRS = 2
GENERATED_SOURCES = ("generated", "instruction")


class StrategyBuilderService:
    def __init__(
        self, db: Database, prompts: ServedPrompts, generator: StructuredGenerator, screener: Screener, caches: CacheRegistry,
        index: Callable[[], SemanticIndex], catalogue: Catalogue, view: TextView,
    ) -> None:
        """``index`` is called when the catalogue is first searched: opening the vector store
        takes its folder's lock, which a command that never searches must not hold. ``view``
        reads a Korean intent as the English the catalogue's cues are written in."""
        self.db, self.prompts, self.generator, self.screener, self._index = db, prompts, generator, screener, index
        self.catalogue, self.view = catalogue, view
        self._indexed = False
        self._index_lock = threading.Lock()
        caches.register(IndexCache(
            "strategy-catalogue-index", "Embedded strategy templates and indicators (rebuilt from data/catalogue on next use).",
            index, (TEMPLATES, INDICATORS), self._forget_index,
        ))

    def ensure_index(self, progress: Progress | None = None, *, force: bool = False) -> bool:
        """Build the catalogue index if its version changed (once per process unless forced)."""
        with self._index_lock:
            if self._indexed and not force:
                return False
            built = ensure_index(self._index(), self.catalogue, progress, force=force)
            self._indexed = True
            return built

    def _forget_index(self) -> None:
        with self._index_lock:
            self._indexed = False

    def retrieve(self, intent: str) -> Retrieved:
        self.ensure_index()
        return retrieve(self._index(), intent)

    # --- drafting ----------------------------------------------------------------------------

    def build(self, request: BuildRequest, caller: Caller) -> DraftOut:
        if unknown := [s for s in request.constraints.universe or [] if s not in self.catalogue.instruments]:
            raise Unprocessable(f"constraints.universe: unknown instrument(s) {unknown}; the platform has no market data for them")
        intent = self.screener.screen_input(SURFACE, request.intent, caller, param="intent").text
        retrieved = self.retrieve(intent)
        config, rationale, errors, repairs = self._draft(intent, request.constraints, retrieved, caller)
        flags = self._screen_rationale(rationale, caller)
        prompt = self.prompts.spec(PROMPT_ID)
        draft = StrategyDraft(
            id=uuid.uuid4().hex, intent=intent, constraints=request.constraints.model_dump(), author=caller.name,
            status="invalid" if errors else "pending_approval", revision=1, config=config, rationale=rationale,
            candidates=[c.model_dump() for c in retrieved.templates + retrieved.indicators], validation_errors=errors,
            repairs=repairs, prompt_id=prompt.id, prompt_version=prompt.version, model=self.generator.model.name,
            catalogue_version=self.catalogue.version,
        )
        with self.db.session() as session:
            session.add(draft)
            session.add(_revision(draft, "generated", caller))
            audit.record(session, caller, "strategies.build", draft.id, {"template": config["template"], "errors": len(errors), "repairs": repairs, "guardrail_flags": flags})
            return _out(draft, flags)

    def _screen_rationale(self, rationale: str, caller: Caller) -> list[str]:
        """Output checks on the model's prose (the config itself is validated, not screened)."""
        return self.screener.screen(SURFACE, Stage.output, rationale, caller).flags

    def _draft(
        self, intent: str, constraints: Constraints, retrieved: Retrieved, caller: Caller,
        previous: dict[str, Any] | None = None, instruction: str = "",
    ) -> tuple[dict[str, Any], str, list[str], int]:
        """Generate, validate, and repair up to MAX_REPAIRS times with the exact errors fed back."""
        read, read_instruction = self.view(intent), self.view(instruction)
        templates = best_supported([self.catalogue.template(c.id) for c in retrieved.contenders], revision_text(read, read_instruction), self.catalogue)
        stated = {t.id: stated_params(read, t, self.catalogue, read_instruction) for t in templates}
        log.info("strategies.stated", stated=stated)
        output_type = draft_type(templates, stated, constraints, sorted(self.catalogue.instruments))
        feedback = f"Current configuration to revise: {json.dumps(previous)}" if previous else "none"
        asked = revision_text(intent if read == intent else f"{intent}\n(read as: {read})", instruction)
        seed = int(hashlib.sha256(asked.encode()).hexdigest()[:8], 16)
        for attempt in range(MAX_REPAIRS + 1):
            prompt = self.prompts.render(PROMPT_ID, _variables(asked, constraints, templates, stated, retrieved, self.catalogue, feedback))
            context = CallContext(feature="strategies", user=caller.name, request_id=caller.request_id or uuid.uuid4().hex, prompt=prompt)
            draft = self.generator.generate(prompt.messages, output_type, context=context, seed=seed + 1000 * attempt)
            config, rationale = to_config(draft.model_dump(), constraints)
            errors = validate_config(config, self.catalogue, constraints.risk_level)
            if not errors:
                return config, rationale, [], attempt
            log.info("strategies.repair", attempt=attempt, errors=errors)
            feedback = f"Previous draft: {json.dumps(config)}\nIts errors: " + "; ".join(errors)
        return config, rationale, errors, MAX_REPAIRS

    # --- human in the loop -------------------------------------------------------------------

    def revise(self, draft_id: str, body: ReviseIn, caller: Caller) -> DraftOut:
        """A new revision from an instruction (regenerated) or an edited config (validated; rejected whole if invalid)."""
        with self.db.session() as session:
            draft = self._open(session, draft_id)
            constraints = Constraints.model_validate(draft.constraints)
        if body.config is not None:
            if errors := validate_config(body.config, self.catalogue, constraints.risk_level):
                raise Unprocessable("edited config rejected: " + "; ".join(errors))
            config, rationale, errors, repairs, source = body.config, draft.rationale, [], 0, "edit"
        else:
            instruction = self.screener.screen_input(SURFACE, body.instruction or "", caller, param="instruction").text
            retrieved = self.retrieve(revision_text(draft.intent, instruction))
            config, rationale, errors, repairs = self._draft(draft.intent, constraints, retrieved, caller, previous=draft.config, instruction=instruction)
            source = "instruction"
        with self.db.session() as session:
            draft = self._open(session, draft_id)
            draft.revision += 1
            draft.config, draft.rationale, draft.validation_errors, draft.repairs = config, rationale, errors, repairs
            draft.status, draft.updated_at = ("invalid" if errors else "pending_approval"), utcnow()
            session.add(_revision(draft, source, caller))
            flags = self._screen_rationale(rationale, caller) if source == "instruction" else []
            audit.record(session, caller, "strategies.revise", draft.id, {"source": source, "revision": draft.revision, "errors": len(errors), "guardrail_flags": flags})
            return _out(draft, flags)

    def decide(self, draft_id: str, approve: bool, comment: str, caller: Caller) -> DraftOut:
        action = f"strategies.{'approve' if approve else 'reject'}"
        if self.get_row(draft_id).author == caller.name:
            raise audit.denied(self.db, caller, action, draft_id, "nobody approves or rejects their own draft; ask another reviewer")
        with self.db.session() as session:
            draft = self._open(session, draft_id)
            if approve and draft.status != "pending_approval":
                raise Conflict(f"draft {draft_id} is {draft.status}; only a valid draft pending approval can be approved")
            draft.status = "approved" if approve else "rejected"
            draft.decided_by, draft.decision_comment, draft.updated_at = caller.name, comment, utcnow()
            audit.record(session, caller, action, draft.id, {"revision": draft.revision, "comment": comment[:200]})
            return _out(draft)

    def export(self, draft_id: str) -> dict[str, Any]:
        """The approved config as the StrategyService takes it; this service deploys nothing."""
        draft = self.get_row(draft_id)
        if draft.status != "approved":
            raise Conflict(f"draft {draft_id} is {draft.status}; only approved drafts are exported")
        return {
            "draft_id": draft.id, "revision": draft.revision, "approved_by": draft.decided_by, "author": draft.author,
            "catalogue_version": draft.catalogue_version, "config": draft.config,
        }

    # --- reading -----------------------------------------------------------------------------

    def get(self, draft_id: str) -> DraftOut:
        return _out(self.get_row(draft_id))

    def get_row(self, draft_id: str) -> StrategyDraft:
        with self.db.session() as session:
            return _row(session, draft_id)

    def list(self, status: str | None = None) -> list[DraftOut]:
        with self.db.session() as session:
            query = select(StrategyDraft).order_by(StrategyDraft.created_at.desc())
            if status:
                query = query.where(StrategyDraft.status == status)
            return [_out(d) for d in session.scalars(query)]

    def metrics(self) -> Metrics:
        """The plan's metrics: drafts, approval conversion, mean revisions, validation failure rate."""
        with self.db.session() as session:
            by_status = dict(session.execute(select(StrategyDraft.status, func.count()).group_by(StrategyDraft.status)).all())
            drafts = sum(by_status.values())
            mean_revisions = session.scalar(select(func.avg(StrategyDraft.revision))) or 0.0
            generated = select(func.count()).select_from(StrategyDraftRevision).where(StrategyDraftRevision.source.in_(GENERATED_SOURCES))
            generations = session.scalar(generated) or 0
            failed = session.scalar(generated.where(func.json_array_length(StrategyDraftRevision.validation_errors) > 0)) or 0
        approved, rejected = by_status.get("approved", 0), by_status.get("rejected", 0)
        return Metrics(
            drafts=drafts, approved=approved, rejected=rejected, pending=by_status.get("pending_approval", 0), invalid=by_status.get("invalid", 0),
            approval_conversion=approved / (approved + rejected) if approved + rejected else 0.0,
            mean_revisions=round(float(mean_revisions), 3), generations=generations,
            validation_failure_rate=failed / generations if generations else 0.0,
        )

    def _open(self, session: Session, draft_id: str) -> StrategyDraft:
        """The draft, if it can still change (not yet approved or rejected)."""
        draft = _row(session, draft_id)
        if draft.status in ("approved", "rejected"):
            raise Conflict(f"draft {draft_id} is already {draft.status}")
        return draft


def revision_text(intent: str, instruction: str) -> str:
    """The intent as the model and retrieval see it, with the revision request if there is one."""
    return f"{intent}\nRevision request: {instruction}" if instruction else intent


def _row(session: Session, draft_id: str) -> StrategyDraft:
    draft = session.get(StrategyDraft, draft_id)
    if draft is None:
        raise NotFound(f"no strategy draft {clipped(draft_id)!r}")
    return draft


def _revision(draft: StrategyDraft, source: str, caller: Caller) -> StrategyDraftRevision:
    return StrategyDraftRevision(
        draft_id=draft.id, revision=draft.revision, source=source, config=draft.config,
        validation_errors=draft.validation_errors, repairs=draft.repairs, created_by=caller.name,
    )


def _variables(
    intent: str, constraints: Constraints, templates: list[Template], stated: dict[str, dict[str, Value]],
    retrieved: Retrieved, catalogue: Catalogue, feedback: str,
) -> dict[str, str]:
    def describe(template: Template) -> str:
        fixed, bounds = stated[template.id], asked_bounds(template, stated[template.id])
        params = ", ".join(
            f"{name} = {fixed[name]} (stated in the intent)" if name in fixed
            else f"{name} ({'|'.join(spec.choices)})" if spec.type == "choice"
            else f"{name} ({spec.type} {bounds[name][0]:g}..{bounds[name][1]:g})"
            for name, spec in template.params.items()
        )
        rules = "; ".join(rule.message for rule in template.rules) or "none"
        return f"- {template.id}: {template.description} Parameters: {params}. Rules: {rules}."

    return {
        "intent": intent,
        "constraints": constraints.model_dump_json(exclude_none=True),
        "templates": "\n".join(describe(t) for t in templates),
        "indicators": "\n".join(f"- {c.id}: {catalogue.indicators[c.id].description}" for c in retrieved.indicators),
        "feedback": feedback,
    }


def _out(draft: StrategyDraft, guardrail_flags: list[str] | None = None) -> DraftOut:
    return DraftOut(
        id=draft.id, revision=draft.revision, status=draft.status, intent=draft.intent,  # type: ignore[arg-type]
        constraints=Constraints.model_validate(draft.constraints), config=draft.config, rationale=draft.rationale,
        candidates=[Candidate.model_validate(c) for c in draft.candidates], validation_errors=draft.validation_errors,
        repairs=draft.repairs, author=draft.author, decided_by=draft.decided_by, decision_comment=draft.decision_comment,
        prompt_id=draft.prompt_id, prompt_version=draft.prompt_version, model=draft.model,
        catalogue_version=draft.catalogue_version, created_at=draft.created_at, updated_at=draft.updated_at,
        guardrail_flags=guardrail_flags or [],
    )

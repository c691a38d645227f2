"""ChatOpsService: questions in, diagnosed answers out, with every step on the audit trail.

A turn is audited when asked (the question), per tool call (by the executor, arguments and
result), and when answered (outcome, answer, citations, escalation, pending action); the
answer's audit id is returned so a reply can be traced to its chain entry.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from typing import Any

import structlog
from pydantic import BaseModel
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from guardrails.grounding import ungrounded_numbers
from guardrails.policy import Stage
from inference.structured import CallContext, StructuredGenerator
from retrieval.embeddings import Embedder
from retrieval.korean import TextView, language_of
from services.chatops.agent import Agent, AgentRun, Question
from services.chatops.components import Components
from services.chatops.models import ChatTurn, Escalation, PendingAction, Resolution, asked_at
from services.chatops.runbooks import RunbookLibrary
from services.chatops.schemas import ActionOut, AskIn, AskOut, EscalationOut, ResolutionOut, RunbookRef, ToolCallOut, ToolInfo
from services.chatops.toolkit import ToolExecutor, ToolResult
from services.chatops.toolsets.loader import Toolsets, ToolsetStatus
from services.platform import audit
from services.platform.audit import Caller
from services.platform.db import Database
from services.platform.errors import Conflict, Forbidden, NotFound, Unprocessable, clipped
from services.platform.models import utcnow
from services.platform.permissions import Permission, Role, allowed
from services.platform.served_prompts import ServedPrompts
from services.platform.screening import ContentBlocked, Screener, blocked_message

log = structlog.get_logger(__name__)
PROMPT_ID = "chatops.agent"
SURFACE = "chatops"
ACTION_TTL = timedelta(minutes=15)
HISTORY_TURNS = 3
RUNBOOK_CANDIDATES = 5


class ChatOpsService:
    def __init__(
        self, db: Database, prompts: ServedPrompts, generator: StructuredGenerator, screener: Screener, embedder: Embedder,
        components: Components, library: RunbookLibrary, toolsets: Toolsets, executor: ToolExecutor, view: TextView,
    ) -> None:
        """``toolsets`` says which tools ``executor`` offers (checked again every
        ``toolsets.recheck_s``); ``view`` reads a Korean question as English for ranking."""
        self.db, self.prompts, self.generator, self.screener, self.embedder = db, prompts, generator, screener, embedder
        self.components, self.library, self.toolsets, self.executor, self.view = components, library, toolsets, executor, view

    # --- asking ------------------------------------------------------------------------------

    def ask(self, body: AskIn, caller: Caller, channel: str = "api") -> AskOut:
        turn_id = uuid.uuid4().hex
        conversation_id = body.conversation_id or turn_id
        started = utcnow()
        text = self._screen_question(body.question, caller, turn_id, channel)
        self._fresh_tools()
        history = self._history(conversation_id, caller)
        with self.db.session() as session:
            audit.record(session, caller, "chatops.ask", turn_id, {"question": text, "conversation_id": conversation_id, "channel": channel})
        question = Question(
            text=text, caller=caller, turn_id=turn_id, tools=self.executor.permitted(Role(caller.role)), components=self.components.names,
            llm_components=[name for name, c in self.components.components.items() if c.llm], history=history,
            oncall={name: c.oncall for name, c in self.components.components.items()},
            seed=int(hashlib.sha256(text.encode()).hexdigest()[:8], 16), lang=language_of(text), in_english=self.view(text),
        )
        agent = Agent(
            self.executor, self._step_for(caller, turn_id), lambda query: self.library.search(query, RUNBOOK_CANDIDATES), self.library.body,
            self.embedder.embed,
        )
        run = agent.run(question)
        hits = run.runbooks
        calls = [ToolCallOut(**c.result.model_dump(), source=c.source, step=c.step) for c in run.calls]
        evidence = [text, *(f"{c.summary} {c.data}" for c in calls), *(f.text for f in run.findings)]
        ungrounded = ungrounded_numbers(run.answer, evidence)
        screened = self.screener.screen(SURFACE, Stage.output, run.answer, caller)
        run.answer = f"(answer withheld: {blocked_message(screened)})" if screened.blocked else screened.text
        latency_ms = round((utcnow() - started).total_seconds() * 1000, 1)
        with self.db.session() as session:
            turn = ChatTurn(
                id=turn_id, conversation_id=conversation_id, asked_by=caller.name, channel=channel, question=text, outcome=run.outcome,
                answer=run.answer, tool_calls=[c.model_dump(mode="json") for c in calls], steps=run.steps, latency_ms=latency_ms,
                runbooks=[{"id": h.id, "title": h.title, "score": h.score, "cited": h.id in run.cited} for h in hits],
            )
            session.add(turn)
            escalation = self._escalation(session, run, turn, caller)
            pending = self._pending(session, run.pending, turn_id, caller) if run.pending else None
            entry = audit.record(session, caller, "chatops.answer", turn_id, {
                "outcome": run.outcome, "answer": run.answer, "cited": run.cited, "steps": run.steps, "stop_reason": run.stop_reason,
                "escalation_id": escalation.id if escalation else None, "pending_action": pending.id if pending else None, "ungrounded_numbers": ungrounded,
                "guardrail_flags": screened.flags,
            })
            return AskOut(
                turn_id=turn_id, conversation_id=conversation_id, outcome=run.outcome, answer=run.answer, ungrounded_numbers=ungrounded,
                tool_calls=calls, runbooks=[RunbookRef(**r) for r in turn.runbooks], escalation=_escalation_out(escalation) if escalation else None,
                pending_action=_action_out(pending) if pending else None, steps=run.steps, stop_reason=run.stop_reason, latency_ms=latency_ms, audit_id=entry.id,
                guardrail_flags=screened.flags,
            )

    def _screen_question(self, question: str, caller: Caller, turn_id: str, channel: str) -> str:
        """The question with secrets redacted; a blocked one (an injection, abuse) is audited as denied and refused."""
        try:
            return self.screener.screen_input(SURFACE, question, caller, param="question").text
        except ContentBlocked as exc:
            with self.db.session() as session:
                audit.record(session, caller, "chatops.ask", turn_id, {"blocked": exc.message, "channel": channel}, decision="denied")
            raise

    def _step_for(self, caller: Caller, turn_id: str) -> Any:
        def step(variables: dict[str, str], output_type: type[BaseModel], seed: int) -> BaseModel:
            prompt = self.prompts.render(PROMPT_ID, variables)
            context = CallContext(feature="chatops", user=caller.name, request_id=caller.request_id or turn_id, prompt=prompt)
            return self.generator.generate(prompt.messages, output_type, context=context, seed=seed)

        return step

    def _history(self, conversation_id: str, caller: Caller) -> str:
        """The conversation's last turns, for the prompt; only its own asker may continue it."""
        with self.db.session() as session:
            turns = list(session.scalars(select(ChatTurn).where(ChatTurn.conversation_id == conversation_id).order_by(ChatTurn.created_at.desc()).limit(HISTORY_TURNS)))
        if any(turn.asked_by != caller.name for turn in turns):
            raise self._not_yours(conversation_id, caller, "chatops.ask")
        return "\n".join(f"Q: {t.question[:200]}\nA: {t.answer[:300]}" for t in reversed(turns)) or "none"

    def _escalation(self, session: Session, run: AgentRun, turn: ChatTurn, caller: Caller) -> Escalation | None:
        if run.escalation is None:
            return None
        draft = run.escalation
        row = Escalation(
            id=uuid.uuid4().hex, turn_id=turn.id, service=draft.service, severity=draft.severity, summary=draft.summary,
            evidence=[{"tool": c.result.tool, "status": c.result.status, "summary": c.result.summary} for c in run.calls],
            suggested_oncall=self.components.oncall(draft.service), status="open", created_by=caller.name, created_at=utcnow(),
        )
        session.add(row)
        audit.record(session, caller, "chatops.escalate", row.id, {"service": row.service, "severity": row.severity, "oncall": row.suggested_oncall, "by": draft.by})
        return row

    # --- tools and confirmations -------------------------------------------------------------

    def _fresh_tools(self) -> None:
        """Check the toolsets again when their last check is older than ``recheck_s`` (or never ran)."""
        if self.toolsets.stale():
            self.executor.offer(self.toolsets.load())

    def toolset_statuses(self) -> list[ToolsetStatus]:
        self._fresh_tools()
        return self.toolsets.statuses

    def reload_toolsets(self, caller: Caller) -> list[ToolsetStatus]:
        """Read the toolset files again and check their prerequisites now (audited)."""
        self.executor.offer(self.toolsets.load())
        with self.db.session() as session:
            audit.record(session, caller, "chatops.toolsets.reload", "toolsets", {
                "available": [s.name for s in self.toolsets.statuses if s.available],
                "unavailable": {s.name: s.reason for s in self.toolsets.statuses if not s.available},
            })
        return self.toolsets.statuses

    def tools(self, role: Role) -> list[ToolInfo]:
        self._fresh_tools()
        return [
            ToolInfo(name=t.name, description=t.description, permission=t.permission.value, mutating=t.mutating, timeout_s=t.timeout_s, arguments_schema=t.arguments.model_json_schema())
            for t in self.executor.permitted(role)
        ]

    def run_tool(self, name: str, arguments: dict[str, Any], caller: Caller) -> ToolCallOut | ActionOut:
        """Run one tool directly; a state-changing one becomes an action awaiting confirmation."""
        self._fresh_tools()
        result = self.executor.execute(caller, name, arguments)
        if result.status == "denied":
            raise Forbidden(result.summary)  # the executor audited the denied call
        if result.status == "error" and name not in self.executor.tools:
            raise NotFound(result.summary)
        if result.status == "error" and result.summary.startswith("invalid arguments"):
            raise Unprocessable(result.summary)
        if result.status == "needs_confirmation":
            with self.db.session() as session:
                return _action_out(self._pending(session, result, "direct", caller))
        return ToolCallOut(**result.model_dump(), source="direct")

    def _pending(self, session: Session, result: ToolResult, turn_id: str, caller: Caller) -> PendingAction:
        row = PendingAction(
            id=uuid.uuid4().hex, turn_id=turn_id, tool=result.tool, arguments=result.arguments, requested_by=caller.name,
            status="pending", expires_at=utcnow() + ACTION_TTL, created_at=utcnow(),
        )
        session.add(row)
        audit.record(session, caller, "chatops.action.propose", row.id, {"tool": row.tool, "arguments": row.arguments, "turn_id": turn_id})
        return row

    def confirm(self, action_id: str, caller: Caller) -> ActionOut:
        """Run a pending action; exactly one confirmation wins, and the executor re-checks the role."""
        with self.db.session() as session:
            tool = _action(session, action_id).tool
        if tool not in self.executor.tools:  # its toolset became unavailable after the proposal
            raise Conflict(f"tool {tool} is not offered now (GET /chatops/toolsets says why); action {action_id} cannot run")
        permission = self.executor.tools[tool].permission
        if not allowed(Role(caller.role), permission):
            message = f"role {caller.role!r} lacks permission {permission.value!r} to confirm {tool}"
            raise audit.denied(self.db, caller, "chatops.action.confirm", action_id, message, {"tool": tool})
        with self.db.session() as session:
            row = _action(session, action_id)
            if row.status == "pending" and row.expires_at < utcnow():
                row.status = "expired"
            elif row.status == "pending":
                claimed = session.execute(update(PendingAction).where(PendingAction.id == action_id, PendingAction.status == "pending").values(status="running", decided_by=caller.name)).rowcount
                if claimed:
                    row.status = "running"
        if row.status != "running" or row.decided_by != caller.name:
            raise Conflict(f"action {action_id} is {row.status}; only a pending, unexpired action can be confirmed")
        result = self.executor.execute(caller, row.tool, row.arguments, confirmed=True, turn_id=action_id)
        with self.db.session() as session:
            row = _action(session, action_id)
            row.status = "executed" if result.status == "ok" else "failed"
            row.result = ToolCallOut(**result.model_dump(), source="confirmed").model_dump(mode="json")
            audit.record(session, caller, "chatops.action.confirm", action_id, {"tool": row.tool, "status": result.status})
            return _action_out(row)

    def cancel(self, action_id: str, caller: Caller) -> ActionOut:
        with self.db.session() as session:
            row = _action(session, action_id)
            if row.status != "pending":
                raise Conflict(f"action {action_id} is {row.status}; only a pending action can be cancelled")
            if row.requested_by == caller.name or allowed(Role(caller.role), Permission.chatops_operate):
                row.status, row.decided_by = "cancelled", caller.name
                audit.record(session, caller, "chatops.action.cancel", action_id, {"tool": row.tool})
                return _action_out(row)
        message = "only the requester or an operator can cancel an action"
        raise audit.denied(self.db, caller, "chatops.action.cancel", action_id, message, {"tool": row.tool, "requested_by": row.requested_by})

    # --- resolving ---------------------------------------------------------------------------

    def resolve(self, conversation_id: str, note: str, caller: Caller) -> ResolutionOut:
        """Mark a conversation resolved: by the person who asked it or an operator, once."""
        with self.db.session() as session:
            turns = list(session.scalars(select(ChatTurn).where(ChatTurn.conversation_id == conversation_id).order_by(ChatTurn.created_at)))
            if not turns:
                raise NotFound(f"no conversation {clipped(conversation_id)!r}")
            asker = turns[0].asked_by
        if caller.name != asker and not allowed(Role(caller.role), Permission.chatops_operate):
            message = f"only the asker ({asker}) or an operator can resolve conversation {conversation_id!r}"
            raise audit.denied(self.db, caller, "chatops.resolve", conversation_id, message, {"asked_by": asker})
        with self.db.session() as session:
            if (done := session.get(Resolution, conversation_id)) is not None:
                raise Conflict(f"conversation {conversation_id!r} was already resolved by {done.resolved_by} at {done.resolved_at.isoformat(timespec='seconds')}")
            turn_ids = [t.id for t in turns]
            escalations = session.scalar(select(func.count()).select_from(Escalation).where(Escalation.turn_id.in_(turn_ids))) or 0
            row = Resolution(conversation_id=conversation_id, resolved_by=caller.name, resolved_at=utcnow(), note=note)
            session.add(row)
            try:
                session.flush()
            except IntegrityError as exc:  # resolved concurrently by someone else
                raise Conflict(f"conversation {conversation_id!r} was already resolved") from exc
            started = asked_at(turns[0].created_at, turns[0].latency_ms)
            out = ResolutionOut(
                conversation_id=conversation_id, asked_by=asker, started_at=started, resolved_by=row.resolved_by, resolved_at=row.resolved_at,
                note=note, turns=len(turns), escalated=escalations > 0, time_to_resolution_s=round((row.resolved_at - started).total_seconds(), 1),
            )
            audit.record(session, caller, "chatops.resolve", conversation_id, {
                "asked_by": asker, "turns": out.turns, "escalated": out.escalated, "time_to_resolution_s": out.time_to_resolution_s, "note": note[:200],
            })
            return out

    # --- reading -----------------------------------------------------------------------------

    def escalations(self, status: str | None = None) -> list[EscalationOut]:
        with self.db.session() as session:
            query = select(Escalation).order_by(Escalation.created_at.desc())
            return [_escalation_out(row) for row in session.scalars(query.where(Escalation.status == status) if status else query)]

    def conversation(self, conversation_id: str, caller: Caller) -> list[dict[str, Any]]:
        with self.db.session() as session:
            turns = list(session.scalars(select(ChatTurn).where(ChatTurn.conversation_id == conversation_id).order_by(ChatTurn.created_at)))
        if not turns:
            raise NotFound(f"no conversation {clipped(conversation_id)!r}")
        if caller.role != Role.admin and any(t.asked_by != caller.name for t in turns):
            raise self._not_yours(conversation_id, caller, "chatops.conversation.read")
        return [
            {"turn_id": t.id, "question": t.question, "outcome": t.outcome, "answer": t.answer, "tool_calls": t.tool_calls, "runbooks": t.runbooks, "created_at": t.created_at}
            for t in turns
        ]


    def _not_yours(self, conversation_id: str, caller: Caller, action: str) -> Forbidden:
        return audit.denied(self.db, caller, action, conversation_id, f"conversation {conversation_id!r} belongs to another user")


def _action(session: Session, action_id: str) -> PendingAction:
    row = session.get(PendingAction, action_id)
    if row is None:
        raise NotFound(f"no pending action {clipped(action_id)!r}")
    return row


def _action_out(row: PendingAction) -> ActionOut:
    return ActionOut(
        id=row.id, tool=row.tool, arguments=row.arguments, status=row.status, requested_by=row.requested_by, expires_at=row.expires_at,  # type: ignore[arg-type]
        decided_by=row.decided_by, result=ToolCallOut.model_validate(row.result) if row.result else None, confirm_path=f"/chatops/actions/{row.id}/confirm",
    )


def _escalation_out(row: Escalation) -> EscalationOut:
    return EscalationOut(
        id=row.id, turn_id=row.turn_id, service=row.service, severity=row.severity, summary=row.summary, suggested_oncall=row.suggested_oncall,
        evidence=row.evidence, status=row.status, created_by=row.created_by, created_at=row.created_at,
    )

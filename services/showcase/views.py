"""What the showcase pages show, read from the stores the products write (nothing recomputed).

Each function returns plain dicts for the templates; the pages and the static export share them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.chatops.models import ChatTurn, Escalation
from services.platform.models import AuditEntry, utcnow
from services.reports import store
from services.reports.models import Report
from services.reports.facts import figures
from services.reports.narrative import fill
from services.strategies.models import StrategyDraft, StrategyDraftRevision

LIMIT = 50


def overview(session: Session) -> dict[str, Any]:
    """The index page: every report, and the builder's and ChatOps' counts by outcome."""
    drafted, asked = drafts(session), turns(session)
    return {
        "reports": reports(session), "drafts": drafted, "turns": asked, "generated_at": utcnow(),
        "draft_counts": dict(Counter(d["draft"].status for d in drafted)), "turn_counts": dict(Counter(t["turn"].outcome for t in asked)),
    }


def reports(session: Session) -> list[dict[str, Any]]:
    """The newest report of each backtest, best Sharpe first."""
    summaries = {row.id: row for row in store.summaries(session)}
    newest: dict[str, Report] = {}
    for report in session.scalars(select(Report).where(Report.invalidated_at.is_(None)).order_by(Report.generated_at)):
        newest[report.backtest_id] = report
    rows = [
        {
            "id": backtest_id, "headline": fill(report.narrative["headline"], figures(store.backtest_at(session, backtest_id, report.revision))),
            "status": report.status, "verdict": report.factcheck["verdict"], "prompt": f"{report.prompt_id}@{report.prompt_version}",
            "model": report.model, "generated_at": report.generated_at, "sharpe": summaries[backtest_id].sharpe if backtest_id in summaries else None,
        }
        for backtest_id, report in newest.items()
    ]
    return sorted(rows, key=lambda row: row["sharpe"] if row["sharpe"] is not None else float("-inf"), reverse=True)


def drafts(session: Session) -> list[dict[str, Any]]:
    """Builder drafts, newest first, with their revisions and approval trail."""
    rows = session.scalars(select(StrategyDraft).order_by(StrategyDraft.created_at.desc()).limit(LIMIT)).all()
    return [
        {
            "draft": draft,
            "revisions": session.scalars(select(StrategyDraftRevision).where(StrategyDraftRevision.draft_id == draft.id).order_by(StrategyDraftRevision.revision)).all(),
            "trail": _trail(session, draft.id, "strategies."),
        }
        for draft in rows
    ]


def turns(session: Session) -> list[dict[str, Any]]:
    """ChatOps questions, newest first, with tool calls, runbooks, escalation and audit entry."""
    rows = session.scalars(select(ChatTurn).order_by(ChatTurn.created_at.desc()).limit(LIMIT)).all()
    return [
        {
            "turn": turn,
            "escalation": session.scalar(select(Escalation).where(Escalation.turn_id == turn.id)),
            "audit_id": session.scalar(select(AuditEntry.id).where(AuditEntry.action == "chatops.ask", AuditEntry.target == turn.id)),
        }
        for turn in rows
    ]


def _trail(session: Session, target: str, prefix: str) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.target == target, AuditEntry.action.startswith(prefix)).order_by(AuditEntry.id)
    return list(session.scalars(query))

"""What the showcase pages show, read from the stores the products write (nothing recomputed).

Each function returns plain dicts for the templates; the pages and the static export share them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.chatops.models import ChatTurn, Escalation, Investigation
from services.evaluation import records
from services.evaluation.models import EvalRun
from services.operations.metrics_summary import MetricsSection, PlanMetrics, parse_window
from services.platform.languages import Lang
from services.platform.models import AuditEntry, utcnow
from services.reports import store
from services.reports.facts import figures
from services.reports.models import Report
from services.reports.narrative import fill
from services.reports.service import language
from services.strategies.models import StrategyDraft, StrategyDraftRevision

LIMIT = 50
DEMO_USER_PREFIX = "demo-"  # `make demo`'s walk-through acts as demo-analyst, demo-reviewer, ... (services.demo.walkthrough)


def by_demo(*names: str | None) -> bool:
    """Made or decided by the walk-through: the pages label it demo content, not a real event."""
    return any(name and name.startswith(DEMO_USER_PREFIX) for name in names)


def overview(session: Session, lang: Lang = "en") -> dict[str, Any]:
    """The index page: every report in ``lang``, and the builder's and ChatOps' counts by outcome."""
    drafted, asked = drafts(session), turns(session)
    return {
        "reports": reports(session, lang), "drafts": drafted, "turns": asked, "investigations": investigations(session), "generated_at": utcnow(),
        "draft_counts": dict(Counter(d["draft"].status for d in drafted)), "turn_counts": dict(Counter(t["turn"].outcome for t in asked)),
    }


def reports(session: Session, lang: Lang = "en") -> list[dict[str, Any]]:
    """The newest report in ``lang`` of each backtest, best Sharpe first."""
    summaries = {row.id: row for row in store.summaries(session)}
    newest: dict[str, Report] = {}
    for report in session.scalars(select(Report).where(Report.invalidated_at.is_(None)).order_by(Report.generated_at)):
        if language(report) == lang:
            newest[report.backtest_id] = report
    rows = [
        {
            "id": backtest_id, "headline": fill(report.narrative["headline"], figures(store.backtest_at(session, backtest_id, report.revision), lang)),
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
            "draft": draft, "demo": by_demo(draft.author, draft.decided_by),
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
            "turn": turn, "demo": by_demo(turn.asked_by),
            "escalation": session.scalar(select(Escalation).where(Escalation.turn_id == turn.id)),
            "audit_id": session.scalar(select(AuditEntry.id).where(AuditEntry.action == "chatops.ask", AuditEntry.target == turn.id)),
        }
        for turn in rows
    ]


def investigations(session: Session) -> list[dict[str, Any]]:
    """Alert-triggered investigations, newest first (their turns are among `turns`)."""
    rows = session.scalars(select(Investigation).order_by(Investigation.created_at.desc()).limit(LIMIT)).all()
    return [{"investigation": row, "demo": by_demo(row.created_by)} for row in rows]


def _trail(session: Session, target: str, prefix: str) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.target == target, AuditEntry.action.startswith(prefix)).order_by(AuditEntry.id)
    return list(session.scalars(query))


def quality(session: Session, plan: PlanMetrics, lang: Lang = "en") -> dict[str, Any]:
    """The quality page: the latest recorded eval run of each model, and the plan's metrics
    (section 7) over the default window of `GET /metrics/summary`."""
    runs = [_eval_run(run) for run in records.latest_per_model(session)]
    by_product = sorted((product, run["model"], rate) for run in runs for product, rate in run["products"].items())
    summary = plan.summarize(session, *parse_window(None, None))
    return {
        "runs": runs, "product_bars": [(f"{product} · {model}", rate) for product, model, rate in by_product],
        "window": summary.window, "metric_groups": [_metric_group(section, getattr(summary, section.name), lang) for section in plan.sections],
        "generated_at": utcnow(),
    }


def _eval_run(run: EvalRun) -> dict[str, Any]:
    """A run as the page shows it: its suites (from the stored document) and a pass rate per
    product, the runs passed over all runs of its suites."""
    suites = [{**suite, "name": suite["file"].rsplit("/", 1)[-1]} for suite in run.document["suites"]]
    products: dict[str, float] = {}
    for product in dict.fromkeys(suite["product"] for suite in suites):
        mine = [suite for suite in suites if suite["product"] == product]
        products[product] = sum(suite["pass_rate"] * suite["cases"] for suite in mine) / (sum(suite["cases"] for suite in mine) or 1)
    bars = [bar for suite in suites for bar in ((suite["name"], suite["pass_rate"]), (f"{suite['name']} pass^{suite.get('repeat', 1)}", suite["pass_all_k"]))]
    return {
        "id": run.id, "model": run.model, "profile": run.profile, "created_at": run.created_at, "created_by": run.created_by,
        "commit": run.git_commit, "prompt_versions": run.prompt_versions, "suites": suites, "products": products, "suite_bars": bars,
    }


def _metric_group(section: MetricsSection, metrics: BaseModel, lang: Lang) -> dict[str, Any]:
    """One product's section-7 metrics: its shares as bars (and percentages), every figure with
    its definition, named in ``lang`` (the section's Korean names)."""
    def label(field: str) -> str:
        return section.korean.get(field, field) if lang == "ko" else field.replace("_", " ")

    rates = section.shares
    rows = [
        {"label": label(field), "value": _figure(getattr(metrics, field), percent=field in rates), "definition": info.description or ""}
        for field, info in type(metrics).model_fields.items()
    ]
    bars = [(label(field), value) for field in rates if (value := getattr(metrics, field)) is not None]
    return {"title": label("title") if lang == "ko" else section.title, "rows": rows, "rate_bars": bars}


def _figure(value: float | int | None, *, percent: bool) -> str:
    if value is None:
        return "-"
    if percent:
        return f"{value:.0%}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"

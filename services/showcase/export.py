"""The showcase as files (`var/showcase/index.html` and the pages it links), for `make demo`.

The same views and templates as the served pages, with relative links, so the folder opens
from disk in an air-gapped browser and can be handed round as it is.
"""

from __future__ import annotations

from pathlib import Path

from services.operations.metrics_summary import PlanMetrics
from services.platform.audit import Caller
from services.platform.db import Database
from services.platform.deps import Principal
from services.platform.permissions import Role
from services.reports import render, store
from services.reports.service import ReportGenerationService
from services.showcase import views
from services.showcase.render import FILE_PATHS, linker, page


def export(db: Database, reports: ReportGenerationService, plan: PlanMetrics, out: Path, caller: Caller) -> Path:
    """Write the showcase under ``out``; returns its index.html."""
    link = linker(FILE_PATHS)
    viewer = Principal(caller.name, Role(caller.role))
    (out / "reports").mkdir(parents=True, exist_ok=True)
    with db.session() as session:
        context, quality = views.overview(session), views.quality(session, plan)
    pages = {
        "index.html": page("index.html.jinja", link=link, title="Showcase", user=viewer, **context),
        "builder.html": page("builder.html.jinja", link=link, title="Strategy builder", user=viewer, drafts=context["drafts"]),
        "chatops.html": page("chatops.html.jinja", link=link, title="ChatOps", user=viewer, turns=context["turns"], investigations=context["investigations"]),
        "quality.html": page("quality.html.jinja", link=link, title="Quality", user=viewer, **quality),
    }
    for row in context["reports"]:
        report = reports.get_report(row["id"], caller)
        with db.session() as session:
            backtest = store.backtest_at(session, row["id"], report.revision)
        pages[link("report", row["id"])] = render.html(report, backtest)
    for name, html in pages.items():
        (out / name).write_text(html, encoding="utf-8")
    return out / "index.html"

"""`insightstack metrics [--from --to] [--json]`: the plan's metrics, read from the database."""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from services.platform.db import Database
from services.operations.metrics_summary import InvalidWindow, MetricsSummary, parse_window, summarize
from services.platform.settings import get_settings

console = Console()
SECTIONS = (("narrative", "Narrative reports (D1)"), ("builder", "Strategy builder (D2)"), ("chatops", "ChatOps (D3)"))


def metrics_command(
    start: Annotated[str | None, typer.Option("--from", help="ISO date or datetime (UTC if no zone); default: 30 days before --to.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="ISO date (its whole day) or datetime; default: now.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON (the body of GET /metrics/summary).")] = False,
) -> None:
    """The plan's metrics (reports, strategy builder, ChatOps) over a window, from the recorded events."""
    try:
        window_start, window_end = parse_window(start, end)
    except InvalidWindow as exc:
        raise typer.BadParameter(exc.message, param_hint="--from" if exc.param == "from" else "--to") from None
    db = Database(get_settings().resolved_database_url)
    try:
        db.upgrade()
        with db.session() as session:
            summary = summarize(session, window_start, window_end)
    finally:
        db.engine.dispose()
    if as_json:
        print(summary.model_dump_json(indent=2))
        return
    print_summary(summary)


def print_summary(summary: MetricsSummary) -> None:
    window = f"{summary.window.start.isoformat(timespec='seconds')} to {summary.window.end.isoformat(timespec='seconds')}"
    for name, title in SECTIONS:
        section: BaseModel = getattr(summary, name)
        table = Table("metric", "value", "definition", title=f"{title}, {window}", title_justify="left")
        for field, info in type(section).model_fields.items():
            table.add_row(field, _shown(getattr(section, field)), info.description or "")
        console.print(table)


def _shown(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)

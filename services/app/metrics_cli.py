"""`insightstack metrics [--from --to] [--json]`: the plan's metrics, read from the database.
The command is built for the sections the composition root lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from services.platform.db import Database
from services.operations.metrics_summary import InvalidWindow, PlanMetrics, parse_window
from services.platform.settings import get_settings

console = Console()


def metrics_command(plan: PlanMetrics) -> Callable[..., None]:
    """The `metrics` command over `plan`'s sections."""

    def metrics(
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
                summary = plan.summarize(session, window_start, window_end)
        finally:
            db.engine.dispose()
        if as_json:
            print(summary.model_dump_json(indent=2))
            return
        print_summary(plan, summary)

    return metrics


def print_summary(plan: PlanMetrics, summary: BaseModel) -> None:
    window = f"{summary.window.start.isoformat(timespec='seconds')} to {summary.window.end.isoformat(timespec='seconds')}"  # type: ignore[attr-defined]
    for part in plan.sections:
        section: BaseModel = getattr(summary, part.name)
        table = Table("metric", "value", "definition", title=f"{part.title} ({part.product}), {window}", title_justify="left")
        for field, info in type(section).model_fields.items():
            table.add_row(field, _shown(getattr(section, field)), info.description or "")
        console.print(table)


def _shown(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)

"""`insightstack jobs ...`: the durable batch jobs and the state of each item."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from services.operations import jobs
from services.platform.runtime import open_platform

jobs_app = typer.Typer(help="Durable batch jobs (`reports batch`): state per item, for resuming.", no_args_is_help=True)
console = Console()


@jobs_app.command("show")
def show_command(
    job_id: str,
    as_json: Annotated[bool, typer.Option("--json", help="Print {id, state, items: [{id, state, attempts}]} as JSON.")] = False,
) -> None:
    """A job and each of its items."""
    view = jobs.show(open_platform().db, job_id)
    if as_json:
        print(json.dumps(view.as_json(), indent=2))
        return
    table = Table("item", "state", "attempts", "outcome", "detail", title=f"job {view.id} ({view.kind}): {view.state}")
    for item in view.items:
        table.add_row(item.id, item.state, str(item.attempts), item.outcome or "-", item.detail or "")
    console.print(table)


@jobs_app.command("list")
def list_command(limit: Annotated[int, typer.Option(min=1, help="How many, newest first.")] = 20) -> None:
    """The newest jobs."""
    table = Table("id", "kind", "state", "by", "created")
    for job in jobs.recent(open_platform().db, limit):
        table.add_row(job.id, job.kind, job.state, job.created_by, job.created_at.isoformat(timespec="seconds"))
    console.print(table)

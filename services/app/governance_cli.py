"""`insightstack governance ...`: the governance records as Markdown (services/operations/governance.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from services.operations import governance
from services.platform.runtime import open_platform

governance_app = typer.Typer(help="Governance records: prompt catalogue, approval log, audit chain check.", no_args_is_help=True)
console = Console()


@governance_app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", help="Directory to write README.md, prompts.md and approvals.md into (created if missing).")],
) -> None:
    """Write the governance records as Markdown; exit 1 (after writing) if the audit chain is broken."""
    platform = open_platform()
    generated_at = datetime.now(UTC).replace(microsecond=0)
    try:
        with platform.db.session() as session:
            records = governance.collect(session, platform.prompts)
        written = governance.write_records(records, out, generated_at)
    finally:
        platform.close()
    chain = records.chain
    for path in written:
        print(path)
    if not chain.ok:
        console.print(f"[red]audit chain broken[/red] at entry {chain.first_bad_id}: {chain.reason} (recorded in {written[0]})", highlight=False)
        raise typer.Exit(1)
    console.print(f"[green]audit chain intact[/green]: {chain.checked} entries", highlight=False)

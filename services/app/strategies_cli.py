"""`insightstack strategies build` and `insightstack index rebuild`."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from services.app.products import strategy_service
from services.platform.audit import Caller
from services.platform.runtime import open_platform
from services.strategies.schemas import BuildRequest, Constraints

strategies_app = typer.Typer(help="The generative strategy builder.", no_args_is_help=True)
index_app = typer.Typer(help="The retrieval index of the indicator and template catalogue.", no_args_is_help=True)
console = Console()
CLI_CALLER = Caller(name="cli", role="analyst")


@strategies_app.command("build")
def build_command(
    intent: Annotated[str, typer.Argument(help="The strategy in plain language.")],
    universe: Annotated[str | None, typer.Option(help="Comma-separated symbols.")] = None,
    timeframe: Annotated[str | None, typer.Option(help="5m, 15m, 1h, 4h, 1d or 1w.")] = None,
    risk_level: Annotated[str, typer.Option(help="low, medium or high.")] = "medium",
) -> None:
    """Draft a strategy config (status pending_approval; a reviewer approves it through the API)."""
    try:
        constraints = Constraints.model_validate(
            {"universe": universe.split(",") if universe else None, "timeframe": timeframe, "risk_level": risk_level}
        )
    except ValidationError as exc:
        raise typer.BadParameter("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None
    service = strategy_service(open_platform())
    draft = service.build(BuildRequest(intent=intent, constraints=constraints), CLI_CALLER)
    print(json.dumps(draft.model_dump(mode="json"), indent=2))
    if draft.status == "invalid":
        raise typer.Exit(1)


@index_app.command("rebuild")
def rebuild_command(force: Annotated[bool, typer.Option(help="Rebuild even if the catalogue is unchanged.")] = True) -> None:
    """(Re)build the catalogue collections in Qdrant."""
    service = strategy_service(open_platform())
    with Progress(TextColumn("embedding catalogue"), BarColumn(), MofNCompleteColumn(), console=console) as progress:
        task = progress.add_task("index", total=None)
        built = service.ensure_index(lambda done, total: progress.update(task, completed=done, total=total), force=force)
    console.print(f"catalogue {service.catalogue.version}: {'rebuilt' if built else 'already up to date'}")


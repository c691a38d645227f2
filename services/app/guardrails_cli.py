"""`insightstack guardrails ...`: try the policy on a text before changing it, without a server."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from guardrails.policy import Stage, load_policy
from guardrails.screen import Guardrails
from services.platform.settings import get_settings

guardrails_app = typer.Typer(help="The guardrail policy (data/guardrails/policy.yaml).", no_args_is_help=True)
console = Console()


@guardrails_app.command("check")
def guardrails_check(
    text: str,
    surface: Annotated[str, typer.Option(help="gateway, chatops, strategies or reports.")] = "gateway",
    stage: Annotated[Stage, typer.Option(help="input (what a user sends) or output (what goes back).")] = Stage.input,
) -> None:
    """Screen TEXT as the policy would; exit 1 if it is blocked."""
    policy = load_policy(get_settings().guardrails_policy_file)
    guardrails = Guardrails(policy)
    guardrails.warm_up()  # so the latencies shown are those of a running server
    screening = guardrails.screen(surface, stage, text)
    table = Table("check", "outcome", "score", "threshold", "reason", "ms")
    for d in screening.decisions:
        table.add_row(d.check, d.outcome, f"{d.score:.2f}", f"{d.threshold:.2f}", d.reason or "-", f"{d.latency_ms:.2f}")
    console.print(f"policy {policy.version}, surface {surface}, stage {stage.value}")
    console.print(table)
    console.print(f"text after screening: {screening.text}")
    if screening.blocked:
        raise typer.Exit(1)

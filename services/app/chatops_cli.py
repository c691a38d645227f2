"""`insightstack runbooks import` and `insightstack chatops ask|resolve|link|tools`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from services.app.products import build_products
from services.chatops import slack
from services.chatops.schemas import AskIn
from services.platform.audit import Caller
from services.platform.cli_identity import ApiKey, cli_actor
from services.platform.permissions import Permission, Role
from services.platform.runtime import open_platform

runbooks_app = typer.Typer(help="Runbooks the ChatOps agent retrieves and cites.", no_args_is_help=True)
chatops_app = typer.Typer(help="The ChatOps operations agent.", no_args_is_help=True)
console = Console()
CLI_CALLER = Caller(name="cli", role="admin")


@runbooks_app.command("import")
def import_command(
    directory: Annotated[Path, typer.Argument(help="Folder of Markdown runbooks with front matter.")],
    prune: Annotated[bool, typer.Option(help="Remove imported runbooks whose file is gone.")] = False,
) -> None:
    """Import runbooks; only new or changed files are re-embedded. Exit 1 if a file failed."""
    chatops = build_products(open_platform()).chatops
    with Progress(TextColumn("embedding runbooks"), BarColumn(), MofNCompleteColumn(), console=console) as progress:
        task = progress.add_task("runbooks", total=None)
        result = chatops.library.import_dir(
            directory, CLI_CALLER, set(chatops.executor.tools), prune=prune, progress=lambda done, total: progress.update(task, completed=done, total=total)
        )
    console.print(f"added {len(result.added)}, updated {len(result.updated)}, unchanged {len(result.unchanged)}, removed {len(result.removed)}, failed {len(result.failed)}")
    for path, problem in result.failed.items():
        console.print(f"[red]failed[/red] {path}: {problem}", highlight=False)
    if result.failed:
        raise typer.Exit(1)


@chatops_app.command("ask")
def ask_command(
    question: Annotated[str, typer.Argument(help="An operations question.")],
    key: ApiKey = None,
) -> None:
    """Ask the agent as the platform user whose API key is given (their role applies); print the answer as JSON."""
    platform = open_platform()
    caller = cli_actor(platform.db, key, Permission.chatops_ask, "chatops.ask", key_required=True).caller
    print(json.dumps(build_products(platform).chatops.ask(AskIn(question=question), caller, channel="cli").model_dump(mode="json"), indent=2))


@chatops_app.command("resolve")
def resolve_command(
    conversation_id: Annotated[str, typer.Argument(help="The conversation id (`conversation_id` of an answer).")],
    note: Annotated[str, typer.Option(help="How it was resolved.")] = "",
    key: ApiKey = None,
) -> None:
    """Mark a conversation resolved as the key's user (the asker, or an operator or admin); exit 1 if refused."""
    platform = open_platform()
    caller = cli_actor(platform.db, key, Permission.chatops_ask, "chatops.resolve", key_required=True).caller
    done = build_products(platform).chatops.resolve(conversation_id, note, caller)
    console.print(
        f"conversation {done.conversation_id} resolved by {done.resolved_by} after {done.time_to_resolution_s:g} s"
        f" ({done.turns} turn(s), {'escalated' if done.escalated else 'not escalated'})",
        highlight=False,
    )


@chatops_app.command("link")
def link_command(
    external_id: Annotated[str, typer.Argument(help="Slack or Mattermost user id, e.g. U024BE7LH.")],
    user: Annotated[str, typer.Argument(help="Platform user whose role applies.")],
    team: Annotated[str, typer.Option(help="Workspace/team id, as the chat sends it in team_id.")],
    kind: Annotated[str, typer.Option(help="slack or mattermost.")] = "slack",
) -> None:
    """Link a chat user to a platform user (re-linking replaces the old link)."""
    if kind not in ("slack", "mattermost"):
        raise typer.BadParameter("kind must be slack or mattermost")
    slack.link(open_platform().db, f"{kind}:{team}", external_id, user, CLI_CALLER.name)
    console.print(f"{kind}:{team}/{external_id} -> {user}")


@chatops_app.command("tools")
def tools_command(role: Annotated[Role, typer.Option(help="Show the tools this role may use.")] = Role.operator) -> None:
    """The tools a role may use, with the permission each needs."""
    for tool in build_products(open_platform()).chatops.tools(role):
        console.print(f"{tool.name:<24} {tool.permission:<18} {'changes state' if tool.mutating else 'read-only'}, {tool.timeout_s:g} s  {tool.description}", highlight=False)

"""`insightstack releases ...`: the deployment history and rolling back to an earlier release."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from services.app.operations import releases_of
from services.platform.cli_identity import ApiKey, cli_actor
from services.platform.permissions import Permission
from services.platform.runtime import open_platform

releases_app = typer.Typer(help="Release records (written at API start-up) and rollback.", no_args_is_help=True)
console = Console()


@releases_app.command("list")
def list_command(limit: Annotated[int, typer.Option(min=1, help="How many, newest first.")] = 20) -> None:
    """This environment's releases: what each ran with."""
    platform = open_platform()
    table = Table("id", "recorded", "version", "commit", "migration", "prompt labels", "aliases", title=f"releases in {platform.settings.env}")
    for release in releases_of(platform).listing(limit):
        table.add_row(
            str(release.id), release.created_at.isoformat(timespec="seconds"), release.app_version, (release.git_commit or "-")[:10],
            release.migration_head or "-", _labels(release.prompt_labels, release.eval_runs or {}),
            ", ".join(f"{a}->{m}" for a, m in sorted(release.aliases.items())),
        )
    console.print(table)


def _labels(labels: dict[str, str], eval_runs: dict[str, int]) -> str:
    """`prompt=version`, with the eval run a production label was promoted on."""
    shown = [f"{p}={v}" + (f" (eval run {eval_runs[p]})" if p in eval_runs else "") for p, v in sorted(labels.items())]
    return ", ".join(shown) or "-"


@releases_app.command("rollback")
def rollback_command(
    to: Annotated[int, typer.Option("--to", help="The release to go back to (see `releases list`).")],
    db: Annotated[bool, typer.Option("--db", help="Also downgrade the schema to that release's migration head (refused if data would be lost).")] = False,
    key: ApiKey = None,
) -> None:
    """Serve release TO's prompt labels and model aliases again (audited; production needs an admin's key)."""
    platform = open_platform()
    actor = cli_actor(platform.db, key, Permission.releases_rollback, "releases.rollback", key_required=platform.settings.env == "production")
    done = releases_of(platform).rollback(to, actor.caller, with_db=db, provenance=actor.provenance)
    console.print(f"rolled back to release {done.release.id} ({done.release.created_at.isoformat(timespec='seconds')})")
    for prompt_id, version in done.prompt_labels.items():
        console.print(f"  prompt {prompt_id}: {version or 'newest file (label removed)'}")
    for alias, model in done.aliases.items():
        console.print(f"  alias {alias} -> {model}")
    if done.migrated_to:
        console.print(f"  schema downgraded to {done.migrated_to}")
    if not (done.prompt_labels or done.aliases or done.migrated_to):
        console.print("  nothing differed")

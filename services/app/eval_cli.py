"""`insightstack eval run|compare`: measure what the products give users, on a real model."""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import httpx
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from inference.launcher import VLLMServer
from inference.prepared import prepare_weights
from inference.registry import ModelRole, load_registry
from services.app.products import build_products
from services.evaluation import records
from services.evaluation.report import as_json, as_markdown, compare, eval_document
from services.evaluation.runner import EvalConfig, run_suites
from services.evaluation.world import MarketDataWorld, MonitoringWorld
from services.evaluation.suite import load_suite
from services.operations.releases import git_commit
from services.platform.errors import AppError
from services.platform.ports import free_port
from services.platform.runtime import open_platform
from services.platform.settings import get_settings

eval_app = typer.Typer(help="Evaluation suites run through the real products (insightstack eval run data/eval/*.yaml).", no_args_is_help=True)
console = Console(stderr=True)


@eval_app.command("run")
def eval_run(
    suites: Annotated[list[Path], typer.Argument(help="Suite files (YAML).", exists=True, dir_okay=False)],
    llm_url: Annotated[str | None, typer.Option(help="A running vLLM server (…/v1); default: start the profile's model and stop it afterwards.")] = None,
    profile: Annotated[str | None, typer.Option(help="models.yaml profile whose chat model is served; default: INSIGHTSTACK_PROFILE or default_profile.")] = None,
    repeat: Annotated[int, typer.Option(min=1, max=20, help="Runs per case; pass^K counts cases that passed in all K.")] = 1,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the results document here.")] = None,
    md_out: Annotated[Path | None, typer.Option("--md", help="Write the Markdown table here.")] = None,
    min_pass_rate: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Exit 1 if any suite's pass rate is below this.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N cases of each suite (a smoke run).")] = None,
    llm_timeout: Annotated[float, typer.Option(min=1.0, help="Seconds a model call may take (measured on 2 CPU cores: 3 report generations at once passed 120 s).")] = 600.0,
    concurrency: Annotated[int, typer.Option(min=1, max=32, help="Platforms running each suite's cases at once (each case's world stays on its platform).")] = 4,
    record: Annotated[bool, typer.Option("--record", help="Store the run in the platform's database (eval runs; the production promotion gate reads it).")] = False,
) -> None:
    """Run suites and score each case; exit 0 when the run completed (see --min-pass-rate)."""
    loaded = [suite.model_copy(update={"cases": suite.cases[:limit]}) for suite in map(load_suite, suites)]
    settings = get_settings()
    commit = git_commit(settings.git_commit)  # the code measured: the commit when the run starts
    registry = load_registry(settings.models_file, profile or settings.profile)
    with _model_server(llm_url, registry.profile_name, settings.log_dir) as (url, model), tempfile.TemporaryDirectory(prefix="insightstack-eval-") as workdir:
        config = EvalConfig(build_products=build_products, market_data=_market_data, monitoring=_monitoring, llm_url=url, profile=registry.profile_name, workdir=Path(workdir), repeat=repeat, concurrency=concurrency, llm_timeout_s=llm_timeout, base_settings=settings)
        total = sum(len(suite.cases) for suite in loaded)
        with Progress(TextColumn("eval {task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, disable=not console.is_terminal) as progress:
            task = progress.add_task(model, total=total)
            lines = None if console.is_terminal else ProgressLines(model, total)

            def advance(_case_id: str) -> None:
                progress.advance(task)
                if lines:
                    lines.advance()

            results = run_suites(loaded, config, advance)
    document = as_json(results, model=model, profile=registry.profile_name, commit=commit, date=datetime.now(UTC).date().isoformat())
    if json_out:
        json_out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    table = as_markdown(document)
    if md_out:
        md_out.write_text(table, encoding="utf-8")
    typer.echo(table)
    if record:
        typer.echo(f"recorded eval run {records.record(open_platform().db, document).id}")
    below = [s for s in document["suites"] if min_pass_rate is not None and s["pass_rate"] < min_pass_rate]
    if below:
        console.print(f"[red]below --min-pass-rate {min_pass_rate}:[/red] " + ", ".join(f"{Path(s['file']).name} {s['pass_rate']:.0%}" for s in below))
        raise typer.Exit(1)


class ProgressLines:
    """Off a terminal (CI, nohup) the bar is hidden: a line on stderr at each tenth of the cases
    instead, so an hour-long run still shows how far it is."""

    def __init__(self, model: str, total: int) -> None:
        self.model, self.total, self.done = model, max(total, 1), 0
        self.started = time.monotonic()
        self._lock = threading.Lock()  # the suite's platforms finish cases from their own threads

    def advance(self) -> None:
        with self._lock:
            self.done += 1
            if self.done * 10 // self.total == (self.done - 1) * 10 // self.total:
                return
            console.print(f"eval {self.model}: {self.done}/{self.total} cases, {time.monotonic() - self.started:.0f} s", highlight=False)


def _market_data() -> MarketDataWorld:
    """The demo package's market-data stand-in, which runs from the source tree only (the wheel
    leaves services/demo out), as the eval suites in data/eval/ do."""
    try:
        from services.demo.eval_market import MarketData  # noqa: PLC0415
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("services.demo"):
            raise
        raise AppError("ChatOps suites need the market-data stand-in in services/demo: run them from the source tree") from exc
    return MarketData()


def _monitoring(market_data_port: int, systems: set[str]) -> MonitoringWorld:
    """Prometheus and Alertmanager, PostgreSQL, for suites whose cases set alerts, metrics or postgres (source tree only, like the stand-in)."""
    from services.demo import eval_monitoring  # noqa: PLC0415

    return eval_monitoring.start(market_data_port, systems)


@eval_app.command("compare")
def eval_compare(
    before: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    after: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
) -> None:
    """Pass rates side by side and each case that regressed; exit 1 if any did."""
    text, regressions = compare(json.loads(before.read_text()), json.loads(after.read_text()))
    typer.echo(text)
    if regressions:
        raise typer.Exit(1)


@eval_app.command("table")
def eval_table(
    runs: Annotated[list[Path], typer.Argument(help="Result documents (--json of eval run); runs of one model are merged.", exists=True, dir_okay=False)],
    out: Annotated[Path | None, typer.Option(help="Write the document here (make eval: docs/eval.md); default: stdout.")] = None,
) -> None:
    """The same suites on several models, side by side, with each model's failed cases."""
    text = eval_document([json.loads(path.read_text()) for path in runs])
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        typer.echo(text)


@eval_app.command("runs")
def eval_runs(
    as_json_: Annotated[bool, typer.Option("--json", help="Print JSON (without the results documents).")] = False,
    limit: Annotated[int, typer.Option(min=1, help="How many, newest first.")] = 20,
) -> None:
    """Recorded eval runs (eval run --record), newest first, with the prompt versions they measured."""
    with open_platform().db.session() as session:
        runs = records.listing(session, limit)
    if as_json_:
        typer.echo(json.dumps([records.summary(run) for run in runs], indent=2))
        return
    table = Table("id", "recorded", "by", "model", "commit", "prompt versions", "pass rate per suite")
    for run in runs:
        table.add_row(
            str(run.id), run.created_at.isoformat(timespec="seconds"), run.created_by, run.model, (run.git_commit or "-")[:10],
            ", ".join(f"{p}={v}" for p, v in sorted(run.prompt_versions.items())),
            ", ".join(f"{Path(s['file']).name} {s['pass_rate']:.0%}" for s in run.suites),
        )
    Console().print(table)


@contextmanager
def _model_server(llm_url: str | None, profile: str, log_dir: Path) -> Iterator[tuple[str, str]]:
    """(URL, served model name): the given server's, else the profile's chat model started on a
    free loopback port for this run and stopped after it."""
    if llm_url:
        yield llm_url.rstrip("/"), _served_model(llm_url)
        return
    settings = get_settings()
    registry = load_registry(settings.models_file, profile)
    entry = registry.default(ModelRole.chat)
    server = VLLMServer(entry, prepare_weights(registry, entry), free_port(), log_dir)
    console.print(f"starting vLLM for {entry.name} (log: {server.log_file}) ...")
    server.start()
    try:
        yield server.url, entry.api_name
    finally:
        server.stop()


def _served_model(llm_url: str) -> str:
    try:
        models = httpx.get(f"{llm_url.rstrip('/')}/models", timeout=10).json()["data"]
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        console.print(f"[red]error:[/red] {llm_url} does not answer /models: {exc}")
        sys.exit(1)
    return str(models[0]["id"])

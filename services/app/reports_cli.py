"""`insightstack backtests ...`, `insightstack reports ...` and `insightstack factcheck`."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from inference.errors import InferenceError
from services.operations import jobs
from services.platform.errors import AppError
from services.platform.languages import SUPPORTED, Lang
from services.platform.runtime import Platform, open_platform
from services.reports import render, store
from services.reports.backtests import Backtests
from services.platform.audit import Caller
from services.app.products import report_service
from services.reports.service import ReportGenerationService
from services.reports.store import IngestError

backtests_app = typer.Typer(help="The backtest store.", no_args_is_help=True)
reports_app = typer.Typer(help="Narrative reports.", no_args_is_help=True)
console = Console()
CLI_CALLER = Caller(name="cli", role="analyst")
Outcome = Literal["generated", "cached", "failed"]
FORMATS = ("md", "html", "json")
JOB_KIND = "reports.batch"


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console)


def import_paths(platform: Platform, paths: list[Path]) -> tuple[int, list[str]]:
    """Import every JSON file (each all-or-nothing); returns (revisions created, failures)."""
    created, failures = 0, []
    with _progress() as progress:
        task = progress.add_task("importing", total=len(paths))
        for path in paths:
            try:
                created += Backtests(platform.db).ingest(store.load_file(path), CLI_CALLER).created
            except IngestError as exc:
                failures.append(str(exc))
            progress.advance(task)
    return created, failures


@backtests_app.command("import")
def import_command(source: Annotated[Path, typer.Argument(exists=True, help="A JSON file or a directory of them.")]) -> None:
    """Import BacktestService results; invalid files are rejected whole, with every problem listed."""
    platform = open_platform()
    paths = sorted(source.glob("*.json")) if source.is_dir() else [source]
    created, failures = import_paths(platform, paths)
    console.print(f"{len(paths) - len(failures)} file(s) accepted, {created} new revision(s), {len(failures)} failed")
    for failure in failures:
        console.print(f"[red]✗[/red] {failure}", highlight=False)
    if failures:
        raise typer.Exit(1)


@backtests_app.command("list")
def list_command() -> None:
    """The newest revision of every backtest."""
    table = Table("id", "rev", "strategy", "period", "CAGR", "Sharpe", "max DD")
    for row in Backtests(open_platform().db).summaries():
        table.add_row(row.id, str(row.revision), row.strategy, f"{row.start}..{row.end}", _pct(row.cagr), f"{row.sharpe}", _pct(row.max_drawdown))
    console.print(table)


@reports_app.command("batch")
def batch_command(
    out: Annotated[Path | None, typer.Option(help="Directory for the report files.")] = None,
    ids: Annotated[str | None, typer.Option(help="Comma-separated backtest ids.")] = None,
    top: Annotated[int | None, typer.Option(min=1, help="The top N backtests ...")] = None,
    by: Annotated[str, typer.Option(help="... ranked by sharpe or cagr.")] = "sharpe",
    formats: Annotated[str, typer.Option("--format", help="Comma-separated: md,html,json.")] = "md,html,json",
    concurrency: Annotated[int, typer.Option(min=1, max=32, help="Reports generated at once.")] = 4,
    resume: Annotated[str | None, typer.Option(help="Finish job JOB_ID (after a crash or failures): only items not done run again.")] = None,
    lang: Annotated[str, typer.Option(help="The reports' language: en or ko (Korean files are named ID.ko.FORMAT).")] = "en",
) -> None:
    """Generate reports concurrently as a durable job (cached ones are skipped), write them, and
    summarize. The first line printed is the job id, for `insightstack jobs show` and `--resume`."""
    if resume and (ids or top):
        raise typer.BadParameter("a resumed job keeps its own backtests", param_hint="--ids/--top")
    platform = open_platform()
    if resume:
        job_id, todo = resume, jobs.resume(platform.db, resume, JOB_KIND)
        params = jobs.show(platform.db, job_id).params
        out, chosen_formats, concurrency, lang = Path(params["out"]), params["formats"], params["concurrency"], params.get("lang", "en")
    else:
        if out is None:
            raise typer.BadParameter("where should the reports go?", param_hint="--out")
        chosen_formats = _formats(formats)
        if lang not in SUPPORTED:
            raise typer.BadParameter(f"choose {' or '.join(SUPPORTED)}", param_hint="--lang")
        if by not in ("sharpe", "cagr"):
            raise typer.BadParameter("choose sharpe or cagr", param_hint="--by")
        todo = _select(platform, ids, top, by)
        params = {"out": str(out.resolve()), "formats": chosen_formats, "concurrency": concurrency, "lang": lang}
        job_id = jobs.create(platform.db, JOB_KIND, todo, params, CLI_CALLER.name)
    print(job_id, flush=True)
    out.mkdir(parents=True, exist_ok=True)
    outcomes = run_batch(report_service(platform), platform, job_id, todo, out, chosen_formats, concurrency, lang)
    state = jobs.finish(platform.db, job_id)
    _summarize(outcomes)
    console.print(f"job {job_id}: {state}" + (f" (finish it with --resume {job_id})" if state != "done" else ""))
    if state != "done":
        raise typer.Exit(1)


def _formats(formats: str) -> list[str]:
    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    if unknown := set(chosen) - set(FORMATS):
        raise typer.BadParameter(f"unknown format(s) {sorted(unknown)}; choose from {', '.join(FORMATS)}", param_hint="--format")
    return chosen


def run_batch(
    service: ReportGenerationService, platform: Platform, job_id: str, backtest_ids: list[str], out: Path, formats: list[str], concurrency: int,
    lang: Lang = "en",
) -> dict[str, tuple[Outcome, str, str]]:
    """Each id -> (generated | cached | failed, report status, detail); each item's state is kept in the job."""
    results: dict[str, tuple[Outcome, str, str]] = {}
    with _progress() as progress, ThreadPoolExecutor(concurrency) as pool:
        task = progress.add_task(f"job {job_id}", total=len(backtest_ids))
        futures = {pool.submit(_job_item, service, platform, job_id, backtest_id, out, formats, lang): backtest_id for backtest_id in backtest_ids}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            progress.advance(task)
    return dict(sorted(results.items()))


def _job_item(
    service: ReportGenerationService, platform: Platform, job_id: str, backtest_id: str, out: Path, formats: list[str], lang: Lang
) -> tuple[Outcome, str, str]:
    jobs.start_item(platform.db, job_id, backtest_id)
    outcome, status, detail = _one(service, platform, backtest_id, out, formats, lang)
    jobs.finish_item(platform.db, job_id, backtest_id, ok=outcome != "failed", outcome=outcome, detail=detail)
    return outcome, status, detail


def _one(service: ReportGenerationService, platform: Platform, backtest_id: str, out: Path, formats: list[str], lang: Lang) -> tuple[Outcome, str, str]:
    try:
        was_cached = service.is_cached(backtest_id, lang)
        report = service.get_report(backtest_id, CLI_CALLER, lang=lang)
        with platform.db.session() as session:
            backtest = store.backtest_at(session, backtest_id, report.revision)
        writers = {"md": lambda: render.markdown(report, backtest), "html": lambda: render.html(report, backtest), "json": lambda: report.model_dump_json(indent=2)}
        for fmt in formats:
            (out / f"{backtest_id}{'.ko' if lang == 'ko' else ''}.{fmt}").write_text(writers[fmt](), encoding="utf-8")
    except (AppError, InferenceError) as exc:
        return "failed", "-", str(exc)[:200]
    return ("cached" if was_cached else "generated"), report.status, f"{report.generation_ms:.0f} ms"


def _select(platform: Platform, ids: str | None, top: int | None, by: str) -> list[str]:
    with platform.db.session() as session:
        rows = store.summaries(session)
    if ids:
        wanted = [i.strip() for i in ids.split(",") if i.strip()]
        known = {row.id for row in rows}
        if missing := [i for i in wanted if i not in known]:
            raise typer.BadParameter(f"unknown backtest id(s): {', '.join(missing)}", param_hint="--ids")
        return wanted
    ranked = sorted(rows, key=lambda row: getattr(row, by) if getattr(row, by) is not None else float("-inf"), reverse=True)
    return [row.id for row in ranked[: top or len(ranked)]]


def _summarize(outcomes: dict[str, tuple[Outcome, str, str]]) -> None:
    table = Table("backtest", "outcome", "status", "detail", title="report batch")
    for backtest_id, (outcome, status, detail) in outcomes.items():
        table.add_row(backtest_id, outcome, status, detail)
    console.print(table)
    values = list(outcomes.values())
    counts = {name: sum(o == name for o, _s, _d in values) for name in ("generated", "cached", "failed")}
    needs_review = sum(status == "needs_review" for _o, status, _d in values)
    console.print(f"generated {counts['generated']}, cached {counts['cached']}, needs review {needs_review}, failed {counts['failed']}")


def factcheck_command(
    backtest_id: str,
    text_file: Annotated[Path, typer.Option(exists=True, help="The text to check.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
) -> None:
    """Fact-check any text (a reviewer's edit, say) against a stored backtest; exit 1 if contradicted."""
    result = Backtests(open_platform().db).factcheck(backtest_id, text_file.read_text(encoding="utf-8"))
    if as_json:
        print(json.dumps(result.model_dump(), indent=2))
    else:
        for finding in result.findings:
            console.print(f"{finding.status:>12}  {finding.metric or '-':<28} {finding.claim} {finding.note}", highlight=False)
        console.print(f"verdict: {result.verdict}")
    if result.verdict == "contradicted":
        raise typer.Exit(1)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"

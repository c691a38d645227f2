"""Every ChatOps tool, with the permission it needs and its limits: the one list the agent,
the executor and `POST /chatops/tools/{name}` share."""

from __future__ import annotations

from functools import partial

from pydantic import Field

from inference.endpoints import EndpointPool
from services.chatops.components import Components
from services.chatops.runbooks import RunbookLibrary
from services.chatops.toolkit import Tool, ToolOutput
from services.chatops.tools import alerts, caches, database, pipelines, probes
from services.chatops.tools.args import Args
from services.platform.caches import CacheRegistry
from services.platform.db import Database
from services.platform.permissions import Permission

READ = Permission.chatops_ask
OPERATE = Permission.chatops_operate


class SearchRunbooksArgs(Args):
    query: str = Field(min_length=3, max_length=200)
    limit: int = Field(default=3, ge=1, le=5)


def search_runbooks(library: RunbookLibrary, args: SearchRunbooksArgs) -> ToolOutput:
    hits = library.search(args.query, args.limit)
    summary = "; ".join(f"{h.id} ({h.title}, score {h.score:.2f})" for h in hits) or "no runbooks imported"
    return ToolOutput(summary=summary, data=[{"id": h.id, "title": h.title, "score": h.score, "section": h.section, "text": h.text[:600]} for h in hits])


def build_tools(db: Database, registry: CacheRegistry, pool: EndpointPool, components: Components, library: RunbookLibrary) -> list[Tool]:
    """``registry`` must already hold every product's caches: their names are the tools' argument values."""
    cache_names: list[str] = registry.names
    return [
        Tool("database_health", "Database connectivity (SELECT 1 latency), connection pool use, server version, long-running PostgreSQL sessions.",
             database.DatabaseHealthArgs, READ, partial(database.database_health, db), timeout_s=10),
        Tool("cache_status", "Entries, size, hit ratio, evictions and oldest entry of the report cache and the retrieval indexes.",
             caches.status_args(cache_names), READ, partial(caches.cache_status, registry), timeout_s=10),
        Tool("pipeline_status", "Data pipeline runs: last run of each pipeline, or one pipeline's recent runs, with failed tasks and durations.",
             pipelines.PipelineStatusArgs, READ, partial(pipelines.pipeline_status, db), timeout_s=10),
        Tool("service_health", "HTTP health probes of the market-data service and the vLLM server: status, latency, last error, since when.",
             probes.health_args(components.probed), READ, partial(probes.service_health, db, components, pool), timeout_s=15),
        Tool("market_data_freshness", "Last tick and bar per market-data feed against its freshness SLO.",
             probes.FreshnessArgs, READ, partial(probes.market_data_freshness, components), timeout_s=10),
        Tool("recent_alerts", "Recent backtest anomaly alerts, failed pipeline runs, services down and failed LLM calls.",
             alerts.RecentAlertsArgs, READ, partial(alerts.recent_alerts, db), timeout_s=10),
        Tool("search_runbooks", "Search the runbooks for a procedure.", SearchRunbooksArgs, READ, partial(search_runbooks, library), timeout_s=15),
        Tool("invalidate_cache", "Invalidate a cache (all entries, or one backtest's reports). Changes state: needs the operator role and confirmation.",
             caches.invalidate_args(cache_names), OPERATE, partial(caches.invalidate_cache, registry), mutating=True, timeout_s=30),
    ]

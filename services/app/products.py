"""The three products on one platform, each given the parts it names, created in one order:
ChatOps last, so its cache tools see the caches the report and strategy services register; and
the plan's metrics, one section per product. The API, the CLI, the eval runner and the benches
all build the products here (and the app its OpenAI-compatible gateway): this is where the
`Platform` is taken apart."""

from __future__ import annotations

import os
from collections import ChainMap
from dataclasses import dataclass
from functools import partial

from services.chatops import plan_metrics as chatops_metrics
from services.chatops import slack
from services.chatops.components import load_components
from services.chatops.investigations import Investigations
from services.chatops.runbooks import RunbookLibrary
from services.chatops.service import ChatOpsService
from services.chatops.toolkit import ToolExecutor
from services.chatops.toolsets.loader import Toolsets
from services.chatops.tools.catalog import build_tools
from services.gateway import limits
from services.gateway.service import Gateway
from services.operations.metrics_summary import PlanMetrics
from services.platform.runtime import Platform
from services.reports import plan_metrics as report_metrics
from services.reports.service import ReportGenerationService
from services.strategies import plan_metrics as builder_metrics
from services.strategies.catalogue import Catalogue, catalogue_at
from services.strategies.service import StrategyBuilderService

PLAN_METRICS = PlanMetrics((report_metrics.SECTION, builder_metrics.SECTION, chatops_metrics.SECTION))


@dataclass(frozen=True)
class Products:
    platform: Platform  # what they were built from (its database, settings) for the callers that set them up
    reports: ReportGenerationService
    strategies: StrategyBuilderService
    chatops: ChatOpsService
    investigations: Investigations


def build_products(platform: Platform) -> Products:
    reports, strategies = report_service(platform), strategy_service(platform)
    chatops = chatops_service(platform)
    return Products(platform=platform, reports=reports, strategies=strategies, chatops=chatops, investigations=investigations(platform, chatops))


def report_service(platform: Platform) -> ReportGenerationService:
    return ReportGenerationService(
        platform.db, platform.served_prompts, platform.generator, platform.screener, platform.caches,
        generation_lease_s=platform.settings.generation_lease_s,
    )


def strategy_service(platform: Platform, catalogue: Catalogue | None = None) -> StrategyBuilderService:
    """``catalogue``: another catalogue than the configured one (tests of catalogue changes)."""
    return StrategyBuilderService(
        platform.db, platform.served_prompts, platform.generator, platform.screener, platform.caches,
        lambda: platform.index, catalogue or catalogue_at(platform.settings.catalogue_dir), platform.korean,
    )


def chatops_service(platform: Platform) -> ChatOpsService:
    """After the other products: the cache tools take the names of the caches registered so far."""
    components = load_components(platform.settings.components_file)
    library = RunbookLibrary(platform.db, platform.caches, lambda: platform.index)
    builtins = build_tools(platform.db, platform.caches, platform.pool, components, library)
    settings = platform.settings
    toolsets = Toolsets(settings.toolsets_dir, builtins, environ=ChainMap(settings.toolset_environ, os.environ), recheck_s=settings.toolsets_recheck_s)
    executor = ToolExecutor(platform.db, toolsets.load(check=False))  # remote prerequisites on first use
    return ChatOpsService(
        platform.db, platform.served_prompts, platform.generator, platform.screener, platform.embedder, components, library, toolsets, executor, platform.korean,
    )


def investigations(platform: Platform, chatops: ChatOpsService) -> Investigations:
    """Alertmanager's alerts, investigated by ChatOps and posted to the alerts channel."""
    url = platform.settings.alerts_channel_url
    return Investigations(platform.db, chatops.ask, partial(slack.post, url) if url else None, platform.settings.alerts_lang)


def gateway(platform: Platform) -> Gateway:
    settings = platform.settings
    return Gateway(
        platform.db, platform.registry, platform.pools, platform.screener, platform.embedder, platform.record_llm_call, platform.metrics,
        env=settings.env, models_file=settings.models_file, llm_timeout_s=settings.llm_timeout_s,
        default_limits=limits.Limits(settings.gateway_rpm, settings.gateway_daily_tokens),
    )

"""The three products on one platform, created in one order: ChatOps last, so its cache tools
see the caches the report and strategy services register; and the plan's metrics, one section
per product. The API and the CLI both use this."""

from __future__ import annotations

from dataclasses import dataclass

from services.chatops import plan_metrics as chatops_metrics
from services.chatops.service import ChatOpsService
from services.operations.metrics_summary import PlanMetrics
from services.platform.runtime import Platform
from services.reports import plan_metrics as report_metrics
from services.reports.service import ReportGenerationService
from services.strategies import plan_metrics as builder_metrics
from services.strategies.service import StrategyBuilderService

PLAN_METRICS = PlanMetrics((report_metrics.SECTION, builder_metrics.SECTION, chatops_metrics.SECTION))


@dataclass(frozen=True)
class Products:
    reports: ReportGenerationService
    strategies: StrategyBuilderService
    chatops: ChatOpsService


def build_products(platform: Platform) -> Products:
    reports, strategies = ReportGenerationService(platform), StrategyBuilderService(platform)
    return Products(reports=reports, strategies=strategies, chatops=ChatOpsService(platform))

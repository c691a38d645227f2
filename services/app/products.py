"""The three products on one platform, created in one order: ChatOps last, so its cache tools
see the caches the report and strategy services register. The API and the CLI both use this."""

from __future__ import annotations

from dataclasses import dataclass

from services.chatops.service import ChatOpsService
from services.platform.runtime import Platform
from services.reports.service import ReportGenerationService
from services.strategies.service import StrategyBuilderService


@dataclass(frozen=True)
class Products:
    reports: ReportGenerationService
    strategies: StrategyBuilderService
    chatops: ChatOpsService


def build_products(platform: Platform) -> Products:
    reports, strategies = ReportGenerationService(platform), StrategyBuilderService(platform)
    return Products(reports=reports, strategies=strategies, chatops=ChatOpsService(platform))

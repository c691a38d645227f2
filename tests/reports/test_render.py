"""The report page drawn from stored figures: equity and drawdown, regime timeline, marked claims."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from guardrails.factcheck import check
from services.reports import render
from services.reports.facts import fact_sheet, figures
from services.reports.narrative import LIST_SECTIONS, SECTIONS
from services.reports.schemas import BacktestIn, ReportOut
from tests.reports.conftest import sample


def report_for(backtest: BacktestIn, text: str) -> ReportOut:
    narrative = {name: ([text] if name in LIST_SECTIONS else text) for name in [*SECTIONS, *LIST_SECTIONS]}
    return ReportOut(
        backtest_id=backtest.id, revision=1, status="needs_review", stale=False, stale_reason=None, narrative=narrative, text=text,
        figures=figures(backtest), factcheck=check(text, fact_sheet(backtest)), prompt_id="reports.narrative", prompt_version="1.0.0",
        model="insightstack-tiny", generated_at=datetime(2026, 11, 25, tzinfo=UTC), generation_ms=1.0, etag='"e"',
    )


def test_the_page_charts_the_store_and_marks_each_checked_claim() -> None:
    backtest = BacktestIn.model_validate(sample("eq-us-ma-crossover"))
    values = figures(backtest)
    text = f"The strategy returned {values['total_return']} with a Sharpe ratio of 9.99."
    page = render.html(report_for(backtest, text), backtest)
    assert 'aria-label="Equity curve and drawdown"' in page and 'aria-label="Market regime timeline"' in page
    assert re.search(r'<mark class="claim verified"[^>]*>[^<]*' + re.escape(values["total_return"]), page)
    assert '<mark class="claim contradicted"' in page and "@media print" in page
    assert not re.search(r"(src|href)=\"?https?:|url\(https?:|@import", page)  # offline


def test_without_an_equity_series_the_page_simply_has_no_curve() -> None:
    backtest = BacktestIn.model_validate(sample("fx-eurusd-bollinger"))
    page = render.html(report_for(backtest, "A quiet year."), backtest)
    assert "Equity curve" not in page and "Market regime timeline" in page


def test_an_equity_curve_must_agree_with_the_kpis() -> None:
    data = copy.deepcopy(sample("eq-us-ma-crossover"))
    data["equity"][-1]["value"] *= 1.2
    with pytest.raises(ValidationError, match="equity: the curve returns"):
        BacktestIn.model_validate(data)
    data = copy.deepcopy(sample("eq-us-ma-crossover"))
    data["equity"].reverse()
    with pytest.raises(ValidationError, match="ascending"):
        BacktestIn.model_validate(data)

"""Wire types of the narrative report product: the BacktestService output we ingest, and what we return.

The ingest format is the BacktestService's, accepted as is: returns, rates and drawdowns are
fractions (0.0932 means 9.32%), and any KPI may be null.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


from guardrails.factcheck import FactCheckResult
from services.platform.languages import Lang

ReportStatus = Literal["verified", "needs_review", "approved", "rejected"]
REGIME_LABELS = ("bull", "bear", "sideways", "high_volatility", "low_volatility", "trending")
KPI_NAMES = (
    "total_return", "cagr", "annual_volatility", "sharpe", "sortino", "calmar", "max_drawdown",
    "max_drawdown_duration_days", "win_rate", "profit_factor", "num_trades", "avg_trade_return",
    "exposure", "turnover", "alpha", "beta", "benchmark_cagr", "benchmark_sharpe", "benchmark_max_drawdown",
)
CAGR_TOLERANCE = 0.02
EQUITY_TOLERANCE = 0.01  # the curve may be sampled coarser than the KPIs were computed


def max_drawdown(values: list[float]) -> float:
    """The deepest fall from a running peak, as a negative fraction."""
    peak, worst = values[0], 0.0
    for value in values:
        peak = max(peak, value)
        worst = min(worst, value / peak - 1)
    return worst


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StrategyRef(_Strict):
    name: str = Field(min_length=1, max_length=128)
    template: str = Field(min_length=1, max_length=64)
    params: dict[str, Any] = Field(default_factory=dict)


class Period(_Strict):
    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must be after start {self.start}")
        return self

    @property
    def years(self) -> float:
        return (self.end - self.start).days / 365.25


class Kpis(_Strict):
    total_return: float | None = None
    cagr: float | None = None
    annual_volatility: float | None = Field(default=None, ge=0)
    sharpe: float | None = None
    sortino: float | None = None
    calmar: float | None = None
    max_drawdown: float | None = Field(default=None, le=0, description="Negative fraction: -0.198 is a 19.8% drawdown.")
    max_drawdown_duration_days: int | None = Field(default=None, ge=0)
    win_rate: float | None = Field(default=None, ge=0, le=1)
    profit_factor: float | None = Field(default=None, ge=0)
    num_trades: int | None = Field(default=None, ge=0)
    avg_trade_return: float | None = None
    exposure: float | None = Field(default=None, ge=0, le=1)
    turnover: float | None = Field(default=None, ge=0)
    alpha: float | None = None
    beta: float | None = None
    benchmark_cagr: float | None = None
    benchmark_sharpe: float | None = None
    benchmark_max_drawdown: float | None = Field(default=None, le=0)


class Regime(_Strict):
    label: str = Field(min_length=1, max_length=32)
    start: date
    end: date
    total_return: float | None = None
    sharpe: float | None = None
    max_drawdown: float | None = Field(default=None, le=0)
    share_of_time: float | None = Field(default=None, ge=0, le=1)


class Signal(_Strict):
    name: str = Field(min_length=1, max_length=64)
    count: int = Field(ge=0)
    hit_rate: float | None = Field(default=None, ge=0, le=1)
    avg_return: float | None = None


class Anomaly(_Strict):
    at: datetime | date
    kind: str = Field(min_length=1, max_length=64)
    severity: Literal["low", "medium", "high", "critical"]
    description: str = Field(max_length=500)


class EquityPoint(_Strict):
    date: date
    value: float = Field(gt=0, description="Equity, any scale (charts normalise to the first point).")


class BacktestIn(_Strict):
    """One BacktestService result, as ingested."""

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    strategy: StrategyRef
    universe: list[str] = Field(min_length=1, max_length=500)
    timeframe: str = Field(pattern=r"^\d+(m|h|d|w|mo)$")
    period: Period
    benchmark: str | None = Field(default=None, max_length=32)
    kpis: Kpis
    regimes: list[Regime] = Field(default_factory=list, max_length=50)
    signals: list[Signal] = Field(default_factory=list, max_length=50)
    anomalies: list[Anomaly] = Field(default_factory=list, max_length=200)
    equity: list[EquityPoint] = Field(default_factory=list, max_length=20_000, description="Equity curve, dates ascending within the period (optional).")

    @model_validator(mode="after")
    def _numbers_agree(self) -> BacktestIn:
        """CAGR, total return and the period must describe the same growth."""
        kpis = self.kpis
        if kpis.cagr is not None and kpis.total_return is not None and kpis.total_return > -1:
            implied = (1 + kpis.total_return) ** (1 / self.period.years) - 1
            if abs(implied - kpis.cagr) > CAGR_TOLERANCE:
                raise ValueError(
                    f"kpis.cagr {kpis.cagr:.4f} disagrees with total_return {kpis.total_return:.4f} over "
                    f"{self.period.years:.2f} years (implies {implied:.4f})"
                )
        if self.benchmark is None and any(v is not None for v in (kpis.benchmark_cagr, kpis.benchmark_sharpe)):
            raise ValueError("benchmark KPIs given but benchmark is null")
        self._equity_agrees()
        return self

    def _equity_agrees(self) -> None:
        """An equity curve must span the period in date order and show the stated return and drawdown."""
        if not self.equity:
            return
        dates = [point.date for point in self.equity]
        if dates != sorted(set(dates)) or dates[0] < self.period.start or dates[-1] > self.period.end:
            raise ValueError("equity: dates must be unique, ascending and within the period")
        values = [point.value for point in self.equity]
        if self.kpis.total_return is not None and abs(values[-1] / values[0] - 1 - self.kpis.total_return) > EQUITY_TOLERANCE:
            raise ValueError(f"equity: the curve returns {values[-1] / values[0] - 1:.4f}, kpis.total_return says {self.kpis.total_return:.4f}")
        if self.kpis.max_drawdown is not None and abs(max_drawdown(values) - self.kpis.max_drawdown) > EQUITY_TOLERANCE:
            raise ValueError(f"equity: the curve's max drawdown is {max_drawdown(values):.4f}, kpis.max_drawdown says {self.kpis.max_drawdown:.4f}")


class BacktestSummary(BaseModel):
    id: str
    revision: int
    strategy: str
    template: str
    timeframe: str
    start: date
    end: date
    cagr: float | None
    sharpe: float | None
    max_drawdown: float | None
    imported_at: datetime


class BacktestOut(BaseModel):
    id: str
    revision: int
    content_hash: str
    imported_at: datetime
    backtest: BacktestIn


class IngestResult(BaseModel):
    id: str
    revision: int
    created: bool = Field(description="False when identical content was already stored (no new revision).")


class FactCheckRequest(_Strict):
    backtest_id: str = Field(min_length=1, max_length=64)
    text: str = Field(min_length=1, max_length=20_000)


class ReportOut(BaseModel):
    """A report as served: code-filled figures, model prose, fact-check findings, provenance."""

    backtest_id: str
    revision: int
    lang: Lang = Field(default="en", description="The report's language (its statements, labels and figure units).")
    status: ReportStatus
    stale: bool = False
    stale_reason: str | None = Field(default=None, description="Why a stale copy was served (the LLM was unavailable).")
    narrative: dict[str, Any]
    text: str
    figures: dict[str, str]
    factcheck: FactCheckResult
    prompt_id: str
    prompt_version: str
    model: str
    generated_at: datetime
    generation_ms: float
    etag: str


class ReviewIn(_Strict):
    decision: Literal["approve", "reject"]
    rating: int = Field(ge=1, le=5, description="The reviewer's rating of the generated report, 1 (useless) to 5 (publishable as is).")
    comment: str = Field(default="", max_length=2000)
    edited_text: str | None = Field(default=None, max_length=20_000)


class ReviewQueueItem(BaseModel):
    backtest_id: str
    revision: int
    lang: Lang = "en"
    status: ReportStatus
    contradicted: int
    unverifiable: int
    generated_at: datetime

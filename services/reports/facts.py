"""The numbers of a backtest in the two forms the report needs: a fact sheet for the checker,
and formatted figures for the text. Every figure an executive reads comes from here, never
from the model."""

from __future__ import annotations

from datetime import date

from guardrails.factcheck import FactSheet
from services.reports.schemas import BacktestIn

PERCENT = {"total_return", "cagr", "annual_volatility", "max_drawdown", "win_rate", "avg_trade_return", "exposure", "alpha", "benchmark_cagr", "benchmark_max_drawdown", "share_of_time", "hit_rate", "avg_return"}
DAYS = {"max_drawdown_duration_days"}
COUNTS = {"num_trades", "count"}
LABELS = {
    "total_return": "Total return", "cagr": "CAGR", "annual_volatility": "Annual volatility", "sharpe": "Sharpe ratio",
    "sortino": "Sortino ratio", "calmar": "Calmar ratio", "max_drawdown": "Max drawdown",
    "max_drawdown_duration_days": "Max drawdown duration", "win_rate": "Win rate", "profit_factor": "Profit factor",
    "num_trades": "Trades", "avg_trade_return": "Average trade", "exposure": "Exposure", "turnover": "Turnover",
    "alpha": "Alpha", "beta": "Beta", "benchmark_cagr": "Benchmark CAGR", "benchmark_sharpe": "Benchmark Sharpe",
    "benchmark_max_drawdown": "Benchmark max drawdown",
}


def format_value(metric: str, value: float, lang: str = "en") -> str:
    """How a figure is written in every report: percents with one decimal, ratios with two;
    days and multiples with the report language's unit (143 days, 143일; 4.4x, 4.4배)."""
    if metric in PERCENT:
        return f"{value * 100:.1f}%".replace("-0.0%", "0.0%")
    if metric in DAYS:
        return f"{int(value):,}일" if lang == "ko" else f"{int(value)} days"
    if metric in COUNTS:
        return f"{int(value):,}"
    if metric == "turnover":
        return f"{value:.1f}배" if lang == "ko" else f"{value:.1f}x"
    return f"{value:.2f}"


def fact_sheet(backtest: BacktestIn) -> FactSheet:
    kpis = backtest.kpis.model_dump(exclude_none=True)
    benchmark = {key.removeprefix("benchmark_"): value for key, value in kpis.items() if key.startswith("benchmark_")}
    strategy = {key: value for key, value in kpis.items() if not key.startswith("benchmark_")}
    regimes = {
        regime.label: regime.model_dump(include={"total_return", "sharpe", "max_drawdown", "share_of_time"}, exclude_none=True)
        for regime in backtest.regimes
    }
    signals = {signal.name: signal.model_dump(include={"count", "hit_rate", "avg_return"}, exclude_none=True) for signal in backtest.signals}
    return FactSheet(
        strategy=strategy, benchmark_name=backtest.benchmark, benchmark=benchmark, regimes=regimes, signals=signals, events=events(backtest)
    )


def events(backtest: BacktestIn) -> dict[str, date]:
    """The dates a report may place its figures by: the test's, each regime's, and (from the
    equity curve, when there is one) the maximum drawdown's peak, trough and recovery."""
    found = {"start": backtest.period.start, "end": backtest.period.end}
    for regime in backtest.regimes:
        found |= {f"regime.{regime.label}.start": regime.start, f"regime.{regime.label}.end": regime.end}
    return found | drawdown_dates([(point.date, point.value) for point in backtest.equity])


def drawdown_dates(curve: list[tuple[date, float]]) -> dict[str, date]:
    """The deepest fall's peak, trough and (if the curve got back to the peak) recovery."""
    peak: tuple[date, float] | None = None
    trough: date | None = None
    running: tuple[date, float] | None = None
    worst = 0.0
    for day, value in curve:
        if running is None or value > running[1]:
            running = (day, value)
        if value / running[1] - 1 < worst:
            worst, peak, trough = value / running[1] - 1, running, day
    if peak is None or trough is None:
        return {}
    recovery = next((day for day, value in curve if day > trough and value >= peak[1]), None)
    found = {"max_drawdown.peak": peak[0], "max_drawdown.trough": trough}
    return found | ({"max_drawdown.recovery": recovery} if recovery else {})


def figures(backtest: BacktestIn, lang: str = "en") -> dict[str, str]:
    """Placeholder name -> formatted value: `cagr`, `benchmark_cagr`, `bull.total_return`, ..."""
    out = {key: format_value(key, value, lang) for key, value in backtest.kpis.model_dump(exclude_none=True).items()}
    for regime in backtest.regimes:
        for metric in ("total_return", "sharpe", "max_drawdown", "share_of_time"):
            value = getattr(regime, metric)
            if value is not None:
                out[f"{regime.label}.{metric}"] = format_value(metric, value, lang)
    return out

"""The numbers of a backtest in the two forms the report needs: a fact sheet for the checker,
and formatted figures for the text. Every figure an executive reads comes from here, never
from the model."""

from __future__ import annotations

from datetime import date, datetime

from guardrails.factcheck import FactSheet
from guardrails.factsheet import Drawdown, UnderStart
from services.reports.schemas import BacktestIn

PERCENT = {"total_return", "cagr", "annual_volatility", "max_drawdown", "win_rate", "avg_trade_return", "exposure", "alpha", "benchmark_cagr", "benchmark_max_drawdown", "share_of_time", "hit_rate", "avg_return"}
DAYS = {"max_drawdown_duration_days"}
MIN_DRAWDOWN = 0.02  # shallower falls are noise no report describes
DATED_DRAWDOWNS = 3  # the falls a report may date: the deepest and the next two
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
    curve = [(point.date, point.value) for point in backtest.equity]
    falls = drawdowns(curve, backtest.period.end)
    settings = {name: float(value) for name, value in backtest.strategy.params.items() if isinstance(value, int | float) and not isinstance(value, bool)}
    return FactSheet(
        strategy=strategy, benchmark_name=backtest.benchmark, benchmark=benchmark, regimes=regimes, signals=signals, settings=settings,
        drawdowns=falls, events=events(backtest, falls), levels=levels(curve, falls), under_start=under_start(curve),
        curve=[(day, value / curve[0][1]) for day, value in curve] if curve and curve[0][1] else [],
    )


def under_start(curve: list[tuple[date, float]]) -> UnderStart | None:
    """The curve's points below its first value, and its step (the most common gap between points)."""
    if len(curve) < 2:
        return None
    start = curve[0][1]
    runs: list[list[date]] = []
    for index, (day, value) in enumerate(curve):
        if value < start:
            if index and curve[index - 1][1] < start:
                runs[-1].append(day)
            else:
                runs.append([day])
    gaps = [(later - earlier).days for (earlier, _), (later, _) in zip(curve, curve[1:], strict=False)]
    step = max(set(gaps), key=gaps.count)
    return UnderStart(points=sum(map(len, runs)), runs=[(run[0], run[-1], len(run)) for run in runs], step_days=step, total=len(curve))


def levels(curve: list[tuple[date, float]], falls: list[Drawdown]) -> dict[str, float]:
    """Where the curve stood against its start, at the points a report may describe: its highest,
    lowest and last values, and the peaks and troughs of the falls a report may date."""
    if not curve or not curve[0][1]:
        return {}
    first, value_on = curve[0][1], dict(curve)
    found = {"high": max(v for _, v in curve) / first, "low": min(v for _, v in curve) / first, "end": curve[-1][1] / first}
    for rank, fall in enumerate(falls[:DATED_DRAWDOWNS]):
        name = _fall_name(rank)
        found |= {f"{name}.peak": value_on[fall.peak] / first, f"{name}.trough": value_on[fall.trough] / first}
    return found


def events(backtest: BacktestIn, falls: list[Drawdown]) -> dict[str, date]:
    """The dates a report may place its figures by: the test's, each regime's, and (from the
    equity curve, when there is one) the peak, trough and recovery of the maximum drawdown and of
    the next deepest ones, the curve's highest and lowest points, and each anomaly's day."""
    found = {"start": backtest.period.start, "end": backtest.period.end}
    if backtest.equity:
        found["high"] = max(backtest.equity, key=lambda point: point.value).date  # the first point at the highest value
        found["low"] = min(backtest.equity, key=lambda point: point.value).date
    for regime in backtest.regimes:
        found |= {f"regime.{regime.label}.start": regime.start, f"regime.{regime.label}.end": regime.end}
    for rank, fall in enumerate(falls[:DATED_DRAWDOWNS]):
        name = _fall_name(rank)
        found |= {f"{name}.peak": fall.peak, f"{name}.trough": fall.trough} | ({f"{name}.recovery": fall.recovery} if fall.recovery else {})
    for rank, anomaly in enumerate(backtest.anomalies):
        found[f"anomaly.{rank + 1}"] = anomaly.at.date() if isinstance(anomaly.at, datetime) else anomaly.at  # "2016년 11월 14일(변동성 급등)": an event, no part of the period
    return found


def _fall_name(rank: int) -> str:
    return "max_drawdown" if rank == 0 else f"drawdown.{rank + 1}"


def drawdowns(curve: list[tuple[date, float]], end: date) -> list[Drawdown]:
    """Every fall of the curve from a peak deeper than MIN_DRAWDOWN, deepest first; a fall never
    regained lasts to ``end``. The peak is the first point at the running high."""
    found: list[Drawdown] = []
    peak: tuple[date, float] | None = None
    trough: tuple[date, float] | None = None
    for day, value in curve:
        if peak is None or (trough is None and value > peak[1]):
            peak = (day, value)
        elif trough is None and value == peak[1]:
            continue  # still at the high: the peak is its first point
        elif value >= peak[1] and trough is not None:  # back at the high: the fall ends here, and a new high starts
            found.append(_drawdown(peak, trough, recovery=day, until=day))
            peak, trough = (day, value), None
        elif trough is None or value < trough[1]:
            trough = (day, value)
    if peak is not None and trough is not None:
        last = curve[-1][1]
        found.append(_drawdown(peak, trough, recovery=None, until=end).model_copy(update={"end_depth": last / peak[1] - 1}))
    return sorted((d for d in found if d.depth <= -MIN_DRAWDOWN), key=lambda d: d.depth)


def _drawdown(peak: tuple[date, float], trough: tuple[date, float], *, recovery: date | None, until: date) -> Drawdown:
    return Drawdown(depth=trough[1] / peak[1] - 1, days=(until - peak[0]).days, peak=peak[0], trough=trough[0], recovery=recovery)


def figures(backtest: BacktestIn, lang: str = "en") -> dict[str, str]:
    """Placeholder name -> formatted value: `cagr`, `benchmark_cagr`, `bull.total_return`, ..."""
    out = {key: format_value(key, value, lang) for key, value in backtest.kpis.model_dump(exclude_none=True).items()}
    for regime in backtest.regimes:
        for metric in ("total_return", "sharpe", "max_drawdown", "share_of_time"):
            value = getattr(regime, metric)
            if value is not None:
                out[f"{regime.label}.{metric}"] = format_value(metric, value, lang)
    return out

"""Insight statements a report is built on, derived by code from the stored backtest.

SmolLM2-135M wrote reports with no checked claim and one line repeated across sections, so
the facts are no longer the model's to find: each statement here compares stored figures
(performance and risk against the benchmark, best and worst regime, drawdown depth and
duration, trade and signal statistics, anomalies) and cites them as placeholders that code
fills, in sentences the fact checker reads as claims. The model picks and orders them by id
and writes the connecting prose.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.reports.schemas import BacktestIn, Regime

SECTION_OF = {
    "performance": "performance_vs_benchmark",
    "risk": "risk",
    "regimes": "regime_analysis",
    "signals": "signal_insights",
    "anomalies": "anomalies",
}


@dataclass(frozen=True)
class Insight:
    id: str  # what the model picks by: `performance.vs_benchmark`, `regimes.best`, ...
    section: str  # the narrative section it belongs to
    text: str  # with placeholders such as {cagr}; code fills them
    has_figures: bool = True


def insights(backtest: BacktestIn) -> list[Insight]:
    """Every statement the stored data supports, in reading order."""
    return [*_performance(backtest), *_risk(backtest), *_regimes(backtest), *_trades(backtest), *_anomalies(backtest)]


def _performance(bt: BacktestIn) -> list[Insight]:
    k, out = bt.kpis, []
    if k.cagr is not None and k.benchmark_cagr is not None:
        verb = "beat" if k.cagr > k.benchmark_cagr else "trailed" if k.cagr < k.benchmark_cagr else "matched"
        out.append(_insight("performance.vs_benchmark", f"The strategy {verb} {bt.benchmark}: CAGR was {{cagr}} against a benchmark CAGR of {{benchmark_cagr}}."))
    elif k.cagr is not None:
        out.append(_insight("performance.cagr", "CAGR was {cagr}" + (", with no benchmark to compare against." if bt.benchmark is None else ".")))
    if k.total_return is not None:
        out.append(_insight("performance.total_return", "Total return over the backtest period was {total_return}."))
    if k.alpha is not None:
        out.append(_insight("performance.alpha", "Alpha was {alpha}" + (" with a beta of {beta}." if k.beta is not None else ".")))
    return out


def _risk(bt: BacktestIn) -> list[Insight]:
    k, out = bt.kpis, []
    if k.max_drawdown is not None:
        text = "Max drawdown was {max_drawdown}"
        if k.benchmark_max_drawdown is not None:
            deeper = "deeper than" if k.max_drawdown < k.benchmark_max_drawdown else "shallower than" if k.max_drawdown > k.benchmark_max_drawdown else "the same as"
            text += f", {deeper} the benchmark max drawdown of {{benchmark_max_drawdown}}"
        if k.max_drawdown_duration_days is not None:
            text += ", and the max drawdown duration was {max_drawdown_duration_days}"
        out.append(_insight("risk.drawdown", text + "."))
    if k.sharpe is not None:
        text = "Sharpe ratio was {sharpe}"
        if k.benchmark_sharpe is not None:
            text += f", {'above' if k.sharpe > k.benchmark_sharpe else 'below' if k.sharpe < k.benchmark_sharpe else 'equal to'} the benchmark Sharpe of {{benchmark_sharpe}}"
        out.append(_insight("risk.sharpe", text + "."))
    if k.annual_volatility is not None:
        out.append(_insight("risk.volatility", "Annual volatility was {annual_volatility}."))
    adjusted = [f"{label} was {{{name}}}" for name, label in (("sortino", "Sortino ratio"), ("calmar", "Calmar ratio")) if getattr(k, name) is not None]
    if adjusted:
        out.append(_insight("risk.adjusted", " and ".join(adjusted) + "."))
    return out


def _regimes(bt: BacktestIn) -> list[Insight]:
    scored = [r for r in bt.regimes if r.total_return is not None]
    if not scored:
        return []
    best = max(scored, key=lambda r: r.total_return or 0.0)
    out = [_regime("regimes.best", "best", best)]
    worst = min(scored, key=lambda r: r.total_return or 0.0)
    if worst.label != best.label:
        out.append(_regime("regimes.worst", "worst", worst))
    return out


def _regime(insight_id: str, rank: str, regime: Regime) -> Insight:
    text = f"The {rank} regime was {regime.label.replace('_', ' ')}, with a total return of {{{regime.label}.total_return}}"
    if regime.sharpe is not None:
        text += f" and a Sharpe ratio of {{{regime.label}.sharpe}}"
    return _insight(insight_id, text + ".")


def _trades(bt: BacktestIn) -> list[Insight]:
    k, out = bt.kpis, []
    if k.win_rate is not None:
        text = "Win rate was {win_rate}" + (" over {num_trades} trades" if k.num_trades is not None else "")
        out.append(_insight("signals.win_rate", text + (", with a profit factor of {profit_factor}." if k.profit_factor is not None else ".")))
    elif k.num_trades is not None:
        out.append(_insight("signals.trades", "The strategy made {num_trades} trades."))
    activity = [f"{label} was {{{name}}}" for name, label in (("avg_trade_return", "Average trade return"), ("exposure", "exposure"), ("turnover", "turnover")) if getattr(k, name) is not None]
    if activity:
        text = "; ".join(activity)
        out.append(_insight("signals.activity", text[0].upper() + text[1:] + "."))
    rated = [s for s in bt.signals if s.hit_rate is not None]
    if rated:
        best = max(rated, key=lambda s: s.hit_rate or 0.0)
        out.append(Insight("signals.best_signal", "signal_insights", f"The signal with the best hit rate was {best.name}.", has_figures=False))
    return out


def _anomalies(bt: BacktestIn) -> list[Insight]:
    if not bt.anomalies:
        return [Insight("anomalies.none", "anomalies", "No anomaly alerts were raised.", has_figures=False)]
    severe = [a for a in bt.anomalies if a.severity in ("high", "critical")]
    kinds = sorted({a.kind.replace("_", " ") for a in bt.anomalies})
    text = f"Anomaly alerts were raised: {', '.join(kinds)}" + (f"; the most severe is a {severe[0].severity} {severe[0].kind.replace('_', ' ')}." if severe else ".")
    return [Insight("anomalies.alerts", "anomalies", text, has_figures=False)]


def _insight(insight_id: str, text: str) -> Insight:
    return Insight(insight_id, SECTION_OF[insight_id.split(".")[0]], text)

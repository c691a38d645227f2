"""Insight statements a report is built on, derived by code from the stored backtest.

SmolLM2-135M wrote reports with no checked claim and one line repeated across sections, so
the facts are no longer the model's to find: each statement here compares stored figures
(performance and risk against the benchmark, best and worst regime, drawdown depth and
duration, trade and signal statistics, anomalies) and cites them as placeholders that code
fills, in sentences the fact checker reads as claims. The model picks and orders them by id
and writes the connecting prose. Each statement is written in English and Korean (`ko`); the
Korean ones are in the noun-phrase style of Korean reports, with no particle after a figure
(its form would depend on how the figure is read aloud), so the Korean fact checker reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

from guardrails.korean import REGIMES
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
    ko: str  # the same statement in Korean, same placeholders
    has_figures: bool = True

    def said(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.text


def insights(backtest: BacktestIn) -> list[Insight]:
    """Every statement the stored data supports, in reading order."""
    return [*_performance(backtest), *_risk(backtest), *_regimes(backtest), *_trades(backtest), *_anomalies(backtest)]


def _performance(bt: BacktestIn) -> list[Insight]:
    k, out = bt.kpis, []
    if k.cagr is not None and k.benchmark_cagr is not None:
        verb, side = ("beat", "상회") if k.cagr > k.benchmark_cagr else ("trailed", "하회") if k.cagr < k.benchmark_cagr else ("matched", "동일")
        out.append(_insight(
            "performance.vs_benchmark", f"The strategy {verb} {bt.benchmark}: CAGR was {{cagr}} against a benchmark CAGR of {{benchmark_cagr}}.",
            f"전략 성과는 벤치마크 {bt.benchmark} 대비 {side}: 연평균 수익률(CAGR) {{cagr}}, 벤치마크 CAGR {{benchmark_cagr}}.",
        ))
    elif k.cagr is not None:
        alone = bt.benchmark is None
        out.append(_insight(
            "performance.cagr", "CAGR was {cagr}" + (", with no benchmark to compare against." if alone else "."),
            "전략 연평균 수익률(CAGR) {cagr}" + (", 비교할 벤치마크 없음." if alone else "."),
        ))
    if k.total_return is not None:
        out.append(_insight("performance.total_return", "Total return over the backtest period was {total_return}.", "전략 누적 수익률 {total_return}(백테스트 기간)."))
    if k.alpha is not None:
        beta = k.beta is not None
        out.append(_insight("performance.alpha", "Alpha was {alpha}" + (" with a beta of {beta}." if beta else "."), "전략 알파 {alpha}" + (", 베타 {beta}." if beta else ".")))
    return out


def _risk(bt: BacktestIn) -> list[Insight]:
    k, out = bt.kpis, []
    if k.max_drawdown is not None:
        text, ko = "Max drawdown was {max_drawdown}", "전략 최대 낙폭 {max_drawdown}"
        if k.max_drawdown_duration_days is not None:
            ko += "(낙폭 기간 {max_drawdown_duration_days})"
        if k.benchmark_max_drawdown is not None:
            deeper, depth = (
                ("deeper than", "깊음") if k.max_drawdown < k.benchmark_max_drawdown else ("shallower than", "얕음") if k.max_drawdown > k.benchmark_max_drawdown else ("the same as", "같음")
            )
            text += f", {deeper} the benchmark max drawdown of {{benchmark_max_drawdown}}"
            ko += f", 벤치마크 최대 낙폭 {{benchmark_max_drawdown}}보다 {depth}" if depth != "같음" else ", 벤치마크 최대 낙폭 {benchmark_max_drawdown}과 같음"
        if k.max_drawdown_duration_days is not None:
            text += ", and the max drawdown duration was {max_drawdown_duration_days}"
        out.append(_insight("risk.drawdown", text + ".", ko + "."))
    if k.sharpe is not None:
        text, ko = "Sharpe ratio was {sharpe}", "전략 샤프 지수 {sharpe}"
        if k.benchmark_sharpe is not None:
            side, level = ("above", "높음") if k.sharpe > k.benchmark_sharpe else ("below", "낮음") if k.sharpe < k.benchmark_sharpe else ("equal to", "같음")
            text += f", {side} the benchmark Sharpe of {{benchmark_sharpe}}"
            ko += f", 벤치마크 샤프 지수 {{benchmark_sharpe}}보다 {level}" if level != "같음" else ", 벤치마크 샤프 지수 {benchmark_sharpe}와 같음"
        out.append(_insight("risk.sharpe", text + ".", ko + "."))
    if k.annual_volatility is not None:
        out.append(_insight("risk.volatility", "Annual volatility was {annual_volatility}.", "전략 연간 변동성 {annual_volatility}."))
    adjusted = [(name, label, korean) for name, label, korean in (("sortino", "Sortino ratio", "소르티노 비율"), ("calmar", "Calmar ratio", "칼마 비율")) if getattr(k, name) is not None]
    if adjusted:
        out.append(_insight(
            "risk.adjusted", " and ".join(f"{label} was {{{name}}}" for name, label, _ in adjusted) + ".",
            ", ".join(f"전략 {korean} {{{name}}}" for name, _, korean in adjusted) + ".",
        ))
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
    name = REGIMES[regime.label][0] if regime.label in REGIMES else regime.label
    ko = f"{name} 국면이 가장 {'좋았습니다' if rank == 'best' else '나빴습니다'}: 누적 수익률 {{{regime.label}.total_return}}"
    if regime.sharpe is not None:
        text += f" and a Sharpe ratio of {{{regime.label}.sharpe}}"
        ko += f", {name} 샤프 지수 {{{regime.label}.sharpe}}"  # the regime named at each figure: the next statement names another
    return _insight(insight_id, text + ".", ko + ".")


def _trades(bt: BacktestIn) -> list[Insight]:
    k, out = bt.kpis, []
    if k.win_rate is not None:
        trades, factor = k.num_trades is not None, k.profit_factor is not None
        text = "Win rate was {win_rate}" + (" over {num_trades} trades" if trades else "") + (", with a profit factor of {profit_factor}." if factor else ".")
        ko = "전략 승률 {win_rate}" + (", 거래 {num_trades}회" if trades else "") + (", 손익비 {profit_factor}." if factor else ".")
        out.append(_insight("signals.win_rate", text, ko))
    elif k.num_trades is not None:
        out.append(_insight("signals.trades", "The strategy made {num_trades} trades.", "전략 거래 {num_trades}회."))
    activity = [
        (name, label, korean)
        for name, label, korean in (("avg_trade_return", "Average trade return", "평균 거래 수익률"), ("exposure", "exposure", "노출도"), ("turnover", "turnover", "회전율"))
        if getattr(k, name) is not None
    ]
    if activity:
        text = "; ".join(f"{label} was {{{name}}}" for name, label, _ in activity)
        out.append(_insight("signals.activity", text[0].upper() + text[1:] + ".", "; ".join(f"전략 {korean} {{{name}}}" for name, _, korean in activity) + "."))
    rated = [s for s in bt.signals if s.hit_rate is not None]
    if rated:
        best = max(rated, key=lambda s: s.hit_rate or 0.0)
        out.append(Insight("signals.best_signal", "signal_insights", f"The signal with the best hit rate was {best.name}.", f"적중률이 가장 높은 신호: {best.name}.", has_figures=False))
    return out


def _anomalies(bt: BacktestIn) -> list[Insight]:
    if not bt.anomalies:
        return [Insight("anomalies.none", "anomalies", "No anomaly alerts were raised.", "이상 알림 없음.", has_figures=False)]
    severe = [a for a in bt.anomalies if a.severity in ("high", "critical")]
    kinds = ", ".join(sorted({a.kind.replace("_", " ") for a in bt.anomalies}))
    worst = f"{severe[0].severity} {severe[0].kind.replace('_', ' ')}" if severe else ""
    text = f"Anomaly alerts were raised: {kinds}" + (f"; the most severe is a {worst}." if severe else ".")
    ko = f"이상 알림 발생: {kinds}" + (f"; 가장 심각한 알림: {worst}." if severe else ".")
    return [Insight("anomalies.alerts", "anomalies", text, ko, has_figures=False)]


def _insight(insight_id: str, text: str, ko: str) -> Insight:
    return Insight(insight_id, SECTION_OF[insight_id.split(".")[0]], text, ko)

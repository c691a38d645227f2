"""Checks the numbers and directions a narrative claims against the stored backtest figures.

A wrong number in an executive report is this platform's worst failure, so any text (model
output or a reviewer's edit) goes through here. Claims are found sentence by sentence and clause
by clause: a number with a unit or next to a metric word is a numeric claim, attributed to the
strategy, the benchmark, a market regime or a signal by the words around it; phrases such as
"outperformed the benchmark" or "lost money in the bear regime" are directional claims. Each
is supported, contradicted (with the stored value) or unverifiable. Pure function of text and
a `FactSheet`; no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

Kind = Literal["percent", "ratio", "count", "days"]
Status = Literal["supported", "contradicted", "unverifiable"]
Verdict = Literal["verified", "contradicted", "unverifiable"]

# metric -> (kind, words that name it). Order matters: longer phrases first within a clause.
METRICS: dict[str, tuple[Kind, tuple[str, ...]]] = {
    "max_drawdown_duration_days": ("days", ("lasted", "duration", "underwater for", "to recover", "recovery")),
    "max_drawdown": ("percent", ("max drawdown", "maximum drawdown", "drawdown", "peak-to-trough", "peak to trough")),
    "annual_volatility": ("percent", ("annual volatility", "annualized volatility", "annualised volatility", "volatility")),
    "cagr": ("percent", ("cagr", "compound annual", "annualized return", "annualised return", "annual return", "a year", "per year", "per annum", "annually", "compounded")),
    "total_return": ("percent", ("total return", "cumulative return", "returned", "gained", "gain", "lost", "loss of", "return", "made", "grew", "delivered", "cost")),
    "sharpe": ("ratio", ("sharpe",)),
    "sortino": ("ratio", ("sortino",)),
    "calmar": ("ratio", ("calmar",)),
    "win_rate": ("percent", ("win rate", "winning trades", "of trades were profitable")),
    "profit_factor": ("ratio", ("profit factor",)),
    "num_trades": ("count", ("trades", "round trips", "positions taken")),
    "avg_trade_return": ("percent", ("average trade", "per trade", "avg trade")),
    "exposure": ("percent", ("exposure", "invested", "in the market")),
    "turnover": ("ratio", ("turnover",)),
    "alpha": ("percent", ("alpha",)),
    "beta": ("ratio", ("beta",)),
    "hit_rate": ("percent", ("hit rate", "accuracy", "were right")),
    "avg_return": ("percent", ("average return", "mean return", "avg return")),
    "count": ("count", ("fired", "triggered", "signals", "occurrences")),
}
# Verbs and time phrases that name a metric only when no metric noun is in the clause.
GENERIC_WORDS = frozenset({
    "a year", "per year", "per annum", "annually", "compounded", "returned", "gained", "gain", "lost",
    "loss of", "return", "made", "grew", "delivered", "cost", "fired", "triggered", "invested", "in the market",
    "lasted", "recovery",
})
# Topics the store has no figure for: a number tied to one only by a generic word is unverifiable.
UNSTORED_TOPICS = re.compile(r"\b(costs|cost of|fees?|commissions?|slippage|funding|tax(?:es)?|spreads?)\b")
NEGATIVE_WORDS = ("lost", "loss of", "fell", "declined", "down ", "minus", "negative", " cost ")
BENCHMARK_WORDS = ("benchmark", "the index", "buy-and-hold", "buy and hold", "the market")
REGIME_SYNONYMS = {
    "high_volatility": ("high volatility", "high-volatility", "volatile"),
    "low_volatility": ("low volatility", "low-volatility", "calm"),
    "bull": ("bull", "bullish", "rising market"),
    "bear": ("bear", "bearish", "falling market"),
    "sideways": ("sideways", "range-bound", "range bound", "choppy"),
    "trending": ("trending", "trend regime"),
}
NUMBER = re.compile(
    r"(?P<sign>[-−–+]|minus\s+)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?P<unit>%|percent\b|per\s?cent\b|percentage points\b|bps\b|basis points\b|x\b|times\b|days?\b|trading days\b)?",
    re.IGNORECASE,
)
DATE_LIKE = re.compile(r"\b(19|20)\d{2}(-\d{2}(-\d{2})?)?\b|\b\d{1,2}:\d{2}\b")
CLAUSE_SPLIT = re.compile(r";|,|\bwhile\b|\bwhereas\b|\bbut\b|\bagainst\b|\bversus\b|\bvs\.?|\bcompared (?:with|to)\b|\bwith\b|\band\b", re.IGNORECASE)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")


class FactSheet(BaseModel):
    """The stored figures a narrative may cite (fractions for returns, rates and drawdowns)."""

    strategy: dict[str, float] = Field(default_factory=dict)
    benchmark_name: str | None = Field(default=None, description="The benchmark's symbol, e.g. SPY: text may name it instead of 'the benchmark'.")
    benchmark: dict[str, float] = Field(default_factory=dict)
    regimes: dict[str, dict[str, float]] = Field(default_factory=dict)
    signals: dict[str, dict[str, float]] = Field(default_factory=dict)


class Finding(BaseModel):
    claim: str
    kind: Literal["numeric", "directional"]
    entity: str
    metric: str | None
    claimed: float | None = None
    stored: float | None = None
    status: Status
    note: str = ""


class FactCheckResult(BaseModel):
    verdict: Verdict
    supported: int
    contradicted: int
    unverifiable: int
    findings: list[Finding]


def check(text: str, facts: FactSheet) -> FactCheckResult:
    """Every numeric and directional claim in ``text``, judged against ``facts``."""
    findings: list[Finding] = []
    for sentence in _sentences(text):
        findings += _numeric_claims(sentence, facts)
        findings += _directional_claims(sentence, facts)
    counts = {status: sum(f.status == status for f in findings) for status in ("supported", "contradicted", "unverifiable")}
    verdict: Verdict = "contradicted" if counts["contradicted"] else "unverifiable" if counts["unverifiable"] else "verified"
    return FactCheckResult(verdict=verdict, findings=findings, **counts)


# --- numeric claims ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Number:
    text: str
    value: float
    decimals: int
    unit: str | None
    negative: bool


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_SPLIT.split(text) if part and part.strip()]


def _numeric_claims(sentence: str, facts: FactSheet) -> list[Finding]:
    findings = []
    regime = None  # a regime named earlier in the sentence carries over to later clauses
    metric_before: str | None = None
    for clause in CLAUSE_SPLIT.split(sentence):
        lowered = f" {clause.lower()} "
        regime = _regime_in(lowered) or regime
        for number in _numbers(clause):
            inherited = metric_before if number.unit and metric_before and _unit_fits(METRICS[metric_before][0], number.unit) else None
            metric, generic = _metric_for(lowered, number)
            found = UNSTORED_TOPICS.search(lowered) if generic or metric is None else None
            topic = found.group(1) if found else None
            metric = None if topic else metric or inherited
            if metric is None:
                if number.unit in ("%", "days"):
                    note = f"the store has no figure for {topic}" if topic else f"no metric named near {number.text!r}"
                    findings.append(Finding(claim=number.text, kind="numeric", entity="strategy", metric=None, claimed=number.value, status="unverifiable", note=note))
                continue
            metric_before = metric
            entity, stored = _stored_value(lowered, metric, regime, facts)
            findings.append(_judge(clause.strip(), number, metric, entity, stored))
    return findings


def _numbers(clause: str) -> list[_Number]:
    found = []
    dates = [match.span() for match in DATE_LIKE.finditer(clause)]
    for match in NUMBER.finditer(clause):
        if any(start <= match.start() < end for start, end in dates):
            continue
        raw = match.group("num").replace(",", "")
        unit = _unit(match.group("unit"))
        sign = (match.group("sign") or "").strip().lower()
        negative = sign in ("-", "−", "–", "minus")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        found.append(_Number(match.group(0).strip(), float(raw), decimals, unit, negative))
    return found


def _unit(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = raw.lower().replace(" ", "")
    if raw in ("%", "percent", "percentagepoints"):
        return "%"
    if raw in ("bps", "basispoints"):
        return "bps"
    if raw in ("x", "times"):
        return "x"
    return "days"


def _metric_for(lowered: str, number: _Number) -> tuple[str | None, bool]:
    """The metric named nearest the number whose kind fits the unit, and whether only a generic
    word named it; metric nouns beat generic verbs."""
    position = lowered.find(number.text.lower())
    for generic in (False, True):
        best: tuple[int, str] | None = None
        for metric, (kind, words) in METRICS.items():
            if not _unit_fits(kind, number.unit):
                continue
            for word in words:
                if (word in GENERIC_WORDS) != generic:
                    continue
                for match in re.finditer(re.escape(word), lowered):
                    distance = abs(match.start() - position)
                    if best is None or distance < best[0]:
                        best = (distance, metric)
        if best is not None:
            return best[1], generic
    return None, False


def _unit_fits(kind: Kind, unit: str | None) -> bool:
    if unit in ("%", "bps"):
        return kind == "percent"
    if unit == "days":
        return kind == "days"
    if unit == "x":
        return kind in ("ratio", "count")
    return kind in ("ratio", "count")


def _stored_value(lowered: str, metric: str, regime: str | None, facts: FactSheet) -> tuple[str, float | None]:
    signal = next((name for name in facts.signals if name.lower().replace("_", " ") in lowered or name.lower() in lowered), None)
    if signal and metric in ("hit_rate", "avg_return", "count"):
        return f"signal:{signal}", facts.signals[signal].get(metric)
    if metric == "hit_rate":  # a hit rate of no named signal is the strategy's win rate
        metric = "win_rate"
    if _names_benchmark(lowered, facts):
        return "benchmark", facts.benchmark.get(metric)
    if regime is not None and metric in ("total_return", "sharpe", "max_drawdown", "share_of_time"):
        return f"regime:{regime}", facts.regimes.get(regime, {}).get(metric)
    return "strategy", facts.strategy.get(metric)


def _judge(clause: str, number: _Number, metric: str, entity: str, stored: float | None) -> Finding:
    kind = METRICS[metric][0]
    claimed = _as_stored_units(number, kind, clause)
    base = {"claim": clause, "kind": "numeric", "entity": entity, "metric": metric, "claimed": claimed}
    if stored is None:
        return Finding(**base, status="unverifiable", note=f"no stored {metric} for {entity}")
    if _matches(number, kind, metric, claimed, stored):
        return Finding(**base, stored=stored, status="supported")
    return Finding(**base, stored=stored, status="contradicted", note=f"stored {metric} for {entity} is {_show(stored, kind)}")


def _as_stored_units(number: _Number, kind: Kind, clause: str) -> float:
    value = number.value / 100 if kind == "percent" and number.unit != "bps" else number.value
    if number.unit == "bps":
        value = number.value / 10_000
    negative = number.negative or (kind == "percent" and any(word in clause.lower() for word in NEGATIVE_WORDS))
    return -value if negative else value


def _matches(number: _Number, kind: Kind, metric: str, claimed: float, stored: float) -> bool:
    """Equal up to the precision the text shows (rounded or truncated), drawdowns by magnitude."""
    if "drawdown" in metric:
        claimed, stored = abs(claimed), abs(stored)
    scale = 100 if kind == "percent" and number.unit != "bps" else (10_000 if number.unit == "bps" else 1)
    shown, actual = claimed * scale, stored * scale
    unit_in_last_place = 10 ** (-number.decimals)
    rounded = round(actual, number.decimals)
    truncated = math.trunc(actual * 10**number.decimals) / 10**number.decimals
    return any(abs(shown - candidate) < unit_in_last_place / 2 for candidate in (rounded, truncated))


def _show(value: float, kind: Kind) -> str:
    return f"{value * 100:.2f}%" if kind == "percent" else f"{value:g}"


def _names_benchmark(lowered: str, facts: FactSheet) -> bool:
    symbol = facts.benchmark_name.lower() if facts.benchmark_name else None
    return any(word in lowered for word in BENCHMARK_WORDS) or bool(symbol and re.search(rf"\b{re.escape(symbol)}\b", lowered))


def _regime_in(lowered: str) -> str | None:
    for label, words in REGIME_SYNONYMS.items():
        if any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in words):
            return label
    return None


# --- directional claims ------------------------------------------------------------------------

OUTPERFORM = r"\b(outperform(?:ed|s|ing)?|beat|beats|ahead of|better than)\b[^.]*?\b({targets})\b"
UNDERPERFORM = r"\b(underperform(?:ed|s|ing)?|lagg?(?:ed|s)?|trail(?:ed|s)?|behind|worse than)\b[^.]*?\b({targets})\b"
ALPHA_SIGN = re.compile(r"\b(positive|negative)\s+alpha\b|\balpha\b(?:\s+\w+){1,3}?\s+(positive|negative)\b", re.IGNORECASE)
LOST_IN = re.compile(r"\b(lost money|was unprofitable|were unprofitable|negative returns?|declined|suffered losses)\b", re.IGNORECASE)
GAINED_IN = re.compile(r"\b(made money|was profitable|positive returns?|profitable)\b", re.IGNORECASE)
BEST = re.compile(r"\b(best|strongest|most profitable)\b", re.IGNORECASE)
WORST = re.compile(r"\b(worst|weakest|least profitable)\b", re.IGNORECASE)


def _directional_claims(sentence: str, facts: FactSheet) -> list[Finding]:
    findings = []
    lowered = sentence.lower()
    strategy_growth = facts.strategy.get("cagr", facts.strategy.get("total_return"))
    benchmark_growth = facts.benchmark.get("cagr")
    targets = "|".join(["benchmark", "index", "market"] + ([re.escape(facts.benchmark_name)] if facts.benchmark_name else []))
    for pattern, expect_above in ((OUTPERFORM, True), (UNDERPERFORM, False)):
        if re.search(pattern.format(targets=targets), sentence, re.IGNORECASE) and not _negated(lowered):
            findings.append(_compare(sentence, "vs_benchmark", strategy_growth, benchmark_growth, expect_above))
    if match := ALPHA_SIGN.search(sentence):
        alpha = facts.strategy.get("alpha")
        findings.append(_sign(sentence, "alpha", "strategy", alpha, positive=(match.group(1) or match.group(2)).lower() == "positive"))
    regime = _regime_in(f" {lowered} ")
    if regime is not None:
        regime_return = facts.regimes.get(regime, {}).get("total_return")
        if LOST_IN.search(sentence) and not NUMBER.search(sentence):
            findings.append(_sign(sentence, "total_return", f"regime:{regime}", regime_return, positive=False))
        elif GAINED_IN.search(sentence) and not NUMBER.search(sentence):
            findings.append(_sign(sentence, "total_return", f"regime:{regime}", regime_return, positive=True))
        returns = {label: m["total_return"] for label, m in facts.regimes.items() if "total_return" in m}
        for pattern, pick in ((BEST, max), (WORST, min)):
            if pattern.search(sentence) and "regime" in lowered:
                findings.append(_rank(sentence, regime, returns, pick))
    return findings


def _negated(lowered: str) -> bool:
    return bool(re.search(r"\b(not|never|did not|didn't|failed to)\b", lowered))


def _compare(sentence: str, metric: str, ours: float | None, theirs: float | None, expect_above: bool) -> Finding:
    base = {"claim": sentence, "kind": "directional", "entity": "strategy", "metric": metric}
    if ours is None or theirs is None:
        return Finding(**base, status="unverifiable", note="benchmark growth not stored")
    holds = ours > theirs if expect_above else ours < theirs
    note = f"strategy {ours:.4f} vs benchmark {theirs:.4f}"
    return Finding(**base, claimed=None, stored=ours - theirs, status="supported" if holds else "contradicted", note=note)


def _sign(sentence: str, metric: str, entity: str, stored: float | None, positive: bool) -> Finding:
    base = {"claim": sentence, "kind": "directional", "entity": entity, "metric": metric}
    if stored is None:
        return Finding(**base, status="unverifiable", note=f"no stored {metric} for {entity}")
    holds = stored > 0 if positive else stored < 0
    return Finding(**base, stored=stored, status="supported" if holds else "contradicted", note=f"stored {metric} is {stored:.4f}")


def _rank(sentence: str, regime: str, returns: dict[str, float], pick: Callable[..., str]) -> Finding:
    base = {"claim": sentence, "kind": "directional", "entity": f"regime:{regime}", "metric": "total_return"}
    if regime not in returns:
        return Finding(**base, status="unverifiable", note=f"no stored return for regime {regime}")
    expected = pick(returns, key=returns.__getitem__)
    holds = expected == regime
    return Finding(**base, stored=returns[regime], status="supported" if holds else "contradicted", note=f"{pick.__name__} return is in {expected}")

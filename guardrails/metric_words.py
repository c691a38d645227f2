"""Which metric a figure is about, by the words a text names it with: nouns anywhere in its
clause, rates ("a year") when no noun does, verbs ("returned") when neither does. Kept apart
from the readings so that every topic module names metrics the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from guardrails import claim_context as ctx
from guardrails import korean as ko
from guardrails.numerals import Numeral

Kind = Literal["percent", "ratio", "count", "days"]


@dataclass(frozen=True)
class Metric:
    """How a stored figure is named: ``nouns`` name it anywhere in a clause; ``rates`` ("a
    year") when no noun does; ``verbs`` ("returned") when neither does; a count only right next
    to its figure."""

    kind: Kind
    nouns: tuple[str, ...]
    verbs: tuple[str, ...] = ()
    rates: tuple[str, ...] = ()
    strategy_only: bool = False  # buy-and-hold has no such figure: a benchmark named nearby does not own it


METRICS: dict[str, Metric] = {
    "max_drawdown_duration_days": Metric(
        "days", ("duration", "underwater", "under water", "drawdowns?", "recover(?:y|ed|ing)?", "climb(?:ed)? out", "regain(?:ed)?", "peak", "(?:new|previous|prior) high", "recoup(?:ed)?", "made good", "(?:topped|passed|cleared) (?:that|the|its) (?:old |previous |prior )?(?:high|peak)", "repair(?:ed|ing)?", "heal(?:ed|ing)?"),
        ("lasted", "took"), strategy_only=True,  # buy-and-hold's drawdown length is not stored
    ),
    "max_drawdown": Metric(
        "percent", ("max(?:imum)? drawdown", "drawdowns?", "setbacks?", "pullbacks?", "peak[- ]to[- ]trough", "(?<!ranked )(?<!sorted )(?<!ordered )(?<!listed )(?<!ranked from )(?<!sorted from )(?<!ordered from )(?<!listed from )(?:from )?top[- ]to[- ]bottom(?! by)", "decline from (?:the |its )?peak", "(?:deepest|worst) (?:decline|fall|slump|loss|setback)", r"heaviest (?:decline|fall|slump|setback)(?!\s+(?:in|of|over)\s+(?:a|one|any)\s+(?:single\s+)?(?:week|day|month|session))", "(?:deepest|worst|biggest|largest|sharpest|heaviest|max(?:imum)?) (?:slide|hole|plunge|dip)", "plunge", "sell-?off", "crash", r"(?<=% )(?:collapse|slump)\b(?! (?:in|of)\b)", r"(?:the|its|that) drop\b(?! in\b)", "max(?:imum)? loss(?! of (?:a|one) (?:day|week|month|trade))", "(?:max(?:imum)?|largest|biggest) loss from (?:the |its )?peak", "dr(?:awing|ew|awn) down",
         r"(?:fall|slide|drop|decline|fell|slid|dropped|sank)(?: \S+)? (?:into|to) (?:a |the |its )?(?:(?:late|early|mid)[- ]?)?(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|trough|low|bottom)[a-z]*(?: (?:19|20)\d{2}\b)?", r"(?:from|between) (?:its|the|a|an) (?:[a-z-]+ )?(?:(?:19|20)\d{2} )?(?:high|peak|best point|highest point|top)", "at (?:its |the )?worst", "trough", r"(?:never|no) deeper than", r"bottom(?:ed|ing|s)(?: out)?(?: \S+){0,4}? at(?= [-−]\d)"),
        (r"(?<=%\s)deep\b",),  # "went 48.06% deep": a depth, of whichever fall the sentence tells
    ),
    "annual_volatility": Metric("percent", ("(?:annual(?:i[sz]ed)? |reali[sz]ed )?volatility", "vol", "standard deviation of (?:daily |monthly )?returns", "(?:(?:daily|weekly|monthly) )?swings annuali[sz]ed")),
    "cagr": Metric(
        "percent",
        ("cagr", "compound(?:ed)? annual(?: growth)?(?: rate)?", "annual(?:i[sz]ed)? (?:return|growth|gain|decline|loss|fall|drop)s?", "annual rate", r"an annual(?= [-+]?\d)", "compound(?:ed|ing|s)?", "growth rate"),
        rates=("a year", "per year", "per annum", "annually", "annuali[sz]ed", "annuali[sz]es", "annuali[sz]ing", "each year", "yearly", r"p\.a\."),
    ),
    "total_return": Metric(
        "percent",
        ("total return", "cumulative(?: return)?", "overall return", "in total", "net return", r"\btotal(?=\s?[:=]\s?[-+]?\d)"),
        ("returned", "returning", "returns?", "gained", "gaining", "gains?", "lost", "losing", "loss(?:es)? of", "made", "grew", "growth", "increased", "lifted",
         "delivered", "delivering", "cost", "rose", "shed", "shedding", "giving back", "gave back", "eked out", "earned", "produced",
         "generated", "posted", "added", "adding", "up", "down", "higher"),
    ),
    "sharpe": Metric("ratio", ("sharpe(?: ratio)?",)),
    "sortino": Metric("ratio", ("sortino(?: ratio)?",)),
    "calmar": Metric("ratio", ("calmar(?: ratio)?",)),
    "win_rate": Metric(
        "percent", ("win(?:ning)? rate", "winning trades", "win ratio", "trades (?:that )?(?:made|make|making) money", r"(?<=%\s)(?:made|make) money", r"clos(?:ed|ing) (?:at a|in|with a) (?:gain|profit)"),
        ("won", "wins?", "winners", r"(?<!clear )(?<!outright )(?<!overall )(?<!big )(?<!the )(?<!a )winner\b", r"winning(?!\s+(?:regime|phase|period|year|month|spell|quarter|week)s?\b)", "(?:came|come|comes) out ahead(?! by\\b)", "(?<!most )(?<!least )profitable", "in profit", "in the black", r"(?<=%\s)positive\b", r"\bpositive(?=:? [\d.]+\s?%)"), strategy_only=True,
    ),
    "winning_trades": Metric("count", ("winning trades", "winners", "profitable trades", r"(?<![a-z] )profitable(?!\s+\w)", r"(?<=\d )correct\b"), ("won",), strategy_only=True),  # derived: win rate x trades
    "profit_factor": Metric("ratio", ("profit factor", "(?:gains|profits|winners) covered (?:the )?losses", "gross (?:gains|profits?|wins)"), strategy_only=True),
    "num_trades": Metric("count", ("trades", "trade count", "round[- ]trips", "positions(?: taken)?"), ("traded", "executed", "placed", "completed"), strategy_only=True),
    "avg_trade_return": Metric(
        "percent", ("average trade", r"avg\.? trade", "mean trade", "average position"), ("averag(?:e|ed|es|ing)",), rates=("per trade", "a trade", "each trade", "per position", "per entry", "an entry"), strategy_only=True,
    ),
    "exposure": Metric("percent", ("exposure", "invested", "in the market", "time in (?:the )?market", "capital deployed"), ("of the time",), strategy_only=True),
    "turnover": Metric("ratio", ("turnover", "turn(?:ed|ing|s)? (?:(?:the|its|their) )?(?:(?:book|portfolio|capital) )?over"), strategy_only=True),
    "alpha": Metric("percent", ("alpha", "residual return"), strategy_only=True),
    "beta": Metric("ratio", ("beta",), strategy_only=True),
    "hit_rate": Metric("percent", ("hit rate", "hit ratio", "accuracy", "success rate", r"(?<![\w-] )(?<!\w)rate(?=\s?[:=]?\s?\d)"), ("hit", "hits", "hitting", "were right", "was right", "correct", "paid off"), strategy_only=True),
    "avg_return": Metric("percent", ("average return", "mean return", r"avg\.? return", "average move", r"\bavg\.?(?=\s?[:=]?\s?[-+]?\d)", r"\bmean(?=\s?[:=]?\s?[-+]?\d)", r"(?<=\d% )(?:mean|avg)\b"), strategy_only=True),
    "count": Metric("count", ("signals", "occurrences", "triggers"), ("fired", "triggered"), strategy_only=True),
    "share_of_time": Metric(
        "percent", ("share of (?:the )?time", "of the (?:sample|period|backtest|test|history)", "of (?:all |trading )?days"), ("accounted for", "spent", "covered"),
        strategy_only=True,
    ),
}


def _tier_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(rf"\b(?:{'|'.join(words)}){ko.HANGUL_END}") if words else None


METRIC_PATTERNS = {
    name: tuple(_tier_pattern(english + korean) for english, korean in zip((m.nouns, m.rates, m.verbs), ko.METRIC_WORDS.get(name, ((), (), ())), strict=True))
    for name, m in METRICS.items()
}
SIGNED = {"total_return", "cagr", "alpha", "avg_trade_return", "avg_return"}  # figures a "+" may lead; a rate or a share has no sign
SIBLINGS = {"total_return": "cagr", "cagr": "total_return", "win_rate": "hit_rate", "hit_rate": "win_rate"}  # what one verb may mean
FIGURE_BETWEEN, ASIDE = re.compile(r"\d"), re.compile(r"\([^()]*\)")
KO_NOUN_RIGHT_AFTER = re.compile(r"\s?(?:의\s)?(?:변동성|변동폭|샤프|소르티노|칼마|승률|적중률|낙폭|노출|회전율|알파|베타)")  # "연간 6.1% 변동성": the noun after names it, not the rate before
SHARE_OF_COUNT = re.compile(r"\s+of\s+(?:the|its|all|their)\s+[\d,]+", re.IGNORECASE)  # "39.5% of the 686 trades were winners": one figure of the other
SIGNAL_METRICS = {"hit_rate": "hit_rate", "win_rate": "hit_rate", "avg_return": "avg_return", "avg_trade_return": "avg_return", "count": "count", "num_trades": "count"}
STRATEGY_SYNONYMS = {"hit_rate": "win_rate", "avg_return": "avg_trade_return", "share_of_time": "exposure"}  # named where no signal or regime is
SHARES = {"win_rate", "hit_rate", "exposure", "share_of_time"}
NEVER_NEGATIVE = {"share_of_time", "exposure", "win_rate", "hit_rate", "annual_volatility", "turnover", "num_trades", "count"}
COUNT_FILLERS = {*ko.PARTICLES, "는", "은", "모두", "총", "전부", "합계", "합쳐"}
NEXT_FIGURE = re.compile(r"\s*(?:은|는|이|가|of(?: (?:about|roughly|around|nearly|just over|just under))?)?\s*[-+]?\d")  # "+297.97%, for a CAGR of 11.22%": the CAGR is the 11.22%
# A noun right after another figure belongs to that one ("on 6.5% volatility"); not after a year or a share's whole ("of its 61 trades").
NOUN_AFTER_FIGURE = re.compile(r"(?<![\d.,])(?<!of the )(?<!of its )(?<!of all )(?<!of their )(?!(?:19|20)\d\d\b)\d[\d.,]*\s?%?\s*$")
PART_OF_COUNT = re.compile(r"\s*(?:중|가운데)\s*$")  # "64번의 매매 중 23번": 23 is a part of the trades, not their count
NEAR_BEFORE, NEAR_AFTER = 6, 3  # words between a metric's noun and its figure for a mismatch to block ("the Sharpe ratio came in at 0.37", "4.1% CAGR")


@dataclass(frozen=True)
class Named:
    """A metric as the text names it: by a noun in the figure's own clause, or less surely."""

    metric: str
    by_noun: bool
    near: bool = True  # the word sits close to the figure: at most NEAR_BEFORE words before it or NEAR_AFTER after it
    inherited: bool = False  # the metric of a figure the sentence already stated ("8.2% a year, short of the 9.4% SPY delivered")
    label: ctx.Clause | None = None  # the label of a KPI line's figure ("Sharpe ratio: 0.24"): it names whose figure too


def nearest_metric(masked: str, start: int, end: int, number: Numeral, *, before_only: bool = False) -> Named | None:
    """The metric whose word is nearest the figure within ``masked[start:end]``: nouns first,
    then rates, then verbs; a count only when its word is at most one word away."""
    best: tuple[tuple[int, int, int, int], Named] | None = None
    for name, metric in METRICS.items():
        if not unit_fits(metric.kind, number.unit) or (metric.kind == "count" and number.decimals > 0):  # "band multiple 3.0) signals": a count has no decimals
            continue
        if name in NEVER_NEGATIVE and number.negative:  # "기간의 37%로 가장 길었던 약세장이 -9%로": a share of time is never negative
            continue
        if name in SHARES and number.unit == "%" and number.value > 100:  # "came out ahead 127.1%": no rate is over 100%
            continue
        for tier, pattern in enumerate(METRIC_PATTERNS[name]):
            if pattern is None:
                continue
            for match in pattern.finditer(masked, start, end):
                after = match.start() >= number.end
                if (before_only and after) or (number.start <= match.start() < number.end):
                    continue
                if metric.kind == "count" and ((_count_gap(masked, match, number) if name != "count" else words_between(masked, match, number)) > 1 or (not after and PART_OF_COUNT.match(masked, match.end(), number.start))):
                    continue
                if after and NEXT_FIGURE.match(masked, match.end()):  # "121.8% 올라 연평균 8.3%": 연평균 names the 8.3%
                    continue
                if after and tier == 2 and FIGURE_BETWEEN.search(ASIDE.sub(" ", masked[number.end:match.start()])) and not SHARE_OF_COUNT.match(masked, number.end):
                    continue  # "139번은 41%가 맞았다": the verb tells the nearer figure's (not an aside's: "41% of them (1,173) were winners")
                if after and tier <= 1 and NOUN_AFTER_FIGURE.search(masked, number.end, match.start()):  # "2.8% a year on 6.5% volatility": the later figure's noun
                    continue
                if after and masked.count("(", number.end, match.start()) > masked.count(")", number.end, match.start()):  # "the DAX's 0.46 (its Sortino was 0.55)": an aside names its own figures
                    continue
                rank = 0 if tier == 1 and not after and ko.HANGUL.search(match.group(0)) and not masked[match.end():number.start].strip() and not KO_NOUN_RIGHT_AFTER.match(masked, number.end) else tier  # "적중률 45.6%에 건당 +0.21%": a Korean rate right before its figure names it as a noun does
                key = (rank, chars_apart(match.start(), match.end(), number), int(after), -len(match.group(0)))
                if best is None or key < best[0]:
                    near = words_between(masked, match, number) <= (NEAR_AFTER if after else NEAR_BEFORE)
                    best = (key, Named(name, by_noun=rank == 0, near=near))
    return best[1] if best else None


def _count_gap(text: str, match: re.Match[str], number: Numeral) -> int:
    """Words between a count's noun and its figure, Korean particles and "in all" words left out ("매매는 모두 44건")."""
    gap = text[match.end():number.start] if match.end() <= number.start else text[number.end:match.start()]
    return len([word for word in re.findall(r"\w+", gap) if word not in COUNT_FILLERS])


def words_between(text: str, match: re.Match[str], number: Numeral) -> int:
    gap = text[match.end():number.start] if match.end() <= number.start else text[number.end:match.start()]
    return len(re.findall(r"\w+", gap))


def chars_apart(start: int, end: int, number: Numeral) -> int:
    return number.start - end if end <= number.start else max(0, start - number.end)


def unit_fits(kind: Kind, unit: str | None) -> bool:
    if unit in ("%", "bps", "pp"):
        return kind == "percent"
    if unit == "days":
        return kind == "days"
    if unit == "n":
        return kind == "count"
    return kind in ("ratio", "count")

"""Numeric claims: each figure a sentence states, the metric and entity it is about, and whether
the stored value agrees.

A figure (in digits or in words, `guardrails.numerals`) with a unit or next to a metric word is a
claim, attributed to the strategy, the benchmark, a market regime or a signal by the words
around it (`guardrails.claim_context`). It is compared with rounding-aware tolerance (rounded
either way or truncated to the digits shown; "more than" and "about" as bounds). A mismatch is
`contradicted` only when no other reading the wording allows fits the stored figures; otherwise
it goes to a reviewer as `unverifiable`. Pure functions; no I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date
from collections.abc import Iterator
from typing import Literal

from guardrails import claim_context as ctx
from guardrails import korean as ko
from guardrails import dates
from guardrails import implied_figures as implied
from guardrails.directional_claims import COMPARE, KO_COMPARE, NOT_RECOVERED, PEAK_WORD_AFTER, compared_on, own_comparison, own_figure
from guardrails.factsheet import Drawdown, FactSheet, Finding
from guardrails.numerals import POINTS_GAP, Numeral, numerals

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
        "percent", ("max(?:imum)? drawdown", "drawdowns?", "setbacks?", "pullbacks?", "peak[- ]to[- ]trough", "decline from (?:the |its )?peak", "(?:deepest|worst) (?:decline|fall|slump|loss|setback)", "(?:deepest|worst|biggest|largest|sharpest|max(?:imum)?) (?:slide|hole|plunge|dip)", "plunge", "sell-?off", "crash", r"(?<=% )(?:collapse|slump)\b(?! (?:in|of)\b)", r"(?:the|its|that) drop\b(?! in\b)", "max(?:imum)? loss(?! of (?:a|one) (?:day|week|month|trade))", "(?:max(?:imum)?|largest|biggest) loss from (?:the |its )?peak", "dr(?:awing|ew|awn) down",
         r"(?:fall|slide|drop|decline|fell|slid|dropped|sank)(?: \S+)? (?:into|to) (?:a |the |its )?(?:(?:late|early|mid)[- ]?)?(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|trough|low|bottom)[a-z]*(?: (?:19|20)\d{2}\b)?", r"(?:from|between) (?:its|the|a|an) (?:[a-z-]+ )?(?:(?:19|20)\d{2} )?(?:high|peak|best point|highest point|top)", "at (?:its |the )?worst", "trough", r"(?:never|no) deeper than", r"bottom(?:ed|ing|s)(?: out)?(?: \S+){0,4}? at(?= [-−]\d)"),
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
        ("won", "wins?", "winners?", r"winning(?!\s+(?:regime|phase|period|year|month|spell|quarter|week)s?\b)", "(?:came|come|comes) out ahead(?! by\\b)", "(?<!most )(?<!least )profitable", "in profit", "in the black", r"(?<=%\s)positive\b", r"\bpositive(?=:? [\d.]+\s?%)"), strategy_only=True,
    ),
    "winning_trades": Metric("count", ("winning trades", "winners", "profitable trades", r"(?<![a-z] )profitable(?!\s+\w)"), ("won",), strategy_only=True),  # derived: win rate x trades
    "profit_factor": Metric("ratio", ("profit factor", "(?:gains|profits|winners) covered (?:the )?losses", "gross (?:gains|profits?|wins)"), strategy_only=True),
    "num_trades": Metric("count", ("trades", "trade count", "round[- ]trips", "positions(?: taken)?"), ("traded", "executed", "placed", "completed"), strategy_only=True),
    "avg_trade_return": Metric(
        "percent", ("average trade", r"avg\.? trade", "mean trade", "average position"), ("averag(?:e|ed|es|ing)",), rates=("per trade", "a trade", "each trade", "per position", "per entry", "an entry"), strategy_only=True,
    ),
    "exposure": Metric("percent", ("exposure", "invested", "in the market", "time in (?:the )?market", "capital deployed"), ("of the time",), strategy_only=True),
    "turnover": Metric("ratio", ("turnover", "turn(?:ed|ing|s)? (?:(?:the|its|their) )?(?:(?:book|portfolio|capital) )?over"), strategy_only=True),
    "alpha": Metric("percent", ("alpha", "residual return"), strategy_only=True),
    "beta": Metric("ratio", ("beta",), strategy_only=True),
    "hit_rate": Metric("percent", ("hit rate", "hit ratio", "accuracy", "success rate"), ("hit", "hits", "hitting", "were right", "was right", "correct"), strategy_only=True),
    "avg_return": Metric("percent", ("average return", "mean return", r"avg\.? return", "average move", r"\bavg\.?(?=\s?[:=]?\s?[-+]?\d)", r"\bmean(?=\s?[:=]?\s?[-+]?\d)", r"(?<=\d% )(?:mean|avg)\b"), strategy_only=True),
    "count": Metric("count", ("signals", "occurrences", "triggers"), ("fired", "triggered"), strategy_only=True),
    "share_of_time": Metric(
        "percent", ("share of (?:the )?time", "of the (?:sample|period|backtest|test|history)", "of (?:all |trading )?days"), ("accounted for", "spent", "covered"),
        strategy_only=True,
    ),
}
def _tier_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(rf"\b(?:{'|'.join(words)}){ko.HANGUL_END}") if words else None


_WORDS = {
    name: tuple(_tier_pattern(english + korean) for english, korean in zip((m.nouns, m.rates, m.verbs), ko.METRIC_WORDS.get(name, ((), (), ())), strict=True))
    for name, m in METRICS.items()
}
SIGNED = {"total_return", "cagr", "alpha", "avg_trade_return", "avg_return"}  # figures a "+" may lead; a rate or a share has no sign
SIBLINGS = {"total_return": "cagr", "cagr": "total_return", "win_rate": "hit_rate", "hit_rate": "win_rate"}  # what one verb may mean
SIGNAL_METRICS = {"hit_rate": "hit_rate", "win_rate": "hit_rate", "avg_return": "avg_return", "avg_trade_return": "avg_return", "count": "count", "num_trades": "count"}
STRATEGY_SYNONYMS = {"hit_rate": "win_rate", "avg_return": "avg_trade_return", "share_of_time": "exposure"}  # named where no signal or regime is
# Topics the store has no figure for: a number tied to one only by a verb is unverifiable.
UNSTORED_TOPICS = re.compile(
    r"\b(costs|cost of|fees?|commissions?|slippage|(?:market )?impact|funding|financing|borrow(?:ing)?|tax(?:es)?|carry(?!'s|’s)(?! (?:strategy|book|trade|system|model|portfolio|sleeve|programme|entries|exits|signals?))|spreads?(?! (?:strategy|book|trade|trades|system|model|portfolio|over|across|out|entries|entry|exits?|signals?|positions?)\b)(?!'s|’s)|swap points|"
    r"(?:short|long) side|short (?:positions?|trades?)|long trades?|short exposure|exposure (?:was|were|is|ran) (?:net )?(?:short|long)|roll(?:ing|s)?(?: costs?| yield)?|contango|backwardation|capacity|value-at-risk|var|expected shortfall|"
    r"dividends?|coupons?|staking(?: yield| rewards?)?|expense ratios?|forward (?:points|discount|premium)|(?:best|worst|single|largest|biggest)(?: single)? (?:trade|position)s?|(?:short|long)(?= (?:on|for|in) (?:about |roughly |some |nearly |around )?[\d.]+% of (?:its |the )?(?:\w+ )?(?:days|time|sessions|weeks))|accounted for(?= (?:about |roughly |some |nearly )?[\d.]+% of\b[^.;]*\b(?:gains?|returns?|profits?))|"
    rf"contribut\w*(?! (?:the )?most| (?:about |roughly |some |nearly )?[+-]?[\d.]+%(?! of))|attribut\w*|{ko.UNSTORED_TOPICS.lower()}){ko.HANGUL_END}"
)
# Topics that own a figure even when a metric is named: a share of the gain ("ASML contributed about 38%
# of the cumulative gain"), one trade ("the single worst trade ... a loss of 2.6%"), dividends.
NOT_THE_WHOLE = re.compile(r"contribut|attribut|accounted|.*(?:trade|position)s?$|dividend|short$|long$|exposure (?:was|were|is|ran)")
# "the after-tax CAGR", "returns net of fees": a figure the store keeps only before costs.
AFTER_COSTS = re.compile(r"\b(?:after|net of|post|pre)[- ](?:tax(?:es)?|fees?|costs?|commissions?|slippage)\b", re.IGNORECASE)
# "1.2 percentage points of the annual return": a part of a figure, which the store does not break down.
PART_OF = re.compile(r"^\s*(?:of|on|off)\s+(?:all\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w'’&]+\s+)?(?:returns?|gains?|profits?|performance|p&l|pnl|volatility|variance)\b|^\s*of\s+(?:the\s+|its\s+)?(?:invested|trading|exposed)\s+(?:days|time|periods?)\b|^\s*of\s+the\s+time\s+(?:in\s+the\s+market|invested)\b", re.IGNORECASE)  # "a drag of 0.25% on annual returns", "62% of invested days"
NEGATIVE = re.compile(
    r"\b(?:lost|losing|loss|losses|lose|fell|falling|falls?(?!\s+to\b)|drops?(?!\s+to\b)|declined?|declines|down|minus|negative|cost(?:ing|s)?|subtract(?:ed|s|ing)?|shed|shedding|dropped|slid|sank|"
    r"slipped|slumped|tumbled|plunged|plummeted|retreated|shrank|eroded|bled|sagged|dipped|surrender(?:ed|ing|s)?|in the red|removed|wiped out|erased|(?:closed|finished|ended) lower|"
    rf"(?:giving|gave|given|gives|give) (?:back|up))\b|{ko.NEGATIVE}"
)
POSITIVE_AT = re.compile(r"\b(?:comes?|came|is|was|stays?|stayed|ends?|ended)\s+(?:out\s+)?positive\s+(?:at|,)\s*$")
KO_INDEX_FELL = re.compile(r"(?:지수|벤치마크|시장)(?:가|이|는|은|도)\s?$")
KO_ANOTHER_NOUN = re.compile(r"알파|샤프|소르티노|전략|수익률|연복리|낙폭")
LOSS_OF_ANOTHER = re.compile(r"\s+(?:[a-z]+\s+)?(?:beta|benchmark|index|market|correlation)\b|\s?(?:베타|벤치마크|지수)")  # "negative beta", "a declining index"
# A period named in its own words, which no stored regime is: its figures are not the regime's named before.
NAMED_PERIOD = re.compile(r"\b(?i:the) (?:[A-Z][\w-]*|(?:19|20)\d{2}(?:[-–]\d{2,4})?) (?i:year|period|phase|crash|sell-?off|stretch|episode|spell|rally|slump|months?)\b")
OTHER_PERIOD = "other period"
KO_EVENT_AFTER, KO_EVENT_BEFORE, KO_PASSED_AFTER = re.compile(ko.EVENT_AFTER), re.compile(ko.EVENT_BEFORE), re.compile(ko.PASSED_AFTER)
KO_NOT_SUBJECT_AFTER, KO_SUBJECT_AFTER = re.compile(ko.NOT_SUBJECT_AFTER), re.compile(ko.SUBJECT_AFTER)
KO_COMPARED_CLAUSE = re.compile(ko.COMPARED_CLAUSE)
SETTING_MULTIPLE_BEFORE = re.compile(r"(?:\batrs?|표준\s?편차|시그마|σ|\bstandard deviations?)\s?(?:\(\s?\d+\s?일?\s?\))?\s?(?:의\s?)?$", re.IGNORECASE)
PERIOD_LOW_BEFORE = re.compile(r"기간\s?최저점?\)?까지\s?$")
MULTIPLIER_SETTING = re.compile(r"mult|std|sigma|width|dev|(?:^|_)k$")  # "atr_multiple", "band_std": a band's width in ATRs or deviations
FALL_RAN = re.compile(r"시작|출발|비롯|이어|거쳐|지나|까지|(?P<ended>멈췄|멈춘|바닥을|저점을)")  # where a fall began or ran, not "나왔다" (whose it was)
REGAINED_LATER = re.compile(r"\b(?:until|till)\b|에야|되어서야|돼서야", re.IGNORECASE)  # "did not recover until August 2022": it did
KO_RANKED = re.compile(r"(?P<best>최고|1위|가장 높)|최저|꼴찌|가장 낮")  # "샤프 최고는 강세(1.73)"
KO_OF_AFTER = re.compile(r"\s?의\s")
KO_TOPIC_AFTER = re.compile(r"(?:는|은)\s")  # "최대 낙폭 34%는 ...": the figure is the sentence's topic
KO_SETTING_AFTER = re.compile(r"(?:\s?(?:국면|구간|시기|장세))?(?:이던|이었던|인\s(?=\d|[\'’])|에서|에|\s?중에|\s?중이던|\s?중이었던|때|\s?속|의\s(?:\d|끝|말|초|중반|막바지|한가운데))")  # "강세 국면이던 2016년 6월", "강세장에서": where or when, not an owner
KO_STANDARD_AFTER = re.compile(r"^\s?(?:을|를|보다|대비)")
KO_VERB_BETWEEN = re.compile(r"[가-힣](?:어|아|여|해|고|며|서|려|워|쳐|져|켜|혀|겨|으나)\s|(?<![가-힣])내\s")  # a verb's connective form between a figure and a comparative ("를 벌어", "를 내")
KO_YEARLY_BEFORE, KO_OWNER_AFTER = re.compile(ko.YEARLY_BEFORE), re.compile(ko.OWNER_AFTER)
TURN_BACK = re.compile(r"^\s*(?:but|yet)\s*$", re.IGNORECASE)
FURTHER = re.compile(r"\b(?:a further|another)\b", re.IGNORECASE)  # "cost 15% and ... a further 10%"
RESTATED = re.compile(r"^\s*(?:or|i\.e\.|that is|equivalent to)\b", re.IGNORECASE)  # "lost 17.4%, or 2.1% a year"
APPOSITIVE = re.compile(r"^\s*(?:(?:a|an|just|only|modest|mere|some|about|roughly|around|nearly|almost|close to)\s+){0,3}[-+]?\d[\d.,]*%?\s*(?:in all|in total|overall|all told|altogether|a year|per year|per annum|each year|annually)?\s*[.)]?\s*$", re.IGNORECASE)  # "cost the most, 12%.", "lost money, 22% in all", "gave up a quarter of its capital, about 2.3% a year"
AT_LEAST = re.compile(r"\b(?:(?:no|not) (?:fewer|less) than|more than|over|above|at least|exceeding|upwards of|north of|in excess of)\s+$", re.IGNORECASE)
TURNED_OVER = re.compile(r"\bturn(?:ed|ing|s)?(?:\s+\w+){0,3}\s+over\s+$", re.IGNORECASE)  # "over" of "turned the book over", no bound
LITTLE_OVER_BEFORE = re.compile(r"\b(?:a little|a bit|slightly|a shade|a touch|marginally) (?:over|above|more than)\s+$", re.IGNORECASE)  # "a little over 36%": above, not far
AT_MOST = re.compile(r"\b(?:less than|fewer than|under|below|at most|shy of)\s+$", re.IGNORECASE)
# "never more than 40%", "did not exceed 60%", "losses never came to more than 30%": a bound from above, not below
# (not "not just exceeded 60%" or "not much over 57%").
NEGATED_BOUND = re.compile(r"(?:\b(?:never|not|no)\b|n't)(?!\s+(?:just|only|merely|simply|much|far|quite|that|so)\b)(?:\s+[a-z]+){0,2}?\s+(?:(?:more|deeper|worse|greater|higher|larger|bigger) than|over|above|exceed(?:ing|ed|s)?)\s+$", re.IGNORECASE)
ROUGHLY = re.compile(r"\b(?:about|around|roughly|approximately|some|nearly|almost|close to|circa|just over|just under)\s+$|~\s*$|(?:약|대략|거의|얼추|대략적으로)\s*$", re.IGNORECASE)
# "beat SPY by 5 percentage points", "2.1 points behind the index": a gap between the two, not a level.
SPREAD_BEFORE = re.compile(r"\bby\s+(?:about\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
PAIR_GAP = re.compile(r"^[^\d;]{0,25}?\b(?:vs\.?|versus|against|compared (?:with|to))\s+(?:(?:the|a|an)\s+)?$|^\s(?:대|vs\.?)\s$", re.IGNORECASE)  # "0.60 대 0.44"
APPOSITIVE_WORDS = {"at", "of", "was", "is", "were", "a", "an", "the", "just", "only", "about", "roughly", "around", "some"}
SMALL_WORDS = APPOSITIVE_WORDS | ko.PARTICLES  # not counted between a name and its figure
# Figures of a part of the period (a year, a month, one day): the store keeps whole-period figures only.
SUB_PERIOD = re.compile(
    r"\b(?:in|during|throughout) (?:early |late |mid-)?(?:[a-z]+ )?(?:19|20)\d{2}\b(?!\s*(?:-|–|to|and|through|until)\s*(?:[a-z]+ )?(?:19|20)?\d)|"
    r"\b(?:(?:best|worst|single)[- ](?:day|week|month|quarter|year)\b|one[- ](?:day|week|month|quarter|year)\b(?!\s+of\b)(?!\s+(?:\w+\s+)?(?:forwards?|futures?|contracts?|options?|bills?|deposits?|swaps?|tenors?|maturity)\b))(?!\s+(?:in|out of)\b)|\b(?:daily|weekly|monthly|quarterly)\s+(?:returns?|loss(?:es)?|gains?|volatility|drawdowns?)\b|"
    rf"\bytd\b|\byear[- ]to[- ]date\b|{ko.SUB_PERIOD}",
    re.IGNORECASE,
)
PER_INTERVAL = re.compile(r"(?:daily|weekly|monthly|quarterly)\s+\w+", re.IGNORECASE)
# "bottomed in April 2022", "recovered in December 2021": when an episode happened, not a figure of that year.
EVENT_BEFORE = re.compile(
    r"\b(?:bottom(?:ed)?|peak(?:ed)?|trough(?:ed)?|began|begun|start(?:ed|ing)?|end(?:ed|ing)?|recover(?:ed|ing)?|regain(?:ed)?|recoup(?:ed)?|"
    r"made good|set|reached|hit|high|low|until|since|by|again)(?:\s+(?:it|them|that|this))?\s+$",
    re.IGNORECASE,
)
# "in eleven years", "over the ten years": the length of the test, which the fact sheet does not
# hold; next to a drawdown's length ("lasted two years") it is a claim the store keeps in days only.
PERIOD_LENGTH = re.compile(r"^\s*(?:and a half\s+)?(?:years?\b|months?\b|weeks?\b|quarters?\b|decades?\b|년|개월|주(?:간|일)?(?![가-힣])|분기)", re.IGNORECASE)
DAYS_AFTER = re.compile(r"\s?(?:년|개월|years?|months?)(?: 반)?\s?\(\s?(?P<days>[\d,]+)\s?(?:일|days)\)")
DAYS_RESTATED = re.compile(r"\d\s?(?:days|일)\s*[(,]?\s*(?:or\s+|i\.e\.\s+|즉\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)  # "1,393 days (close to four years)"
FROM_TROUGH = re.compile(r"(?:바닥|저점|최저점)(?:을|를)?\s?(?:찍은|지난|확인한|친)?\s?(?:뒤|후|이후|에서|부터)|\b(?:from|after|off|since) (?:the|its|that) (?:trough|bottom|low)\b", re.IGNORECASE)
OUT_OF_MARKET = re.compile(r"\bno (?:position|exposure|trade)s?\b|\b(?:flat|idle|sidelined|out of the market|in cash|on the sidelines)\b|포지션 ?없이|관망|현금(?:으로|만)")  # "the longest stretch with no position open lasted 23 weeks"
DRAWDOWN_NOUN = re.compile(r"drawdown|낙폭|손실 ?구간")  # a length in the clause of a drawdown is the drawdown's
HELD_FOR = re.compile(r"\b(?:positions?|trades?|holdings?|holding periods?|holds|round[- ]trips)\b[^.;]{0,40}\b(?:lasted|lasting|ran|held|stayed|kept)\b|\bheld (?:for|about|around|roughly)\b|보유 ?기간|포지션 ?유지")  # "positions typically lasted around 3.4 months"
DRAWDOWN_LENGTH = re.compile(r"\b(?:lasted|lasting|took|duration|underwater|under water|recover\w*|regain\w*|recoup\w*)\b|걸렸|걸린|걸려|걸리|회복|되찾|만회|메우|메워|메웠|메운|메꿨|빠져나오|빠져나왔")
# "Annualised, the strategy returned 5.0%": the lead word makes every return of the sentence yearly.
ANNUALISED_LEAD = re.compile(r"^\s*(?:annuali[sz]ed|on an annuali[sz]ed basis|(?:compounded )?annually|per year|per annum)\b", re.IGNORECASE)
# "150 trades a year": a rate of trading, where the store keeps the whole period's count.
COUNT_PER_PERIOD = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:a|per|each|every)\s+(?:year|month|week|day|quarter)\b", re.IGNORECASE)
# "5.0% a year", "5.0% annually": a rate right after the figure says yearly, not total.
YEARLY_AFTER = re.compile(r"^\s*(?:a year|per year|per annum|annually|annuali[sz]ed|each year|yearly|p\.a\.)", re.IGNORECASE)
KO_QUALIFIERS = tuple((name, re.compile(pattern)) for name, pattern in ko.QUALIFIERS_AFTER.items())
# "beta to CPER", "buying Solana whenever ...": the benchmark's name, but not who the clause is about.
NOT_SUBJECT_BEFORE = re.compile(r"\b(?:to|against|versus|vs\.?|relative to|than|beside|next to|alongside|buying|selling|trading|shorting|fading|going (?:long|short)|past|behind|beat(?:s|ing)?|outpac(?:ed|es|ing)|(?:out|under)perform(?:ed|s|ing)?|outr[au]n|outgrew|lagg?(?:ed|s|ing)?|trail(?:ed|s|ing)?|top(?:s|ped|ping)|edg(?:ed|es|ing)|outdid|outstrip(?:s|ped)?|bested|eclips(?:ed|es)|dwarf(?:s|ed)?|(?:half|twice|double|triple|a third|a quarter) of|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outscor(?:ed|es|ing))\s+(?:the\s+)?$", re.IGNORECASE)
OTHER_CLAUSE_BEFORE = re.compile(r"\b(?:as|while|whereas|when|though|although)\s+(?:the\s+)?(?:[\w&-]+\s+){0,2}$", re.IGNORECASE)  # "shrank by under 1% a year as the index added 5.1%": the index's is the next figure
# A clause about something else the sentence contrasts the strategy with, named by no list: "while
# sterling lost 2.5% a year", "Ether itself compounded at 98.8%", "the front contract lost 0.6%".
GENERIC_SUBJECTS = r"(?:Equity|Capital|Returns?|Performance|Profits?|Gains?|Loss(?:es)?|NAV|Drawdowns?|Volatility|Trades?|Net|Overall|Annual|It|Its|This|That|The|Sharpe|Sortino|Calmar|Alpha|Beta|CAGR|MDD|Win|Max|Maximum|Total|Cumulative|Average|Exposure|Turnover|Risk)\b"
OTHER_SUBJECT = re.compile(
    r"^\W*(?:(?i:while|whereas|so)\s+)?"
    rf"(?:(?:(?i:the)\s+)?(?!{GENERIC_SUBJECTS})(?:(?:[A-Z]|i[A-Z])[\w&/.-]*\s+){{1,5}}|(?i:the\s+(?:underlying|front|spot|front-month|cash|second)\s+\w+\s+|sterling\s+|the\s+(?:dollar|yen|euro|pound|coin|pair|underlying)\s+))"
    r"(?:itself\s+)?(?i:lost|gained|returned|compounded|fell|rose|dropped|slid|declined|grew|delivered|shed|advanced|climbed|suffered|posted|recorded|endured|logged|saw)\b"
)
RETURN_AFTER = re.compile(r"^\s*(?:up|down|higher|lower)\b", re.IGNORECASE)  # "ended 6% up despite a 35.2% drawdown"
APPOSITIVE_AT = re.compile(r"^\s*at\b", re.IGNORECASE)  # "Alpha was negative, at -7.3% a year"
REGIME_AFTER = re.compile(r"\W*(?:(?:also|then|only)\s+)?(?:came|occurred|happened|arrived|belonged|belongs|fell|(?:was|were) (?:posted|earned|made|set|recorded|booked|achieved|delivered|logged|produced|taken|suffered|incurred|sustained|realised|realized))\s+(?:in|during|by|to|from|within)\b")
OCCURRED_IN = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:occurred|came|happened|struck|hit|was (?:reached|recorded|set))\s+(?:in|during)\b")
# "five times the benchmark's", "three times higher", "twice as deep as", "GLD의 2.5배", "2.5배 높은": a multiple of another figure.
RELATIVE_MULTIPLE = re.compile(r"^\s*(?:the\b|that of\b|those of\b|its\b|their\b|as\s+\w+\s+as\b|(?:higher|larger|greater|bigger|more|better|deeper|lower|smaller)\b|[A-Z][\w&/.-]*'s\b)", re.IGNORECASE)
KO_RELATIVE_MULTIPLE_BEFORE = re.compile(r"(?:(?<!기간)(?<!시간)의|보다|대비|\d에|에 비(?:하면|해|해서|해선))\s?(?:약\s?|거의\s?|딱\s?|정확히\s?|꼭\s?)?$")  # "SHV의 1.92에 절반도 못 미쳤다"; not "기간의 5분의 2", a share of the time
KO_RELATIVE_MULTIPLE_AFTER = re.compile(r"^\s?(?:가량\s?|정도\s?|이상\s?)?(?:높|크|많|깊|낮|작|적|얕)")
LITTLE_OVER = 0.15  # "남짓": above the figure, but not far
# A drawdown other than the deepest, which a text may describe: its depth and length are on the curve.
KO_REGIME_STEMS = {"high_volatility": ("고변동성",), "low_volatility": ("저변동성",), "bull": ("강세", "상승"), "bear": ("약세", "하락"), "sideways": ("횡보",), "trending": ("추세",)}
KO_REGIME_STEM_BEFORE = re.compile(rf"({'|'.join(stem for stems in KO_REGIME_STEMS.values() for stem in stems)})(?:장|장세|국면|구간)?\s?$")
BRACKETS_HOLD_TIME = re.compile(r"괄호\s?(?:안|속)(?:은|의\s?(?:숫자|수치|값)는)\s?(?:기간\s?)?비중|\((?:share of (?:the )?time|time share) in brackets\)", re.IGNORECASE)
KO_FIGURE_BEFORE = re.compile(r"\s?[-+]?\d+(?:\.\d+)?%$")
KO_SHARE_OF_FIGURE = re.compile(r"\d(?:%|%p)\)?의\s?$|\d\)의\s?$|\d\.\d+의\s?$")  # "PALL 낙폭(68.3%)의 35%", "지수 0.44의 60%"
SIGNAL_LABEL_GAP = re.compile(r"\s*[:=-]?\s*")  # "momentum sells: 181"
COUNT_AT_RATE = re.compile(r"\b(\d[\d,]*)\s+at\s+(?:an?\s+)?$")  # "181 at 43.65%"
KO_WHOLE_PERIOD_NOUNS = re.compile(r"수익률|연평균|연복리|누적|변동성|샤프|소르티노|칼마|승률|알파|베타")
SHARE_OF_COUNTS = 0.0051  # a share two counts give, against a stored rate rounded to 0.01%
KO_STILL_UNDER = re.compile(r"\s?(?:째|동안|간|이 지나도록)[^.\d]{0,25}?(?:고점|최고|꼭대기|정점|회복|되찾|메워|메우|메꿔|넘)[^.\d]{0,12}?(?:못|않|없)")  # "602일째 전 고점을 넘지 못했다", "770일 동안 되찾지 못했다"
KO_DEPTH_AFTER = re.compile(r"\s?(?:더\s?)?(?:깊|얕)")
KO_COUNT_BEFORE = re.compile(r"\d\s?(?:회|건|번|개|차례)(?P<won>(?:[가이]|만)?\s?(?:이익|수익|적중|성공|플러스|승리|이겼[가-힣]*|이긴))?\s?$")  # "54회(38%)", "그중 28회가 이익(28.9%)"
KO_MULTIPLE_OF_BEFORE = re.compile(r"(?:의|보다)\s?(?:\d+\s?분의\s?\d+|\d+(?:\.\d+)?\s?배|절반|[두세네]\s?배)\s?(?:남짓|가량|정도|가까이|이상|이하|미만)?\s?(?:인|에 해당하는|수준인|(?:이|도)\s?(?:채\s?)?안\s?되는|에\s?(?:도\s?)?못\s?미치는)\s*$")
DAYS_SETTING = re.compile(r"days|length|window|lookback|period|^(?:fast|slow|signal)$")  # a setting counted in days: "length: 20" for "ATR 돌파(20일)"
KO_MULTIPLE_OF_FIGURE = re.compile(r"\)?\s?의\s?(?:(?:약|대략|거의|불과)\s?)?")  # "BEL20(0.24)의 절반": the figure before "의" is the whole
# After a Korean multiple, the verb bounds it: "두 배를 넘었다", "세 배에 가까웠다", "두 배에 못 미쳤다".
KO_MULTIPLE_BOUNDS = (
    ("at least", re.compile(r"\s?(?:을|를|이|가)?\s?(?:넘|웃돌|상회|초과|이상)")),
    ("roughly", re.compile(r"\s?(?:에)?\s?가까")),
    ("at most", re.compile(r"\s?(?:에|이|가)?도?\s?(?:채\s?|한참\s?|훨씬\s?|크게\s?)?(?:안 ?되|안 ?됐|못 ?미|밑돌|하회|미달|아래|이하|미만)")),
)
FALL_FROM_BEFORE = re.compile(r"\b(?:slide|fall|drop|decline|drawdown|slump|setback|loss)\s+(?:that\s+(?:began|started)\s+|which\s+(?:began|started)\s+)?(?:from|since|in|of)\s+(?:an?\s+|the\s+|its\s+)?(?:(?:early|mid|late)[- ])?$", re.IGNORECASE)  # "a slide from December 2021"
KO_PEAK_DATED = re.compile(r"\s?(?:초순|상순|초|중순|하순|말)?\s?(?:(?:의|주의|주)\s)?(?:곡선\s)?(?:전?고점|정점|꼭짓점|꼭대기|최고점|최고치)")  # "2023년 7월 17일 주의 정점": the date of the peak the end is measured from
# Weeks the curve spent below its start: "원금 아래에 머문 기간은 ... 3주", "85 weeks below its starting value".
UNDER_START = re.compile(r"원금\s?(?:선\s?)?(?:을|를|의|에)?\s?(?:아래|밑|하회|못 ?미)|(?:1\.0|출발점|출발 ?금액|시작 ?금액|시작값)\s?(?:을|를|보다|에)?\s?(?:아래|밑|하회|못 ?미)|\bbelow (?:its |the )?(?:starting|initial|opening) (?:value|capital|level|point)\b|\bbelow (?:its |the )?start\b|\bbelow 1\.0\b", re.IGNORECASE)
UNDER_START_AFTER = re.compile(r"\s?(?:을|를|보다|에)?\s?(?:아래|밑|하회|못 ?미)")
WEEKS_AFTER = re.compile(r"\s?주(?![가-힣])|\s?주(?=가|는|였|를|뿐|간|동안|에|이|로|의|였)|\s+(?:weeks?|weekly (?:closes|readings|marks))\b", re.IGNORECASE)
SHARE_UNDER_START = re.compile(r"\s?(?:넘게|이상|가까이|남짓|가량|정도)?\s?(?:의\s)?(?:기간\s|주\s|시간\s)?(?:(?:이|가|을|를)\s)?(?:1\.0|원금)\s?(?:을|를|보다|에)?\s?(?:아래|밑|하회|못 ?미)|\s+of (?:the )?(?:weeks|time|the test) below (?:its |the )?(?:start|starting value|initial value)", re.IGNORECASE)
WEEKS_WORD = re.compile(r"\s+weeks?\b", re.IGNORECASE)
EVENT_KINDS = {
    "peak": re.compile(r"\b(?:high|peak|top|record)\b(?!-)|고점|정점|꼭대기|최고"), "trough": re.compile(r"\b(?:low|trough|bottom(?:ed)?)\b(?!-)|저점|바닥|최저"),
    "recovery": re.compile(r"\b(?:regain|recover|recoup|reclaim|erased|made good|repaired|healed)\w*|\b(?:new|fresh) (?:high|record|peak)|회복|되찾|메워|전고점을 (?:넘|돌파)"),
}
REGIME_FIGURES = {"total_return", "sharpe", "max_drawdown", "share_of_time", "exposure", "cagr", "annual_volatility", "win_rate"}  # what a regime's figure may be read as (its store, or what a text calls it)
SHARES = {"win_rate", "hit_rate", "exposure", "share_of_time"}
NEVER_NEGATIVE = {"share_of_time", "exposure", "win_rate", "hit_rate", "annual_volatility", "turnover", "num_trades", "count"}
OPEN_BOUND = re.compile(r"모두|총|까지|이후|부터|\bin all\b|\ball told\b|\bby\b|\bsince\b|\buntil\b|\bbetween\b", re.IGNORECASE)
LONGEST = re.compile(r"가장 ?긴|최장|\blongest\b", re.IGNORECASE)
OUT_OF_ALL_AFTER = re.compile(r"\s?주\s?(?:가운데|중에?|동안의?\s(?:평가\s)?가운데)|\s+weeks?\s+(?:in all|of the test)?\s*,?\s*(?:of which|in which)", re.IGNORECASE)
AFTER_THE_START = re.compile(r"(?:출발|시작)\s?(?:한\s?지|후|뒤)?\s?$")
IN_A_ROW = re.compile(r"연속|내리|(?<=주 )내내|(?<=주)내내|\bin a row\b|\bconsecutive\b|\bstraight\b|\bunbroken\b", re.IGNORECASE)
WEEKLY_STEP = (5, 9)  # a curve whose points are a week apart, give or take a holiday
KO_PEAK_NAMED_BEFORE = re.compile(r"(?:고점|정점|꼭대기|꼭짓점|최고점|최고치)(?:은|는|이|가)?\s*$")  # "곡선 고점은 2020년 1월 1.96이었고"
KO_AVERAGE_BEFORE = re.compile(r"평균\s?(?:(?:손실|수익|이익|손익|성과)?\s?(?:은|는|이|가)?\s?)?$")  # "평균 -0.41%", "평균 손실 -1.88%"
SIGNAL_FIGURE_NAMES = {"count": "count", "hit_rate": "hit rate", "avg_return": "average"}
# The words of stored signal names in Korean ("vol_rescale": "변동성 재조정", "atr_trailing_stop": "ATR 추적 손절").
KO_SIGNAL_WORDS_OF = {
    "vol": "변동성", "volatility": "변동성", "rescale": "(?:재조정|리스케일|조정)", "rebalance": "(?:리밸런싱|재조정)", "exit": "(?:청산|이탈|매도)", "entry": "(?:진입|매수)", "channel": "채널", "touch": "터치", "histogram": "히스토그램", "fade": "(?:약화|둔화|소멸)", "band": "밴드", "middle": "(?:중심|중간)", "flip": "(?:전환|반전)",
    "stop": "(?:손절|스톱)", "reversal": r"(?:반대\s?신호|반전|역전)", "trailing": "(?:추적|트레일링)", "recovery": "회복", "oversold": "(?:과매도|침체)", "overbought": "(?:과매수|과열)", "momentum": "모멘텀",
    "buy": "매수", "sell": "매도", "zero": "제로", "line": "(?:라인|선)", "cross": "(?:교차|크로스)", "break": "돌파", "breakout": "돌파", "trend": "(?:추세|트렌드)", "signal": "(?:신호|시그널)",
}
WEEK_AFTER = re.compile(rf"{dates.WEEK_DAY_AFTER.pattern}|\s?(?:이|가)\s(?:속한|낀|들어\s?있는|포함된)\s주|\s?(?:월요일)?(?:로|으로|부터)\s?(?:시작(?:하는|한|된|되는|하던)\s?|의\s(?:한\s)?)주|\s?그\s주|\s?주(?:간|에|는|의|엔|도|\s|$)|\s?(?:주간|주차)|\s+week\b", re.IGNORECASE)  # "3월 23일 주에는", "the 16 March 2020 week"
WEEK_BEFORE = re.compile(r"\bweek\s+(?:of|ending|to|beginning|starting)\s+(?:the\s+)?$", re.IGNORECASE)
GAP_SIDE_AFTER = re.compile(r"\s*(?:(?:percentage\s+)?points?\s+)?(?:(?P<ahead>lead|margin|edge|advantage|cushion|outperformance|premium|head start|우위|앞섰|앞서)|(?P<behind>shortfall|deficit|lag|underperformance|열위|뒤처|뒤졌))", re.IGNORECASE)
NEVER_BEFORE = re.compile(r"\b(?:never|no)\b", re.IGNORECASE)
SPAN_FROM_BEFORE = re.compile(r"\b(?:since|from|after|until|through|before)\s+(?:the\s+)?(?:week\s+(?:of|ending|beginning)\s+)?$", re.IGNORECASE)
KO_SPAN_AFTER = re.compile(r"\s?(?:주\s?)?(?:이후|이래|부터(?!의\s(?:한\s)?주)|까지|뒤|후|전)")  # not "3월 23일부터의 한 주 동안", that week
LEVEL_AFTER = re.compile(r"\s+(?:below|above|under|over|beneath|short of)\b", re.IGNORECASE)
NEXT_WEEK = re.compile(r"(?<!다음)(?<!다음 )(?:그)?다음\s?주|(?:한|일)\s?주(?:일)?\s?(?:뒤|후)|\b(?:the\s+)?(?:next|following)\s+week\b|\bthe\s+week\s+after\b(?!\s+next)", re.IGNORECASE)  # one week on from the week told
ANOTHER_WEEK = re.compile(r"다음\s?다음\s?주|\bweek\s+after\s+next\b|다음\s?주|이튿|(?:한|일)\s?주(?:일)?\s?(?:뒤|후)|\b(?:next|following|later|subsequent)\s+week\b|\bweek\s+(?:after|later)\b", re.IGNORECASE)
WEEK_NOT = re.compile(r"(?:\b(?:not|never|no)\b|n't)[^.;,]*$", re.IGNORECASE)
KO_NOT_AFTER = re.compile(ko.NOT_AFTER)
FROM_TO_BETWEEN = re.compile(r"\s?에서\s?|\s+to\s+", re.IGNORECASE)
KO_FROM_AFTER = re.compile(r"\s?에서\s?(?:\d|출발)")
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
WEEK_MOVE = re.compile(r"(?P<up>올랐|올라|오른|늘었|늘어|상승|반등|뛰었|\brose\b|\bris(?:es|e)\b|\bgain(?:ed|s)?\b|\badded\b|\bclimbed\b|\bjumped\b)|(?P<down>내렸|내려|내린|떨어|밀렸|밀려|빠졌|빠져|하락|줄었|\bfell\b|\bdrop(?:ped|s)?\b|\blost\b|\bslid\b|\bshed\b|\bsank\b)", re.IGNORECASE)
GROUP_BREAK = re.compile(r"\s\|\s")  # between the groups of a KPI line
GAP_TO_OWN_CAGR = re.compile(r"\s+(?:(?P<above>above|over|ahead of|(?:more|higher|greater) than)|below|under|short of|beneath|behind|(?:less|lower) than)\s+(?:the\s+|its\s+)?(?:raw\s+|own\s+|plain\s+)?(?P<own>cagr|compound annual (?:return|growth(?: rate)?)|annual return|growth rate)\b(?!\s+(?:of|for)\s)(?!'s)", re.IGNORECASE)  # "34 basis points below the raw CAGR"
POINTS_AFTER = re.compile(r"\s+points?\b", re.IGNORECASE)
GAP_BY_BEFORE = re.compile(r"\bby\s+(?:(?:almost|nearly|about|some|roughly|around|close to|just over|just under|more than|less than|over|under)\s+)?$", re.IGNORECASE)
EN_SIGNAL_WORDS_OF = {"vol": "vol(?:atility)?", "trail": "trail(?:ing)?", "z": "z(?:-?score)?"}  # "vol_rescale" written "volatility rescales", "z_stop" "z-score stops"
KO_SIGNAL_WORDS = re.compile(r"신호|시그널|청산|진입|손절|발동|트리거|필터|이탈|교차|크로스")
SIGNALS_COUNTED = re.compile(r"신호 ?(?:수|건수|횟수)|\bnumber of (?:\w+ )?signals\b", re.IGNORECASE)
KO_FIGURE_AS = re.compile(r"\d%?\s?(?:로|으로)\s(?:그\s)?$")  # "연 1.8%로 절반에", "연 2.43%로 그 절반에도": the figure the fraction compares
KO_SHORT_OF_FRACTION = re.compile(r"\s?에\s?도?\s?(?:채\s?|한참\s?|훨씬\s?)?(?:못 ?미|불과|그쳤|그친|가까)|\s?(?:이|가)\s?(?:채\s?)?안\s?(?:됐|된|되)")  # "절반에도 못 미쳤다", "절반이 채 안 됐고"
GROWN_CAPITAL = re.compile(r"\b(?:multipl(?:ied|ies|ying)|grew|grow(?:s|ing)?)\s+(?:(?:its|the|their|starting|initial|invested)\s+){0,2}(?:capital|money|stake|investment|equity)\s+(?:by\s+(?:a factor of\s+)?|(?:some|about|roughly|nearly|almost)\s+)?$", re.IGNORECASE)  # "it multiplied capital 2.64 times"
KO_GROWN_CAPITAL = re.compile(r"(?:자산|원금|자본|계좌|투자금|평가액|돈|[억만]\s?원)(?:이|을|은|는|도|으로|,)?\s(?:[^\s\d]+\s|\d+년(?: 반)? (?:만에|사이|동안)\s){0,3}$")  # "자산이 두 배를", "원금을 세 배 가까이"
KO_BELOW_PEAK = re.compile(r"(?:고점|정점|최고치|최고점|꼭짓점|꼭대기)(?:\s?\([^)]*\))?\s?(?:보다|에서|대비)\s*$")
KO_END_DATED = re.compile(r"기말\s?(?:\(|인\s|이던\s)\s?$")
KO_AT_END = re.compile(r"기말|마지막 (?:평가|관측)|현재(?:도|까지)?\s")
KO_BELOW_IT = re.compile(r"(?:그|이)\s?보다\s*$")
KO_PEAK = re.compile(r"고점|정점|최고치|최고점|최고 ?평가액|꼭짓점|꼭대기")
KO_UNDER_AFTER = re.compile(r"\s?(?:낮|아래|밑)")
KO_BOTTOMED_BELOW = re.compile(r"\s*(?:아래|밑)(?:에서|까지)\s*(?:바닥|저점|최저)")  # "32.2% 아래에서 바닥을 봤다": how deep, no bound
STILL_BELOW = re.compile(r"\b(?:still|remains?|remained|yet to|ever since)\b|when the (?:data|test|sample|backtest) (?:end|stopped|closed|finished)|여전히|아직|기말|현재(?:도|까지)?|마지막 (?:평가|관측)")
STILL_OPEN = re.compile(r"\bat the (?:last|latest|final) (?:observation|reading|print|mark|data point)\b|\b(?:still|remains?|remained|yet to)\s+(?:\w+\s+){0,2}?(?:open|below|under|underwater|short|down|recover\w*|regain\w*|unfinished|in (?:a |its )?drawdown)\b")  # a fall told as unfinished in the clause before
# The point of the equity curve a bare value is told of ("곡선 최저는 ... 0.844", "고점(1.154)", "기말 1.775"), the last word before it deciding.
CURVE_POINT = re.compile(
    r"(?P<high>최고(?:점|치)?|\bhighest\b|\b(?:all-time|record) high)|(?P<low>최저(?:점|치)?|\blowest\b|\b(?:all-time|record) low)|(?P<end>기말|마지막(?!\s?주\s?\()|\bend(?:ed|ing)?\b|\bfinal\b|\bclos(?:e|ed|ing)\b)"
    r"|(?P<peak>고점|정점|꼭짓점|꼭대기|\bpeak(?:ed)?\b|\bhigh\b|\btop\b)|(?P<trough>저점|바닥|원금을? ?(?:밑돈|하회한)|\btrough\b|\blow\b|\bbottom(?:ed)?\b)",
    re.IGNORECASE,
)
CURVE_POINT_RIGHT_BEFORE = re.compile(rf"(?:{CURVE_POINT.pattern})\s?\(?$", re.IGNORECASE)
KO_DEPTH = re.compile(r"(?<![가-힣])깊이")  # "2018년 3월에 시작된 하락의 깊이는 72.5%": dated, so the fall must be the deepest's
KO_POINT_AFTER = re.compile(r"\s?(?:에서|으로|로)\s?(?:곡선\s?)?(?:(?P<trough>바닥|저점|멈췄|멈춰|멈춘|멎)|(?P<low>최저)|(?P<peak>정점|고점|꼭짓점|꼭대기)|(?P<high>최고))")  # "6월 중순 2.251에서 바닥을 쳤다", "1.553에서 멈췄다"
SIGNAL_ROLE = re.compile(r"(?P<entry>진입|\bentr(?:y|ies)\b)|(?P<exit>청산|손절|이탈|\bexits?\b|\bstops?\b)", re.IGNORECASE)
EXIT_SIGNAL = re.compile(r"exit|stop|trail|close|sell|short|unwind")
EFFECT_ADDED = re.compile(r"\b(?:added|adds|contributed|contributes|subtracted|subtracts|took|takes|knocked|shaved)\s+(?:(?:about|around|roughly|some|nearly|almost|close to|just over|just under|an extra|a further)\s+)?$", re.IGNORECASE)
EFFECT_TO = re.compile(r"[^.;]{0,30}?\b(?:to|from|off)\s+(?:(?:the|its|our|their)\s+)?(?:\w+\s+)?(?:result|results|return|returns|performance|cagr|total|gain|gains)\b", re.IGNORECASE)  # "Hedging the dollar added some 0.9% annually to the result"
EFFECT_BY = re.compile(r"\b(?:trimmed|trims|cut|cuts|reduced|reduces|shaved|lowered|dragged|knocked|clipped|boosted|boosts)\b[^.;]{0,40}\bby\s+(?:(?:about|around|roughly|some|nearly|almost|close to|just over|just under)\s+)?$", re.IGNORECASE)
SOME_TRADES_BEFORE = re.compile(r"\b(?:came|come|comes|coming|earned|made|produced) (?:from|in|on)\s+(?:(?:just|only|a mere|the best|its best|the top)\s+)?$", re.IGNORECASE)
KO_PEAK_START = re.compile(r"\s?(?:의\s)?(?:고점|정점|꼭대기|꼭짓점)(?:\s?\([^)]*\))?\s?(?:에서|부터|이후)")  # "2018년 3월 고점 이후": the fall's start
WHOLE_PERIOD_ONLY = {"exposure", "turnover", "num_trades", "win_rate", "profit_factor", "sharpe", "sortino", "calmar", "beta", "alpha"}  # "..., 2016년 4월 18일 주부터 3주뿐이며, 시장 노출은 34%": a date in an earlier clause does not part these
KO_FALL_NOUN_AFTER = re.compile(r"(?:\s?(?:조정|하락|낙폭))?")  # "가장 깊었던 14.13% 조정은"
KO_FALL_NAMED_AFTER = re.compile(r"\s?(?:의\s)?(?:하락|낙폭|손실 ?구간|조정)(?:은|는|이|가|을|도)\s")  # "2015~2016년의 14.57% 하락이": a fall sized
KO_REGIME_PART_AFTER = re.compile(r"(?:\s?(?:국면|구간|장세))?\s?(?:의\s?)?(?:후반|초반|중반|말미|초입|막바지|끝자락)(?:부|기)?(?:인|이던|였던|이었던|,|에|의)")
KO_REGIME_EDGE_AFTER = re.compile(r"\s?(?:의\s?)?(?:막바지|말미|끝자락|초입)(?:인|였던|이던|이었던)\s")  # "추세 국면 막바지인 2024년 12월 9일 주": a point at its edge
REGIME_OPENING = re.compile(r"\W*(?:(?:in|during|through|within|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})?$", re.IGNORECASE)  # the regime the sentence opens with
PEAKED_IN = re.compile(rf"{ctx.NOT_AN_OLD_PEAK}\bpeak(?:ed|ing)?\s+(?:in|on)\s+$|\bfrom\s+(?:(?:a|an|its|the)\s+(?:[\w-]+\s+)?)?$", re.IGNORECASE)
KO_DOWN_TO = re.compile(r"\s?(?:까지|으로|로)")
FELL_TO = re.compile(r"\b(?:fell|dropped|sank|slid|slumped|declined|plunged|tumbled|down) (?:\w+ )?(?:to|as low as)\s+$", re.IGNORECASE)  # "the curve fell to 1.94": a trough
KO_GREW_TO = re.compile(r"\s?(?:넘게|남짓|가량|정도|이상|가까이)?\s?(?:으?로\s?)?(?:불렸|불었|불어|늘었|늘려|늘어)")
KO_POINT_WORD = re.compile(r"고점|최고|정점|꼭대기|꼭짓점|한때|바닥|저점|최저")
KO_CAPITAL = re.compile(r"원금|투자 ?원금|초기 ?자본")
COUNT_FILLERS = {*ko.PARTICLES, "는", "은", "모두", "총", "전부", "합계", "합쳐"}
KO_FALL_NOUN = re.compile(r"하락|낙폭|손실 ?구간")
CURVE_POINT_LEVELS = {"high": {"high"}, "low": {"low"}, "end": {"end"}, "peak": {"high"}, "trough": {"low"}}  # and for a peak or trough, any dated fall's
AT_THE_CLOSE = re.compile(r"\b(?:(?:ended|finished|ends|finishes)\b(?! up\b)|finish(?:ed|es|ing)? the (?:test|backtest|period|sample|run)|(?:end(?:ed|s)?|clos(?:ed|es|ing)) the (?:test|period|sample|run)|at the (?:end|close) of the (?:test|period|sample|run|data)|clos(?:ed|es|ing) (?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d|(?:last|final) (?:print|observation|reading|mark|data point|week)|now|today|currently)\b")
BELOW_IT_AFTER = re.compile(r"\s+(?:below|beneath|under|short of)\s+(?:it|that|its|this|the)\b", re.IGNORECASE)
EN_BELOW_PEAK_AFTER = re.compile(r"\s+(?:below|beneath|under|short of)\s+(?:it\b(?!\s+(?:was|is|had|has)\b)|(?:that|the|its|this)\s+(?:[\w-]+\s+){0,3}?(?:peak|high|record|top|high-water mark|mark|level)\b)", re.IGNORECASE)
EN_AT_END = re.compile(  # "at the June 2023 close, sat 13.6% beneath that peak", "ended the test 13.6% beneath its peak": the test's own end
    r"\bat the (?:[a-z]+ )?(?:(?:19|20)\d{2} )?(?:close|finish|end)\b(?! of (?!the (?:test|period|sample|backtest|data)\b))|\b(?:ended|finished|closed) the (?:test|period|sample|backtest|run)\b|(?<!which )(?<!that )\b(?:ended|finished)\s+(?:[a-z]+\s+)?(?:19|20)\d{2}\b|\bat end-[a-z]+ (?:19|20)\d{2}\b|\bthe (?:[a-z]+ )?(?:(?:19|20)\d{2} )?finish\b|\b(?:closing|final) (?:value|level|reading|mark|print|observation)\b"
    r"|\bwhen the (?:test|data|sample|backtest) (?:ended|ends|closed|stopped)\b|\b(?:clos|finish)(?:e|ed|es|ing)?\s+(?=(?:about\s+|some\s+|nearly\s+)?[\d.]+\s?%\s+(?:below|beneath|under|short of))", re.IGNORECASE)
END_DEPTH_LABEL = re.compile(r"\b(?:distance|gap|way|shortfall)\s+(?:from|below|off|under|against|to)\s+(?:the\s+|its\s+|that\s+)?(?:peak|high)\s+at\s+the\s+(?:[a-z]+\s+)?(?:(?:19|20)\d{2}\s+)?(?:finish|close|end)\W*(?:about\s+|roughly\s+|some\s+)?$", re.IGNORECASE)  # "Distance from peak at the finish: about 34%"
PEAK_DATED = re.compile(r"[- ](?:peak|high|top)\b", re.IGNORECASE)  # "its late-2022 peak"
PEAK_OF = re.compile(r"\b(?:peak|high|top) (?:of|in|on|from) (?:the )?$", re.IGNORECASE)  # "its peak of late 2022"
DEPTH_TOLD = re.compile(r"\b(?:bottom(?:ed)?|trough|at its worst|worst point|deepest point)\b|\b(?:reached|hit)\b(?!\s+(?:in|on|during)\b)")  # "... and finished the period almost 24% beneath that high"
OPEN_FALL = re.compile(r"\b(?:still|yet) (?:unrepaired|unrecovered|unhealed|open)\b[^.]{0,40}?\b(?:heaviest|deepest|worst|largest|maximum) (?:fall|drawdown|decline|loss|slide|slump|setback)\b|\b(?:heaviest|deepest|worst|largest|maximum) (?:fall|drawdown|decline|loss|slide|slump|setback)\b[^.;:]{0,20}?\b(?:(?:is|was|remains) (?:still )?(?:open|unrecovered|unhealed|ongoing)|has (?:not|never) (?:closed|ended|healed|been recovered)|never (?:closed|healed)|(?:has |is )?yet to (?:heal|close|end|be (?:regained|recovered|repaired)))\b")  # "The deepest fall is still open: ... closed December 2024 nearly 16% under that mark"
FALL_WORDS = re.compile(r"\b(?:short of (?:it|its|the|that)\b|setbacks?|pullbacks?|(?:lost|losing)\b[^;]{0,40}?\b(?:between|from|since|by|into)\b|(?:under|below|beneath) (?:it|its|the|that)\b|declin(?:e|ed|ing)|f[ae]ll(?:s|ing|en)?|shed(?:s|ding)?|s[au]nk|sinking|slid(?:e|es|ing)?|drop(?:s|ped)?|slump(?:ed|s)?|collaps(?:e|ed|es)|plung(?:e|ed|es)|vanish(?:ed|es)?|sell-?off|down|lower|below (?:its|the|a|that) (?:\w+ )?(?:high|peak)|under ?water|drawdowns?|peak|trough)\b|(?:고점|정점|최고치|꼭짓점|꼭대기)(?:\s?\([^)]*\))?\s?(?:보다|에서|대비|부터)|밀렸|밀린|밀려|증발했|깎였|깎인|깎여")
# "거기서 23년 8월 말까지 49.8% 빠졌고": plain verbs of a fall, which tell a regime's or the whole test's loss as often ("이 구간에서 12% 하락했다").
KO_FALL_VERBS = re.compile(r"빠졌|빠진|빠져|떨어졌|떨어진|떨어져|하락했|하락한|하락해|내려앉|곤두박질")
KO_DOWN_VERBS = re.compile(rf"{KO_FALL_VERBS.pattern}|밀렸|밀려|밀린|깊어|꺼졌|꺼진|주저앉|미끄러|증발|깎였|깎여|깎인")  # "2.358까지 38.75% 깊어졌고": a fall down to a level
EPISODE_FIGURES = {"max_drawdown": "depth", "max_drawdown_duration_days": "days"}
RUNNING_FIGURES = {"total_return"}  # a figure that grows along the curve: at a date it is that date's, not the stored total
WHOLE_PERIOD_EXTREMES = {"max_drawdown", "max_drawdown_duration_days"}  # "the 33.7% drawdown of March 2020" is still the maximum
LEAD_WORDS = re.compile(r"\W*(?:\w+\W+){0,3}")  # where a sentence's subject stands
LABEL_COLON = re.compile(rf"[^\d:;|{ctx.BULLETS}]*:{{1,2}}\s*$")  # a KPI line's label, then its figure
LABEL_DASH = re.compile(r"\s*(?:[^\s\d]+\s){0,2}[^\s\d]+\s[-–—]\s*$")  # "Profitable - 19": a label of a few words, not a clause of prose before a dash
NEXT_FIGURE = re.compile(r"\s*(?:은|는|이|가|of(?: (?:about|roughly|around|nearly|just over|just under))?)?\s*[-+]?\d")  # "+297.97%, for a CAGR of 11.22%": the CAGR is the 11.22%
NAMES_THEN_FIGURES = re.compile(r"(?P<names>[^\W\d_](?:[^\W\d_]| )*(?:\s?[·/]\s?[^\W\d_](?:[^\W\d_]| )*)+?)\s*[:：]?\s*(?P<figures>[-+]?\d(?:[\d.,]*\d)?%?(?:\s?[·/]\s?[-+]?\d(?:[\d.,]*\d)?%?)+)")
LISTED_NAME = re.compile(r"[^\s·/][^·/]*[^\s·/]|[^\s·/]")
LISTED_FIGURE = re.compile(r"[-+]?\d(?:[\d.,]*\d)?%?")
BENCHMARK_WORD = re.compile(r"지수|벤치마크|\b(?:index|benchmark)\b", re.IGNORECASE)  # "지수에 1억 원을 넣었다면": named in words no mention reads
ADVERBIAL_OPENING = re.compile(r"\s*(?:risk-adjusted|on (?:a )?risk(?:-adjusted)?(?: basis)?|on sharpe|overall|in (?:total|all)|still|even so|yet|however)\s*,\s*", re.IGNORECASE)  # "Risk-adjusted, ITA also edged it": the first clause is no subject's
OBJECT_PRONOUN = re.compile(r"it", re.IGNORECASE)
OTHER_SIDE_BEFORE = re.compile(r"\b(?:of|for|to|against|versus|vs\.?|than|beside)\s+$", re.IGNORECASE)
PLACED_REGIME = re.compile(r"\bthe\s+(?:(?P<first>first|opening|initial)|last|final|closing)\s+(?:regime|phase|leg|(?P<months>half-year|six months))\b|(?:(?P<ko_first>첫)|마지막)\s?(?:국면|구간)", re.IGNORECASE)
ASIDE = re.compile(r"\([^()]*\)")
ASIDE_OPENED_BEFORE = re.compile(r"\s*\([^()\d]*")
NONE_AFTER = re.compile(r"\s?(?:이|가|는|은)?\s?없(?:음|다|어|이|는|었)")
BY_BETWEEN = re.compile(r"\s+by\s+(?:some\s+|about\s+|roughly\s+|just\s+)?", re.IGNORECASE)
OWN_RESULT_BETWEEN = re.compile(r",?\s*(?:to|at)\s+", re.IGNORECASE)
PAIR_WORDS = re.compile(r"\b(?:to|vs\.?|versus|against)\b|\s대\s", re.IGNORECASE)
BRACKET_PAIR_AFTER = re.compile(r"\s?,\s?(?P<name>[^\s\d,()]+)\s?[-+]?\d[^()]*\)")  # "(29.15%, 지수 38.6%)"
KO_THAN_FIGURE_BEFORE = re.compile(r"%?\s?보다\s?(?:더\s|훨씬\s|조금\s|약간\s)?(?:낮|높|작|크|큰|얕|깊|못|나은|앞선|뒤진)[가-힣]*\s$")
KO_COMPARED_TO = re.compile(r"(?:에|데)\s?비(?:하면|해서?|해선|하자면)|(?:것과|와|과)\s?비교(?:하면|해서?|해도)")
PART_END = re.compile(r"[;.]\s")
WON_LISTED_BEFORE = re.compile(r"[(,=:•·]\s*\d[\d,]*\s+(?:wins?|winners?|won|positive|profitable|in profit)\s*[,•·]\s*$|\b(?:wins?|won)\s+\d[\d,]*\s*,\s*$", re.IGNORECASE)  # "(10 wins, 24.39%", "= 60, 32 positive, 53.33%", "53 • 34 won • 64.15%", "n 104, wins 47, 45.19%"
WON_COUNT_BEFORE = re.compile(r"\b\d[\d,]*\s+(?:positive|winners?|winning|profitable|won|in profit)\s*$", re.IGNORECASE)
KO_WON_THEN_SHARE = re.compile(r"\d\s?(?:회|건|번|차례)(?:이|가|만)?\s?(?:맞아|적중해|이겨)\s$")  # "36번 중 13번이 맞아 36.11%"
KO_WON_AFTER_ASIDE = re.compile(r"\s?(?:이|가|만)?\s?(?:적중|이익(?:을|이)?\s?(?:냈|났|남)|이겼|승리)")
WENT_BELOW_AFTER = re.compile(r"[^.;]{0,30}?(?:밑돌|아래로|하회|\bbelow\b|\bunder\b)")
NEVER_BELOW = re.compile(r"한\s?(?:주|번)도|\bnever\b|않았|없었", re.IGNORECASE)
START_LEVEL_BEFORE = re.compile(r"(?:시작값|시작점|출발점|출발값|기준값)(?:인|이었던)?\s?$|\bstart(?:ing)? (?:value|level|point) of\s$", re.IGNORECASE)  # "곡선은 시작값인 1.0을"
EACH_SHARE_AFTER = re.compile(r"\s?(?:가량|정도|남짓|안팎)?\s?씩|\s+(?:of the (?:time|period|sample|test)\s+)?(?:each|apiece)\b(?!\s+(?:year|month|week|quarter|day)\b)", re.IGNORECASE)  # "3분의 1 가량씩을 차지"
REGIME_WORD = re.compile(r"국면|\bregimes?\b|\bphases?\b", re.IGNORECASE)
SPELL_WORDS = re.compile(r"차지|\bof the (?:time|period|sample|test)\b", re.IGNORECASE)
KO_HITS_BEFORE = re.compile(r"적중한\s?(?:것|건|횟수)(?:은|이)?\s?$")  # "과매수 청산 61회 가운데 적중한 것은 46회"
WON_BEFORE = re.compile(r"\bwon\s+(?:only\s+|just\s+)?$", re.IGNORECASE)  # "Momentum buys (131 trades) won 74 times"
KO_WINNERS_AFTER = re.compile(r"\s?(?:에서|이|가|은|는)?\s?(?:(?:이익|수익|돈)(?:을|이)?\s?(?:냈|낸|내|났|남|벌)|(?:만|을|를)?\s?(?:이겼|이긴|이기|승리)|(?:\([^)]*\))?\s?(?:이|가|만)?\s?적중(?:했|한|해|하))")  # "61건을 매매해 23건에서 이익을 냈고"
WINNERS_AFTER = re.compile(r"^\s*(?:(?:trades?|positions?)\s+)?(?:(?:were|was|closed|ended|finished)\s+)?(?:winners|winning|profitable|in (?:a )?profit|at a profit|in the black|positive|with a (?:gain|profit))\b", re.IGNORECASE)  # "closed 21 at a profit"
OF_WHICH_BEFORE = re.compile(r"\d\)?(?:\s+(?:trades?|signals?|entries|exits|stops|positions))?\s*,\s*of (?:which|them|these|those)\s*,?\s*(?:only\s+|just\s+|a mere\s+)?$", re.IGNORECASE)  # "Z-score stops: 14, of which 2 made money": the winners of the count before
MADE_MONEY_AFTER = re.compile(r"\s*(?:made money|won|were (?:winners|profitable)|closed (?:in|at a) profit)\b", re.IGNORECASE)
PRONOUN = re.compile(r"it(?:s|'s)?", re.IGNORECASE)  # the strategy's weakest name: a pronoun may point at the benchmark
PAIR_TO = re.compile(r"\s+(?:(?:on\s+)?(?:sharpe|sortino|calmar)\s+)?to\s+(?:the\s+[\w-]+(?:'s?|’s?)\s+)?", re.IGNORECASE)  # "TIP had the edge, 0.31 to 0.24 on Sharpe", "Sharpe 0.52 to the industrials' 0.58"
CHANGE_FROM = re.compile(r"\b(?:from|between)\s+(?:(?:about|roughly|around|some|a|an|the)\s+)?$", re.IGNORECASE)
FACTOR = re.compile(r"a\s+factor\s+of\b", re.IGNORECASE)  # "a factor of two and a half": always a ratio of two figures
RANKED_AGAINST = re.compile(r"\b(?:second|third|runner-up)\b[^,;]{0,25}?\bto\s+(?!none\b)(?:the\s+)?(?:[\w-]+\s+){0,2}$|\bbehind\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")  # the regime another is ranked against
COORDINATED = re.compile(r"\band\b")  # "the 2015-16 turmoil and the sideways market": names in a list
THAN_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:than|of)\b", re.IGNORECASE)
RANGE_BEFORE = re.compile(r"\bbetween\s+(\d+(?:\.\d+)?)\s+and\s+$", re.IGNORECASE)
FIGURE_LIST = re.compile(r"[-+]?\d[\d.,]*%?(?:\s*,\s*[-+]?\d[\d.,]*%?)*,?\s+and\s+[-+]?\d[\d.,]*%?")  # "lost 14% and 3%": one figure for each name before, in order
STYLE_ADJECTIVE = re.compile(r"\b(?:vol|volatility|risk)-target(?:ed|ing)?\b|\b(?:vol|volatility|risk) target(?:ed|ing)\b")  # how the strategy sizes, no figure of volatility
SETTING_BEFORE = re.compile(r"(?:타깃|타겟|목표(?: ?변동성)?|(?:빠른|느린) ?선|시그널 ?선?|신호선|\btarget(?:s|ed|ing)?|\btowards?)\W{0,3}$", re.IGNORECASE)
SIZED_FOR = re.compile(r"\b(?:siz|scal)(?:e|es|ed|ing)\b[^,;]{0,40}\b(?:for|to)\s+$", re.IGNORECASE)  # "Sizing XRO.AX for 25% annualised risk"
SETTING_AFTER = re.compile(r"\s?(?:변동성 ?)?(?:타기팅|타깃팅|타깃|타겟|목표)|\s(?:vol(?:atility)? )?target\b|\s?(?:밑|아래|위|이하|이상)(?:이면|면|로 (?:내려가|떨어지|올라가|오르)면)\s|\s?(?:을|를)\s(?:밑돌|넘|하회|상회)(?:으면|면)\s|\s?에\s맞춤", re.IGNORECASE)  # "25% 변동성 타기팅", "a 10% vol target", "-90 밑이면 매수하고", "연 25%에 맞춤"
FIGURE_IN = re.compile(r"\d(?:[\d.,]*\s?%|\.\d)")  # a clause that states a figure of its own
COUNTERFACTUAL = re.compile(r"\b(?:would|could|might)(?: not)? (?:have|be)\b")  # "coupons missed ... would have been worth 1.4% a year"
RATIO_OF = re.compile(r"\b(?:every|in)\s*$", re.IGNORECASE)  # "two of every three", "one in four": a ratio, its whole no count
SHARE_OF_BEFORE = re.compile(r"\b(?:of|out of)\s+(?:(?:the|its|all|their)\s+)?$", re.IGNORECASE)  # "24 of 67 trades": 67 is the whole
LOSS_BEFORE, LOSS_AFTER = 6, 2  # words between a word of loss and its figure
# A noun right after another figure belongs to that one ("on 6.5% volatility"); not after a year or a share's whole ("of its 61 trades").
NOUN_AFTER_FIGURE = re.compile(r"(?<![\d.,])(?<!of the )(?<!of its )(?<!of all )(?<!of their )(?!(?:19|20)\d\d\b)\d[\d.,]*\s?%?\s*$")
PART_OF_COUNT = re.compile(r"\s*(?:중|가운데)\s*$")  # "64번의 매매 중 23번": 23 is a part of the trades, not their count
FLOAT_NOISE = 1e-6
NEAR_BEFORE, NEAR_AFTER = 6, 3  # words between a metric's noun and its figure for a mismatch to block ("the Sharpe ratio came in at 0.37", "4.1% CAGR")


def numeric_claims(sentence: str, facts: FactSheet, previous_regime: str | None = None, previous_figures: tuple[float, ...] = ()) -> list[Finding]:
    """Every figure ``sentence`` states as a result, judged against ``facts``; "that regime" is
    ``previous_regime``, the last one the sentences before named, and a multiple with nothing to
    divide ("지수의 약 3분의 1입니다.") divides ``previous_figures``, the last ones the text stated before."""
    return _Sentence(sentence, facts, previous_regime, previous_figures).claims()


@dataclass(frozen=True)
class _Named:
    """A metric as the text names it: by a noun in the figure's own clause, or less surely."""

    metric: str
    by_noun: bool
    near: bool = True  # the word sits close to the figure: at most NEAR_BEFORE words before it or NEAR_AFTER after it
    inherited: bool = False  # the metric of a figure the sentence already stated ("8.2% a year, short of the 9.4% SPY delivered")
    label: ctx.Clause | None = None  # the label of a KPI line's figure ("Sharpe ratio: 0.24"): it names whose figure too


@dataclass(frozen=True)
class _Stated:
    """A figure as its clause states it: the clause (the claim), a qualifier ("more than",
    "about") and whether a word around it makes it a loss ("lost 12%")."""

    claim: str
    number: Numeral
    qualifier: str | None
    negative: bool

    def value(self, kind: Kind) -> float:
        """The figure in stored units: a fraction for percents and basis points."""
        number = self.number
        value = number.value / 10_000 if number.unit == "bps" else number.value / 100 if kind == "percent" else number.value
        return -value if number.negative or (kind == "percent" and self.negative) else value


@dataclass(frozen=True)
class _Reading:
    """Whose figure a number is and which one, and whether the text named each plainly."""

    metric: str
    entity: str
    stored: float | None
    metric_sure: bool  # named by a noun, or a yearly rate right after the figure: no sibling reading
    explicit: bool
    plain: bool = True  # the noun stands close to the figure: a mismatch is `contradicted`, else it goes to review
    magnitude: bool = False  # compared without sign: drawdowns, gaps between strategy and benchmark


class _Sentence:
    """One sentence's figures, each read in the context of its clause and of the sentence."""

    def __init__(self, sentence: str, facts: FactSheet, previous_regime: str | None = None, previous_figures: tuple[float, ...] = ()) -> None:
        self.text, self.facts, self.previous_figures = sentence, facts, previous_figures
        self.lowered = sentence.lower()
        self.clauses = ctx.clauses(sentence)
        self.mentions = [m for m in ctx.mentions(sentence, facts.benchmark_name) if not NONE_AFTER.match(sentence, m.end)]  # "벤치마크 없음" owns no figure
        names = ctx.strategy_names(sentence, facts.benchmark_name)  # "미국 리츠 저변동성 틸트 전략" names no regime
        self.regimes = [span for span in ctx.regime_spans(self.lowered) if not any(start <= span[1] < end for start, end in names)]
        self.regimes = sorted(self.regimes + self._regimes_dated(names) + self._regimes_placed(), key=lambda span: span[1])
        if not self.regimes and previous_regime and ctx.BACK_REFERENCE.search(self.lowered):
            self.regimes = [(previous_regime, 0, 0)]  # the whole sentence is about it, as if named first
        self.signals = self._signal_spans()
        self.masked = self._masked()
        self.numbers = [n for n in ctx.figures(sentence) if n.text.strip() != (facts.benchmark_name or "")]  # "비교 기준 399006": a code, no figure
        self.subjects = self._subjects()
        self.sub_period = self._sub_period()
        topic = UNSTORED_TOPICS.search(self.masked)  # over the whole sentence, so that "carry's" is no topic (a look-ahead needs what follows)
        self.lead_topic = topic if topic and topic.end() <= LEAD_WORDS.match(self.masked).end() else None  # "Quarterly rolls of ..., cost 0.15%"

    def _regimes_placed(self) -> list[tuple[str, int, int]]:
        """Regimes named by their place in time alone ("the last half-year", "마지막 국면"): the first or last to start."""
        starts = sorted((day, label) for label in self.facts.regimes if (day := self.facts.events.get(f"regime.{label}.start")) is not None)
        if not starts:
            return []
        placed = [(starts[0][1] if match.group("first") or match.group("ko_first") else starts[-1][1], match) for match in PLACED_REGIME.finditer(self.text)
                  if not any(start <= match.start() < end or match.start() <= start < match.end() for _, start, end in self.regimes)]
        return [(label, match.start(), match.end()) for label, match in placed if not match.group("months") or self._lasts_half_a_year(label)]

    def _lasts_half_a_year(self, label: str) -> bool:
        """"the last half-year" names the last regime only when it lasted about six months."""
        start, end = self.facts.events.get(f"regime.{label}.start"), self.facts.events.get(f"regime.{label}.end")
        return bool(start and end and 150 <= (end - start).days <= 215)

    def _regimes_dated(self, names: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
        """Regimes named by their dates alone, where no regime word is named in the same clause."""
        worded = {self._clause_at(start) for _, start, _ in self.regimes}
        return [span for span in dates.regimes_dated(self.text, self.date_mentions, self.facts.events)
                if self._clause_at(span[1]) not in worded and not any(start <= span[1] < end for start, end in names)]

    @cached_property
    def own_comparison(self) -> re.Match[str] | None:
        """Two of the strategy's own figures compared in the sentence, read once for all its figures."""
        return own_comparison(self.text, self.facts.benchmark_name)

    @cached_property
    def date_mentions(self) -> list[dates.DateMention]:
        """The sentence's dates, read once and only for the figures that need them."""
        return dates.mentions(self.text)

    def claims(self) -> list[Finding]:
        findings: list[Finding] = []
        claimed: list[tuple[str, bool]] = []  # (metric, read plainly) of each figure judged so far
        for index, number in enumerate(self.numbers):
            if index and GROUP_BREAK.search(self.text, self.numbers[index - 1].end, number.start):
                claimed.clear()  # "... average 3.51% | ATR trailing exits: 33 · wins 14 · 42.42%": a new group names its own figures
            clause = self._clause_of(number)
            finding = self._claim(index, number, clause, claimed)
            if finding is not None and finding.status == "supported" and self._misdated_maximum(finding, number, self.clauses[clause]):
                deepest = self.facts.drawdowns[0]
                finding = finding.model_copy(update={"status": "unverifiable", "note": f"the deepest fall ran from {deepest.peak} to {deepest.recovery or 'the end of the test'}, not when the text says: sent to review"})
            if finding is not None and finding.status == "supported" and (end_depth := self._depth_told_as_end(finding, number, self.clauses[clause])) is not None:
                finding = finding.model_copy(update={"status": "unverifiable", "note": f"the text tells where the curve ends, {end_depth:.2%} below the peak, not how deep the fall went: sent to review"})
            if finding is not None:
                findings.append(finding)
        return findings

    def _claim(self, index: int, number: Numeral, clause: int, claimed: list[tuple[str, bool]]) -> Finding | None:
        """The figure's finding. "Ten points deeper than the 43.7%" is first read against the
        sentence's own figures, then against the stored gap of a metric, and never blocks."""
        told = POINTS_GAP.match(self.text, number.end) if number.unit == "pp" else None
        span = self.clauses[clause]
        if number.unit in ("pp", "bps") and (own := self.own_comparison) and BY_BETWEEN.fullmatch(self.text, own.end(), number.start):
            return self._gap_of_own(self.text[span.start:span.end].strip(), number, own)  # "the alpha of 3.43% tops the CAGR by eight basis points"
        if number.unit in ("pp", "bps") and (own := GAP_TO_OWN_CAGR.match(self.text, number.end)):
            return self._gap_to_own_cagr(self.text[span.start:span.end].strip(), number, own)
        if told is None:
            in_points = number.unit == "pp" or (number.unit is None and POINTS_AFTER.match(self.text, number.end))
            by = GAP_BY_BEFORE.search(self.text, max(0, number.start - 25), number.start) if in_points else None
            if by and (gap := self._gap_of_figures(self.text[span.start:span.end].strip(), number, by)).status == "supported":
                return gap  # "its deepest loss, 58.74%, beats the fund's 71.46% by almost thirteen points": the two figures' gap
            return self._read_claim(index, number, clause, claimed)
        gap = self._gap_of_figures(self.text[span.start:span.end].strip(), number, told)
        if gap.status == "supported":
            return gap
        tried = list(claimed)  # a reading not taken names no metric for the figures after it
        finding = self._read_claim(index, number, clause, tried)
        if finding is None or finding.status != "supported":
            return gap
        claimed[:] = tried
        return finding

    def _read_claim(self, index: int, number: Numeral, clause: int, claimed: list[tuple[str, bool]]) -> Finding | None:
        """The figure's finding; a judged figure adds its metric, and whether it was read plainly,
        to ``claimed`` (a later figure that takes the same metric is then plain too)."""
        span = self.clauses[clause]
        claim = self.text[span.start:span.end].strip()
        if number.unit == "krw":
            return self._grown_to(index, claim, number)
        dated_clause = any(span.start <= m.start < span.end for m in self.date_mentions)
        if (UNDER_START.search(self.text, self._opening(span).start, span.end + 40) or (dated_clause and UNDER_START.search(self.text))) and not DRAWDOWN_NOUN.search(self.masked, span.start, span.end):  # "115 weeks below its starting value": "below" opens a clause; "총 25주로, 2020년 2~4월에 10주": a dated part of them  # the figure's own clause speaks of the start ("34주가 걸렸다" after "원금 아래로 내려간 적도 있었지만," is a fall's length)
            if number.unit is None and number.value == 1 and UNDER_START_AFTER.match(self.text, number.end):
                return None  # "평가액이 1.0을 밑돌았다": the start itself, no claim
            if WEEKS_AFTER.match(self.text, number.end):
                return self._weeks_under_start(claim, number, span)
            if number.unit == "%" and (under := self.facts.under_start) and under.total and SHARE_UNDER_START.match(self.text, number.end):
                share = 100 * under.points / under.total  # "574주 가운데 309주, 절반 넘게 1.0 아래였고": the share of the curve's points below its start
                status = "supported" if _fits(number.value, share, number.decimals, self._qualifier(number)) else "unverifiable"
                return Finding(claim=claim, kind="numeric", entity="strategy", metric="share_below_start", claimed=number.value, stored=round(share, 2), status=status,
                               note=f"the share of the curve's points below its start: {under.points} of {under.total}" + ("" if status == "supported" else ", not what the text says: sent to review"))
        if implied.states_level(self.text, number) and (level := self._level(claim, number, of=1.0 if number.unit == "x" else 100.0)):
            return level
        if number.unit == "days" and ctx.KO_INDICATOR_AFTER.match(self.text, number.end):  # "14일 RSI가 30 밑으로": the indicator's period, a setting
            held = any(abs(value - number.value) < 1e-9 for value in self.facts.settings.values())  # "slow_ema: 80" for "80일 지수이평"
            return None if held else _unverifiable(claim, number, "an indicator's period that no stored setting gives: sent to review")
        if (number.unit == "days" or (number.unit is None and WEEKS_WORD.match(self.text, number.end))) and (edge := ctx.REGIME_EDGE.match(self.text, number.end)):
            return self._regime_offset(claim, number, edge)  # "a 20 August 2018 high, thirty-five days before the bull regime expired"
        if number.unit == "days" and KO_STILL_UNDER.match(self.text, number.end):
            return self._open_length(claim, number)  # "602일째 전 고점을 넘지 못했다": a fall not regained
        if number.unit is None and PERIOD_LENGTH.match(self.text[number.end:]):
            if index > 0 and implied.continues_length(self.text, self.numbers[index - 1], number):
                return None  # the months of "5년 7개월", read with its years
            if DAYS_RESTATED.search(self.text[:number.start]):  # "1,393 days (close to four years)": the days were checked, the years restate them loosely
                restated = self._length(claim, number)
                return restated if restated.status == "supported" else None
            if days_after := DAYS_AFTER.match(self.text, number.end):  # "꼭 5년(1,827일)": the days in brackets are checked; the years must say the same
                written = implied.length(self.text, number, None)
                days = float(days_after.group("days").replace(",", ""))
                if written.fits(days, None):
                    return None
                return _unverifiable(claim, number, f"{number.text} is not the {days:g} days the text gives beside it: sent to review")
            if OUT_OF_MARKET.search(self.masked, span.start, span.end):
                return _unverifiable(claim, number, "a length of time out of the market, which the store does not keep")
            if HELD_FOR.search(self.masked, span.start, number.start) and not DRAWDOWN_NOUN.search(self.masked, span.start, span.end):
                return _unverifiable(claim, number, "how long positions were held, which the store does not keep")
            return self._length(claim, number) if DRAWDOWN_LENGTH.search(self.masked, span.start, span.end) else None
        fraction = number.unit == "%" and number.decimals < 0  # "3분의 1": a fraction written out
        if (number.unit == "x" or fraction) and (FACTOR.match(number.text) or RELATIVE_MULTIPLE.match(self.text[number.end:]) or KO_RELATIVE_MULTIPLE_BEFORE.search(self.text[:number.start]) or KO_RELATIVE_MULTIPLE_AFTER.match(self.text[number.end:]) or self._between_amounts(index) or self._grows_capital(number) or self._bounded_multiple(number, fraction)):
            if SETTING_MULTIPLE_BEFORE.search(self.text, max(0, number.start - 20), number.start) and any(
                    MULTIPLIER_SETTING.search(name) and _fits(number.value, value, number.decimals, None) for name, value in self.facts.settings.items()):
                return None  # "ATR(14일)의 두 배 폭": the band's width, a setting quoted
            return self._multiple(claim, number)
        if (SETTING_BEFORE.search(self.text, max(0, number.start - 15), number.start) or SIZED_FOR.search(self.text, max(0, number.start - 60), number.start) or SETTING_AFTER.match(self.text, number.end)) and self._setting_at(number):
            return None  # "변동성 타깃(35%)", "targeting 35% volatility": the strategy's own setting, quoted
        if signal_figure := self._labelled_signal_count(claim, number) or self._count_at_rate(claim, number, clause):
            return signal_figure
        if average := self._signal_average(claim, number, clause):  # "손절은 61번 걸려 적중률 34.4%, 평균 -0.41%": the signal's, not the metric before
            return average
        if number.unit is None and CURVE_POINT_RIGHT_BEFORE.search(self.text, max(0, number.start - 8), number.start) and (point := self._curve_point(claim, number, span)):
            return point  # "알파와 베타 칸은 공란이며, ...(최저 0.988)": the point named right before, not the metric before it
        if number.unit is None and START_LEVEL_BEFORE.search(self.text, max(0, number.start - 12), number.start) and self.facts.curve:
            fits = _fits(number.value, 1.0, number.decimals, None) and not (WENT_BELOW_AFTER.match(self.text, number.end) and not NEVER_BELOW.search(self.text))  # every curve is kept as a multiple of its first value; "...을 2021년 8월에 밑돌았다" is another claim
            return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=1.0, status="supported" if fits else "unverifiable",
                           note="the curve's first value" if fits else "a start of the curve other than its first value, 1.0: sent to review")
        if number.unit == "%" and EACH_SHARE_AFTER.match(self.text, number.end) and SPELL_WORDS.search(self.text, span.start, span.end) and REGIME_WORD.search(self.text) and self.facts.regimes:
            return self._each_regime_share(claim, number, clause)
        named = self._metric(index, number, clause, claimed)
        if (named is None or not named.by_noun) and number.unit in ("%", None) and (week := self._dated_week(claim, number, span)) and week.status == "supported":
            return week  # "In the week of 30 March 2020 the book rose 0.8%": that week's move, not the total return a verb names
        if number.unit in (None, "x", "bps", "days") and not (named and named.by_noun) and self._setting_at(number):
            return None  # "once a 60-day z-score moves beyond 2.25", "never geared beyond 1.5x": a figure no noun names, equal to a setting, quotes it
        restated = clause > 0 and RESTATED.match(self.lowered[span.start:span.end])  # "slippage of $2.50 a side, or close to 1.5% a year": the same topic
        topic = UNSTORED_TOPICS.search(self.masked[self.clauses[clause - 1].start if restated else span.start:span.end]) or self._topic_as_subject(span)
        if topic and topic.group(1).startswith("spread") and self._gap_spread(span):
            topic = None  # "(a spread near 8.7 points)" between the book and its benchmark is their gap
        if topic and (named is None or not named.by_noun or number.unit == "pp" or topic.group(1).endswith(("side", "short exposure")) or AFTER_COSTS.search(self.text, span.start, span.end) or NOT_THE_WHOLE.match(topic.group(1))):  # "tax cut the CAGR by 1.2 points", "the after-tax CAGR"
            return _unverifiable(claim, number, f"the store has no figure for {topic.group(1)}")
        own_noun = bool(named and named.by_noun and named.near and named.metric in WHOLE_PERIOD_ONLY)
        if (period := self._sub_period_of(span)) and not (named and named.metric in WHOLE_PERIOD_EXTREMES) and not (own_noun and period.start() < span.start and any(period.end() <= other.start < span.start for other in self.numbers)):
            if fall := self._fall_of_curve(self._stated(number, clause), None, span):  # a fall dated in its own clause is no part of the period
                return fall
            if (named is None or named.inherited) and (number.unit is None or (number.unit == "%" and KO_CAPITAL.search(self.text, 0, number.start))) and (point := self._curve_point(claim, number, span)):
                return point  # "곡선 최저는 2014년 2월 초 0.844", "원금 밑으로 떨어져 16년 2월 말엔 90.5%까지 밀렸고"
            if (named is None or named.inherited or not named.by_noun or number.unit is None) and (week := self._dated_week(claim, number, span)):
                return week  # "2020년 3월 23일 주에는 오히려 1.25% 올랐다"
            return _unverifiable(claim, number, f"the store has whole-period figures only, not for {period.group(0)!r}")
        if PART_OF.match(self.text[number.end:]):
            return _unverifiable(claim, number, "a part of a figure, which the store does not break down")
        if EFFECT_BY.search(self.text, span.start, number.start) or (EFFECT_ADDED.search(self.text, span.start, number.start) and EFFECT_TO.match(self.text, number.end)):
            return _unverifiable(claim, number, "how much something moved a figure, which the store does not break down")  # "the real's weakness trimmed Embraer's result by around 1.1% each year"
        if named and named.metric == "num_trades" and SOME_TRADES_BEFORE.search(self.text, max(0, number.start - 30), number.start):
            return _unverifiable(claim, number, "a part of the trades, which the store does not break down")  # "71% of the profits came from three trades"
        if named and METRICS[named.metric].kind == "count" and COUNT_PER_PERIOD.match(self.text[number.end:]):
            return _unverifiable(claim, number, "a count per period, where the store keeps the whole period's count")
        if number.unit == "%" and KO_SHARE_OF_FIGURE.search(self.text, 0, number.start):  # "PALL 낙폭(68.3%)의 35% 정도": a ratio of two figures
            return self._multiple(claim, replace(number, value=number.value / 100, unit="x", decimals=number.decimals + 2))
        if named is not None and not named.by_noun and number.unit == "%" and self._end_below_peak(number):  # "노출 비율 81% ..., 기말 5.81은 그보다 17.5% 아래": not the metric before
            named = None
        aside = self._korean_aside(number)
        if aside == "won share":
            return self._won_share(claim, number, clause)
        if aside:
            if aside == "share":
                return None  # "54회(38%)": the count restated as a share; the count is checked
            if aside.startswith("time:"):  # an aside: later figures do not take its metric
                label = aside.removeprefix("time:")
                return _judge(self._stated(number, clause), _Reading("share_of_time", f"regime:{label}", self.facts.regimes.get(label, {}).get("share_of_time"), metric_sure=True, explicit=True), [])
            metric = named.metric if number.unit is None and named and named.by_noun and METRICS[named.metric].kind == "ratio" else "total_return"  # "샤프 최고는 강세(1.73)": a ratio is no return
            if metric != "total_return" and (misranked := self._misranked(claim, number, span, aside, metric)):
                return misranked
            reading = _Reading(metric, f"regime:{aside}", self.facts.regimes.get(aside, {}).get(metric), metric_sure=True, explicit=True)
        elif self._is_spread(number, named):
            reading = self._spread(number, named)
        elif named is None:
            if number.unit in (None, "n"):
                return self._curve_point(claim, number, span) if number.unit is None else None  # "기말 1.775"
            if self._end_below_peak(number):  # "기말 2.15는 그보다 72.5% 낮습니다": the end's depth below a peak, no other figure
                return self._fall_of_curve(self._stated(number, clause), None, span) or _unverifiable(claim, number, "how far below a peak the curve ends, which no open fall gives: sent to review")
            capital = number.unit == "%" and KO_CAPITAL.search(self.text, 0, number.start)  # "원금 밑으로 떨어져 16년 2월 말엔 90.5%까지": a point of the curve
            return (self._by_value(index, claim, number, clause) or self._fall_of_curve(self._stated(number, clause), None, span) or (capital and self._curve_point(claim, number, span))
                    or self._dated_week(claim, number, span) or _unverifiable(claim, number, f"no metric named near {number.text!r}"))
        else:
            reading = self._reading(index, number, clause, named)
        claimed.append((reading.metric, reading.plain))
        stated = self._stated(number, clause)
        reading = self._other_regime(stated, reading, clause) or reading
        finding = _judge(stated, reading, self._alternatives(reading))
        if finding.status == "supported" and reading.entity == "strategy vs benchmark" and (side := GAP_SIDE_AFTER.match(self.text, number.end)) and reading.metric != "annual_volatility":
            ours, theirs = self.facts.strategy.get(reading.metric), self.facts.benchmark.get(reading.metric)
            if ours is not None and theirs is not None and (ours > theirs) != bool(side.group("ahead")):  # "a 1.05-point lead over THD" while it trails
                finding = finding.model_copy(update={"status": "unverifiable", "note": f"the gap's size fits but the text puts the strategy on the wrong side ({ours:+.4f} vs {theirs:+.4f}): sent to review"})
        if finding.status == "supported" and reading.entity == "strategy" and reading.metric in RUNNING_FIGURES and (when := self._fall_point_in(span)):
            return finding.model_copy(update={"status": "unverifiable", "note": f"the whole test's {reading.metric}, told at {when!r}, a point of a fall: sent to review"})
        if finding.status != "supported" or reading.stored is None:
            finding = self._unnamed_signal(claim, stated, reading, named.metric if named else "") or finding
        if finding.status != "supported" and reading.entity == "strategy" and reading.metric in EPISODE_FIGURES and not ctx.names_maximum_drawdown(self.lowered):
            finding = (self._other_drawdown(stated, reading) if stated.qualifier != "at most" or self.date_mentions else None) or finding  # "no more than 25%" bounds every fall, the deepest too; "The 2018 drawdown was no deeper than 9%" the one dated
        if finding.status != "supported" and not (stated.qualifier == "at most" and NEVER_BEFORE.search(self.text, span.start, number.start) and not self.date_mentions) and (fall := self._fall_of_curve(stated, reading, span)):
            return fall  # "never deeper than 30%" bounds every fall, not one of them
        if finding.status == "contradicted" and reading.entity in ("strategy", "strategy vs benchmark") and COUNTERFACTUAL.search(self.lowered, span.start, span.end):
            return finding.model_copy(update={"status": "unverifiable", "note": f"{finding.note}; the text tells what would have been, which the store does not hold: sent to review, not blocked"})
        if finding.status == "contradicted" and number.unit != "days" and (setting := self._setting_at(number)):  # "position size scaled toward 35% annualised volatility"
            return finding.model_copy(update={"status": "unverifiable", "note": f"{finding.note}; it equals the strategy's setting {setting}, which the text may quote: sent to review, not blocked"})
        if finding.status == "contradicted" and stated.qualifier in (None, "roughly") and (held := self._held_elsewhere(stated, reading)):  # a bound equals nothing
            return finding.model_copy(update={"status": "unverifiable", "note": f"{finding.note}; it equals the stored {held}, which the text may mean: sent to review, not blocked"})
        return finding

    def _bounded_multiple(self, number: Numeral, fraction: bool) -> bool:
        """"세 배를 넘었다", "연 1.8%로 절반에 못 미쳤다": a multiple the verb after it bounds; a fraction
        only right after a figure it compares ("승률은 절반에 못 미쳤다" is a level, "절반 이상이 수익"
        a share of trades)."""
        if fraction:
            return bool(KO_SHORT_OF_FRACTION.match(self.text, number.end) and KO_FIGURE_AS.search(self.text, 0, number.start))
        return number.unit == "x" and any(bound.match(self.text, number.end) for _, bound in KO_MULTIPLE_BOUNDS)

    def _between_amounts(self, index: int) -> bool:
        """"1억 원은 4배 가까운 3억 9,590만 원이 됐다": a multiple set between two amounts is their ratio."""
        return 0 < index < len(self.numbers) - 1 and self.numbers[index - 1].unit == self.numbers[index + 1].unit == "krw"

    def _grown_to(self, index: int, claim: str, number: Numeral) -> Finding | None:
        """"1억 원은 3억 5,900만 원 남짓이 됐다": an amount grown to another, the total return
        (strategy's, or the benchmark's where the clause names it); a first amount alone says nothing.
        A mismatch goes to review: the sentence may start from another amount or date."""
        start = self.numbers[index - 1] if index > 0 else None
        if start is None or start.unit != "krw" or not start.value:
            return None
        span = self.clauses[self._clause_of(start)]
        entity = next((m.entity for m in reversed(self.mentions) if span.start <= m.start < start.start), "strategy")  # the name nearest before the first amount
        stored = (self.facts.benchmark if entity == "benchmark" else self.facts.strategy).get("total_return")
        growth = number.value / start.value - 1
        if stored is None:
            return _unverifiable(claim, number, f"no stored total_return for {entity}")
        fits = _fits(number.value, start.value * (1 + stored), number.decimals, self._qualifier(number))
        grew = KO_GREW_TO.match(self.text, number.end) and not KO_POINT_WORD.search(self.text, span.start, number.start) and not any(start.end <= m.start < number.start for m in self.date_mentions)  # "1억 원을 3억 원 넘게 불렸다": the end, not the curve's high
        if not fits and entity == "strategy" and not grew and (level := self._level(claim, number, of=start.value)):
            return level  # "원금 1억 원은 9,900만 원 남짓까지 줄어": where the curve stood at its trough
        note = f"{start.text} grown to {number.text}: {growth:+.2%} against the stored total return {stored:+.2%}"
        return Finding(claim=claim, kind="numeric", entity=entity, metric="total_return", claimed=round(growth, 6), stored=stored,
                       status="supported" if fits else "unverifiable", note=note if fits else f"{note}: sent to review, not blocked")

    def _level(self, claim: str, number: Numeral, of: float) -> Finding | None:
        """"곡선의 꼭짓점(원금의 113.5%)", "1억 원은 9,900만 원 남짓까지 줄어": the curve's level (a
        share of ``of``, the capital it started with) at one of the points the store keeps (its
        high, low, end, a dated fall's peak or trough); at the end of the test, the last.
        None for any other: "원금 대비 48%", "48% of its starting capital" may tell a gain, read as
        a return."""
        clause = self._clause_of(number)
        if self._benchmark_named_in(clause):
            return None  # "Buy-and-hold CPER ended at 188.6% of its starting capital": the store keeps the strategy's curve only
        qualifier = self._qualifier(number)
        span = self.clauses[clause]
        told = self.text[self._opening(span).start:span.end]  # "시험이 끝날 때 1억 1,400만 원이었다": the end, told in the clause before
        for name, level in implied.levels_meant(told, self.facts.levels).items():
            if _fits(number.value, level * of, number.decimals, qualifier):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value / of, stored=round(level, 4), status="supported",
                               note=f"the curve at its {name}: {level:.2%} of its first value")
        return None

    def _curve_point(self, claim: str, number: Numeral, span: ctx.Clause) -> Finding | None:
        """"곡선 최저는 2014년 2월 초 0.844", "고점(1.154)", "기말 1.775": a bare value of the equity
        curve (which starts at 1) after a word for one of its points is that point's stored level
        (the highest, lowest or last value; a peak or trough: any fall's, or the extreme); when the
        clause dates it, the date written nearest before it (else after it) must be that point's.
        Review when none fits; None where no such word is (such a value alone is no claim) and for
        the benchmark's curve, which the store does not keep."""
        words = list(CURVE_POINT.finditer(self.text, max(span.start, number.start - 35), number.start))
        down_to = (KO_DOWN_TO.match(self.text, number.end) and (KO_DOWN_VERBS.search(self.text, number.end, span.end + 10) or KO_FALL_NOUN.search(self.text, span.start, number.start))) or FELL_TO.search(self.text, max(0, number.start - 30), number.start)
        if (named := _nearest_metric(self.masked, span.start, span.end, number)) and named.by_noun:
            return None  # "샤프 비율은 최저 0.86": the lowest of another figure
        of = 100.0 if number.unit == "%" else 1.0  # "원금 밑으로 떨어져 16년 2월 말엔 90.5%까지 밀렸고": a share of the capital it started with
        after = KO_POINT_AFTER.match(self.text, number.end)
        if number.decimals < (0 if of == 100.0 else 2) or not (words or down_to or after) or self._benchmark_named_in(self._clause_of(number)) or BENCHMARK_WORD.search(self.text, span.start, number.start):
            return None
        point = (after.lastgroup or "") if after else "trough" if down_to else words[-1].lastgroup or ""  # "이듬해 8월 중순 2.358까지 38.75% 깊어졌고": a trough
        previous = max((other.end for other in self.numbers if span.start <= other.end <= number.start and other is not number and not any(m.start <= other.start < m.end for m in self.date_mentions)), default=span.start)
        dated = [m for m in self.date_mentions if previous <= m.start < span.end]  # "곡선 고점은 22년 1월 말 2.152이며 기말 1.775는": the peak's date is not the end's
        before = [m for m in dated if m.start < number.start]
        nearest = before[-1] if before else (dated[0] if dated else None)
        opening = [label for label, at, end in self.regimes if REGIME_OPENING.match(self.text[:at]) and not KO_REGIME_EDGE_AFTER.match(self.text, end)]  # "During the sideways regime, which followed the bull run, the curve fell to 1.25"; not "추세 국면 막바지인 ...", a point
        labels = [label for label, at, _ in self.regimes if span.start <= at < number.start][-1:] or [label for label, at, _ in self.regimes if span.start <= at < span.end][:1] or opening[:1]  # the regime nearest before it ("약세 국면 막바지인 ... 1.313에서 출발해 횡보 국면의 ...")
        regimes = [(self.facts.events.get(f"regime.{label}.start"), self.facts.events.get(f"regime.{label}.end")) for label in labels]
        qualifier = self._qualifier(number)
        for name, level in self.facts.levels.items():
            if name not in CURVE_POINT_LEVELS[point] and not name.endswith(f".{point}"):
                continue
            day = self.facts.events.get(name)
            placed = all(day is not None and first is not None and last is not None and first <= day <= last for first, last in regimes)  # "횡보장에서 곡선은 0.793에서 바닥을 쳤습니다": in that regime
            if _fits(number.value, level * of, number.decimals, qualifier) and placed and (nearest is None or (day is not None and nearest.covers(day))):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value / of, stored=round(level, 4), status="supported",
                               note=f"the curve at its {name}: {level:.3f} times its first value")
        if (week := self._dated_week(claim, number, span)) and week.status == "supported":
            return week  # "2025년 4월 7일 주 1.95까지": where the curve stood that week
        return _unverifiable(claim, number, f"a level of the curve ({point}) that no stored point of that kind, date and regime gives: sent to review")

    def _week_told(self, number: Numeral, span: ctx.Clause) -> int | None:
        """The curve point of the week the clause (or the one before it) tells to the day, nearest
        before the figure ("2020년 3월 23일 주에는", "in the week of 16 March 2020"): the point in the
        same calendar week, whatever weekday the curve is dated on; the one after it for "the
        following week" ("다음 주 3.94% 되올랐습니다"). None for another week ("two weeks later") or a
        span from it ("since the week of ...")."""
        start = 0 if NEXT_WEEK.search(self.text, span.start, number.start) else self.clauses[max(0, self.clauses.index(span) - 1)].start  # "하락은 그다음 주(-3.36%)에 왔습니다": the week told earlier in the sentence
        told = [m for m in self.date_mentions if start <= m.start < number.start and m.first == m.last
                and (WEEK_AFTER.match(self.text, m.end) or WEEK_BEFORE.search(self.text, max(0, m.start - 25), m.start))]
        if not told or not self.facts.curve:
            return None
        later = len(NEXT_WEEK.findall(self.text, told[-1].end, number.start))
        if later > 1 or (not later and ANOTHER_WEEK.search(self.text, told[-1].end, number.start)):
            return None
        if SPAN_FROM_BEFORE.search(self.text, max(0, told[-1].start - 30), told[-1].start) or KO_SPAN_AFTER.match(self.text, told[-1].end) or LEVEL_AFTER.match(self.text, number.end):
            return None  # "Since the week of 16 March 2020 the book has lost 5.9%", "fell to 5.9% below its starting capital": not that week's move
        week = told[-1].first.isocalendar()[:2]
        index = next((index for index, (point, _) in enumerate(self.facts.curve) if point.isocalendar()[:2] == week), None)
        return index + later if index is not None and index + later < len(self.facts.curve) else None

    def _dated_week(self, claim: str, number: Numeral, span: ctx.Clause) -> Finding | None:
        """A dated week of the strategy's curve: how far it moved that week, or where it stood.
        Review when it is not that; None where no week is told."""
        index = self._week_told(number, span)
        if index is None or index == 0:
            return None
        if self._benchmark_named_in(self._clause_of(number)) or BENCHMARK_WORD.search(self.text, span.start, number.start):
            return None  # "In the week of 16 March 2020 THD fell 5.9%": the store keeps the strategy's curve only
        if number.unit == "%":
            return self._week_move(claim, number, span, index)
        return self._week_level(claim, number, span, index) if number.unit is None and number.decimals >= 2 else None

    def _week_move(self, claim: str, number: Numeral, span: ctx.Clause, index: int) -> Finding | None:
        """"3.8% 가량 내렸고", "the book fell 4.4%": the move into the week's point from the one
        before; the verb nearest the figure gives the direction (none, or denied: no claim read)."""
        verb = self._move_verb(number, span)
        if verb is None or WEEK_NOT.search(self.text, max(0, verb.start() - 12), verb.start()) or KO_NOT_AFTER.match(self.text, verb.end()):
            return None  # "5.9% 떨어지지 않았다": denied
        (day, value), previous = self.facts.curve[index], self.facts.curve[index - 1][1]
        move = value / previous - 1
        fits = _fits(number.value, abs(move) * 100, number.decimals, self._qualifier(number)) and (move > 0) == bool(verb.group("up"))
        return self._week_finding(claim, number, fits, round(move * 100, 4), f"the curve's week of {day}: {move:+.2%}")

    def _week_level(self, claim: str, number: Numeral, span: ctx.Clause, index: int) -> Finding:
        """"2025년 4월 7일 주 1.95까지", "1.345에서 1.353으로": where the curve stood that week, or the
        week before when the text moves from it; a move told between two levels must go the way
        its verb says."""
        (day, value), previous = self.facts.curve[index], self.facts.curve[index - 1][1]
        moved_from = KO_FROM_AFTER.match(self.text, number.end) or FROM_BEFORE.search(self.text, max(0, number.start - 6), number.start)
        fits = _fits(number.value, previous if moved_from else value, number.decimals, self._qualifier(number))
        before = [other for other in self.numbers if other.end <= number.start]
        moved_to = bool(before) and FROM_TO_BETWEEN.fullmatch(self.text, before[-1].end, number.start)
        verb = (moved_from or moved_to) and self._move_verb(number, span)
        fits = fits and not (verb and value != previous and (value > previous) != bool(verb.group("up")))  # "0.984에서 0.926으로 올랐다": it fell
        return self._week_finding(claim, number, fits, round(value, 4), f"the curve's week of {day}: {previous:.3f} to {value:.3f}")

    def _move_verb(self, number: Numeral, span: ctx.Clause) -> re.Match[str] | None:
        """The verb of moving nearest the figure in its clause: "올랐다" after it, "fell" before it."""
        verbs = [*WEEK_MOVE.finditer(self.text, span.start, number.start), *WEEK_MOVE.finditer(self.text, number.end, span.end)]
        return min(verbs, key=lambda v: v.start() - number.end if v.start() >= number.end else number.start - v.end(), default=None)

    @staticmethod
    def _week_finding(claim: str, number: Numeral, fits: bool, stored: float, shown: str) -> Finding:
        if not fits:
            return _unverifiable(claim, number, f"{shown}, not what the text says: sent to review")
        return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=stored, status="supported", note=shown)

    def _length(self, claim: str, number: Numeral) -> Finding:
        """A drawdown's length in years, months or weeks ("close to four years", "7년 반"),
        compared in days with the stored length (or another fall's, when the sentence does not
        speak of the maximum); a mismatch goes to review: such units are loose."""
        written = implied.length(self.text, number, next((n for n in self.numbers if n.start > number.end), None))
        qualifier = self._qualifier(number) or next((name for name, pattern in KO_QUALIFIERS if pattern.match(written.rest)), None)
        stored = self.facts.strategy.get("max_drawdown_duration_days")
        lengths = ([stored] if stored is not None else []) + ([fall.days for fall in self.facts.drawdowns[1:]] if not ctx.names_maximum_drawdown(self.lowered) else [])
        dated = [m for m in self.date_mentions if m.start < number.start]
        if peaked := [fall for fall in self.facts.drawdowns if any(m.covers(fall.peak) for m in dated)]:  # "2024년 2월 고점에서 ... 되찾는 데 1년": that fall's length
            lengths = ([stored] if stored is not None and self.facts.drawdowns[0] in peaked else []) + [fall.days for fall in peaked]
        if FROM_TROUGH.search(self.text, 0, number.start):  # "2020년 3월 바닥 이후 전고점을 되찾기까지 2년": the climb back only, from the trough dated
            falls = self.facts.drawdowns[:1] if ctx.names_maximum_drawdown(self.lowered) else self.facts.drawdowns
            stored, lengths = None, [(fall.recovery - fall.trough).days for fall in falls if fall.recovery and (not dated or any(m.covers(fall.trough) for m in dated))]
        for length in lengths:
            if written.fits(length, qualifier):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric="max_drawdown_duration_days", claimed=written.days, stored=length, status="supported",
                               note=f"{number.text} {'and a half ' if written.half else ''}at {written.unit:g} days each: {written.days:.0f} days against {length:.0f}")
        return _unverifiable(claim, number, f"a drawdown's length of about {written.days:.0f} days; the store has {stored:.0f} days: sent to review" if stored else "the store keeps no drawdown length")

    def _multiple(self, claim: str, number: Numeral) -> Finding:
        """"A Sharpe of 0.60, more than five times the benchmark's 0.11", "지수(55.3%)의 절반": a ratio
        of two figures, not a level. Each figure is checked on its own; the multiple is supported
        when the figure nearest it and another the sentence (or the text just before it) states, or
        the strategy's stored figure of the metric its clause names, give it; else it goes to
        review, never blocks."""
        target = number.value / 100 if number.unit == "%" else number.value  # "지수의 약 3분의 1": a third
        qualifier = self._qualifier(number) or next((name for name, pattern in KO_MULTIPLE_BOUNDS if pattern.match(self.text, number.end)), None)
        if self._grows_capital(number):
            return self._capital_multiple(claim, number, target, qualifier)
        figures = [other for other in self.numbers if other is not number and other.unit != "x" and other.value]
        reference = min(figures, key=lambda other: min(abs(other.start - number.end), abs(number.start - other.end)), default=None)
        before = list(self.previous_figures)
        nearest = abs(reference.value) if reference else before.pop() if before else None  # "... 19.6%입니다. 지수의 약 3분의 1입니다."
        others = [abs(other.value) for other in figures if other is not reference and (other.unit != "pp" or reference.unit == "pp")] + before + self._own_figure(number)  # a gap in points is no part of a level
        pair = implied.multiple_of(target, qualifier, nearest, others) if nearest else None
        if pair and reference and KO_MULTIPLE_OF_FIGURE.fullmatch(self.text, reference.end, number.start):  # "샤프 0.52는 BEL20(0.24)의 절반": 0.24 is the whole
            pair = next(((part, abs(reference.value)) for part in others if implied.fits_multiple(part / abs(reference.value), target, qualifier)), None)
        if pair is None:
            return _unverifiable(claim, number, f"a multiple ({number.text!r}) that no two figures of the sentence give: sent to review, not blocked")
        return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(pair[0] / pair[1], 2), status="supported",
                       note=f"a multiple of two figures ({pair[0]:g} / {pair[1]:g}), each checked on its own")

    def _gap_to_own_cagr(self, claim: str, number: Numeral, own: re.Match[str]) -> Finding:
        """"alpha reaches 3.66%, five basis points above the CAGR": the figure told before, against
        the strategy's stored CAGR; that figure is checked on its own. Never blocks."""
        before = [other for other in self.numbers if other.end <= number.start and other.unit == "%"]
        cagr = self.facts.strategy.get("cagr")
        if before and cagr is not None:
            told = -before[-1].value if before[-1].negative else before[-1].value
            gap = abs(told - cagr * 100) * (100 if number.unit == "bps" else 1)
            side = (told > cagr * 100) == bool(own.group("above"))  # "34 basis points above" when it is below: wrong side
            if side and _fits(number.value, gap, number.decimals, self._qualifier(number)):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(gap, 4), status="supported",
                               note=f"the gap between {told:g}% and the stored CAGR, {cagr:.2%}")
        return _unverifiable(claim, number, f"a gap ({number.text!r}) to {own.group('own')} that the figure before it does not give: sent to review, not blocked")

    def _gap_of_own(self, claim: str, number: Numeral, own: re.Match[str]) -> Finding:
        """The gap "by N basis points" after two of the strategy's own figures compared; the side is the comparison's to check."""
        first, second = (self.facts.strategy.get(own_figure(own.group(name))) for name in ("first", "second"))
        if first is not None and second is not None:
            gap = abs(first - second) * (10_000 if number.unit == "bps" else 100)
            if _fits(number.value, gap, number.decimals, self._qualifier(number)):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(gap, 4), status="supported",
                               note=f"the gap between the stored {own_figure(own.group('first'))} and {own_figure(own.group('second'))}")
        return _unverifiable(claim, number, f"a gap ({number.text!r}) between two of its own figures that the store does not give: sent to review, not blocked")

    def _gap_of_figures(self, claim: str, number: Numeral, told: re.Match[str]) -> Finding:
        """"its worst fall, 54.0%, ran more than ten points deeper than the 43.7% XIT suffered": a
        gap in points between the figures on either side of it (or the two before it), signed,
        each checked on its own; supported when they are that far apart, else review (never blocks)."""
        qualifier = self._qualifier(number)
        ranged = RANGE_BEFORE.search(self.text, max(0, number.start - 25), number.start)  # "between 1 and 1.5 points ahead"
        shares = [other for other in self.numbers if other is not number and other.unit == "%"]
        before = [other for other in shares if other.end <= number.start]
        after = [other for other in shares if other.start >= number.end]
        than = THAN_AFTER.match(self.text, told.end()) or told.group(0).lower().endswith(("past", "beyond"))  # "deeper than the 43.7%", "past the 31.1%": the figure after is the other side
        sides = ((before[-1], after[0]) if before and after else ()) if than else tuple(before[-2:])  # "than the benchmark's.": the other side is a stored figure
        if len(sides) == 2:
            first, second = (-side.value if side.negative else side.value for side in sides)
            gap = abs(first - second)
            if (ranged and float(ranged.group(1)) <= gap <= number.value) or _fits(number.value, gap, number.decimals, qualifier):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(gap, 4), status="supported",
                               note=f"a gap of two figures ({first:g} and {second:g}), each checked on its own")
        return _unverifiable(claim, number, f"a gap ({number.text!r} points) that the figures beside it do not give: sent to review, not blocked")

    def _own_figure(self, number: Numeral) -> list[float]:
        """The strategy's stored figure of the metric named in the multiple's clause, as text writes it
        ("최대 낙폭은 지수(55.3%)의 절반 수준": the strategy's own drawdown is the other side), or the
        signals' counts for a count of signals."""
        span = self.clauses[self._clause_of(number)]
        named = _nearest_metric(self.masked, span.start, span.end, number)
        if SIGNALS_COUNTED.search(self.masked, span.start, span.end):  # "청산은 43건으로 진입 신호 수의 3분의 1 남짓": one signal's count against another's
            return [sheet["count"] for sheet in self.facts.signals.values() if sheet.get("count")]
        own = self.facts.strategy.get(named.metric) if named else None
        return [abs(own) * (100 if METRICS[named.metric].kind == "percent" else 1)] if own else []

    def _setting_at(self, number: Numeral) -> str | None:
        """The strategy parameter the figure equals as written (35% for ``target_vol`` 0.35), if any."""
        def scale(name: str) -> float:  # "carry_threshold_bp: 300" is 300 basis points, "min_roll_yield_pct: 0.75" is 0.75%
            return 100 if number.unit == "%" and not name.endswith("_pct") else 1
        def spelled(name: str) -> bool:  # basis points and days only for a setting kept in them
            return number.unit in ("%", "x", None) or (number.unit == "bps" and name.endswith(("_bp", "_bps"))) or (number.unit == "days" and DAYS_SETTING.search(name) is not None)
        signed = -number.value if number.negative else number.value  # "-90 밑이면 매수": a threshold of -90
        return next((name for name, value in self.facts.settings.items() if spelled(name) and _fits(signed if value < 0 else number.value, value * scale(name), number.decimals, None)), None)

    def _grows_capital(self, number: Numeral) -> bool:
        return number.unit == "x" and bool(KO_GROWN_CAPITAL.search(self.text, max(0, number.start - 30), number.start) or (GROWN_CAPITAL.search(self.text, max(0, number.start - 40), number.start) and not self.date_mentions))  # not "by the October 2024 peak it had multiplied capital 1.17 times"  # "1억 원은 2억 1,510만 원, 약 2.2배가 됐다": across the comma

    def _capital_multiple(self, claim: str, number: Numeral, target: float, qualifier: str | None) -> Finding:
        """"자산이 두 배를 넘었다": capital grown by a return the clause states ("115%를 벌어"), by the
        compounded return of the regimes it names or else by the whole test's; a mismatch, or the
        benchmark's capital, goes to review."""
        span = self.clauses[self._clause_of(number)]
        if self._benchmark_named_in(self._clause_of(number)) or BENCHMARK_WORD.search(self.text, span.start, number.start):
            return _unverifiable(claim, number, f"the benchmark's capital grown {number.text!r}: the store keeps the strategy's curve only")
        returns = [other.value / 100 for other in self.numbers if other.unit == "%" and span.start <= other.start < number.start]
        regimes = [self.facts.regimes.get(label, {}).get("total_return") for label in dict.fromkeys(label for label, at, _ in self.regimes if span.start <= at < span.end)]
        if regimes and None not in regimes:  # "상승장에서 평가액이 4.9배가 됐습니다": the regimes' growth, compounded
            returns.append(math.prod(1 + value for value in regimes) - 1)
        elif not regimes and (total := self.facts.strategy.get("total_return")) is not None:
            returns.append(total)
        grown = next((1 + r for r in returns if implied.fits_multiple(1 + r, target, qualifier, number.decimals)), None)
        if grown is None:
            return _unverifiable(claim, number, f"capital grown {number.text!r}, which no return the text or the store gives: sent to review, not blocked")
        return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(grown, 2), status="supported",
                       note=f"capital grown {grown:.2f} times by a return of {grown - 1:+.2%}")

    def _other_drawdown(self, stated: _Stated, reading: _Reading) -> Finding | None:
        """A drawdown figure that is not the maximum's: supported when it is the depth or length
        of another fall of the equity curve (`FactSheet.drawdowns`); in a sentence of one fall, of
        the peak and the state (regained or not) it tells."""
        field = EPISODE_FIGURES[reading.metric]
        single = sum(number.unit == "%" for number in self.numbers) <= 1  # one fall told: "2024년 7월 고점 이후 ... 만회하지 못한 하락의 깊이는 18.72%", that fall, open
        told = [m for m in self._peaks_told(stated.number) if m.start < stated.number.start]  # "전략은 2024년 10월 고점 이후 805일 동안": that peak's fall
        peaks = [m for m in self.date_mentions if PEAK_WORD_AFTER.match(self.text, m.end)] + told if single else []
        open_told = single and NOT_RECOVERED.search(self.text) is not None and not REGAINED_LATER.search(self.text)
        for fall in self.facts.drawdowns[1:]:
            value = float(getattr(fall, field))
            if not _matches(stated, replace(reading, stored=value), value):
                continue
            if (peaks and not any(m.covers(fall.peak) for m in peaks)) or (open_told and fall.recovery is not None):
                state = f"was regained on {fall.recovery}" if fall.recovery else "was never regained"
                return _unverifiable(stated.claim, stated.number, f"the fall of that size peaked on {fall.peak} and {state}, not as the text says: sent to review")
            return Finding(
                claim=stated.claim, kind="numeric", entity="strategy", metric=reading.metric, claimed=stated.value(METRICS[reading.metric].kind),
                stored=value, status="supported", note=f"not the maximum: the drawdown from the {fall.peak} peak ({fall.depth:.2%}, {fall.days} days)",
            )
        return None

    def _fall_of_curve(self, stated: _Stated, reading: _Reading | None, span: ctx.Clause) -> Finding | None:
        """"A 20.8% decline from June 2016 to August 2019", "13.1% down since a May 2023 peak",
        "still about 23% short of it", "994 days on": a fall told in the clause (its length: in
        the sentence), of the exact depth, end depth or length of one of the curve's falls and
        within the dates and regimes the clause names, is that fall (the maximum only where the
        sentence names the maximum)."""
        number = stated.number
        below = (KO_BELOW_PEAK.search(self.text[:number.start]) or KO_BOTTOMED_BELOW.match(self.text, number.end)  # "그 고점보다 36.3% 아래": no bound
                 or (self._below_it_peak(number) and KO_UNDER_AFTER.match(self.text, number.end)))  # "곡선 고점은 ... 1.656으로, 기말 평가액 1.384는 여전히 그보다 16.4% 아래"
        around = (0, len(self.masked)) if number.unit == "days" else (self._opening(span).start, span.end + 20)  # "23% short of it": a pivot starts a clause; "a later slide from October 2022, 6.8% at its worst": an appositive
        below_peak = EN_BELOW_PEAK_AFTER.match(self.text, number.end) or END_DEPTH_LABEL.search(self.text, 0, number.start)  # "sat 13.6% beneath that peak": bounds still count ("never more than 10% below its peak")
        sized = not (FALL_WORDS.search(self.masked, *around) or self._plain_fall(reading, span, around) or below or below_peak) and self._fall_sized(number)
        told = sized or FALL_WORDS.search(self.masked, *around) or self._plain_fall(reading, span, around) or below or below_peak
        if number.unit not in ("%", "days") or (stated.qualifier not in (None, "roughly", "a little over", *(("at most",) if below_peak else ())) and not below) or not told:
            return None
        if reading and (reading.entity == "benchmark" or (reading.plain and reading.metric not in ("max_drawdown", "total_return") and not BELOW_IT_AFTER.match(self.text, number.end))):
            return None  # but "equity slipped 14.73% below it", whatever the clause before named
        bounds_every_fall = stated.qualifier == "at most" and NEVER_BEFORE.search(self.text, 0, number.start)  # "never fell more than 10% below its peak": the deepest fall too
        falls = self.facts.drawdowns[:1] if ctx.names_maximum_drawdown(self.lowered) or bounds_every_fall else self.facts.drawdowns
        exact = replace(stated, qualifier=None) if below else stated
        opening = self._opening(span).start  # "the drawdown is still open: ..., at the last observation in June 2025, sat about 9% beneath that record"
        still = STILL_BELOW.search(self.lowered, span.start, span.end) or STILL_OPEN.search(self.lowered, opening, span.end) or (OPEN_FALL.search(self.lowered, 0, number.start) and AT_THE_CLOSE.search(self.lowered, span.start, span.end)) or (
            STILL_BELOW.search(self.lowered, opening, span.end) and not (reading and reading.plain))  # not "while it remains ahead of cash, its maximum drawdown was 9%"
        if DEPTH_TOLD.search(self.lowered, span.start, span.end):
            still = None  # "bottomed out 52.7% below its peak": how deep it went, not where it ends
        at_end = KO_AT_END.search(self.text, 0, number.start) or (below and KO_AT_END.search(self.text, number.end, span.end)) or (below_peak and ((close := EN_AT_END.search(self.text, opening)) and close.start() < number.start or EN_AT_END.match(self.text, below_peak.end() + 1) or END_DEPTH_LABEL.search(self.text, 0, number.start)))  # "기말 1.775는 그보다 17.5% 낮습니다": how far below its peak the curve ends, no depth
        peaks = [m for m in self._peaks_told(number) if at_end or m.start < number.start]  # the fall from the peak its part of the sentence dates before it (not "기말(2023.12.25)")
        for fall in falls:
            if number.unit == "days":
                figures = {"length": float(fall.days)} if abs(fall.days - number.value) < 0.5 else {}
            else:
                depth = _Reading("max_drawdown", "strategy", fall.depth, metric_sure=True, explicit=True, magnitude=True)
                told = (("end depth", fall.end_depth if still or below or below_peak else None),) if at_end else (("depth", fall.depth), ("end depth", fall.end_depth if still else None))
                figures = {name: value for name, value in told if value is not None and _matches(exact, depth, value)}
            if sized and any(m.start > number.end and not (m.covers(fall.trough) or (fall.recovery and m.covers(fall.recovery))) for m in self.date_mentions):
                continue  # "28.37% 하락은 2024년 10월 7일 주에 메워지기까지": a later date must be that fall's trough or recovery
            if figures and self._within(fall, span) and (not peaks or not (at_end or fall is not self.facts.drawdowns[0]) or any(m.covers(fall.peak) for m in peaks)):  # the deepest fall's dates are checked apart
                name, value = next(iter(figures.items()))
                metric = "max_drawdown_duration_days" if number.unit == "days" else "max_drawdown"
                return Finding(claim=stated.claim, kind="numeric", entity="strategy", metric=metric, claimed=stated.value(METRICS[metric].kind), stored=value,
                               status="supported", note=f"the {name} of the fall from the {fall.peak} peak ({fall.depth:.2%}, {fall.days} days)")
        return None

    def _peaks_told(self, number: Numeral) -> list[dates.DateMention]:
        """The dates the figure's part of the sentence (between semicolons) gives a peak ("2024년 10월
        고점 이후", "its late-2022 peak", "peaked in July 2022", "a slide from December 2021"): a fall
        told with one is the fall from that peak."""
        low, high = self.text.rfind(";", 0, number.start) + 1, (self.text.find(";", number.end) + 1 or len(self.text) + 1) - 1
        return [m for m in self.date_mentions if low <= m.start < high and not KO_END_DATED.search(self.text, 0, m.start) and (
            KO_PEAK_DATED.match(self.text, m.end) or KO_PEAK_NAMED_BEFORE.search(self.text, max(0, m.start - 12), m.start) or PEAK_DATED.match(self.text, m.end)
            or PEAK_OF.search(self.text, max(0, m.start - 16), m.start) or PEAKED_IN.search(self.text, max(0, m.start - 25), m.start) or FALL_FROM_BEFORE.search(self.text, max(0, m.start - 40), m.start))]

    def _fall_sized(self, number: Numeral) -> bool:
        """"그보다 얕았던 2015~2016년의 14.57% 하락이": a fall named by its size, where no regime is told
        of it (that would need checking: "59.27% 낙폭은 ... 약세 국면 ..."; a later date is checked)."""
        return bool(KO_FALL_NAMED_AFTER.match(self.text, number.end)) and not self.regimes

    def _end_below_peak(self, number: Numeral) -> bool:
        before = self.text[:number.start]
        return bool(KO_AT_END.search(before) and (KO_BELOW_PEAK.search(before) or self._below_it_peak(number)) and KO_UNDER_AFTER.match(self.text, number.end))

    def _below_it_peak(self, number: Numeral) -> bool:
        """"곡선 고점은 ... 1.656으로, 기말 평가액 1.384는 그보다": "than it" after a peak the sentence named."""
        return bool(KO_BELOW_IT.search(self.text, 0, number.start) and KO_PEAK.search(self.text, 0, number.start))

    def _plain_fall(self, reading: _Reading | None, span: ctx.Clause, around: tuple[int, int]) -> bool:
        """"거기서 23년 8월 말까지 49.8% 빠졌고": a plain verb of a fall tells one of the curve's falls
        only when the clause dates it, no regime is named and no noun names another metric
        ("누적 수익률은 8.1% 하락했다" is the total return)."""
        if self.regimes or ctx.BACK_REFERENCE.search(self.lowered) or (reading is not None and reading.metric_sure):
            return False
        return bool(KO_FALL_VERBS.search(self.masked, *around)) and any(span.start <= m.start < span.end for m in self.date_mentions)

    def _opening(self, span: ctx.Clause) -> ctx.Clause:
        """The first of the (up to two) clauses before ``span`` that state no figure of their own: the
        subject a figure set off after it belongs to ("a second decline, opened from a high on
        2023-10-09, reached 25.9%"); ``span`` itself when the clause before states one."""
        index = start = self.clauses.index(span)
        while index > 0 and start - index < 2 and not FIGURE_IN.search(self.text, self.clauses[index - 1].start, self.clauses[index - 1].end):
            index -= 1
        return self.clauses[index]

    def _depth_told_as_end(self, finding: Finding, number: Numeral, span: ctx.Clause) -> float | None:
        """"The deepest drawdown is still open, and the curve finished the test 72.5% below its
        peak": a depth where the clause tells the close; the open fall's end depth, when it is not that."""
        deepest = self.facts.drawdowns[0] if self.facts.drawdowns else None
        if deepest is None or deepest.end_depth is None or (finding.entity, finding.metric) != ("strategy", "max_drawdown") or finding.note.startswith("the end depth"):
            return None
        told = AT_THE_CLOSE.search(self.lowered, span.start, span.end) or KO_AT_END.search(self.text, span.start, number.start)
        return deepest.end_depth if told and not DEPTH_TOLD.search(self.lowered, span.start, span.end) else None

    def _misdated_maximum(self, finding: Finding, number: Numeral, span: ctx.Clause) -> bool:
        """"44.6%에 이른 가장 깊은 낙폭은 2020년 3월 코로나 투매 때 나왔다": the maximum drawdown,
        named as such, dated or placed in a regime where the deepest fall was not."""
        deepest = self.facts.drawdowns[0] if self.facts.drawdowns else None
        if deepest is None or finding.entity != "strategy" or finding.stored is None:
            return False
        if finding.metric == "max_drawdown_duration_days":  # "After peaking in March 2018, the strategy took 959 days to recover": the peak dated must be that fall's
            peaks = [m for m in self.date_mentions if m.start < number.start and (PEAKED_IN.search(self.text, max(0, m.start - 25), m.start) or KO_PEAK_START.match(self.text, m.end))]
            misdated = abs(finding.stored - deepest.days) < 0.5 and (bool(peaks) and not any(m.covers(deepest.peak) for m in peaks) or not self._within(deepest, span))
            twin = any(abs(fall.days - deepest.days) < 0.5 and (any(m.covers(fall.peak) for m in peaks) or (not peaks and self._within(fall, span))) for fall in self.facts.drawdowns[1:])
            return misdated and not twin  # "the 28.68% slide that started in May 2022 also lasted exactly 532 days": another fall as long
        if self._within(deepest, span):
            return False
        return finding.metric == "max_drawdown" and abs(finding.stored - deepest.depth) < 0.0005 and not ctx.ANOTHER_DRAWDOWN.search(self.lowered)

    def _within(self, fall: Drawdown, span: ctx.Clause) -> bool:
        """Whether every date and regime the clause names overlaps the fall, from its peak to its
        recovery (or the end of the test); the test's own start and end bound nothing."""
        last = fall.recovery or self.facts.events.get("end") or date.max - dates.SLACK
        bounds = [day for day in (self.facts.events.get("start"), self.facts.events.get("end")) if day]
        intervals = [(m.first, m.last) for m in self.date_mentions if span.start <= m.start < span.end and not any(m.covers(day) for day in bounds)]
        intervals += [
            (start, end) for label, at, _ in self.regimes
            if span.start <= at < span.end and (start := self.facts.events.get(f"regime.{label}.start")) and (end := self.facts.events.get(f"regime.{label}.end"))
        ]
        return all(first <= last + dates.SLACK and fall.peak - dates.SLACK <= end for first, end in intervals)

    def _topic_as_subject(self, span: ctx.Clause) -> re.Match[str] | None:
        """"Quarterly rolls of the contract, plus financing, cost about 0.15% a year": a topic the
        store has no figure for, as the sentence's subject, owns its figures until someone is named
        (not in an aside: "Dividends, which the price index leaves out, would have lifted ...")."""
        asides = [c for c in self.clauses if c.relative]
        named = [m for m in self.mentions if m.start < span.end and not any(c.start <= m.start < c.end for c in asides)]
        return None if named else self.lead_topic

    def _fall_point_in(self, span: ctx.Clause) -> str | None:
        """"2020년 4월 바닥에서 누적 수익률은 127.1%였다", "In April 2020, at the trough, the strategy
        was up 127.1%": a date in the figure's clause that is a fall's peak, trough or recovery makes
        a running figure (a total so far) that point's, not the whole test's."""
        points = [day for name, day in self.facts.events.items() if "drawdown." in name]
        bounds = [day for name, day in self.facts.events.items() if name in ("start", "end")]
        start = self._opening(span).start  # "In April 2020, at the trough, the strategy was up ...": and the clauses with no figure of their own that open it
        for mention in self.date_mentions:
            if start <= mention.start < span.end and not any(mention.covers(day) for day in bounds) and any(mention.covers(day) for day in points):
                return self.text[mention.start:mention.end]
        return None

    def _sub_period_of(self, span: ctx.Clause) -> re.Match[str] | None:
        """The sentence's part of the period, for a figure in ``span``: "weekly returns" only
        within its own clause ("the Sharpe ratio is 0.01, because volatility drag turns a small
        average weekly gain into a compound loss")."""
        period = self.sub_period
        if period and PER_INTERVAL.fullmatch(period.group(0)) and not span.start <= period.start() < span.end:
            return None
        return period

    def _sub_period(self) -> re.Match[str] | None:
        """A part of the period the sentence's figures are about ("in 2022"), unless it dates an
        episode ("bottomed in April 2022") or labels a regime ("in the 2013 trending stretch")."""
        for period in SUB_PERIOD.finditer(self.text):
            before = self.text[max(0, period.start() - 30):period.start()]
            labels_regime = any(  # the regime's name right after the date, or the date inside or just after it
                (period.end() <= start <= period.end() + 15 and not re.search(r"[,.;]|\d(?!\d*\s?(?:월|일))", self.text[period.end():start])) or start <= period.start() <= end + 12
                for _, start, end in self.regimes
            )
            week = any(m.start <= period.start() < m.end and m.first == m.last and WEEK_AFTER.match(self.text, m.end) for m in self.date_mentions)  # "2022년 3월 7일로 시작하는 주간에는": a week of the curve
            if not (week or EVENT_BEFORE.search(before) or KO_EVENT_BEFORE.search(before) or KO_EVENT_AFTER.match(self.text[period.end():]) or labels_regime or self._passed_in_fall(period) or self._bounds_run_under_start(period)
                    or dates.places_event(self.text, period.start(), period.end(), self.facts.events, names_regime=bool(self.regimes))):
                return period
        return None

    def _bounds_run_under_start(self, period: re.Match[str]) -> bool:
        """"2023년 10월 하순부터 기말까지 89주 연속으로 평가액이 1.0을 밑돌았다": the date bounds a run of
        weeks below the start, which the sentence tells; it is no part of the period for its figures."""
        under = self.facts.under_start
        when = next((m for m in self.date_mentions if m.start <= period.start() < m.end), None)
        return bool(under and when and UNDER_START.search(self.text) and any(when.covers(first) or when.covers(last) for first, last, _ in under.runs))

    def _passed_in_fall(self, period: re.Match[str]) -> bool:
        """"18년 1월 중순 1.500에서 ... 20년 4월을 지나 ... 떨어졌다": a month that a fall the sentence
        names (by the date of its peak or trough, or by its depth) ran through."""
        if not KO_PASSED_AFTER.match(self.text[period.end():]) or KO_WHOLE_PERIOD_NOUNS.search(self.text):  # "2020년 3월을 지나며 누적 수익률은 127.1%": a figure of the whole test, not of the fall
            return False
        when = next((m for m in self.date_mentions if m.start <= period.start() < m.end), None)
        end = self.facts.events.get("end")
        sized = KO_FALL_NOUN.search(self.text) is not None
        told = [fall for fall in self.facts.drawdowns if (sized and any(ctx.states_depth(n, fall.depth) for n in self.numbers)) or any(m.covers(fall.peak) or m.covers(fall.trough) for m in self.date_mentions if m is not when)]
        return when is not None and any(fall.peak <= when.first and when.last <= (fall.recovery or end or when.last) for fall in told)

    def _stated(self, number: Numeral, clause: int) -> _Stated:
        if number.text.startswith("+"):  # "상승장 +21%로 마이너스 국면이 하나도 없습니다": a plus sign tells the sign
            return _Stated(self.text[self.clauses[clause].start:self.clauses[clause].end].strip(), number, self._qualifier(number), False)
        span = self.clauses[clause]
        context = self.masked[span.start:span.end]
        appositive = APPOSITIVE.match(context) and self.text[span.start - 1:span.start] == ","
        if listed := self._listed(self.regimes, number):  # "all closed lower, by 11%, 7% and 2% respectively"
            return _Stated(self.text[span.start:span.end].strip(), number, self._qualifier(number), any(self._losses(listed[1], number.start)))
        if clause > 0 and (RESTATED.match(context) or FURTHER.search(context) or appositive):  # "cost 15% and ... a further 10%": the verb of the clause before
            return _Stated(self.text[span.start:span.end].strip(), number, self._qualifier(number), any(self._losses(self.clauses[clause - 1].start, span.end)))
        return _Stated(self.text[span.start:span.end].strip(), number, self._qualifier(number), self._loss_near(span.start, span.end, number))

    def _loss_near(self, start: int, end: int, number: Numeral) -> bool:
        """A word of loss near the figure in its clause ("lost 12%", "12% 손실"), not one about
        something else further off ("made 1.4% as the index slipped 0.2%"), nor a regime's name
        ("하락장에서 24%를 벌었고": names are masked), nor one that qualifies another noun ("a small
        negative beta (-0.21) lifts alpha to 3.57%")."""
        if POSITIVE_AT.search(self.lowered, max(0, number.start - 25), number.start):
            return False  # "alpha comes out positive at 2.07% despite the loss"
        return any(_words_between(self.lowered, loss, number) <= (LOSS_BEFORE if loss.end() <= number.start else LOSS_AFTER) for loss in self._losses(start, end)
                   if not (loss.end() <= number.start and KO_INDEX_FELL.search(self.text, max(0, loss.start() - 12), loss.start()) and KO_ANOTHER_NOUN.search(self.text, loss.end(), number.start)))  # "지수가 내렸기에 알파(3.66%)": the index's loss

    def _losses(self, start: int, end: int) -> Iterator[re.Match[str]]:
        """Words of loss in ``masked[start:end]``, but for those that qualify another noun."""
        return (loss for loss in NEGATIVE.finditer(self.masked, start, end) if not LOSS_OF_ANOTHER.match(self.masked, loss.end()))

    # -- which metric --

    def _metric(self, index: int, number: Numeral, clause: int, claimed: list[tuple[str, bool]]) -> _Named | None:
        """The metric named nearest the figure in its clause (a noun beats a verb); in a clause
        that states the other side of a comparison, or that names none, the metric named before
        (for a bare number only when it is the other side of a comparison or set off alone).
        Days can only be a drawdown's length, named anywhere in the sentence."""
        span = self.clauses[clause]
        if number.unit == "days":
            return _nearest_metric(self.masked, 0, len(self.masked), number)
        if in_order := self._named_in_order(number):
            return in_order  # "샤프·소르티노·칼마 0.34·0.50·0.11"
        if (own := self.own_comparison) and OWN_RESULT_BETWEEN.fullmatch(self.text, own.end(), number.start):
            told = any(own.start() <= other.start < own.end() for other in self.numbers)  # "Alpha of 1.65% sat below the annual return, at 3.94%": the second
            return _Named(own_figure(own.group("second" if told else "first")), by_noun=True)  # "drags alpha below the annual return, to -4.56%": the first of the two
        if number.unit in (None, "n") and ((WINNERS_AFTER.match(self.text[number.end:]) or KO_WINNERS_AFTER.match(self.text, number.end)) and not SHARE_OF_BEFORE.search(self.text[:number.start])
                                            or (OF_WHICH_BEFORE.search(self.text, max(0, number.start - 45), number.start) and MADE_MONEY_AFTER.match(self.text, number.end))) or (
                number.unit in (None, "n", "x") and WON_BEFORE.search(self.text, max(0, number.start - 20), number.start)) or (
                number.unit in (None, "n") and KO_HITS_BEFORE.search(self.text, max(0, number.start - 20), number.start)):
            return _Named("winning_trades", by_noun=True)  # "Only 33 trades were winners", not "of its 118 trades were winners"
        if number.share_of:
            return _Named("win_rate" if number.share_of == "trades" else "exposure", by_noun=True)
        if number.unit is None and index > 0 and self.numbers[index - 1].share_of == "trades" and self.numbers[index - 1].end == number.start:
            return None if RATIO_OF.search(self.numbers[index - 1].text) else _Named("num_trades", by_noun=True)  # the whole of "99 of 164", not of "two of every three"
        if number.unit == "%" and RETURN_AFTER.match(self.text[number.end:]):
            return _Named("total_return", by_noun=False)
        if clause > 0 and (LABEL_COLON.match(self.text, self.clauses[clause - 1].start, number.start) or LABEL_DASH.match(self.text, self.clauses[clause - 1].start, number.start)):  # "Trade count: 126 - hit rate: 36.51%", "Profitable - 19"
            label = self.clauses[clause - 1]
            if (named := _nearest_metric(self.masked, label.start, number.end, number)) and (named.by_noun or _names_rate(self.masked, label, named.metric)):  # to the figure: "연복리: 22.31%" looks ahead at it
                return replace(named, by_noun=True, label=label)  # "per annum: 5.33%" too
        if KO_OF_AFTER.match(self.text, number.end) and (owned := _nearest_metric(self.masked, number.end, min(span.end, number.end + 14), number)) and owned.by_noun:
            return owned  # "0.36의 샤프와 0.54의 소르티노": the noun after "의" names the figure before it
        found = _nearest_metric(self.masked, span.start, span.end, number)
        if found and found.by_noun:
            return found
        if number.unit == "x" and YEARLY_AFTER.match(self.text[number.end:]):
            return _Named("turnover", by_noun=False)  # "capital turned roughly five times a year"
        if number.unit == "%" and KO_YEARLY_BEFORE.search(self.text[span.start:number.start]):
            return _Named("cagr", by_noun=False)  # "연 17.8% 오른"
        if found and found.metric == "total_return" and ANNUALISED_LEAD.match(self.text):
            return _Named("cagr", by_noun=True)
        compared = span.pivot or (index > 0 and self._paired(self.numbers[index - 1], number))
        if number.unit is None and not compared and not self._alone(number) and not self._owner_alone(number):
            return found
        before = self._metric_before(number, claimed)
        if before and APPOSITIVE_AT.match(self.text[span.start:span.end]):
            return before
        if found and not (compared and before):
            return found
        if before is None and found is None and number.unit == "%" and self._scope(self.regimes, number):
            return _Named("total_return", by_noun=False)  # "the bull regime was the standout at +44.2%"
        chosen = before or found
        if chosen and number.text.startswith("+") and chosen.metric not in SIGNED and self._scope(self.regimes, number):
            return _Named("total_return", by_noun=False)  # "the trending regime was the best at +25%", after "every regime ended in profit"
        return chosen

    def _named_in_order(self, number: Numeral) -> _Named | None:
        """"샤프·소르티노·칼마 0.34·0.50·0.11", "Sharpe/Sortino: 0.41/0.58": names joined as a list,
        then as many figures joined the same way; each figure is the name in its place."""
        for listed in NAMES_THEN_FIGURES.finditer(self.text):
            figures = [match.span() for match in LISTED_FIGURE.finditer(self.text, listed.start("figures"), listed.end("figures"))]
            names = [(listed.start("names") + match.start(), listed.start("names") + match.end()) for match in LISTED_NAME.finditer(listed.group("names"))]
            if (number.start, number.end) in figures and len(names) == len(figures):
                start, end = names[figures.index((number.start, number.end))]
                named = _nearest_metric(self.masked, start, end, number)
                return named if named and named.by_noun else None
        return None

    def _metric_before(self, number: Numeral, claimed: list[tuple[str, bool]]) -> _Named | None:
        """The last metric claimed, or named, earlier in the sentence whose kind fits the unit; for
        a figure set off alone ("Half of the trades, 50.1%, were winners"), named anywhere in it."""
        clause = self._clause_of(number)
        if clause > 0:  # "its largest drawdown, 17.5%, ...": the noun just before, in a clause with no figure of its own
            previous = self.clauses[clause - 1]
            start = max([n.end for n in self.numbers if previous.start <= n.start < previous.end], default=previous.start)  # "0.85 that shortfall leaves alpha slightly negative, at -0.17%": after its own figure
            named = _nearest_metric(self.masked, start, previous.end, number)
            if named and named.by_noun and METRICS[named.metric].kind != "count":
                return _Named(named.metric, by_noun=False, inherited=True)
        for metric, plain in reversed(claimed):
            if METRICS[metric].kind != "count" and _unit_fits(METRICS[metric].kind, number.unit):
                return _Named(metric, by_noun=False, inherited=plain)
        found = _nearest_metric(self.masked, 0, number.start, number, before_only=True)
        if found is None and self._alone(number):
            found = _nearest_metric(self.masked, 0, len(self.masked), number)
        return _Named(found.metric, by_noun=False) if found and METRICS[found.metric].kind != "count" else None

    def _gap_spread(self, span: ctx.Clause) -> bool:
        """"A spread of 8.7 points" in a sentence that names the benchmark: the gap between the two."""
        return any(n.unit == "pp" for n in self.numbers if span.start <= n.start < span.end) and any(m.entity == "benchmark" for m in self.mentions)

    def _is_spread(self, number: Numeral, named: _Named | None) -> bool:
        """A gap between strategy and benchmark: "beat SPY by 5%", or any figure in percentage
        points ("an edge of 3.6 points"), the unit of differences, except an alpha."""
        before = self.text[:number.start]
        after_comparison = bool(COMPARE.search(before) and SPREAD_BEFORE.search(before))
        compared_after = bool(KO_COMPARE.match(self.text[number.end:number.end + 12].lstrip("가량약정도 ")))  # "1.6%p가량 뒤처졌고 알파도 ...": the alpha is the next claim's
        return after_comparison or (number.unit == "pp" and (compared_after or not (named and named.by_noun and named.metric == "alpha")))

    def _spread(self, number: Numeral, named: _Named | None) -> _Reading:
        """How far the strategy and the benchmark are apart on the metric the clause names (a
        noun), else the one the comparison names, else growth (CAGR)."""
        comparisons = list(COMPARE.finditer(self.text, 0, number.start))
        compared = compared_on(self.text, comparisons[-1]) if comparisons else "growth"
        if KO_DEPTH_AFTER.match(self.text, number.end):  # "XMJ의 35.2%보다 9.7%p 깊었다": a gap in depth
            compared = "max_drawdown"
        opened = self.text.rfind("(", 0, number.start)
        if opened > self.text.rfind(")", 0, number.start) and (before := _nearest_metric(self.masked, max(0, opened - 15), next(n.end for n in self.numbers if n.start > opened), number, before_only=True)) and before.by_noun:
            compared = before.metric  # "가장 깊은 하락폭(58.85%, 지수 44.2%로 14.65%p 차)": the gap of the bracket's pair
        metric = named.metric if named and named.by_noun and named.metric != "alpha" else {"growth": "cagr"}.get(compared, compared)  # an alpha is itself a gap
        ours, theirs = self.facts.strategy.get(metric), self.facts.benchmark.get(metric)
        gap = abs(ours - theirs) if ours is not None and theirs is not None else None
        return _Reading(metric, "strategy vs benchmark", gap, metric_sure=True, explicit=True, magnitude=True)

    # -- whose figure --

    def _reading(self, index: int, number: Numeral, clause: int, named: _Named) -> _Reading:
        if named.label and not METRICS[named.metric].strategy_only:
            entity, explicit = next((m.entity for m in self.mentions if named.label.start <= m.start < named.label.end), "strategy"), True
        else:
            entity, explicit = self._entity(index, number, clause, named.metric)
        told_yearly = named.metric == "total_return" and YEARLY_AFTER.match(self.text[number.end:])  # "an 11.6% yearly gain": the CAGR
        metric, stored_entity, stored = self._stored("cagr" if told_yearly else named.metric, entity, number)
        yearly = metric == "cagr" and bool(YEARLY_AFTER.match(self.text[number.end:]) or KO_YEARLY_BEFORE.search(self.text[max(0, number.start - 6):number.start]))
        return _Reading(metric, stored_entity, stored, named.by_noun or yearly, explicit, plain=(named.by_noun and named.near) or named.inherited or yearly)

    def _entity(self, index: int, number: Numeral, clause: int, metric: str) -> tuple[ctx.Entity, bool]:
        """Strategy or benchmark, and whether the text named it for this figure. In order: a
        name right next to the figure; the other side of an "A vs B" pair; a name in the clause;
        for "which ..." the name just before; the other side of a comparison ("ahead of the
        3.2% ..."); else the sentence's subject so far."""
        if METRICS[metric].strategy_only:
            return "strategy", True
        if (own := self.own_comparison) and own.start() <= number.start < own.end() and not any(own.start() <= m.start < own.end() for m in self.mentions):
            return "strategy", True  # "alpha, 0.68%, ends up below the 2.11% CAGR": its own CAGR, when no other owner is named in the comparison
        if (standard := KO_STANDARD_AFTER.match(self.text[number.end:])) and (compared := KO_COMPARE.search(self.text, number.end, self.clauses[clause].end)):
            if not KO_VERB_BETWEEN.search(self.text, number.end + standard.end(), compared.start()):  # "8.3%를 벌어 지수를 앞질렀다": 벌어 takes the 8.3%
                return ctx.other_side(self.subjects[clause]), False
        opened = self.text.rfind("(", 0, number.start)
        if opened > self.text.rfind(")", 0, number.start) and (named_before := next((m for m in self.mentions if 0 <= opened - m.end <= 1 and m.entity == "benchmark" and not PRONOUN.fullmatch(self.text, m.start, m.end)), None)) and not PAIR_WORDS.search(self.text, opened, closed := self.text.find(")", opened) % (len(self.text) + 1)) and not any(opened < m.start < closed for m in self.mentions):
            return named_before.entity, True  # "Against the ChiNext index (Sharpe -0.41, drawdown 46.10%) CATL's book ...": the bracket after a name holds its figures
        if (pair := BRACKET_PAIR_AFTER.match(self.text, number.end)) and opened > self.text.rfind(")", 0, number.start):
            labelled = next((m for m in self.mentions if m.start == pair.start("name")), None)
            if labelled is not None:
                return ctx.other_side(labelled.entity), True  # "고점 대비 하락(29.15%, 지수 38.6%)": the bracket's first figure is the other side's
        if KO_MULTIPLE_OF_BEFORE.search(self.text, 0, number.start):  # "지수의 3분의 1 남짓인 26.85%": the subject's, a fraction of the index's
            return self.subjects[clause], True
        if index > 0 and (than := KO_THAN_FIGURE_BEFORE.search(self.text, max(0, number.start - 25), number.start)) and self.numbers[index - 1].end == than.start():
            standard = next((m for m in reversed(self.mentions) if m.end <= self.numbers[index - 1].start and self.numbers[index - 1].start - m.end <= 3), None)
            if standard is not None:
                return ctx.other_side(standard.entity), True  # "샤프마저 지수의 0.38보다 낮은 0.24": the other side of the figure it is compared with
        if owner := KO_OWNER_AFTER.match(self.text[number.end:]):
            after = number.end + owner.end()
            named_after = next((m for m in self.mentions if number.end <= m.start <= after + 1), None)  # "에 머문 이 전략과는": the name may begin with the small words
            if named_after is not None:
                return named_after.entity, True
        if standard := self._compared_to_before(number, self.clauses[clause]):
            return ctx.other_side(standard), True  # "JOSMGNFF가 연 1.28%씩 뒷걸음친 데 비하면 연 -0.44%는", "전략은 IWM과 비교해 최대 낙폭이 25.2%로": the figure after the standard
        if adjacent := self._adjacent_mention(number, clause, metric):
            if PRONOUN.fullmatch(self.text, adjacent.start, adjacent.end) and (named_other := self._named_after_pair(index, metric)):
                return ctx.other_side(named_other), True  # "it shed more, 41.6% ... versus 25.8% for the strategy": the pair's named side decides
            if adjacent.start > 0 and PRONOUN.fullmatch(self.text, adjacent.start, adjacent.end) and self._pronoun_is_benchmark(adjacent):
                return "benchmark", False  # "The uranium ETF's Sharpe was 0.08 ..., and its 78.6% collapse": the sentence's subject, unsure
            return adjacent.entity, True
        if index > 0 and self._paired(self.numbers[index - 1], number):
            left, _ = self._entity(index - 1, self.numbers[index - 1], self._clause_of(self.numbers[index - 1]), metric)
            if self._regime_named_in(clause):  # "(-17%, against -8% in the 2015-16 sideways phase)": two regimes of the strategy
                return left, True
            return ctx.other_side(left), True
        span = self.clauses[clause]
        if index + 1 < len(self.numbers) and self._paired(number, self.numbers[index + 1]):
            if named_other := self._named_after_pair(index, metric):  # "41.6% peak to trough versus 25.8% for the strategy"
                return ctx.other_side(named_other), True
            return self._relative_to(clause) or self._subject_in(clause, number) or self.subjects[clause], False
        inside = [
            m for m in self.mentions
            if span.start <= m.start < span.end and not self._korean_after(number, m)
            and not (m.start >= number.end and self._owner_of_another(self.text[number.end:m.start]))
            and not (m.end <= number.start and KO_STANDARD_AFTER.match(self.text[m.end:]))  # "비교 지수보다 ... 샤프 비율은 0.41": the standard, not the owner
        ]
        if inside:
            return min(inside, key=lambda m: _gap(m.start, m.end, number)).entity, True
        if relative := self._relative_to(clause):
            return relative, True
        other_side_first = bool(numerals(self.text[span.start:number.start]))  # "above 70 lost 23.4%": 70 is what "above" compares
        if span.pivot and self._qualifier(number) is None and not self._regime_named_in(clause) and not other_side_first:  # "above 0.5" bounds the subject's own figure; "worse than the 6% of the bear regime" compares regimes
            return ctx.other_side(self.subjects[clause]), False
        if OTHER_SUBJECT.match(self.text[span.start:number.start]):  # "while sterling lost 2.5% a year" (no name in the clause)
            return ctx.other_side(self.subjects[clause]), False
        return self.subjects[clause], False

    def _subject_in(self, clause: int, number: Numeral) -> ctx.Entity | None:
        """The name that opens the figure's clause, when the clause opens the sentence ("The ETF won
        easily once risk is counted (Sharpe 0.61 against -0.11)")."""
        span = self.clauses[clause]
        opening = next((m for m in self.mentions if span.start <= m.start < number.start), None)
        return opening.entity if (clause == 0 or ADVERBIAL_OPENING.fullmatch(self.text, 0, span.start)) and opening is not None and LEAD_WORDS.match(self.text, span.start).end() >= opening.start else None

    def _compared_to_before(self, number: Numeral, span: ctx.Clause) -> ctx.Entity | None:
        """The name a Korean clause set up as the standard ("...에/데 비하면") before the figure, no
        name standing between."""
        versus = None
        for versus in KO_COMPARED_TO.finditer(self.text, span.start, number.start):
            pass
        if versus is None or any(versus.end() <= m.start < number.start for m in self.mentions):
            return None
        named = [m for m in self.mentions if span.start <= m.start < versus.start()]
        return named[-1].entity if named else None

    def _pronoun_is_benchmark(self, pronoun: ctx.Mention) -> bool:
        """"its" after a sentence opened by the benchmark as its subject ("On a risk basis XTN was
        clearly ahead, ..., although its 44.2% worst decline"; not "Relative to NIFTYBANK, the
        strategy ..."), when the strategy is named between only as a comparison's other side ("0.48
        for the rotation", "one fifth of the strategy's 0.39"; not "and the crossover at 6.3%")."""
        first = self.clauses[0]
        subject = next((m for m in self.mentions if first.start <= m.start < first.end and not NOT_SUBJECT_BEFORE.search(self.text, 0, m.start)), None)
        if subject is None or subject.entity != "benchmark" or PRONOUN.fullmatch(self.text, subject.start, subject.end):
            return False
        between = [m for m in self.mentions if subject.end <= m.start < pronoun.start and m.entity == "strategy"]
        return all(OTHER_SIDE_BEFORE.search(self.text, max(0, m.start - 25), m.start) for m in between)

    def _named_after_pair(self, index: int, metric: str) -> ctx.Entity | None:
        """For the first figure of an "A versus B" pair, the name right after B ("25.8% for the
        strategy"), when one is there and is no pronoun."""
        if index + 1 >= len(self.numbers) or not self._paired(self.numbers[index], self.numbers[index + 1]):
            return None
        other = self.numbers[index + 1]
        named = self._adjacent_mention(other, self._clause_of(other), metric)
        return named.entity if named and named.start >= other.end and not PRONOUN.fullmatch(self.text, named.start, named.end) else None

    def _signal_average(self, claim: str, number: Numeral, clause: int) -> Finding | None:
        """"손절 신호는 17번 나왔고 평균 -1.71%였습니다": a Korean average in a clause about signals, equal
        to the stored average return of the one signal the sentence names or counts right."""
        if number.unit != "%" or not KO_AVERAGE_BEFORE.search(self.text, max(0, number.start - 10), number.start) or not self._about_signals(clause):
            return None
        reading = _Reading("avg_return", "strategy", None, metric_sure=True, explicit=False)
        named = list(dict.fromkeys(name for name, _, _ in self.signals)) or self._counted_signals()  # the signal the sentence names (once), or whose count it gives
        return self._one_signal(claim, self._stated(number, clause), reading, "avg_return", named)

    def _regime_offset(self, claim: str, number: Numeral, edge: re.Match[str]) -> Finding:
        """"from a 6 September 2021 high, roughly seventy days after bearish conditions set in": the
        days (or weeks) between the date told just before and the start or end of the regime named."""
        named = ctx.regime_spans(self.lowered[edge.start():edge.end()]) or [span for span in self.regimes if span[2] <= number.start][-1:]  # "short of when that regime closed": the one named before
        anchor = next((m for m in reversed(self.date_mentions) if m.end <= number.start and m.exact), None)  # a day, or a month or a part of one
        boundary = "start" if edge.group("start") or (edge.group("after") and not edge.group("end")) else "end"  # "seven weeks into the volatile regime": from its start
        when = self.facts.events.get(f"regime.{named[0][0]}.{boundary}") if named else None
        if anchor is None or when is None or not self._dates_an_event(anchor):
            return _unverifiable(claim, number, "days from a regime's start or end, counted from a day that is no peak, trough or recovery the store knows: sent to review")
        if (edge.group("before") and anchor.first > when) or (edge.group("after") and anchor.last < when):
            return _unverifiable(claim, number, f"the day told lies on the other side of the {named[0][0]} regime's {boundary} ({when}): sent to review")
        days = number.value * (7 if number.unit is None else 1)
        near, far = sorted((abs((when - anchor.first).days), abs((when - anchor.last).days)))
        actual = near if anchor.first == anchor.last else (near + far) // 2
        slack = 3 if number.unit is None else 1
        if self._qualifier(number) == "roughly" or ROUGHLY.search(self.text, max(0, number.start - 12), number.start):
            slack = max(slack, days * 0.1)
        status = "supported" if near - slack - 1 <= days <= far + slack + 1 else "unverifiable"  # a regime starts the day after the last one ends
        return Finding(claim=claim, kind="numeric", entity=f"regime:{named[0][0]}", metric="days_from_regime_edge", claimed=days, stored=float(actual), status=status,
                       note=f"{actual} days between {anchor.first} and the {named[0][0]} regime's {boundary} ({when})" + ("" if status == "supported" else ": sent to review"))

    def _dates_an_event(self, mention: dates.DateMention) -> bool:
        """Whether a date is one of the curve's stored events, of the kind the words around it name:
        a high or peak, a trough or low, or a recovery ("from a 6 September 2021 high")."""
        end = mention.end + 25
        while end < len(self.lowered) and (self.lowered[end].isalnum() or self.lowered[end] == "-"):
            end += 1  # a whole word: "high" of "high-volatility" is no high
        around = self.lowered[max(0, mention.start - 30):end]
        kinds = [kind for kind, words in EVENT_KINDS.items() if words.search(around)] or list(EVENT_KINDS)
        return any(mention.covers(day) and any(name == kind or name.endswith(f".{kind}") or (kind == "peak" and name == "high") or (kind == "trough" and name == "low") for kind in kinds)
                   for name, day in self.facts.events.items())

    def _weeks_under_start(self, claim: str, number: Numeral, span: ctx.Clause) -> Finding:
        """"원금 아래에서 마감한 주는 모두 115주", "89주 연속으로 평가액이 1.0을 밑돌았다", "85 weeks below its
        starting value": the curve's weekly points below its start, in all or in one run in a row."""
        under = self.facts.under_start
        if under is None or not WEEKLY_STEP[0] <= under.step_days <= WEEKLY_STEP[1]:
            return _unverifiable(claim, number, "weeks below the start, which the store counts only for a weekly curve")
        start = self._opening(span).start
        told = self.text[start:span.end]  # the figure's clause, and the figure-free ones that open it
        in_a_row = IN_A_ROW.search(told) is not None or LONGEST.search(told) is not None
        dated = [m for m in self.date_mentions if span.start <= m.start < span.end] or [m for m in self.date_mentions if start <= m.start < span.end]  # its own clause's dates first
        runs = [run for run in under.runs if not dated or any(m.covers(run[0]) or m.covers(run[1]) for m in dated)]  # "2016년 3월부터 27주 연속": the run of that date
        counts = [length for _, _, length in runs] if in_a_row else [under.points]
        if dated and not in_a_row:  # "2020년 2~4월에 10주": the weeks of the runs within the dates told
            low, high = min(m.first for m in dated) - dates.SLACK, max(m.last for m in dated) + dates.SLACK
            counts = [sum(length for first, last, length in under.runs if low <= first and last <= high)]
            if OPEN_BOUND.search(told):
                counts.append(under.points)  # "2019년 말까지 원금을 밑돈 주는 모두 34주", "Since January 2013 ... 34 weeks in all"
        if LONGEST.search(told):
            counts = [max((length for _, _, length in runs), default=0)]  # "가장 긴 연속 구간은 ... 123주": of the dates told, if any
        if OUT_OF_ALL_AFTER.match(self.text, number.end):
            in_a_row, counts = False, [under.total]  # "574주 가운데 309주": every week of the curve
        if AFTER_THE_START.search(self.text, max(0, number.start - 12), number.start) and under.runs and (test_start := self.facts.events.get("start")):
            in_a_row, counts = False, [round((under.runs[0][0] - test_start).days / 7)]  # "출발 8주 만에 원금 밑으로": weeks until the first close below the start
        qualifier = self._qualifier(number)
        base = {"claim": claim, "kind": "numeric", "entity": "strategy", "metric": "weeks_below_start", "claimed": number.value}
        if any(_fits(number.value, count, 0, qualifier) for count in counts):
            return Finding(**base, stored=float(next(c for c in counts if _fits(number.value, c, 0, qualifier))), status="supported",
                           note=f"weeks the curve closed below its start ({'a run in a row' if in_a_row else 'in all'})")
        told = f"runs of {', '.join(str(c) for c in counts[-5:])}" if in_a_row else f"{under.points} in all"
        return Finding(**base, stored=float(under.points), status="unverifiable", note=f"weeks the curve closed below its start: {told}, not what the text says: sent to review")

    def _counted_signals(self) -> list[str]:
        """The stored signals whose count the sentence states ("청산은 43건", "61번 걸려")."""
        counts = {n.value for n in self.numbers if n.unit == "n"}
        return [name for name, sheet in self.facts.signals.items() if sheet.get("count") in counts]

    def _about_signals(self, clause: int) -> bool:
        """A Korean clause about signals: it names one ("진입 신호 적중률"), or the sentence does and the
        clause names no strategy ("구리 돈치안 전략의 적중률" is the strategy's win rate)."""
        span = self.clauses[clause]
        return bool(KO_SIGNAL_WORDS.search(self.text, span.start, span.end) or ((KO_SIGNAL_WORDS.search(self.text) or self.signals) and not self._strategy_named_in(clause)))

    def _benchmark_named_in(self, clause: int) -> bool:
        return self._named_in(clause, "benchmark")

    def _strategy_named_in(self, clause: int) -> bool:
        return self._named_in(clause, "strategy")

    def _named_in(self, clause: int, entity: str) -> bool:
        span = self.clauses[clause]
        return any(m.entity == entity and span.start <= m.start < span.end for m in self.mentions)

    @staticmethod
    def _owner_of_another(gap: str) -> bool:
        """Whether a name after a figure, ``gap`` after it, owns another figure: the other side of a
        comparison ("... exposure to the index"), the subject of another clause ("1% a year as the
        index added 5.1%") or an aside's ("샤프 0.42(지수 0.31)")."""
        return bool(NOT_SUBJECT_BEFORE.search(gap) or OTHER_CLAUSE_BEFORE.search(gap) or gap.rstrip().endswith("("))

    def _regime_named_in(self, clause: int) -> bool:
        span = self.clauses[clause]
        return any(span.start <= start < span.end for _, start, _ in self.regimes)

    def _relative_to(self, clause: int) -> ctx.Entity | None:
        """For a "which ..." clause, the name just before it ("its benchmark, EWT, which compounded at 6.3%")."""
        if not self.clauses[clause].relative:
            return None
        for previous in reversed(self.clauses[:clause]):  # "CANE, whose return was 0.94% and whose Sharpe was 0.07": back past the first "whose"
            before = [m for m in self.mentions if previous.start <= m.start < previous.end]
            if before or not previous.relative:
                return before[-1].entity if before else None
        return None

    def _adjacent_mention(self, number: Numeral, clause: int, metric: str) -> ctx.Mention | None:
        """A name at most three words before the figure ("SPY's Sharpe of 0.15") or four short
        words after it ("the 3.2% that SPY delivered", "11.4% for the benchmark"); the metric's
        own noun and small words do not count, and on a tie the name before wins ("its Sharpe
        of 0.47 topped the benchmark's 0.36")."""
        noun = _WORDS[metric][0]
        span = self.clauses[clause]
        best: tuple[int, ctx.Mention] | None = None
        for mention in self.mentions:
            if not span.start <= mention.start < span.end:
                continue
            gap = self.text[mention.end:number.start] if mention.end <= number.start else self.text[number.end:mention.start]
            if self._korean_after(number, mention) or (mention.start >= number.end and self._owner_of_another(gap)):  # "0.31 on Sharpe to the index's 0.16": the index is the other side
                continue
            if mention.end <= number.start and NOT_SUBJECT_BEFORE.search(self.text, max(0, mention.start - 20), mention.start) and (
                    OBJECT_PRONOUN.fullmatch(self.text, mention.start, mention.end) or self._starts_pair(number)):
                continue  # "ITA also edged it (Sharpe 0.66 to 0.61)", "the book outscored XMM 0.47 Sharpe to 0.43": the object, the first figure is the subject's
            words = len([w for w in re.findall(r"[a-z가-힣]+", noun.sub(" ", gap.lower()) if noun else gap.lower()) if w not in SMALL_WORDS])
            limit = 3 if mention.end <= number.start else 4
            if not re.search(r"\d", gap) and words <= limit and (best is None or words < best[0] or (words == best[0] and mention.end <= number.start)):
                best = (words, mention)
        return best[1] if best else None

    def _starts_pair(self, number: Numeral) -> bool:
        index = self.numbers.index(number)
        return index + 1 < len(self.numbers) and self._paired(number, self.numbers[index + 1])

    def _korean_after(self, number: Numeral, mention: ctx.Mention) -> bool:
        """A name after the figure with Korean between: Korean names a figure's owner before it."""
        return mention.start > number.start and bool(ko.HANGUL.search(self.text[number.end:mention.start]))

    def _paired(self, left: Numeral, right: Numeral) -> bool:
        """"0.29 against 0.05", "0.60 대 0.44", "0.31 to 0.24" (not "from 14.7% to 11.5%", a change)."""
        gap = self.text[left.end:right.start]
        return bool(PAIR_GAP.match(gap) or (PAIR_TO.fullmatch(gap) and not CHANGE_FROM.search(self.text, max(0, left.start - 12), left.start)))

    def _subjects(self) -> list[ctx.Entity]:
        """For each clause, whose figures the sentence is about so far: the first name in the
        latest clause that is neither a comparison's other side nor a "which ..." clause."""
        subject: ctx.Entity = "strategy"
        found = []
        for index, span in enumerate(self.clauses):
            found.append(subject)
            named = [
                m for m in self.mentions
                if span.start <= m.start < span.end and not NOT_SUBJECT_BEFORE.search(self.text[max(0, m.start - 20):m.start]) and not KO_NOT_SUBJECT_AFTER.match(self.text[m.end:])
            ]
            compared = KO_COMPARED_CLAUSE.search(self.text, span.start, span.end)
            marked = [m for m in named if KO_SUBJECT_AFTER.match(self.text[m.end:]) and not compared]  # "전략이 ...", "QQQ가 ..."
            if marked:
                subject = marked[0].entity
            elif named and not span.pivot and not span.relative and not compared and not ko.HANGUL.search(self.text, span.start, span.end):
                subject = named[0].entity  # Korean marks its subject: "PALL 낙폭(68.3%)의 35%" is no subject
            elif not named and index > 0 and TURN_BACK.match(self.text[self.clauses[index - 1].end:span.start]):
                subject = found[0]  # "..., its benchmark, EWL, which grew 6.6% a year, but had a higher Sharpe": the first subject again
        return found

    def _stored(self, metric: str, entity: ctx.Entity, number: Numeral) -> tuple[str, str, float | None]:
        """(metric, entity label, stored value) for the figure, in the regime or signal the
        sentence is talking about there."""
        signal = self._scope(self.signals, number)
        if signal and metric == "winning_trades" and {"count", "hit_rate"} <= self.facts.signals[signal].keys():
            figures = self.facts.signals[signal]  # "Vol rescales: 318, 152 positive": the signal's winners, its hit rate of its count
            return "winning_trades", f"signal:{signal}", figures["count"] * figures["hit_rate"]
        if signal and metric in SIGNAL_METRICS:
            metric = SIGNAL_METRICS[metric]
            return metric, f"signal:{signal}", self.facts.signals[signal].get(metric)
        named, metric = metric, STRATEGY_SYNONYMS.get(metric, metric)  # "the trend phase since 2020, a third of the test,": the share of time of the regime just named
        regime = self._scope(self.regimes, number)
        if regime and metric == "max_drawdown" and (OCCURRED_IN.match(self.lowered[number.end:]) or (ctx.names_maximum_drawdown(self.lowered) and not self._regime_named_in(self._clause_of(number)))):
            regime = None  # "the maximum drawdown of 12.8% occurred in the bear market": the whole period's, located in a regime
        if regime and metric not in REGIME_FIGURES:
            regime = None  # "its 1.18 beta means the falling market explains some of that": no regime has a beta
        if regime == OTHER_PERIOD:
            return metric, "a period the store has no regime for", None
        if regime and not self._regime_named_in(self._clause_of(number)) and not (named == "share_of_time" and self._clause_of(number) > 0 and self._regime_named_in(self._clause_of(number) - 1)) and metric not in self.facts.regimes.get(regime, {}):
            regime = None  # "...횡보장에서 17.6% 하락해 ..., 알파는 연 -28.4%": alpha is the whole period's
        if regime and entity == "benchmark" and not self._regime_named_in(self._clause_of(number)) and self._benchmark_next_to(number, metric):
            regime = None  # "...inside the bear regime ...; the benchmark's worst fall, at 6.8%": the benchmark's whole period
        if regime and entity == "benchmark":
            return metric, f"benchmark in regime:{regime}", None  # the store has no benchmark figures per regime
        if regime:
            metric = "share_of_time" if metric == "exposure" else metric
            return metric, f"regime:{regime}", self.facts.regimes.get(regime, {}).get(metric)
        if entity == "benchmark":
            return metric, "benchmark", self.facts.benchmark.get(metric)
        return metric, "strategy", self._sheet("strategy").get(metric)

    def _other_regime(self, stated: _Stated, reading: _Reading, clause: int) -> _Reading | None:
        """"the quiet months earned the better Sharpe, 2.31 against 1.85": the other side of a
        comparison inside a regime, where the clause names neither a benchmark nor a regime, is
        another regime the sentence names, or else the regime itself ("the 2021-23 bear trailed
        (-27%, -0.60)": ranked last, beside no benchmark), when its stored figure is the one stated
        (the store keeps no benchmark figure per regime)."""
        if reading.stored is not None or not reading.entity.startswith("benchmark in regime:") or self._regime_named_in(clause):
            return None
        if self._benchmark_named_in(clause):
            return None
        current = reading.entity.removeprefix("benchmark in regime:")
        itself = [] if any(m.entity == "benchmark" for m in self.mentions) else [current]  # "the benchmark outperformed, losing only 12%" is no regime's
        for label in [*dict.fromkeys(label for label, _, _ in self.regimes if label != current), *itself]:
            value = self.facts.regimes.get(label, {}).get(reading.metric)
            other = replace(reading, entity=f"regime:{label}", stored=value)
            if value is not None and _matches(stated, other, value):
                return other
        return None

    def _benchmark_next_to(self, number: Numeral, metric: str) -> bool:
        adjacent = self._adjacent_mention(number, self._clause_of(number), metric)
        return adjacent is not None and adjacent.entity == "benchmark"

    def _scope(self, spans: list[tuple[str, int, int]], number: Numeral) -> str | None:
        """The regime (or signal) named in the figure's clause, else the last one named before it
        in the sentence, unless the text turned back to the whole period ("overall"); with
        "respectively", the one named in the same place in the list."""
        if listed := self._listed(spans, number):
            return listed[0]
        if spans is self.regimes and PERIOD_LOW_BEFORE.search(self.text, max(0, number.start - 20), number.start):
            return None  # "... 약세 국면의 끝 무렵인 2020년 2월 24일 주 0.68(기간 최저)까지 46.81% 꺼졌다": the whole period's deepest fall
        span = self.clauses[self._clause_of(number)]
        inside = [(label, start, end) for label, start, end in spans if span.start <= start < span.end
                  and not (start >= number.end and RANKED_AGAINST.search(self.lowered, span.start, start))  # "it came second (1.04) to the 2020-21 volatile spell"
                  and not (start >= number.end and self._deepest_fall_placed(number, span, label, end))
                  and not (spans is self.regimes and KO_REGIME_PART_AFTER.match(self.text, end) and self._fall_figure(number))]  # "강세 국면 후반, 2025년 3월 10일 주의 0.709로 낙폭은 58.85%": a time in it
        if inside:  # "from +5% in the trending phase to +22% in the high-volatility year": the nearest one
            return min(inside, key=lambda found: _gap(found[1], found[2], number))[0]
        if spans is self.regimes and (named_after := self._regime_after(spans, number)):
            return named_after
        before = [(label, start) for label, start, end in spans if start < span.start and not (spans is self.regimes and KO_REGIME_PART_AFTER.match(self.text, end) and self._fall_figure(number))]
        if not before or ctx.REGIME_RESET.search(self.lowered, before[-1][1], span.end):
            return None
        if spans is self.regimes and NAMED_PERIOD.search(self.text, span.start, span.end):
            return OTHER_PERIOD  # "..., the bear the only one in the red, and the Covid year still finished 3% higher"
        return before[-1][0]

    def _fall_figure(self, number: Numeral) -> bool:
        """A fall's size or a level named right before the figure ("낙폭은 58.85%"), not a return."""
        return bool(DRAWDOWN_NOUN.search(self.text, max(0, number.start - 8), number.start))

    def _deepest_fall_placed(self, number: Numeral, span: ctx.Clause, regime: str, regime_end: int) -> bool:
        """"최대 낙폭 34%는 강세 국면이던 2016년 6월 ... 시작됐다": the maximum drawdown told as the
        topic, then the regime where it began or ran (its peak or trough in that regime): a place in
        time, not its owner (unlike "수익 48%는 강세 국면에서 나왔다", the regime's own return)."""
        ran = FALL_RAN.search(self.text, regime_end, max(span.end, self.text.find(". ", regime_end) % (len(self.text) + 1)))  # "...0.798, 기간 최저점에서 멈췄다": the verb may close the sentence
        if not (KO_TOPIC_AFTER.match(self.text, number.end + len(KO_FALL_NOUN_AFTER.match(self.text, number.end).group(0))) and KO_SETTING_AFTER.match(self.text, regime_end) and ran
                and ctx.MAXIMUM_DRAWDOWN.search(self.lowered, span.start, number.start) and "국면" not in self.text[span.start:number.start]):
            return False
        start, end = self.facts.events.get(f"regime.{regime}.start"), self.facts.events.get(f"regime.{regime}.end")
        deepest = self.facts.drawdowns[0] if self.facts.drawdowns else None
        days = (deepest.trough,) if deepest and ran.group("ended") else (deepest.peak, deepest.trough) if deepest else ()  # "...국면에서 멈췄다": where it bottomed
        return bool(deepest and start and end and any(start <= day <= end for day in days))

    def _regime_after(self, spans: list[tuple[str, int, int]], number: Numeral) -> str | None:
        """"the best Sharpe, 1.81, was posted in the 2020 bear", "the weakest, -0.86, belonged to
        the sideways opening": a figure set off alone, whose regime the next clause names."""
        index = self.numbers.index(number)
        if index > 0 and ASIDE_OPENED_BEFORE.fullmatch(self.text, self.numbers[index - 1].end, number.start):
            number = self.numbers[index - 1]  # "-7% (Sharpe -0.64), belonged to ...": the aside goes with the figure it follows
        clause = self._clause_of(number)
        if clause + 1 >= len(self.clauses) or not self._alone(number):
            return None
        after = self.clauses[clause + 1]
        if not REGIME_AFTER.match(self.lowered, after.start, after.end):
            return None
        return next((label for label, start, _ in spans if after.start <= start < after.end), None)

    def _labelled_signal_count(self, claim: str, number: Numeral) -> Finding | None:
        """"momentum sells: 181", "Vol rescales: 318": a whole number right after a signal's name is its count."""
        if number.unit not in (None, "n") or number.decimals != 0:
            return None
        name = next((name for name, _, end in self.signals if SIGNAL_LABEL_GAP.fullmatch(self.text, end, number.start)), None)
        if name is None or "count" not in self.facts.signals[name]:
            return None
        stored = self.facts.signals[name]["count"]
        if abs(stored - number.value) < 0.5:
            return Finding(claim=claim, kind="numeric", entity=f"signal:{name}", metric="count", claimed=number.value, stored=stored, status="supported")
        return _unverifiable(claim, number, f"stored count for signal:{name} is {stored:g}: sent to review, not blocked")

    def _count_at_rate(self, claim: str, number: Numeral, clause: int) -> Finding | None:
        """"momentum sells: 181 at 43.65%", "recovery exits 91 at a 68.13% hit rate": the hit rate of the
        signal (or the win rate of the trades) whose stored count is the number right before it."""
        counted = COUNT_AT_RATE.search(self.text, max(0, number.start - 20), number.start) if number.unit == "%" else None
        if counted is None:
            return None
        count = float(counted.group(1).replace(",", ""))
        span = self.clauses[clause]
        named = [name for name, start, _ in self.signals if span.start <= start < number.start]
        candidates = [name for name, sheet in self.facts.signals.items() if sheet.get("count") == count and (not named or name in named)]
        if named and not candidates:
            return _unverifiable(claim, number, f"a rate of the {count:g} counted for {named[-1]}, whose stored count is another: sent to review, not blocked")
        if not candidates and self.facts.strategy.get("num_trades") != count:
            return None  # "January 2016 at -25%": no count of trades or signals
        stated, reading = self._stated(number, clause), _Reading("hit_rate", "strategy", None, metric_sure=True, explicit=True)
        if hit := self._one_signal(claim, stated, reading, "hit_rate", candidates):
            return hit
        if self.facts.strategy.get("num_trades") == count and (rate := self.facts.strategy.get("win_rate")) is not None and _matches(stated, replace(reading, metric="win_rate", stored=rate), rate):
            return Finding(claim=claim, kind="numeric", entity="strategy", metric="win_rate", claimed=number.value / 100, stored=rate, status="supported")
        return _unverifiable(claim, number, f"a share of the {count:g} counted before it, which no stored rate gives: sent to review, not blocked")

    def _open_length(self, claim: str, number: Numeral) -> Finding:
        """Days spent below a high not yet regained: the length of a fall still open at the end (the
        deepest's, where the sentence names the deepest); never the benchmark's, which is not stored."""
        if self._benchmark_named_in(self._clause_of(number)):
            return _unverifiable(claim, number, "days the benchmark spent below its high, which the store does not keep")
        deepest_named = ctx.names_maximum_drawdown(self.lowered) or bool(self.facts.drawdowns) and any(ctx.states_depth(n, self.facts.drawdowns[0].depth) for n in self.numbers)
        for fall in self.facts.drawdowns[:1] if deepest_named else self.facts.drawdowns:
            if fall.recovery is None and abs(fall.days - number.value) < 0.5:
                return Finding(claim=claim, kind="numeric", entity="strategy", metric="max_drawdown_duration_days", claimed=number.value, stored=float(fall.days), status="supported",
                               note=f"the fall from the {fall.peak} peak, still open at the end ({fall.days} days)")
        return _unverifiable(claim, number, "days below a high not regained, which no fall still open at the end lasted: sent to review")

    def _each_regime_share(self, claim: str, number: Numeral, clause: int) -> Finding:
        """"세 국면이 저마다 기간의 3분의 1 가량씩을 차지합니다": every regime's share of the time."""
        stated = self._stated(number, clause)
        named = {label for label, _, _ in self.regimes}  # "the bear and sideways regimes took about 32% each": those two
        shares = {label: figures.get("share_of_time") for label, figures in self.facts.regimes.items() if not named or label in named}
        misfit = [label for label, share in shares.items() if share is None or not _matches(stated, _Reading("share_of_time", f"regime:{label}", share, metric_sure=True, explicit=True), share)]
        if misfit:
            return _unverifiable(claim, number, f"a share of the time said of every regime, which {', '.join(misfit)} does not take: sent to review")
        return Finding(claim=claim, kind="numeric", entity="regimes", metric="share_of_time", claimed=stated.value("percent"), stored=None, status="supported", note="every regime's share of the time")

    def _won_share(self, claim: str, number: Numeral, clause: int) -> Finding:
        """"청산은 97회였고 그중 28회가 이익(28.9%)": a signal's hit rate or the strategy's win rate, and
        the winners counted must be that share of its stored count."""
        stated = self._stated(number, clause)
        won = next(other for other in reversed(numerals(self.text)) if other.end <= number.start)  # "55번 이겼지만(57.3%)": count_claims reads the count itself, so it is no figure here
        sheets = [(f"signal:{name}", "hit_rate", sheet) for name, sheet in self.facts.signals.items() if "count" in sheet]
        if "num_trades" in self.facts.strategy:
            sheets.append(("strategy", "win_rate", {"count": self.facts.strategy["num_trades"], "win_rate": self.facts.strategy.get("win_rate")}))
        counted = {n.value for n in self.numbers if n.unit in ("n", None) and n.end <= won.start}
        named = {f"signal:{name}" for name, _, end in self.signals if end <= won.start} or (  # a signal named after the share is another part's ("71 — 27 won (38.03%) — ... histogram fades 48")
            set() if counted or won.share_of else {f"signal:{name}" for name, start, _ in self.signals if not PART_END.search(self.text, won.end, start)})  # unless nothing before says whose ("37 won (39.36%), all of them zero-line exits"), in its part
        if named or counted:  # "MACD 교차 94회 가운데 26회만 이익": the signal named, or whose count the sentence gives
            sheets = [(entity, metric, sheet) for entity, metric, sheet in sheets if entity in named or (not named and sheet["count"] in counted)]
        for entity, metric, sheet in sheets:
            share, count = sheet.get(metric), sheet["count"]
            if share is None or not _matches(stated, _Reading(metric, entity, share, metric_sure=True, explicit=True), share):
                continue
            if abs(won.value / 100 - share) < SHARE_OF_COUNTS if won.share_of else abs(won.value - share * count) < 1:  # "139회 중 96회가" is read as the share of the 139
                return Finding(claim=claim, kind="numeric", entity=entity, metric=metric, claimed=stated.value("percent"), stored=share, status="supported",
                               note=f"the winners counted are that share of {count:g}: the stored {metric.replace('_', ' ')}")
        return _unverifiable(claim, number, "a share of counted trades that won, which no stored count and rate give: sent to review")

    def _misranked(self, claim: str, number: Numeral, span: ctx.Clause, regime: str, metric: str) -> Finding | None:
        """"샤프 최고는 추세(1.64)": a regime ranked first (or last) on the metric, when another is."""
        told = KO_RANKED.search(self.text, span.start, number.start)
        values = {label: figures[metric] for label, figures in self.facts.regimes.items() if metric in figures}
        if told is None or regime not in values:
            return None
        first = (max if told.group("best") else min)(values, key=values.__getitem__)
        return None if first == regime else _unverifiable(claim, number, f"the {'highest' if told.group('best') else 'lowest'} {metric} is the {first} regime's, not the {regime} regime's: sent to review")

    def _korean_aside(self, number: Numeral) -> str | None:
        """A figure in parentheses right after what it belongs to: a Korean regime's return
        ("약세장(-16%)", "추세(-9%) 구간"), a count restated as a share ("54회(38%)"), or the share
        of them that won ("그중 28회가 이익(28.9%)", "152 positive (47.8%)", "49 (17 winners, 34.69%)")."""
        if WON_LISTED_BEFORE.search(self.text, max(0, number.start - 30), number.start) or KO_WON_THEN_SHARE.search(self.text, max(0, number.start - 20), number.start):
            return "won share"
        if not self.text[number.end:].startswith(")"):
            return None
        if not self.text[:number.start].endswith("("):
            return None
        before = self.text[:number.start - 1]
        if count := KO_COUNT_BEFORE.search(before):
            return "won share" if count.group("won") or KO_WON_AFTER_ASIDE.match(self.text, number.end + 1) else "share"  # "43차례(70.49%) 적중했고"
        if WON_COUNT_BEFORE.search(before):  # "152 positive (47.8%)"
            return "won share"
        if BRACKETS_HOLD_TIME.search(self.text) and (figure := KO_FIGURE_BEFORE.search(before)):  # "국면 성적(괄호 안은 기간 비중): 추세 +5%(16%)": the regime's share of time
            stem = KO_REGIME_STEM_BEFORE.search(before, 0, figure.start())
            return next((f"time:{label}" for label, stems in KO_REGIME_STEMS.items() if stem and stem.group(1) in stems), None)
        stem = KO_REGIME_STEM_BEFORE.search(before)
        return next((label for label, stems in KO_REGIME_STEMS.items() if stem and stem.group(1) in stems), None)

    def _listed(self, spans: list[tuple[str, int, int]], number: Numeral) -> tuple[str, int] | None:
        """"bear, sideways and the 2023-24 bull all closed lower, by 11%, 7% and 2% respectively",
        "the 2015-16 turmoil and the sideways market lost 14% and 3%": after the last ";", the n-th
        figure after the names is the n-th name's. The name, and where the names end (the list's
        verb lies between there and the figures)."""
        listed = self.lowered.find("respectively", number.end)
        start = self.lowered.rfind(";", 0, number.start) + 1
        listed_by_and = listed < 0 or ";" in self.lowered[number.end:listed]
        if listed_by_and:
            coordinated = next((m for m in FIGURE_LIST.finditer(self.lowered) if m.start() <= number.start < m.end()), None)
            if coordinated is None:
                return None
            listed = coordinated.end()
            start = max([start, *(n.end for n in self.numbers if n.end <= coordinated.start())])  # the names after any figure before the list
        named = [(label, at, end) for label, at, end in spans if start <= at < number.start]
        if not named:
            return None
        labels = list(dict.fromkeys(label for label, _, _ in named))
        figures = [n for n in self.numbers if named[-1][2] <= n.start < listed]
        if len(figures) != len(labels) or len(labels) < 2 or number not in figures:
            return None
        if listed_by_and and (len({n.unit for n in figures}) > 1 or not COORDINATED.search(self.lowered, named[-2][2], named[-1][1])):
            return None  # "unlike the bull market, the bear market returned 31% and -0.8 on Sharpe": no list
        return labels[figures.index(number)], named[-1][2]

    def _by_value(self, index: int, claim: str, number: Numeral, clause: int) -> Finding | None:
        """A figure no word names, equal to exactly one stored figure of its kind of its owner
        (the strategy and the regimes the sentence names, or the benchmark): that one,
        supported; several or none: None (review). "The MXN system sat 31.7% below its prior
        peak" is not the benchmark's 31.7% drawdown."""
        stated = self._stated(number, clause)
        owner, _ = self._entity(index, number, clause, "total_return")
        entities = [owner, *sorted({f"regime:{label}" for label, _, _ in self.regimes})] if owner == "strategy" else [owner]
        fits = [
            reading
            for entity in entities
            for metric, value in self._sheet(entity).items()
            if metric in METRICS and _unit_fits(METRICS[metric].kind, number.unit)
            and _matches(stated, reading := _Reading(metric, entity, value, metric_sure=True, explicit=True), value)  # drawdowns by magnitude, as everywhere
        ]
        if len(fits) != 1:
            return None
        fit = fits[0]
        return Finding(claim=claim, kind="numeric", entity=fit.entity, metric=fit.metric, claimed=stated.value(METRICS[fit.metric].kind), stored=fit.stored, status="supported",
                       note="no metric named: the one stored figure it equals")

    def _unnamed_signal(self, claim: str, stated: _Stated, reading: _Reading, named: str) -> Finding | None:
        """"채널 이탈 청산 신호는 41건", "청산 43건, 적중률은 37.2%": a signal's count, or in Korean (which
        never spells a stored signal's name) a hit rate in a sentence about signals and owned by no
        one named, equal to exactly one signal's stored figure: that one."""
        if (reading.metric, reading.entity, reading.stored) == ("count", "strategy", None):
            metric = "count"
        elif named == "hit_rate" and reading.entity == "strategy" and not self.signals and (self._about_signals(self._clause_of(stated.number)) or self._counted_signals()):  # "변동성 재조정은 412번 실행됐고 적중률 51.2%"
            metric = "hit_rate"
        else:
            return None
        candidates = list(self.facts.signals) if metric == "count" else self._counted_signals()  # a hit rate: of the signal whose count the sentence gives
        span = self.clauses[self._clause_of(stated.number)]
        if role := SIGNAL_ROLE.search(self.text, span.start, span.end):  # "진입 신호는 71회": an entry signal, not the exit's 71
            candidates = [name for name in candidates if bool(EXIT_SIGNAL.search(name)) == (role.lastgroup == "exit")]
        return self._one_signal(claim, stated, reading, metric, candidates)

    def _one_signal(self, claim: str, stated: _Stated, reading: _Reading, metric: str, candidates: list[str]) -> Finding | None:
        """The one candidate signal whose stored ``metric`` the figure equals; None for none or several."""
        fits = [name for name in candidates if metric in self.facts.signals[name] and _matches(stated, reading, self.facts.signals[name][metric])]
        if len(fits) != 1:
            return None
        return Finding(claim=claim, kind="numeric", entity=f"signal:{fits[0]}", metric=metric, claimed=stated.value(METRICS[metric].kind), stored=self.facts.signals[fits[0]][metric],
                       status="supported", note=f"no signal named: the one stored signal {SIGNAL_FIGURE_NAMES[metric]} it equals")

    def _alternatives(self, reading: _Reading) -> list[tuple[str, float]]:
        """Other figures an unclear reading could mean: when the entity was not named for the
        figure, the same metric of the strategy, the benchmark (which a text may name in words no
        list holds: "the coin itself", "holding the pair") or another entity named; when only a verb named the
        metric, the entity's sibling metric ("returned" may mean a total or a yearly return)."""
        entities = {reading.entity} if reading.explicit else {reading.entity, "strategy", "benchmark", *self._named_entities()}
        metrics = {reading.metric} | ({SIBLINGS[reading.metric]} if not reading.metric_sure and reading.metric in SIBLINGS else set())
        return [
            (f"{entity} {metric}", value)
            for entity in sorted(entities)
            for metric in sorted(metrics)
            if (entity, metric) != (reading.entity, reading.metric) and (value := self._sheet(entity).get(metric)) is not None
        ]

    def _held_elsewhere(self, stated: _Stated, reading: _Reading) -> str | None:
        """Another stored figure, of the strategy or of a benchmark, regime or signal the sentence
        names, that the stated one equals: the mismatch may be the reader's (the figure given the
        wrong owner or metric), so a person decides. On the English sets written blind this took 7
        of 13 true sentences out of `contradicted`; a false figure taken from elsewhere still never
        passes."""
        kind = METRICS[reading.metric].kind
        regimes = {f"regime:{label}" for label in self.facts.regimes} if reading.metric == "max_drawdown" or self.date_mentions else set()  # a dated figure may be a period's
        pronoun = {"benchmark"} if self._owned_by_pronoun(stated.number, reading.metric) else set()  # "its 78.6% collapse": "its" may be the index's
        sheets = [(entity, self._sheet(entity)) for entity in sorted({"strategy", *self._named_entities(), *regimes, *pronoun})]
        sheets += [(f"signal:{name}", {STRATEGY_SYNONYMS.get(metric, metric): value for metric, value in self.facts.signals[name].items()}) for name in sorted({name for name, _, _ in self.signals})]
        for entity, sheet in sheets:
            for metric, value in sheet.items():
                if (entity, metric) != (reading.entity, reading.metric) and metric in METRICS and METRICS[metric].kind == kind and _matches(stated, replace(reading, metric=metric, magnitude=True), value):
                    return f"{entity} {metric}"
        return None

    def _owned_by_pronoun(self, number: Numeral, metric: str) -> bool:
        """Whether the figure's owner is a pronoun inside the sentence ("..., and its 78.6% collapse"),
        which may point at anything named before it; "Its Sharpe of 0.27" opening a sentence is the strategy's."""
        adjacent = self._adjacent_mention(number, self._clause_of(number), metric)
        return adjacent is not None and adjacent.start > 0 and bool(PRONOUN.fullmatch(self.text, adjacent.start, adjacent.end))

    def _named_entities(self) -> set[str]:
        return {m.entity for m in self.mentions} | {f"regime:{label}" for label, _, _ in self.regimes}

    def _sheet(self, entity: str) -> dict[str, float]:
        if entity.startswith("regime:"):
            return self.facts.regimes.get(entity.removeprefix("regime:"), {})
        if entity == "strategy":
            return self.facts.strategy | implied.derived(self.facts.strategy)
        return {"benchmark": self.facts.benchmark}.get(entity, {})

    # -- helpers --

    def _alone(self, number: Numeral) -> bool:
        """Set off with nothing but small words around it: "Half of the trades, 50.1%, were
        winners", "The Calmar ratio, at 0.46, ..."."""
        span = self.clauses[self._clause_of(number)]
        rest = self.lowered[span.start:number.start] + " " + ASIDE.sub(" ", self.lowered[number.end:span.end])  # "-7% (Sharpe -0.64)": its aside aside
        return set(re.findall(r"[a-z]+", rest)) <= APPOSITIVE_WORDS

    def _owner_alone(self, number: Numeral) -> bool:
        """"The benchmark's Sharpe was 0.39; the strategy's 0.52": a clause of a name and a figure
        alone, which says the metric before again."""
        span = self.clauses[self._clause_of(number)]
        named = [m for m in self.mentions if span.start <= m.start and m.end <= number.start]
        if len(named) != 1 or PRONOUN.fullmatch(self.text, named[0].start, named[0].end):
            return False
        rest = self.lowered[span.start:named[0].start] + " " + self.lowered[named[0].end:number.start] + " " + self.lowered[number.end:span.end]
        return set(re.findall(r"[a-z]+", rest)) <= APPOSITIVE_WORDS

    def _clause_of(self, number: Numeral) -> int:
        return self._clause_at(number.start)

    def _clause_at(self, at: int) -> int:
        return next(i for i, span in enumerate(self.clauses) if at < span.end or i == len(self.clauses) - 1)

    def _qualifier(self, number: Numeral) -> str | None:
        before = self.text[max(0, number.start - 40):number.start]
        if TURNED_OVER.search(before):
            return None
        for name, pattern in (("at most", NEGATED_BOUND), ("a little over", LITTLE_OVER_BEFORE), ("at least", AT_LEAST), ("at most", AT_MOST), ("roughly", ROUGHLY)):
            if pattern.search(before):
                return name
        after = self.text[number.end:number.end + 12]  # Korean puts the bound after the figure: "30% 이상"
        return next((name for name, pattern in KO_QUALIFIERS if pattern.match(after)), None)

    def _signal_spans(self) -> list[tuple[str, int, int]]:
        found = []
        for name in self.facts.signals:
            for pattern in _signal_spellings(name):
                found += [(name, match.start(), match.end()) for match in pattern.finditer(self.lowered)]
        return sorted(set(found), key=lambda item: item[1])

    def _masked(self) -> str:
        """The lowered sentence with regime, signal and strategy names blanked: "low-volatility
        regime", "volatility_filter" or "vol-targeted" does not name the metric volatility."""
        masked = list(self.lowered)
        spans = [(start, end) for _, start, end in self.regimes + self.signals]
        spans += ctx.strategy_names(self.text, self.facts.benchmark_name)
        spans += [match.span() for match in STYLE_ADJECTIVE.finditer(self.lowered)]
        for start, end in spans:
            masked[start:end] = " " * (end - start)
        return "".join(masked)


def _signal_spellings(name: str) -> list[re.Pattern[str]]:
    """How a text names a stored signal: "zero_line_exit" as "zero-line exits", "rsi_recovery_exit" as
    "recovery exits" (its last two words, when it has three or more), plural or not."""
    words = name.lower().split("_")
    tails = [words] + ([words[-2:]] if len(words) > 2 else [])
    joined = [r"[\s-]".join(EN_SIGNAL_WORDS_OF.get(word, re.escape(word)) for word in tail) for tail in tails]
    korean = [r"\s?".join(KO_SIGNAL_WORDS_OF.get(word, re.escape(word) if word in ctx.INDICATORS.split("|") else "") for word in tail) for tail in tails]
    return ([re.compile(rf"\b{re.escape(name.lower())}\b")] + [re.compile(rf"\b{spelling}(?:s|es)?\b") for spelling in joined]
            + [re.compile(spelling) for spelling, tail in zip(korean, tails, strict=True) if all(KO_SIGNAL_WORDS_OF.get(w) or w in ctx.INDICATORS.split("|") for w in tail)])


def _nearest_metric(masked: str, start: int, end: int, number: Numeral, *, before_only: bool = False) -> _Named | None:
    """The metric whose word is nearest the figure within ``masked[start:end]``: nouns first,
    then rates, then verbs; a count only when its word is at most one word away."""
    best: tuple[tuple[int, int, int, int], _Named] | None = None
    for name, metric in METRICS.items():
        if not _unit_fits(metric.kind, number.unit) or (metric.kind == "count" and number.decimals > 0):  # "band multiple 3.0) signals": a count has no decimals
            continue
        if name in NEVER_NEGATIVE and number.negative:  # "기간의 37%로 가장 길었던 약세장이 -9%로": a share of time is never negative
            continue
        if name in SHARES and number.unit == "%" and number.value > 100:  # "came out ahead 127.1%": no rate is over 100%
            continue
        for tier, pattern in enumerate(_WORDS[name]):
            if pattern is None:
                continue
            for match in pattern.finditer(masked, start, end):
                after = match.start() >= number.end
                if (before_only and after) or (number.start <= match.start() < number.end):
                    continue
                if metric.kind == "count" and ((_count_gap(masked, match, number) if name != "count" else _words_between(masked, match, number)) > 1 or (not after and PART_OF_COUNT.match(masked, match.end(), number.start))):
                    continue
                if after and NEXT_FIGURE.match(masked, match.end()):  # "121.8% 올라 연평균 8.3%": 연평균 names the 8.3%
                    continue
                if after and tier == 0 and NOUN_AFTER_FIGURE.search(masked, number.end, match.start()):  # "2.8% a year on 6.5% volatility": the later figure's noun
                    continue
                if after and masked.count("(", number.end, match.start()) > masked.count(")", number.end, match.start()):  # "the DAX's 0.46 (its Sortino was 0.55)": an aside names its own figures
                    continue
                key = (tier, _gap(match.start(), match.end(), number), int(after), -len(match.group(0)))
                if best is None or key < best[0]:
                    near = _words_between(masked, match, number) <= (NEAR_AFTER if after else NEAR_BEFORE)
                    best = (key, _Named(name, by_noun=tier == 0, near=near))
    return best[1] if best else None


def _names_rate(masked: str, span: ctx.Clause, metric: str) -> bool:
    rate = _WORDS[metric][1]
    return rate is not None and rate.search(masked, span.start, span.end) is not None


def _count_gap(text: str, match: re.Match[str], number: Numeral) -> int:
    """Words between a count's noun and its figure, Korean particles and "in all" words left out ("매매는 모두 44건")."""
    gap = text[match.end():number.start] if match.end() <= number.start else text[number.end:match.start()]
    return len([word for word in re.findall(r"\w+", gap) if word not in COUNT_FILLERS])


def _words_between(text: str, match: re.Match[str], number: Numeral) -> int:
    gap = text[match.end():number.start] if match.end() <= number.start else text[number.end:match.start()]
    return len(re.findall(r"\w+", gap))


def _gap(start: int, end: int, number: Numeral) -> int:
    return number.start - end if end <= number.start else max(0, start - number.end)


def _unit_fits(kind: Kind, unit: str | None) -> bool:
    if unit in ("%", "bps", "pp"):
        return kind == "percent"
    if unit == "days":
        return kind == "days"
    if unit == "n":
        return kind == "count"
    return kind in ("ratio", "count")


def _unverifiable(claim: str, number: Numeral, note: str) -> Finding:
    return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, status="unverifiable", note=note)


def _judge(stated: _Stated, reading: _Reading, alternatives: list[tuple[str, float]]) -> Finding:
    kind = METRICS[reading.metric].kind
    base = {"claim": stated.claim, "kind": "numeric", "entity": reading.entity, "metric": reading.metric, "claimed": stated.value(kind)}
    if reading.stored is None:
        return Finding(**base, status="unverifiable", note=f"no stored {reading.metric} for {reading.entity}")
    if _matches(stated, reading, reading.stored):
        return Finding(**base, stored=reading.stored, status="supported")
    note = f"stored {reading.metric} for {reading.entity} is {_show(reading.stored, kind)}"
    if _unsigned(stated) and reading.metric in SIGNED and reading.stored < 0 and _matches(stated, replace(reading, magnitude=True), reading.stored):
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; the text gives its size but no sign a reader can rely on: sent to review")
    if stated.negative and not stated.number.negative and reading.stored > 0 and _matches(stated, replace(reading, magnitude=True), reading.stored):
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; its size matches and only a word of loss nearby made it negative: sent to review")  # "negative beta ... lifts alpha to 3.57%"
    other = next((name for name, value in alternatives if _matches(stated, reading, value)), None)
    if other:
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; it matches {other}: the text does not say clearly which it means")
    if not reading.plain:
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; the text does not name the metric right at the figure: sent to review, not blocked")
    if stated.number.unit == "bps" and reading.metric in ("cagr", "total_return"):  # "cost about 60 basis points a year": a cost, seldom a return
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; a return told in basis points, more often a cost: sent to review, not blocked")
    if not reading.metric_sure:  # "gained 45%": a verb names no one metric, so only a noun's figure blocks
        return Finding(**base, stored=reading.stored, status="unverifiable", note=f"{note}; only a verb names the metric, which may mean another figure: sent to review, not blocked")
    return Finding(**base, stored=reading.stored, status="contradicted", note=note)


def _unsigned(stated: _Stated) -> bool:
    """No minus, no plus and no word of loss at the figure: a size whose sign was assumed."""
    return not (stated.number.negative or stated.negative or stated.number.text.lstrip().startswith("+"))


def _matches(stated: _Stated, reading: _Reading, stored: float) -> bool:
    """Equal up to the precision the text shows (rounded either way, or truncated), drawdowns
    and gaps by magnitude; "more than"/"under" as bounds, "about" within a step of the last digit."""
    kind = METRICS[reading.metric].kind
    claimed = stated.value(kind)
    if kind == "count":
        stored = round(stored)  # a count derived from a rounded rate (0.3529 x 17 = 5.9993) is a whole number: 6, never 5
    if reading.magnitude or "drawdown" in reading.metric:
        claimed, stored = abs(claimed), abs(stored)
    scale = 10_000 if stated.number.unit == "bps" else 100 if kind == "percent" else 1
    return _fits(claimed * scale, stored * scale, stated.number.decimals, stated.qualifier)


def _fits(shown: float, actual: float, decimals: int, qualifier: str | None) -> bool:
    """The written figure against the actual one, both in the text's units: equal up to the
    precision shown (rounded either way, or truncated); "about" within a step of the last digit;
    "more than"/"under" as bounds, strict for a figure written out ("fewer than half")."""
    step = 10 ** (-decimals)
    slack = step / 2 if decimals >= 0 else 0
    if qualifier == "at least":
        return actual >= shown - slack
    if qualifier == "at most":
        return actual <= shown + slack
    if qualifier == "a little over":
        return shown - slack <= actual <= shown * (1 + LITTLE_OVER) + step
    tolerance = step if qualifier == "roughly" else step / 2
    truncated = math.trunc(actual * 10**decimals) / 10**decimals
    return abs(shown - actual) <= tolerance + FLOAT_NOISE or abs(shown - truncated) < FLOAT_NOISE


def _show(value: float, kind: Kind) -> str:
    return f"{value * 100:.2f}%" if kind == "percent" else f"{value:g}"

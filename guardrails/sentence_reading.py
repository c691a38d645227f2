"""A sentence read once for all its figures: clauses, the names of strategy, benchmark, regimes
and signals, dates, the masked text, and what each figure's clause states (qualifier, loss words).
The topic readings (curve, signals, regimes) and `numeric_claims` build on it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cached_property

from guardrails import claim_context as ctx
from guardrails import dates
from guardrails import korean as ko
from guardrails.factsheet import FactSheet
from guardrails.figure_fit import Stated
from guardrails.metric_words import words_between
from guardrails.numerals import Numeral

# Topics the store has no figure for: a number tied to one only by a verb is unverifiable.
# "in a single session", "하루 동안": one day's move, which the store does not keep.
ONE_DAY = r"in (?:a single|one) (?:day|session)|on a single day|하루(?:에만| 만에| 동안|새| 사이)"
# "Measured in dollars, the total return shrinks to 41%", "달러로 환산하면": the figure in another currency, which the store does not keep.
CURRENCY_RESTATED_WORDS = r"(?:measured|expressed|counted|restated|converted|translated|reckoned) in (?:us |u\.s\. )?(?:dollars?|euros?|yen|sterling|pounds|usd|eur|jpy|gbp|chf|francs?)|in (?:us[- ]|u\.s\. )?(?:dollar|euro|yen|sterling|usd|eur|jpy|gbp)[- ]terms|달러 ?(?:기준|환산)|(?:달러|유로|엔화)로 환산"
CURRENCY_RESTATED = re.compile(f"({CURRENCY_RESTATED_WORDS})")
UNSTORED_TOPICS = re.compile(
    r"\b(costs|cost of|fees?|commissions?|(?:brokerage|exchange|trading|transaction|management|custody) charges?|brokerage(?! (?:account|firm|house|platform))|stamp dut(?:y|ies)|slippage|(?:market )?impact|funding|financing|borrow(?:ing)?|tax(?:es)?|carry(?!'s|’s)(?! (?:strategy|book|trade|system|model|portfolio|sleeve|programme|entries|exits|signals?))|spreads?(?! (?:strategy|book|trade|trades|system|model|portfolio|over|across|out|entries|entry|exits?|signals?|positions?)\b)(?!'s|’s)(?!\s*(?://|\||::))|swap points|"
    r"(?:short|long) side|short (?:positions?|trades?)|long trades?|(?:long|short)-(?!only\b|term\b|run\b|dated\b)[a-z]+ (?:positions?|trades?|exposure)|(?<=positioned )(?:short|long)\b|expected returns?|short exposure|exposure (?:was|were|is|ran) (?:net )?(?:short|long)|roll(?:ing|s)?(?: costs?| yield)?|contango|backwardation|capacity|value-at-risk|var|expected shortfall|"
    r"dividends?|coupons?|staking(?: yield| rewards?)?|expense ratios?|forward (?:points|discount|premium)|(?:best|worst|single|largest|biggest)(?: single)? (?:trade|position)s?|(?:short|long)(?= (?:on|for|in) (?:about |roughly |some |nearly |around )?[\d.]+% of (?:its |the )?(?:\w+ )?(?:days|time|sessions|weeks))|accounted for(?= (?:about |roughly |some |nearly )?[\d.]+% of\b[^.;]*\b(?:gains?|returns?|profits?))|"
    rf"contribut\w*(?! (?:the )?most| (?:about |roughly |some |nearly )?[+-]?[\d.]+%(?! of))|attribut\w*|{CURRENCY_RESTATED_WORDS}|{ONE_DAY}|{ko.UNSTORED_TOPICS.lower()}){ko.HANGUL_END}"
)
NEGATIVE = re.compile(
    r"\b(?:lost|losing|loss|losses|lose|fell|falling|falls?(?!\s+to\b)|drops?(?!\s+to\b)|declined?|declines|down|minus|negative|cost(?:ing|s)?|subtract(?:ed|s|ing)?|shed|shedding|dropped|slid|sank|"
    r"slipped|slumped|tumbled|plunged|plummeted|retreated|shrank|eroded|bled|sagged|dipped|surrender(?:ed|ing|s)?|in the red|removed|wiped out|erased|(?:took|take|takes|taking|taken) away|(?:knocked|lopped|shaved) off|(?:closed|finished|ended) lower|"
    rf"(?:giving|gave|given|gives|give) (?:back|up))\b|{ko.NEGATIVE}"
)
KO_ROSE_AFTER = re.compile(r"\s?(?:씩\s?)?(?:오른|올랐|올라|상승한|상승했|상승해)")  # the figure's own verb: a rise, whatever loss is told nearby
POSITIVE_AT = re.compile(r"\b(?:comes?|came|is|was|stays?|stayed|ends?|ended)\s+(?:out\s+)?positive\s+(?:at|,)\s*$")
LOSS_NOUNS = r"(?:loss|deficit|drop|decline|fall|drawdown)\b"
DOWN_TO_LEVEL = re.compile(rf"\bdown to\s+(?:(?:an?|the|its)\s+)?(?!{LOSS_NOUNS})(?:[a-z]+\s+)?(?:of\s+)?$")  # "shaves the edge down to an alpha of 1.47%": a level reached, no loss
LOSS_NOUN_AFTER = re.compile(rf"\s+{LOSS_NOUNS}")  # not "down to an 11% loss"
KO_INDEX_FELL = re.compile(r"(?:지수|벤치마크|시장)(?:가|이|는|은|도)\s?$")
KO_ANOTHER_NOUN = re.compile(r"알파|샤프|소르티노|전략|수익률|연복리|낙폭")
KO_UNLIKE = re.compile(r"(?:것과|과|와)\s?(?:달리|대조적으로|반대로)")
LOSS_OF_ANOTHER = re.compile(r"\s+(?:[a-z]+\s+)?(?:beta|benchmark|index|market|correlation)\b|\s?(?:베타|벤치마크|지수)")  # "negative beta", "a declining index"
KO_EVENT_AFTER, KO_EVENT_BEFORE, KO_PASSED_AFTER = re.compile(ko.EVENT_AFTER), re.compile(ko.EVENT_BEFORE), re.compile(ko.PASSED_AFTER)
KO_NOT_SUBJECT_AFTER, KO_SUBJECT_AFTER = re.compile(ko.NOT_SUBJECT_AFTER), re.compile(ko.SUBJECT_AFTER)
BENCHMARK_ITEM = re.compile(rf"(?:^|[{ctx.BULLETS}|:]\s*)(?:benchmark|벤치마크|기준\s?(?:자산|지수)|비교\s?지수)\s?[:：=]?\s?[\w.^&/-]{{1,20}}\s*(?=[{ctx.BULLETS}|]|:{{2}})", re.IGNORECASE)  # "| benchmark SPY |": a KPI item that names the benchmark
INSTRUMENT_AFTER, INSTRUMENT_BEFORE = re.compile(r"(?:\s?[·/]\s?[A-Z]{2,})+(?![는은이가의도\w])"), re.compile(r"[A-Z]{2,}\s?[·/]\s?$")  # "SPY·QQQ·IWM 20일/50일 이동평균 교차": the instruments traded, no subject
PARTICLE_AFTER = re.compile(r"[는은이가의도]")  # "SPY·QQQ는 모두 ... 올랐다": the list is the subject
KO_COMPARED_CLAUSE = re.compile(ko.COMPARED_CLAUSE)
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
APPOSITIVE_WORDS = {"at", "of", "was", "is", "were", "a", "an", "the", "just", "only", "about", "roughly", "around", "some"}
# Figures of a part of the period (a year, a month, one day): the store keeps whole-period figures only.
SUB_PERIOD = re.compile(
    r"\b(?:in|during|throughout) (?:early |late |mid-)?(?:[a-z]+ )?(?:19|20)\d{2}\b(?!\s*(?:-|–|to|and|through|until)\s*(?:[a-z]+ )?(?:19|20)?\d)|"
    r"\b(?:on|as of|as at) \d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?:19|20)\d{2}\b(?=,?\s+(?:the|its)\b)|"  # "On 5 September 2022 the cumulative return stood at 35.5%": a day's running figure
    r"\b(?:(?:best|worst|single)[- ](?:day|week|month|quarter|year)\b|one[- ](?:day|week|month|quarter|year)\b(?!\s+of\b)(?!\s+(?:\w+\s+)?(?:forwards?|futures?|contracts?|options?|bills?|deposits?|swaps?|tenors?|maturity)\b))(?!\s+(?:in|out of)\b)|\b(?:daily|weekly|monthly|quarterly)\s+(?:returns?|loss(?:es)?|gains?|volatility|drawdowns?)\b|"
    rf"\bytd\b|\byear[- ]to[- ]date\b|{ko.SUB_PERIOD}",
    re.IGNORECASE,
)
# "bottomed in April 2022", "recovered in December 2021": when an episode happened, not a figure of that year.
EVENT_BEFORE = re.compile(
    r"\b(?:bottom(?:ed)?|peak(?:ed)?|trough(?:ed)?|began|begun|start(?:ed|ing)?|end(?:ed|ing)?|recover(?:ed|ing)?|regain(?:ed)?|recoup(?:ed)?|"
    r"made good|set|reached|hit|high|low|until|since|by|again)(?:\s+(?:it|them|that|this))?\s+$",
    re.IGNORECASE,
)
LIST_ITEM_FIGURE = re.compile(r"\s?\(\s?[-+−]\d")  # "..., the bear (-22%) and January-June 2025 (-6%)": a dated item of a list, its own regime
KO_BOUND_DENIED = re.compile(r"[가-힣]{0,4}?(?:지\s?(?:는\s?|도\s?)?(?:않|못)|(?:은|던|한)?\s?적(?:이|은)?\s?(?:없|한 번도 없))")  # "15%를 넘어서지 않았다", "넘은 적이 없다"
FLIPPED = {"at least": "at most", "at most": "at least"}


def _denied(name: str, text: str, end: int) -> str:
    """A Korean bound the verb after it denies turns over: "15%를 넘지 않았다" is at most 15%."""
    return FLIPPED.get(name, name) if KO_BOUND_DENIED.match(text, end) else name


KO_PAST_WHOLE = re.compile(r"(?:을|를|이|가)?\s?(?:(?P<up>웃돌|상회)|밑돌|하회)")  # a whole number passed by a ratio
KO_QUALIFIERS = tuple((name, re.compile(pattern)) for name, pattern in ko.QUALIFIERS_AFTER.items())
# "beta to CPER", "buying Solana whenever ...": the benchmark's name, but not who the clause is about.
NOT_SUBJECT_BEFORE = re.compile(r"\b(?:to|against|versus|vs\.?|relative to|than|beside|next to|alongside|buying|selling|trading|shorting|fading|going (?:long|short)|past|behind|beat(?:s|ing)?|outpac(?:ed|es|ing)|(?:out|under)perform(?:ed|s|ing)?|outr[au]n|outgrew|lagg?(?:ed|s|ing)?|trail(?:ed|s|ing)?|top(?:s|ped|ping)|edg(?:ed|es|ing)|outdid|outstrip(?:s|ped)?|bested|eclips(?:ed|es)|dwarf(?:s|ed)?|(?:half|twice|double|triple|a third|a quarter) of(?: what)?|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outscor(?:ed|es|ing))\s+(?:the\s+)?$", re.IGNORECASE)
KO_WHOLE_PERIOD_NOUNS = re.compile(r"수익률|연평균|연복리|누적|변동성|샤프|소르티노|칼마|승률|알파|베타")
# Weeks the curve spent below its start: "원금 아래에 머문 기간은 ... 3주", "85 weeks below its starting value".
UNDER_START = re.compile(r"원금\s?(?:선\s?)?(?:을|를|의|에)?\s?(?:아래|밑|하회|못 ?미)|(?:1\.0|출발점|출발 ?금액|시작 ?금액|시작값)\s?(?:을|를|보다|에)?\s?(?:아래|밑|하회|못 ?미)|\bbelow (?:its |the )?(?:starting|initial|opening) (?:value|capital|level|point)\b|\bbelow (?:its |the )?start\b|\bbelow 1\.0\b", re.IGNORECASE)
EVENT_KINDS = {
    "peak": re.compile(r"\b(?:high|peak|top|record)\b(?!-)|고점|정점|꼭대기|최고"), "trough": re.compile(r"\b(?:low|trough|bottom(?:ed)?)\b(?!-)|저점|바닥|최저"),
    "recovery": re.compile(r"\b(?:regain|recover|recoup|reclaim|erased|made good|repaired|healed)\w*|\b(?:new|fresh) (?:high|record|peak)|회복|되찾|메워|전고점을 (?:넘|돌파)"),
}
# The words of stored signal names in Korean ("vol_rescale": "변동성 재조정", "atr_trailing_stop": "ATR 추적 손절").
KO_ROLE_LAST = {"exit", "entry", "stop"}
ROLE_WORDS = {"buy", "sell", "entry", "exit", "stop", "long", "short"}
KO_SIGNAL_WORDS_OF = {
    "vol": "변동성", "volatility": "변동성", "rescale": "(?:재조정|리스케일|조정)", "rebalance": "(?:리밸런싱|재조정)", "exit": "(?:청산|이탈|매도)", "entry": "(?:진입|매수)", "channel": "채널", "touch": "(?:터치|접촉)", "histogram": "히스토그램", "fade": "(?:약화|둔화|소멸)", "band": "(?:밴드|선)", "middle": "(?:중심|중간)", "supertrend": r"슈퍼\s?트렌드", "flip": "(?:전환|반전)",
    "stop": "(?:손절|스톱)", "reversal": r"(?:반대\s?신호|반전|역전)", "trailing": "(?:추적|트레일링)", "trail": "(?:추적|트레일링)", "recovery": "회복", "oversold": "(?:과매도|침체)", "overbought": "(?:과매수|과열)", "momentum": "모멘텀",
    "buy": "매수", "sell": "매도", "zero": "제로", "line": "(?:라인|선)", "cross": "(?:교차|크로스)", "break": "돌파", "breakout": "돌파", "trend": "(?:추세|트렌드)", "signal": "(?:신호|시그널)",
    "filter": "필터", "z": "(?:z ?점수|z ?스코어|z ?값|z)", "max": "최대", "hold": r"보유\s?(?:기간|한도)?", "meeting": "회의", "mean": "평균", "reversion": "회귀", "rank": "(?:순위|랭킹)",
}
KO_SIGNAL_GAP = r"\s?(?:(?:하단|상단|도달로|도달해|초과로|경과로)\s?)?"  # "채널 하단 청산" (channel_exit), "최대 보유기간 도달로 청산" (max_hold_exit)
WEEK_AFTER = re.compile(rf"{dates.WEEK_DAY_AFTER.pattern}|\s?(?:이|가)\s(?:속한|낀|들어\s?있는|포함된)\s주|\s?(?:월요일)?(?:로|으로|부터)\s?(?:시작(?:하는|한|된|되는|하던)\s?|의\s(?:한\s)?)주|\s?그\s주|\s?(?:자\s?)?주(?:간|에|는|의|엔|도|\s|$|\()|\s?(?:주간|주차)|\s+week\b", re.IGNORECASE)  # "3월 23일 주에는", "the 16 March 2020 week"
EN_SIGNAL_WORDS_OF = {"vol": "vol(?:atility)?", "trail": "trail(?:ing)?", "z": "z(?:-?score)?"}  # "vol_rescale" written "volatility rescales", "z_stop" "z-score stops"
KO_FALL_NOUN = re.compile(r"하락|낙폭|손실 ?구간|되밀림")
LEAD_WORDS = re.compile(r"\W*(?:\w+\W+){0,3}")  # where a sentence's subject stands
PLACED_REGIME = re.compile(r"\bthe\s+(?:(?P<first>first|opening|initial)|last|final|closing)\s+(?:regime|phase|leg|(?P<months>half-year|six months))\b|(?:(?P<ko_first>첫)|마지막)\s?(?:국면|구간)", re.IGNORECASE)
ASIDE = re.compile(r"\([^()]*\)")
NONE_AFTER = re.compile(r"\s?(?:이|가|는|은)?\s?없(?:음|다|어|이|는|었|습)")
COORDINATED = re.compile(r"\band\b")  # "the 2015-16 turmoil and the sideways market": names in a list
FIGURE_LIST = re.compile(r"[-+]?\d[\d.,]*%?(?:\s*,\s*[-+]?\d[\d.,]*%?)*,?\s+and\s+[-+]?\d[\d.,]*%?")  # "lost 14% and 3%": one figure for each name before, in order
STYLE_ADJECTIVE = re.compile(r"\b(?:vol|volatility|risk)-target(?:ed|ing)?\b|\b(?:vol|volatility|risk) target(?:ed|ing)\b")  # how the strategy sizes, no figure of volatility
FIGURE_IN = re.compile(r"\d(?:[\d.,]*\s?%|\.\d)")  # a clause that states a figure of its own
LOSS_BEFORE, LOSS_AFTER = 6, 2  # words between a word of loss and its figure


def _signal_spellings(name: str) -> list[re.Pattern[str]]:
    """How a text names a stored signal: "zero_line_exit" as "zero-line exits", "rsi_recovery_exit" as
    "recovery exits" (its last two words, when it has three or more), plural or not."""
    words = name.lower().split("_")
    tails = [words] + ([words[-2:]] if len(words) > 2 else [])
    joined = [r"[\s-]".join(EN_SIGNAL_WORDS_OF.get(word, re.escape(word)) for word in tail) for tail in tails]
    ko_tails = tails + ([words[1:] + words[:1]] if words[0] in KO_ROLE_LAST else [])  # "exit_channel_touch" is "채널 접촉 청산": Korean names the role last
    korean = [KO_SIGNAL_GAP.join(KO_SIGNAL_WORDS_OF.get(word, re.escape(word) if word in ctx.INDICATORS.split("|") else "") for word in tail) for tail in ko_tails]
    return ([re.compile(rf"\b{re.escape(name.lower())}\b")] + [re.compile(rf"\b{spelling}(?:s|es)?\b") for spelling in joined]
            + [re.compile(spelling) for spelling, tail in zip(korean, ko_tails, strict=True) if all(KO_SIGNAL_WORDS_OF.get(w) or w in ctx.INDICATORS.split("|") for w in tail)])


class SentenceReading:
    """One sentence's clauses, names, figures and dates, with the helpers every reading of a figure shares."""

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
        start, end = self.facts.regime_dates(label)
        return bool(start and end and 150 <= (end - start).days <= 215)

    def _regimes_dated(self, names: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
        """Regimes named by their dates alone, where no regime word is named in the same clause."""
        worded = {self._clause_at(start) for _, start, _ in self.regimes}
        return [span for span in dates.regimes_dated(self.text, self.date_mentions, self.facts.events)
                if (self._clause_at(span[1]) not in worded or LIST_ITEM_FIGURE.match(self.text, span[2])) and not any(start <= span[1] < end for start, end in names)]

    @cached_property
    def date_mentions(self) -> list[dates.DateMention]:
        """The sentence's dates, read once and only for the figures that need them."""
        return dates.mentions(self.text)

    def _opening(self, span: ctx.Clause) -> ctx.Clause:
        """The first of the (up to two) clauses before ``span`` that state no figure of their own: the
        subject a figure set off after it belongs to ("a second decline, opened from a high on
        2023-10-09, reached 25.9%"); ``span`` itself when the clause before states one."""
        index = start = self.clauses.index(span)
        while index > 0 and start - index < 2 and not FIGURE_IN.search(self.text, self.clauses[index - 1].start, self.clauses[index - 1].end):
            index -= 1
        return self.clauses[index]

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

    def _stated(self, number: Numeral, clause: int) -> Stated:
        if number.text.startswith("+"):  # "상승장 +21%로 마이너스 국면이 하나도 없습니다": a plus sign tells the sign
            return Stated(self.text[self.clauses[clause].start:self.clauses[clause].end].strip(), number, self._qualifier(number), False)
        span = self.clauses[clause]
        context = self.masked[span.start:span.end]
        appositive = APPOSITIVE.match(context) and self.text[span.start - 1:span.start] == ","
        if listed := self._listed(self.regimes, number):  # "all closed lower, by 11%, 7% and 2% respectively"
            return Stated(self.text[span.start:span.end].strip(), number, self._qualifier(number), any(self._losses(listed[1], number.start)))
        if clause > 0 and (RESTATED.match(context) or FURTHER.search(context) or appositive):  # "cost 15% and ... a further 10%": the verb of the clause before
            first = clause - 1
            while first > 0 and FURTHER.search(context) and not any(self._losses(self.clauses[first].start, self.clauses[first].end)) and (
                    FURTHER.search(self.masked, self.clauses[first].start, self.clauses[first].end) or not any(self.clauses[first].start <= n.start < self.clauses[first].end for n in self.numbers)):
                first -= 1  # "took away 24% (Sharpe -0.91, last on both), the bear another 6% and the calm months a further 2%": the verb of the first of the run
            return Stated(self.text[span.start:span.end].strip(), number, self._qualifier(number), any(self._losses(self.clauses[first].start, span.end)))
        return Stated(self.text[span.start:span.end].strip(), number, self._qualifier(number), self._loss_near(span.start, span.end, number))

    def _loss_near(self, start: int, end: int, number: Numeral) -> bool:
        """A word of loss near the figure in its clause ("lost 12%", "12% 손실"), not one about
        something else further off ("made 1.4% as the index slipped 0.2%"), nor a regime's name
        ("하락장에서 24%를 벌었고": names are masked), nor one that qualifies another noun ("a small
        negative beta (-0.21) lifts alpha to 3.57%")."""
        level = DOWN_TO_LEVEL.search(self.lowered, max(0, number.start - 25), number.start) and not LOSS_NOUN_AFTER.match(self.lowered, number.end)
        if POSITIVE_AT.search(self.lowered, max(0, number.start - 25), number.start) or level or KO_ROSE_AFTER.match(self.text, number.end):
            return False  # "alpha comes out positive at 2.07% despite the loss", "원금의 10분의 1을 잃어 ... 연 8.4% 오른 TDXP"
        return any(words_between(self.lowered, loss, number) <= (LOSS_BEFORE if loss.end() <= number.start else LOSS_AFTER) for loss in self._losses(start, end)
                   if not (loss.end() <= number.start and KO_UNLIKE.search(self.text, loss.end(), number.start))  # "SIL이 2.64%씩 뒷걸음친 것과 달리 이 북은 연 5.96%": the other side's loss
                   and not (loss.end() <= number.start and KO_INDEX_FELL.search(self.text, max(0, loss.start() - 12), loss.start()) and KO_ANOTHER_NOUN.search(self.text, loss.end(), number.start)))  # "지수가 내렸기에 알파(3.66%)": the index's loss

    def _losses(self, start: int, end: int) -> Iterator[re.Match[str]]:
        """Words of loss in ``masked[start:end]``, but for those that qualify another noun."""
        return (loss for loss in NEGATIVE.finditer(self.masked, start, end) if not LOSS_OF_ANOTHER.match(self.masked, loss.end()))

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

    def _benchmark_named_in(self, clause: int) -> bool:
        return self._named_in(clause, "benchmark")

    def _strategy_named_in(self, clause: int) -> bool:
        return self._named_in(clause, "strategy")

    def _named_in(self, clause: int, entity: str) -> bool:
        span = self.clauses[clause]
        return any(m.entity == entity and span.start <= m.start < span.end for m in self.mentions)

    def _regime_named_in(self, clause: int) -> bool:
        return self._span_in(self.regimes, clause)

    def _signal_named_in(self, clause: int) -> bool:
        return self._span_in(self.signals, clause)

    def _span_in(self, spans: list[tuple[str, int, int]], clause: int) -> bool:
        span = self.clauses[clause]
        return any(span.start <= start < span.end for _, start, _ in spans)

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
                and not self._item_or_instrument(m)
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

    @cached_property
    def _benchmark_items(self) -> list[tuple[int, int]]:
        return [match.span() for match in BENCHMARK_ITEM.finditer(self.text)]

    def _item_or_instrument(self, mention: ctx.Mention) -> bool:
        """A benchmark named as a KPI line's item ("| benchmark SPY |", "▪ 벤치마크 SPY ▪") or in a list
        of the instruments traded ("SPY·QQQ·IWM"): it names whose the figures are not."""
        if mention.entity != "benchmark":
            return False
        item = any(start <= mention.start and mention.end <= end for start, end in self._benchmark_items)
        listed = INSTRUMENT_AFTER.match(self.text, mention.end) or (INSTRUMENT_BEFORE.search(self.text, max(0, mention.start - 8), mention.start) and not PARTICLE_AFTER.match(self.text, mention.end))
        return item or bool(listed)

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

    def _alone(self, number: Numeral) -> bool:
        """Set off with nothing but small words around it: "Half of the trades, 50.1%, were
        winners", "The Calmar ratio, at 0.46, ..."."""
        span = self.clauses[self._clause_of(number)]
        rest = self.lowered[span.start:number.start] + " " + ASIDE.sub(" ", self.lowered[number.end:span.end])  # "-7% (Sharpe -0.64)": its aside aside
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
        if number.unit is None and number.decimals == 0 and (passed := KO_PAST_WHOLE.match(after)):
            return _denied("at least" if passed.group("up") else "at most", self.text, number.end + passed.end())  # "이익계수는 1을 웃돌았다": a threshold, not the figure
        return next((_denied(name, self.text, number.end + bound.end()) for name, pattern in KO_QUALIFIERS if (bound := pattern.match(after))), None)

    def _signal_spans(self) -> list[tuple[str, int, int]]:
        found = []
        roles = Counter(name.lower().split("_")[-1] for name in self.facts.signals)
        for name in self.facts.signals:
            role = name.lower().split("_")[-1]
            labels = [re.compile(rf"(?:^|(?<=\. )|(?<=; )|(?<=\| )){re.escape(role)}s?(?=\s*:)")] if roles[role] == 1 and role in ROLE_WORDS else []  # "Rebalance signals. Buys: 96, ...": a label of its role alone
            for pattern in _signal_spellings(name) + labels:
                found += [(name, match.start(), match.end()) for match in pattern.finditer(self.lowered)]
        spelled = list(found)
        if found and ko.HANGUL.search(self.text):  # "리밸런싱 매수 88건은 ..., 매도 84건은 47.62%": once one signal is spelled out, another by its role alone
            for name in self.facts.signals:
                role = name.lower().split("_")[-1]
                if roles[role] == 1 and role in ROLE_WORDS and role in KO_SIGNAL_WORDS_OF:
                    found += [(name, match.start(), match.end()) for match in re.finditer(rf"(?<![가-힣]){KO_SIGNAL_WORDS_OF[role]}(?=(?:\s?신호)?(?:(?:은|는|이|가)?\s?\d|보다))", self.lowered)
                              if not any(start <= match.start() < end for _, start, end in spelled)]
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

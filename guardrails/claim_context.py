"""Who and what a figure in a sentence is about: the clause it sits in and the entities named.

The fact checker judges a figure against one stored value, so it must know whose figure it is
(the strategy's, the benchmark's, a regime's, a signal's) and which metric it states. Analysts
write comparisons ("compounded at 8.2%, ahead of the 3.2% that SPY delivered"), name strategies
after their instrument ("the IWM 20/100 crossover") and quote indicator settings ("RSI(14)",
"2.0 standard deviations"); this module reads those shapes. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from guardrails import dates
from guardrails import korean as ko
from guardrails.numerals import ONES, TENS, Numeral, numerals

Entity = Literal["strategy", "benchmark"]

# A clause starting with one of these states the other side of a comparison.
PIVOT = (
    r"than(?<!never deeper than)(?<!never worse than)(?<!never more than)(?<!no deeper than)(?<!no worse than)(?!\s+(?:doubl|tripl|quadrupl|twice))|versus|vs\.?|against|compared (?:with|to)|relative to|next to|beside|ahead of|behind|short of|(?<!shade )(?<!touch )(?<!tad )(?<!just )(?<!slightly )(?:below|above)|(?:below|above)(?!\s+[-+]?\d)|"
    r"trail(?:ed|ing|s)?|lagg?(?:ed|ing|s)?|beat(?:ing|s)?|outperform(?:ed|ing|s)?|underperform(?:ed|ing|s)?|double|twice|triple|treble|(?<!, )where(?= the| (?-i:[A-Z]))"
)
BULLETS = "·•※▷▶►◆⋅∙◇◈○●◦■□▪▫★☆┃│║‖¦»›≫▣⬥⬦◎◉▸▹▻‣⁃⦁❖✦⟶➔➜｜／→⟩〉①-⑳"  # what KPI lines put between their items ("누적 229.97% ⋅ 연 11.48%")
CLAUSE_BREAK = re.compile(
    rf"[;|{BULLETS}]|\]\s?(?=\[)|\s//\s|\s>{{2,3}}\s|\s-{{1,2}}>\s|=>\s|(?<=\))\s>\s|\s~\s|\s(?=\([a-h]\)\s)|\s\*\s|::?|\s[/–—―-]\s|,(?!\d{{3}}(?!\d))|\((?=[^)]*\b(?:vs|versus)\b)|(?<!-)\b(?:while(?!\s+(?:the|its|a|an)\s+(?:[\w-]+\s+){{0,3}}(?:was|were|is|remained)\s+(?:still\s+)?(?:running|under\s?way|in (?:force|charge|place|progress)|on\b|going|intact|unfolding|raging|lasting))|whereas|but|although|though|yet|so|with|and)\b(?!-)|\b(?P<pivot>{PIVOT})\b|{ko.CLAUSE_END}",
    re.IGNORECASE,
)
RELATIVE_START = re.compile(r"^\s*(?:which|that|who|whose|where)\b", re.IGNORECASE)
BENCHMARK_WORDS = re.compile(
    r"\b(?:(?:its |the )?benchmark(?:'s)?|(?:the )?index(?:'s)?|the etf(?:'s)?|the (?:(?:[\w&-]+ ){1,3}|(?:(?-i:[A-Z][\w&-]*) ){4,6})etf(?:'s|’s)?(?![\s-]+(?:(?:(?-i:[A-Z][\w/-]*)|trend|timing|trading|momentum|switching|swing|breakout|[\w]+-(?:buying|selling|following))[\s-]+){0,2}(?:strateg|crossover|reversion|breakout|rotation|overlay|sleeve|book|screen|model|system|follower|rule|approach|timer|timing|trader|trading|program|filter|switch|signal)\w*)|the (?:[\w&]+ ){0,4}sub-index(?:'s)?|buy[- ]and[- ]hold|(?<!in )(?<!of )the market(?:'s)?|the (?:coin|token)(?:'s)?(?!\s+(?:book|strateg\w*|sleeve|model|system|trader|portfolio|rule|breakout)))\b"
    rf"|\b(?:{ko.BENCHMARK}){ko.HANGUL_END}",
    re.IGNORECASE,
)
# Indices written out by name ("the Euro Stoxx 50"): the benchmark, and their numbers are no figures.
INDEX_NAMES = re.compile(
    r"\b(?:S&P(?: 500)?|Euro Stoxx(?: 50)?|Stoxx(?: Europe)?(?: 600| 50)?|Nikkei(?: 225)?|FTSE(?: 100| 250)?|Russell(?: 1000| 2000| 3000)?|"
    r"MSCI(?: [A-Z][A-Za-z]*){1,3}|TOPIX|DAX(?: 40)?|CAC(?: 40)?|Hang Seng|KOSPI|Nasdaq(?:[- ]100)?|Dow Jones)(?![\w&])"
)
KO_NONE_AFTER = re.compile(r"\s?(?:가|이|는|은|도)?\s?(?:없|부재)")  # "벤치마크가 없으니": no benchmark, no owner of figures
KO_INDEX_NAMES = re.compile(r"(?<![가-힣])(?:닛케이|니케이|코스피|코스닥|항셍|나스닥|토픽스)(?:\s?(?:225|200|150|100))?")  # their numbers are no figures
KO_INDEX_OF = {"(?:닛케이|니케이)": ("NKY", "N225", "NIKKEI"), "코스피": ("KOSPI", "KS200", "KS11", "KOSPI200"), "코스닥": ("KOSDAQ", "KQ150", "KOSDAQ150"),
               "항셍": ("HSI", "HANG"), "나스닥": ("NDX", "QQQ", "CCMP", "NASDAQ"), "토픽스": ("TPX", "TOPIX")}  # "닛케이 8.9%에 뒤처졌다": the benchmark, when it is that index
STRATEGY_WORDS = re.compile(
    r"\b(?:(?:the |this |our )?strateg(?:y|y's|ies)|it|its|it's|(?:the |this |our )(?:book|portfolio|system|model|overlay|program|screen)(?:'s)?)\b"
    rf"|\b(?:{ko.STRATEGY}){ko.HANGUL_END}",
    re.IGNORECASE,
)
# Words that make a name of what follows a ticker: "IWM 20/100 crossover", "SPY Bollinger reversion".
STYLE_WORDS = (
    r"ma|sma|ema|moving|average|macd|rsi|low|min(?:imum)?|vol|targeted|target|bollinger|donchian|keltner|atr|stochastic|stoch|dual|channel|bands?|index|"
    r"volatility|mean|momentum|sector|statistical|trend|breakout|crossover|reversion|rotation|pairs?|carry|"
    r"following|cross|golden|long|short|only|long-only|based|intraday|swing|overnight|spread|calendar|futures?|value|dividend|quality|factor"
)
NAME_END = r"strateg(?:y|ies)|crossover|reversion|breakout|rotation|overlay|sleeve|book|screen|following|follower|rule|approach|model|system|timer|(?<!average )(?<!mean )(?<!median )(?<!typical )trade"
# "the pair", "the trend", "the carry" alone are the market's, not the strategy's: they name the
# strategy only after a word of style or a name ("the KO/PEP pair", "the G10 carry").
PLAIN_NOUN_ENDS = r"pairs?|trend|carry|momentum"
STYLE_NAME = re.compile(
    rf"\b(?i:the) (?:(?:(?:(?i:{STYLE_WORDS})|[A-Z][\w/-]*|\d+(?:/\d+)*)[\s-]+){{0,8}}(?i:{NAME_END})|(?:(?:(?i:{STYLE_WORDS})|[A-Z][\w/-]*)[\s-]+){{1,2}}(?i:{PLAIN_NOUN_ENDS})(?! (?:since|from|until|between) )(?! (?:phase|regime|leg|spell|stretch|period|market)\b))(?:'s)?\b"
)
# "이더리움 1시간봉 변동성 타기팅 추세 전략": up to five bare nouns (no particle) before 전략.
# Indicators named after their authors (볼린저, 돈치안, 켈트너) and 슈퍼트렌드 name the strategy alone ("볼린저는 연 4.5%로"); "RSI가 30" is the indicator's level.
KO_CHANNEL_NAMES = "볼린저|돈치안|켈트너|슈퍼트렌드"
KO_BARE_NOUN = r"(?!(?:동안|때|사이|뒤|후|반면|중)\s)[가-힣A-Za-z0-9/()·]+(?<![은는이가을를의로에서고며다와과도라아어해면니데씩만])(?<![가-힣]서) "  # a noun with no particle, then a space
KO_STRATEGY_NAME = re.compile(
    r"(?<![가-힣A-Za-z0-9/()])(?:" + KO_BARE_NOUN + r"){1,5}(?:전략|(?:MACD|모멘텀|역추세|돌파|평균 ?회귀|캐리|추세 ?추종|바스켓|모델|북|교차|크로스오버|페어|(?:추세|돌파|역추세|모멘텀|페어|스프레드|캐리|평균 ?회귀) ?매매)(?=(?:은|는|이|가|의|도)\s|(?:로|으로)\s(?!(?:\S+\s)?(?:보유|들고|사서|매수해|묻어))))"
    r"|(?<![가-힣A-Za-z0-9/()])(?:" + KO_BARE_NOUN + r")?(?:" + KO_CHANNEL_NAMES + r")(?=(?:은|는|이|가|의|도)\s)"
)  # "올라 전략이": a verb, then the subject; "팜유 MACD는", "벨기에 볼린저는"
KO_REGIMES = {label: re.compile("|".join(patterns)) for label, patterns in ko.REGIMES.items()}
REGIME_SYNONYMS = {
    "high_volatility": ("high volatility", "high-volatility", "volatile", "turbulent", "turbulence", "turmoil", "pandemic regime", "pandemic phase"),
    "low_volatility": ("low volatility", "low-volatility", "calm", "quiet"),
    "bull": ("bull", "bullish", "rising market"),
    "bear": ("bear", "bearish", "falling market"),
    "sideways": ("sideways", "range-bound", "range bound", "choppy"),
    "trending": ("trending", "trend regime", "trend phase", "trend leg", "trend spell", "trend stretch", "trended"),
}
FLAT_SPELL = re.compile(r"\bflat (?:(?:19|20)\d{2}(?:[-–]\d{2,4})? )?(?:stretch|period|years?|market|phase|spell)\b|(?:(?<=\b(?:19|20)\d\d )|(?<=\b(?:19|20)\d\d-\d\d )|(?<=\b(?:19|20)\d\d–\d\d ))(?<!its \d{4} )(?<!its \d{4}-\d\d )(?<!a \d{4} )range\b(?![- ](?:bound|of|between|from|to|trad))")  # "the flat 2016-17 stretch": sideways
DATED_TREND = re.compile(r"(?<=\d\d )trend\b(?![- ](?:follow|filter|signal|model|strateg))|\bthe (?:(?:long|short|brief|strong|steady|first|second|last|later|earlier|long-running|\w+-long) )?trend(?= (?:that|which) (?:lasted|ran|ended|began)\b| (?:since|from|until|between) )")  # "the 2016-19 trend", "the trend since November 2022": the trending regime
REGIME_RESET = re.compile(r"\b(?:overall|in total|entire|over the (?:whole|full) (?:period|sample|backtest)|across (?:all )?regimes)\b", re.IGNORECASE)
# Figures that set the strategy up rather than report its results.
INDICATORS = r"rsi|stochastic|stoch|macd|atr|adx|cci|sma|ema|ma|bollinger|keltner|donchian|z-score|lookback|window|threshold"
PARAMETER_BEFORE = re.compile(
    rf"(?:\b(?:(?:{INDICATORS})s?|stop(?:s(?!\s*[:=]))?|stop-loss|take-profit|targets?|targeted|targeting|top|bottom|capped|caps?|limited|leverage|lengths?|settings?|scaled to|sized (?:to|for|at))\b\W*"
    r"(?:(?:\d+(?:\.\d+)?(?:일|주)?|below|above|under|over|past|beyond|of|at|cross(?:es|ed)?|falls?|fell|rises?|rose|drops?|dropped|stretch(?:es|ed)?|"
    r"reach(?:es|ed)?|hits?|exceed(?:s|ed)?|to|is|was|a|an|the|back|around|near|and|or)\W+){0,4}"
    r"|\b(?:when|whenever|once|if)\s+(?:\w+\s+){0,4}?(?:exceeded|exceeds|topped|tops|crossed|crosses|fell below|falls below|rose above|rises above|was above|is above|was below|is below)\s+"
    r"|\(\s*\d+(?:\.\d+)?\s*,\s*|\d/)$",
    re.IGNORECASE,
)
PARAMETER_AFTER = re.compile(
    r"^(?:\s*-\s*(?:week|month|year|period|bar|session|minute|hour|sigma)s?\b|"
    r"\s*(?:standard deviations?|std\.?|stdev|sigmas?|σ|deviations?|atrs?|bars?|periods?|lookback|holdings?|assets?|"
    r"instruments?|stocks?|names|sectors?|legs?|contracts?|lots?|ticks?|pips?|(?:trailing )?stop(?:-loss)?s?|(?:volatility |vol |risk )?targets?)\b|"
    r"\s*(?:trading )?(?:days?|weeks?|bars?|sessions?) (?:before|after|ahead of|prior to)\b|"
    r"\s*(?:trailing|rolling|look-?back|past|prior)\s+(?:trading\s+)?(?:days?|weeks?|months?|bars?|sessions?)\b|"
    r"\s*/\s*\d)",
    re.IGNORECASE,
)
SETTINGS_LIST_AFTER = re.compile(r"\s*,\s*\d+(?:\.\d+)?\s*\)")  # "Bollinger (20, 2.0)": the first setting of a bracket of settings
# "two trades in three", "one in four signals": a share, not a count of anything.
_COUNT = rf"(?:\d+|{'|'.join([*ONES, *TENS])})"
SHARE_IN = re.compile(rf"^\s+(?:\w+\s+)?(?:in|out of)\s+(?:every\s+)?{_COUNT}\b(?!\s*(?:%|years?|months?|weeks?|days?|quarters?|sessions?))", re.IGNORECASE)
SHARE_DENOMINATOR = re.compile(rf"\b{_COUNT}\s+(?:\w+\s+)?(?:in|out of)\s+(?:every\s+)?$", re.IGNORECASE)
# "selling above 60" in a sentence about an oscillator: its threshold, not a result.
OSCILLATOR = re.compile(r"\b(?:rsi|stochastic|williams|%r|cci|oscillator|z-score)\b", re.IGNORECASE)
THRESHOLD_BEFORE = re.compile(r"\b(?:above|below|under|over|cross(?:es|ed)?|through)\s+$", re.IGNORECASE)
# "thirty-five days before the bull regime expired", "seventy days after bearish conditions set in", "three weeks shy of the sideways regime's end"
REGIME_EDGE = re.compile(
    r"(?:\s+weeks?)?,?\s+(?:(?P<before>before|ahead of|shy of|short of)|(?P<after>after|into))\s+(?:the\s+)?(?:(?:final|last|first)\s+\w+\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:regime|conditions|markets?|phase|spell|stretch|trading|rally|(?:bull(?: run)?|bear|turbulence)(?!\s+(?:regime|conditions|markets?|phase|spell|stretch|trading|rally)))(?:'s)?\s*(?:(?P<start>set in|began|begun|started|start|opened|took hold|kicked in|arrived|replaced|took over)|(?P<end>ended|expired|end|closed|gave way|ran out|finished|faded|was over|wound up))?\b",
    re.IGNORECASE)
KO_INDICATOR_AFTER = re.compile(r"(?:\s?[·/,]\s?(?:빠른 |느린 |단기 |장기 )?\d+\s?일)*\s?(?:RSI|EMA|SMA|MACD|ATR|스토캐스틱|이평|이동평균|지수이평|지수 ?이동 ?평균|단순이평|볼린저|켈트너|돈치안|채널|모멘텀)", re.IGNORECASE)
DAYS_BEFORE_EVENT = re.compile(r"^\s*(?:before|ahead of|prior to)\b", re.IGNORECASE)  # "five days before expiry"
LASTED_BEFORE = re.compile(r"\b(?:took|take|takes|taking|lasted|lasting|spent|needed|required)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # "took 854 days before equity reached a new high": a length
# "four of the five regimes", "half of the six regimes": a count of regimes (`guardrails.count_claims`).
COUNT_WORD = rf"\d+|{'|'.join(sorted(ONES, key=len, reverse=True))}"  # a count in digits or words ("four of the five regimes")
# "two of the six regimes had drawdowns deeper than 10%", "낙폭이 10%를 넘은 국면은 여섯 중 넷": how many
# regimes passed a bar (count_claims); the bar is no figure of the backtest.
REGIMES_PAST_BAR = re.compile(
    rf"\b(?P<k>{COUNT_WORD}|half|none)\s+of\s+(?:the|its|all)\s+(?:(?P<n>{COUNT_WORD})\s+)?(?:market\s+)?(?:regimes|phases)\s+(?:(?:had|saw|suffered|posted|recorded|showed|logged)\s+(?:an?\s+)?(?:max(?:imum)?\s+)?(?P<metric>drawdowns?|returns?|sharpe(?:\s+ratios?)?)"
    r"|(?P<verb>lost|gained|returned|fell|dropped|rose|made))\s+(?P<bar>(?:deeper|worse|more|greater|larger|bigger|higher|better)\s+than|beyond|above|over|in excess of|exceeding|(?:less|lower|smaller|shallower)\s+than|below|under|of (?:more|less) than)\s+(?P<x>\d+(?:\.\d+)?)\s?(?:%|percent)?",
    re.IGNORECASE,
)
KO_REGIMES_PAST_BAR = re.compile(
    rf"(?P<metric>낙폭|하락(?:폭)?|MDD|손실|수익(?:률)?|샤프(?:\s?(?:지수|비율))?)(?:이|가|은|는)?\s?(?P<x>\d+(?:\.\d+)?)\s?(?:%|퍼센트)?(?:를|을)?\s?(?P<bar>넘은|넘긴|넘어선|넘었던|웃돈|초과한|상회한|밑돈|하회한|미달한|미만인|이상인|이하인)\s?(?:국면|구간)(?:은|이|는)?\s?"
    rf"(?:(?P<n>{ko.NUMBER})\s?(?:개\s?)?(?:국면\s?)?(?:중|가운데)(?:에서)?\s?)?(?P<k>{ko.NUMBER}|절반)(?![\d.%])"
)
REGIME_COUNT = re.compile(r"^\s+(?:of\s+(?:the|its|all)\s+(?:\w+\s+)?)?(?:market\s+)?(?:regimes|phases)\b", re.IGNORECASE)
KO_WINS_AFTER = re.compile(r"^(?:\s?(?:번|회|건))?(?:을|를|이|은)?\s?(?:이겼|이긴|승리)")  # "15번 이겼": winners, counted by count_claims
HYPHEN_DAY_RESULT = re.compile(r"^\s+(?:\w+\s+)?(?:drawdown|decline|slump|recovery|losing streak|underwater|round[- ]trip|episode|ordeal)", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    entity: Entity
    start: int
    end: int


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between breaks; ``pivot``: it follows a comparison word, so its
    figure is the other side of that comparison; ``relative``: it starts with "which"/"that"."""

    start: int
    end: int
    pivot: bool
    relative: bool


def clauses(sentence: str) -> list[Clause]:
    found, start, pivot = [], 0, False
    for match in CLAUSE_BREAK.finditer(sentence):
        found.append(_clause(sentence, start, match.start(), pivot))
        start, pivot = match.end(), bool(match.group("pivot"))
    found.append(_clause(sentence, start, len(sentence), pivot))
    return found


def _clause(sentence: str, start: int, end: int, pivot: bool) -> Clause:
    return Clause(start, end, pivot, bool(RELATIVE_START.match(sentence[start:end])))


def other_side(entity: str) -> Entity:
    """The other side of a comparison between the strategy and the benchmark."""
    return "benchmark" if entity == "strategy" else "strategy"


AT_ITS_EXTREME = re.compile(r"at its (?:worst|deepest|lowest|low|peak|best|height|trough)\b", re.IGNORECASE)  # "the index fell 42.1% at its worst": an idiom, no owner


NO_SUCH = re.compile(r"\b(?:no|without(?: a| any)?)\s+$", re.IGNORECASE)  # "With no benchmark attached, the pair ...": no owner


def mentions(sentence: str, benchmark_name: str | None) -> list[Mention]:
    """Where the strategy and the benchmark are named, left to right. A ticker followed by words
    of a strategy's style names the strategy ("the IWM 20/100 crossover"), not the benchmark."""
    names = strategy_names(sentence, benchmark_name)
    found = [Mention("strategy", start, end) for start, end in names]
    benchmark = re.compile(rf"(?:{_benchmark_names(benchmark_name)})(?:'s)?")
    candidates = [Mention("strategy", *match.span()) for match in STRATEGY_WORDS.finditer(sentence) if not AT_ITS_EXTREME.match(sentence, max(0, match.start() - 3))]
    candidates += [Mention("benchmark", *match.span()) for pattern in (BENCHMARK_WORDS, benchmark) for match in pattern.finditer(sentence) if not NO_SUCH.search(sentence, 0, match.start()) and not KO_NONE_AFTER.match(sentence, match.end())]
    for candidate in sorted(candidates, key=lambda m: m.start - m.end):  # longest first: "its benchmark" over "its"
        if not any(candidate.start < other.end and other.start < candidate.end for other in found):
            found.append(candidate)
    return sorted(found, key=lambda mention: mention.start)


EXCHANGE_SUFFIX = re.compile(r"^([A-Z0-9]{2,})\.[A-Z]{1,2}$")  # "XEG.TO", "XMJ.AX": a ticker and its exchange


def _benchmark_names(benchmark_name: str | None) -> str:
    """A pattern for the benchmark's ticker (any case) and for indices written out by name."""
    spellings = [benchmark_name, *EXCHANGE_SUFFIX.findall(benchmark_name)] if benchmark_name else []  # "XEG.TO" is written "XEG" too
    ticker = [rf"\b(?i:{_spelled(spelling)})(?![^\W가-힣])(?!\.\w)" for spelling in spellings]  # "SPY를": a particle may follow
    korean = [rf"(?<![가-힣]){name}(?:\s?(?:225|200|150|100))?" for name, codes in KO_INDEX_OF.items() if benchmark_name and benchmark_name.upper().replace("^", "").startswith(codes)]
    return "|".join([*ticker, INDEX_NAMES.pattern, *korean])


QUOTE_CURRENCY = re.compile(r"(?:USDT?|USDC|EUR|JPY|KRW|GBP|CHF|BTC)$")


LETTERS_DIGITS = re.compile(r"([A-Za-z]+)(\d+)")


def _spelled(ticker: str) -> str:
    """A ticker as written: a long code of letters may be broken by a hyphen or a space ("WIG-Banki" for
    WIGBANKI), and a code of letters then digits between them ("NSE 25" for NSE25)."""
    if (split := LETTERS_DIGITS.fullmatch(ticker)) and len(split.group(1)) >= 2:
        return rf"{re.escape(split.group(1))}[-\s]?{re.escape(split.group(2))}"
    if len(ticker) < 5 or not ticker.isalpha() or QUOTE_CURRENCY.search(ticker):  # "BTC-USD" is the coin traded, not BTCUSD held
        return re.escape(ticker)
    return "[-\\s]?".join(re.escape(letter) for letter in ticker)


def strategy_names(sentence: str, benchmark_name: str | None) -> list[tuple[int, int]]:
    """Spans that name the strategy by its style, with or without its instrument's name before or
    after it ("the IWM 20/100 crossover", "the reversion strategy on EEM")."""
    spans = [match.span() for match in STYLE_NAME.finditer(sentence)]
    named_after = rf"(?:{_benchmark_names(benchmark_name)})(?:/[A-Za-z0-9]+)?(?:[\s-]+(?i:{STYLE_WORDS}|\d+(?:/\d+)*))*?[\s-]+(?i:{NAME_END}|{PLAIN_NOUN_ENDS})(?:'s)?\b"
    spans += [match.span() for match in re.finditer(named_after, sentence)]
    traded_on = rf"\b(?i:{NAME_END}|{PLAIN_NOUN_ENDS}) (?:on|in|for|trading) (?:{_benchmark_names(benchmark_name)})\b(?!'s)"  # "the RSI reversion strategy on EEM"
    spans += [match.span() for match in re.finditer(traded_on, sentence)]
    spans += [match.span() for match in KO_STRATEGY_NAME.finditer(sentence)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# "It gained 24% inside that regime", "이 구간에서는 3% 이익": the regime the sentence before named.
# "peak" that names a fall's start, not the old high a recovery regains ("regained its peak in May 2021").
NOT_AN_OLD_PEAK = r"(?<!its )(?<!the )(?<!old )(?<!prior )(?<!previous )(?<!that )(?<!former )"
BACK_REFERENCE = re.compile(r"\b(?:that|this|the same) (?:regime|phase|stretch|period|spell)\b|(?:이|그|해당) (?:구간|국면|기간|장세)|(?<![가-힣])(?<!전체 )(?<!테스트 )(?<!시험 )(?<!분석 )(?<!전 )(?<!총 )(?:구간|국면)\s?(?:내\s?|안\s?)?(?:낙폭|하락폭|mdd)")  # "구간 낙폭도 19.26%로 넷 중 최대": the regime's own


MAXIMUM_DRAWDOWN = re.compile(r"\b(?:max(?:imum)?|(?<!% at )worst|deepest|largest|biggest|steepest|mdd)\b|최대|최악의\s?(?:하락|낙폭|손실)|가장 (?:깊|큰|컸)|mdd", re.IGNORECASE)
ANOTHER_DRAWDOWN = re.compile(r"\b(?:second|another|other|newer|earlier|later|smaller|shallower|lesser|longest)\b|not the (?:deepest|worst|largest)|두 ?번째|둘째\s?(?:로\s?(?:큰|깊은)\s?)?(?:낙폭|하락|손실|조정)|또 다른|다른 낙폭|가장 길|2(?:등|위|번째) ?(?:낙폭|하락|손실)|(?<!의 )(?<!지수 )(?<!벤치마크 )(?:최대 ?낙폭|mdd)(?:(?:의 [\d,.]+ ?(?:일|%))?보다|(?:의)? ?(?:지속 ?)?(?:기간|일수|길이) ?[\d,.]+ ?일(?:을|를) ?(?:이미 ?|훌쩍 ?)?(?:넘|웃돌|초과))|\bthan (?:that of )?the (?:[\d,.]+(?:%| days) (?:of the )?)?(?:max(?:imum)? drawdown|deepest (?:fall|drawdown|decline))", re.IGNORECASE)


def names_maximum_drawdown(lowered: str) -> bool:
    """Whether a sentence speaks of the maximum drawdown, unless it says it means another one
    ("a second setback", "the longest is not the deepest")."""
    return bool(MAXIMUM_DRAWDOWN.search(lowered)) and not ANOTHER_DRAWDOWN.search(lowered)


def regime_spans(lowered: str) -> list[tuple[str, int, int]]:
    """Each regime named, as (label, start, end); read once per text, as every reading asks (a copy is returned)."""
    return list(_regime_spans(lowered))


@lru_cache(maxsize=512)
def _regime_spans(lowered: str) -> tuple[tuple[str, int, int], ...]:
    found = []
    for label, words in REGIME_SYNONYMS.items():
        for word in words:
            found += [(label, match.start(), match.end()) for match in re.finditer(rf"\b{re.escape(word)}\b", lowered)]
    found += [("trending", match.start(), match.end()) for match in DATED_TREND.finditer(lowered)]
    found += [("sideways", match.start(), match.end()) for match in FLAT_SPELL.finditer(lowered)]
    for label, pattern in KO_REGIMES.items():
        found += [(label, match.start(), match.end()) for match in pattern.finditer(lowered)]
    return tuple(sorted(found, key=lambda item: item[1]))


def korean_regime_in(lowered: str) -> bool:
    return any(pattern.search(lowered) for pattern in KO_REGIMES.values())


def regime_in(lowered: str) -> str | None:
    spans = regime_spans(lowered)
    return spans[0][0] if spans else None


HYPHEN_NOUN = re.compile(r"-[a-z]")
TICKER_BEFORE = re.compile(r"\b[A-Z]{2,}\s$")
KO_HALF_AS_SHARE = re.compile(r"^(?:이|가|은|는)\s(?:마이너스|플러스)")
KO_REGIMES_OF = re.compile(ko.REGIMES_OF + r"\s*$")


INDICATOR_ARGUMENT = re.compile(r"[A-Za-z]\(\s*$")


KO_BIG_N = re.compile(r"대\s(?!비)[가-힣]")


def is_parameter(sentence: str, number: Numeral) -> bool:
    """"RSI(14)", "20/100", "a 20-day mean", "2.0 standard deviations", "top 3", "targets 10%":
    a setting of the strategy, not a result to check ("a 290-day drawdown" is a result); the
    number in an index's name ("S&P 500") is no figure either."""
    if number.text.endswith(("-day", "-days")) and not HYPHEN_DAY_RESULT.match(sentence[number.end:]):
        return True
    if number.text.isalpha() and HYPHEN_NOUN.match(sentence[number.end:]):  # "a two-stock spread", "the three-month bill"
        return True
    if number.unit is None and number.decimals == 0 and TICKER_BEFORE.search(sentence[:number.start]):  # "the NGX 30 suffered", "FTSE 100"
        return True
    if number.text.startswith("절반") and KO_HALF_AS_SHARE.match(sentence[number.end:]):  # "국면 여섯 개 가운데 절반이 마이너스였다": a share of the regimes
        return True
    if number.unit == "%" and number.decimals < 0 and KO_REGIMES_OF.search(sentence, 0, number.start):  # "여섯 국면 중 절반이 적자였다": a count of regimes (count_claims)
        return True
    if any(start <= number.start < end for start, end in (match.span() for pattern in (INDEX_NAMES, KO_INDEX_NAMES) for match in pattern.finditer(sentence))):
        return True
    if number.unit is None and THRESHOLD_BEFORE.search(sentence[max(0, number.start - 12):number.start]) and OSCILLATOR.search(sentence):
        return True
    if number.unit == "days" and DAYS_BEFORE_EVENT.match(sentence[number.end:]) and not LASTED_BEFORE.search(sentence[:number.start]) and not REGIME_EDGE.match(sentence, number.end):
        return True
    if any(match.start("x") == number.start for pattern in (REGIMES_PAST_BAR, KO_REGIMES_PAST_BAR) for match in pattern.finditer(sentence)):
        return True
    if REGIME_COUNT.match(sentence[number.end:]) or KO_WINS_AFTER.match(sentence[number.end:]):
        return True
    if number.unit is None and (SHARE_IN.match(sentence[number.end:]) or SHARE_DENOMINATOR.search(sentence[max(0, number.start - 40):number.start])):
        return True
    if number.unit is None and number.decimals == 0 and INDICATOR_ARGUMENT.search(sentence, 0, number.start):  # "WILLR(14)", not "SPY(33.7%)"
        return True
    if number.unit is None and number.decimals == 0 and KO_BIG_N.match(sentence, number.end):  # "4대 은행": the big four, no figure
        return True
    if number.unit in (None, "n") and number.value == 1 and KO_PER_ONE.match(sentence, number.end):  # "거래 1회 평균은 0.053%": per trade, no count
        return True
    if number.unit in (None, "days") and not number.text.startswith(("+", "-", "−")) and KO_SETTINGS_AFTER_NAME.search(sentence, max(0, number.start - 40), number.start) and not KO_LENGTH_AFTER.match(sentence, number.end):
        return True
    settings = number.unit is None and not number.text.startswith(("+", "-", "−")) and SETTINGS_LIST_AFTER.match(sentence, number.end)  # not "(+13.32%, 1.37)", a regime's return and Sharpe
    return bool(PARAMETER_BEFORE.search(sentence[max(0, number.start - 40):number.start]) or PARAMETER_AFTER.match(sentence[number.end:]) or settings)


def states_depth(number: Numeral, depth: float) -> bool:
    """Whether a percentage is a fall's depth ("26.6%" for -0.2663), equal at the decimals shown;
    a whole number ("28%") names no one fall unless the fall is that whole number to two decimals ("85%"
    for -0.85). One test for every reading that picks a fall by its depth."""
    if number.unit != "%":
        return False
    if number.decimals < 1:
        return number.decimals == 0 and round(abs(depth) * 100, 2) == abs(number.value)
    return round(abs(number.value), number.decimals) == round(abs(depth) * 100, number.decimals)


# "지수이동평균 20일과 100일로 방향을 잡고", "볼린저 밴드 20일·2시그마": an indicator's settings, written after its name.
KO_SETTINGS_AFTER_NAME = re.compile(r"(?:지수\s?이동\s?평균(?:선)?|단순\s?이동\s?평균(?:선)?|이동\s?평균(?:선)?|이평선?|볼린저\s?밴드|켈트너\s?채널|돈치안\s?채널|스토캐스틱|RSI|EMA|SMA)\s?(?:\d+(?:\.\d+)?\s?(?:일|주|개월|시그마|σ)?\s?(?:과|와|및|[·,/])\s?){0,3}$", re.IGNORECASE)
KO_LENGTH_AFTER = re.compile(r"\s?(?:일|주|개월)?\s?(?:만에|만의|동안|째|간에)")  # "344일 만에": a length, no setting
KO_PER_ONE = re.compile(r"(?<=[회건번])(?:에|당|의)?\s?평균|\s?(?:회|건|번)(?:에|당|의)?\s?평균")
DAY_OF_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}\b", re.IGNORECASE)


def figures(sentence: str) -> list[Numeral]:
    """The figures a sentence states as results (indicator settings, index names and the day of a
    date written out, "on 22 January 2018", left out)."""
    days = [(m.start, m.end) for m in dates.mentions(sentence) if m.first == m.last] if DAY_OF_MONTH.search(sentence) else []
    days += [(m.start("day"), m.end("day") + 1) for m in dates.WEEK_DAY_AFTER.finditer(sentence)]  # "2020년 1월 셋째 주(20일)", "3월 하순(23일 주)": the day of a date
    return [number for number in numerals(sentence) if not is_parameter(sentence, number) and not any(start <= number.start < end for start, end in days)]

"""Numeric claims: each figure a sentence states, the metric and entity it is about, and whether
the stored value agrees.

A figure (in digits or in words, `guardrails.numerals`) with a unit or next to a metric word is a
claim, attributed to the strategy, the benchmark, a market regime or a signal by the words
around it (`guardrails.claim_context`). It is compared with rounding-aware tolerance (rounded
either way or truncated to the digits shown; "more than" and "about" as bounds). A mismatch is
`contradicted` only when no other reading the wording allows fits the stored figures; otherwise
it goes to a reviewer as `unverifiable`. Pure functions; no I/O.

This module decides which metric and owner a figure has and orders the readings; the readings by
topic sit beside it, each a part of the sentence reader: `sentence_reading` (clauses, names,
dates, what a clause states), `curve_claims` (points, weeks and falls of the equity curve),
`signal_claims`, `regime_claims`; `metric_words` names metrics and `figure_fit` judges a figure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from guardrails import claim_context as ctx
from guardrails import dates
from guardrails import implied_figures as implied
from guardrails import korean as ko
from guardrails.curve_claims import CURVE_POINT, CurveClaims, DRAWDOWN_NOUN, EPISODE_FIGURES, GAIN_VERB, NEVER_BEFORE
from guardrails.directional_claims import COMPARE, KO_COMPARE, compared_on, own_comparison, own_figure
from guardrails.factsheet import FactSheet, Finding
from guardrails.figure_fit import judge, Reading, shown_fits, Stated, stated_matches, unverifiable
from guardrails.metric_words import chars_apart, METRIC_PATTERNS, METRICS, Named, nearest_metric, NEVER_NEGATIVE, SIBLINGS, SIGNAL_METRICS, SIGNED, STRATEGY_SYNONYMS, unit_fits
from guardrails.numerals import POINTS_GAP, Numeral, numerals
from guardrails.regime_claims import RegimeClaims
from guardrails.sentence_reading import APPOSITIVE_WORDS, LEAD_WORDS, NOT_SUBJECT_BEFORE, CURRENCY_RESTATED, RESTATED, UNDER_START, UNSTORED_TOPICS
from guardrails.signal_claims import KO_THAN_AFTER, SignalClaims

# Topics that own a figure even when a metric is named: a share of the gain ("ASML contributed about 38%
# of the cumulative gain"), one trade ("the single worst trade ... a loss of 2.6%"), dividends.
NOT_THE_WHOLE = re.compile(r"contribut|attribut|accounted|.*(?:trade|position)s?$|dividend|short$|long$|exposure (?:was|were|is|ran)")
# "the after-tax CAGR", "returns net of fees": a figure the store keeps only before costs.
AFTER_COSTS = re.compile(r"\b(?:after|net of|post|pre)[- ](?:tax(?:es)?|fees?|costs?|commissions?|slippage)\b", re.IGNORECASE)
# "1.2 percentage points of the annual return": a part of a figure, which the store does not break down.
PART_OF = re.compile(r"^\s*(?:of|on|off)\s+(?:all\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w'’&]+\s+)?(?:returns?|gains?|profits?|performance|p&l|pnl|volatility|variance)\b|^\s*of\s+(?:the\s+|its\s+)?(?:invested|trading|exposed)\s+(?:days|time|periods?)\b|^\s*of\s+the\s+time\s+(?:in\s+the\s+market|invested)\b", re.IGNORECASE)  # "a drag of 0.25% on annual returns", "62% of invested days"
# A period named in its own words, which no stored regime is: its figures are not the regime's named before.
NAMED_PERIOD = re.compile(r"\b(?i:the) (?:[A-Z][\w-]*|(?:19|20)\d{2}(?:[-–]\d{2,4})?) (?i:year|period|phase|crash|sell-?off|stretch|episode|spell|rally|slump|months?)\b")
OTHER_PERIOD = "other period"
SETTING_MULTIPLE_BEFORE = re.compile(r"(?:\batrs?|표준\s?편차|시그마|σ|\bstandard deviations?)\s?(?:\(\s?\d+\s?일?\s?\))?\s?(?:의\s?)?$", re.IGNORECASE)
PERIOD_LOW_BEFORE = re.compile(r"기간\s?최저점?\)?까지\s?$")
ATR_AFTER = re.compile(r"\s+(?:the|its|a)\s+(?:\d+|[a-z]+)[- ](?:day|week|period|bar)\s+(?:atr|average true range)\b", re.IGNORECASE)
MULTIPLIER_SETTING = re.compile(r"mult|std|sigma|width|dev|(?:^|_)k$")  # "atr_multiple", "band_std": a band's width in ATRs or deviations
KO_OF_AFTER = re.compile(r"\s?의\s")
KO_STANDARD_AFTER = re.compile(r"^\s?(?:을|를|보다|대비)")
KO_STANDARD_NAME = re.compile(r"\s?(?:를|을|보다|대비|에 ?(?:비해|견줘)|에(?=\s(?:[-+]?[\d.,]+\s?%p?\s)?(?:모자|못 ?미|미치지|뒤(?:졌|처|떨어)|앞(?:섰|서|질)|밀렸|밀린)))")  # a name marked as what is compared with, never a figure's owner
KO_VERB_BETWEEN = re.compile(r"[가-힣](?:어|아|여|해|고|며|서|려|워|쳐|져|켜|혀|겨|으나)\s|(?<![가-힣])내\s")  # a verb's connective form between a figure and a comparative ("를 벌어", "를 내")
KO_YEARLY_BEFORE, KO_OWNER_AFTER = re.compile(ko.YEARLY_BEFORE), re.compile(ko.OWNER_AFTER)
# "beat SPY by 5 percentage points", "2.1 points behind the index": a gap between the two, not a level.
SPREAD_BEFORE = re.compile(r"\bby\s+(?:about\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
PAIR_GAP = re.compile(r"^[^\d;]{0,25}?\b(?:vs\.?|versus|against|compared (?:with|to)|as opposed to|as against)\s+(?:(?:the|a|an)\s+)?$|^\s(?:대|대비|vs\.?)\s$", re.IGNORECASE)  # "0.60 대 0.44", "SPY 0.78 대비 0.6"
SMALL_WORDS = APPOSITIVE_WORDS | ko.PARTICLES  # not counted between a name and its figure
PER_INTERVAL = re.compile(r"(?:daily|weekly|monthly|quarterly)\s+\w+", re.IGNORECASE)
# "in eleven years", "over the ten years": the length of the test, which the fact sheet does not
# hold; next to a drawdown's length ("lasted two years") it is a claim the store keeps in days only.
PERIOD_LENGTH = re.compile(r"^\s*(?:and a half\s+)?(?:years?\b|months?\b|weeks?\b|quarters?\b|decades?\b|년|개월|주(?:간|일)?(?![가-힣])|분기)", re.IGNORECASE)
DAYS_AFTER = re.compile(r"\s?(?:년|개월|years?|months?)(?: 반)?\s?\(\s?(?P<days>[\d,]+)\s?(?:일|days)\)")
DAYS_RESTATED = re.compile(r"\d\s?(?:days|일)\s*[(,]?\s*(?:or\s+|i\.e\.\s+|즉\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)  # "1,393 days (close to four years)"
OUT_OF_MARKET = re.compile(r"\bno (?:position|exposure|trade)s?\b|\b(?:flat|idle|sidelined|out of the market|in cash|on the sidelines)\b|포지션 ?없이|관망|현금(?:으로|만)")  # "the longest stretch with no position open lasted 23 weeks"
HELD_FOR = re.compile(r"\b(?:positions?|trades?|holdings?|holding periods?|holds|round[- ]trips)\b[^.;]{0,40}\b(?:lasted|lasting|ran|held|stayed|kept)\b|\bheld (?:for|about|around|roughly)\b|보유 ?기간|포지션 ?유지")  # "positions typically lasted around 3.4 months"
DRAWDOWN_LENGTH = re.compile(r"\b(?:lasted|lasting|took|duration|underwater|under water|recover\w*|regain\w*|recoup\w*)\b|걸렸|걸린|걸려|걸리|회복|되찾|만회|메우|메워|메웠|메운|메꿨|빠져나오|빠져나왔")
# "Annualised, the strategy returned 5.0%": the lead word makes every return of the sentence yearly.
ANNUALISED_LEAD = re.compile(r"^\s*(?:annuali[sz]ed|on an annuali[sz]ed basis|(?:compounded )?annually|per year|per annum)\b", re.IGNORECASE)
# "150 trades a year": a rate of trading, where the store keeps the whole period's count.
COUNT_PER_PERIOD = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:a|per|each|every)\s+(?:year|month|week|day|quarter)\b", re.IGNORECASE)
# "5.0% a year", "5.0% annually": a rate right after the figure says yearly, not total.
YEARLY_AFTER = re.compile(r"^\s*(?:a year|per year|per annum|annually|annuali[sz]ed|each year|yearly|p\.a\.)", re.IGNORECASE)
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
OCCURRED_IN = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:occurred|came|happened|struck|hit|was (?:reached|recorded|set))\s+(?:in|during)\b")
# "five times the benchmark's", "three times higher", "twice as deep as", "GLD의 2.5배", "2.5배 높은": a multiple of another figure.
RELATIVE_MULTIPLE = re.compile(r"^\s*(?:the\b|that of\b|those of\b|its\b|their\b|as\s+\w+\s+as\b|(?:higher|larger|greater|bigger|more|better|deeper|lower|smaller)\b|[A-Z][\w&/.-]*'s\b)", re.IGNORECASE)
KO_RELATIVE_MULTIPLE_BEFORE = re.compile(r"(?:(?<!기간)(?<!시간)의|보다|대비|\d에|에 비(?:하면|해|해서|해선))\s?(?:약\s?|거의\s?|딱\s?|정확히\s?|꼭\s?)?$")  # "SHV의 1.92에 절반도 못 미쳤다"; not "기간의 5분의 2", a share of the time
KO_RELATIVE_MULTIPLE_AFTER = re.compile(r"^\s?(?:가량\s?|정도\s?|이상\s?)?(?:높|크|많|깊|낮|작|적|얕)")
# A drawdown other than the deepest, which a text may describe: its depth and length are on the curve.
KO_REGIME_STEMS = {"high_volatility": ("고변동성",), "low_volatility": ("저변동성",), "bull": ("강세", "상승"), "bear": ("약세", "하락"), "sideways": ("횡보",), "trending": ("추세",)}
KO_REGIME_STEM_BEFORE = re.compile(rf"({'|'.join(stem for stems in KO_REGIME_STEMS.values() for stem in stems)})(?:장|장세|국면|구간)?\s?$")
BRACKETS_HOLD_TIME = re.compile(r"괄호\s?(?:안|속)(?:은|의\s?(?:숫자|수치|값)는)\s?(?:기간\s?)?비중|\((?:share of (?:the )?time|time share) in brackets\)", re.IGNORECASE)
KO_FIGURE_BEFORE = re.compile(r"\s?[-+]?\d+(?:\.\d+)?%$")
KO_SHARE_OF_FIGURE = re.compile(r"\d(?:%|%p)\)?의\s?$|\d\)의\s?$|\d\.\d+의\s?$")  # "PALL 낙폭(68.3%)의 35%", "지수 0.44의 60%"
KO_STILL_UNDER = re.compile(r"\s?(?:째|동안|간|이 지나도록)[^.\d]{0,25}?(?:고점|최고|꼭대기|정점|회복|되찾|메워|메우|메꿔|넘)[^.\d]{0,12}?(?:못|않|없)")  # "602일째 전 고점을 넘지 못했다", "770일 동안 되찾지 못했다"
RETURN_THEN_MULTIPLE = re.compile(r"\s?\(\s?")  # "+160%(2.6배)"
KO_STRATEGY_BETWEEN = re.compile(r"전략|모델|(?<![가-힣])북(?![가-힣])")
FALL_NAMED_BEFORE = re.compile(r"낙폭|하락|손실|mdd|drawdown|fall|decline|loss", re.IGNORECASE)
KO_HELD_BETWEEN = re.compile(r"\s?(?:을|를)?\s?(?:그냥\s|단순히\s)?(?:사|매수해|매수하여|들고|보유해|보유하고)\s?(?:두기만|놓기만|있기만|만)?\s?(?:했을|했다면|했더라면|있었다면|있었을)\s?(?:때|경우)?(?:의|에는|엔)?\s?(?:연\s?)?")
KO_REGIME_TOLD_BEFORE = re.compile(r"(?:\s?(?:국면|구간|장세))?(?:은|는|이|가)\s?")
SIGNAL_COUNT_LABEL = re.compile(r"\s*(?:exits?|entries|signals?|trades?|fired|triggers?|count)?\s*[:=]\s*", re.IGNORECASE)
KO_ALL_TRADES = re.compile(r"(?:전체|총|모든)\s?(?:거래|매매)|\d\s?(?:회|건|번)\s?(?:의\s)?(?:거래|매매)의")
KO_AND = re.compile(r"\s?(?:와|과|및)\s")  # "44.8%와 37.9%", "추세 진입과 추세 이탈이"
KO_TRADES_BEFORE, KO_TRADES_AFTER = re.compile(r"(?<![가-힣])(?:총\s?|전체\s?)?(?:거래|매매)\s?(?:횟수|건수|수)?(?:는|은)?\s?[:：]?\s?(?:(?:모두|총|전체|합계)\s?)?$"), re.compile(r"(?<=[회건번])\s?(?:의\s)?(?:거래|매매)(?!\s?신호)|\s?(?:회|건|번)\s?(?:의\s)?(?:거래|매매)(?!\s?신호)")
FALL_AFTER_FIGURE = re.compile(r"\s(?:(?:peak-to-trough|top-to-bottom)\s)?(?:fall|slide|drop|decline|slump|setback|sell-?off|plunge|retreat|drawdown)\b", re.IGNORECASE)  # "a 34.20% fall"
KO_FALL_AFTER_FIGURE = re.compile(r"(?:짜리|의)?\s?(?:최대\s?)?(?:낙폭|하락|폭락|급락|되밀림|손실폭)(?:은|는|이|가|도)?(?![가-힣])")  # "85% 폭락은"
KO_DEPTH_AFTER = re.compile(r"\s?(?:더\s?)?(?:깊|얕)")
KO_COUNT_BEFORE = re.compile(r"\d\s?(?:회|건|번|개|차례)(?P<won>(?:[가이]|만)?\s?(?:이익|수익|적중|성공|플러스|승리|이겼[가-힣]*|이긴|(?:들어)?맞(?:아|았[가-힣]*|은)))?\s?$")  # "54회(38%)", "그중 28회가 이익(28.9%)"
KO_PROFIT_FACTOR_BEFORE = re.compile(r"(?:이익|수익)\s?(?:총액|합계)?(?:이|은|는)?\s?(?:총\s?)?손실\s?(?:총액|합계)?의\s?$")  # "이익 총액이 손실 총액의 1.71배": the profit factor, no multiple of two figures
KO_MULTIPLE_OF_BEFORE = re.compile(r"(?:의|보다)\s?(?:\d+\s?분의\s?\d+|\d+(?:\.\d+)?\s?배|절반|[두세네]\s?배)\s?(?:남짓|가량|정도|가까이|이상|이하|미만)?\s?(?:인|에 해당하는|수준인|(?:이|도)\s?(?:채\s?)?안\s?되는|에\s?(?:도\s?)?못\s?미치는)\s*$")
DAYS_SETTING = re.compile(r"days|length|window|lookback|period|^(?:fast|slow|signal)$")  # a setting counted in days: "length: 20" for "ATR 돌파(20일)"
KO_MULTIPLE_OF_FIGURE = re.compile(r"\)?\s?의\s?(?:(?:약|대략|거의|불과)\s?)?")  # "BEL20(0.24)의 절반": the figure before "의" is the whole
# After a Korean multiple, the verb bounds it: "두 배를 넘었다", "세 배에 가까웠다", "두 배에 못 미쳤다".
KO_MULTIPLE_BOUNDS = (
    ("at least", re.compile(r"\s?(?:을|를|이|가)?\s?(?:넘|웃돌|상회|초과|이상)")),
    ("roughly", re.compile(r"\s?(?:에)?\s?가까")),
    ("at most", re.compile(r"\s?(?:에|이|가)?도?\s?(?:채\s?|한참\s?|훨씬\s?|크게\s?)?(?:안 ?되|안 ?됐|못 ?미|밑돌|하회|미달|아래|이하|미만)")),
)
UNDER_START_AFTER = re.compile(r"\s?(?:을|를|보다|에)?\s?(?:아래|밑|하회|못 ?미)")
WEEKS_AFTER = re.compile(r"\s?주(?![가-힣])|\s?주(?=가|는|였|를|뿐|간|동안|에|이|로|의|였)|\s+(?:weeks?|weekly (?:closes|readings|marks))\b", re.IGNORECASE)
SHARE_UNDER_START = re.compile(r"\s?(?:넘게|이상|가까이|남짓|가량|정도)?\s?(?:의\s)?(?:기간\s|주\s|시간\s)?(?:(?:이|가|을|를)\s)?(?:1\.0|원금)\s?(?:을|를|보다|에)?\s?(?:아래|밑|하회|못 ?미)|\s+of (?:the )?(?:weeks|time|the test) below (?:its |the )?(?:start|starting value|initial value)", re.IGNORECASE)
WEEKS_WORD = re.compile(r"\s+weeks?\b", re.IGNORECASE)
LIST_ITEM_CLAUSES = 4  # how far back a Korean list item's regime still owns its share of time
REGIME_FIGURES = {"total_return", "sharpe", "max_drawdown", "share_of_time", "exposure", "cagr", "annual_volatility", "win_rate"}  # what a regime's figure may be read as (its store, or what a text calls it)
GAP_SIDE_AFTER = re.compile(r"\s*(?:(?:percentage\s+)?points?\s+)?(?:(?P<ahead>lead|margin|edge|advantage|cushion|outperformance|premium|head start|우위|앞섰|앞서)|(?P<behind>shortfall|deficit|lag|underperformance|열위|뒤처|뒤졌))", re.IGNORECASE)
GROUP_BREAK = re.compile(r"\s\|\|?\s")  # between the groups of a KPI line
GAP_TO_OWN_CAGR = re.compile(r"\s+(?:(?P<above>above|over|ahead of|(?:more|higher|greater) than)|below|under|short of|shy of|beneath|behind|(?:less|lower) than)\s+(?:the\s+|its\s+)?(?:raw\s+|own\s+|plain\s+)?(?P<own>cagr|compound annual (?:return|growth(?: rate)?)|annual return|growth rate)\b(?!\s+(?:of|for)\s)(?!'s)", re.IGNORECASE)  # "34 basis points below the raw CAGR"
POINT_VERB_AFTER = re.compile(r"\s+points?\s+(?:to|at|towards?)\b", re.IGNORECASE)  # "a beta of only 0.22 point to returns ...": a verb
GLOSSED_AFTER = re.compile(r"(?:\s?(?:가까이|남짓|넘게|이상|가량|정도|조금 (?:넘게|못 되게)|of it))?\s?\(\s?[-+]?(\d+(?:\.\d+)?)\s?%\s?\)")  # "절반 가까이(48.99%)": the fraction, then the figure it rounds
KO_OBJECT_AFTER = re.compile(r"\)?\s?(?:를|을|보다)\s")  # "지수(SPBLPSPT)를 ...": what the verb compares with
POINTS_AFTER = re.compile(r"\s+points?\b", re.IGNORECASE)
BETA_WORD = re.compile(r"\bbeta\b")
MARKET_VERB = re.compile(r"\b(?:(?P<share>soak(?:s|ed)? up|absorb(?:s|ed)?|explain(?:s|ed)?|account(?:s|ed)? for|impl(?:y|ies|ied)|eat(?:s)? up)|(?P<back>hand(?:s|ed)? back|give(?:s)? back|gave back)|(?P<cost>cost(?:s|ing)?|drag(?:s|ged)?|take(?:s)?|took)|(?:add(?:s|ed)?|lift(?:s|ed)?|contribut(?:es|ed)))\b")  # what beta times the index's CAGR does
NOT_MARKET_TERM = re.compile(r"\b(?:alpha|trail(?:s|ed)?|behind|ahead|above|below|than|gap|by)\b")  # "trailed the index by 4.49 points": another figure
ALPHA_AFTER = re.compile(r"[^.;]*\balpha\b")
BACK_AFTER = re.compile(r"\s+points?\s+(?:\w+\s+){0,3}?back\b")  # "adds 1.61 points back"
MARKET_TERM = re.compile(r"\b(?:market|beta)[- ](?:term|component|contribution|leg|piece|part|portion)\b|\b(?:explained|accounted for|driven) by (?:the )?(?:beta|market exposure)\b|\bbeta[- ](?:driven|explained)\b")  # "the market term absorbs 7.28 points"
GAP_BY_BEFORE = re.compile(r"\bby\s+(?:(?:almost|nearly|about|some|roughly|around|close to|just over|just under|more than|less than|over|under)\s+)?$", re.IGNORECASE)
SIGNALS_COUNTED = re.compile(r"신호 ?(?:수|건수|횟수)|\bnumber of (?:\w+ )?signals\b", re.IGNORECASE)
KO_FIGURE_AS = re.compile(r"\d%?\s?(?:로|으로)\s(?:그\s)?$")  # "연 1.8%로 절반에", "연 2.43%로 그 절반에도": the figure the fraction compares
KO_SHORT_OF_FRACTION = re.compile(r"\s?에\s?도?\s?(?:채\s?|한참\s?|훨씬\s?)?(?:못 ?미|불과|그쳤|그친|가까)|\s?(?:이|가)\s?(?:채\s?)?안\s?(?:됐|된|되)")  # "절반에도 못 미쳤다", "절반이 채 안 됐고"
GROWN_CAPITAL = re.compile(r"\b(?:(?:multipl(?:ied|ies|ying)|grew|grow(?:s|ing)?)\s+(?:(?:its|the|their|starting|initial|invested)\s+){0,2}(?:capital|money|stake|investment|equity)|(?:capital|money|the stake|the investment)\s+(?:grew|multiplied))\s+(?:by\s+(?:a factor of\s+)?|(?:some|about|roughly|nearly|almost)\s+)?$", re.IGNORECASE)  # "it multiplied capital 2.64 times"
KO_GROWN_CAPITAL = re.compile(r"(?:자산|원금|자본|계좌|투자금|평가액|돈|[억만]\s?원)(?:이|을|은|는|도|으로|,)?\s(?:[^\s\d]+\s|\d+년(?: 반)? (?:만에|사이|동안)\s){0,3}$")  # "자산이 두 배를", "원금을 세 배 가까이"
CURVE_POINT_RIGHT_BEFORE = re.compile(rf"(?:{CURVE_POINT.pattern})\s?\(?$", re.IGNORECASE)
EFFECT_ADDED = re.compile(r"\b(?:added|adds|contributed|contributes|subtracted|subtracts|took|takes|knocked|shaved)\s+(?:(?:about|around|roughly|some|nearly|almost|close to|just over|just under|an extra|a further)\s+)?$", re.IGNORECASE)
EFFECT_TO = re.compile(r"[^.;]{0,30}?\b(?:to|from|off)\s+(?:(?:the|its|our|their)\s+)?(?:\w+\s+)?(?:result|results|return|returns|performance|cagr|total|gain|gains)\b", re.IGNORECASE)  # "Hedging the dollar added some 0.9% annually to the result"
EFFECT_BY = re.compile(r"\b(?:trimmed|trims|cut|cuts|reduced|reduces|shaved|lowered|dragged|knocked|clipped|boosted|boosts)\b[^.;]{0,40}\bby\s+(?:(?:about|around|roughly|some|nearly|almost|close to|just over|just under)\s+)?$", re.IGNORECASE)
SOME_TRADES_BEFORE = re.compile(r"\b(?:came|come|comes|coming|earned|made|produced) (?:from|in|on)\s+(?:(?:just|only|a mere|the best|its best|the top)\s+)?$", re.IGNORECASE)
WHOLE_PERIOD_ONLY = {"exposure", "turnover", "num_trades", "win_rate", "profit_factor", "sharpe", "sortino", "calmar", "beta", "alpha"}  # "..., 2016년 4월 18일 주부터 3주뿐이며, 시장 노출은 34%": a date in an earlier clause does not part these
KO_REGIME_LEVEL_AFTER = re.compile(r"(?:\s?(?:국면|구간|장세))?의\s(?=\d+\.\d+(?!\d|\s?(?:%|개월|년|일|주)))")  # "횡보 국면의 0.989까지", not "약세 국면의 27개월 동안"
KO_REGIME_PART_AFTER = re.compile(r"(?:\s?(?:국면|구간|장세))?\s?(?:의\s?)?(?:후반|초반|중반|말미|초입|막바지|끝자락)(?:부|기)?(?:인|이던|였던|이었던|,|에|의)")
KO_CAPITAL = re.compile(r"원금|투자 ?원금|초기 ?자본")
RUNNING_FIGURES = {"total_return"}  # a figure that grows along the curve: at a date it is that date's, not the stored total
WHOLE_PERIOD_EXTREMES = {"max_drawdown", "max_drawdown_duration_days"}  # "the 33.7% drawdown of March 2020" is still the maximum
LABEL_COLON = re.compile(rf"[^\d:;|{ctx.BULLETS}]*:{{1,2}}\s*$")  # a KPI line's label, then its figure
LABEL_DASH = re.compile(r"\s*(?:[^\s\d]+\s){0,2}[^\s\d]+\s[-–—]\s*$")  # "Profitable - 19": a label of a few words, not a clause of prose before a dash
NAMES_THEN_FIGURES = re.compile(r"(?P<names>[^\W\d_](?:[^\W\d_]| )*(?:\s?[·/]\s?[^\W\d_](?:[^\W\d_]| )*)+?)\s*[:：]?\s*(?P<figures>[-+]?\d(?:[\d.,]*\d)?%?(?:\s?[·/]\s?[-+]?\d(?:[\d.,]*\d)?%?)+)")
LISTED_NAME = re.compile(r"[^\s·/][^·/]*[^\s·/]|[^\s·/]")
LISTED_FIGURE = re.compile(r"[-+]?\d(?:[\d.,]*\d)?%?")
ADVERBIAL_OPENING = re.compile(r"\s*(?:risk-adjusted|on (?:a )?risk(?:-adjusted)?(?: basis)?|on sharpe|overall|in (?:total|all)|still|even so|yet|however)\s*,\s*", re.IGNORECASE)  # "Risk-adjusted, ITA also edged it": the first clause is no subject's
OBJECT_PRONOUN = re.compile(r"it", re.IGNORECASE)
OTHER_SIDE_BEFORE = re.compile(r"\b(?:of|for|to|against|versus|vs\.?|than|beside)\s+$", re.IGNORECASE)
BY_BETWEEN = re.compile(r"\s+by\s+(?:some\s+|about\s+|roughly\s+|just\s+)?", re.IGNORECASE)
OWN_RESULT_BETWEEN = re.compile(r",?\s*(?:to|at)\s+", re.IGNORECASE)
PAIR_WORDS = re.compile(r"\b(?:to|vs\.?|versus|against)\b|\s대\s", re.IGNORECASE)
BRACKET_PAIR_AFTER = re.compile(r"\s?,\s?(?P<name>[^\s\d,()]+)\s?[-+]?\d[^()]*\)")  # "(29.15%, 지수 38.6%)"
THAT_REGIME = re.compile(r"(?:이|그|해당|같은)\s?(?:국면|구간|장세)|\b(?:this|that|the same) (?:regime|phase|stretch)\b|\bwithin it\b", re.IGNORECASE)  # "이 국면의 낙폭은": the regime named before, pointed back to
KO_CHASED_AFTER = re.compile(r"\s?(?:으로|로)\s(?:(?P<ahead>앞서|앞질|제치|눌렀|누르|이겼|이기)|따라가|따라갔|뒤쫓|쫓아가|추격)")  # "13.1%를 연 11.3%로 따라가며"
KO_THAN_FIGURE_BEFORE = re.compile(r"%?\s?(?:보다\s?(?:더\s|훨씬\s|조금\s|약간\s)?(?:낮|높|작|크|큰|얕|깊|못|나은|앞선|뒤진)[가-힣]*|(?:에|과|와)\s?(?P<against>견줘|견주면|비해|비하면|달리|반해)|(?:을|를)\s?(?:(?P<over>웃도는|넘는|앞선|앞지른)|(?P<under>밑도는))|(?P<chased>(?:을|를)(?:\s연)?))\s$")  # "지수의 0.38보다 낮은 0.24", "지수 0.27에 견줘 0.21", "지수 0.29를 웃도는 0.55"
KO_HIGHER_AFTER = re.compile(r"[^.;,]{0,15}?(?:(?P<up>높|크|좋|앞|웃돌|많|나았|나은)|(?P<down>낮|작|나쁘|뒤|밑돌|적|못))")  # "지수 0.39에 견줘 0.32로 더 높았다": which way, told after
KO_NOT_AFTER_WAY = re.compile(r"[가-힣]*지(?:는|도)?\s?(?:않|못)")
KO_COMPARED_TO = re.compile(r"(?:에|데)\s?비(?:하면|해서?|해선|하자면)|(?:것과|와|과)\s?비교(?:하면|해서?|해도)")
WON_LISTED_BEFORE = re.compile(r"[(,=:•·;|/]\s*\d[\d,]*\s+(?:wins?|winners?|won|positive|profitable|in profit|right|hits?)\s*[,•·;|/]\s*$|\b(?:wins?|won|hits?)\s+\d[\d,]*\s*[,;|/]\s*$", re.IGNORECASE)  # "(10 wins, 24.39%", "= 60, 32 positive, 53.33%", "53 • 34 won • 64.15%", "n 104, wins 47, 45.19%", "63 | 36 right | 57.14%", "hits 6; 28.57%"
WON_COUNT_BEFORE = re.compile(r"\b\d[\d,]*\s+(?:positive|winners?|winning|profitable|won|in profit)\s*$", re.IGNORECASE)
KO_WON_THEN_SHARE = re.compile(r"\d\s?(?:회|건|번|차례)(?:이|가|만)?\s?(?:맞아|적중해|이겨)\s$")  # "36번 중 13번이 맞아 36.11%"
KO_WON_AFTER_ASIDE = re.compile(r"\s?(?:이|가|만)?\s?(?:적중|이익(?:을|이)?\s?(?:냈|났|남)|이겼|승리)")
WENT_BELOW_AFTER = re.compile(r"[^.;]{0,30}?(?:밑돌|아래로|하회|\bbelow\b|\bunder\b)")
NEVER_BELOW = re.compile(r"한\s?(?:주|번)도|\bnever\b|않았|없었", re.IGNORECASE)
START_LEVEL_BEFORE = re.compile(r"(?:시작값|시작점|출발점|출발값|기준값)(?:인|이었던)?\s?$|\bstart(?:ing)? (?:value|level|point) of\s$", re.IGNORECASE)  # "곡선은 시작값인 1.0을"
EACH_SHARE_AFTER = re.compile(r"\s?(?:가량|정도|남짓|안팎)?\s?씩|\s+(?:of the (?:time|period|sample|test)\s+)?(?:each|apiece)\b(?!\s+(?:year|month|week|quarter|day)\b)", re.IGNORECASE)  # "3분의 1 가량씩을 차지"
REGIME_WORD = re.compile(r"국면|\bregimes?\b|\bphases?\b", re.IGNORECASE)
SPELL_WORDS = re.compile(r"차지|(?:길이|기간|비중)(?:가|는|이|은|을)?\s|씩(?:이었|였|입니|이다|이며|이고)|\bof the (?:time|period|sample|test)\b", re.IGNORECASE)  # "국면 네 개가 각 25%씩이었다": shares, not returns
KO_HITS_BEFORE = re.compile(r"(?:적중한|(?:들어)?맞(?:은|힌|춘)|(?:이익|수익)으로\s?(?:마감한|끝난)|(?:이익|수익)을\s?(?:남긴|낸)|플러스로\s?(?:마감한|끝난))\s?(?:것|건|횟수)(?:은|이)?\s?$")  # "과매수 청산 61회 가운데 적중한 것은 46회"
WON_BEFORE = re.compile(r"\bwon\s+(?:only\s+|just\s+)?$", re.IGNORECASE)  # "Momentum buys (131 trades) won 74 times"
KO_WINNERS_AFTER = re.compile(r"\s?(?:에서|이|가|은|는)?\s?(?:(?:이익|수익|돈)(?:을|이)?\s?(?:냈|낸|내|났|남|벌)|(?:만|을|를)?\s?(?:이겼|이긴|이기|승리)|(?:이|가|만)\s?들어맞(?!지\s?(?:않|못))|(?:\([^)]*\))?\s?(?:이|가|만)?\s?적중(?:했|한|해|하))")  # "61건을 매매해 23건에서 이익을 냈고"
WINNERS_AFTER = re.compile(r"^\s*(?:(?:trades?|positions?)\s+)?(?:(?:were|was|closed|ended|finished)\s+)?(?:winners|winning|profitable|in (?:a )?profit|at a profit|in the black|positive|correct|successful|with a (?:gain|profit))\b", re.IGNORECASE)  # "closed 21 at a profit", "53 were correct"
OF_WHICH_BEFORE = re.compile(r"\d\)?(?:\s+(?:trades?|signals?|entries|exits|stops|positions))?\s*,\s*of (?:which|them|these|those)\s*,?\s*(?:only\s+|just\s+|a mere\s+)?$", re.IGNORECASE)  # "Z-score stops: 14, of which 2 made money": the winners of the count before
MADE_MONEY_AFTER = re.compile(r"\s*(?:made money|won|were (?:winners|profitable)|closed (?:in|at a) profit)\b", re.IGNORECASE)
PRONOUN = re.compile(r"it(?:s|'s)?", re.IGNORECASE)  # the strategy's weakest name: a pronoun may point at the benchmark
PAIR_TO = re.compile(r"\s+(?:(?:on\s+)?(?:sharpe|sortino|calmar)\s+)?to\s+(?:the\s+[\w-]+(?:'s?|’s?)\s+)?", re.IGNORECASE)  # "TIP had the edge, 0.31 to 0.24 on Sharpe", "Sharpe 0.52 to the industrials' 0.58"
CHANGE_FROM = re.compile(r"\b(?:from|between)\s+(?:(?:about|roughly|around|some|a|an|the)\s+)?$", re.IGNORECASE)
FACTOR = re.compile(r"a\s+factor\s+of\b", re.IGNORECASE)  # "a factor of two and a half": always a ratio of two figures
RANKED_AGAINST = re.compile(r"\b(?:second|third|runner-up)\b[^,;]{0,25}?\bto\s+(?!none\b)(?:the\s+)?(?:[\w-]+\s+){0,2}$|\bbehind\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")  # the regime another is ranked against
THAN_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:than|of)\b", re.IGNORECASE)
RANGE_BEFORE = re.compile(r"\bbetween\s+(\d+(?:\.\d+)?)\s+and\s+$", re.IGNORECASE)
SETTING_BEFORE = re.compile(r"(?:(?:타깃|타겟|목표)(?: ?변동성)?(?:인|은|는|치인)?|(?:빠른|느린) ?선|시그널 ?선?|신호선|\btarget(?:s|ed|ing)?|\btowards?|\baim(?:s|ed|ing)? (?:at|for))\W{0,3}$", re.IGNORECASE)
SIZED_FOR = re.compile(r"\b(?:re)?(?:siz|scal)(?:e|es|ed|ing)\b[^,;]{0,40}\b(?:for|to)\s+$", re.IGNORECASE)  # "Sizing XRO.AX for 25% annualised risk"
SETTING_AFTER = re.compile(r"\s?(?:변동성 ?)?(?:타기팅|타깃팅|타깃|타겟|목표)|\s(?:vol(?:atility)? )?target\b|\s?(?:밑|아래|위|이하|이상)(?:이면|면|로 (?:내려가|떨어지|올라가|오르)면)\s|\s?(?:을|를)\s(?:밑돌|넘|하회|상회)(?:으면|면)\s|\s?에\s맞(?:춤|추|춰|춘)|\s?(?:아래|밑|위)(?:에)?서\s(?:사|팔|파|매수|매도|진입|청산)", re.IGNORECASE)  # "25% 변동성 타기팅", "a 10% vol target", "-90 밑이면 매수하고", "연 25%에 맞춤"
COUNTERFACTUAL = re.compile(r"\b(?:would|could|might)(?: not)? (?:have|be)\b")  # "coupons missed ... would have been worth 1.4% a year"
RATIO_OF = re.compile(r"\b(?:every|in)\s*$", re.IGNORECASE)  # "two of every three", "one in four": a ratio, its whole no count
SHARE_OF_BEFORE = re.compile(r"\b(?:of|out of)\s+(?:(?:the|its|all|their)\s+)?$", re.IGNORECASE)  # "24 of 67 trades": 67 is the whole


def numeric_claims(sentence: str, facts: FactSheet, previous_regime: str | None = None, previous_figures: tuple[float, ...] = ()) -> list[Finding]:
    """Every figure ``sentence`` states as a result, judged against ``facts``; "that regime" is
    ``previous_regime``, the last one the sentences before named, and a multiple with nothing to
    divide ("지수의 약 3분의 1입니다.") divides ``previous_figures``, the last ones the text stated before."""
    return _Sentence(sentence, facts, previous_regime, previous_figures).claims()


def _names_rate(masked: str, span: ctx.Clause, metric: str) -> bool:
    rate = METRIC_PATTERNS[metric][1]
    return rate is not None and rate.search(masked, span.start, span.end) is not None

RETURN_LOST_BEFORE = re.compile(r"\b(?:lost|loses|losing|gave back|gives back|cost|shed)\s+(?:(?:about|some|almost|nearly|just)\s+)?[-+]?$", re.IGNORECASE)
FALL_TOLD = re.compile(r"\b(?:drawdowns?|falls?|slides?|dips?|declines?|drops?|slumps?|troughs?|bottomed|lows?|touched|hole|setbacks?|pullbacks?)\b|낙폭|하락(?:의|은|는|이|을|폭|에서|이었)|깊은 골|바닥|저점|빠졌|빠진|빠져|밀렸|주저앉|증발")  # a fall named at a figure
RESULT_TOLD = re.compile(r"\b(?:ended|finished|closed|overall|returns?|returned)\b|끝났|끝냈|마감|마쳤|전체 기간|수익률|수익은")  # a figure told as a result, not a fall
FALL_RANKED = re.compile(r"\b(?:second|third|next)[- ](?:deepest|largest|biggest|worst)\b|(?:두|세) ?번째|[23]위|그다음")  # a rank among the falls, which a depth alone does not check
RETURN_LOST_AFTER = re.compile(r"\s?(?:를|을|의)?\s?(?:손실|잃|까먹|반납|내줬|벌|수익)")

class _Sentence(CurveClaims, SignalClaims, RegimeClaims):
    """One sentence's figures, each read in the context of its clause and of the sentence."""

    @cached_property
    def own_comparison(self) -> re.Match[str] | None:
        """Two of the strategy's own figures compared in the sentence, read once for all its figures."""
        return own_comparison(self.text, self.facts.benchmark_name)

    def claims(self) -> list[Finding]:
        findings: list[Finding] = []
        claimed: list[tuple[str, bool]] = []  # (metric, read plainly) of each figure judged so far
        for index, number in enumerate(self.numbers):
            if index and GROUP_BREAK.search(self.text, self.numbers[index - 1].end, number.start):
                claimed.clear()  # "... average 3.51% | ATR trailing exits: 33 · wins 14 · 42.42%": a new group names its own figures
            clause = self._clause_of(number)
            finding = self._claim(index, number, clause, claimed)
            if finding is not None and finding.status == "supported" and (fall := self._misplaced_fall(finding, number, self.clauses[clause])):
                which = "deepest" if fall is self.facts.drawdowns[0] else f"{abs(fall.depth):.2%}"
                finding = finding.model_copy(update={"status": "unverifiable", "note": f"the {which} fall ran from {fall.peak} to {fall.recovery or 'the end of the test'}, not when the text says: sent to review"})
            if finding is not None and finding.status == "supported" and (end_depth := self._depth_told_as_end(finding, number, self.clauses[clause])) is not None:
                finding = finding.model_copy(update={"status": "unverifiable", "note": f"the text tells where the curve ends, {end_depth:.2%} below the peak, not how deep the fall went: sent to review"})
            if finding is not None:
                findings.append(finding)
        return findings + (self._signal_judgements() if ko.HANGUL.search(self.text) else [])

    def _market_way(self, number: Numeral) -> int | None:
        """The sign of beta times the index's CAGR that the verb between the beta and its points
        tells: the market's share of the return ("soaks up", "implies") is positive; what it "hands
        back" is negative; "costs"/"adds" say so for alpha when alpha is told after the figure
        ("costs 0.60 points, so alpha sits under the CAGR"), else for the return ("costs the
        strategy 4.49 points"). None when no such verb, or another figure's words, lie between."""
        beta = max((m.end() for m in BETA_WORD.finditer(self.lowered, 0, number.start)), default=None)
        between = self.lowered[beta:number.start] if beta is not None else ""
        verb = MARKET_VERB.search(between)
        if verb is None or NOT_MARKET_TERM.search(between):
            return None
        for_alpha = bool(ALPHA_AFTER.search(self.lowered, number.end))
        if verb.group("share"):
            return 1
        if verb.group("back") or BACK_AFTER.match(self.lowered, number.end):
            return -1
        return (1 if for_alpha else -1) if verb.group("cost") else (-1 if for_alpha else 1)

    def _market_term(self, claim: str, number: Numeral) -> Finding:
        """The part of the growth the benchmark explains: beta times the benchmark's CAGR, in points."""
        beta, benchmark = self.facts.strategy.get("beta"), self.facts.benchmark.get("cagr")
        if beta is None or benchmark is None:
            return unverifiable(claim, number, "a market term, for which the store has no beta or benchmark CAGR: sent to review")
        term = beta * benchmark * 100
        fits = shown_fits(-number.value if number.negative else number.value, term if number.negative else abs(term), number.decimals, self._qualifier(number))  # "hands back 1.07 points": a size
        note = f"beta {beta:g} times the benchmark's CAGR {benchmark:.2%}: {term:.2f} points"
        if fits and (way := self._market_way(number)) is not None and way * round(term, 4) <= 0:
            fits, note = False, f"{note}, but the text gives it the other sign"  # "a 1.24 beta costs the strategy 4.49 points" of a gain
        return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(term, 4), status="supported" if fits else "unverifiable",
                       note=note + ("" if fits else ": sent to review"))

    def _claim(self, index: int, number: Numeral, clause: int, claimed: list[tuple[str, bool]]) -> Finding | None:
        """The figure's finding. "Ten points deeper than the 43.7%" is first read against the
        sentence's own figures, then against the stored gap of a metric, and never blocks."""
        told = POINTS_GAP.match(self.text, number.end) if number.unit == "pp" else None
        span = self.clauses[clause]
        if number.unit in ("pp", "bps") and (own := self.own_comparison) and (BY_BETWEEN.fullmatch(self.text, own.end(), number.start) or own.start("second") < number.start < own.end()):  # "연수익률보다 0.08%p 높았다"
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
                status = "supported" if shown_fits(number.value, share, number.decimals, self._qualifier(number)) else "unverifiable"
                return Finding(claim=claim, kind="numeric", entity="strategy", metric="share_below_start", claimed=number.value, stored=round(share, 2), status=status,
                               note=f"the share of the curve's points below its start: {under.points} of {under.total}" + ("" if status == "supported" else ", not what the text says: sent to review"))
        if implied.states_level(self.text, number) and (level := self._level(claim, number, of=1.0 if number.unit == "x" else 100.0)):
            return level
        if number.unit == "days" and ctx.KO_INDICATOR_AFTER.match(self.text, number.end):  # "14일 RSI가 30 밑으로": the indicator's period, a setting
            held = any(abs(value - number.value) < 1e-9 for value in self.facts.settings.values())  # "slow_ema: 80" for "80일 지수이평"
            return None if held else unverifiable(claim, number, "an indicator's period that no stored setting gives: sent to review")
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
                return unverifiable(claim, number, f"{number.text} is not the {days:g} days the text gives beside it: sent to review")
            if OUT_OF_MARKET.search(self.masked, span.start, span.end):
                return unverifiable(claim, number, "a length of time out of the market, which the store does not keep")
            if HELD_FOR.search(self.masked, span.start, number.start) and not DRAWDOWN_NOUN.search(self.masked, span.start, span.end):
                return unverifiable(claim, number, "how long positions were held, which the store does not keep")
            return self._length(claim, number) if DRAWDOWN_LENGTH.search(self.masked, span.start, span.end) else None
        if number.unit == "x" and ATR_AFTER.match(self.text, number.end):  # "a stop three times the 10-day ATR away": a setting quoted, or else to review
            return None if self._multiplier_set(number) else unverifiable(claim, number, "a multiple of the ATR that no stored setting gives: sent to review")
        fraction = number.unit == "%" and number.decimals < 0  # "3분의 1": a fraction written out
        if (number.unit == "x" or fraction) and not KO_PROFIT_FACTOR_BEFORE.search(self.text, max(0, number.start - 30), number.start) and (FACTOR.match(number.text) or RELATIVE_MULTIPLE.match(self.text[number.end:]) or KO_RELATIVE_MULTIPLE_BEFORE.search(self.text[:number.start]) or KO_RELATIVE_MULTIPLE_AFTER.match(self.text[number.end:]) or self._between_amounts(index) or self._grows_capital(number) or self._bounded_multiple(number, fraction) or (number.unit == "x" and self._return_as_multiple(number) is not None)):
            if SETTING_MULTIPLE_BEFORE.search(self.text, max(0, number.start - 20), number.start) and self._multiplier_set(number):
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
            fits = shown_fits(number.value, 1.0, number.decimals, None) and not (WENT_BELOW_AFTER.match(self.text, number.end) and not NEVER_BELOW.search(self.text))  # every curve is kept as a multiple of its first value; "...을 2021년 8월에 밑돌았다" is another claim
            return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=1.0, status="supported" if fits else "unverifiable",
                           note="the curve's first value" if fits else "a start of the curve other than its first value, 1.0: sent to review")
        if number.unit == "%" and EACH_SHARE_AFTER.match(self.text, number.end) and SPELL_WORDS.search(self.text, span.start, span.end) and REGIME_WORD.search(self.text) and self.facts.regimes:
            return self._each_regime_share(claim, number, clause)
        named = self._metric(index, number, clause, claimed)
        if number.unit in ("%", "pp", None) and not number.negative and not (named and named.by_noun and named.metric != "beta") and (term := MARKET_TERM.search(self.lowered, max(span.start, number.start - 40), number.start)) and not re.search(r"\d|'s\b", self.lowered[term.end():number.start]) and (number.unit is not None or POINTS_AFTER.match(self.text, number.end)):
            return self._market_term(claim, number)  # "with beta at 1.13 the market term absorbs 7.28 points": beta times the benchmark's CAGR
        if number.unit is None and named and METRICS[named.metric].kind in ("ratio", "count") and POINTS_AFTER.match(self.text, number.end) and not POINT_VERB_AFTER.match(self.text, number.end):
            if named.metric == "beta" and self._market_way(number) is not None and (term := self._market_term(claim, number)).status == "supported":
                return term  # "a 0.55 beta soaks up 5.03 points of the index's gain", "a short-leaning beta ... hands back 1.07 points"
            return unverifiable(claim, number, f"{number.text} points, which no {named.metric} is: sent to review")  # "at a 1.14 beta that index return implies some 30 points a year"
        if number.unit is None and self._whole_test_extreme(number, span) and (point := self._curve_point(claim, number, span)):
            return point  # "전 기간 최저 평가액은 2022년 9월 26일 주의 0.990": the curve's lowest value, not that week's
        if (named is None or not named.by_noun) and number.unit in ("%", None) and (week := self._dated_week(claim, number, span)) and week.status == "supported":
            return week  # "In the week of 30 March 2020 the book rose 0.8%": that week's move, not the total return a verb names
        if number.unit in (None, "x", "bps", "days") and not (named and named.by_noun) and self._setting_at(number):
            return None  # "once a 60-day z-score moves beyond 2.25", "never geared beyond 1.5x": a figure no noun names, equal to a setting, quotes it
        restated = clause > 0 and RESTATED.match(self.lowered[span.start:span.end])  # "slippage of $2.50 a side, or close to 1.5% a year": the same topic
        topic = UNSTORED_TOPICS.search(self.masked[self.clauses[clause - 1].start if restated else span.start:span.end]) or self._topic_as_subject(span)
        topic = topic or CURRENCY_RESTATED.search(self.lowered, 0, span.end)  # "Measured in dollars, the total return shrinks to 41%": the whole sentence is restated
        if topic and topic.group(1).startswith("spread") and self._gap_spread(span):
            topic = None  # "(a spread near 8.7 points)" between the book and its benchmark is their gap
        if topic and (named is None or not named.by_noun or number.unit == "pp" or topic.group(1).endswith(("side", "short exposure")) or AFTER_COSTS.search(self.text, span.start, span.end) or CURRENCY_RESTATED.match(topic.group(0)) or NOT_THE_WHOLE.match(topic.group(1))):  # "tax cut the CAGR by 1.2 points", "the after-tax CAGR"
            return unverifiable(claim, number, f"the store has no figure for {topic.group(1)}")
        own_noun = bool(named and named.by_noun and named.near and named.metric in WHOLE_PERIOD_ONLY)
        if (period := self._sub_period_of(span)) and not (named and named.metric in WHOLE_PERIOD_EXTREMES) and not (own_noun and period.start() < span.start and any(period.end() <= other.start < span.start for other in self.numbers)):
            if fall := self._fall_of_curve(self._stated(number, clause), None, span):  # a fall dated in its own clause is no part of the period
                return fall
            if (named is None or named.inherited) and (number.unit is None or (number.unit == "%" and KO_CAPITAL.search(self.text, 0, number.start))) and (point := self._curve_point(claim, number, span)):
                return point  # "곡선 최저는 2014년 2월 초 0.844", "원금 밑으로 떨어져 16년 2월 말엔 90.5%까지 밀렸고"
            if (named is None or named.inherited or not named.by_noun or number.unit is None) and (week := self._dated_week(claim, number, span)):
                return week  # "2020년 3월 23일 주에는 오히려 1.25% 올랐다"
            return unverifiable(claim, number, f"the store has whole-period figures only, not for {period.group(0)!r}")
        if PART_OF.match(self.text[number.end:]):
            return unverifiable(claim, number, "a part of a figure, which the store does not break down")
        if EFFECT_BY.search(self.text, span.start, number.start) or (EFFECT_ADDED.search(self.text, span.start, number.start) and EFFECT_TO.match(self.text, number.end)):
            return unverifiable(claim, number, "how much something moved a figure, which the store does not break down")  # "the real's weakness trimmed Embraer's result by around 1.1% each year"
        if named and named.metric == "num_trades" and SOME_TRADES_BEFORE.search(self.text, max(0, number.start - 30), number.start):
            return unverifiable(claim, number, "a part of the trades, which the store does not break down")  # "71% of the profits came from three trades"
        if named and METRICS[named.metric].kind == "count" and COUNT_PER_PERIOD.match(self.text[number.end:]):
            return unverifiable(claim, number, "a count per period, where the store keeps the whole period's count")
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
                return judge(self._stated(number, clause), Reading("share_of_time", f"regime:{label}", self.facts.regimes.get(label, {}).get("share_of_time"), metric_sure=True, explicit=True), [])
            metric = named.metric if number.unit is None and named and named.by_noun and METRICS[named.metric].kind == "ratio" else "total_return"  # "샤프 최고는 강세(1.73)": a ratio is no return
            if metric != "total_return" and (misranked := self._misranked(claim, number, span, aside, metric)):
                return misranked
            reading = Reading(metric, f"regime:{aside}", self.facts.regimes.get(aside, {}).get(metric), metric_sure=True, explicit=True)
        elif self._is_spread(number, named):
            reading = self._spread(number, named)
        elif named is None:
            if number.unit in (None, "n"):
                return self._curve_point(claim, number, span) if number.unit is None else None  # "기말 1.775"
            if self._end_below_peak(number):  # "기말 2.15는 그보다 72.5% 낮습니다": the end's depth below a peak, no other figure
                return self._fall_of_curve(self._stated(number, clause), None, span) or unverifiable(claim, number, "how far below a peak the curve ends, which no open fall gives: sent to review")
            capital = number.unit == "%" and KO_CAPITAL.search(self.text, 0, number.start)  # "원금 밑으로 떨어져 16년 2월 말엔 90.5%까지": a point of the curve
            return (self._by_value(index, claim, number, clause) or self._fall_of_curve(self._stated(number, clause), None, span) or (capital and self._curve_point(claim, number, span))
                    or self._dated_week(claim, number, span) or unverifiable(claim, number, f"no metric named near {number.text!r}"))
        else:
            reading = self._reading(index, number, clause, named)
        claimed.append((reading.metric, reading.plain))
        stated = self._stated(number, clause)
        reading = self._other_regime(stated, reading, clause) or reading
        finding = judge(stated, reading, self._alternatives(reading))
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
        if finding.status == "unverifiable" and not reading.plain and (depth := self._some_fall_depth(stated, reading)):
            return finding.model_copy(update={"status": "supported", "note": f"{finding.note.split(';')[0]}; it is the depth of {depth}"})
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

    def _return_as_multiple(self, number: Numeral) -> float | None:
        """"강세가 +160%(2.6배)로": a multiple in brackets right after a return restates it as a
        multiple of the money (1 + the return); the return, as a fraction, else None."""
        before = max((other for other in self.numbers if other.end <= number.start), key=lambda other: other.end, default=None)
        if before is None or before.unit != "%" or not RETURN_THEN_MULTIPLE.fullmatch(self.text, before.end, number.start):
            return None
        if FALL_NAMED_BEFORE.search(self.text, self.clauses[self._clause_of(before)].start, before.start):
            return None  # "최대 낙폭은 32.54%(1.36배)로 닛케이 25.7%보다": a depth, no return
        return (-before.value if before.negative else before.value) / 100

    def _between_amounts(self, index: int) -> bool:
        """"1억 원은 4배 가까운 3억 9,590만 원이 됐다": a multiple set between two amounts is their ratio."""
        return 0 < index < len(self.numbers) - 1 and self.numbers[index - 1].unit == self.numbers[index + 1].unit == "krw"

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
        if (grown := self._return_as_multiple(number)) is not None:
            holds = shown_fits(target, 1 + grown, number.decimals, qualifier)
            return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(1 + grown, 2), status="supported" if holds else "unverifiable",
                           note=f"the return just before it, as a multiple of the money ({1 + grown:.2f}x)" + ("" if holds else ": sent to review, not blocked"))
        if (gloss := GLOSSED_AFTER.match(self.text, number.end)) and implied.fits_multiple(float(gloss.group(1)) / 100, target, qualifier, 2):
            return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=float(gloss.group(1)), status="supported",
                           note=f"{number.text!r} glosses the {gloss.group(1)}% after it, which is checked on its own")  # "가치의 절반 가까이(48.99%)"
        figures = [other for other in self.numbers if other is not number and other.unit != "x" and other.value]
        reference = min(figures, key=lambda other: min(abs(other.start - number.end), abs(number.start - other.end)), default=None)
        before = list(self.previous_figures)
        nearest = abs(reference.value) if reference else before.pop() if before else None  # "... 19.6%입니다. 지수의 약 3분의 1입니다."
        others = [abs(other.value) for other in figures if other is not reference and (other.unit != "pp" or reference.unit == "pp")] + before + self._own_figure(number)  # a gap in points is no part of a level
        pair = implied.multiple_of(target, qualifier, nearest, others) if nearest else None
        if pair and reference and KO_MULTIPLE_OF_FIGURE.fullmatch(self.text, reference.end, number.start):  # "샤프 0.52는 BEL20(0.24)의 절반": 0.24 is the whole
            pair = next(((part, abs(reference.value)) for part in others if implied.fits_multiple(part / abs(reference.value), target, qualifier)), None)
        if pair is None:
            return unverifiable(claim, number, f"a multiple ({number.text!r}) that no two figures of the sentence give: sent to review, not blocked")
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
            if side and shown_fits(number.value, gap, number.decimals, self._qualifier(number)):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(gap, 4), status="supported",
                               note=f"the gap between {told:g}% and the stored CAGR, {cagr:.2%}")
        return unverifiable(claim, number, f"a gap ({number.text!r}) to {own.group('own')} that the figure before it does not give: sent to review, not blocked")

    def _gap_of_own(self, claim: str, number: Numeral, own: re.Match[str]) -> Finding:
        """The gap "by N basis points" after two of the strategy's own figures compared; the side is the comparison's to check."""
        first, second = (self.facts.strategy.get(own_figure(own.group(name))) for name in ("first", "second"))
        if first is not None and second is not None:
            gap = abs(first - second) * (10_000 if number.unit == "bps" else 100)
            if shown_fits(number.value, gap, number.decimals, self._qualifier(number)):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(gap, 4), status="supported",
                               note=f"the gap between the stored {own_figure(own.group('first'))} and {own_figure(own.group('second'))}")
        return unverifiable(claim, number, f"a gap ({number.text!r}) between two of its own figures that the store does not give: sent to review, not blocked")

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
            if (ranged and float(ranged.group(1)) <= gap <= number.value) or shown_fits(number.value, gap, number.decimals, qualifier):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(gap, 4), status="supported",
                               note=f"a gap of two figures ({first:g} and {second:g}), each checked on its own")
        return unverifiable(claim, number, f"a gap ({number.text!r} points) that the figures beside it do not give: sent to review, not blocked")

    def _own_figure(self, number: Numeral) -> list[float]:
        """The strategy's stored figure of the metric named in the multiple's clause, as text writes it
        ("최대 낙폭은 지수(55.3%)의 절반 수준": the strategy's own drawdown is the other side), or the
        signals' counts for a count of signals."""
        span = self.clauses[self._clause_of(number)]
        named = nearest_metric(self.masked, span.start, span.end, number)
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
        return next((name for name, value in self.facts.settings.items() if spelled(name) and shown_fits(signed if value < 0 else number.value, value * scale(name), number.decimals, None)), None)

    def _grows_capital(self, number: Numeral) -> bool:
        return number.unit == "x" and bool(KO_GROWN_CAPITAL.search(self.text, max(0, number.start - 30), number.start) or (GROWN_CAPITAL.search(self.text, max(0, number.start - 40), number.start) and not self._dated_inside()))  # not "by the October 2024 peak it had multiplied capital 1.17 times"  # "1억 원은 2억 1,510만 원, 약 2.2배가 됐다": across the comma

    def _multiplier_set(self, number: Numeral) -> bool:
        return any(MULTIPLIER_SETTING.search(name) and shown_fits(number.value, value, number.decimals, None) for name, value in self.facts.settings.items())

    def _neighbours(self, number: Numeral) -> tuple[Numeral | None, Numeral | None]:
        """The sentence's figures just before and just after ``number``."""
        index = self.numbers.index(number)
        return (self.numbers[index - 1] if index else None), (self.numbers[index + 1] if index + 1 < len(self.numbers) else None)

    def _after_count(self, number: Numeral) -> bool:
        before = self._neighbours(number)[0]
        return before is not None and before.unit in (None, "n") and before.decimals == 0

    def _respective_signal(self, number: Numeral) -> str | None:
        """For a Korean pair of figures ("44.8%와 37.9%") after a pair of signals ("추세 진입과 추세
        이탈이"), the signal in the same place; None for a figure in no such pair."""
        before, after = self._neighbours(number)
        place = 0 if after and KO_AND.fullmatch(self.text, number.end, after.start) else 1 if before and KO_AND.fullmatch(self.text, before.end, number.start) else None
        pairs = [(first[0], second[0]) for first, second in zip(self.signals, self.signals[1:]) if second[2] <= number.start and KO_AND.fullmatch(self.text, first[2], second[1])]
        return pairs[-1][place] if place is not None and pairs and ko.HANGUL.search(self.text) else None

    def _dated_inside(self) -> bool:
        """A date other than the test's own span ("over April 2015 - September 2025" dates the whole
        test; "in January 2015 alone" or "up to the December 2024 high" does not)."""
        start, end = self.facts.events.get("start"), self.facts.events.get("end")
        whole = [(first, last) for first, last in dates.joined(self.text, self.date_mentions) if last is not first and start and end and first.covers(start) and last.covers(end)]
        return any(not any(m is first or m is last for first, last in whole) for m in self.date_mentions)

    def _topic_as_subject(self, span: ctx.Clause) -> re.Match[str] | None:
        """"Quarterly rolls of the contract, plus financing, cost about 0.15% a year": a topic the
        store has no figure for, as the sentence's subject, owns its figures until someone is named
        (not in an aside: "Dividends, which the price index leaves out, would have lifted ...")."""
        asides = [c for c in self.clauses if c.relative]
        named = [m for m in self.mentions if m.start < span.end and not any(c.start <= m.start < c.end for c in asides)]
        return None if named else self.lead_topic

    def _sub_period_of(self, span: ctx.Clause) -> re.Match[str] | None:
        """The sentence's part of the period, for a figure in ``span``: "weekly returns" only
        within its own clause ("the Sharpe ratio is 0.01, because volatility drag turns a small
        average weekly gain into a compound loss")."""
        period = self.sub_period
        if period and PER_INTERVAL.fullmatch(period.group(0)) and not span.start <= period.start() < span.end:
            return None
        return period

    def _metric(self, index: int, number: Numeral, clause: int, claimed: list[tuple[str, bool]]) -> Named | None:
        """The metric named nearest the figure in its clause (a noun beats a verb); in a clause
        that states the other side of a comparison, or that names none, the metric named before
        (for a bare number only when it is the other side of a comparison or set off alone).
        Days can only be a drawdown's length, named anywhere in the sentence."""
        span = self.clauses[clause]
        if number.unit == "days":
            return nearest_metric(self.masked, 0, len(self.masked), number)
        if in_order := self._named_in_order(number):
            return in_order  # "샤프·소르티노·칼마 0.34·0.50·0.11"
        if (own := self.own_comparison) and own.end("first") < number.start < own.start("second") and own_figure(own.group("second")) == "gap":
            return None  # "alpha exceeded its 1.70-point yearly margin over KIE": the gap's figure, not alpha's
        if (own := self.own_comparison) and OWN_RESULT_BETWEEN.fullmatch(self.text, own.end(), number.start) and (figure := own_figure(own.group("second" if any(own.start() <= other.start < own.end() for other in self.numbers) else "first"))) in METRICS:
            return Named(figure, by_noun=True)  # "Alpha of 1.65% sat below the annual return, at 3.94%": the second; "drags alpha below the annual return, to -4.56%": the first  # "drags alpha below the annual return, to -4.56%": the first of the two
        if number.unit in (None, "n") and ((WINNERS_AFTER.match(self.text[number.end:]) or KO_WINNERS_AFTER.match(self.text, number.end)) and not SHARE_OF_BEFORE.search(self.text[:number.start])
                                            or (OF_WHICH_BEFORE.search(self.text, max(0, number.start - 45), number.start) and MADE_MONEY_AFTER.match(self.text, number.end))) or (
                number.unit in (None, "n", "x") and WON_BEFORE.search(self.text, max(0, number.start - 20), number.start)) or (
                number.unit in (None, "n") and KO_HITS_BEFORE.search(self.text, max(0, number.start - 20), number.start)):
            return Named("winning_trades", by_noun=True)  # "Only 33 trades were winners", not "of its 118 trades were winners"
        if number.unit is None and number.decimals == 0 and any(SIGNAL_COUNT_LABEL.fullmatch(self.text, end, number.start) for _, _, end in self.signals if end <= number.start):
            return Named("num_trades", by_noun=True)  # "atr_trailing_stop exits: 33": the signal's count, after its name
        if number.share_of:
            return Named("win_rate" if number.share_of == "trades" else "exposure", by_noun=True)
        if number.unit is None and index > 0 and self.numbers[index - 1].share_of == "trades" and self.numbers[index - 1].end == number.start:
            return None if RATIO_OF.search(self.numbers[index - 1].text) else Named("num_trades", by_noun=True)  # the whole of "99 of 164", not of "two of every three"
        if number.unit == "%" and RETURN_AFTER.match(self.text[number.end:]):
            return Named("total_return", by_noun=False)
        if clause > 0 and (LABEL_COLON.match(self.text, self.clauses[clause - 1].start, number.start) or LABEL_DASH.match(self.text, self.clauses[clause - 1].start, number.start)):  # "Trade count: 126 - hit rate: 36.51%", "Profitable - 19"
            label = self.clauses[clause - 1]
            if (named := nearest_metric(self.masked, label.start, number.end, number)) and (named.by_noun or _names_rate(self.masked, label, named.metric)):  # to the figure: "연복리: 22.31%" looks ahead at it
                return replace(named, by_noun=True, label=label)  # "per annum: 5.33%" too
        if KO_OF_AFTER.match(self.text, number.end) and (owned := nearest_metric(self.masked, number.end, min(span.end, number.end + 14), number)) and owned.by_noun:
            return owned  # "0.36의 샤프와 0.54의 소르티노": the noun after "의" names the figure before it
        found = nearest_metric(self.masked, span.start, span.end, number)
        if found and found.by_noun:
            return found
        if number.unit == "x" and YEARLY_AFTER.match(self.text[number.end:]):
            return Named("turnover", by_noun=False)  # "capital turned roughly five times a year"
        if number.unit == "%" and KO_YEARLY_BEFORE.search(self.text[span.start:number.start]):
            return Named("cagr", by_noun=False)  # "연 17.8% 오른"
        if found and found.metric == "total_return" and ANNUALISED_LEAD.match(self.text):
            return Named("cagr", by_noun=True)
        compared = span.pivot or (index > 0 and self._paired(self.numbers[index - 1], number))
        if number.unit is None and not compared and not self._alone(number) and not self._owner_alone(number):
            return found
        if number.unit == "%" and _sign_written(number) and any(KO_REGIME_TOLD_BEFORE.fullmatch(self.text, end, number.start) for _, start, end in self.regimes if span.start <= start and end <= number.start):
            return Named("total_return", by_noun=False)  # "뒤이은 약세는 -13.26%·샤프 -1.17로": a regime's figure with no noun is its return, not the metric of the clause before
        before = self._metric_before(number, claimed)
        if before and APPOSITIVE_AT.match(self.text[span.start:span.end]):
            return before
        if found and not (compared and before):
            return found
        if before is None and found is None and number.unit == "%" and self._scope(self.regimes, number):
            return Named("total_return", by_noun=False)  # "the bull regime was the standout at +44.2%"
        chosen = before or found
        if chosen and ((number.text.startswith("+") and chosen.metric not in SIGNED) or (number.negative and chosen.metric in NEVER_NEGATIVE)) and self._scope(self.regimes, number):
            return Named("total_return", by_noun=False)  # "the trending regime was the best at +25%", after "every regime ended in profit"; "..., 기간 16%로 최단, 약세 -30%": no share is negative
        return chosen

    def _named_in_order(self, number: Numeral) -> Named | None:
        """"샤프·소르티노·칼마 0.34·0.50·0.11", "Sharpe/Sortino: 0.41/0.58": names joined as a list,
        then as many figures joined the same way; each figure is the name in its place."""
        for listed in NAMES_THEN_FIGURES.finditer(self.text):
            figures = [match.span() for match in LISTED_FIGURE.finditer(self.text, listed.start("figures"), listed.end("figures"))]
            names = [(listed.start("names") + match.start(), listed.start("names") + match.end()) for match in LISTED_NAME.finditer(listed.group("names"))]
            if (number.start, number.end) in figures and len(names) == len(figures):
                start, end = names[figures.index((number.start, number.end))]
                named = nearest_metric(self.masked, start, end, number)
                return named if named and named.by_noun else None
        return None

    def _metric_before(self, number: Numeral, claimed: list[tuple[str, bool]]) -> Named | None:
        """The last metric claimed, or named, earlier in the sentence whose kind fits the unit; for
        a figure set off alone ("Half of the trades, 50.1%, were winners"), named anywhere in it."""
        clause = self._clause_of(number)
        if clause > 0:  # "its largest drawdown, 17.5%, ...": the noun just before, in a clause with no figure of its own
            previous = self.clauses[clause - 1]
            start = max([n.end for n in self.numbers if previous.start <= n.start < previous.end], default=previous.start)  # "0.85 that shortfall leaves alpha slightly negative, at -0.17%": after its own figure
            named = nearest_metric(self.masked, start, previous.end, number)
            if named and named.by_noun and METRICS[named.metric].kind != "count":
                return Named(named.metric, by_noun=False, inherited=True)
        if claimed and claimed[-1][0] == "winning_trades" and number.unit == "%":
            return Named("win_rate", by_noun=False)  # "z_stop: 14 signals; 3 winners; 21.43%": the winners' share, not the mean of the group before
        for metric, plain in reversed(claimed):
            if METRICS[metric].kind != "count" and unit_fits(METRICS[metric].kind, number.unit):
                return Named(metric, by_noun=False, inherited=plain)
        found = nearest_metric(self.masked, 0, number.start, number, before_only=True)
        if found is None and self._alone(number):
            found = nearest_metric(self.masked, 0, len(self.masked), number)
        return Named(found.metric, by_noun=False) if found and METRICS[found.metric].kind != "count" else None

    def _gap_spread(self, span: ctx.Clause) -> bool:
        """"A spread of 8.7 points" in a sentence that names the benchmark: the gap between the two."""
        return any(n.unit == "pp" for n in self.numbers if span.start <= n.start < span.end) and any(m.entity == "benchmark" for m in self.mentions)

    def _is_spread(self, number: Numeral, named: Named | None) -> bool:
        """A gap between strategy and benchmark: "beat SPY by 5%", or any figure in percentage
        points ("an edge of 3.6 points"), the unit of differences, except an alpha."""
        before = self.text[:number.start]
        after_comparison = bool(COMPARE.search(before) and SPREAD_BEFORE.search(before))
        compared_after = bool(KO_COMPARE.match(self.text[number.end:number.end + 12].lstrip("가량약정도 ")))  # "1.6%p가량 뒤처졌고 알파도 ...": the alpha is the next claim's
        return after_comparison or (number.unit == "pp" and (compared_after or not (named and named.by_noun and named.metric == "alpha")))

    def _spread(self, number: Numeral, named: Named | None) -> Reading:
        """How far the strategy and the benchmark are apart on the metric the clause names (a
        noun), else the one the comparison names, else growth (CAGR)."""
        comparisons = list(COMPARE.finditer(self.text, 0, number.start))
        compared = compared_on(self.text, comparisons[-1]) if comparisons else "growth"
        pair_after = len([n for n in self.numbers if comparisons and comparisons[-1].end() <= n.start < number.start]) >= 2  # the two figures the gap is between, told after the comparison
        if pair_after and (later := nearest_metric(self.masked, comparisons[-1].end(), number.start, number, before_only=True)) and later.by_noun and later.metric != "alpha":
            compared = later.metric  # "0.28 Sharpe trails XXJ at 0.31, and at 39.29% its maximum drawdown goes beyond the index's 38.89%, by some forty basis points"
        if KO_DEPTH_AFTER.match(self.text, number.end):  # "XMJ의 35.2%보다 9.7%p 깊었다": a gap in depth
            compared = "max_drawdown"
        opened = self.text.rfind("(", 0, number.start)
        if opened > self.text.rfind(")", 0, number.start) and (before := nearest_metric(self.masked, max(0, opened - 15), next(n.end for n in self.numbers if n.start > opened), number, before_only=True)) and before.by_noun:
            compared = before.metric  # "가장 깊은 하락폭(58.85%, 지수 44.2%로 14.65%p 차)": the gap of the bracket's pair
        metric = named.metric if named and named.by_noun and named.metric != "alpha" else {"growth": "cagr"}.get(compared, compared)  # an alpha is itself a gap
        ours, theirs = self.facts.strategy.get(metric), self.facts.benchmark.get(metric)
        gap = abs(ours - theirs) if ours is not None and theirs is not None else None
        return Reading(metric, "strategy vs benchmark", gap, metric_sure=True, explicit=True, magnitude=True)

    def _reading(self, index: int, number: Numeral, clause: int, named: Named) -> Reading:
        if named.label and not METRICS[named.metric].strategy_only:
            entity, explicit = next((m.entity for m in self.mentions if named.label.start <= m.start < named.label.end), "strategy"), True
        else:
            entity, explicit = self._entity(index, number, clause, named.metric)
        told_yearly = named.metric == "total_return" and YEARLY_AFTER.match(self.text[number.end:])  # "an 11.6% yearly gain": the CAGR
        metric, stored_entity, stored = self._stored("cagr" if told_yearly else named.metric, entity, number)
        yearly = metric == "cagr" and bool(YEARLY_AFTER.match(self.text[number.end:]) or KO_YEARLY_BEFORE.search(self.text[max(0, number.start - 6):number.start]))
        return Reading(metric, stored_entity, stored, named.by_noun or yearly, explicit, plain=(named.by_noun and named.near) or named.inherited or yearly)

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
                if any(self.clauses[clause].start <= at < number.start for _, at, _ in self.regimes) and not self._benchmark_named_in(clause):
                    return "strategy", True  # "추세 국면 자체 낙폭 27.68%보다 깊은": a regime's own figure is the standard, not the index's
                return ctx.other_side(self.subjects[clause]), False
        if held := next((m for m in reversed(self.mentions) if m.end <= number.start and m.entity == "benchmark" and KO_HELD_BETWEEN.fullmatch(self.text, m.end, number.start)), None):
            return held.entity, True  # "같은 EEM을 사 두기만 했을 때의 연 6.6%": what holding the index gave
        opened = self.text.rfind("(", 0, number.start)
        if opened > self.text.rfind(")", 0, number.start) and (named_before := next((m for m in self.mentions if 0 <= opened - m.end <= 1 and m.entity == "benchmark" and not PRONOUN.fullmatch(self.text, m.start, m.end)), None)) and not PAIR_WORDS.search(self.text, opened, closed := self.text.find(")", opened) % (len(self.text) + 1)) and not any(opened < m.start < closed for m in self.mentions):
            return named_before.entity, True  # "Against the ChiNext index (Sharpe -0.41, drawdown 46.10%) CATL's book ...": the bracket after a name holds its figures
        if opened > self.text.rfind(")", 0, number.start) and index + 1 < len(self.numbers) and self._paired(number, self.numbers[index + 1]) and (compared := KO_COMPARE.search(self.text, max(0, opened - 40), opened)) and not KO_COMPARE.search(self.text, compared.end(), opened) and (
                beaten := next((m for m in reversed(self.mentions) if m.end <= compared.start() and KO_OBJECT_AFTER.match(self.text, m.end)), None)):
            return ctx.other_side(beaten.entity), True  # "SPBLPSPT를 연 1.8%포인트 앞섰고(5.98% 대 4.18%)": the pair's first figure is the subject's
        if (pair := BRACKET_PAIR_AFTER.match(self.text, number.end)) and opened > self.text.rfind(")", 0, number.start):
            labelled = next((m for m in self.mentions if m.start == pair.start("name")), None)
            if labelled is not None:
                return ctx.other_side(labelled.entity), True  # "고점 대비 하락(29.15%, 지수 38.6%)": the bracket's first figure is the other side's
        if KO_MULTIPLE_OF_BEFORE.search(self.text, 0, number.start):  # "지수의 3분의 1 남짓인 26.85%": the subject's, a fraction of the index's
            return self.subjects[clause], True
        if index > 0 and (than := KO_THAN_FIGURE_BEFORE.search(self.text, max(0, number.start - 25), number.start)) and self.numbers[index - 1].end == than.start() + (self.text[than.start()] == "%") and self._told_way_holds(than, self.numbers[index - 1], number):
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
            if standard := self._standard_after_pair(number):  # "샤프는 0.28 대 -0.02, 최대 낙폭은 28.83% 대 41.2%로 두 잣대 모두 지수보다 좋았다"
                return ctx.other_side(standard), True
            return self._relative_to(clause) or self._subject_in(clause, number) or self.subjects[clause], False
        inside = [
            m for m in self.mentions
            if span.start <= m.start < span.end and not self._korean_after(number, m)
            and not (m.start >= number.end and self._owner_of_another(self.text[number.end:m.start]))
            and not (m.end <= number.start and KO_STANDARD_NAME.match(self.text, m.end))  # "비교 지수보다 ... 샤프 비율은 0.41": the standard, not the owner
        ]
        if inside:
            return min(inside, key=lambda m: chars_apart(m.start, m.end, number)).entity, True
        if relative := self._relative_to(clause):
            return relative, True
        other_side_first = bool(numerals(self.text[span.start:number.start]))  # "above 70 lost 23.4%": 70 is what "above" compares
        if span.pivot and self._qualifier(number) is None and not self._regime_named_in(clause) and not other_side_first:  # "above 0.5" bounds the subject's own figure; "worse than the 6% of the bear regime" compares regimes
            return ctx.other_side(self.subjects[clause]), False
        if OTHER_SUBJECT.match(self.text[span.start:number.start]):  # "while sterling lost 2.5% a year" (no name in the clause)
            return ctx.other_side(self.subjects[clause]), False
        return self.subjects[clause], False

    def _whole_period_maximum(self, number: Numeral, regime: str) -> bool:
        """A maximum drawdown named by the sentence is the whole period's, unless a regime is named in
        its clause (the regime's own) or the clause refers back to one ("그 구간 낙폭 59.76%"); in Korean
        a maximum told before the regimes that place its days stays the whole period's, unless the
        figure is that regime's own ("최대 낙폭 18.72%는 횡보 국면이던 ...")."""
        clause = self._clause_of(number)
        span = self.clauses[clause]
        if not ctx.names_maximum_drawdown(self.lowered) or ctx.BACK_REFERENCE.search(self.lowered, span.start, number.start):
            return False
        return not self._regime_named_in(clause) or (self._korean_maximum_first(number, span) and not self._fits_regime_fall(number, regime))

    def _korean_fall_first(self, number: Numeral) -> bool:
        """A Korean figure named a fall ("85% 폭락은", "23.97% 낙폭은") before every regime of its
        clause, at the depth of one of the curve's falls: Korean names a figure's owner before it."""
        span = self.clauses[self._clause_of(number)]
        inside = [(start, end) for _, start, end in self.regimes if span.start <= start < span.end]
        return (bool(KO_FALL_AFTER_FIGURE.match(self.text, number.end)) and self._sizes_a_fall(number)
                and all(start > number.start and self._places_day(end) for start, end in inside))

    def _english_fall_named(self, number: Numeral, regime: str | None) -> bool:
        """"the deepest episodes were a 34.20% fall from July 2019 to April 2020": an English figure
        named a fall, at the depth of one of the curve's falls, and not the own drawdown of a regime
        named before it (none in its clause: "the bull regime brought a 8.36% drawdown" is the regime's)."""
        return (not ko.HANGUL.search(self.text) and bool(FALL_AFTER_FIGURE.match(self.text, number.end)) and not self._regime_named_in(self._clause_of(number))
                and self._sizes_a_fall(number) and not (regime and self._fits_regime_fall(number, regime)))

    def _sizes_a_fall(self, number: Numeral) -> bool:
        return any(ctx.states_depth(number, fall.depth) for fall in self.facts.drawdowns)

    def _places_day(self, regime_end: int) -> bool:
        """A regime named just before a single day ("강세 국면이던 2015년 2월 9일 주", "약세 국면 첫날인 2019년 7월 2일"): it places that day."""
        return any(0 <= m.start - regime_end <= 16 and m.first == m.last for m in self.date_mentions)

    def _fits_regime_fall(self, number: Numeral, regime: str) -> bool:
        own = self.facts.regimes.get(regime, {}).get("max_drawdown")
        return own is not None and shown_fits(number.value, abs(own) * 100, number.decimals, None)

    def _korean_maximum_first(self, number: Numeral, span: ctx.Clause) -> bool:
        """"40.79%짜리 최대 하락은 강세 국면 끝물인 '18.1.8 주간...", "가장 깊은 하락은 강세 국면이던 2015년 2월
        9일 주 ...에서 출발해 ... 32.49% 내려갔고": Korean names a figure's regime before it, so a maximum
        told before every regime of its clause, each placing a day, is the whole period's (not "최대
        낙폭 31.03%는 고변동성 국면에서 멈췄다", a place no check reads)."""
        inside = [(start, end) for _, start, end in self.regimes if span.start <= start < span.end]
        maximum = ctx.MAXIMUM_DRAWDOWN.search(self.lowered, span.start, number.end + 12)
        if not ko.HANGUL.search(self.text, span.start, span.end) or maximum is None or any(start < maximum.start() for start, _ in inside):
            return False
        return all(self._places_day(end) for _, end in inside)  # each regime places a day, which the dates' own checks judge

    def _told_way_holds(self, than: re.Match[str], standard: Numeral, number: Numeral) -> bool:
        """For "지수 0.29를 웃도는 0.55" or "지수 0.39에 견줘 0.32로 더 높았다": whether the figure lies on
        the side of the standard the words say (else the pair is left to review, not given owners
        that would pass a wrong direction)."""
        ours, theirs = (-n.value if n.negative else n.value for n in (number, standard))
        if than.group("over") or than.group("under"):
            return (ours > theirs) == bool(than.group("over"))
        if than.group("chased"):  # "SPY 연 13.1%를 연 11.3%로 따라가며": only with a verb that says which side is ahead
            way = KO_CHASED_AFTER.match(self.text, number.end)
            return bool(way) and (ours > theirs) == bool(way.group("ahead"))
        if than.group("against") and (way := KO_HIGHER_AFTER.match(self.text, number.end)):
            negated = KO_NOT_AFTER_WAY.match(self.text, way.end())  # "0.33으로 좋지 못했다": lower
            return (ours > theirs) == (bool(way.group("up")) != bool(negated))
        return True

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

    @staticmethod
    def _owner_of_another(gap: str) -> bool:
        """Whether a name after a figure, ``gap`` after it, owns another figure: the other side of a
        comparison ("... exposure to the index"), the subject of another clause ("1% a year as the
        index added 5.1%") or an aside's ("샤프 0.42(지수 0.31)")."""
        return bool(NOT_SUBJECT_BEFORE.search(gap) or OTHER_CLAUSE_BEFORE.search(gap) or gap.rstrip().endswith("("))

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
        noun = METRIC_PATTERNS[metric][0]
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

    def _stored(self, metric: str, entity: ctx.Entity, number: Numeral) -> tuple[str, str, float | None]:
        """(metric, entity label, stored value) for the figure, in the regime or signal the
        sentence is talking about there."""
        signal = self._scope(self.signals, number)
        if signal and ko.HANGUL.search(self.text) and (named := max((end for _, _, end in self.signals if end <= number.start), default=None)) is not None and KO_STRATEGY_BETWEEN.search(self.text, named, number.start):
            signal = None  # "평균회귀 전략은 162번", "채널 하단 청산을 쓰는 이 전략의 승률은": the strategy, named after the signal's words
        if signal and metric == "num_trades" and (KO_TRADES_BEFORE.search(self.text, max(0, number.start - 12), number.start) or KO_TRADES_AFTER.match(self.text, number.end)) and not self._signal_named_in(self._clause_of(number)):
            signal = None  # "돌파형 :: 거래 583회": the strategy's trades, named at the figure, not the signal the description names (not "변동성 필터 신호는 거래 58회")
        if signal and metric in ("win_rate", "avg_trade_return") and KO_ALL_TRADES.search(self.text, max((end for _, _, end in self.signals if end <= number.start), default=0), number.start) and not self._signal_named_in(self._clause_of(number)):
            signal = None  # "전체 거래 834회의 승률 57.3%를 둘 다 밑돌았다", "58회 거래의 승률은 41.8%, 건당 평균 1.162%": the whole book's, after the signals
        if signal and (respective := self._respective_signal(number)):
            signal = respective  # "추세 진입과 추세 이탈이 29번씩, 적중률은 44.8%와 37.9%": each figure of a pair to its signal in turn
        if signal and metric == "winning_trades" and {"count", "hit_rate"} <= self.facts.signals[signal].keys():
            figures = self.facts.signals[signal]  # "Vol rescales: 318, 152 positive": the signal's winners, its hit rate of its count
            return "winning_trades", f"signal:{signal}", figures["count"] * figures["hit_rate"]
        if signal and metric in SIGNAL_METRICS:
            metric = SIGNAL_METRICS[metric]
            if metric == "hit_rate" and _sign_written(number):
                metric = "avg_return"  # "vol_rescale fired 212 times with 109 winners, 51.42%, +0.06%": a signed figure is the signal's average, no hit rate
            elif metric == "avg_return" and number.unit == "%" and not _sign_written(number) and self._after_count(number) and (after := self._neighbours(number)[1]) and _sign_written(after):
                metric = "hit_rate"  # "청산 신호 51건은 70.59%에 +1.18%였다": after the count, an unsigned share then a signed average
            return metric, f"signal:{signal}", self.facts.signals[signal].get(metric)
        named, metric = metric, STRATEGY_SYNONYMS.get(metric, metric)  # "the trend phase since 2020, a third of the test,": the share of time of the regime just named
        regime = self._scope(self.regimes, number)
        if regime and metric == "max_drawdown" and (OCCURRED_IN.match(self.lowered[number.end:]) or self._whole_period_maximum(number, regime)):
            regime = None  # "the maximum drawdown of 12.8% occurred in the bear market", "가장 깊은 64.24% 하락은 강세 국면 끝자락 ...에서": the whole period's, located in a regime
        if metric in ("max_drawdown", "total_return") and (self._korean_fall_first(number) or (entity == "strategy" and self._english_fall_named(number, regime))):
            metric, regime = "max_drawdown", None  # "22.72%짜리 하락은 약세 국면 첫날인 2019년 7월 2일에서 시작해", "a 34.20% fall from July 2019": one of the curve's falls
        clause = self.clauses[self._clause_of(number)]
        if regime and metric == "max_drawdown" and self.facts.drawdowns and not self._regime_named_in(self._clause_of(number)) and not THAT_REGIME.search(self.text, clause.start, clause.end) and ctx.states_depth(number, self.facts.drawdowns[0].depth) and any(m.covers(self.facts.drawdowns[0].peak) or m.covers(self.facts.drawdowns[0].trough) for m in self.date_mentions):
            regime = None  # "...에서 시작됐다. 이후 약세장으로 넘어가 ... 12월 29일 1.071에서 멈췄고, 낙폭은 정확히 24.77%였다": the deepest fall the sentence dates, the regime named clauses before
        if regime and metric not in REGIME_FIGURES:
            regime = None  # "its 1.18 beta means the falling market explains some of that": no regime has a beta
        if regime == OTHER_PERIOD:
            return metric, "a period the store has no regime for", None
        if regime and not self._regime_named_in(self._clause_of(number)) and not (named == "share_of_time" and self._share_kept_for(regime, number)) and metric not in self.facts.regimes.get(regime, {}):
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

    def _share_kept_for(self, regime: str, number: Numeral) -> bool:
        """A share of time belongs to the regime named in the clause before, or in Korean to the one
        a list's item opened a few clauses before ("약세 +21%, 샤프 0.79, 기간 비중 10%") when the clause
        names no strategy; in English "held on 97% of days" two clauses after a regime is the
        strategy's exposure, as is "전략은 전체 기간의 93% 동안 포지션을 보유했다"."""
        clause = self._clause_of(number)
        listed = bool(ko.HANGUL.search(self.text)) and any(self._regime_named_in(before) for before in range(max(0, clause - LIST_ITEM_CLAUSES), clause)) and not self._strategy_named_in(clause)
        return (clause > 0 and self._regime_named_in(clause - 1)) or (listed and "share_of_time" in self.facts.regimes.get(regime, {}))

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
                  and not (start >= number.end and spans is self.signals and KO_THAN_AFTER.match(self.text, end))  # "매수 88건은 적중률 55.68%로 매도 84건보다": the other side
                  and not (start >= number.end and self._deepest_fall_placed(number, span, label, end))
                  and not (spans is self.regimes and KO_REGIME_PART_AFTER.match(self.text, end) and self._fall_figure(number))
                  and not (spans is self.regimes and self._places_another(end, number))]  # "강세 국면 후반, 2025년 3월 10일 주의 0.709로 낙폭은 58.85%": a time in it
        if inside:  # "from +5% in the trending phase to +22% in the high-volatility year": the nearest one
            return min(inside, key=lambda found: chars_apart(found[1], found[2], number))[0]
        if spans is self.regimes and (named_after := self._regime_after(spans, number)):
            return named_after
        before = [(label, start) for label, start, end in spans if start < span.start and not (spans is self.regimes and ((KO_REGIME_PART_AFTER.match(self.text, end) and self._fall_figure(number)) or self._places_another(end, number)))]
        if not before or ctx.REGIME_RESET.search(self.lowered, before[-1][1], span.end):
            return None
        if spans is self.regimes and NAMED_PERIOD.search(self.text, span.start, span.end):
            return OTHER_PERIOD  # "..., the bear the only one in the red, and the Covid year still finished 3% higher"
        return before[-1][0]

    def _standard_after_pair(self, number: Numeral) -> ctx.Entity | None:
        """The name a Korean pair is compared with later in its sentence part ("... 지수보다 좋았다"):
        the pair's first figure is the other side's."""
        end = self.text.find(". ", number.end) % (len(self.text) + 1)
        standard = next((m for m in self.mentions if number.end < m.start < end and m.entity == "benchmark" and KO_STANDARD_AFTER.match(self.text[m.end:])), None)  # not "보유 전략보다", buy-and-hold
        return standard.entity if standard and ko.HANGUL.search(self.text, number.end, end) else None

    def _places_another(self, regime_end: int, number: Numeral) -> bool:
        """"횡보 국면의 0.989까지 50.59% 떨어졌다", "고변동성 국면 막바지인 2021년 7월 19일 주에 2.001로 ...":
        a regime told as the place of a level or a date between it and the figure, not the figure's owner."""
        if not (self._at_regime_edge(regime_end) or KO_REGIME_LEVEL_AFTER.match(self.text, regime_end)):
            return False
        return any(regime_end < other.start < number.start for other in self.numbers)

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
            if metric in METRICS and unit_fits(METRICS[metric].kind, number.unit)
            and stated_matches(stated, reading := Reading(metric, entity, value, metric_sure=True, explicit=True), value)  # drawdowns by magnitude, as everywhere
        ]
        if len(fits) != 1:
            return None
        fit = fits[0]
        return Finding(claim=claim, kind="numeric", entity=fit.entity, metric=fit.metric, claimed=stated.value(METRICS[fit.metric].kind), stored=fit.stored, status="supported",
                       note="no metric named: the one stored figure it equals")

    def _alternatives(self, reading: Reading) -> list[tuple[str, float]]:
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

    def _some_fall_depth(self, stated: Stated, reading: Reading) -> str | None:
        """"고변동성 국면은 -18%로 잃은 데다 그 안에서 41.68%나 빠졌고", "touched -23.88% in late October
        2018": a figure the text does not name, shown to a decimal, that is the depth of one of the
        curve's falls (to its trough) or the own drawdown of the regime told before it, where a fall is
        named at the figure and it is told neither as a result ("약세 국면은 -28.04% 하락으로
        마감했다": the regime's return) nor of the index. A whole figure could equal one by chance,
        so only decimals."""
        number = stated.number
        span = self.clauses[self._clause_of(number)]
        part = self.text.rfind(";", 0, number.start) + 1  # the figure's part of the sentence
        if number.unit != "%" or number.decimals < 1 or reading.entity != "strategy" and not reading.entity.startswith("regime:") or not FALL_TOLD.search(self.masked, part, span.end + 20):
            return None  # a fall named at the figure (not "fell"/"down", which a regime's return takes too), of the strategy's curve
        if RESULT_TOLD.search(self.masked, span.start, span.end) or any(m.entity == "benchmark" and span.start <= m.start < span.end for m in self.mentions):
            return None  # "전체 기간 동안 22.17% 하락으로 끝났다", "수익률은 -25.98%로": a result; "KRXSTEEL은 ... 34.22% 하락했다": the index's
        if FALL_RANKED.search(self.lowered, part, span.end) or GAIN_VERB.search(self.lowered, max(span.start, number.start - 25), number.start) or RETURN_LOST_BEFORE.search(self.text, max(0, number.start - 25), number.start) or RETURN_LOST_AFTER.match(self.text, number.end):
            return None  # "the steepener lost 2.8%", "36.9%를 잃었습니다", "7.7%를 벌었습니다": a return
        peaks = self._peaks_told(number)  # "2023년 5월 정점 뒤 ... 하락은 최대 5.74%": that peak's fall only
        deepest_only = ctx.names_maximum_drawdown(self.lowered)  # "the deepest drawdown ... reached 52.7%": that one
        falls = self.facts.drawdowns[:1] if deepest_only else self.facts.drawdowns
        depths = [(f"the fall from the {fall.peak} peak", fall.depth) for fall in falls if (not peaks or any(m.covers(fall.peak) for m in peaks)) and self._within(fall, span)]
        owner = next((label for label, at, _ in reversed(self.regimes) if part <= at < number.start), None)  # the regime told last before the figure
        if owner and not (peaks or deepest_only) and (own := self.facts.regimes.get(owner, {}).get("max_drawdown")) is not None:  # "약세 국면 자체의 30.76%": the regime told before it
            depths.append((f"the {owner} regime's own drawdown", own))
        depth = Reading("max_drawdown", "strategy", None, metric_sure=True, explicit=True, magnitude=True)
        return next((name for name, value in depths if stated_matches(stated, depth, value)), None)

    def _held_elsewhere(self, stated: Stated, reading: Reading) -> str | None:
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
                if (entity, metric) != (reading.entity, reading.metric) and metric in METRICS and METRICS[metric].kind == kind and stated_matches(stated, replace(reading, metric=metric, magnitude=True), value):
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

    def _owner_alone(self, number: Numeral) -> bool:
        """"The benchmark's Sharpe was 0.39; the strategy's 0.52": a clause of a name and a figure
        alone, which says the metric before again."""
        span = self.clauses[self._clause_of(number)]
        named = [m for m in self.mentions if span.start <= m.start and m.end <= number.start]
        if len(named) != 1 or PRONOUN.fullmatch(self.text, named[0].start, named[0].end):
            return False
        rest = self.lowered[span.start:named[0].start] + " " + self.lowered[named[0].end:number.start] + " " + self.lowered[number.end:span.end]
        return set(re.findall(r"[a-z]+", rest)) <= APPOSITIVE_WORDS


def _sign_written(number: Numeral) -> bool:
    """A plus or minus written at the figure ("+0.06%", "-13.26%"), not one read from words."""
    return number.text.lstrip()[:1] in ("+", "-", "−")

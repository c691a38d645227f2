"""Figures of the equity curve a sentence tells: its levels and points (peaks, troughs, the end),
weeks and their moves, time below the start, and falls other than the deepest (by depth, by
how far below a peak an open one ends, by length, within the dates and regimes named)."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date

from guardrails import claim_context as ctx
from guardrails import dates
from guardrails import implied_figures as implied
from guardrails import korean as ko
from guardrails.directional_claims import NOT_RECOVERED, PEAK_WORD_AFTER
from guardrails.factsheet import Drawdown, Finding
from guardrails.figure_fit import Reading, shown_fits, Stated, stated_matches, unverifiable
from guardrails.metric_words import METRICS, nearest_metric
from guardrails.numerals import Numeral
from guardrails.sentence_reading import KO_FALL_NOUN, KO_QUALIFIERS, SentenceReading, WEEK_AFTER

FALL_RAN = re.compile(r"(?P<began>시작|출발|비롯)|이어|거쳐|지나|까지|(?P<ended>멈췄|멈춘|바닥을|저점을)")  # where a fall began or ran, not "나왔다" (whose it was)
REGAINED_LATER = re.compile(r"\b(?:until|till)\b|에야|되어서야|돼서야", re.IGNORECASE)  # "did not recover until August 2022": it did
KO_TOPIC_AFTER = re.compile(r"(?:는|은)\s")  # "최대 낙폭 34%는 ...": the figure is the sentence's topic
KO_SETTING_AFTER = re.compile(r"(?:\s?(?:국면|구간|시기|장세))?(?:이던|이었던|인\s(?=\d|[\'’])|에서|에|\s?중에|\s?중이던|\s?중이었던|때|\s?속|의\s(?:\d|끝|말|초|중반|막바지|한가운데))")  # "강세 국면이던 2016년 6월", "강세장에서": where or when, not an owner
FROM_TROUGH = re.compile(r"(?:바닥|저점|최저점)(?:을|를)?\s?(?:찍은|지난|확인한|친)?\s?(?:뒤|후|이후|에서|부터)|\b(?:from|after|off|since) (?:the|its|that) (?:trough|bottom|low)\b", re.IGNORECASE)
DRAWDOWN_NOUN = re.compile(r"drawdown|낙폭|손실 ?구간")  # a length in the clause of a drawdown is the drawdown's
FALL_FROM_BEFORE = re.compile(r"\b(?:slide|fall|drop|decline|drawdown|slump|setback|loss)\s+(?:that\s+(?:began|started)\s+|which\s+(?:began|started)\s+)?(?:from|since|in|of)\s+(?:an?\s+|the\s+|its\s+)?(?:(?:early|mid|late)[- ])?$", re.IGNORECASE)  # "a slide from December 2021"
DIPS = re.compile(r"\b(?:dips?|retreats?)\b")  # "two earlier dips were shallower, 6.19% from June 2014 and ...": falls, where the figure's own clause tells no gain
DIP_AFTER = re.compile(r"\s+(?:dip|retreat)\b")
GAIN_VERB = re.compile(r"\b(?:gain(?:ed|s|ing)?|earn(?:ed|s|ing)?|return(?:ed|s|ing)|r[oi]se|rising|rall(?:ied|ies|ying)|climb(?:ed|s|ing)?|add(?:ed|s|ing)?|made|up)\b")
FROM_AFTER_FIGURE = re.compile(r"\s+(?:from|since)\s+(?:(?:the|its|a|an)\s+)?", re.IGNORECASE)  # "6.19% from June 2014": the date of the fall's peak
KO_PEAK_DATED = re.compile(r"\s?(?:초순|상순|초|중순|하순|말)?\s?(?:(?:의|주의|주)\s)?(?:곡선\s)?(?:전?고점|정점|꼭짓점|꼭대기|최고점|최고치)")  # "2023년 7월 17일 주의 정점": the date of the peak the end is measured from
OPEN_BOUND = re.compile(r"모두|총|까지|이후|부터|\bin all\b|\ball told\b|\bby\b|\bsince\b|\buntil\b|\bbetween\b", re.IGNORECASE)
LONGEST = re.compile(r"가장 ?긴|최장|\blongest\b", re.IGNORECASE)
OUT_OF_ALL_AFTER = re.compile(r"\s?주\s?(?:가운데|중에?|동안의?\s(?:평가\s)?가운데)|\s+weeks?\s+(?:in all|of the test)?\s*,?\s*(?:of which|in which)", re.IGNORECASE)
AFTER_THE_START = re.compile(r"(?:출발|시작)\s?(?:한\s?지|후|뒤)?\s?$")
IN_A_ROW = re.compile(r"연속|내리|(?<=주 )내내|(?<=주)내내|\bin a row\b|\bconsecutive\b|\bstraight\b|\bunbroken\b", re.IGNORECASE)
WEEKLY_STEP = (5, 9)  # a curve whose points are a week apart, give or take a holiday
KO_PEAK_NAMED_BEFORE = re.compile(r"(?:고점|정점|꼭대기|꼭짓점|최고점|최고치)(?:은|는|이|가)?\s*$")  # "곡선 고점은 2020년 1월 1.96이었고"
WEEK_BEFORE = re.compile(r"\bweek\s+(?:of|ending|to|beginning|starting)\s+(?:the\s+)?$", re.IGNORECASE)
NEVER_BEFORE = re.compile(r"\b(?:never|no)\b", re.IGNORECASE)
SPAN_FROM_BEFORE = re.compile(r"\b(?:since|from|after|until|through|before)\s+(?:the\s+)?(?:week\s+(?:of|ending|beginning)\s+)?$", re.IGNORECASE)
KO_SPAN_AFTER = re.compile(r"\s?(?:주\s?)?(?:이후|이래|부터(?!의\s(?:한\s)?주)|까지|뒤|후|전)")  # not "3월 23일부터의 한 주 동안", that week
LEVEL_AFTER = re.compile(r"\s+(?:below|above|under|over|beneath|short of)\b", re.IGNORECASE)
NEXT_WEEK = re.compile(r"(?<!다음)(?<!다음 )(?:그)?다음\s?주|이어진\s?주|(?:한|일)\s?주(?:일)?\s?(?:뒤|후)|\b(?:the\s+)?(?:next|following)\s+week\b|\bthe\s+week\s+after\b(?!\s+next)", re.IGNORECASE)  # one week on from the week told
SECOND_FALL = re.compile(r"두\s?번째(?:로)?\s?(?:큰|깊은)\s?(?:하락|낙폭|조정|손실)(?:은|는|이|가)\s")  # "23.9% 빠진 두 번째 큰 하락은 ... 518일": the subject is another fall, not "두 번째로 큰 하락보다"
LAST_WEEK = re.compile(r"(?:마지막\s?주|기말)(?!\s?(?:보다|대비|에\s?비해))|\b(?:the\s+)?(?:last|final)\s+week\b(?!\s+(?:than|against))", re.IGNORECASE)  # "마지막 주 값도 같은 1.348": the end, not the week dated before
ANOTHER_WEEK = re.compile(r"다음\s?다음\s?주|\bweek\s+after\s+next\b|다음\s?주|이튿|(?:한|일)\s?주(?:일)?\s?(?:뒤|후)|\b(?:next|following|later|subsequent)\s+week\b|\bweek\s+(?:after|later)\b", re.IGNORECASE)
WEEK_NOT = re.compile(r"(?:\b(?:not|never|no)\b|n't)[^.;,]*$", re.IGNORECASE)
KO_NOT_AFTER = re.compile(ko.NOT_AFTER)
FROM_TO_BETWEEN = re.compile(r"\s?에서\s?|\s+to\s+", re.IGNORECASE)
KO_FROM_AFTER = re.compile(r"\s?에서\s?(?:\d|출발)")
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
PREVIOUS_WEEK = re.compile(r"(?:전주|(?:한\s?)?주\s?전|(?:직전|앞선|지난|앞)\s?주)\s?(?:보다|대비|에\s?비해)")
KO_THAN_BEFORE_MOVE = re.compile(r"\s?(?:가량\s?|정도\s?)?(?:(?P<up>높|많)|낮|적)(?:았|은|아|고|다|습)")  # the comparative right after the figure
WEEK_MOVE = re.compile(r"(?P<up>올랐|올라|오른|늘었|늘어|상승|반등|뛰었|\brose\b|\bris(?:es|e)\b|\bgain(?:ed|s)?\b|\badded\b|\bclimbed\b|\bjumped\b)|(?P<down>내렸|내려|내린|떨어|밀렸|밀려|빠졌|빠져|하락|줄었|\bfell\b|\bdrop(?:ped|s)?\b|\blost\b|\bslid\b|\bshed\b|\bsank\b)", re.IGNORECASE)
KO_BELOW_PEAK = re.compile(r"(?:고점|정점|최고치|최고점|꼭짓점|꼭대기)(?:\s?\([^)]*\))?\s?(?:보다|에서|대비)\s*$")
KO_END_DATED = re.compile(r"기말\s?(?:\(|인\s|이던\s)\s?$")
KO_IN_REGIME_AFTER = re.compile(r"\s?(?:국면|구간|장세)?\s?(?:에서|동안|중에|기간에)(?!\s?(?:시작|출발|회복|바닥|저점|고점|정점))")  # "추세 국면에서 ... 빠졌다": where the fall happened, not where it began
EN_IN_REGIME_BEFORE = re.compile(r"\s*(?:in|during|throughout)\s+(?:the\s+)?(?:[\w-]+\s+)?")  # "In the trending regime the strategy gave back 16%": a clause that opens on where
KO_AT_END = re.compile(r"기말|(?:종료|마감) ?(?:시점|일)(?: 기준)?의? ?(?:평가액|값)|마지막 (?:평가|관측|값|종가)|최종 ?(?:값|평가액|가치)|(?<![년월] )(?<![년월])마지막 주(?!\s?\()|현재(?:도|까지)?\s")
KO_BELOW_IT = re.compile(r"(?:그|이)\s?보다\s*$")
KO_PEAK = re.compile(r"고점|정점|최고치|최고점|최고 ?평가액|꼭짓점|꼭대기")
KO_UNDER_AFTER = re.compile(r"\s?(?:낮|아래|밑)")
KO_BOTTOMED_BELOW = re.compile(r"\s*(?:아래|밑)(?:에서|까지)\s*(?:바닥|저점|최저)")  # "32.2% 아래에서 바닥을 봤다": how deep, no bound
STILL_BELOW = re.compile(r"\b(?:still|remains?|remained|yet to|ever since)\b|when the (?:data|test|sample|backtest) (?:end|stopped|closed|finished)|여전히|아직|기말|현재(?:도|까지)?|마지막 (?:평가|관측)")
STILL_OPEN = re.compile(r"\bat the (?:last|latest|final) (?:observation|reading|print|mark|data point)\b|\b(?:still|remains?|remained|yet to)\s+(?:\w+\s+){0,2}?(?:open|below|under|underwater|short|down|recover\w*|regain\w*|unfinished|in (?:a |its )?drawdown)\b")  # a fall told as unfinished in the clause before
# The point of the equity curve a bare value is told of ("곡선 최저는 ... 0.844", "고점(1.154)", "기말 1.775"), the last word before it deciding.
CURVE_POINT = re.compile(
    r"(?P<high>최고(?:점|치)?|\bhighest\b|\b(?:all-time|record) high)|(?P<low>최저(?:점|치)?|\blowest\b|\b(?:all-time|record) low)|(?P<end>기말|마지막(?!\s?주\s?\()|\bend(?:ed|ing)?\b|\bfinal\b|\bclos(?:e|ed|ing)\b)"
    r"|(?P<peak>고점|정점|꼭짓점|꼭대기|\bpeak(?:ed)?\b|\bhigh\b(?![\s-]volatility)|\btop\b)|(?P<trough>저점|바닥|원금을? ?(?:밑돈|하회한)|\btrough\b|\blow\b|\bbottom(?:ed)?\b)",
    re.IGNORECASE,
)
KO_POINT_AFTER = re.compile(r"\s?(?:에서|으로|로)\s?(?:곡선\s?)?(?:(?P<trough>바닥|저점|멈췄|멈춰|멈춘|멎)|(?P<low>최저)|(?P<peak>정점|고점|꼭짓점|꼭대기)|(?P<began>시작(?:됐|했|되었|한|된|해|하))|(?P<high>최고))")  # "6월 중순 2.251에서 바닥을 쳤다", "1.553에서 멈췄다", "1.423에서 시작됐다": where a fall began
KO_PEAK_START = re.compile(r"\s?(?:의\s)?(?:고점|정점|꼭대기|꼭짓점)(?:\s?\([^)]*\))?\s?(?:에서|부터|이후)")  # "2018년 3월 고점 이후": the fall's start
KO_FALL_NOUN_AFTER = re.compile(r"(?:\s?(?:조정|하락|낙폭))?")  # "가장 깊었던 14.13% 조정은"
KO_FALL_NAMED_AFTER = re.compile(r"\s?(?:의\s)?(?:하락|낙폭|손실 ?구간|조정)(?:은|는|이|가|을|도)\s")  # "2015~2016년의 14.57% 하락이": a fall sized
KO_DEEPEST_NAMED_AFTER = re.compile(r"\s?의\s?(?:최대|최악의|가장 (?:깊은|큰))\s?(?:낙폭|하락(?:폭)?|손실)(?:은|는)\s")
KO_PHASE_WORD = re.compile(r"(?:\s?(?:국면|구간|시기|장세))?")
KO_REGIME_EDGE_AFTER = re.compile(r"\s?(?:의\s?)?(?:막바지|말미|끝자락|막판|초입)(?:인|였던|이던|이었던)?\s")  # "추세 국면 막바지인 2024년 12월 9일 주": a point at its edge
REGIME_OPENING = re.compile(r"\W*(?:(?:in|during|through|within|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})?$", re.IGNORECASE)  # the regime the sentence opens with
# "the 1,050 days of the maximum drawdown", "최대 낙폭의 1,050일": the deepest fall's length, named at the figure, whatever fall the sentence dates.
DEEPEST_NAMED_AFTER = re.compile(r"(?:\s?days?)?\s+(?:of|in|for)\s+the\s+(?:max(?:imum)?\s+drawdown|deepest\s+(?:fall|drawdown|decline))\b", re.IGNORECASE)
DEEPEST_NAMED_BEFORE = re.compile(r"(?:최대\s?낙폭|mdd)(?:의|은|는)?\s?$", re.IGNORECASE)
KO_PEAK_AFTER_REGIME = re.compile(r"(?:\s?(?:국면|구간|장세|장))?(?:이|가|의)?\s?(?:[가-힣]+\s){0,3}?(?:고점|정점|꼭대기|최고점)(?:에서|으로부터)")  # "약세 국면이 시작된 직후의 고점에서"
EN_PEAK_BEFORE_REGIME = re.compile(r"\bpeak\s+(?:[a-z]+\s+){0,2}?(?:in|during|while)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)  # "from a peak printed during the 2019-20 bull"
PEAKED_IN = re.compile(rf"{ctx.NOT_AN_OLD_PEAK}\bpeak(?:ed|ing)?\s+(?:in|on)\s+$|\bfrom\s+(?:(?:a|an|its|the)\s+(?:[\w-]+\s+)?)?$", re.IGNORECASE)
KO_DOWN_TO = re.compile(r"\s?(?:까지|으로|로)")
FELL_TO = re.compile(r"\b(?:fell|dropped|sank|slid|slumped|declined|plunged|tumbled|down) (?:\w+ )?(?:to|as low as)\s+$", re.IGNORECASE)  # "the curve fell to 1.94": a trough
KO_GREW_TO = re.compile(r"\s?(?:넘게|남짓|가량|정도|이상|가까이)?\s?(?:으?로\s?)?(?:불렸|불었|불어|늘었|늘려|늘어)")
DATE_OF_END = re.compile(r"\s?(?:(?:한\s)?해의?|의|년의?)?\s?")  # between a date and the end it dates: no clause between
KO_RECORDED = re.compile(r"(?:에|때)\s?(?:기록|찍|나왔|나타났)")  # "... 2019년 7월에 기록됐습니다": when a point came
KO_POINT_WORD = re.compile(r"고점|최고|정점|꼭대기|꼭짓점|한때|바닥|저점|최저")
CURVE_POINT_LEVELS = {"high": {"high"}, "low": {"low"}, "end": {"end"}, "peak": {"high"}, "trough": {"low"}}  # and for a peak or trough, any dated fall's
AT_THE_CLOSE = re.compile(r"\b(?:(?:ended|finished|ends|finishes)\b(?! up\b)|finish(?:ed|es|ing)? the (?:test|backtest|period|sample|run)|(?:end(?:ed|s)?|clos(?:ed|es|ing)) the (?:test|period|sample|run)|at the (?:end|close) of the (?:test|period|sample|run|data)|clos(?:ed|es|ing) (?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d|(?:last|final) (?:print|observation|reading|mark|data point|week)|now|today|currently)\b")
BELOW_IT_AFTER = re.compile(r"\s+(?:below|beneath|under|short of|shy of)\s+(?:it|that|its|this|the)\b", re.IGNORECASE)
EN_BELOW_PEAK_AFTER = re.compile(r"\s+under\s?water\b|\s+(?:below|beneath|under|short of|shy of)\s+(?:it\b(?!\s+(?:was|is|had|has)\b)|(?:that|the|its|this)\s+(?:[\w-]+\s+){0,3}?(?:peak|high|record|top|high-water mark|mark|level)\b)", re.IGNORECASE)
EN_AT_END = re.compile(  # "at the June 2023 close, sat 13.6% beneath that peak", "ended the test 13.6% beneath its peak": the test's own end
    r"\bat the (?:[a-z]+ )?(?:(?:19|20)\d{2} )?(?:close|finish|end)\b(?! of (?!the (?:test|period|sample|backtest|data)\b))|\b(?:ended|finished|closed) the (?:test|period|sample|backtest|run)\b|(?<!which )(?<!that )\b(?:ended|finished)\s+(?:[a-z]+\s+)?(?:19|20)\d{2}\b|\bat end-[a-z]+ (?:19|20)\d{2}\b|\bthe (?:[a-z]+ )?(?:(?:19|20)\d{2} )?(?:finish|close)\b(?! of\b)|\b(?:closing|final) (?:value|level|reading|mark|print|observation)\b|\bthe last (?:[a-z]+ )?(?:(?:19|20)\d{2} )?(?:value|level|reading|mark|print|observation)\b|(?:^|[.;]\s)(?:the\s)?end of (?:the\s)?(?:test|period|sample|backtest)\s?:"
    r"|\bwhen the (?:test|data|sample|backtest) (?:ended|ends|closed|stopped)\b|\b(?:clos(?:e|ed|es|ing)(?:\s+out)?|finish(?:ed|es|ing)?|(?<=book )end(?:ed|s|ing)?|(?<=curve )end(?:ed|s|ing)?|(?<=strategy )end(?:ed|s|ing)?|(?<=portfolio )end(?:ed|s|ing)?)\s+(?=(?:on\s+\d{1,2}\s+[a-z]+\s+(?:19|20)\d{2},?\s+|in\s+[a-z]+\s+(?:19|20)\d{2},?\s+)?(?:(?:about|some|nearly|only|just|barely|merely|roughly|around)\s+)?[\d.]+\s?%\s+(?:below|beneath|under|short of|shy of))", re.IGNORECASE)
END_DEPTH_LABEL = re.compile(r"\b(?:distance|gap|way|shortfall)\s+(?:from|below|off|under|against|to)\s+(?:the\s+|its\s+|that\s+)?(?:peak|high)\s+at\s+the\s+(?:[a-z]+\s+)?(?:(?:19|20)\d{2}\s+)?(?:finish|close|end)\W*(?:about\s+|roughly\s+|some\s+)?$", re.IGNORECASE)  # "Distance from peak at the finish: about 34%"
PEAK_DATED = re.compile(r"[- ](?:peak|high|top|record)\b", re.IGNORECASE)  # "its late-2022 peak"
PEAK_OF = re.compile(r"\b(?:peak|high|top|record) (?:of|in|on|from) (?:the )?$", re.IGNORECASE)  # "its peak of late 2022"
DEPTH_TOLD = re.compile(r"\b(?:bottom(?:ed)?|trough|at its worst|worst point|deepest point)\b|\b(?:reached|hit)\b(?!\s+(?:in|on|during)\b)")  # "... and finished the period almost 24% beneath that high"
OPEN_FALL = re.compile(r"\b(?:still|yet) (?:unrepaired|unrecovered|unhealed|open)\b[^.]{0,40}?\b(?:heaviest|deepest|worst|largest|maximum) (?:fall|drawdown|decline|loss|slide|slump|setback)\b|\b(?:heaviest|deepest|worst|largest|maximum) (?:fall|drawdown|decline|loss|slide|slump|setback)\b[^.;:]{0,20}?\b(?:(?:is|was|remains) (?:still )?(?:open|unrecovered|unhealed|ongoing)|has (?:not|never) (?:closed|ended|healed|been recovered)|never (?:closed|healed)|(?:has |is )?yet to (?:heal|close|end|be (?:regained|recovered|repaired)))\b")  # "The deepest fall is still open: ... closed December 2024 nearly 16% under that mark"
FALL_WORDS = re.compile(r"\b(?:(?:short|shy) of (?:it|its|the|that)\b|setbacks?|pullbacks?|(?:lost|losing|cost|costing)\b[^;]{0,40}?\b(?:between|from|since|by|into)\b|(?:lost|losing|shed)\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?[\d.]+\s?%\s+(?:to|down to)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,4}?(?:low|trough|bottom|floor)\b|g[ai]ven? back|giving back|(?:under|below|beneath) (?:it|its|the|that)\b|declin(?:e|ed|ing)|dip(?:ped)?(?:\s+of)?\s+(?=(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?[\d.]+\s?%)|f[ae]ll(?:s|ing|en)?|shed(?:s|ding)?|s[au]nk|sinking|slid(?:e|es|ing)?|drop(?:s|ped)?|slump(?:ed|s)?|collaps(?:e|ed|es)|plung(?:e|ed|es)|vanish(?:ed|es)?|sell-?off|down|lower|below (?:its|the|a|that) (?:\w+ )?(?:high|peak)|under ?water|drawdowns?|peak|trough)\b|(?:고점|정점|최고치|꼭짓점|꼭대기)(?:\s?\([^)]*\))?\s?(?:보다|에서|대비|부터)|밀렸|밀린|밀려|되밀림|증발했|깎였|깎인|깎여|후퇴(?:했|한|해)|미끄러(?:졌|진|져)|빠졌|빠진|빠져")
# "거기서 23년 8월 말까지 49.8% 빠졌고": plain verbs of a fall, which tell a regime's or the whole test's loss as often ("이 구간에서 12% 하락했다").
KO_FALL_VERBS = re.compile(r"빠졌|빠진|빠져|떨어졌|떨어진|떨어져|하락했|하락한|하락해|내려앉|곤두박질|꺾였|꺾인|꺾여|(?<![을를] )(?<![을를])(?:내렸|내린|내려)(?!놓|앉)")
KO_DOWN_VERBS = re.compile(rf"{KO_FALL_VERBS.pattern}|밀렸|밀려|밀린|깊어|꺼졌|꺼진|주저앉|미끄러|증발|깎였|깎여|깎인")  # "2.358까지 38.75% 깊어졌고": a fall down to a level
RAN_FROM_BEFORE = re.compile(r"\b(?:ran|lasted|stretched|extended|running|lasting|stretching|went|going)\s+(?:all\s+the\s+way\s+)?from\s+(?:the\s+)?(?:(?:early|mid|late)[- ]?)?$", re.IGNORECASE)
EPISODE_FIGURES = {"max_drawdown": "depth", "max_drawdown_duration_days": "days"}
BENCHMARK_WORD = re.compile(r"지수|벤치마크|\b(?:index|benchmark)\b", re.IGNORECASE)  # "지수에 1억 원을 넣었다면": named in words no mention reads


class CurveClaims(SentenceReading):
    """The readings of a sentence's figures that are points, weeks or falls of the equity curve."""

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
            return unverifiable(claim, number, f"no stored total_return for {entity}")
        fits = shown_fits(number.value, start.value * (1 + stored), number.decimals, self._qualifier(number))
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
            if shown_fits(number.value, level * of, number.decimals, qualifier):
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
        if (named := nearest_metric(self.masked, span.start, span.end, number)) and named.by_noun:
            return None  # "샤프 비율은 최저 0.86": the lowest of another figure
        of = 100.0 if number.unit == "%" else 1.0  # "원금 밑으로 떨어져 16년 2월 말엔 90.5%까지 밀렸고": a share of the capital it started with
        after = KO_POINT_AFTER.match(self.text, number.end)
        if number.decimals < (0 if of == 100.0 else 2) or not (words or down_to or after) or self._benchmark_named_in(self._clause_of(number)) or BENCHMARK_WORD.search(self.text, span.start, number.start):
            return None
        point = (after.lastgroup or "") if after else "trough" if down_to else words[-1].lastgroup or ""  # "이듬해 8월 중순 2.358까지 38.75% 깊어졌고": a trough
        began = point == "began"  # "1.423에서 시작됐다": a fall's peak (the deepest's, where the sentence names it), not the curve's high
        point = "peak" if began else point
        previous = max((other.end for other in self.numbers if span.start <= other.end <= number.start and other is not number and not any(m.start <= other.start < m.end for m in self.date_mentions)), default=span.start)
        clause = self._clause_of(number)
        following = self.clauses[clause + 1] if clause + 1 < len(self.clauses) else None
        recorded = following is not None and KO_RECORDED.search(self.text, following.start, following.end) and not KO_POINT_WORD.search(self.text, following.start, following.end) and not KO_FALL_NOUN.search(self.text, following.start, following.end)
        reach = following.end if recorded and not any(number.end <= other.start < following.end for other in self.numbers if other is not number) else span.end  # "곡선의 최저치는 0.997로, ... 2019년 7월에 기록됐습니다": dated in the next clause, which states no figure and tells only when
        dated = [m for m in self.date_mentions if previous <= m.start < reach]  # "곡선 고점은 22년 1월 말 2.152이며 기말 1.775는": the peak's date is not the end's
        before = [m for m in dated if m.start < number.start]
        nearest = before[-1] if before else (dated[0] if dated else None)
        opening = [label for label, at, end in self.regimes if REGIME_OPENING.match(self.text[:at]) and not KO_REGIME_EDGE_AFTER.match(self.text, end)]  # "During the sideways regime, which followed the bull run, the curve fell to 1.25"; not "추세 국면 막바지인 ...", a point
        labels = [label for label, at, _ in self.regimes if span.start <= at < number.start][-1:] or [label for label, at, _ in self.regimes if span.start <= at < span.end][:1] or (opening[:1] if nearest is None or point != "end" else [])  # the regime nearest before it ("약세 국면 막바지인 ... 1.313에서 출발해 횡보 국면의 ..."); the dated end of the test is not held to the regime the sentence opened with ("추세 국면에 들어서서도 ..., 2025년 6월 말 마지막 값 2.169는")
        regimes = [self.facts.regime_dates(label) for label in labels]
        qualifier = self._qualifier(number)
        for name, level in self.facts.levels.items():
            if (name not in CURVE_POINT_LEVELS[point] and not name.endswith(f".{point}")) or (began and (name == "high" or (ctx.names_maximum_drawdown(self.lowered) and name != "max_drawdown.peak"))):
                continue
            day = self.facts.events.get(name)
            placed = all(day is not None and first is not None and last is not None and first <= day <= last for first, last in regimes)  # "횡보장에서 곡선은 0.793에서 바닥을 쳤습니다": in that regime
            if shown_fits(number.value, level * of, number.decimals, qualifier) and placed and (nearest is None or (day is not None and nearest.covers(day))):
                return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value / of, stored=round(level, 4), status="supported",
                               note=f"the curve at its {name}: {level:.3f} times its first value")
        if not self._whole_test_extreme(number, span) and (week := self._dated_week(claim, number, span)) and week.status == "supported":
            return week  # "2025년 4월 7일 주 1.95까지": where the curve stood that week
        return unverifiable(claim, number, f"a level of the curve ({point}) that no stored point of that kind, date and regime gives: sent to review")

    def _whole_test_extreme(self, number: Numeral, span: ctx.Clause) -> bool:
        """"전 기간 최저 평가액은 2022년 9월 26일 주의 0.990": the curve's highest or lowest value, not a
        week's ("2.364로 곡선 최고치를 새로 썼다" too); "2020년 최저 평가액은 ...": a year's, which a dated week may give."""
        if (after := KO_POINT_AFTER.match(self.text, number.end)) and after.lastgroup in ("high", "low"):
            return True
        words = list(CURVE_POINT.finditer(self.text, max(span.start, number.start - 35), number.start))
        return bool(words) and words[-1].lastgroup in ("high", "low") and not any(0 <= words[-1].start() - m.end <= 3 for m in self.date_mentions)

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
        if later > 1 or (not later and (ANOTHER_WEEK.search(self.text, told[-1].end, number.start) or LAST_WEEK.search(self.text, told[-1].end, number.start))):
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
        fits = shown_fits(number.value, abs(move) * 100, number.decimals, self._qualifier(number)) and (move > 0) == bool(verb.group("up"))
        return self._week_finding(claim, number, fits, round(move * 100, 4), f"the curve's week of {day}: {move:+.2%}")

    def _week_level(self, claim: str, number: Numeral, span: ctx.Clause, index: int) -> Finding:
        """"2025년 4월 7일 주 1.95까지", "1.345에서 1.353으로": where the curve stood that week, or the
        week before when the text moves from it; a move told between two levels must go the way
        its verb says."""
        (day, value), previous = self.facts.curve[index], self.facts.curve[index - 1][1]
        moved_from = KO_FROM_AFTER.match(self.text, number.end) or FROM_BEFORE.search(self.text, max(0, number.start - 6), number.start)
        fits = shown_fits(number.value, previous if moved_from else value, number.decimals, self._qualifier(number))
        before = [other for other in self.numbers if other.end <= number.start]
        moved_to = bool(before) and FROM_TO_BETWEEN.fullmatch(self.text, before[-1].end, number.start)
        verb = (moved_from or moved_to) and self._move_verb(number, span)
        fits = fits and not (verb and value != previous and (value > previous) != bool(verb.group("up")))  # "0.984에서 0.926으로 올랐다": it fell
        return self._week_finding(claim, number, fits, round(value, 4), f"the curve's week of {day}: {previous:.3f} to {value:.3f}")

    def _move_verb(self, number: Numeral, span: ctx.Clause) -> re.Match[str] | None:
        """The verb of moving nearest the figure in its clause: "올랐다" after it, "fell" before it."""
        verbs = [*WEEK_MOVE.finditer(self.text, span.start, number.start), *WEEK_MOVE.finditer(self.text, number.end, span.end)]
        if not verbs and PREVIOUS_WEEK.search(self.text, span.start, number.start):  # "직전 주보다 7.19% 적었고", "그 전주 대비 0.20% 높았습니다"
            verbs = [told] if (told := KO_THAN_BEFORE_MOVE.match(self.text, number.end)) else []
        return min(verbs, key=lambda v: v.start() - number.end if v.start() >= number.end else number.start - v.end(), default=None)

    @staticmethod
    def _week_finding(claim: str, number: Numeral, fits: bool, stored: float, shown: str) -> Finding:
        if not fits:
            return unverifiable(claim, number, f"{shown}, not what the text says: sent to review")
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
        return unverifiable(claim, number, f"a drawdown's length of about {written.days:.0f} days; the store has {stored:.0f} days: sent to review" if stored else "the store keeps no drawdown length")

    def _capital_multiple(self, claim: str, number: Numeral, target: float, qualifier: str | None) -> Finding:
        """"자산이 두 배를 넘었다": capital grown by a return the clause states ("115%를 벌어"), by the
        compounded return of the regimes it names or else by the whole test's; a mismatch, or the
        benchmark's capital, goes to review."""
        span = self.clauses[self._clause_of(number)]
        if self._benchmark_named_in(self._clause_of(number)) or BENCHMARK_WORD.search(self.text, span.start, number.start):
            return unverifiable(claim, number, f"the benchmark's capital grown {number.text!r}: the store keeps the strategy's curve only")
        returns = [other.value / 100 for other in self.numbers if other.unit == "%" and span.start <= other.start < number.start]
        regimes = [self.facts.regimes.get(label, {}).get("total_return") for label in dict.fromkeys(label for label, at, _ in self.regimes if span.start <= at < span.end)]
        if regimes and None not in regimes:  # "상승장에서 평가액이 4.9배가 됐습니다": the regimes' growth, compounded
            returns.append(math.prod(1 + value for value in regimes) - 1)
        elif not regimes and (total := self.facts.strategy.get("total_return")) is not None:
            returns.append(total)
        grown = next((1 + r for r in returns if implied.fits_multiple(1 + r, target, qualifier, number.decimals)), None)
        if grown is None:
            return unverifiable(claim, number, f"capital grown {number.text!r}, which no return the text or the store gives: sent to review, not blocked")
        return Finding(claim=claim, kind="numeric", entity="strategy", metric=None, claimed=number.value, stored=round(grown, 2), status="supported",
                       note=f"capital grown {grown:.2f} times by a return of {grown - 1:+.2%}")

    def _other_drawdown(self, stated: Stated, reading: Reading) -> Finding | None:
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
            if not stated_matches(stated, replace(reading, stored=value), value):
                continue
            if field == "days" and self._sized_as_deepest_only(fall, stated.number):
                return unverifiable(stated.claim, stated.number, f"{fall.days} days is the fall from the {fall.peak} peak; the fall the text sizes is the deepest ({self.facts.drawdowns[0].days} days): sent to review")
            if (peaks and not any(m.covers(fall.peak) for m in peaks)) or (open_told and fall.recovery is not None):
                state = f"was regained on {fall.recovery}" if fall.recovery else "was never regained"
                return unverifiable(stated.claim, stated.number, f"the fall of that size peaked on {fall.peak} and {state}, not as the text says: sent to review")
            return Finding(
                claim=stated.claim, kind="numeric", entity="strategy", metric=reading.metric, claimed=stated.value(METRICS[reading.metric].kind),
                stored=value, status="supported", note=f"not the maximum: the drawdown from the {fall.peak} peak ({fall.depth:.2%}, {fall.days} days)",
            )
        return None

    def _sized_as_deepest_only(self, fall: Drawdown, length: Numeral) -> bool:
        """"발레 돈치안 북의 59.66% 낙폭은 1,057일 만에야 메워졌다": the length's clause gives the deepest
        fall's depth, and the sentence not this fall's, so the length told is the deepest's."""
        span = self.clauses[self._clause_of(length)]
        depths = [number for number in self.numbers if number.unit == "%"]
        def sized(number: Numeral, of: Drawdown) -> bool:
            return shown_fits(number.value, abs(of.depth) * 100, number.decimals, None)
        return any(span.start <= number.start < span.end and sized(number, self.facts.drawdowns[0]) for number in depths) and not any(sized(number, fall) for number in depths)

    def _fall_of_curve(self, stated: Stated, reading: Reading | None, span: ctx.Clause) -> Finding | None:
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
        from_peak = next((m for m in self.date_mentions if FROM_AFTER_FIGURE.fullmatch(self.text, number.end, m.start)), None)  # "dips ..., 6.19% from June 2014 and 5.07% from May 2018"
        gain = GAIN_VERB.search(self.masked, span.start, number.start)  # "the book gained 6.19% from June 2014": a rise, not a fall
        part = self.text.rfind(";", 0, number.start) + 1  # where the figure's part of the sentence begins
        listed = from_peak is not None and not gain and (FALL_WORDS.search(self.masked, part, number.start) or DIPS.search(self.masked, part, number.start))
        named_dip = DIP_AFTER.match(self.masked, number.end) and not gain  # "a newer 5.00% retreat from ..."
        told = sized or FALL_WORDS.search(self.masked, *around) or self._plain_fall(reading, span, around) or below or below_peak or listed or named_dip
        if number.unit not in ("%", "days") or (stated.qualifier not in (None, "roughly", "a little over", *(("at most",) if below_peak else ())) and not below) or not told:
            return None
        if reading and (reading.entity == "benchmark" or (reading.plain and reading.metric not in ("max_drawdown", "total_return") and not BELOW_IT_AFTER.match(self.text, number.end))):
            return None  # but "equity slipped 14.73% below it", whatever the clause before named
        clause = self.clauses[self._clause_of(number)]
        if reading is None and any(m.entity == "benchmark" and clause.start <= m.start and m.end <= number.start for m in self.mentions) and not self._strategy_named_in(self._clause_of(number)):
            return None  # "벤치마크는 한때 16.4% 빠졌다": the index's fall, which the store does not date
        bounds_every_fall = stated.qualifier == "at most" and NEVER_BEFORE.search(self.text, 0, number.start)  # "never fell more than 10% below its peak": the deepest fall too
        falls = self.facts.drawdowns[:1] if ctx.names_maximum_drawdown(self.lowered) or bounds_every_fall else self.facts.drawdowns
        exact = replace(stated, qualifier=None) if below else stated
        opening = self._opening(span).start  # "the drawdown is still open: ..., at the last observation in June 2025, sat about 9% beneath that record"
        still = STILL_BELOW.search(self.lowered, span.start, span.end) or STILL_OPEN.search(self.lowered, opening, span.end) or (OPEN_FALL.search(self.lowered, 0, number.start) and AT_THE_CLOSE.search(self.lowered, span.start, span.end)) or (
            STILL_BELOW.search(self.lowered, opening, span.end) and not (reading and reading.plain))  # not "while it remains ahead of cash, its maximum drawdown was 9%"
        if DEPTH_TOLD.search(self.lowered, span.start, span.end):
            still = None  # "bottomed out 52.7% below its peak": how deep it went, not where it ends
        at_end = self._end_told(KO_AT_END, 0, number.start) or (below and self._end_told(KO_AT_END, number.end, span.end)) or (below_peak and ((close := self._end_told(EN_AT_END, opening)) and close.start() < number.start or ((after := EN_AT_END.match(self.text, below_peak.end() + 1)) and self._end_told(EN_AT_END, after.start(), after.end())) or END_DEPTH_LABEL.search(self.text, 0, number.start)))  # "기말 1.775는 그보다 17.5% 낮습니다": how far below its peak the curve ends, no depth
        peaks = [m for m in self._peaks_told(number) if at_end or m.start < number.start or m is from_peak]  # the fall from the peak its part of the sentence dates before it (not "기말(2023.12.25)"), or right after it
        for fall in falls:
            if number.unit == "days":
                figures = {"length": float(fall.days)} if abs(fall.days - number.value) < 0.5 else {}
            else:
                depth = Reading("max_drawdown", "strategy", fall.depth, metric_sure=True, explicit=True, magnitude=True)
                told = (("end depth", fall.end_depth if still or below or below_peak else None),) if at_end else (("depth", fall.depth), ("end depth", fall.end_depth if still else None))
                figures = {name: value for name, value in told if value is not None and stated_matches(exact, depth, value)}
            if sized and any(m.start > number.end and not (m.covers(fall.trough) or (fall.recovery and m.covers(fall.recovery))) for m in self.date_mentions):
                continue  # "28.37% 하락은 2024년 10월 7일 주에 메워지기까지": a later date must be that fall's trough or recovery
            if figures and self._within(fall, span) and (not peaks or not (at_end or fall is not self.facts.drawdowns[0]) or any(m.covers(fall.peak) for m in peaks)):  # the deepest fall's dates are checked apart
                name, value = next(iter(figures.items()))
                metric = "max_drawdown_duration_days" if number.unit == "days" else "max_drawdown"
                return Finding(claim=stated.claim, kind="numeric", entity="strategy", metric=metric, claimed=stated.value(METRICS[metric].kind), stored=value,
                               status="supported", note=f"the {name} of the fall from the {fall.peak} peak ({fall.depth:.2%}, {fall.days} days)")
        if at_end and number.unit == "%" and not ctx.names_maximum_drawdown(self.lowered) and (shallow := self._shallow_open_fall()):  # not "기말 평가액은 최대 낙폭의 고점보다 1.16% 낮았다"
            high, depth = shallow  # "the last value was 0.72% under the peak of 2 June 2025": an open fall too shallow to be listed among the falls
            if stated_matches(exact, Reading("max_drawdown", "strategy", depth, metric_sure=True, explicit=True, magnitude=True), depth) and (not peaks or any(m.covers(high) for m in peaks)):
                return Finding(claim=stated.claim, kind="numeric", entity="strategy", metric="max_drawdown", claimed=stated.value("percent"), stored=depth,
                               status="supported", note=f"the curve ends {depth:.2%} below its {high} high")
        return None

    def _shallow_open_fall(self) -> tuple[date, float] | None:
        """The curve's high and how far below it the curve ends, when that fall is open and too
        shallow to be among the stored falls."""
        if not self.facts.curve or any(fall.recovery is None for fall in self.facts.drawdowns):
            return None
        high = max(self.facts.curve, key=lambda point: point[1])
        depth = self.facts.curve[-1][1] / high[1] - 1
        return (high[0], depth) if depth < 0 else None

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

    def _end_told(self, pattern: re.Pattern[str], start: int, end: int | None = None) -> re.Match[str] | None:
        """Where the text tells the test's end ("기말", "마지막 주", "the September 2025 close"), unless a
        date or a regime told with it makes it another's end ("2021년의 마지막 주", "고변동성 국면의
        마지막 주", "the December 2021 close")."""
        last = self.facts.curve[-1][0] if self.facts.curve else None
        for told in pattern.finditer(self.text, start, len(self.text) if end is None else end):
            dated = [m for m in self.date_mentions if told.start() <= m.start < told.end() or (0 <= told.start() - m.end <= 12 and DATE_OF_END.fullmatch(self.text, m.end, told.start()))]  # "2024년 한 해의 마지막 주", "the December 2021 close"
            regimes = [label for label, _, until in self.regimes if 0 <= told.start() - until <= 8]  # "약세 국면의 마지막 주": the test's end only if that regime runs to it
            if last is None or all(m.covers(last) for m in dated) and all((ended := self.facts.regime_dates(label)[1]) is not None and abs((ended - last).days) <= dates.SLACK.days for label in regimes):
                return told
        return None

    def _end_below_peak(self, number: Numeral) -> bool:
        before = self.text[:number.start]
        return bool(self._end_told(KO_AT_END, 0, number.start) and (KO_BELOW_PEAK.search(before) or self._below_it_peak(number)) and KO_UNDER_AFTER.match(self.text, number.end))

    def _below_it_peak(self, number: Numeral) -> bool:
        """"곡선 고점은 ... 1.656으로, 기말 평가액 1.384는 그보다": "than it" after a peak the sentence named."""
        return bool(KO_BELOW_IT.search(self.text, 0, number.start) and KO_PEAK.search(self.text, 0, number.start))

    def _plain_fall(self, reading: Reading | None, span: ctx.Clause, around: tuple[int, int]) -> bool:
        """"거기서 23년 8월 말까지 49.8% 빠졌고": a plain verb of a fall tells one of the curve's falls
        only when the clause dates it, no regime is named and no noun names another metric
        ("누적 수익률은 8.1% 하락했다" is the total return)."""
        if self.regimes or ctx.BACK_REFERENCE.search(self.lowered) or (reading is not None and reading.metric_sure):
            return False
        return bool(KO_FALL_VERBS.search(self.masked, *around)) and any(span.start <= m.start < span.end for m in self.date_mentions)

    def _depth_told_as_end(self, finding: Finding, number: Numeral, span: ctx.Clause) -> float | None:
        """"The deepest drawdown is still open, and the curve finished the test 72.5% below its
        peak": a depth where the clause tells the close; the open fall's end depth, when it is not that."""
        deepest = self.facts.drawdowns[0] if self.facts.drawdowns else None
        if deepest is None or deepest.end_depth is None or (finding.entity, finding.metric) != ("strategy", "max_drawdown") or finding.note.startswith("the end depth"):
            return None
        told = AT_THE_CLOSE.search(self.lowered, span.start, span.end) or self._end_told(KO_AT_END, span.start, number.start)
        return deepest.end_depth if told and not DEPTH_TOLD.search(self.lowered, span.start, span.end) else None

    def _misplaced_fall(self, finding: Finding, number: Numeral, span: ctx.Clause) -> Drawdown | None:
        """"44.6%에 이른 가장 깊은 낙폭은 2020년 3월 코로나 투매 때 나왔다": the maximum drawdown,
        named as such, dated or placed in a regime where the deepest fall was not (in Korean, any
        fall sized: "15.72% 하락은 강세 국면에서 나왔다"); that fall, else None."""
        deepest = self.facts.drawdowns[0] if self.facts.drawdowns else None
        if deepest is None or finding.entity != "strategy" or finding.stored is None:
            return None
        if finding.metric == "max_drawdown_duration_days":  # "After peaking in March 2018, the strategy took 959 days to recover": the peak dated must be that fall's
            if DEEPEST_NAMED_AFTER.match(self.text, number.end) or DEEPEST_NAMED_BEFORE.search(self.text, max(0, number.start - 10), number.start):
                return None
            peaks = [m for m in self.date_mentions if m.start < number.start and (PEAKED_IN.search(self.text, max(0, m.start - 25), m.start) or KO_PEAK_START.match(self.text, m.end))]
            another = bool(SECOND_FALL.search(self.text, 0, number.start))  # "23.9% 빠진 두 번째 큰 하락은 ... 되찾기까지 518일": not the deepest's length
            misdated = abs(finding.stored - deepest.days) < 0.5 and (another or bool(peaks) and not any(m.covers(deepest.peak) for m in peaks) or not self._within(deepest, span))
            twin = any(abs(fall.days - deepest.days) < 0.5 and (any(m.covers(fall.peak) for m in peaks) or (not peaks and self._within(fall, span))) for fall in self.facts.drawdowns[1:])
            return deepest if misdated and not twin else None  # "the 28.68% slide that started in May 2022 also lasted exactly 532 days": another fall as long
        if finding.metric != "max_drawdown":
            return None
        if abs(finding.stored - deepest.depth) < 0.0005:
            if (placed := self._peak_placed(span)) and not ctx.ANOTHER_DRAWDOWN.search(self.lowered) and not self._in_regime(deepest.peak, placed):
                return deepest  # "45.52% 낙폭은 약세 국면이 시작된 직후의 고점에서 출발했다": the peak is placed, not only the fall
            return deepest if not self._within(deepest, span) and not ctx.ANOTHER_DRAWDOWN.search(self.lowered) else None
        other = next((fall for fall in self.facts.drawdowns[1:] if abs(finding.stored - fall.depth) < 0.0005), None)
        return other if other is not None and ko.HANGUL.search(self.text) and not self._within(other, span) else None

    def _peak_placed(self, span: ctx.Clause) -> str | None:
        """The regime the clause places a fall's peak in ("약세 국면이 시작된 직후의 고점에서", "from a
        peak printed during the 2019-20 bull")."""
        return next((label for label, at, end in self.regimes if span.start <= at < span.end and (
            KO_PEAK_AFTER_REGIME.match(self.text, end) or EN_PEAK_BEFORE_REGIME.search(self.text, max(span.start, at - 45), at))), None)

    def _in_regime(self, day: date, label: str) -> bool:
        first, last = self.facts.regime_dates(label)
        return first is None or last is None or first - dates.SLACK <= day <= last + dates.SLACK

    def _within(self, fall: Drawdown, span: ctx.Clause) -> bool:
        """Whether every date and regime the clause names overlaps the fall, from its peak to its
        recovery (or the end of the test); the test's own start and end bound nothing."""
        last = fall.recovery or self.facts.events.get("end") or date.max - dates.SLACK
        bounds = [day for day in (self.facts.events.get("start"), self.facts.events.get("end")) if day]
        told = [m for m in self.date_mentions if span.start <= m.start < span.end and not any(m.covers(day) for day in bounds)]
        intervals = []
        for opening, closing in dates.joined(self.text, told):  # "2015년 9월~2017년 5월 고변동성 국면": one stretch, the regime's
            intervals += [(opening.first, closing.last)] if self._encloses(opening, closing) else [(m.first, m.last) for m in dict.fromkeys((opening, closing))]
        named = [(label, at, until) for label, at, until in self.regimes if span.start <= at < span.end]
        intervals += [dated for label, _, _ in named if all(dated := self.facts.regime_dates(label))]
        where = [self.facts.regime_dates(label) for label, at, until in named if KO_IN_REGIME_AFTER.match(self.text, until) or EN_IN_REGIME_BEFORE.fullmatch(self.lowered, span.start, at)]
        return (all(first <= last + dates.SLACK and fall.peak - dates.SLACK <= end for first, end in intervals)
                and all(first is not None and end is not None and first - dates.SLACK <= fall.trough <= end + dates.SLACK for first, end in where))  # "추세 국면에서 16.4% 빠졌다": a fall told in a regime bottomed there (or the store cannot tell)

    def _encloses(self, opening: dates.DateMention, closing: dates.DateMention) -> bool:
        """A range of dates the fall lay within ("2015년 9월~2017년 5월 고변동성 국면 안에서"), unless the
        text says the fall ran from one to the other ("ran from January 2016 to December 2021"): its ends."""
        return not RAN_FROM_BEFORE.search(self.text, max(0, opening.start - 30), opening.start)

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

    def _weeks_under_start(self, claim: str, number: Numeral, span: ctx.Clause) -> Finding:
        """"원금 아래에서 마감한 주는 모두 115주", "89주 연속으로 평가액이 1.0을 밑돌았다", "85 weeks below its
        starting value": the curve's weekly points below its start, in all or in one run in a row."""
        under = self.facts.under_start
        if under is None or not WEEKLY_STEP[0] <= under.step_days <= WEEKLY_STEP[1]:
            return unverifiable(claim, number, "weeks below the start, which the store counts only for a weekly curve")
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
        if any(shown_fits(number.value, count, 0, qualifier) for count in counts):
            return Finding(**base, stored=float(next(c for c in counts if shown_fits(number.value, c, 0, qualifier))), status="supported",
                           note=f"weeks the curve closed below its start ({'a run in a row' if in_a_row else 'in all'})")
        told = f"runs of {', '.join(str(c) for c in counts[-5:])}" if in_a_row else f"{under.points} in all"
        return Finding(**base, stored=float(under.points), status="unverifiable", note=f"weeks the curve closed below its start: {told}, not what the text says: sent to review")

    def _fall_figure(self, number: Numeral) -> bool:
        """A fall's size or a level named right before the figure ("낙폭은 58.85%"), not a return."""
        return bool(DRAWDOWN_NOUN.search(self.text, max(0, number.start - 8), number.start))

    def _at_regime_edge(self, regime_end: int) -> bool:
        """"추세 국면 막바지인 ...", "저변동성 국면 끝자락인 ...": a point at the edge of the regime just named."""
        return KO_REGIME_EDGE_AFTER.match(self.text, regime_end + len(KO_PHASE_WORD.match(self.text, regime_end).group(0))) is not None

    def _deepest_fall_placed(self, number: Numeral, span: ctx.Clause, regime: str, regime_end: int) -> bool:
        """"최대 낙폭 34%는 강세 국면이던 2016년 6월 ... 시작됐다": the maximum drawdown told as the
        topic, then the regime where it began or ran (its peak or trough in that regime): a place in
        time, not its owner (unlike "수익 48%는 강세 국면에서 나왔다", the regime's own return)."""
        ran = FALL_RAN.search(self.text, regime_end, max(span.end, self.text.find(". ", regime_end) % (len(self.text) + 1)))  # "...0.798, 기간 최저점에서 멈췄다": the verb may close the sentence
        noun_after = KO_DEEPEST_NAMED_AFTER.match(self.text, number.end)  # "28.06%의 최대 낙폭은 ...": the noun after the figure
        topic = noun_after or KO_TOPIC_AFTER.match(self.text, number.end + len(KO_FALL_NOUN_AFTER.match(self.text, number.end).group(0)))
        if not (topic and (KO_SETTING_AFTER.match(self.text, regime_end) or self._at_regime_edge(regime_end)) and ran
                and (noun_after or ctx.MAXIMUM_DRAWDOWN.search(self.lowered, span.start, number.start)) and "국면" not in self.text[span.start:number.start]):
            return False
        start, end = self.facts.regime_dates(regime)
        deepest = self.facts.drawdowns[0] if self.facts.drawdowns else None
        days = (deepest.trough,) if deepest and ran.group("ended") else (deepest.peak,) if deepest and ran.group("began") else (deepest.peak, deepest.trough) if deepest else ()  # "...국면에서 멈췄다": where it bottomed; "...에서 시작해": where it began
        return bool(deepest and start and end and any(start <= day <= end for day in days))

    def _open_length(self, claim: str, number: Numeral) -> Finding:
        """Days spent below a high not yet regained: the length of a fall still open at the end (the
        deepest's, where the sentence names the deepest); never the benchmark's, which is not stored."""
        if self._benchmark_named_in(self._clause_of(number)):
            return unverifiable(claim, number, "days the benchmark spent below its high, which the store does not keep")
        deepest_named = ctx.names_maximum_drawdown(self.lowered) or bool(self.facts.drawdowns) and any(ctx.states_depth(n, self.facts.drawdowns[0].depth) for n in self.numbers)
        for fall in self.facts.drawdowns[:1] if deepest_named else self.facts.drawdowns:
            if fall.recovery is None and abs(fall.days - number.value) < 0.5:
                return Finding(claim=claim, kind="numeric", entity="strategy", metric="max_drawdown_duration_days", claimed=number.value, stored=float(fall.days), status="supported",
                               note=f"the fall from the {fall.peak} peak, still open at the end ({fall.days} days)")
        return unverifiable(claim, number, "days below a high not regained, which no fall still open at the end lasted: sent to review")

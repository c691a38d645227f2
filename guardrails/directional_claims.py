"""Directional claims: "beat the benchmark", "positive alpha", "lost money in the bear regime",
"the bull regime was the strongest", each judged against the stored figures. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from guardrails import claim_context as ctx
from guardrails import dates
from guardrails import korean as ko
from guardrails.factsheet import Drawdown, FactSheet, Finding
from guardrails.numerals import numerals

COMPARE = re.compile(
    r"\b(?:(?P<up>outperform(?:ed|s|ing)?|beat(?:s|ing|en)?|ahead of|better than|exceed(?:ed|s|ing)?|bested|outpac(?:ed|es|ing)|outstrip(?:ped|s|ping)?|edg(?:ed|es|ing) out|outscor(?:ed|es|ing)|outdid|bettered)"
    r"|(?P<down>underperform(?:ed|s|ing)?|lagg?(?:ed|s|ing)?|trail(?:ed|s|ing)?|behind|worse than|short of))\b",
    re.IGNORECASE,
)
# "its worst decline was far shallower than the coin's 96.2% crash": a comparison of drawdowns (not a
# figure's gap, so not in COMPARE, which the numeric reading shares).
DEPTH_COMPARE = re.compile(r"\b(?:(?P<up>shallower than)|(?P<down>deeper than))\b(?! (?:half|a third|a quarter|twice|double))", re.IGNORECASE)
PASSIVE_BY = re.compile(r"^\s+by\b", re.IGNORECASE)
LEFT_BEHIND = re.compile(r"\bleft\s+(?:\w+\s+)?behind$", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:not|never|n't|failed to)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Metrics a comparison can be about, higher is better unless listed in LOWER_IS_BETTER; growth otherwise.
COMPARED_ON = {
    "sharpe": "sharpe", "risk-adjusted": "sharpe", "sortino": "sortino", "calmar": "calmar", "volatility": "annual_volatility",
    "drawdown": "max_drawdown", "slide": "max_drawdown", "peak-to-trough": "max_drawdown", "worst loss": "max_drawdown",
} | ko.COMPARED_ON
KO_COMPARE = re.compile(rf"(?P<up>{ko.COMPARE_UP})|(?P<down>{ko.COMPARE_DOWN})")
KO_NEGATED = re.compile(ko.NEGATED_AFTER)
KO_THRESHOLD = re.compile(r"\s?(?:시\s|하면\s|면\s)?(?:매수|매도|진입|청산|손절)")  # "RSI 15 하회 매수·65 상회 매도": a rule's threshold, no comparison with the index
KO_SUBJECT = re.compile(ko.SUBJECT_OR_EVEN_AFTER)
KO_NOT_SUBJECT = re.compile(rf"{ko.NOT_SUBJECT_AFTER}|^[^,]*?(?:{ko.COMPARED_CLAUSE})")  # "QQQ가 연 17.8% 오른 데 비해": the standard
KO_OWNS = re.compile(r"\s?의\s")
KO_FIGURE_AS_TARGET = re.compile(r"^(?:\s|\s?\()(?:연\s?)?[-+]?[\d.,]+\s?%?\)?\s?(?:보다|에\s?(?:[\d.,]+\s?%p\s?)?(?:못 ?미|미치지 ?못|뒤))")  # "UKX 연 2.61%에 못 미쳤다", "IPSA(연 -4.1%)에 뒤처진": the standard, marked after its figure
LOWER_IS_BETTER = {"max_drawdown", "annual_volatility"}
RETURN_WORDS = re.compile(r"\b(?:alpha|shortfall|returns?|gain|cagr|growth|a year|yearly|annual)\b", re.IGNORECASE)  # "deeper than the 17.31-point raw shortfall": no drawdown
KO_RETURN_WORDS = re.compile(r"(?<!최대 )(?<!최대)손실(?! ?구간)|수익|연간|연평균|연\s|국면|[가-힣]장에서")  # "연간 손실은 IPSA보다 깊었다" compares returns
# Words about a figure's size, not about doing better: "its drawdown stayed short of IGLT's" is the smaller one.
SIZE_WORDS = re.compile(r"short of|exceed|못 ?미|미치지 ?못|넘|보다(?:도|는)?(?: [^\s,]+){0,3}? (?:크(?!게)|컸|큰|작)", re.IGNORECASE)  # "낙폭이 지수보다 작았다": a size, so the smaller fall is ahead
COMPARISON_CUT = re.compile(rf"[,;]|\((?!(?:연\s?)?[-+]?\d[\d.,]*%?\))|\b(?:despite|although|though|but|while|whereas|with)\b|반면|하지만|그러나|{ko.WHILE_CLAUSE}|(?<=[가-힣]) 때(?=\s)|(?<=[가-힣]) (?:탓|덕분|때문|속)에(?:서)?(?=\s)|(?<=[했였됐었았렸렀냈])고(?=\s)", re.IGNORECASE)
BUT_AFTER = re.compile(r"(?<=[았었였했졌])지만(?=\s)")
FIGURE_ASIDE = re.compile(r"[,(]\s*[-+]?\d[\d.]*%?\s*[,)]\s*$")
RANKING_PARTS = re.compile(rf";|\b(?:while|whereas|but)\b|반면|하지만|그러나|,|\s/\s|\s[{ctx.BULLETS}]\s?", re.IGNORECASE)  # "샤프 1.08로 최고 ▸ 횡보 -18%": an item of a list ends at its bullet
SHARPE_SIGN = re.compile(r"\b(positive|negative)\s+sharpe\b|\bsharpe(?: ratio)?\b(?:\s+\w+){1,3}?\s+(positive|negative)\b|샤프(?:\s?(?:지수|비율))?(?:는|가|도|마저|조차)?\s(?:[^\s,.]+\s){0,2}?(플러스|마이너스|양수|음수)", re.IGNORECASE)  # "샤프 비율도 마이너스로 떨어졌다"
ALPHA_SIGN = re.compile(r"\b(positive|negative)\s+alpha\b|\balpha\b(?:\s+\w+){1,3}?\s+(positive|negative)\b|알파(?:는|가|도)?\s(?:[^\s,.]+\s){0,2}?(플러스|마이너스)", re.IGNORECASE)
LOST_IN = re.compile(rf"\b(lost money|was unprofitable|were unprofitable|negative returns?|declined|suffered losses)\b|{ko.LOST}", re.IGNORECASE)
GAINED_IN = re.compile(rf"\b(made money|was profitable|positive returns?|profitable)\b|{ko.GAINED}", re.IGNORECASE)
# "recovered from its 13.6% drawdown during 2023": whether or when a drawdown ended, which the store
# keeps for the deepest one only (from the equity curve).
RECOVERED = re.compile(r"\b(?:recover(?:ed|s)?|regain(?:ed|s)?|recoup(?:ed|s)?|made good|(?:been|be|was|were|is) made back|climb(?:ed|s)? (?:back )?out|un(?:recovered|repaired|healed))\b|회복|되찾|만회|메워|메웠|메꿔|메꿨|(?:고점|정점|꼭대기|최고점|최고치)(?:을|를)?\s?(?:다시\s)?(?:넘어섰|넘었|넘어서|돌파)", re.IGNORECASE)  # "그 고점을 다시 넘어섰다"
INDICATOR_RECOVERY = re.compile(r"\d\s?(?:위로|이상으로|선\s?위로|선을\s?넘어)\s?회복|\b(?:recover(?:s|ed|ing)?|climb(?:s|ed)? back)\s+(?:above|past|over|to)\s+\d", re.IGNORECASE)  # "55 위로 회복하면 파는": an indicator's, no drawdown's
REGIME_DATES_REACH = 16  # characters between a regime's word and the dates that give its span ("강세 +12%(", "의 강세장")
KO_LOSS_COMPARED = re.compile(r"[덜더] ?(?:잃|많이 잃|크게 잃|빠|떨어|하락|손실|밀|까먹)")
KO_LOSS_TOLD = re.compile(r"손실|마이너스|-\s?\d|잃|뒷걸음|하락한|빠진|떨어진")
OTHER_FALL = re.compile(r"따로|다른 (?:하락|낙폭)|\banother\b|\ba different\b|\bnot (?:also )?(?:the|its) (?:deepest|maximum|longest)")  # "회복에 가장 오래 걸린 하락은 따로 있었다"
LONGEST_FALL = re.compile(r"(?:가장|제일) (?:긴|오래)(?=[^.]{0,12}(?:시간|기간|걸|하락|낙폭|동안))"
                          r"|\b(?:also|both)\b[^.;,]{0,25}\blongest\b|\b(?:deepest|maximum|worst|largest|biggest)\b(?:\s+\w+){0,2}\s+and\s+(?:the\s+|its\s+)?longest\b"
                          r"|\blongest\b(?:[- ]lasting)?\s*(?:one\s+)?(?:as well|too)\b", re.IGNORECASE)  # "the 24.7% maximum drawdown was also the longest"
KO_SETTING_PART = re.compile(r"(?:에서|동안|중에|때)\s*$")
UNTIL_BEFORE = re.compile(r"\b(?:until|till|before|as late as)\s+(?:(?:early|mid|late)[- ])?$", re.IGNORECASE)
KO_UNTIL_AFTER = re.compile(r"\s?(?:초순|상순|초|중순|하순|말)?\s?(?:에야|이 ?되어서야|이 ?돼서야|까지는)")
PEAK_WORD_AFTER = re.compile(r"\s?(?:초순|상순|초|중순|하순|말)?\s?(?:의\s)?(?:전?고점|정점|꼭대기|꼭짓점|최고점)|[- ](?:peak|high)\b", re.IGNORECASE)
FALL_END_AFTER = re.compile(r"[^\d.,;]{0,10}?(?:고점|저점|바닥|정점|꼭대기|꼭짓점|최고점|최저점|\b(?:peak|trough|high|low|bottom|top)\b)", re.IGNORECASE)  # "2020년 4월 중순 저점", "its January 2022 high"
# A beta told as more or less sensitive than the benchmark, the benchmark the standard of the
# comparison ("지수보다 민감했다", "less sensitive than the index"), never its subject.
_MORE = r"(?P<more>더 ?민감|민감했|민감하게|예민|크게 (?:움직|출렁)|more sensitive|amplif\w*)"
_LESS = r"(?P<less>둔감|둔하게|덜 ?(?:민감|움직|출렁)|작게 움직|less sensitive|more muted)"
_BENCHMARK_WORD = r"(?:지수|벤치마크|시장)"
NEGATED_SENSITIVITY = re.compile(r"\b(?:no|not|hardly|never|barely|scarcely)\s+(?:\w+\s+)?(?:more|less)\s+sensitive|n't\s+(?:\w+\s+)?(?:more|less)\s+sensitive|(?:민감|움직|출렁)[가-힣]*지\s?(?:는\s?)?(?:않|못)", re.IGNORECASE)
BETA_WORD = re.compile(r"베타|\bbeta\b", re.IGNORECASE)
BETA_SENSITIVITY = (
    re.compile(rf"(?:베타|\bbeta\b)(?:[^.;]|\.\d){{0,40}}?{_BENCHMARK_WORD}\s?(?:보다|대비|에 비해)\s?(?:훨씬 |약간 |조금 |더 )?(?:{_MORE}|{_LESS})", re.IGNORECASE),
    re.compile(rf"\bbeta\b(?:[^.;]|\.\d){{0,60}}?\b(?:{_MORE}|{_LESS}) than (?:the |its )?(?:index|benchmark|market)\b", re.IGNORECASE),
    re.compile(rf"\bbeta\b(?:[^.;]|\.\d){{0,60}}?\b(?:{_MORE}|{_LESS}) than (?P<ticker>(?-i:[A-Z][A-Z0-9.^-]+))\b", re.IGNORECASE),  # "... less sensitive than XMM": the benchmark's ticker
    re.compile(rf"베타(?:[^.;]|\.\d){{0,40}}?(?P<ticker>(?-i:[A-Z][A-Z0-9.^-]+))\s?(?:보다|대비|에 비해)\s?(?:훨씬 |약간 |조금 |더 )?(?:{_MORE}|{_LESS})"),  # "베타가 1을 웃돌아 STW보다 크게 출렁였다"
    re.compile(r"베타(?:가|는|도)?\s?1(?:\.0+)?(?![.\d])\s?(?:을|를|보다)?\s?(?:(?P<more>웃돌|넘|상회|초과)|(?P<less>밑돌|하회|못 ?미|미만))(?![가-힣]{0,4}면)"),  # "베타가 1을 웃돌아": more than the benchmark moves
    re.compile(rf"(?P<inverted>)(?P<ticker>(?-i:[A-Z][A-Z0-9.^-]+))(?:가|이|는|은)\s?(?:[^.;\s]+\s){{0,2}}?(?:전략|포트폴리오|모델)\S*보다\s?(?:훨씬 |약간 |조금 |더 )?(?:{_MORE}|{_LESS})"),  # "XMM이 전략보다 더 크게 움직였다"
    re.compile(rf"(?P<inverted>)\b(?P<ticker>(?-i:[A-Z][A-Z0-9.^-]+)) (?:was|proved|looked|is) (?:far |much |a little |slightly )?(?:{_MORE}|{_LESS}) than the (?:strategy|book|portfolio|model|system)\b", re.IGNORECASE),  # "XMM was more sensitive than the strategy"
    re.compile(r"(?<!\ba )(?<!\bwhose )\bbeta\b(?![^.;]*\b(?:would|could|might)\b)(?:\s+(?:of|was|is|stood|came in|sat|ran))?\s+(?:(?:well|just|slightly|comfortably)\s+)?(?:(?P<more>above|over|greater than|more than|higher than)|(?P<less>below|under|less than|lower than))\s+(?:one\b|1(?:\.0+)?(?![.\d]))", re.IGNORECASE),  # "beta above one", not "a beta above one would have ..."
    # the benchmark as the subject, the strategy the standard: the other way round
    re.compile(rf"(?P<inverted>){_BENCHMARK_WORD}(?:가|이|는|은)\s?(?:[^.;\s]+\s){{0,2}}?(?:전략|포트폴리오|모델)\S*보다\s?(?:훨씬 |약간 |조금 |더 )?(?:{_MORE}|{_LESS})", re.IGNORECASE),
    re.compile(rf"(?P<inverted>)(?:^|[,;:]\s*|\band\s+)(?:the|its)\s+(?:[\w-]+\s+)?(?:index|benchmark|market)\b(?! beta)(?:[^.;]|\.\d){{0,30}}?\b(?:{_MORE}|{_LESS})(?: to \w+)? than (?!(?:the )?(?:index|benchmark|market)\b)", re.IGNORECASE),
)
NOT_RECOVERED = re.compile(
    r"\b(?:never|yet to|failed to|still (?:below|under|short)|un(?:recovered|repaired|healed))\b|\b(?:not|n't)\b(?:\s+\w+){0,3}?\s+(?:recover|regain|recoup|made (?:good|back)|climb)"
    r"|(?:회복|되찾|만회|올라서|메워|메꿔|넘어서|넘)[가-힣]*지 ?(?:못|않)|미회복|(?:회복|만회|복구)(?:을|를)?\s?기다리",
    re.IGNORECASE,
)
ONLY_LOSS = re.compile(
    r"\b(?:only|sole|lone) (?:losing|loss-making|unprofitable|negative) (?:regime|phase|period|market)\b|\bthe only (?:loss|losing one|regime in the red)\b|"
    r"\bthe only (?:regime|phase) (?:in which|where|that|when)\b[^.;]{0,40}?\b(?:lost money|lost|was unprofitable|ended in the red)\b|"
    rf"\b(?:alone|only) (?:lost money|was unprofitable|ended in the red|lost)\b|{ko.ONLY_LOSS}",
    re.IGNORECASE,
)
BEST = re.compile(rf"\b(best(?! to worst)(?! point| level)(?<!worst to best)|strongest|most profitable|top (?:regime|phase|performer)|came (?:in )?first|ranked first|no (?:other )?regime (?:beat|topped|bettered|outdid|did better than))\b|{ko.BEST}", re.IGNORECASE)
WORST = re.compile(rf"(?<!best to )\b(worst(?! to best)|weakest|least profitable|deepest)\b(?!\s+(?:drawdown|fall|decline|slide|loss|setback|trough))|{ko.WORST}", re.IGNORECASE)
REGIME_PLACES_DATE = re.compile(r"(?:\s?국면)?\s?(?:의\s)?(?:한가운데|한복판|중반|초입|초반|막바지|막판|말미|끝자락|후반|초기|말기|중)?\s?(?:인|이던|이었던|였던|에 속한|에 있던|에 해당하는|의)\s?['’]?")  # between a regime's name and a date it places
# "the 29.92% drawdown bottomed out during the bull regime", "peaked in the 2017 sideways phase": a
# fall's trough or peak placed in a regime, named just after.
_FALL_POINT = r"\b(?:(?P<trough>bottom(?:ed)?(?: out)?|trough(?:ed)?|(?:hit|reached|touched|found|made) (?:(?:its|a|the) )?(?:low|bottom|trough))|(?P<peak>peaked|topped out)|(?P<recovery>recovered|regained|repaired|made back)(?: (?:in|by|on) [\w ]{3,20}?,)?(?: still)?)\s+(?:(?:some|late|early|mid)[- ]?(?:way )?)?"  # "bottomed out", "touched bottom", "peaked", "regained", then how the text places it
_PLACED_THEN = r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"  # the words before the regime's name
FALL_END_IN = re.compile(_FALL_POINT + r"(?:during|in|within|inside|amid)" + _PLACED_THEN, re.IGNORECASE)
FALL_END_AROUND = re.compile(_FALL_POINT + r"(?P<side>before|after)" + _PLACED_THEN, re.IGNORECASE)  # "had already touched bottom before turbulent conditions started in 2020"
REGIME_EDGE_AFTER = re.compile(r"\s+(?:(?:conditions|regime|phase|market|spell)\s+)?(?:(?P<began>started|began|set in|took over|arrived)|(?P<ended>ended|was over|gave way|faded))\b")
# "그 출발점인 2020년 8월 고점은 고변동성 국면에 속해 있었다": a Korean fall's peak or trough placed in a regime.
KO_FALL_END_IN = re.compile(r"(?:(?P<peak>고점|정점|꼭짓점|꼭대기|출발점)|(?P<trough>바닥|저점|최저점))(?:은|는|이|가)\s(?:[^\s,.]+\s){0,2}$")
KO_FALL_POINT_AFTER = re.compile(r"\s?(?:국면|구간|장세)?\s?(?:안|내|한복판|중)?\s?에서\s?(?:(?P<trough>바닥|저점|최저점)(?:을|를)?\s?(?:찍|쳤|쳐|기록|확인|만들|형성)|(?P<peak>시작|출발)(?:됐|했|되었|하였|한|된))")  # "약세 국면 안에서 바닥을 찍었다"
KO_PLACED_IN = re.compile(r"\s?(?:국면|구간|장세)?\s?(?:에\s?속|에\s?있|안에\s?있|에\s?들어\s?있|안이|내에\s?있|한가운데|이었|였)(?![가-힣]*지\s?(?:않|못))(?![가-힣]*(?:이|가)?\s?아니)")
SECOND_DEEPEST = re.compile(r"\b(?:next|second)[- ](?:worst|deepest|largest|biggest|heaviest)\b|(?:두 번째로|그\s?다음으로|다음으로) (?:깊|큰)")  # the fall ranked after the maximum
NEXT_FALL = re.compile(r"\bnext(?:[- ](?:worst|deepest|largest|biggest))?\b|그\s?다음으로|다음으로 (?:깊|큰)")
KO_BACK_TO_FALL = re.compile(r"그\s(?:출발점|고점|정점|꼭짓점|바닥|저점|최저점)")
KO_RECOVERED_INSIDE = re.compile(r"(?:국면)?\s?(?:안|내|중|동안)(?:에서|에)?\s?(?:(?:모두|전부|완전히|다)\s?)?(?:만회|회복|메워|되찾)")  # "저변동성 국면 안에서 모두 만회되었다"
KO_SAME_AS_REGIME_FALL = re.compile(r"(?:국면)?(?:이|의|에서)?\s?(?:자체적으로\s?|스스로\s?)?(?:겪은|기록한|낸)?\s?(?:자체\s?)?(?:낙폭|하락폭?)(?:과|와)\s?(?:똑|꼭|정확히\s?)?같")  # "강세 국면이 자체적으로 겪은 낙폭과 똑같았다"
LONGEST_SPELL = re.compile(r"(?:가장|제일) ?길|최장|\blongest\b", re.IGNORECASE)  # a regime's length ranked: "기간상 가장 길었던 것은 고변동성 국면"
# A regime ranked by its own worst fall, not the whole test's ("국면 내 낙폭이 가장 컸던 곳은 ... 강세장", "the deepest in-regime drawdown").
DEEPEST_IN_REGIME = re.compile(r"(?:국면|구간)\s?(?:내|안|별)\s?(?:최대\s?)?(?:낙폭|하락폭)(?:이|은|는)?\s?(?:가장|제일)\s?(?:컸|큰|깊)|\bdeepest (?:in-regime|within-regime|intra-regime) (?:drawdown|fall)|\bdeepest (?:drawdown|fall) (?:within|inside) (?:a|any|one) (?:single )?regime", re.IGNORECASE)
DENIED_RANK = re.compile(r"\b(?:not|never)\b|n't\b|않|아니", re.IGNORECASE)
CHAIN_GAP = re.compile(r"[^;.>]*?\s>\s[^;.>]*?")  # what lies between two regimes of a "A (+16%) > B (+18%)" chain
BY_SHARPE_BEFORE = re.compile(r"샤프|\bsharpe\b|risk-adjusted|위험\s?조정", re.IGNORECASE)
BY_RETURN_BEFORE = re.compile(r"수익|\breturns?\b|\bgains?\b", re.IGNORECASE)
PREDICATE_ONLY = re.compile(r"\s*(?:was|were|is|proved|ranked|stood|came)\b(?=.*\b(?:regime|phase|spell|stretch|market)\b)", re.IGNORECASE)  # "..., was the strongest regime": a part that opens on its verb ranks the subject of the part before
SHORTEST_SPELL = re.compile(r"(?:가장|제일) ?짧|최단|\bshortest\b", re.IGNORECASE)
NOT_A_SPELL = re.compile(r"낙폭|하락|손실|물속|회복|연속|내리|원금|drawdown|fall|decline|slide|loss|under ?water|recover|run\b|stretch|streak|below|trade|holding|position|week|주(?:간|째)?\b"
                         r"|\bnot\b|n't\b|아니|second|third|두 ?번째|세 ?번째|[2-9]위|다음으로", re.IGNORECASE)  # the longest fall or run, not a regime; not a denied or second rank
TROUGH_BEFORE = re.compile(r"(?:바닥|저점|최저점)(?:은|이|을|는)?\s*(?:(?:찍힌|나온|기록된|형성된)\s?(?:해|때|시점|날|달)(?:는|은)\s*)?$|\b(?:bottom(?:ed)?(?: out)?\s|troughed\s|trough (?:came )?|low (?:came )?)(?:in|on)\s+(?:(?:late|early|mid)[- ])?$", re.IGNORECASE)
TROUGH_AFTER = re.compile(r"(?:\s?(?:초순|상순|초|중순|중반|하순|말|후반))?(?:\s?주간?)?\s*(?:에|께|쯤|무렵|(?:\s[^\s\d,.]+){1,3}\s때(?:에)?)?\s?(?:바닥|저점|최저점)(?:을|를|이|은)?\s?(?:찍|쳤|쳐|치|확인|봤|보았|기록|다졌)|\s?(?:그\s)?주(?:가|는)?\s?(?:바닥|저점|최저점)(?:이었|였|이다|이며|이고)")  # "2023년 하반기에 바닥을 찍었다", "2020년 3월 팬데믹 급락 때 바닥을 찍었다", "20년 3월 9일 그 주가 바닥이었다"
KO_PLACE = re.compile(r"(?P<metric>샤프(?:\s?(?:지수|비율))?|수익(?:률)?|성과)(?:[^.;,]|\.(?=\d)){0,24}?(?<![\d.])(?P<n>[2-9])\s?(?:위|등)(?![가-힣]*\s?(?:아니|못))")  # "저변동성 국면은 샤프 0.84로 3위였다"
YEARS_OF_RANGE = re.compile(r"(?<!\bits )(?<!\btheir )(?<!\ba )\b(?P<first>(?:19|20)\d\d)(?:[-–](?P<last>(?:19|20)?\d\d))?\s+range\b(?![- ](?:bound|of|between|from|to|trad))", re.IGNORECASE)  # "the 2016-18 range": the sideways regime, if those are its years
RISE_BEFORE = re.compile(r"\b(?:recover(?:y|ed|ing)?|rebound|rally|upswing|climb)\s+(?:from|out of|off)\b", re.IGNORECASE)  # "the recovery from the maximum drawdown began in the week of ...": no fall's start
KO_FALL_BEGAN_AFTER = re.compile(r"(?:\s?(?:초순|상순|초|중순|중반|하순|말|후반))?(?:\s?(?:첫|둘째|셋째|넷째|마지막))?(?:\s?주간?)?\s?(?:에|부터)\s?(?:시작|출발)(?:됐|되었|했|하였|돼|된|하여|해)")  # "... 하락은 2019년 7월 8일 주간에 시작됐다"
KO_FALL_BEFORE = re.compile(r"(?:하락|낙폭|손실|조정|드로다운)(?:폭)?(?:은|는|이|가)?\s(?:(?!회복|반등|만회|상승|랠리|오름|\.(?!\d))[^,;])*$")  # the fall named before the date, no recovery between
KO_PEAK_AFTER = re.compile(r"(?:\s?(?:초순|상순|초|중순|중반|하순|말|후반))?\s?(?:의\s)?(?:전?고점|정점|꼭짓점|꼭대기)(?:에서|부터)\s?(?:시작|출발)")  # "2013년 고점에서 시작됐다"
PEAK_AFTER = re.compile(r"[- ](?:peak|high|top)\b(?!-)", re.IGNORECASE)  # "from a late-January 2018 peak"
PEAK_LABEL = re.compile(rf"{ctx.NOT_AN_OLD_PEAK}\bpeak(?:ed)?\s*[:,]?\s*(?:on\s+|in\s+)?$", re.IGNORECASE)  # "max drawdown 42.76%, peak 2 August 2019"
PEAK_FROM = re.compile(r"\b(?:from|at|off|after|followed|since)\s+(?:a|an|the|its)\s+(?:[\w-]+'s\s+)?(?:(?:late|early|mid)[- ]?)?$", re.IGNORECASE)
FALL_BEGAN = re.compile(r"\b(?:loss|drawdown|fall|decline|slide|slump|setback|drop|sell-?off)\s+(?:\w+\s+){0,2}?(?:began|begun|started|opened|set in|kicked off|commenced)\s+(?:on|in|at)\s+(?:the\s+)?(?:week (?:of|to)\s+)?(?:(?:late|early|mid)[- ]?)?$", re.IGNORECASE)  # "The heaviest loss began on 5 February 2018"
HIGHEST_POINT = re.compile(r"\ball-time high\b|\bhighest point\b|가장 높이 (?:올라|오른)|곡선 전체의 (?:꼭대기|최고점)|전 기간 최고치", re.IGNORECASE)
# "alpha came out below its 2.58% annual return": two of the strategy's own figures, in one unit.
OWN_FIGURES = {"alpha": "alpha", "what the strategy itself compounded each year": "cagr", "what it compounded each year": "cagr", "what the strategy compounded each year": "cagr", "annual return": "cagr", "yearly return": "cagr", "cagr": "cagr", "growth rate": "cagr", "compound growth": "cagr", "compound return": "cagr",
               "compound annual return": "cagr", "compound annual growth": "cagr", "compound annual growth rate": "cagr",
               "shortfall": "gap", "gap": "gap", "outperformance": "gap", "underperformance": "gap", "margin over": "gap", "lead over": "gap", "margin": "gap", "lead": "gap"}  # the gap: its CAGR less the benchmark's
_OWN = "|".join(re.escape(name) for name in OWN_FIGURES)
OWN_COMPARISON = re.compile(
    rf"\b(?P<first>{_OWN})\b(?:[^.;]|\.(?=\d)){{0,40}}?\b(?:(?P<up>above|exceed(?:s|ed|ing)?|edg(?:es|ed|ing) past|deficit (?:was |is )?(?:smaller|lesser|milder) than|(?:smaller|lesser) (?:deficit|shortfall|drag) than|less (?:severe|deep) than|milder than|higher than|greater than|larger than|bigger than|less negative than|more than|better than|outstrip(?:s|ped)?|tops|topped|beats|beat)|(?P<down>(?:bigger|larger|greater|deeper) (?:deficit|shortfall|drag) than|fell short of|falls short of|deficit (?:was |is )?(?:bigger|larger|greater|deeper) than|more severe than|deeper than|worse than|below|under|lower than|smaller than|more negative than|less than|short of))\s+"
    rf"(?:even\s+)?(?:(?:its|the strategy's|the book's|the)\s+)?(?:own\s+)?(?:[-+]?[\d.]+(?:%|-point|\spoints?)\s+)?(?:(?:yearly|annual|cagr)\s+)?(?P<second>{_OWN})\b",
    re.IGNORECASE,
)
OWN_THAN = re.compile(  # "generated less alpha than its 9.33-point yearly lead over SMLL"
    rf"\b(?:(?P<down>less|lower|smaller)|(?P<up>more|higher|greater|bigger))\s+(?P<first>alpha)\s+than\s+(?:(?:its|the)\s+)?(?:[-+]?[\d.]+(?:%|-point|\spoints?)\s+)?(?:(?:yearly|annual|cagr)\s+)?(?P<second>{_OWN})\b",
    re.IGNORECASE,
)
OWN_NOT_BEFORE = re.compile(r"(?:\b(?:no|not|never)|n't)\s+$", re.IGNORECASE)
KO_NOT_AFTER = re.compile(ko.NOT_AFTER)
OTHER_OWNER = re.compile(r"벤치마크|지수|\b(?:[Bb]enchmark|[Ii]ndex)\b")
TICKER = re.compile(r"\b[A-Z]{3,}\b")  # in capitals: the benchmark's, unless it is the instrument the strategy is named after ("On alpha, KGHM fared better than its CAGR")
LOSS_SIZES = re.compile(r"deficit|shortfall|drag|severe|deep|milder|worse")  # "a bigger deficit than its shortfall": two losses, signed
# "NPN 돌파 전략의 알파는 연 7.17%인 CAGR보다 낮게 잡혔습니다": the same, in Korean.
KO_OWN_FIGURES = {"알파": "alpha", "cagr": "cagr", "연평균수익률": "cagr", "연환산수익률": "cagr", "연수익률": "cagr", "연복리": "cagr", "연복리수익률": "cagr", "연성장률": "cagr"}
_KO_OWN = r"알파|CAGR|연\s?평균\s?수익률|연\s?환산\s?수익률|연\s?수익률|연복리(?:\s?수익률)?|연\s?성장률"
KO_OWN_COMPARISON = re.compile(
    rf"(?P<first>{_KO_OWN})(?:은|는|이|가)?(?:[^.;]|\.(?=\d)){{0,30}}?(?P<second>{_KO_OWN})(?:(?:보다|에 비해)\s?(?:[-+]?[\d.]+\s?(?:%p|%|bp)\s?)?(?:(?:더|오히려|도리어|조금|약간)\s?)*|(?:을|를)\s?(?=웃돌|상회|밑돌|하회|앞질|앞지))(?:(?P<up>높|크|컸|많|웃돌|앞)|(?P<down>낮|작|적|밑돌|못 미))",
    re.IGNORECASE,
)
NEVER_UNDER_START = re.compile(r"한\s?(?:주|번)도[^.;]{0,15}?(?:밑돌|아래로|하회)[가-힣]*\s?(?:않|못)|\bnever (?:once )?(?:closed|fell|dipped|slipped|went|traded|ended a week) below (?:its |the )?(?:start(?:ing)? (?:value|level|capital|point)|1\.0|initial capital)", re.IGNORECASE)
# "This backtest has no benchmark", "벤치마크가 없어": a claim about the store itself.
NO_BENCHMARK = re.compile(r"\bno benchmark\b|\bwithout (?:a |any )?benchmark\b|벤치마크(?:가|는)? ?없|비교 ?지수(?:가|는)? ?없", re.IGNORECASE)
RANKED_BY_SHARPE = re.compile(r"\b(?:judged|ranked|measured|ordered|sorted) by (?:the )?(?:sharpe|risk-adjusted)|\bon a risk-adjusted (?:basis|view)|\bby sharpe\b|\bper unit of (?:risk|volatility)\b|^\W*risk-adjusted\b|\bsharpe-wise\b|샤프 ?(?:지수|비율)? ?기준", re.IGNORECASE)
FOR_RISK = re.compile(r"(?<!without )(?<!before )(?<!not )(?<!prior to )\b(?:adjust(?:ing|ed)? for|allowing for|net of|(?:measured|judged|weighed|set|scaled) (?:against|by)|relative to) (?:the )?risk\b|\bon an? (?:sharpe|risk-adjusted) (?:basis|view)\b", re.IGNORECASE)  # "yet adjusting for risk the 2016 bull ranked first": this part ranks by Sharpe
ON_RETURNS = re.compile(r"\b(?:on|by|in) (?:total |annual |compound )?(?:returns?|gains?|growth|profit)\b", re.IGNORECASE)
CONTRAST_BETWEEN = re.compile(r"\b(?:but|while|whereas|yet)\b|;", re.IGNORECASE)  # "..., but on returns the bull regime was the best"
FALL_NOUN = re.compile(r"\b(?:fall|drawdown|decline|slump|slide|setback|drop)s?\b|하락|낙폭")
AND_BETWEEN = re.compile(r"\band\b", re.IGNORECASE)
ON_SHARPE = re.compile(r"\bon sharpe\b", re.IGNORECASE)  # "on Sharpe the bull regime came first": that part ranks by Sharpe; "On Sharpe, ..." the whole sentence
KO_SHARPE_BEFORE = re.compile(r"(?:샤프(?:\s?(?:지수|비율))?|위험\s?(?:조정|대비)\s?(?:수익|성과)(?:률)?)\s?(?:[-+]?\d+(?:\.\d+)?(?:로|으로|\(|(?=\s))\s?)?(?:가|는|은|이|도|마저|로는|로|에서는)?\s?$|샤프(?:\s?(?:지수|비율))?(?:는|가)\s(?:[^\s\d]+\s|[-+]?\d+(?:\.\d+)?(?:로|으로)\s){1,4}$|샤프(?:\s?(?:지수|비율))?\s?[-+]?\d+(?:\.\d+)?(?:도|는|은|이|가|\s또한|\s역시)\s(?:[^\s\d]+\s){0,3}$")  # "샤프 1위는", "샤프가 가장 높은 국면", "국면별 샤프는 강세 국면에서 가장 높았다"
CURVE_POINT_RANKED = re.compile(r"곡선|평가액|지점|시점|\b(?:curve|equity line|nav)\b", re.IGNORECASE)
BOTH_MEASURES = re.compile(r"(?:(?:수익(?:률)?|성과)\s?(?:과|와|·|,|및)\s?샤프(?:\s?(?:지수|비율))?|샤프(?:\s?(?:지수|비율))?\s?(?:과|와|·|,|및)\s?(?:수익(?:률)?|성과))(?:\s?\([^)]*\))?\s?(?:두\s?(?:부문|지표)|모두|둘\s?다|양쪽)|\bboth (?:on )?(?:returns?|gains?) and sharpe\b|\b(?:on|by) (?:either|both) (?:returns?|gains?|profit) (?:or|and) sharpe\b|\b(?:on|by) (?:either|both) sharpe (?:or|and) (?:returns?|gains?)\b|\bon (?:returns?|gains?) and sharpe (?:alike|both)\b", re.IGNORECASE)  # "수익률과 샤프 두 부문에서 모두 1위": ranked first on each
RISK_ADJUSTED = re.compile(r"^\s+(?:\w+\s+)?(?:risk-adjusted|sharpe|ratio)\b", re.IGNORECASE)  # "the best risk-adjusted showing" ranks by Sharpe


def directional_claims(sentence: str, facts: FactSheet) -> list[Finding]:
    findings = [f for pattern in (COMPARE, DEPTH_COMPARE) for match in pattern.finditer(sentence) if (f := _comparison(sentence, match, facts))]
    own = own_comparison(sentence, facts.benchmark_name)
    findings += [f for match in KO_COMPARE.finditer(sentence) if not (own and own.start() <= match.start() < own.end() + 4) and (f := _korean_comparison(sentence, match, facts))]  # "알파가 연복리보다 높게": its own two figures, not the index
    lowered = sentence.lower()
    regime = ctx.regime_in(lowered)
    for metric, pattern in (("alpha", ALPHA_SIGN), ("sharpe", SHARPE_SIGN)):
        if (match := pattern.search(sentence)) and not (metric == "sharpe" and (regime or any(m.entity == "benchmark" for m in ctx.mentions(sentence, facts.benchmark_name)))):  # a regime's or the benchmark's Sharpe is not the strategy's
            told = next(group for group in match.groups() if group)
            findings.append(_sign(sentence, metric, "strategy", facts.strategy.get(metric), positive=told.lower() in ("positive", "플러스", "양수")))
    if regime is not None:
        regime_return = facts.regimes.get(regime, {}).get("total_return")
        has_number = bool(ctx.figures(sentence))
        only = ONLY_LOSS.search(sentence)
        if only:  # "마이너스를 낸 건 ... 저변동성 국면 하나뿐": the one losing regime, not a sign of the first named
            findings.append(_only_loss(sentence, only, facts))
        elif _sign_of(LOST_IN, sentence, lowered) and not has_number:
            findings.append(_sign(sentence, "total_return", f"regime:{regime}", regime_return, positive=False))
        elif _sign_of(GAINED_IN, sentence, lowered) and not has_number:
            findings.append(_sign(sentence, "total_return", f"regime:{regime}", regime_return, positive=True))
        if "regime" in lowered or ctx.korean_regime_in(lowered):
            findings += _rankings(sentence, facts)
    if regime is not None and ko.HANGUL.search(sentence):  # English year ranges ("2016-19", "2016 and the 2021-22 bear") are not read as spans reliably enough
        findings += _regimes_misdated(sentence, lowered, facts) + _dates_placed_in_regime(sentence, lowered, facts)
    findings += [finding for match in YEARS_OF_RANGE.finditer(sentence) if (finding := _range_years(sentence, match, facts))]
    if ko.HANGUL.search(sentence):
        findings += [finding for match in KO_PLACE.finditer(sentence) if (finding := _place(sentence, lowered, match, facts))]
    if NO_BENCHMARK.search(sentence):
        findings.append(_no_benchmark(sentence, facts))
    if NEVER_UNDER_START.search(sentence) and facts.under_start is not None and not any(m.entity == "benchmark" for m in ctx.mentions(sentence, facts.benchmark_name)):
        findings.append(_never_under_start(sentence, facts.under_start.points))
    if RECOVERED.search(INDICATOR_RECOVERY.sub(" ", sentence)):
        findings += _recovery_claims(sentence, lowered, facts)
        if (inside := KO_RECOVERED_INSIDE.search(sentence)) and (finding := _recovered_in_regime(sentence, lowered, inside, facts)):
            findings.append(finding)
    if (longest := LONGEST_FALL.search(sentence)) and facts.drawdowns and _names_deepest_as_longest(sentence, longest) and not OTHER_FALL.search(lowered) and (finding := _longest_fall(sentence, facts.drawdowns)):
        findings.append(finding)
    if facts.drawdowns and (ctx.names_maximum_drawdown(lowered) or _states_depth(sentence, facts.drawdowns[0])):  # "26.6% 하락은 2019년 2월 초 고점에서 출발했다": the deepest, by its depth
        findings += _trough_dates(sentence, facts.drawdowns[0], facts.drawdowns[1:]) + _peak_dates(sentence, facts.drawdowns[0], facts.drawdowns[1:])
    elif ko.HANGUL.search(sentence):
        findings += _other_falls_dated(sentence, facts.drawdowns[1:])
    if (same := KO_SAME_AS_REGIME_FALL.search(sentence)) and ctx.names_maximum_drawdown(lowered) and (finding := _deepest_as_regime_fall(sentence, lowered, same, facts)):
        findings.append(finding)
    if facts.drawdowns:
        findings += _fall_ends_in_regime(sentence, lowered, facts)
    if HIGHEST_POINT.search(sentence) and (finding := _highest_point(sentence, facts)):
        findings.append(finding)
    if own:
        findings.append(_own_comparison(sentence, own, facts))
    sensitivity = next((match for pattern in BETA_SENSITIVITY if (match := pattern.search(sentence))), None) if BETA_WORD.search(sentence) else None
    if sensitivity and ((ticker := sensitivity.groupdict().get("ticker")) is None or ticker.lower() == (facts.benchmark_name or "").lower()):  # "than XMM": only the benchmark's ticker
        findings.append(_sensitivity(sentence, sensitivity, facts))
    return findings


def _sensitivity(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding:
    """"베타 1.18로 지수보다 민감했다", "a beta of 0.4, far less sensitive than the index": moved
    more than the benchmark when beta is above one, less when below ("no more sensitive" denies more)."""
    beta = facts.strategy.get("beta")
    base = {"claim": sentence, "kind": "directional", "entity": "strategy", "metric": "beta_vs_one"}
    if beta is None:
        return Finding(**base, status="unverifiable", note="no stored beta")
    more = (match.group("more") is not None) != ("inverted" in match.groupdict())
    holds = (beta > 1) == more
    if NEGATED_SENSITIVITY.search(sentence, match.start(), match.end() + 12):  # "no more sensitive than the benchmark", "더 민감하지는 않았다" deny it
        holds = (beta > 1) != more
    return Finding(**base, stored=beta, status="supported" if holds else "contradicted", note=f"beta {beta:.2f}: {'more' if beta > 1 else 'less'} sensitive than the benchmark")


def _trough_dates(sentence: str, deepest: Drawdown, others: list[Drawdown]) -> list[Finding]:
    """"최대 낙폭의 바닥은 2016년 12월 중순 ... 때였다", "the maximum drawdown bottomed in March
    2020": a date given to the deepest fall's trough; to review when it is not that day. A date in a
    part of the sentence that sizes another fall ("; the 37.42% slide ... hit bottom in mid-November
    2022") is that fall's trough, checked in Korean."""
    mine = [m for m in _trough_mentions(sentence) if not _part_of_another_fall(sentence[slice(*_part_around(sentence, m.start, m.start))], deepest, others)]
    return _misdated(sentence, mine, deepest.trough, "max_drawdown_trough", f"the deepest fall bottomed on {deepest.trough}") + (_other_falls_dated(sentence, others) if ko.HANGUL.search(sentence) else [])


def _trough_mentions(sentence: str) -> list[dates.DateMention]:
    return [m for m in dates.mentions(sentence) if TROUGH_BEFORE.search(sentence[max(0, m.start - 20):m.start]) or TROUGH_AFTER.match(sentence, m.end)]


def _other_falls_dated(sentence: str, others: list[Drawdown]) -> list[Finding]:
    """"2024년 여름 26.37% 하락은 ... 8월 5일 주에 바닥을 찍었다", "8.36% 하락은 ... 2022년 5월 27일 주에
    시작됐다": a trough or a start dated in a part of the sentence that sizes a fall other than the
    deepest; to review when it is not that fall's."""
    findings = []
    troughs = _trough_mentions(sentence)
    started = [m for m in dates.mentions(sentence) if KO_FALL_BEGAN_AFTER.match(sentence, m.end) or KO_PEAK_AFTER.match(sentence, m.end)]
    if not troughs and not started:
        return findings
    parts = {m: sentence[slice(*_part_around(sentence, m.start, m.start))] for m in troughs + started}
    for fall in others:
        findings += _misdated(sentence, [m for m in troughs if _states_depth(parts[m], fall)], fall.trough, "drawdown_trough", f"the {abs(fall.depth):.2%} fall from the {fall.peak} peak bottomed on {fall.trough}")
        findings += _misdated(sentence, [m for m in started if _states_depth(parts[m], fall)], fall.peak, "drawdown_peak", f"the {abs(fall.depth):.2%} fall started from its peak on {fall.peak}")
    return findings


def _part_of_another_fall(part: str, deepest: Drawdown, others: list[Drawdown]) -> bool:
    """A part of the sentence that sizes another fall and neither sizes the deepest nor names the maximum."""
    return any(_states_depth(part, fall) for fall in others) and not (_states_depth(part, deepest) or ctx.names_maximum_drawdown(part.lower()))


def _peak_dates(sentence: str, deepest: Drawdown, others: list[Drawdown]) -> list[Finding]:
    """"최대 낙폭은 2013년 고점에서 시작됐다": the maximum drawdown's peak, dated; to review when it
    is not that day. The peak of another fall whose depth the date's own clause gives ("having lost as
    much as 9.8% since an April 2024 peak") is that fall's."""
    dated = [m for m in dates.mentions(sentence) if (KO_PEAK_AFTER.match(sentence, m.end) or (PEAK_AFTER.match(sentence, m.end) and PEAK_FROM.search(sentence, max(0, m.start - 25), m.start))
             or PEAK_LABEL.search(sentence, max(0, m.start - 16), m.start) or (FALL_BEGAN.search(sentence, max(0, m.start - 60), m.start) and not RISE_BEFORE.search(sentence, _part_around(sentence, m.start, m.start)[0], m.start))
             or (KO_FALL_BEGAN_AFTER.match(sentence, m.end) and KO_FALL_BEFORE.search(sentence, max(0, m.start - 40), m.start))) and not any(m.covers(fall.peak) and _states_depth(sentence[slice(*_part_around(sentence, m.start, m.start))], fall) for fall in others)]
    return _misdated(sentence, dated, deepest.peak, "max_drawdown_peak", f"the deepest fall started from its peak on {deepest.peak}")


def _misdated(sentence: str, dated: list[dates.DateMention], day: date, metric: str, fact: str) -> list[Finding]:
    """A finding to review when the sentence dates the point and none of its dates is ``day``. A
    right date adds no finding: the sentence may place the fall in a regime no check reads."""
    if not dated or any(m.covers(day) for m in dated):
        return []
    return [Finding(claim=sentence, kind="directional", entity="strategy", metric=metric, status="unverifiable", note=f"{fact}, not when the text says: sent to review")]


def _deepest_as_regime_fall(sentence: str, lowered: str, same: re.Match[str], facts: FactSheet) -> Finding | None:
    """"최대 낙폭 39.46%는 ... 그 깊이는 강세 국면이 자체적으로 겪은 낙폭과 똑같았다": the deepest fall
    said to equal a regime's own; to review when that regime's differs."""
    regime = next((label for label, _, until in reversed(ctx.regime_spans(lowered)) if until <= same.start() + 2), None)
    deepest, own = facts.strategy.get("max_drawdown"), facts.regimes.get(regime or "", {}).get("max_drawdown")
    if deepest is None or own is None:
        return None
    holds = abs(abs(deepest) - abs(own)) < 0.00005
    return Finding(claim=sentence, kind="directional", entity=f"regime:{regime}", metric="max_drawdown", stored=own, status="supported" if holds else "unverifiable",
                   note=f"the {regime} regime's own drawdown is {abs(own):.2%}, the whole test's {abs(deepest):.2%}" + ("" if holds else ": sent to review"))


def _highest_point(sentence: str, facts: FactSheet) -> Finding | None:
    """"대두박 곡선이 가장 높이 올라간 시점은 ... 2022년 6월이었다": when the curve stood highest,
    dated; to review when none of the sentence's dates is that day."""
    high, when = facts.events.get("high"), dates.mentions(sentence)
    if high is None or not when or any(m.covers(high) for m in when):
        return None
    return Finding(claim=sentence, kind="directional", entity="strategy", metric="highest_point", status="unverifiable", note=f"the curve's highest point was on {high}, not when the text says: sent to review")


def own_comparison(sentence: str, benchmark_name: str | None) -> re.Match[str] | None:
    """Two different figures of the strategy compared ("alpha ... below the 2.11% CAGR"); not an
    annual return set against a CAGR, which is one figure, the benchmark's beside the strategy's."""
    match = OWN_COMPARISON.search(sentence) or OWN_THAN.search(sentence) or KO_OWN_COMPARISON.search(sentence)
    if match is None or own_figure(match.group("first")) == own_figure(match.group("second")):
        return None
    side = "up" if match.group("up") else "down"
    between = sentence[match.end("first"):match.start("second")]
    if OWN_NOT_BEFORE.search(sentence, max(0, match.start(side) - 8), match.start(side)) or KO_NOT_AFTER.match(sentence, match.end()) or OTHER_OWNER.search(between) or _names_benchmark_ticker(between, benchmark_name):
        return None  # "no worse than", "높지 않았다": denied; "알파는 벤치마크 CAGR보다": the benchmark's figure
    return match


def _names_benchmark_ticker(text: str, benchmark_name: str | None) -> bool:
    """A ticker in capitals that is the benchmark's, or any ticker when the benchmark's is unknown."""
    tickers = TICKER.findall(text)
    return bool(tickers) and (benchmark_name is None or any(ticker in benchmark_name.upper() for ticker in tickers))


def own_figure(name: str) -> str:
    return OWN_FIGURES.get(name.lower()) or KO_OWN_FIGURES[re.sub(r"\s", "", name.lower())]


def _own_comparison(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding:
    """"its alpha still came out below its 2.58% annual return": two of the strategy's own
    figures compared (alpha with growth; a negative beta leaves alpha above it)."""
    first, second = (own_figure(match.group(name)) for name in ("first", "second"))
    gap = facts.strategy["cagr"] - facts.benchmark["cagr"] if "cagr" in facts.strategy and "cagr" in facts.benchmark else None
    told = (match.group("up") or match.group("down")).lower()
    signed = "negative" in match.group(0).lower() or LOSS_SIZES.search(told) or match.group("second").lower() not in ("shortfall", "underperformance")
    own = facts.strategy | ({"gap": gap if signed else abs(gap)} if gap is not None else {})  # "exceeded its shortfall": alpha against the size of the shortfall
    ours, theirs = own.get(first), own.get(second)
    base = {"claim": sentence, "kind": "directional", "entity": "strategy", "metric": f"{first}_vs_{second}"}
    if ours is None or theirs is None:
        return Finding(**base, status="unverifiable", note=f"no stored {first} or {second}")
    holds = ours > theirs if match.group("up") else ours < theirs
    return Finding(**base, stored=ours - theirs, status="supported" if holds else "contradicted", note=f"{first} {ours:.4f} vs {second} {theirs:.4f}")


def _recovery_claims(sentence: str, lowered: str, facts: FactSheet) -> list[Finding]:
    """A recovery the sentence claims: of the deepest fall (named as the maximum, by its depth or by the date of its peak or trough),
    checked against the curve; any other, or one it dates in words no date places, to review."""
    deepest = facts.drawdowns[0] if facts.drawdowns else None
    if another := _another_fall_recovery(sentence, lowered, facts):
        return [another]
    if deepest is not None and _recovers_another(sentence, lowered, facts):
        return []  # "..., while the earlier slump from January 2015 ... was made good in April 2021"
    if deepest is not None and deepest.recovery is not None and (denied := _denied_recovery(sentence, lowered, deepest)):
        return [denied]
    if open_fall := _open_fall_regained(sentence, facts.drawdowns[1:]):
        return [open_fall]
    if deepest is not None and (ctx.names_maximum_drawdown(lowered) or _states_depth(sentence, deepest) or _dates_ends(sentence, deepest)):
        denied = NOT_RECOVERED.search(sentence)
        if not denied and (finding := _recovery(sentence, deepest)):
            return [finding]
        if denied and deepest.recovery is None and not _dates_other_than(sentence, tuple(day for day in (deepest.peak, deepest.trough, facts.events.get("end")) if day)):
            return []  # "the Generali book has not recovered": it never did
        if deepest.recovery is not None and (_regained_until(sentence, deepest) if denied else any(m.covers(deepest.recovery) for m in dates.mentions(sentence))):
            return []  # dated on the day the curve regained its peak ("not regained until February 2022")
    if NOT_RECOVERED.search(sentence) and not ctx.names_maximum_drawdown(lowered) and any(
            fall.recovery is None and _states_depth(sentence, fall) and not _dates_other_than(sentence, (fall.peak, fall.trough)) for fall in facts.drawdowns[1:]):
        return []  # "has yet to climb back out of its 16.59% drawdown from November 2022": that fall was never regained
    if "drawdown" in lowered and not any(number.unit == "days" for number in numerals(sentence)):
        return [Finding(claim=sentence, kind="directional", entity="strategy", metric="max_drawdown_recovery", status="unverifiable", note="the text says when a drawdown ended in words the checker cannot place: sent to review")]
    return []


def _recovered_in_regime(sentence: str, lowered: str, inside: re.Match[str], facts: FactSheet) -> Finding | None:
    """"2016년 6월 고점에서 ... 11.75% 하락은 저변동성 국면 안에서 모두 만회되었다": a fall (dated by its
    peak or sized) said regained inside the regime named just before; to review when it was not."""
    if NOT_RECOVERED.search(sentence, inside.start()):
        return None  # "...저변동성 국면 안에서 회복되지 못했다": a denial, which the recovery checks read
    regime = next((label for label, _, until in reversed(ctx.regime_spans(lowered)) if until <= inside.start() + 3 and inside.start() - until <= 3), None)
    peaks = dates.mentions(sentence)
    fall = next((fall for fall in facts.drawdowns if any(m.covers(fall.peak) for m in peaks) or _states_depth(sentence, fall)), None)
    began, ended = facts.regime_dates(regime) if regime else (None, None)
    if fall is None or began is None or ended is None:
        return None
    if fall.recovery is not None and began - dates.SLACK <= fall.recovery <= ended + dates.SLACK:
        return None
    when = f"regained on {fall.recovery}" if fall.recovery else "never regained"
    return Finding(claim=sentence, kind="directional", entity=f"regime:{regime}", metric="drawdown_recovery", status="unverifiable",
                   note=f"the fall from the {fall.peak} peak was {when}, outside the {regime} regime ({began} to {ended}): sent to review")


def _another_fall_recovery(sentence: str, lowered: str, facts: FactSheet) -> Finding | None:
    """"2018년 5월 고점 대비 30.37% 하락 ... 이 손실은 2021년 6월 첫 주에 메워졌다", "37.42% 밀린 두 번째
    하락은 ... 전고점을 되찾지 못했다": a fall other than the deepest, sized (the maximum not named),
    said regained at a date or not regained; to review when that fall's own recovery says otherwise."""
    if not ko.HANGUL.search(sentence) or not facts.drawdowns or ctx.names_maximum_drawdown(lowered) or _states_depth(sentence, facts.drawdowns[0]):
        return None  # English names the deepest in too many words ("its heaviest loss") to tell the falls of a sentence apart
    fall = next((fall for fall in facts.drawdowns[1:] if _states_depth(sentence, fall)), None)
    if fall is None:
        return None
    mentions = dates.mentions(sentence)
    if NOT_RECOVERED.search(sentence):
        if fall.recovery is None or _regained_until(sentence, fall):
            return None
        note = f"the {fall.depth:.2%} fall from the {fall.peak} peak was regained on {fall.recovery}; the text says it was not: sent to review"
    else:
        when = [m for m in mentions if not (m.covers(fall.peak) or m.covers(fall.trough))]
        if not when or (fall.recovery is not None and any(m.covers(fall.recovery) for m in when)):
            return None
        regained = f"was regained on {fall.recovery}" if fall.recovery else "was never regained"
        note = f"the {fall.depth:.2%} fall from the {fall.peak} peak {regained}, not when the text says: sent to review"
    return Finding(claim=sentence, kind="directional", entity="strategy", metric="drawdown_recovery", status="unverifiable", note=note)


def _dates_other_than(sentence: str, days: tuple[date, ...]) -> bool:
    """A date in the sentence that covers none of ``days`` (a peak or trough it may tell wrongly)."""
    return any(not any(m.covers(day) for day in days) for m in dates.mentions(sentence))


def _open_fall_regained(sentence: str, others: list[Drawdown]) -> Finding | None:
    """"2024년 7월 고점 뒤 13.37% 밀렸으나 기말 전에 그 고점을 다시 넘어섰다": a fall other than the
    deepest, named by its depth, said regained when the curve never regained its peak."""
    if NOT_RECOVERED.search(sentence):
        return None
    parts = [sentence[slice(*_part_around(sentence, m.start(), m.end()))] for m in RECOVERED.finditer(sentence)]  # not "the largest ... was recovered; a second slide, 25.9%, ..."
    fall = next((fall for fall in others for part in parts if fall.recovery is None and _states_depth(part, fall)), None)
    if fall is None:
        return None
    return Finding(claim=sentence, kind="directional", entity="strategy", metric="drawdown_recovery", status="unverifiable",
                   note=f"the {fall.depth:.2%} fall from the {fall.peak} peak was never regained, not as the text says: sent to review")


def _denied_recovery(sentence: str, lowered: str, deepest: Drawdown) -> Finding | None:
    """"47.4% 최대 낙폭은 기말까지도 회복되지 않은 채 남아 있다": the deepest fall, named in the same
    part of the sentence as the denial, said never to have been regained when it was (a date on
    the day it was regained, "not regained until February 2022", tells when it ended)."""
    other_peak = any(not m.covers(deepest.peak) and PEAK_WORD_AFTER.match(sentence, m.end) for m in dates.mentions(sentence))  # "2022년 5월 고점은 아직 회복하지 못했다": another high
    if other_peak or ctx.ANOTHER_DRAWDOWN.search(lowered) or _regained_until(sentence, deepest):
        return None
    for denial in NOT_RECOVERED.finditer(sentence):
        low, high = _part_around(sentence, denial.start(), denial.end())
        part = sentence[low:high]
        if ctx.names_maximum_drawdown(part.lower()) or _states_depth(part, deepest):
            return Finding(claim=sentence, kind="directional", entity="strategy", metric="max_drawdown_recovery", status="unverifiable",
                           note=f"the deepest drawdown was regained on {deepest.recovery}; the text says it was not: sent to review")
    return None


def _names_deepest_as_longest(sentence: str, longest: re.Match[str]) -> bool:
    """The part of the sentence that calls a fall the longest names the maximum ("the 24.7% maximum
    drawdown was also the longest"); not "..., while the 15.7% fall from 2015 was the longest too"."""
    low, high = _part_around(sentence, longest.start(), longest.end())
    part = sentence[low:high].lower().replace("longest", "")
    another = FALL_NOUN.search(part) or numerals(part)  # its own fall named or sized: ", while the 15.7% fall from 2015 was the longest too"
    return ctx.names_maximum_drawdown(part) or (not another and ctx.names_maximum_drawdown(sentence.lower().replace("longest", "")))


def _longest_fall(sentence: str, falls: list[Drawdown]) -> Finding | None:
    """"고점을 되찾기까지 제일 긴 시간을 쓴 하락은 574일짜리 41.15% 최대 낙폭이었다": the deepest fall
    said to be the longest, when another took longer (to review); nothing when it was."""
    longest = max(falls, key=lambda fall: fall.days)
    if longest is falls[0]:
        return None
    return Finding(claim=sentence, kind="directional", entity="strategy", metric="longest_drawdown", status="unverifiable",
                   note=f"the longest fall was the one from the {longest.peak} peak ({longest.days} days), not the deepest ({falls[0].days} days): sent to review")


def _regained_until(sentence: str, fall: Drawdown) -> bool:
    """"not regained until February 2022", "2022년 2월에야 회복했다": a denial that ends on the day the
    fall was regained (a month or a day, tied to the denial by "until"/"에야")."""
    return fall.recovery is not None and any(
        m.exact and m.covers(fall.recovery) and (UNTIL_BEFORE.search(sentence, max(0, m.start - 20), m.start) or KO_UNTIL_AFTER.match(sentence, m.end))
        for m in dates.mentions(sentence))


def _recovers_another(sentence: str, lowered: str, facts: FactSheet) -> bool:
    """The recovery is told of another fall, named as such before it ("the earlier slump"), and
    dated on the day that fall was regained."""
    recovered = RECOVERED.search(sentence)
    other = ctx.ANOTHER_DRAWDOWN.search(lowered, 0, recovered.start()) if recovered else None
    if other is None:
        return False
    when = [m for m in dates.mentions(sentence) if m.start > other.start()]
    return any(fall.recovery and m.covers(fall.recovery) for fall in facts.drawdowns[1:] for m in when)


def _recovery(sentence: str, deepest: Drawdown) -> Finding | None:
    """A claimed recovery of the deepest fall: to review when the curve never regained its peak,
    or regained it at none of the dates the sentence gives (other than the peak's and the
    trough's); nothing otherwise
    (a recovery that matches adds no finding, so a false figure elsewhere still counts)."""
    when = [m for m in dates.mentions(sentence) if not (m.covers(deepest.peak) or m.covers(deepest.trough))]  # the dates left may say when it ended
    if deepest.recovery is None:
        note = f"the deepest drawdown, from the {deepest.peak} peak, was never regained by the end of the test: sent to review"
    elif when and not any(m.covers(deepest.recovery) for m in when):
        note = f"the deepest drawdown was regained on {deepest.recovery}, not when the text says: sent to review"
    else:
        return None
    return Finding(claim=sentence, kind="directional", entity="strategy", metric="max_drawdown_recovery", status="unverifiable", note=note)


def _sign_of(pattern: re.Pattern[str], sentence: str, lowered: str) -> bool:
    """A word of loss or gain that speaks of the first regime named: the regime comes before it
    ("In the bear regime, the strategy made money") or in its part of the sentence, not only in a
    later part ("마이너스 국면은 세 곳이며, 추세장이 가장 좋았고": the loss word counts regimes)."""
    first = ctx.regime_spans(lowered)[0]
    low, high = _part_around(sentence, first[1], first[2])
    opening = not ko.HANGUL.search(sentence) or KO_SETTING_PART.search(sentence, low, high)  # "In the bear regime, ...", "저변동성 국면에서, ...": the part sets the scene for the next
    return any((opening and first[1] < word.start()) or _part_around(sentence, word.start(), word.end()) == (low, high) for word in pattern.finditer(sentence))


def _place(sentence: str, lowered: str, match: re.Match[str], facts: FactSheet) -> Finding | None:
    """"저변동성 국면은 샤프 0.84로 3위였다": a regime's place (second or lower) on Sharpe or return,
    of the regime named nearest before it in its part of the sentence; to review when it is not."""
    low, _ = _part_around(sentence, match.start(), match.end())
    regime = next((label for label, start, _ in reversed(ctx.regime_spans(lowered)) if low <= start < match.start("n")), None)
    metric = "sharpe" if match.group("metric").startswith("샤프") else "total_return"
    values = {label: m[metric] for label, m in facts.regimes.items() if metric in m}
    if regime is None or regime not in values:
        return None
    place = 1 + sum(value > values[regime] for value in values.values())
    said = int(match.group("n"))
    return Finding(claim=sentence, kind="directional", entity=f"regime:{regime}", metric=metric, stored=values[regime], status="supported" if place == said else "unverifiable",
                   note=f"the {regime} regime ranks {place} of {len(values)} on {metric}" + ("" if place == said else ": sent to review"))


def _range_years(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding | None:
    """"the 2016-18 range": the sideways regime named only by years; to review when they lie wholly
    outside its dates (not when they overlap it in part: on the blind sets, true sentences gave a
    sideways regime from mid-2018 as "2016-18" too often for a stricter test)."""
    began, ended = facts.regime_dates("sideways")
    if began is None or ended is None:
        return None
    first = int(match.group("first"))
    said = match.group("last") or match.group("first")
    last = first // 100 * 100 + int(said) if len(said) == 2 else int(said)
    if began.year <= last and first <= ended.year:
        return None
    return Finding(claim=sentence, kind="directional", entity="regime:sideways", metric="regime_dates", status="unverifiable",
                   note=f"the sideways regime ran from {began} to {ended}, not in the years given: sent to review")


def _regimes_misdated(sentence: str, lowered: str, facts: FactSheet) -> list[Finding]:
    """"RAIL3 전략이 120%를 번 강세장은 2019년 말부터 2021년 3월까지였다": a regime named beside
    dates (the nearest regime word in the same part of the sentence) that are not its own but
    another regime's, or that lie wholly outside it. Other dates are left alone: a text may date a
    stretch inside one."""
    named = ctx.regime_spans(lowered)
    labels = [name.split(".")[1] for name in facts.events if name.startswith("regime.") and name.endswith(".start")]
    findings = []
    for first, last in dates.spans(sentence, dates.mentions(sentence)):
        low, high = _part_around(sentence, first.start, last.end)
        before = [(first.start - until, word) for word, at, until in named if low <= at and 0 <= first.start - until <= REGIME_DATES_REACH]
        after = [(at - last.end, word) for word, at, until in named if at < high and 0 <= at - last.end <= REGIME_DATES_REACH]
        bracketed_dates = sentence[first.start - 1:first.start] == "("
        words = (before or after) if bracketed_dates else (after or before)  # "강세 +12%(2018.7~2019.4)": bracketed dates are the item's before them; "2016년 3월부터 2019년 말까지의 강세장": the word after
        if not words or dates.names_regime(first, last, word := min(words)[1], facts.events):
            continue
        bracketed = any(until == first.start - 1 and sentence[until:until + 1] == "(" for label, _, until in named if label == word)  # "약세(21년 1월 말~22년 10월)": the bracket dates that regime
        others = [label for label in labels if dates.names_regime(first, last, label, facts.events)]
        began, ended = facts.regime_dates(word)
        apart = began is not None and ended is not None and (last.last < began - dates.SLACK or ended + dates.SLACK < first.first)  # "2012~2014년의 횡보" for a sideways regime from 2018: no overlap
        if bracketed or others or apart:
            ran = f"the {word} regime ran from {began} to {ended}"
            told = ", not the dates in brackets" if bracketed else f"; the dates given are the {others[0]} regime's" if others else "; the dates given lie outside it"
            findings.append(Finding(claim=sentence, kind="directional", entity=f"regime:{word}", metric="regime_dates", status="unverifiable", note=f"{ran}{told}: sent to review"))
    return findings


def _dates_placed_in_regime(sentence: str, lowered: str, facts: FactSheet) -> list[Finding]:
    """"강세 국면 한가운데인 2020년 3월 9일 주간에 바닥을 찍었다", "횡보 국면에 속한 2019년 7월 고점": a
    date the sentence places inside a regime; to review when it lies outside that regime's dates."""
    findings = []
    mentions = dates.mentions(sentence)
    for label, _, until in ctx.regime_spans(lowered):
        began, ended = facts.regime_dates(label)
        told = next((m for m in mentions if m.start >= until), None)
        if began is None or ended is None or told is None or not REGIME_PLACES_DATE.fullmatch(sentence, until, told.start):
            continue
        if told.last + dates.SLACK < began or ended < told.first - dates.SLACK:
            findings.append(Finding(claim=sentence, kind="directional", entity=f"regime:{label}", metric="regime_dates", status="unverifiable", note=f"the {label} regime ran from {began} to {ended}; the date placed in it lies outside: sent to review"))
    return findings


def _fall_ends_in_regime(sentence: str, lowered: str, facts: FactSheet) -> list[Finding]:
    """"The 29.92% drawdown bottomed out during the bull regime", "그 출발점인 2020년 8월 고점은 고변동성
    국면에 속해 있었다": the trough (or peak) of the fall the sentence names, by its depth or as the
    maximum, placed in a regime; to review when the stored date lies outside that regime's dates."""
    findings = []
    korean = bool(ko.HANGUL.search(sentence))
    for label, start, end in ctx.regime_spans(lowered):
        edge = None if korean else REGIME_EDGE_AFTER.match(lowered, end)
        placed = ((KO_FALL_END_IN.search(lowered, max(0, start - 30), start) if KO_PLACED_IN.match(lowered, end) else None) or KO_FALL_POINT_AFTER.match(lowered, end)) if korean else (
            FALL_END_AROUND.search(lowered, max(0, start - 45), start) if edge else FALL_END_IN.search(lowered, max(0, start - 45), start))
        began, ended = facts.regime_dates(label)
        if placed is None or began is None or ended is None:
            continue
        around = _part_around(sentence, min(placed.start(), start), max(placed.end(), end))
        part = slice(*around)
        if korean and KO_BACK_TO_FALL.search(lowered, part.start, placed.end()):
            part = slice(0, part.stop)  # "..., 그 출발점인 2020년 8월 고점은": the fall the sentence named before
        another = ctx.ANOTHER_DRAWDOWN.search(lowered[part]) or NEXT_FALL.search(lowered[part])  # "apart from the maximum drawdown, the next-worst fall bottomed ..."
        ranked = facts.drawdowns[1] if len(facts.drawdowns) > 1 and SECOND_DEEPEST.search(lowered[part]) else facts.drawdowns[0] if ctx.names_maximum_drawdown(lowered[part]) and not another else None
        fall = next((fall for fall in facts.drawdowns if _states_depth(sentence[part], fall)), None) or ranked or (None if another else _one_fall_sized(sentence[:part.stop], facts.drawdowns))
        recovery = not korean and placed.group("recovery")
        if fall is None or (recovery and fall.recovery is None) or (not recovery and RECOVERED.search(lowered, around[0], placed.start()) and not NOT_RECOVERED.search(sentence, around[0], placed.start())):
            continue  # "the recovery from the maximum drawdown began in ...": no trough or peak placed ("아직 메워지지 않은 15.72% 하락은": a fall not regained)
        point, day = ("recovery", fall.recovery) if recovery else ("trough", fall.trough) if placed.group("trough") else ("peak", fall.peak)
        where, held = _placed(day, began, ended, placed if edge else None, edge)
        findings.append(Finding(claim=sentence, kind="directional", entity=f"regime:{label}", metric=f"drawdown_{point}", status="supported" if held else "unverifiable",
                                note=f"the fall from the {fall.peak} peak ({fall.depth:.2%}) had its {point} on {day}" + ("" if held else f", not {where} the {label} regime ({began} to {ended}): sent to review")))
    return findings


def _placed(day: date, began: date, ended: date, around: re.Match[str] | None, edge: re.Match[str] | None) -> tuple[str, bool]:
    """Where the text puts a day against a regime, and whether it lies there: in it, or before or
    after its start or end ("bottomed before turbulent conditions started")."""
    if around is None or edge is None:
        return "in", began <= day <= ended
    side, bound = around.group("side"), began if edge.group("began") else ended
    return f"{side} the {'start' if edge.group('began') else 'end'} of", day < bound if side == "before" else day > bound


def _part_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the part of the sentence (between ";", ",", "but", "반면" ...) holding ``start:end`` begins and ends."""
    return (max((cut.end() for cut in RANKING_PARTS.finditer(sentence) if cut.end() <= start), default=0),
            next((cut.start() for cut in RANKING_PARTS.finditer(sentence) if cut.start() >= end), len(sentence)))


def _one_fall_sized(text: str, falls: list[Drawdown]) -> Drawdown | None:
    """"The first major drawdown, 29.25%, had already touched bottom before ...": the one fall the text sizes, if only one."""
    sized = [fall for fall in falls if _states_depth(text, fall)]
    return sized[0] if len(sized) == 1 else None


def _states_depth(sentence: str, fall: Drawdown) -> bool:
    """"30.9%를 잃은 2022년의 낙폭": a fall (the deepest, mostly) named by its depth rather than as the maximum."""
    return any(ctx.states_depth(number, fall.depth) for number in numerals(sentence))


def _dates_ends(sentence: str, deepest: Drawdown) -> bool:
    """"2020년 4월 중순 저점 0.914에서 ... 회복했다": the deepest fall, named by when it started or bottomed."""
    return any((m.covers(deepest.peak) or m.covers(deepest.trough)) and FALL_END_AFTER.match(sentence, m.end) for m in dates.mentions(sentence))


def _never_under_start(sentence: str, points: int) -> Finding:
    """"곡선은 시작값인 1.0을 한 주도 밑돌지 않았습니다": no point of the curve below its first."""
    base = {"claim": sentence, "kind": "directional", "entity": "strategy", "metric": "weeks_below_start"}
    if points == 0:
        return Finding(**base, stored=0, status="supported", note="no point of the curve closed below its first")
    return Finding(**base, stored=points, status="unverifiable", note=f"{points} points of the curve closed below its first: sent to review")


def _no_benchmark(sentence: str, facts: FactSheet) -> Finding:
    """Supported when the store has no benchmark at all; otherwise sent to review (the text may
    mean something narrower, "no benchmark for the crypto sleeve")."""
    base = {"claim": sentence, "kind": "directional", "entity": "benchmark", "metric": "benchmark"}
    if not facts.benchmark_name and not facts.benchmark:
        return Finding(**base, status="supported", note="the store has no benchmark")
    return Finding(**base, status="unverifiable", note=f"the store has a benchmark, {facts.benchmark_name or 'unnamed'}: sent to review")


def _chain(sentence: str, facts: FactSheet) -> Finding | None:
    """"Regimes by return: bull (+16%) > trending (+18%) > low volatility (+8%)": regimes joined by
    ">" are told in order, by Sharpe where the words before the chain say so; to review when the
    stored figures are out of that order (each figure is checked on its own elsewhere)."""
    spans = sorted(ctx.regime_spans(sentence.lower()), key=lambda span: span[1])
    chain = [spans[0]] if spans else []
    for before, after in zip(spans, spans[1:]):
        if CHAIN_GAP.fullmatch(sentence, before[2], after[1]):
            chain.append(after)
        elif len(chain) < 2:
            chain = [after]
        else:
            break
    if len(chain) < 2:
        return None
    metric = "sharpe" if BY_SHARPE_BEFORE.search(sentence, 0, chain[0][1]) and not BY_RETURN_BEFORE.search(sentence, 0, chain[0][1]) else "total_return"
    values = [facts.regimes.get(label, {}).get(metric) for label, _, _ in chain]
    if any(value is None for value in values):
        return None
    ordered = all(first >= second for first, second in zip(values, values[1:]))
    return Finding(claim=sentence, kind="directional", entity=f"regime:{chain[0][0]}", metric=metric, stored=values[0], status="supported" if ordered else "unverifiable",
                   note=f"regimes told in order of {metric}: " + " > ".join(f"{label} {value:g}" for (label, _, _), value in zip(chain, values)) + ("" if ordered else ", out of that order: sent to review"))


def _rankings(sentence: str, facts: FactSheet) -> list[Finding]:
    """"The bull regime was the strongest; the bear regime the weakest": each part of the
    sentence ranks the regime it names (when it names several, the nearest one before the
    superlative: "sideways was the best (+14%) and low volatility came second"); by Sharpe
    when the superlative is risk-adjusted."""
    findings = [chained] if (chained := _chain(sentence, facts)) else []
    unbroken = re.sub(r"\([^)]*\)", lambda aside: aside.group(0).replace(",", "\u201a"), sentence)  # "(-13%, the worst)" ranks what it follows
    carried: list[tuple[str, int, int]] = []
    parts = RANKING_PARTS.split(unbroken)
    for index, part in enumerate(parts):
        spans = ctx.regime_spans(part.lower())
        following = parts[index + 1].strip() if index + 1 < len(parts) else ""
        both = BOTH_MEASURES.search(part) or (BOTH_MEASURES.match(following) and not ctx.regime_spans(following.lower()))  # "No regime beat the 2022-24 bull, on either gain or Sharpe"
        carried = spans or [(label, 0, 0) for label, *_ in carried[-1:]]  # "강세 국면은 +210%, ... 기간 역시 제일 길었다": the length of the regime the sentence is about
        deepest = DEEPEST_IN_REGIME.search(part) if spans else None
        if deepest and not DENIED_RANK.search(part):  # not "the bear regime did not have the deepest in-regime drawdown"
            values = {label: m["max_drawdown"] for label, m in facts.regimes.items() if "max_drawdown" in m}
            findings.append(_rank(sentence, _nearest(spans, deepest.start()), values, min, "max_drawdown"))
        if not spans and carried and PREDICATE_ONLY.match(part):
            spans = carried  # "The 2021-23 trend, up 39%, was the strongest regime": the subject before the aside
        for pattern, pick in ((BEST, max), (WORST, min)):
            for rank, superlative in enumerate(pattern.finditer(part) if spans else ()):  # "+38%로 벌이가 가장 컸고 샤프 1.07도 네 국면 중 으뜸이었으며": a later superlative of the same regime
                if rank and any(span[1] > superlative.start() for span in spans):
                    break  # "샤프가 가장 높은 국면은 ... 약세 국면(0.74)이고 수익 1위는 고변동성": another regime's, after it
                if deepest and deepest.start() <= superlative.start() < deepest.end():
                    continue  # "the deepest in-regime drawdown": ranked by the regimes' own falls above
                nearest = min(spans, key=lambda span: (span[1] > superlative.start(), min(abs(span[1] - superlative.start()), abs(span[2] - superlative.start()))))
                metric = "sharpe" if RISK_ADJUSTED.match(part[superlative.end():]) or RANKED_BY_SHARPE.search(sentence) or ON_SHARPE.search(part) or (ON_SHARPE.match(sentence.lstrip()) and not ON_RETURNS.search(part)) or "샤프" in superlative.group(0) or KO_SHARPE_BEFORE.search(part, 0, superlative.start()) or FOR_RISK.search(part, 0, superlative.start()) else "total_return"
                if CURVE_POINT_RANKED.search(part):  # "곡선이 가장 낮게 내려간 지점은 약세 국면에": where the curve's low lay, no regime's rank
                    findings.append(_curve_extreme_in(sentence, nearest[0], facts, "low" if pick is min else "high"))
                    continue
                for metric in ("total_return", "sharpe") if both else (metric,):
                    values = {label: m[metric] for label, m in facts.regimes.items() if metric in m}
                    findings.append(_rank(sentence, nearest[0], values, pick, metric))
        for pattern, pick in ((LONGEST_SPELL, max), (SHORTEST_SPELL, min)):
            if carried and (superlative := pattern.search(part)) and not NOT_A_SPELL.search(part):
                nearest = _nearest(carried, superlative.start())
                values = {label: m["share_of_time"] for label, m in facts.regimes.items() if "share_of_time" in m}
                if list(values.values()).count(pick(values.values())) > 1:
                    findings.append(Finding(claim=sentence, kind="directional", entity=f"regime:{nearest}", metric="share_of_time", stored=values.get(nearest), status="unverifiable", note="regimes tie on length: sent to review"))
                else:
                    findings.append(_rank(sentence, nearest, values, pick, "share_of_time"))
    return findings


def _nearest(spans: list[tuple[str, int, int]], at: int) -> str:
    """The regime of the span (label, start, end) whose start or end lies nearest ``at``."""
    return min(spans, key=lambda span: min(abs(span[1] - at), abs(span[2] - at)))[0]


def _comparison(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding | None:
    """"A beat B": a claim when one side is the strategy and the other the benchmark, named in
    the same clause ("was beaten by" swaps the sides), about the metric named there, else growth."""
    if NEGATED.search(sentence[:match.start()]):
        return None
    named = ctx.mentions(sentence, facts.benchmark_name)
    clause_end = match.end() + len(COMPARISON_CUT.split(sentence[match.end():])[0])
    clause_start = match.start() - len(COMPARISON_CUT.split(sentence[:match.start()])[-1])  # "because the benchmark fell, the 1.32% alpha ... exceeds": not across a clause
    subject = next((m.entity for m in reversed(named) if clause_start <= m.start and m.end <= match.start()), "strategy")
    target = next((m.entity for m in named if match.end() <= m.start < clause_end), None)
    if PASSIVE_BY.match(sentence[match.end():]) and not LEFT_BEHIND.search(sentence, 0, match.end()):  # "was beaten by": swapped; "left far behind by the index" says who trailed
        subject, target = target, subject
    return _between(sentence, match, subject, target, facts)


def _korean_comparison(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding | None:
    """"전략은 벤치마크를 상회했다": both sides come before the verb. The particles say which is
    which: the side marked as the object or the standard ("를", "보다") is the target, the
    nearest one marked as the subject ("은", "가") the subject ("XIU는 연 5.62%를 올렸고 전략은
    이를 웃돌았다"); the other side is implied when one is missing. Unmarked, the nearer one is
    what the other (the strategy when only one is named) is compared with."""
    if KO_NEGATED.match(sentence[match.end():]) or KO_THRESHOLD.match(sentence, match.end()):
        return None
    if KO_LOSS_COMPARED.match(match.group(0)) and not KO_LOSS_TOLD.search(sentence[:match.start()]):
        return Finding(claim=sentence, kind="directional", entity="strategy", metric="vs_benchmark", status="unverifiable",
                       note="losses compared where the sentence tells no loss: sent to review")  # "전략은 SPY보다 더 잃었다" when both made money
    clause_start = match.start() - len(COMPARISON_CUT.split(sentence[:match.start()])[-1])
    before = [m for m in ctx.mentions(sentence, facts.benchmark_name) if clause_start <= m.start and m.end <= match.start()]
    if not before or (len(before) == 1 and before[0].entity == "strategy" and KO_OWNS.match(sentence, before[0].end)):
        return None  # "전략의 샤프 비율은 목표치에 미치지 못했다": compared with something no list names
    target = next((m.entity for m in reversed(before) if KO_FIGURE_AS_TARGET.match(sentence[m.end:])), None) or next(
        (m.entity for m in reversed(before) if KO_NOT_SUBJECT.match(sentence[m.end:])), None)
    subject = next((m.entity for m in reversed(before) if KO_SUBJECT.match(sentence[m.end:]) and m.entity != target), None)
    if subject or target:
        subject = subject or ("strategy" if target == "benchmark" else "benchmark")
        return _between(sentence, match, subject=subject, target=target or ctx.other_side(subject), facts=facts)
    return _between(sentence, match, subject=before[-2].entity if len(before) > 1 else "strategy", target=before[-1].entity, facts=facts)



def _between(sentence: str, match: re.Match[str], subject: str, target: str | None, facts: FactSheet) -> Finding | None:
    """The comparison judged once its sides are known (English and Korean word order alike):
    a claim only when one side is the strategy and the other the benchmark."""
    if {subject, target} != {"strategy", "benchmark"}:
        return None
    metric = compared_on(sentence, match)
    strategy_ahead = (match.group("up") is not None) == (subject == "strategy")
    if metric in LOWER_IS_BETTER and SIZE_WORDS.match(match.group(0)):
        strategy_ahead = not strategy_ahead
    return _compare(sentence, metric, _growth(facts.strategy, metric), _growth(facts.benchmark, metric), strategy_ahead)


def compared_on(sentence: str, match: re.Match[str]) -> str:
    """The metric named in the comparison's own clause ("lagged on Sharpe"), else growth."""
    before = COMPARISON_CUT.split(FIGURE_ASIDE.sub(" ", sentence[max(0, match.start() - 50):match.start()]))[-1]  # "its Sharpe ratio, 0.59, beat"
    after = BUT_AFTER.split(COMPARISON_CUT.split(sentence[match.end():match.end() + 50])[0])[0]  # "SOXX보다 2.46%p 높았지만 샤프는 ...": the Sharpe is the next claim's
    window = f"{before} {after}".lower()
    if match.re is DEPTH_COMPARE and not RETURN_WORDS.search(window) or match.group(0).endswith(("깊", "얕")) and not KO_RETURN_WORDS.search(window):  # "IPSA의 43.8%보다 9.1%p 깊었고": deeper is a drawdown's word, unless a loss of returns is compared
        return "max_drawdown"  # "shallower than the 41.1% IWM suffered": depth is a drawdown's
    named = next((metric for word, metric in COMPARED_ON.items() if word in window), None)
    return named or ("sharpe" if RANKED_BY_SHARPE.search(sentence, 0, match.start()) or _on_sharpe_before(sentence, match) else "growth")


def _on_sharpe_before(sentence: str, match: re.Match[str]) -> bool:
    """"On Sharpe, the Dow dip buyer came out ahead of INDU": a comparison after "on Sharpe" (or "measured against risk") in its own
    part of the sentence, unless the comparison names returns ("... also beat FADGI in returns")."""
    on = max((m for pattern in (ON_SHARPE, FOR_RISK) for m in pattern.finditer(sentence, 0, match.start())), key=lambda m: m.start(), default=None)  # "Measured against risk, the book beat the index"
    if on is None or CONTRAST_BETWEEN.search(sentence, on.end(), match.start()):
        return False
    if on.re is FOR_RISK and AND_BETWEEN.search(sentence, on.end(), match.start()):
        return False  # not "Measured against risk the book came out ahead, and over the whole test SLV beat it"
    return not ON_RETURNS.search(sentence, match.start())  # "Measured by Sharpe, the nickel book did better than BCOMNI"


def _growth(values: dict[str, float], metric: str) -> float | None:
    if metric == "growth":
        return values.get("cagr", values.get("total_return"))
    return values.get(metric)


def _compare(sentence: str, metric: str, ours: float | None, theirs: float | None, strategy_ahead: bool) -> Finding:
    base = {"claim": sentence, "kind": "directional", "entity": "strategy", "metric": f"vs_benchmark:{metric}" if metric != "growth" else "vs_benchmark"}
    if ours is None or theirs is None:
        return Finding(**base, status="unverifiable", note=f"benchmark {metric} not stored")
    if metric in LOWER_IS_BETTER:
        ours, theirs = -abs(ours), -abs(theirs)
    holds = ours > theirs if strategy_ahead else ours < theirs
    note = f"strategy {ours:.4f} vs benchmark {theirs:.4f}"
    return Finding(**base, claimed=None, stored=ours - theirs, status="supported" if holds else "contradicted", note=note)


def _sign(sentence: str, metric: str, entity: str, stored: float | None, positive: bool) -> Finding:
    base = {"claim": sentence, "kind": "directional", "entity": entity, "metric": metric}
    if stored is None:
        return Finding(**base, status="unverifiable", note=f"no stored {metric} for {entity}")
    holds = stored > 0 if positive else stored < 0
    return Finding(**base, stored=stored, status="supported" if holds else "contradicted", note=f"stored {metric} is {stored:.4f}")


def _only_loss(sentence: str, only: re.Match[str], facts: FactSheet) -> Finding:
    """"The sideways grind was its only losing regime": the regime named nearest is the one, and
    the only one, with a negative return."""
    start, end = _part_around(sentence, only.start(), only.end())
    named = ctx.regime_spans(sentence.lower())
    spans = [span for span in named if start <= span[1] < end] or named
    regime = min(spans, key=lambda span: min(abs(span[1] - only.start()), abs(span[2] - only.start())))[0]
    losers = sorted(label for label, m in facts.regimes.items() if m.get("total_return", 0.0) < 0)
    base = {"claim": sentence, "kind": "directional", "entity": f"regime:{regime}", "metric": "total_return"}
    if not facts.regimes:
        return Finding(**base, status="unverifiable", note="no stored regime returns")
    holds = losers == [regime]
    return Finding(**base, stored=facts.regimes.get(regime, {}).get("total_return"), status="supported" if holds else "contradicted", note=f"losing regimes: {', '.join(losers) or 'none'}")


def _curve_extreme_in(sentence: str, regime: str, facts: FactSheet, point: str) -> Finding:
    """The curve's lowest or highest point said to lie in a regime: the stored date against the regime's dates."""
    day, (start, end) = facts.events.get(point), facts.regime_dates(regime)
    base = {"claim": sentence, "kind": "directional", "entity": f"regime:{regime}", "metric": f"curve_{point}"}
    if not (day and start and end):
        return Finding(**base, status="unverifiable", note=f"no stored date of the curve's {point} or of the {regime} regime")
    holds = start <= day <= end
    return Finding(**base, status="supported" if holds else "contradicted", note=f"the curve's {point} came on {day}" + ("" if holds else f", outside the {regime} regime ({start} to {end})"))


def _rank(sentence: str, regime: str, values: dict[str, float], pick: Callable[..., str], metric: str = "total_return") -> Finding:
    base = {"claim": sentence, "kind": "directional", "entity": f"regime:{regime}", "metric": metric}
    if regime not in values:
        return Finding(**base, status="unverifiable", note=f"no stored {metric} for regime {regime}")
    expected = pick(values, key=values.__getitem__)
    holds = values[regime] == values[expected]  # a tie ranks both first
    return Finding(**base, stored=values[regime], status="supported" if holds else "contradicted", note=f"{pick.__name__} {metric} is in {expected}")

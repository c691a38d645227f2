"""The fact checker's Korean vocabulary: metric names, entities, regimes, comparatives and loss
words as Korean reports write them (issue 20).

Korean attaches particles to nouns and figures ("샤프 지수는", "0.62입니다", "143일이"), so a
Korean word needs no word boundary after its last syllable (`HANGUL_END`). Pure data and
patterns; no I/O.
"""

from __future__ import annotations

import re

HANGUL = re.compile(r"[가-힣]")

# A particle may follow a word at once ("샤프 지수는", "MDD는"): a word ends at a boundary or
# where Hangul follows or ends it.
HANGUL_END = r"(?:\b|(?<=[가-힣])|(?=[가-힣]))"

# metric -> (nouns, rates, verbs), with the same tiers as the English words in numeric_claims.
METRIC_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "max_drawdown_duration_days": (("낙폭 ?기간", "고점 ?(?:아래|밑)(?:에)? ?머문 ?기간", "고점 ?(?:아래|밑)에서 ?보낸", "회복 ?기간", "회복(?:하는 ?데|까지)?", "만회(?:하는 ?데|까지|했|됐|되)?", "메우(?:는 ?데|기까지)", "메워(?:졌|진|지기까지|지는 ?데)", "메웠", "메운", "메꿨", "되찾(?:기까지|는 ?데|은)", "손실 ?기간", "수중 ?기간"), (), ("지속", "걸렸", "걸린", "걸려", "소요")),
    "max_drawdown": (("최대 ?낙폭", "mdd", "낙폭", "가장 ?큰 ?하락(?: ?폭)?(?=은|는)", "(?:전?고점|정점) ?대비 ?하락(?:폭)?", "최대 ?손실 ?폭", "(?:전?고점|정점) ?(?:이후|에서|부터)"), ("겪(?:은|었던)(?=\\s?[\\d.,]+\\s?%\\s?(?:의\\s)?(?:하락|낙폭|조정))",), ()),
    "annual_volatility": (("(?:연(?:환산|간)? ?)?변동성",), (), ()),
    "cagr": (
        ("연평균 ?(?:복리 ?)?(?:수익률|성장률)", "연평균(?=\\]? ?[:：]|\\]? ?[-+]?\\d|$)", "연 ?환산(?= ?[:：]? ?[-+]?\\d)", "연 ?환산 ?수익률", "연 ?수익률", "연간 ?수익률", "연복리 ?수익률", "cagr"),
        ("연 ?평균", "연간", "매년", "연율", "연 ?환산", "1년에", "해마다", "매해"),
        (),
    ),
    "total_return": (
        ("누적 ?수익률", "총 ?수익률", "전체 ?수익률", "누적 ?성과", "누적(?:으로|해서| 기준)", "누적(?=\\]? ?[:：]? ?[-+]?\\d)"),
        (),
        ("수익률", "수익", "상승", "올렸", "올랐", "올라", "오른", "벌었", "손실", "잃었", "하락", "성장", "플러스", "마이너스"),
    ),
    "sharpe": (("샤프(?: ?(?:지수|비율))?",), (), ()),
    "sortino": (("소르티노(?: ?(?:지수|비율))?",), (), ()),
    "calmar": (("칼마(?: ?(?:지수|비율))?",), (), ()),
    "win_rate": (("승률", "수익 ?거래 ?비율"), (), ("(?:수익|이익)(?:으로|을 내며) ?(?:마감|끝|청산|마쳤|마친|마치)", "이긴", "(?:수익|이익)을 낸")),
    "winning_trades": (("이긴 ?(?:거래|매매)", "(?:이익|수익) ?(?:거래|매매)", "승리", "(?:이익|수익)으로 끝난 ?(?:거래|매매)", "(?:이익|수익|돈)을 (?:낸|번) ?(?:거래|매매)"), (), ("이겨", "이긴", "이겼", "(?:수익|이익)으로 ?(?:마감|마쳤|마친|끝냈|끝낸)")),
    "profit_factor": (("손익비", "프로핏 ?팩터", "수익 ?팩터", "(?:이익|수익) ?합계를 손실 ?합계로 나눈 ?값"), (), ()),
    "num_trades": (("거래 ?횟수", "매매 ?횟수", "거래", "매매", "트레이드"), (), ("거래했", "매매했")),
    "avg_trade_return": (("평균 ?거래 ?수익률?", "거래(?:당|의)? ?평균 ?수익률?", "(?:거래|매매) ?(?:한 ?건|1건)(?:의|당) ?평균 ?수익률?"), ("거래당", "건당", "매매당", "회당", "건별", "거래별", "매매별", "한 ?번 ?(?:매매|거래)에", "(?:한|1) ?(?:건|회|번)(?:에|당)? ?평균", "(?<=[·•|※▷▶►,/] )평균(?=\\s?[-+]?\\d)"), ()),
    "exposure": (("노출도", "시장 ?노출", "노출(?= ?[-+]?\\d)", "투자 ?비중", "노출 ?비율", "(?:포지션 ?)?보유 ?(?:비중|비율)", "포지션을 (?:들고|보유)", "시장에 (?:머물|머문|참여|들어가 ?있)"), (), ()),
    "turnover": (("회전율", "회전(?:시켰|시킨|했|한)"), (), ()),
    "alpha": (("알파",), (), ()),
    "beta": (("베타",), (), ()),
    "hit_rate": (("적중률",), (), ()),
    "count": (("신호", "시그널"), (), ()),
    "avg_return": (("평균 ?수익률?",), (), ()),
}

# "샤프 지수" is no index: the benchmark is named as a benchmark, a reference index or by ticker.
BENCHMARK = r"벤치마크|비교 ?지수|기준 ?지수|시장 ?지수|시장(?=(?: ?수익률)?(?:에(?! ?(?:머물|머문|참여|들어))|을|를|보다|대비|과|와|의 ?낙폭))|바이 ?앤 ?홀드|(?:사서 |매수해 )?(?:묻어 ?두기만|들고만|보유만|쥐고만) ?(?:했어도|했다면|했더라면|있었어도|있었다면|하고 있었다면)|단순 ?보유|(?:그냥|그대로|단순히|계속) (?:사서 )?(?:들고|보유하고|보유만 하고) 있(?:었다면|었더라면|었으면|으면|는다면)|(?<![샤프소르티노칼마] )(?<![샤프노마])지수(?=의|를|보다|대비|와|가|는|\s?\(|\s[-+]?\d|\s(?:낙폭|샤프|수익률|최대 ?낙폭|mdd|MDD|cagr|CAGR|변동성))|환율(?= ?(?:자체|보유)?(?:의|는|은|이|가|을|를|보다|대비|\s?\())|(?<=[가-힣] )ETF(?=가|는|은|의|를|보다|대비|\s?\()"
STRATEGY = r"(?:이 |본 |해당 )?전략|포트폴리오"
REGIMES = {
    "high_volatility": ("고변동성", "변동성이 (?:높은|큰)"),
    "low_volatility": ("저변동성", "변동성이 (?:낮은|작은)"),
    "bull": ("강세장", "상승장", "강세 ?(?:구간|국면)", "강세(?= [-+]\\d)"),
    "bear": ("약세장", "하락장", "약세 ?(?:구간|국면)", "약세(?= [-+]\\d)"),
    "sideways": ("횡보장", "횡보 ?(?:구간|국면)", "박스권", "횡보(?! ?(?:하|했|한|해|세))"),
    "trending": ("추세장", "추세 ?(?:구간|국면)", "추세(?= [-+]\\d)"),
}
# "전략은 벤치마크를 상회했다": both sides come before the verb; the side marked as the object or
# the standard ("를", "보다", "대비") is what the subject is compared with.
COMPARE_UP = r"상회|웃돌|앞서|앞섰|앞질|앞지르|능가|초과 ?달성|보다(?:도|는)?(?: [^\s,]+){0,3}? (?:높|많|좋|얕)"
COMPARE_DOWN = r"하회|밑돌|뒤처|뒤쳐|뒤졌|못 ?미치|못 ?미쳤|미치지 ?못|보다(?:도|는)?(?: [^\s,]+){0,3}? (?:낮|적|나쁘|깊|저조|부진|뒤떨어)"
COMPARED_ON = {"샤프": "sharpe", "위험 조정": "sharpe", "위험조정": "sharpe", "소르티노": "sortino", "칼마": "calmar", "낙폭": "max_drawdown", "폭락": "max_drawdown", "하락폭": "max_drawdown", "mdd": "max_drawdown", "변동성": "annual_volatility"}
_COUNTER = r"^\s*(?:건|회|번|개)?\s*(?:이 |가 )?"  # "10건 중 4건 남짓", "1년이 넘게": the bound after the counter
QUALIFIERS_AFTER = {
    "at least": _COUNTER + r"(?:이상|넘(?:게|는|은|긴|겼|었|어)|초과)", "at most": _COUNTER + r"(?:이하|미만|에 못 ?미치|아래)", "roughly": _COUNTER + r"(?:가량|정도|내외|안팎|가까이)",
    "a little over": _COUNTER + r"남짓",  # "1,200건 남짓" is not 3,146
}
NEGATED_AFTER = r"^[가-힣]*지 ?(?:못|않)"  # "상회하지 못했다", "웃돌지 않았다"
NEGATIVE = r"손실|하락|잃|뒷걸음|날리|날린|날려|날렸|마이너스|감소|반납|깎|떨어|내렸|내린|내려|빠졌|빠진|빠지|빠져|밀렸|밀린|밀려|급락|폭락|후퇴|까먹|적자|줄었|줄어|증발|역성장"
# Topics the store has no figure for.
UNSTORED_TOPICS = r"수수료|슬리피지|거래 ?비용|비용|세금|세후|롤 ?비용|펀딩|차입|용량|VaR|위험가치"
# Sub-periods: a year, a quarter, a month ("2022년", "1분기", "3월").
SUB_PERIOD = r"(?<!부터 )(?<![~–-])(?:19|20)\d{2}\s?년(?!\s?(?:\d{1,2}\s?월\s?)?(?:(?:초|말|초반|중반|후반|상반기|하반기)\s?)?(?:부터|~|–|-))|\d\s?분기|\d{1,2}\s?월(?!\s?(?:까지|부터|~))"
# "2018년 9월 고점을 되찾기까지": a date that marks a peak or a trough dates an episode, no sub-period.
EVENT_AFTER = r"^\s*(?:\d{1,2}\s?월\s?)?(?:\d{1,2}\s?일\s?)?(?:초|말|중순|초순|하순)?\s?(?:(?:의\s?)?(?:전?고점|최고점|정점|저점|바닥|피크)|까지)"  # a peak's date, or a range's end
# "588일 뒤인 2020년 2월에 만회": the date an episode ended, counted from its start; no part of the period.
EVENT_BEFORE = r"\d\s?(?:일|개월|년)\s?(?:뒤|후|만)(?:인|에|의)?\s*(?:\d{4}\s?년\s?)?$"
# After a name: the object or the standard of a comparison ("SPY를", "SPY(11.9%)를", "벤치마크보다"),
# or a possession ("지수의"), not the clause's subject; "전략은", "QQQ가" are.
NOT_SUBJECT_AFTER = r"^(?:\s?[A-Z][\w./-]*)?(?:\([^)]*\))?\s?(?:를|을|보다|대비|에 ?비해|에(?!서)|와|과|의)"
# "QQQ가 연 17.8% 오른 데 비해": the subject of what the strategy is compared with.
COMPARED_CLAUSE = r"(?:데|것에|것과)\s?비(?:해|하면|해서)|대비"
# "36회가 수익", "10건 중 6건": a count of a count, of trades that won.
SHARE = r"(?<!\d)(?P<whole>\d+)\s?(?:회|건|번)?\s?(?:의\s?)?(?:(?:거래|매매|트레이드)?\s?중|(?:거래|매매|트레이드)\s?에서)\s?(?P<part>\d+)\s?(?:회|건|번)?"
WON = r"수익|이익|이긴|승리|플러스"
SUBJECT_AFTER = r"^(?:\([^)]*\))?\s?(?:은|는|이|가)(?![가-힣])"
SUBJECT_OR_EVEN_AFTER = r"^(?:\([^)]*\))?\s?(?:은|는|이|가|도|마저|조차)(?![가-힣])"  # a comparison's subject: "전략마저 ... 뒤처져", even the strategy
# "연 17.8% 오른", "연간 -2.1%": a yearly rate before the figure.
YEARLY_BEFORE = r"(?:^|[\s(])연(?:간|율)?\s*$"
# "연 -1.6%를 기록한 TLT": the name after "기록한" owns the figure before it.
OWNER_AFTER = r"^\s?(?:를|을)?\s?(?:기록한|낸|보인|올린|거둔|달성한)\s"
# Connective endings that end a clause ("급등했지만 ...", "손실을 내며 ...", "오르는 동안 ...").
CLAUSE_END = r"(?<=[가-힣])(?:지만|으며|면서도?|는데도?)(?=\s)|(?<=[가-힣]) 반면(?:에)?(?=\s)|(?<=[본한된낸친난])\s(?:뒤|후)(?:에)?(?=\s)|(?<=[했였됐었았렸냈졌])고(?=\s)|(?<=[내하되])며(?=\s)|(?<=[가-힣]는) (?:동안|사이)(?:에)?(?=\s)|(?<=[가-힣]) ?뿐 ?아니라(?=\s)|(?<=[가-힣]) 때(?:에)?(?=\s)"
# Particles and small words that sit between a name and its figure ("벤치마크의 11.4%").
PARTICLES = {"의", "은", "는", "이", "가", "을", "를", "로", "으로", "에", "에서", "도", "약", "대략", "거의", "인", "였", "이었"}
# A judgement of a regime as the best or worst ("강세장이 가장 좋은 구간이었습니다").
BEST = r"가장 (?:좋|높|강|많이 (?:벌|오른)|돋보|뛰어|큰 (?:수익|이익))|(?:수익|이익|성과)(?:이|가)? 가장 (?:컸|크|좋|높)|가장 (?:수익|이익|성과)(?:이|가)? (?:컸|크|좋|높|많)|최고(?!점|치)|최상|최대 (?:수익|이익)(?:처|원)"
WORST = r"가장 (?:나쁘|나빴|낮|약|부진|큰 (?:손실|낙폭|타격)|많이 (?:잃|떨어|까먹)|크게 (?:잃|까먹|밀리|밀렸|밀린|떨어))|최악|최저(?!점|치)"
# Native Korean numbers, as counts ("두 곳", "하나뿐") and multiples ("두 배").
NUMBER_WORDS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|\d{1,2}"
PHASES = r"(?:국면|구간|레짐|장세)"
# "여섯 국면 중", "국면 여섯 개 가운데": the number of regimes a count of them is out of.
REGIMES_OF = rf"(?:(?P<n>{NUMBER})\s?(?:개\s?)?{PHASES}|{PHASES}\s?(?P<n2>{NUMBER})\s?개?)\s?(?:중|가운데)(?:에서)?"
# "돈을 잃은 것은 ... 횡보장 하나뿐이었다": the only losing regime.
ONLY_LOSS = r"(?:잃은|손실을 (?:본|낸)|마이너스(?:였던|를 기록한)) (?:것|국면|구간)(?:은|이)[^.]{0,40}?(?:하나뿐|하나였|뿐이었)|유일하게 (?:손실|마이너스|돈을 잃)"
LOST = r"손실을? ?(?:봤|보았|기록|냈)|손실이 났|마이너스|하락했|(?:돈을|돈도) 잃"
GAINED = r"수익을? ?(?:냈|기록|올렸)|플러스|상승했"

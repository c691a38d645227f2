"""Readings of the twenty-seventh round (2027_52 and ko 2027_50 read): a dated week of the stored
curve (its move into that week's point, or where it stood), a single day told standing for its own
week, listed codes, gaps told as "N-point" or "by N points", Korean places in a ranking (1위, 1등),
Korean alpha against the CAGR, and the signal names, owners and bounds those sets showed."""

from __future__ import annotations

import pytest

from guardrails.factsheet import FactSheet
from tests.guardrails.test_factcheck_review import assert_verdict, sheet

VOLVO = sheet("eq-se-volvo-supertrend")  # the week of 2020-03-16: -4.4%; bull regime best on Sharpe (2.28), trending on return
THAI_BANKS = sheet("eq-th-banks-value")  # the week of 2020-03-23: +1.25%
FAST_RETAILING = sheet("eq-jp-fastretailing-stoch")  # deepest fall 19.15%, trough 2020-03-02; oversold entries 47, hit 68.09%
NASPERS = sheet("eq-za-naspers-donchian")  # alpha 8.25% above the CAGR 7.17% (beta -0.22)
AAVE = sheet("crypto-aave-ema")  # 1억 원 ends at 2억 5,847만 원; the curve's high 4.31
ORSTED = sheet("eq-dk-orsted-voltarget")  # signals ema_trend (41, 41.46%) and vol_rescale (212, 50%)
MEGABANKS = sheet("eq-jp-megabanks-momentum")  # benchmark 1615.T: Sharpe 0.41 (strategy 0.44); alpha -3.18%, gap -1.94 points
UNISWAP = sheet("crypto-uni-rsi")  # maximum drawdown 58.74% (BITW 71.46%); alpha -14.68%, gap -20.71 points
GOLD_FIELDS = sheet("eq-za-goldfields-keltner")  # bull best on Sharpe, trending best on return; signals keltner_breakout, atr_trail_exit
PAIRS = sheet("eq-fr-bnp-gle-pairs")  # no benchmark; maximum drawdown 16.14%; signals spread_entry, z_stop


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("관광이 끊기고 대출 상환 유예가 지시된 2020년 3월 23일 주에는 오히려 1.25% 올랐다.", THAI_BANKS, "verified"),
        ("2020년 3월 23일 주에는 오히려 2.5% 올랐다.", THAI_BANKS, "unverifiable"),
        ("2020년 3월 23일 주에는 1.25% 내렸다.", THAI_BANKS, "unverifiable"),  # the week rose
        ("In the week of 16 March 2020 the book fell 4.4%.", VOLVO, "verified"),
        ("In the week of 16 March 2020 the book rose 4.4%.", VOLVO, "unverifiable"),
        ("In the week of 16 March 2020 the book never fell 4.4%.", VOLVO, "unverifiable"),  # denied
        ("The heaviest loss began on 16 March 2020 and was 29.19% deep.", VOLVO, "unverifiable"),  # the 16th is no figure; the deepest fall began in 2018
        ("The heaviest loss began on 5 February 2018 and was 29.19% deep.", VOLVO, "verified"),
        ("In the week of 16 March 2020 the book wasn't down 4.4%.", VOLVO, "unverifiable"),
        ("엔 캐리 청산으로 도쿄 증시가 갭 하락한 2024년 8월 5일 주에도 곡선은 1.345에서 1.353으로 올랐다.", FAST_RETAILING, "verified"),
        ("최대 낙폭은 2020년 3월 9일에 바닥을 쳤다.", FAST_RETAILING, "unverifiable"),  # a week after the trough
        ("19.15% 최대 낙폭은 20년 3월 9일 그 주가 바닥이었다.", FAST_RETAILING, "unverifiable"),
        ("19.15% 최대 낙폭은 2020년 3월 2일 주가 바닥이었다.", FAST_RETAILING, "verified"),
        ("국면별 샤프 1등은 추세장이었다.", VOLVO, "unverifiable"),  # "1등" is a place, not a Sharpe of 1
        ("수익 1위는 추세 국면, 샤프 1위는 강세 국면입니다.", VOLVO, "verified"),
        ("강세 국면의 샤프가 가장 높았습니다.", VOLVO, "verified"),
        ("NPN 돌파 전략의 알파는 연 7.17%인 CAGR보다 낮게 잡혔습니다.", NASPERS, "unverifiable"),
        ("베타가 -0.22여서 알파(8.25%)가 CAGR보다 컸다.", NASPERS, "verified"),
        ("에이브 EMA 교차 모델은 1억 원을 3억 원 넘게 불렸다.", AAVE, "unverifiable"),  # the end, not the high
        ("1억 원은 한때 4억 3,000만 원 넘게 불었다.", AAVE, "verified"),
        ("Volatility rescales: count 212 | hit rate 50% | average +0.04%.", ORSTED, "verified"),
        ("Half of the Ørsted book's 41 EMA trend trades were winners.", ORSTED, "unverifiable"),
        ("The rotation was the steadier vehicle: a 0.44 Sharpe beside 0.41 for 1615.T.", MEGABANKS, "verified"),
        ("The Sharpe of 1615.T was 0.41.", MEGABANKS, "verified"),  # the code is no figure
        ("The Japanese bank rotation's alpha was less negative than its 1.94-point shortfall.", MEGABANKS, "unverifiable"),
        ("It trailed 1615.T by a 2.94-point margin.", MEGABANKS, "contradicted"),
        ("Its deepest loss, 58.74%, beats the fund's 71.46% by almost thirteen points.", UNISWAP, "verified"),
        ("Its deepest loss, 58.74%, beats the fund's 71.46% by 11 points.", UNISWAP, "contradicted"),
        ("Uniswap's alpha was a bigger deficit than its 20.71-point shortfall against BITW.", UNISWAP, "unverifiable"),
        ("Alpha was a smaller deficit than its 20.71-point shortfall.", UNISWAP, "verified"),
        ("The token book lost ground against an 11.6% yearly gain for the Bitwise 10 Crypto Index Fund.", UNISWAP, "verified"),
        ("On Sharpe, Gold Fields' strongest regime was the 2018-20 trending market.", GOLD_FIELDS, "contradicted"),
        ("The trending regime was the most profitable; on Sharpe the bull regime came first.", GOLD_FIELDS, "verified"),
        ("Keltner breakouts: 36 · wins 15 · 41.67% · average 3.51% | ATR trailing exits: 33 · wins 14 · 42.42% · average 2.87%", GOLD_FIELDS, "verified"),
        ("Z-score stops: 14, of which 1 was profitable (7.14%), average -2.46%.", PAIRS, "verified"),
        ("With no benchmark attached, losses were never deeper than 16.14% and capital was deployed 44% of the time.", PAIRS, "verified"),
        ("Losses were never deeper than 12%.", PAIRS, "contradicted"),
        ("Around 45% of the exposure-days were short positions.", sheet("eq-kr-skhynix-macd"), "unverifiable"),
        ("Measured in won, the annual return would be roughly 1.8 percentage points higher.", sheet("eq-kr-skhynix-macd"), "unverifiable"),
        ("최장 국면은 31%를 차지한 고변동성이고 손실로 마감한 국면은 횡보와 약세 두 개입니다.", AAVE, "verified"),  # 차지: a share of time
        ("국면 성적(괄호 안은 기간 비중): 추세 +5%(16%), 고변동성 +9%(23%), 저변동성 -4%(16%), 횡보 -6%(16%).", sheet("eq-us-cat-de-pairs"), "verified"),
        ("국면 성적(괄호 안은 기간 비중): 추세 +5%(16%), 고변동성 +9%(25%).", sheet("eq-us-cat-de-pairs"), "unverifiable"),
        ("원금선 아래로 떨어진 건 2016년 4월 18일 주부터 3주뿐이며, 시장 노출은 34%, 회전율은 8.7배입니다.", sheet("eq-pl-cdr-bollinger"), "verified"),
        ("원금선 아래로 떨어진 건 2016년 4월 18일 주부터 5주뿐이었다.", sheet("eq-pl-cdr-bollinger"), "unverifiable"),
        ("반대 신호 청산 49회 중 17회가 적중(34.69%)했고 평균은 1.02%였다.", AAVE, "verified"),
        ("샤프 0.61 ⟶ 총수익 147.32% ⟶ 소르티노 지표 0.90 ⟶ 칼마 지표 0.31", VOLVO, "verified"),
    ],
)
def test_readings_of_the_twenty_seventh_round(text: str, facts: FactSheet, verdict: str) -> None:
    assert_verdict(text, facts, verdict)


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("2025년 4월 7일 주 1.95까지 밀렸다.", AAVE, "verified"),
        ("2025년 4월 14일 주 1.95까지 밀렸다.", AAVE, "unverifiable"),  # 1.95 was the week before's
        ("추세 국면 막바지인 2024년 12월 9일 주의 4.313, 즉 기간 최고치에서 2025년 4월 7일 주 1.95까지 밀렸고, 기말 2.585도 고점보다 40% 가량 낮다.", AAVE, "verified"),
        ("2024년 8월 5일 주에도 곡선은 1.353에서 1.345로 내렸다.", FAST_RETAILING, "unverifiable"),
        ("가장 깊은 골은 2018년 2월 5일 주 1.597에서 파이기 시작했다.", VOLVO, "verified"),
        ("가장 깊은 골은 2018년 2월 5일 주 1.61에서 파이기 시작했다.", VOLVO, "unverifiable"),
    ],
)
def test_where_the_curve_stood_in_a_week_told_to_the_day(text: str, facts: FactSheet, verdict: str) -> None:
    assert_verdict(text, facts, verdict)


# The two reviews of the twenty-seventh round (session 15): each row a fault one proved, mended.
REVIEW = [
    # the review of the round
    ('2020년 3월 16일 주에 SPY는 0.23% 올랐다.', sheet('eq-us-momentum-rotation'), 'not verified'),
    ('In the week of 16 March 2020 THD fell 5.9%.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 16일 주가는 5.9% 떨어졌다.', sheet('eq-th-banks-value'), 'not verified'),
    ('In the week of 30 March 2020 the book fell 0.9%.', sheet('eq-us-spy-bollinger'), 'not verified'),
    ('In the week of 30 March 2020 the book rose 0.8%.', sheet('eq-us-spy-bollinger'), 'verified'),
    ('In the week ending 13 March 2020 the book rose 3.8%.', sheet('eq-th-banks-value'), 'verified'),
    ('In the week of 16 March 2020 the book jumped 5.9% as bank shares fell.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 16일 주에는 5.9% 떨어지지 않았다.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 16일 주에 급락한 뒤 그다음 주에도 5.9% 떨어졌다.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 23일 주에는 0.937에서 0.926으로 떨어졌다.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 23일 주에 곡선은 0.926까지 올랐다.', sheet('eq-th-banks-value'), 'not verified'),
    ('Better on Sharpe, the strategy also beat FADGI in returns.', sheet('eq-ae-fadgi-bollinger'), 'not verified'),
    ('Better on Sharpe, the strategy still trailed FADGI in returns.', sheet('eq-ae-fadgi-bollinger'), 'verified'),
    ('On Sharpe the strategy beat FADGI, but it trailed the index on growth.', sheet('eq-ae-fadgi-bollinger'), 'verified'),
    ('On Sharpe the low-volatility regime led, but on returns the bull regime was the best.', sheet('eq-us-spy-bollinger'), 'verified'),
    ('국면별 낙폭 1위는 강세장이었다.', sheet('eq-th-banks-value'), 'not verified'),
    ('국면별 손실 1위는 강세장이었다.', sheet('eq-th-banks-value'), 'not verified'),
    ('변동성 1위는 강세장 국면이었다.', sheet('eq-th-banks-value'), 'not verified'),
    ('Its CAGR was no worse than its alpha.', sheet('eq-th-banks-value'), 'not verified'),
    ('Its alpha was no worse than its CAGR.', sheet('eq-th-banks-value'), 'not contradicted'),
    ('알파는 CAGR보다 높지 않았다.', sheet('eq-ae-fadgi-bollinger'), 'not verified'),
    ('알파가 CAGR보다 크지는 않았다.', sheet('eq-ae-fadgi-bollinger'), 'not verified'),
    ('The strategy held a 1.05-point lead over THD in CAGR.', sheet('eq-th-banks-value'), 'not verified'),
    ("The strategy's CAGR carried a 1.05-point margin over THD.", sheet('eq-th-banks-value'), 'not verified'),
    ('The strategy was never deeper than 30% below its peak.', sheet('eq-th-banks-value'), 'not verified'),
    ('시가총액 1위 삼성전자를 매매한 이 전략은 저변동성 국면에서 15.27%를 벌었다.', sheet('kr-samsung-bollinger'), 'verified'),
    ('저변동성 국면은 샤프 0.84로 1위였지만, 수익률은 강세장이 16.83%로 가장 높았다.', sheet('kr-samsung-bollinger'), 'verified'),
    ('The book held long positions 99% of the time.', sheet('eq-th-banks-value'), 'verified'),
    ('1억 원이 2022년 9월 1억 1,900만 원으로 불어났다.', sheet('eq-th-banks-value'), 'verified'),
    ("Nearly half of the strategy's 105 trades made money.", sheet('eq-th-banks-value'), 'verified'),
    ('알파는 벤치마크 CAGR보다 낮았다.', sheet('eq-ae-fadgi-bollinger'), 'verified'),
    # the second review, of its mends
    ('In the week of 18 March 2020 the book rose 1.25%.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 18일 주에는 1.25% 올랐다.', sheet('eq-th-banks-value'), 'not verified'),
    ('In the week of 16 March 2020 the book fell 5.9%.', sheet('eq-th-banks-value'), 'verified'),
    ('In the week ending 20 March 2020 the book fell 5.9%.', sheet('eq-th-banks-value'), 'verified'),
    ('2020년 3월 16일 주에는 5.9%나 떨어지진 않았다.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 16일 주에 5.9% 떨어진 것은 아니었다.', sheet('eq-th-banks-value'), 'not verified'),
    ('알파는 CAGR보다 높진 않았다.', sheet('eq-th-banks-value'), 'not verified'),
    ('Since the week of 16 March 2020 the book has lost 5.9%.', sheet('eq-th-banks-value'), 'not verified'),
    ('From the week of 16 March 2020 to the end of the test, the book lost 5.9%.', sheet('eq-th-banks-value'), 'not verified'),
    ('In the week of 16 March 2020 the book fell to 5.9% below its starting capital.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 16일 주에 5.9% 떨어졌고, 한 주 뒤에도 5.9% 더 떨어졌다.', sheet('eq-th-banks-value'), 'not verified'),
    ('2020년 3월 16일 주에 곡선은 0.984에서 0.926으로 올랐다.', sheet('eq-th-banks-value'), 'not verified'),
    ('In the week of 16 March 2020 the curve rose from 0.984 to 0.926.', sheet('eq-th-banks-value'), 'not verified'),
    ('In the bull regime the curve sank to 0.651 on 19 October 2020.', sheet('eq-th-banks-value'), 'not verified'),
    ('강세장 초반, 곡선은 0.651까지 밀렸다.', sheet('eq-th-banks-value'), 'not verified'),
    ('Two thirds of its 96 trades lost money, though the book still made a profit.', sheet('eq-au-aristocrat-rsi'), 'not verified'),
    ('Two thirds of its 27 trades lost money, while the winners were larger.', sheet('eq-au-tcl-ema'), 'not contradicted'),
    ('Two thirds of its 27 trades were losers, and only a third were winners.', sheet('eq-au-tcl-ema'), 'not contradicted'),
    ('In 2021, the book made 105 trades.', sheet('eq-th-banks-value'), 'not verified'),
    ('2021년 한 해, 거래는 105회였다.', sheet('eq-th-banks-value'), 'not verified'),
    ('On Sharpe the nickel book trailed BCOMNI, and it trailed BCOMNI on total return too.', sheet('cmd-nickel-lme-donchian'), 'not verified'),
    ('On Sharpe, though only narrowly, the nickel book trailed BCOMNI.', sheet('cmd-nickel-lme-donchian'), 'not contradicted'),
    ('The 2018 drawdown was no deeper than 9%.', sheet('eq-th-banks-value'), 'not contradicted'),
    ('The fall from the March 2018 peak was never deeper than 9%.', sheet('eq-th-banks-value'), 'not contradicted'),
    ('위험 대비 수익 1위는 고변동성 국면이었다.', sheet('cmd-cbot-ethanol-macd'), 'not verified'),
    ('The strategy left a 1.05-point premium over THD.', sheet('eq-th-banks-value'), 'not verified'),
    ('The strategy had a 1.05-point head start over THD.', sheet('eq-th-banks-value'), 'not verified'),
    ('THD 대비 1.05%p 우위를 보였다.', sheet('eq-th-banks-value'), 'not verified'),
    ("Alpha wasn't above the CAGR.", sheet('eq-th-banks-value'), 'not verified'),
    ('The strategy was never deeper than 30% below its peak.', sheet('eq-th-banks-value'), 'not verified'),
    ('최대 낙폭 54.79%는 아직 진행 중이다. 추세 국면 막바지인 2024년 12월 9일 주의 4.313, 즉 기간 최고치에서 2025년 4월 7일 주 1.95까지 반토막 넘게 밀렸고, 기말 2.585도 고점보다 40% 가량 낮아 294일째 물에 잠겨 있다.', sheet('crypto-aave-ema'), 'verified'),
    ('원금선 아래로 떨어진 건 2016년 4월 18일 주부터 3주뿐이며, 시장 노출은 34%, 회전율은 8.7배입니다.', sheet('eq-pl-cdr-bollinger'), 'verified'),
]


@pytest.mark.parametrize(("text", "facts", "expected"), REVIEW)
def test_the_reviews_of_the_twenty_seventh_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)

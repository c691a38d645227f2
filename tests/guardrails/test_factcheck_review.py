"""Faults reviews of the sixteenth to twenty-second rounds' readings proved (sessions 11 to 13): each sentence got a
`verified` it did not deserve, or lost one it did. Copper (`cmd-copper-donchian`): total return
+88.6%, win rate 35.7%, maximum drawdown 20.06%; the curve's high and end 188.6% of its start, its
low 91.1%, the maximum drawdown's peak 113.9%; signals `breakout` (hit rate 35.7%) and `trend_exit`
(41%). FACTS: CAGR 8.2%, Sharpe 0.62, win rate 54%, bull +31% (Sharpe 1.40), bear -12%."""

from __future__ import annotations

from pathlib import Path

import pytest

from guardrails.factcheck import check
from guardrails.factsheet import Drawdown, FactSheet
from services.reports.facts import fact_sheet
from services.reports.schemas import BacktestIn
from tests.guardrails.test_factcheck import FACTS

COPPER = fact_sheet(BacktestIn.model_validate_json((Path(__file__).parents[2] / "data" / "backtests" / "cmd-copper-donchian.json").read_text()))
def sheet(name: str) -> FactSheet:
    root = Path(__file__).parents[2]
    path = next(p for p in (root / "data" / "backtests" / f"{name}.json", root / "tests" / "data" / "factcheck_backtests" / f"{name}.json") if p.exists())
    return fact_sheet(BacktestIn.model_validate_json(path.read_text()))


def assert_verdict(text: str, facts: FactSheet, expected: str) -> None:
    """The checker's verdict is ``expected``, or any but X for "not X"."""
    result = check(text, facts)
    denied = expected.startswith("not ")
    assert (result.verdict != expected.removeprefix("not ")) if denied else (result.verdict == expected), result.model_dump_json(indent=1)


CRUDE = sheet("cmd-crude-macd")  # maximum drawdown -51.65%, the benchmark's -34.4%
OPEN_FALL = FACTS.model_copy(update={"drawdowns": [Drawdown(depth=-0.198, days=143, peak="2021-01-04", trough="2021-03-01", end_depth=-0.09)]})
LITHIUM = sheet("eq-au-lithium-momentum")  # high 4.55 (2022-11), low 0.793 (2019-12), end 2.151; beta 1.31; XMM CAGR 6.93%; bull x5.3
IWM = sheet("eq-us-iwm-crossover")  # beta 0.61; Sharpe 0.32 (IWM 0.39); maximum drawdown 25.16% (IWM 41.1%)
CENOVUS = sheet("eq-ca-cenovus-macd")  # CAGR 7.09% (XEG.TO -1.92%), Sharpe 0.55 (0.06), total x2.27, high 2.48; exit signal 71, hit 36.62%; open fall 602 days
FALABELLA = sheet("eq-cl-falabella-bollinger")  # CAGR -1.8% (IPSA -4.1%), maximum drawdown 52.86% (43.77%)
TECK = sheet("eq-ca-teck-donchian")  # maximum drawdown 50.24% over 1,827 days, regained in 2021
SHOP = sheet("eq-ca-shop-voltarget")  # total return x7.42; bear regime -42%; XIT CAGR 14.37%
GOLD = sheet("cmd-gold-atr-breakout")  # Sharpe 0.36, CAGR 6.9%, maximum drawdown 17.47%; GLD 0.52, 8.3%, 52.4%
BYMA = sheet("eq-ar-byma-value")  # signals rebalance_buy 212, rebalance_sell 207
DOGE = sheet("crypto-doge-donchian")  # beta 0.38; the deepest fall 78.74% from May 2021, open, the curve ends 62.05% below; the June 2019 fall lasted 525 days
FTSE = sheet("eq-uk-ftse-sma")  # regime Sharpes -0.53 to 0.86; the curve's low 0.865, high 1.4147
BANKS = sheet("eq-pl-banks-value")  # maximum drawdown 56.55%, regained 2023-06-05; WIGBANKI 57.3%
ATTIJARI = sheet("eq-ma-attijariwafa-ema")  # CAGR 1.32% (MADEX -1.63%), Sharpe 0.18 (-0.09), maximum drawdown 22.5% (28.71%), open, ends 13.6% below
BTC = sheet("crypto-btc-keltner")  # maximum drawdown 85.0%; the benchmark BTCUSD's stored 24.8%
ETH = sheet("crypto-eth-ma-crossover")  # Sharpe 0.31, ETHUSD 0.22
SPY_BOLL = sheet("eq-us-spy-bollinger")  # CAGR 5.0% (SPY 11.9%), alpha 1.83%, 231 trades at 66.4%, exposure 28.4%, maximum drawdown 14.66% regained 2020-08-07
MA_CROSS = sheet("eq-us-ma-crossover")  # bear regime 2019-07-02 to 2020-12-29 (-10.08%); the deepest fall peaked 2019-07-02, bottomed 2019-12-31
RISKY = FACTS.model_copy(update={"regimes": {**FACTS.regimes, "high_volatility": {"total_return": 0.40, "sharpe": 0.5}}})


@pytest.mark.parametrize(
    ("text", "facts"),
    [  # the review of the nineteenth round (session 12)
        ("기말 평가액은 4.55입니다.", LITHIUM),  # the high, not the end
        ("The equity curve ended the test at 1.94.", LITHIUM),  # a fall's peak
        ("The curve's all-time high was 2.42.", LITHIUM),
        ("곡선 최저는 2024년 12월 초 1.253이었습니다.", LITHIUM),  # the deepest fall's trough, not the lowest point
        ("곡선 최고점은 2021년 2.42였습니다.", LITHIUM),
        ("XMM's equity curve ended the test at 2.15.", LITHIUM),  # the strategy's end
        ("지수 평가액은 기말 2.15였습니다.", LITHIUM),
        ("베타가 1.31로, 지수가 전략보다 더 크게 움직였습니다.", LITHIUM),
        ("With a beta of 1.31, the index was more sensitive than the strategy.", LITHIUM),
        ("XIT에 넣은 1억 원은 7.42배가 됐습니다.", SHOP),  # the strategy's growth
        ("지수에 1억 원을 넣었다면 7.42배가 됐을 것입니다.", SHOP),
        ("상승장에서 지수 평가액이 5.3배로 늘었습니다.", LITHIUM),
        ("1억 원은 하락장에서 7.42배가 됐습니다.", SHOP),  # the bear regime lost 42%
        ("상승장과 하락장을 모두 거치며 평가액이 5.3배가 됐습니다.", LITHIUM),
        ("하락장에서는 비중을 내려 7.7%를 벌었습니다.", IWM),  # lowering a position is no loss: the bear regime lost 7.68%
        ("횡보장에서는 비중을 내려 35% 수익을 냈습니다.", LITHIUM),
        ("곡선 고점은 2021년 3월 2.125였고, 기말 1.962는 그보다 12.6% 낮습니다.", IWM),  # a fall's depth, not how far below it the curve ends
        ("곡선 고점은 2020년 1월 1.96이었고, 기말은 그보다 7.7% 낮습니다.", IWM),  # another fall's end depth
        ("곡선 고점은 2022년 11월 중순 4.55였고, 기말 2.15는 그보다 72.5% 낮습니다.", LITHIUM),
        ("IWM compounded at 7.9% a year and the crossover at 6.3%, its deepest slump reaching 41.1%.", IWM),  # "its" is the crossover's
        ("IWM's CAGR was 7.9% and the crossover's 6.3%, its maximum drawdown 41.1%.", IWM),
        ("The benchmark's Sharpe was 0.39; the strategy's 0.52.", IWM),
        ("The Russell 2000 ETF trend follower compounded at 7.9% a year.", IWM),  # a strategy named after an ETF
        ("The small-cap ETF timing rule earned a Sharpe of 0.39.", IWM),
        ("The gold ETF trend follower earned a Sharpe of 0.52.", GOLD),
        ("The gold ETF trading rule compounded at 8.3% a year.", GOLD),
        # the review of the twentieth round
        ("The gold ETF managed 6.9% a year.", GOLD),  # the strategy's figures given to GLD
        ("By contrast the gold ETF registered a Sharpe of 0.36.", GOLD),
        ("The gold ETF’s maximum drawdown was 17.5%.", GOLD),
        ("Its high market beta made the strategy less sensitive than XMM.", LITHIUM),  # beta 1.31
        ("With a beta of 1.31, the strategy proved no more sensitive than the benchmark.", LITHIUM),
        ("베타가 1.31이지만 지수보다 더 민감하지는 않았습니다.", LITHIUM),
        ("The deepest drawdown, which has never healed, reached 52.7%.", LITHIUM),  # 52.7% is where the curve ends, the fall went to 72.47%
        ("The largest decline has not closed, having bottomed 52.7% below the November 2022 peak.", LITHIUM),
        ("여섯 국면 가운데 샤프 비율은 최저 0.86이었습니다.", FTSE),  # the curve's low, not a Sharpe
        ("국면별 샤프 비율은 최저 0.86, 최고 1.41이었습니다.", FTSE),
        ("전략은 IWM과 비교해 최대 낙폭이 41.1%로 얕았습니다.", IWM),  # the standard's figure given to the strategy
        ("IWM은 전략에 비해 최대 낙폭이 25.2%로 깊었습니다.", IWM),
        ("From its 4.55 peak the curve fell to 1.94.", LITHIUM),  # another fall's peak, not the trough 1.253
        ("고점 이후 곡선은 1.94로 떨어졌습니다.", LITHIUM),
        ("신호는 총 204건 발생했습니다.", LITHIUM),  # one signal's count; 406 in all
        ("2018년 3월에 시작된 하락의 깊이는 72.5%였습니다.", LITHIUM),  # the March 2018 fall was 59.16%
        # the review of the twenty-first round
        ("베타 1.31의 전략은 지수보다 덜 민감해 급락장에서도 크게 출렁이지 않았습니다.", LITHIUM),  # a negation in another clause
        ("With a beta of 1.31 the strategy was less sensitive than the index — no more sensitive than a bond fund.", LITHIUM),
        ("At a beta of 1.31, its benchmark proved more sensitive than the strategy.", LITHIUM),
        ("With a beta of 1.31, the broader index was more sensitive than the strategy.", LITHIUM),
        ("The gold ETF beat the trading rule, returning 6.9% a year.", GOLD),  # a strategy word in the object
        ("The gold ETF outpaced the system with a CAGR of 6.9%.", GOLD),
        ("The deepest drawdown has yet to heal, having reached 52.7% at its worst point last December.", LITHIUM),  # it reached 72.47%
        ("The deepest fall, which has yet to heal, bottomed out 52.7% below its peak at the end of 2024.", LITHIUM),
        ("The maximum drawdown has not closed; it ended up 52.7% deep at the December 2024 trough.", LITHIUM),
        ("In the bull regime the curve fell to 1.25.", LITHIUM),  # that trough came in the high-volatility regime
        ("횡보장에서 곡선은 0.793에서 바닥을 쳤습니다.", LITHIUM),  # the low came in the bear regime
        ("During the sideways regime the curve hit its low of 0.79.", LITHIUM),
        ("The March 2018 drawdown was a 959-day round trip.", LITHIUM),  # that fall lasted 1,232 days
        ("The 2018 slump was a 959-day round trip.", LITHIUM),
        ("The momentum book outscored XMM 0.47 Sharpe to 0.43.", LITHIUM),  # the strategy's Sharpe is 0.43
        ("The strategy edged XMM 0.47 Sharpe to 0.43 over the test.", LITHIUM),
        ("진입 신호는 207회 발생했습니다.", BYMA),  # the sell signal's count
        ("Entry signals fired 207 times over the test.", BYMA),
        ("The strategy's entry signal fired 202 times.", LITHIUM),
        ("Sector drag cut the strategy's CAGR by about 9.4%.", LITHIUM),  # the size of a cut, which the store does not hold
        # the review of the twenty-first round's mend
        ("With a beta of 1.31 to the broader market, the strategy was less sensitive than XMM.", LITHIUM),
        ("With a beta of 0.61 to the broader market, the crossover was more sensitive than IWM.", IWM),
        ("With a beta of 1.31, the strategy was less sensitive than its benchmark.", LITHIUM),
        ("With a beta of 0.38, the strategy was more sensitive than its benchmark.", DOGE),
        ("The deepest drawdown is still open, and the curve finished the test 72.5% below its November 2022 peak.", LITHIUM),  # the depth, not where it ends
        ("The deepest drawdown has never healed, and the curve is now 72.5% below its peak.", LITHIUM),
        ("가장 깊은 낙폭은 아직 회복되지 않았고, 곡선은 기말에 고점보다 72.5% 낮습니다.", LITHIUM),
        ("During the sideways regime, which followed the bull run, the curve fell to 1.25.", LITHIUM),  # that trough is not in the sideways regime
        ("In the sideways regime the strategy lost 35%, and the curve fell to 1.25.", LITHIUM),
        ("횡보장에서 전략은 크게 흔들렸고, 곡선은 1.253까지 떨어졌습니다.", LITHIUM),
        ("After peaking in March 2018, the strategy took 959 days to recover.", LITHIUM),  # that fall took 1,232 days
        ("After peaking in June 2019, the strategy took 1,512 days to recover.", DOGE),
        ("2018년 3월 고점 이후, 전략은 959일 만에 원금을 회복했습니다.", LITHIUM),
        ("The longest drawdown, from March 2018, lasted 959 days.", LITHIUM),
        # the review of the twenty-second round
        ("전략의 최대 낙폭은 41.1%에 이른 채 IWM과 비슷했다.", IWM),  # 41.1% is IWM's: "채" ends the modifier
        ("전략은 연평균 7.9%에 머문 채 IWM과 비슷한 궤적을 그렸다.", IWM),
        ("전략은 연 -1.92%로 뒷걸음친 끝에 XEG와 비슷한 성과에 그쳤다.", CENOVUS),  # -1.92% is XEG.TO's
        ("전략은 0.06에 머문 샤프 비율로 XEG와 비슷한 위험 대비 성과를 냈다.", CENOVUS),
        ("2020년 3월을 지나며 누적 수익률은 127.1%에 이르렀다.", CENOVUS),  # reached only at the end
        ("2020년 3월을 지나며 전략의 연 변동성은 14.2%로 뛰었다.", CENOVUS),
        ("청산은 71회였고 그중 36회가 이익(36.6%)이었습니다.", CENOVUS),  # 26 of 71 won
        ("청산 신호는 71회였고 그중 28회가 이익(39.4%)이었습니다.", CENOVUS),  # the exit's hit rate is 36.62%
        ("전략은 기말 현재 497일째 전 고점을 넘지 못하고 있습니다.", CENOVUS),  # that fall was regained; the open one is 602 days
        ("전략은 기말 현재 1,827일째 전 고점을 넘지 못하고 있다.", TECK),
        ("Drawdowns were contained, at no more than 25%.", CENOVUS),  # the maximum is 27.54%
        ("The strategy's drawdowns were held to no more than 20%.", TECK),  # the maximum is 50.24%
        ("1억 원으로 시작한 계좌는 2.48배가 됐습니다.", CENOVUS),  # 2.27 times; 2.48 is the curve's high
        # the review of the twenty-third round
        ("전략의 연간 손실은 IPSA보다 깊었다.", FALABELLA),  # CAGR -1.8% against -4.1%: returns, not drawdowns
        ("최대 낙폭 구간은 기말 현재 602일째 회복되지 않고 있습니다.", CENOVUS),  # the deepest fall was regained; 602 days is another's
        ("가장 깊었던 27.5% 낙폭은 602일째 메워지지 않았습니다.", CENOVUS),
        ("전략은 602일 동안 포지션이 없었습니다.", CENOVUS),
        ("XEG는 602일 동안 전 고점을 회복하지 못했습니다.", CENOVUS),  # the benchmark's curve is not stored
        ("2012년 4월을 거치며 전략의 연평균 수익률은 7.1%로 올라섰다.", CENOVUS),  # 7.1% is no fall's depth here
        ("MACD 교차 94회 가운데 26회만 이익(36.6%)이었다.", CENOVUS),  # 36.6% is the exit's hit rate
        ("MACD cross entries went 71 at a 36.6% hit rate.", CENOVUS),  # the crossings numbered 94
        ("The maximum drawdown took 3 years (1,827 days) to recover.", TECK),
        ("The 27.5% drawdown began at the May 2022 peak, well before the later 10.3% slide.", CENOVUS),  # its peak was May 2019
        ("상승장에서 평가액은 5.2배로 늘었습니다.", LITHIUM),  # 5.30 times
        ("1억 원으로 시작한 계좌는 2.2배가 됐습니다.", CENOVUS),  # 2.27 times
        ("베타가 1.31로, XMM이 전략보다 더 크게 움직였습니다.", LITHIUM),  # beta above one: the strategy moved more
        ("With a beta of 1.31, XMM was more sensitive than the strategy.", LITHIUM),
        # two older faults of that review, mended in session 14
        ("2021년 3월을 지나며 낙폭은 27.5%까지 커졌다.", CENOVUS),  # the deepest fall (its depth) ran from May 2019 to September 2020
        ("In March 2021 the drawdown reached 27.5%.", CENOVUS),
        ("2020년 4월 바닥에서 누적 수익률은 127.1%였다.", CENOVUS),  # 127.1% is the whole test's, reached only at the end
        ("In April 2020, at the trough, the strategy was up 127.1%.", CENOVUS),
        ("By September 2020, when the fall was regained, the total return was 127.1%.", CENOVUS),
    ],
)
def test_the_nineteenth_to_twenty_third_rounds_let_no_false_claim_through(text: str, facts: FactSheet) -> None:
    assert check(text, facts).verdict != "verified", check(text, facts).model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "facts"),
    [  # the review of the twenty-fourth round (session 14)
        ("The 27.5% maximum drawdown, suffered in 2020, was never recovered.", CENOVUS),  # regained 2020-09-14: a year is no "until"
        ("The maximum drawdown of 27.5% bottomed in 2020 and has never been regained.", CENOVUS),
        ("The 56.6% maximum drawdown, which ran from 2018 to 2023, was never fully recovered.", BANKS),
        ("The strategy never fell more than 10% below its peak.", CENOVUS),  # a bound, not the 10.32% fall
        ("The strategy was never more than 13.5% below its peak.", BANKS),
        ("The strategy ended the test less than 8% below its peak.", CENOVUS),  # it ends 8.54% below
        ("The strategy ended the test at least 9% below its peak.", CENOVUS),
        ("The Keltner book's maximum drawdown on BTC-USD was 24.8%.", BTC),  # BTC-USD is the coin traded, not the benchmark
        ("The crossover's Sharpe ratio on ETH-USD was 0.22.", ETH),
        ("It beat the index, where the maximum drawdown reached 22.5%.", ATTIJARI),  # ", where": the index's
        ("The strategy outpaced the index, where annual returns averaged 1.32%.", ATTIJARI),
        ("In the low-volatility regime, the strategy made money, and the bear regime was its best.", CENOVUS),  # low volatility -5%
        ("저변동성 국면에서, 전략은 손실 없이 수익을 냈고 약세장이 가장 좋았다.", CENOVUS),
        ("At the close the strategy sat 8.5% beneath its peak of late 2022.", CENOVUS),  # that peak was May 2022
        ("요소 MACD 모델의 47.4% 최대 낙폭은 기말까지도 회복되지 않은 채 남아 있다.", sheet("cmd-urea-ufv-macd")),  # regained 2022-02-07
        ("게임기 제조사 역추세 모델의 26.1% 하락은 2020년 2월 고점에서 시작해 카지노가 문을 닫은 3월 중순에 바닥을 쳤다.", sheet("eq-au-aristocrat-rsi")),  # trough 2020-04-13
        ("RAIL3 전략이 120%를 번 강세장은 2019년 말부터 2021년 3월까지였다.", sheet("eq-br-rumo-voltarget")),  # the high-volatility regime's dates
        ("Vol rescales: 318, 142 positive (47.8%), average 0.03%.", sheet("eq-br-rumo-voltarget")),  # 152 of 318 won
        ("원금 아래에서 마감한 주는 모두 125주였습니다.", TECK),  # 115 weekly closes below the start
        ("2023년 10월 하순부터 기말까지 79주 연속으로 평가액이 1.0을 밑돌았습니다.", sheet("cmd-urea-ufv-macd")),  # that run is 89 weeks
        ("The curve closed 125 weeks below its starting value.", TECK),
        # the review of the twenty-fifth round
        ("The strategy bottomed on 31 December 2019, 182 days before the bear regime began.", MA_CROSS),  # 182 days after it began
        ("The strategy's worst fall began from a 2 July 2019 high, 546 days after the bear regime ended.", MA_CROSS),
        ("The strategy bottomed on 10 March 2020, 252 days after the bear regime set in.", MA_CROSS),  # no trough that day
        ("Equity made its high on 20 August 2018, 315 days before the low-volatility regime expired.", MA_CROSS),
        ("원금 아래로 내려간 적도 있었지만, 최대 낙폭을 회복하는 데 34주가 걸렸다.", COPPER),  # the fall's length, not weeks below the start
        ("The curve dipped below its starting value, and the maximum drawdown lasted 34 weeks.", COPPER),
        ("The longest stretch below its starting value lasted 34 weeks.", COPPER),  # runs of 5, 27 and 2
        ("가장 긴 구간은 34주 동안 원금 아래에 머물렀다.", COPPER),
        ("2016년 3월부터 2주 연속으로 평가액이 1.0을 밑돌았다.", COPPER),  # that run lasted 27 weeks
        ("2013년 4월부터 27주 연속으로 평가액이 1.0을 밑돌았다.", COPPER),
        ("약세(2021.1~2022.6) 구간 수익률은 -10%였다.", MA_CROSS),  # the bracket is not the bear regime's dates
        ("약세(’21.1~’22.6)에는 -10%였다.", MA_CROSS),
        ("약세(21년 1월 말~22년 10월)에는 -10%였다.", MA_CROSS),
        ("강세(2019.7~2020.12)에는 +30%였다.", MA_CROSS),
        ("Exactly 37 won (39.36%), all of them zero-line exits.", CENOVUS),  # those are the MACD crosses' figures
        ("37 won (39.36%) — the record of the zero-line exit.", CENOVUS),
        ("The deepest slide, 47.42%, started from a 20 August 2018 high, forty-five days before the bull regime expired.", sheet("cmd-urea-ufv-macd")),  # 35 days
        # the review of the twenty-sixth round
        ("전략은 SPY보다 더 빠르게 성장했다.", SPY_BOLL),  # "더 빠르게" is faster, not "fell more"; it grew slower
        ("전략은 SPY보다 더 잃었다.", SPY_BOLL),  # it lost nothing
        ("Trades came out ahead 28.4% of the time.", SPY_BOLL),  # 28.4% is the exposure; trades won 66.4%
        ("2013년 4월부터 원금 아래에 머문 가장 긴 구간은 27주였다.", COPPER),  # the April 2013 run lasted 5 weeks
        ("Its alpha exceeded its shortfall against SPY.", SPY_BOLL),  # 1.83% against a 6.9-point shortfall
        ("14일 RSI를 쓴 이 전략은 274회 거래했다.", sheet("cmd-nzx-wmp-rsi")),  # its RSI length is 5
        ("55일 채널 돌파로 진입하는 이 전략은 143회 거래했다.", COPPER),  # its entry channel is 40 days
        ("The curve bottomed on 14 February 2020, 227 days after the high-volatility regime began.", SPY_BOLL),  # that day was the peak
    ],
)
def test_the_twenty_fourth_round_lets_no_false_claim_through(text: str, facts: FactSheet) -> None:
    assert check(text, facts).verdict != "verified", check(text, facts).model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "facts", "not_verdict"),
    [
        # the first review (sixteenth round)
        ("At the 2016 trough the strategy had lost 91% of its starting capital.", COPPER, "verified"),  # a loss, not the 91.1% low
        ("전략은 원금의 91%를 잃었다.", COPPER, "verified"),
        ("The copper book ended the test at 114% of its starting capital.", COPPER, "verified"),  # the peak's 113.9%, not the end's 188.6%
        ("By the end of the test the curve stood at 146% of its starting capital.", COPPER, "verified"),
        ("Buy-and-hold CPER ended the test at 188.6% of its starting capital.", COPPER, "verified"),  # the strategy's curve, not the benchmark's
        ("원금 1억 원은 시험이 끝날 때 1억 1,400만 원이었다.", COPPER, "verified"),
        ("전략의 누적 수익률은 8.1% 하락했다.", COPPER, "verified"),  # a named total return, not a fall's depth
        ("구리 돈치안 전략은 전체 테스트 기간 동안 20% 하락했다.", COPPER, "verified"),
        ("구리 돈치안 전략의 매매 적중률은 41%였다.", COPPER, "verified"),  # the strategy's win rate, not a signal's hit rate
        ("전략의 적중률은 57%였다.", FACTS, "verified"),
        ("Unlike the bull market, the bear market returned 31% and -0.8 on Sharpe.", FACTS, "verified"),  # no list of two regimes
        ("While the strategy remains ahead of cash, its maximum drawdown was 9%.", OPEN_FALL, "verified"),  # the end depth only for a fall told as open
        ("During the bear market the benchmark outperformed, losing only 12%.", FACTS, "verified"),  # the strategy's -12%, not the benchmark's
        ("Before adjusting for risk the bull market was the strongest regime.", RISKY, "verified"),
        ("The benchmark's drawdown was deeper by a factor of 1.9.", FACTS, "verified"),  # a ratio, 1.28, never a level
        ("Its drawdown was smaller by a factor of four.", FACTS, "verified"),
        ("가장 큰 하락을 기록한 해는 2022년으로 20%였다.", COPPER, "verified"),  # a calendar year's loss, not the maximum drawdown
        ("진입 기준을 RSI 50에서 27로 낮추자 수익이 났다.", FACTS, "verified"),  # a change of setting, no share of trades
        # the second review (seventeenth round)
        ("The strategy CAGR [5.4%] beat the benchmark CAGR [over 3%].", COPPER, "verified"),  # a bracket keeps its figure in the clause
        ("A CAGR of under 10% (annualised) was all the benchmark earned.", FACTS, "verified"),  # only an aside that opens with the name is its own
        ("A CAGR of under 10% as reported was all the benchmark earned.", FACTS, "verified"),  # "as" right before the name only
        ("breakout 신호는 143번 나왔고 평균 -0.12%였습니다.", COPPER, "verified"),  # the named signal's average, not another's
        ("청산 신호는 평균 0.45%였습니다.", COPPER, "verified"),  # no count anchors a signal
        ("손절 규칙 덕분에 적중률은 41%였다.", COPPER, "verified"),
        ("전략의 최대 낙폭은 벤치마크에 미치지 못했다.", CRUDE, "verified"),  # a smaller drawdown is "short of" the benchmark's
        ("The strategy held up through a 60% collapse in crude prices.", FACTS, "contradicted"),
        ("Volume was heaviest in 2022, when the strategy suffered an 8.1% drawdown.", COPPER, "contradicted"),
        # the third review (eighteenth round)
        ("연평균 수익률은 전략 연 8.2%에 달해 벤치마크를 앞섰다.", FACTS, "verified"),  # "8.2%에 달해" is the strategy's own figure, no standard
        ("연평균 수익률은 전략 8.2%를 기록해 벤치마크를 앞섰다.", FACTS, "verified"),
        ("Win rate plunged to a low of 41% during the bear regime.", FACTS, "contradicted"),  # no drawdown: the win rate fell
        ("The strategy's CAGR collapsed to a low of 2% in the bear regime.", FACTS, "contradicted"),
        ("The 20.06% maximum drawdown ran from the strategy's 2017 peak.", COPPER, "verified"),  # the peak was 2014-12-30
        ("The 20.06% maximum drawdown began after the 2017 peak.", COPPER, "verified"),
        ("The bull regime returned 31%, 19 points better than the bear's -12%.", FACTS, "verified"),  # the gap is 43, signed
        ("Its drawdown was 19.8% and its CAGR of 8.2% was 12 points lower than the benchmark's.", FACTS, "verified"),  # 12 is no gap of the figures beside it
        ("The strategy's CAGR of 8.2% was 4 points lower than the benchmark's 11.4%.", FACTS, "verified"),  # 3.2, not 4
        ("Trades were held for about 2 months; the deepest drawdown reached 19.8%.", FACTS, "verified"),  # a holding period, unread
        ("The strategy's CAGR was 9.5% on lower risk than the benchmark.", FACTS, "unverifiable"),  # "on lower risk" is no part of a figure
    ],
)
def test_no_reading_lets_a_false_claim_through(text: str, facts: FactSheet, not_verdict: str) -> None:
    assert check(text, facts).verdict != not_verdict, check(text, facts).model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "facts", "verdict"),
    [
        ("Without adjusting for risk the high-volatility regime ranked first.", RISKY, "verified"),
        ("RSI 기준을 30에서 20으로 낮추자 수익률은 48.2%가 됐다.", FACTS, "verified"),
        ("Where the bear market hurt, the bull market returned 31% and 1.40 on Sharpe.", FACTS, "verified"),
        ("The maximum drawdown of 20.06% ended in 2019, well before the 2023 high.", COPPER, "verified"),  # a high dated is no peak of the fall
        ("Across 143 trades the maximum drawdown lasted about 55 months.", COPPER, "verified"),  # trades, but the drawdown lasted
        ("A 31% gain came after a slow start to the bull market.", FACTS, "verified"),
        ("Its Sharpe of 1.40 was second to none in bull markets.", FACTS, "verified"),
        ("전략의 샤프 비율은 0.62로 목표치에 미치지 못했다.", FACTS, "verified"),  # no benchmark compared
        ("The bull regime returned 31%, 43 points better than the bear regime's -12%.", FACTS, "verified"),
        ("연평균 수익률은 벤치마크 11.4%에 달해 전략보다 높았다.", FACTS, "verified"),
        ("Beta to the index was well below one: the index was far more sensitive to shocks than the crossover.", IWM, "verified"),
        ("비중을 내려 잡은 덕에 전략은 96.2% 올랐습니다.", IWM, "verified"),
        ("Thanks to a low market beta, the strategy was less sensitive than the market.", IWM, "verified"),  # beta 0.61
        ("하락장에서 전략은 7.7%를 내려놓았습니다.", IWM, "verified"),  # the bear regime lost 7.68%
        ("전략은 연 9.4%씩 성장한 덕분에 XMM보다 나은 성과를 거뒀습니다.", LITHIUM, "verified"),
        ("The deepest drawdown has never healed: the strategy ended 52.7% below its peak.", LITHIUM, "verified"),
        ("The deepest drawdown has never healed: the strategy ended 62.1% below its May 2021 peak.", DOGE, "verified"),
        ("The largest drawdown remains open; the curve finished the test 52.7% under the high it reached in November 2022.", LITHIUM, "verified"),
        ("Measured against the wider market, the strategy's beta made it more sensitive than XMM.", LITHIUM, "verified"),
        ("같은 기간 연 -1.92%로 뒷걸음친 캐나다 에너지 ETF XEG를 9%p 앞질렀다.", CENOVUS, "verified"),
        ("제로선 청산은 71회, 그중 26회 이익(36.6%), 평균 0.52%입니다.", CENOVUS, "verified"),
        ("22년 5월 초 최고점 2.483 이후 기말까지 602일째 전 고점을 넘지 못했습니다.", CENOVUS, "verified"),
        ("1억 원은 2억 2,714만 원으로 2.27배가 됐다.", CENOVUS, "verified"),
        ("깊이는 XEG 낙폭 70.6%의 약 5분의 2에 그쳐 43.1%p 얕았다.", CENOVUS, "verified"),
        ("A beta above one would have made the 2020 slump far deeper.", IWM, "unverifiable"),  # a hypothetical beta is no claim
        ("Unlike most small-cap funds, whose beta is above one, the crossover stayed defensive.", IWM, "unverifiable"),
        ("The strategy's beta was under 1.5.", LITHIUM, "verified"),
        ("The benchmark's CAGR was far weaker - 7.1% for the strategy against -1.9% for XEG.", CENOVUS, "verified"),  # a dash in prose is no KPI label
        ("The maximum drawdown took 5 years (1,827 days) to recover.", TECK, "verified"),
        ("2020년 3월을 지나며 낙폭은 27.5%까지 커졌다.", CENOVUS, "verified"),  # inside the deepest fall
        ("The 27.5% fall bottomed in April 2020, and the total return came to 127.1%.", CENOVUS, "verified"),  # the total in a clause of its own
        # the review of the twenty-fourth round
        ("27.5% 최대 낙폭은 회복됐지만 2022년 5월 고점은 기말까지 되찾지 못했다.", CENOVUS, "verified"),  # the denial is the 2022 high's
        ("최대 낙폭은 27.5%였고 2022년 5월 고점은 아직 회복하지 못했다.", CENOVUS, "verified"),
        ("The 27.5% maximum drawdown was not regained until September 2020.", CENOVUS, "verified"),
        ("Its Sharpe trading BTC-USD was 0.65.", BTC, "verified"),
        ("It held up well where the benchmark had a -1.63% CAGR, compounding at 1.32% itself.", ATTIJARI, "verified"),
        ("It also looked better on risk: a 0.18 Sharpe where the Moroccan index managed -0.09, and its deepest loss, 22.5%, stayed well inside the index's 28.7%.", ATTIJARI, "verified"),
        ("In the bear regime, the strategy made money.", CENOVUS, "verified"),  # bear +36%
        ("Calendar years came out 75% positive: nine of the twelve ended higher.", CENOVUS, "unverifiable"),  # no stored share of years: not the win rate, never blocked
        ("The 2014 fall, which ended in January 2015, took the curve 9.8% below its peak.", CENOVUS, "verified"),  # "ended" is that fall's, not the test's
        ("The 2024 fall, which ended in June, took the strategy 13.5% below its peak.", BANKS, "verified"),
        ("At the close the strategy sat 8.5% beneath its May 2022 peak.", CENOVUS, "verified"),
        ("At the June 2023 close the sleeve sat 13.6% beneath that peak.", ATTIJARI, "verified"),
        ("Vol rescales: 318, 152 positive (47.8%), average 0.03%.", sheet("eq-br-rumo-voltarget"), "verified"),  # was blocked as the strategy's winners
        ("변동성 재조정은 318번 일어나 152번 플러스(47.8%), 평균 0.03%였습니다.", sheet("eq-br-rumo-voltarget"), "verified"),
        ("26.1% 하락은 2020년 2월 고점에서 시작해 4월 중순에 바닥을 쳤다.", sheet("eq-au-aristocrat-rsi"), "verified"),
        ("원금 아래에서 마감한 주는 모두 115주였고, 마지막은 2017년 10월 중순입니다.", TECK, "verified"),  # weeks below the start, counted from the curve
        ("매매 회전은 5.2배였고, 2023년 10월 하순부터 기말까지 89주 연속으로 평가액이 1.0을 밑돌았습니다.", sheet("cmd-urea-ufv-macd"), "verified"),  # the dates bound that run, not the turnover
        ("The curve closed 115 weeks below its starting value.", TECK, "verified"),
        # the review of the twenty-fifth round
        ("In the bear regime the strategy came out ahead by 36%.", CENOVUS, "verified"),  # a return, not a win rate
        ("Over the full test the strategy came out ahead 127.1%.", CENOVUS, "verified"),
        ("2016년 3월부터 27주 연속으로 평가액이 1.0을 밑돌았다.", COPPER, "verified"),
        ("약세(2019.7~2020.12) 구간 수익률은 -10%였다.", MA_CROSS, "verified"),
        ("The deepest slide, 47.42%, started from a 20 August 2018 high, thirty-five days before the bull regime expired.", sheet("cmd-urea-ufv-macd"), "verified"),
        # the review of the twenty-sixth round
        ("Trades came out ahead 66.4% of the time.", SPY_BOLL, "verified"),
        ("Alpha was smaller than the shortfall against SPY.", SPY_BOLL, "verified"),
        ("By the end of 2019 the curve had spent 34 weeks below its starting value.", COPPER, "verified"),
        ("2019년 말까지 원금을 밑돈 주는 모두 34주였다.", COPPER, "verified"),
        ("Of the trades, 153 won (66.4%); the volatility filter fired 58 times.", SPY_BOLL, "verified"),
        ("231번 중 153번 이겼지만(66.4%) 누적 수익률은 54.73%에 그쳤다.", SPY_BOLL, "verified"),
        ("최대 낙폭은 고점 대비 총 14.66%였다.", SPY_BOLL, "verified"),  # "총" after "대비" is no total return
        ("The curve set a new high on 7 August 2020, 417 days before the volatile regime ended.", SPY_BOLL, "verified"),  # the day the deepest fall was regained
        ("최대 낙폭은 -14.66%였지만, 회복에 가장 오래 걸린 하락은 따로 있었다.", SPY_BOLL, "verified"),
        ("WALMEX.MX RSI 전략은 연 2.31% 손실로 FLMX보다 더 잃었습니다.", sheet("eq-mx-walmex-rsi"), "verified"),
    ],
)
def test_true_sentences_stay_verified(text: str, facts: FactSheet, verdict: str) -> None:
    assert check(text, facts).verdict == verdict, check(text, facts).model_dump_json(indent=1)

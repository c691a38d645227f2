"""Readings of the twenty-eighth round (2027_54 and ko 2027_52 read): a bound written with a
denial ("never more than 60%", "did not exceed", "no fewer than 41 trades") is a bound from the
other side; a benchmark fund named in four to six capitalised words ("the First Trust Global Wind
Energy ETF"); the deepest fall said to be the longest too; a length in words ("half a year", "a year
and a half", "1년 반이"); and the readings those sets showed."""

from __future__ import annotations

import pytest

from guardrails.factsheet import FactSheet
from tests.guardrails.test_factcheck_review import assert_verdict, sheet

ORSTED = sheet("eq-dk-orsted-voltarget")  # maximum drawdown 59.27%, exposure 74%, 41 trades
GOLD_FIELDS = sheet("eq-za-goldfields-keltner")  # maximum drawdown 34% from the 2016-06-20 peak (bull regime); bull +48%, its drawdown 10.45%
KGHM = sheet("eq-pl-kghm-supertrend")  # signals supertrend_flip (58, 31.03%, -0.36%) and atr_stop (41, 24.39%, -1.63%)
BCA = sheet("eq-id-bbca-bollinger")  # signals lower_band_entry (53, 64.15%, 0.65%), middle_band_exit (47, 65.96%, 1.02%)
LARSEN = sheet("eq-in-larsen-stoch")  # maximum drawdown 29.66%
NORDIC_BANKS = sheet("eq-nordic-banks-value")  # maximum drawdown 47.02% (trough January 2020)
PAIRS = sheet("eq-fr-bnp-gle-pairs")  # maximum drawdown 16.14%, trough 2020-06-15 (high-volatility regime, its own drawdown 13.57%)
MEGABANKS = sheet("eq-jp-megabanks-momentum")  # the bear regime held 40% of the time
ETHEREUM = sheet("crypto-eth-ma-crossover")  # the deepest fall lasted 175 days
IWM = sheet("eq-us-iwm-crossover")  # the deepest fall (24.71%, 350 days) is not the longest (1003 days, from 2021-03-31)


READINGS = [  # (text, facts, verdict); "not X": any verdict but X
    # a denied bound is read from the other side
    ("The strategy's drawdown was never more than 60%.", ORSTED, "verified"),
    ("The strategy's drawdown was never more than 55%.", ORSTED, "contradicted"),
    ("Losses never came to more than 60%.", ORSTED, "unverifiable"),  # was read "at least 60%" and matched the 74% exposure
    ("Drawdown didn't exceed 55%.", ORSTED, "contradicted"),
    ("Drawdown didn't go deeper than 60%.", ORSTED, "verified"),
    ("It made no fewer than 41 trades.", ORSTED, "verified"),
    ("It made no fewer than 42 trades.", ORSTED, "contradicted"),
    ("The strategy did not recover and lost more than 59% at the worst.", ORSTED, "verified"),  # the denial is another verb's
    ("The strategy never fell more than 10% below its peak.", sheet("eq-ca-cenovus-macd"), "not verified"),  # a bound on every fall: the deepest was 27.5% (a 10.32% fall met it)
    ("The strategy never fell more than 28% below its peak.", sheet("eq-ca-cenovus-macd"), "verified"),
    # the deepest fall said to be the longest too
    ("The maximum drawdown of 24.7% was also the longest.", IWM, "unverifiable"),
    ("Its deepest fall, 24.7%, was also its longest.", IWM, "unverifiable"),
    ("The 24.7% maximum drawdown was the longest as well.", IWM, "unverifiable"),
    ("It was both the deepest and the longest drawdown.", IWM, "unverifiable"),
    ("The 24.7% maximum drawdown was not the longest.", IWM, "verified"),
    ("The maximum drawdown was 24.7%, and the longest took 1003 days.", IWM, "verified"),
    ("The maximum drawdown of 59.27% was also the longest.", ORSTED, "verified"),
    ("The maximum drawdown was 16.59% in 2020, while the 15.7% fall from 2015 was the longest too.", sheet("eq-be-bel20-bollinger"), "verified"),  # another fall called the longest
    ("The maximum drawdown was 16.59% in 2020 and was the longest too.", sheet("eq-be-bel20-bollinger"), "unverifiable"),  # the 2015 fall took 1,295 days
    # a length in words
    ("The longest drawdown lasted half of a year.", ETHEREUM, "verified"),
    ("The deepest drawdown lasted half a year.", ETHEREUM, "verified"),
    ("The deepest drawdown lasted a year and a half.", ETHEREUM, "unverifiable"),  # 548 days, not 175
    ("최대 낙폭에서 회복하는 데 반년이 걸렸다.", ETHEREUM, "verified"),
    ("최대 낙폭에서 회복하는 데 1년 반이 걸렸다.", ETHEREUM, "unverifiable"),  # was read as one year
    # korean regimes named after a figure
    ("국면 구분 ≫ 강세(16.6~18.1) +35% ≫ 횡보 -3% ≫ 추세(19.5~21.2) +62% ≫ 약세 -45% ≫ 고변동성 +8%.", ORSTED, "verified"),
    ("국면 내 샤프 최고는 강세(1.73)입니다.", ORSTED, "verified"),  # a ratio in brackets is no return
    ("샤프가 가장 높은 국면은 추세(1.73)였다.", ORSTED, "unverifiable"),  # trending 1.64
    ("자금 투입 비율 74%, 연간 회전 5.6배입니다.", ORSTED, "verified"),
    ("최대 낙폭 34%는 강세 국면이던 2016년 6월 20일 주 1.591에서 시작됐다.", GOLD_FIELDS, "verified"),  # where it began, not the regime's
    ("최대 낙폭 34%는 강세장에서 시작됐다.", GOLD_FIELDS, "verified"),
    ("수익 48%는 강세 국면에서 나왔다.", GOLD_FIELDS, "verified"),  # the regime's own
    ("국면 낙폭 10.45%는 강세 국면에서 나왔다.", GOLD_FIELDS, "verified"),
    ("최대 낙폭 34%는 강세 국면이던 2016년 6월 20일 주 1.591에서 약세 국면 속 2018년 8월 20일 주 1.05까지였다.", GOLD_FIELDS, "verified"),
    ("최대 낙폭 16.14%는 팬데믹 고변동성 국면의 6월 15일 주 0.953(기간 최저)까지 이어졌다.", PAIRS, "verified"),
    ("가장 깊은 수렁은 약세 국면의 끝 무렵인 2020년 2월 24일 주 0.68(기간 최저)까지 46.81% 꺼졌다.", MEGABANKS, "verified"),  # down to the period's low: the deepest fall, not the regime's
    ("약세 국면의 2020년 2월 24일 주 0.68(기간 최저)까지 40.81% 꺼졌다.", MEGABANKS, "unverifiable"),
    ("국면 성적: 저변동성 +3%(샤프 1.28로 최고), 횡보 +7%, 고변동성(20.2~22.10) +11%, 추세 +2%.", PAIRS, "verified"),  # best on Sharpe; "20.2~22.10" are months
    ("국면 성적: 저변동성 +3%(샤프 0.45로 최고), 횡보 +7%.", PAIRS, "unverifiable"),
    ("기간의 5분의 2로 가장 길었던 약세 국면이 유일한 손실 국면입니다.", MEGABANKS, "verified"),  # a share of the time, no multiple
    ("기간의 5분의 1로 가장 길었던 약세 국면이 유일한 손실 국면입니다.", MEGABANKS, "unverifiable"),  # "기간 최저" is the curve's low, no ranking of regimes
    # signal table rows
    ("Signal table -- supertrend flips: 58 (18 wins, 31.03%, avg -0.36%, PF 0.87); ATR stops: 41 (10 wins, 24.39%, avg -1.63%).", KGHM, "verified"),
    ("ATR stops: 42 (10 wins, 24.39%).", KGHM, "unverifiable"),  # "stops:" labels a count, no stop setting
    ("Lower-band entries: 53 • 34 won • 64.15% • +0.65% mean • PF 1.35 ; middle-band exits: 47 • 31 won • 65.96% • +1.02% mean.", BCA, "verified"),
    ("Middle-band exits: 47, 31 won, 65.96%, mean=+1.02%.", BCA, "verified"),
    ("Middle-band exits: 47, 30 won, 65.96%.", BCA, "unverifiable"),  # 31 of 47 won
    # own figures compared and parts the store does not keep
    ("On alpha, KGHM fared better than its -2.03% compound annual return suggests.", KGHM, "unverifiable"),  # alpha -2.37%; KGHM is the strategy's own name
    ("KGHM's alpha was worse than its -2.03% CAGR.", KGHM, "verified"),
    ("BCA's alpha was above its 3.61% compound annual growth rate.", BCA, "verified"),  # 3.66% against 3.61%
    ("BCA's alpha was below its 3.61% compound annual growth.", BCA, "unverifiable"),
    ("Short exposure accounted for roughly 46% of KGHM's time in positions.", KGHM, "unverifiable"),  # was blocked against the 93% exposure
    ("Buying the pandemic crash supplied roughly 40% of all L&T profits.", LARSEN, "unverifiable"),  # was blocked against the 29.66% drawdown
    # kpi line labels
    ("KGHM Supertrend (long/short) - Total: -18.64% - CAGR: -2.03% - SXPP CAGR: -0.80% - Difference: -1.23 pts/yr.", KGHM, "verified"),
    ("KGHM - Total: -2.03% - CAGR: -18.64%", KGHM, "unverifiable"),  # swapped: each equals the other stored figure
    ("Bank Central Asia Bollinger dip buyer // total 40.85% // CAGR 3.61% // LQ45 CAGR -0.80% // spread +4.41 pts.", BCA, "verified"),  # "pts": points
    ("Difference: -1.53 pts/yr.", KGHM, "contradicted"),
    # a gap to the strategys own cagr
    ("Alpha reaches 3.66%, five basis points above the CAGR.", BCA, "verified"),  # CAGR 3.61%
    ("Alpha is -2.37%, 34 basis points below the raw CAGR.", KGHM, "verified"),  # CAGR -2.03%
    ("Alpha is -2.37%, 44 basis points below the CAGR.", KGHM, "unverifiable"),
    # risk named before a comparison and where before a name
    ("Measured against risk, the book beat the index.", LARSEN, "verified"),  # Sharpe 0.60 against 0.52; it trailed on growth
    ("Measured against risk, the book trailed the index.", LARSEN, "contradicted"),
    ("The Jakarta lender's book was the better holding on both risk yardsticks: a 0.33 Sharpe where LQ45 managed -0.02, and a 29.15% maximum drawdown versus 38.60%.", BCA, "verified"),
    ("The book posted a 0.03 Sharpe where LQ45 managed -0.33.", BCA, "contradicted"),
    # yearly declines falls and bottoms
    ("The book shed nearly a fifth of its value, against a 0.80% annual decline in the index.", KGHM, "verified"),  # SXPP CAGR -0.80%
    ("The book shed nearly a fifth of its value, against a 0.90% annual decline in the index.", KGHM, "contradicted"),
    ("Calm low-volatility trading produced the poorest risk-adjusted figure, Sharpe -1.67 on a 15% fall.", KGHM, "verified"),  # "fall" signs the -15%
    ("It bottomed in January 2020 at -47.02%.", NORDIC_BANKS, "verified"),
    ("It bottomed in January 2020 at -45.02%.", NORDIC_BANKS, "contradicted"),
    # the week after the week told
    ("엔 캐리 청산으로 은행주가 무너진 2024년 8월 5일 주에 곡선은 6.42% 빠졌다가 다음 주 3.94% 되올랐습니다.", MEGABANKS, "verified"),
    ("2024년 8월 5일 주에 곡선은 6.42% 빠졌다가 다음 주 4.94% 되올랐습니다.", MEGABANKS, "unverifiable"),
    ("2024년 8월 5일 주에 곡선은 6.42% 빠졌다가 다음 주 3.94% 떨어졌습니다.", MEGABANKS, "unverifiable"),  # it rose
    ("2025년 4월 7일이 낀 주간, 평가액은 1.1% 늘었고, 하락은 그다음 주(-3.36%)에 왔습니다.", GOLD_FIELDS, "verified"),
    ("2025년 4월 7일이 낀 주간, 평가액은 1.1% 늘었고, 하락은 그다음 주(-2.36%)에 왔습니다.", GOLD_FIELDS, "unverifiable"),
    ("유럽 봉쇄로 유틸리티주가 요동친 2020년 3월 16일이 속한 주에 곡선은 오히려 3.5% 올랐다.", ORSTED, "verified"),
    # korean settings quoted
    ("외르스테드(ORSTED.CO) EMA 20일·100일 추세 추종, 누적 성과 26.01%입니다.", ORSTED, "verified"),  # both periods are settings
    ("골드필즈 켈트너 돌파: EMA 20일을 중심선으로 ATR(14일)의 두 배 폭, 연복리 13.85%.", GOLD_FIELDS, "verified"),  # atr_multiple 2.0
    ("ATR(14일)의 세 배 폭으로 채널을 그렸다.", GOLD_FIELDS, "unverifiable"),
    # winners of a count and counts in words
    ("Z-score stops: 14, of which 2 made money.", PAIRS, "unverifiable"),  # one of the 14 won; was verified on the count alone
    ("Z-score stops: 14, of which 1 made money.", PAIRS, "verified"),
    ("z 손절 14회 가운데 두 번이 이익을 냈다.", PAIRS, "unverifiable"),  # "두 번" is a count of winners, read
    # korean kpi labels won shares and setting lists
    ("누적 수익률: 481.42% | 연복리: 22.31% | 샤프지수: 1.00", sheet("eq-au-pme-keltner"), "verified"),  # the label's noun looks ahead at its figure
    ("96번 스프레드에 들어가 55번 이겼지만(57.3%) 건당 평균은 0.18%였다.", sheet("eq-au-shl-hls-pairs"), "verified"),
    ("96번 스프레드에 들어가 55번 이겼지만(58.3%) 건당 평균은 0.18%였다.", sheet("eq-au-shl-hls-pairs"), "unverifiable"),
    ("아즈리엘리 그룹(AZRG.TA) 20일·100일 EMA 추세, 총 22.85%.", sheet("eq-il-azrieli-voltarget"), "verified"),  # both periods before the indicator are settings
    ("MACD crosses (88): 31 profitable, 35.23%, mean 0.51%.", sheet("eq-kr-skhynix-macd"), "verified"),
    ("총수익률 19.22%, 연 2.30%, 0.36의 샤프와 0.54의 소르티노, 칼마는 0.11입니다.", sheet("eq-au-shl-hls-pairs"), "verified"),  # "N의 소르티노": the noun after names the figure
    ("0.54의 샤프와 0.36의 소르티노", sheet("eq-au-shl-hls-pairs"), "unverifiable"),
    ("14일 RSI가 30 밑으로 떨어지면 사고 55 위로 회복하면 파는 매수 전용 규칙 ¦ 최대낙폭 -40.19%", sheet("eq-mx-walmex-rsi"), "verified"),  # the RSI recovers, no drawdown
    ("최대낙폭 -40.19%는 이후 회복됐다.", sheet("eq-mx-walmex-rsi"), "unverifiable"),  # never regained
    ("노출 비율 81%, 회전율 5.6배이며, 곡선 최고점은 2024년 11월 4일 주의 7.05로 기말 5.81은 그보다 17.5% 아래입니다.", sheet("eq-au-pme-keltner"), "verified"),  # the end below the peak, not exposure
    ("노출 비율 81%, 곡선 최고점은 2024년 11월 4일 주의 7.05로 기말 5.81은 그보다 27.5% 아래입니다.", sheet("eq-au-pme-keltner"), "unverifiable"),
    # the review of the twenty-eighth round: each was wrong after the round's first readings
    ("Alpha is -2.37%, 34 basis points above the raw CAGR.", KGHM, "not verified"),  # it is below
    ("Alpha is -2.37%, 34 basis points below the CAGR of SXPP.", KGHM, "not verified"),  # SXPP's CAGR is -0.80%
    ("샤프 최고는 추세(1.64)였다.", ORSTED, "not verified"),  # the bull regime's 1.73 is the highest
    ("샤프 최고는 강세(1.9)였다.", NORDIC_BANKS, "not verified"),
    ("최대 낙폭 46.81%는 추세 국면이던 2023년에 시작됐다.", MEGABANKS, "not verified"),  # it began in 2015, in the bull regime
    ("최대 낙폭 46.81%는 추세 국면에서 나왔다.", MEGABANKS, "not verified"),
    ("2020년 9월 14일 주에 7.68% 떨어진 뒤 다음다음 주 12.14% 되올랐습니다.", KGHM, "not verified"),  # +12.14% was the next week's
    ("In the week of 14 September 2020 the book fell 7.68%, and the week after next it gained 12.14%.", KGHM, "not verified"),
    ("The strategy's maximum drawdown did not just exceed 60%, it lasted seven years.", KGHM, "not verified"),  # 58.85%
    ("The maximum drawdown not only exceeded 60% but lasted more than seven years.", KGHM, "not verified"),
    ("슈퍼트렌드 밴드 폭은 ATR의 열 배였고, CAGR은 -2.03%였다.", KGHM, "not verified"),  # the multiplier is 3; 10 is the ATR period
    ("켈트너 밴드 폭은 ATR(14일)의 14배였고, CAGR은 13.85%였다.", GOLD_FIELDS, "not verified"),
    ("The maximum drawdown lasted a year and a half.", sheet("rates-tlt-macd"), "not verified"),  # 729 days
    ("Across six market regimes, of which only 2 made money, the strategy lost 18.64%.", KGHM, "verified"),
    ("The strategy's maximum drawdown was not much over 57%.", KGHM, "verified"),  # 58.85%
    ("The equity curve bottomed in February 2020 at 32% below its starting capital.", MEGABANKS, "not contradicted"),  # a level, not the 46.81% fall
    ("Measured against risk the book came out ahead, and over the whole test SLV beat it by 1.6 points a year.", sheet("cmd-silver-si-breakout"), "verified"),
    ("The strategy's win rate drops to 52.59% on momentum sells.", MEGABANKS, "not contradicted"),  # "drops to" is no loss
    ("최대 낙폭 46.81%는 강세 국면이던 2015년 6월에 시작됐다.", MEGABANKS, "verified"),
    # a second fall of the peak told and korean exceeded
    ("메모리 대장주 MACD 전략이 2024년 7월 고점 이후 기말까지 만회하지 못한 하락의 깊이는 18.72%였습니다.", sheet("eq-kr-skhynix-macd"), "unverifiable"),  # 18.72% is the 2021 fall, regained
    ("메모리 대장주 MACD 전략이 2024년 7월 고점 이후 기말까지 만회하지 못한 하락의 깊이는 18.63%였습니다.", sheet("eq-kr-skhynix-macd"), "verified"),
    ("2021년 7월 고점에서 시작한 하락의 깊이는 18.72%였습니다.", sheet("eq-kr-skhynix-macd"), "verified"),
    ("하이닉스 롱숏 모델은 샤프 0.33으로 EWY의 위험 대비 성과를 넘어섰다.", sheet("eq-kr-skhynix-macd"), "unverifiable"),  # EWY's Sharpe is 0.36
    # a fund named in full is the benchmark
    ("The strategy grew by about 2.5% per year while the First Trust Global Wind Energy ETF shrank by 1.3% annually.", ORSTED, "verified"),  # FAN's CAGR is -1.3%; five words before "ETF"
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS)
def test_readings_of_the_twenty_eighth_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)

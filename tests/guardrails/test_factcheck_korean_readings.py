"""Readings of the thirty-first round (ko 2027_62, a Korean set weighted to false claims, read):
signals named in Korean words the checker did not know, winners told by "맞았다", and the places,
lengths and levels of falls and of the curve told in Korean; and of the thirty-second (ko 2027_64's
flags, ko 2027_66, 2027_66): whose figure follows a Korean standard, settings, the end below its
peak, depths compared, a fall's trough placed in a regime, signal tables; of the thirty-third
(false claims the last reviews verified, then 2027_68, ko 2027_70); of the thirty-fourth
(2027_70, ko 2027_72, and what its review found); and of the thirty-fifth (ko 2027_74, 2027_72,
ko 2027_72's and 2027_70's leftovers, and what its review found); and of the thirty-sixth (figures told
as one of the curve's falls, beta's share of the index's return in points, 2027_74, ko 2027_76)."""

from __future__ import annotations

import pytest

from guardrails.factsheet import FactSheet
from tests.guardrails.test_factcheck_review import assert_verdict, sheet

BVN = sheet("eq-pe-bvn-supertrend")  # supertrend_flip 83 signals (40.96%), atr_stop 41 (29.27%)
TOTVS = sheet("eq-br-totvs-bollinger")  # lower_band_entry 88 (59.09%, the strategy's win rate), middle_band_exit 81 (61.73%)
BXB = sheet("eq-au-bxb-stoch")  # deepest fall 23.67% from 2019-07-29 to its trough on 2020-03-23
FORINT = sheet("fx-eurhuf-carry")  # deepest fall 19.7% to its trough on 2022-10-31
INSURERS = sheet("eq-us-insurers-roe-value")  # rebalance_buy 96 (57 won), rebalance_sell 93 (49 won); deepest fall 39.46% (518 days) = the high-volatility regime's own; 2022 fall 23.9% (441 days) = the bull regime's own
TEZOS = sheet("crypto-xtz-donchian")  # bull +210% (best), 21% of the time; low volatility the longest (36%); deepest fall's trough 2020-03-09 in the sideways regime (bull from 2020-03-31)
TNOTE = sheet("rates-us-tn-ema")  # the 2016-17 fall (11.75%) regained on 2020-01-13, in the high-volatility regime; low volatility 2016-01-04 to 2019-07-29
BXB_END = BXB  # curve high 1.348 on 2025-06-16, last value 1.336
VALE = sheet("eq-br-vale-donchian")  # deepest fall 59.66% regained in 980 days; a later 34.43% fall took 1,057; best Sharpe low volatility 1.98 (bull 1.95)
NEPSE = sheet("eq-np-nepse-bollinger")  # max drawdown 32.74% from 2021-08-09 (2.177); trending regime's own 27.68%; bear -9%, 29% of the time (the longest)
SASOL = sheet("eq-za-sasol-macd")  # the week of 2020-03-09: -3.37%
BONO = sheet("rates-es-bono-keltner")  # deepest fall 14.26%, regained on 2021-07-12
ALUMINIUM = sheet("cmd-aluminium-lme-ema")  # deepest fall 28.79% from 2016-05-02, regained 2022-02-21 (bull); a 16.59% fall from 2022-11-28 never regained; exposure 93%, bull 17% of the time; worst week 2022-12-12, -5.55%
BRENT = sheet("cmd-brent-atr-breakout")  # deepest fall 28.35%, trough 2020-05-04, regained 2021-10-04 after 1,106 days; a later 15.75% fall bottomed in December 2022
SPY = sheet("eq-us-spy-bollinger")  # the week of 2020-03-27 at 1.186, the 2020 low; the test's low 1.0
CRUDE = sheet("cmd-ine-sc-macd")  # bear +38% the best return, bull the best Sharpe (1.59; bear 1.07); sideways 38% of the time
UCB = sheet("eq-be-ucb-voltarget")  # curve high 2.742 on 2025-05-12; the last week 2.364
TTI = sheet("eq-hk-tti-rsi")  # the 2018-20 fall (30.37%) bottomed 2020-03-16 and was regained 2021-01-04
GAMING = sheet("eq-jp-gaming-momentum")  # deepest fall 40.79% from 2018-01-08, trough 2018-11-26; a 37.42% fall from 2021-02-01, trough 2022-11-14; sideways Sharpe -0.41, high volatility -0.38
DIB = sheet("eq-ae-dib-supertrend")  # Sharpe 0.43 against MXGCC 0.44; high volatility -9%, bear -4%
INSURERS_AU = sheet("eq-au-insurers-value")  # Sharpe 0.28 (XXJ 0.31); max drawdown 39.29% (XXJ 38.89%)
SUGAR = sheet("cmd-whitesugar-qw-donchian")  # deepest fall 29.92% from 2018-01-22, trough 2019-10-21 (high volatility); an open 18.64% fall, 13.53% below its peak at the end
BANK_BILL = sheet("rates-nz-bb-bollinger")  # the curve ends 0.72% below its 2025-06-02 peak
GARAN = sheet("eq-tr-garan-akbnk-pairs")  # the curve ends 1.44% below its 2025-06-09 peak
IAM = sheet("eq-ma-iam-stoch")  # oversold_entry 63 (57.14%, -0.16%), overbought_exit 58 (67.24%)
VESTAS = sheet("eq-dk-vws-donchian")  # bull +160% (Sharpe 1.64), trending the best Sharpe; profit factor 1.71
MA_CROSS = sheet("eq-us-ma-crossover")  # deepest fall 22.72% from 2019-07-02 (the bear regime's first day) to 2019-12-31; bull's own fall 19.26%, the regimes' deepest
BTC = sheet("crypto-btc-keltner")  # deepest fall 85.00% from 2020-05-19 (bull, from 2020-05-16) to 2020-11-03
LARSEN = sheet("eq-in-larsen-stoch")  # an open 15.72% fall from 2024-08-26 (trending; bear from 2024-10-01)
MEGABANKS = sheet("eq-jp-megabanks-momentum")  # a 26.37% fall from 2024-06-17, trough 2024-09-09
UST_PAIRS = sheet("rates-ust-pairs")  # CAGR 3.8%, volatility 5.2%, 829 trades, breakout signal 201
CAPESIZE = sheet("cmd-capesize-c5tc-macd")  # sideways (2016-18) -9%, trending (2022-24) -6%; a 34.20% fall from July 2019
MINERS = sheet("eq-id-coalminers-momentum")  # max drawdown 56.66% (IDXENERGY 47.12%)
VCB = sheet("eq-vn-vcb-rsi")  # alpha 5.53%, CAGR 5.95%
PTT = sheet("eq-th-ptt-voltarget")  # volatility 13.7%
G10 = sheet("fx-g10-carry-breakout")  # mean_reversion 146 (45.6%, +0.21%), trend_entry 321 (53.8%, +0.51%)
EM = sheet("eq-em-donchian")  # trend_entry 232 (62.2%, +0.49%), mean_reversion 387 (57.4%, +0.39%)
NIKKEI = sheet("eq-jp-stoch-reversion")  # CAGR 6.1%, NKY 8.9%
COPPER_HG = sheet("cmd-copper-hg-macd")  # max drawdown 22.39% from 2018-07-02, trough 2019-09-02, regained 2020-11-23; sideways 2018-06-12 to 2020-03-23 (Sharpe -0.69); four of five regimes gained
COBALT = sheet("cmd-cobalt-cob-keltner")  # atr_trailing_stop 33 signals, 36.36%, -0.87%
ETC = sheet("crypto-etc-donchian")  # channel_exit 81 (35.8%, +0.87%), breakout_entry 94 (39.36%, +1.31%)
COPPER_DONCHIAN = sheet("cmd-copper-donchian")  # trend_exit 139 signals, 41%, -0.12%
LASI = sheet("eq-zm-lasi-donchian")  # 31 trades, win rate 38.71%; channel_exit 30 signals, 40%
TOPIX = sheet("eq-jp-topix-donchian")  # total return 208.9%
QQQ = sheet("eq-us-qqq-dual-momentum")  # max drawdown 22.71% from 2020-02-25
SET50 = sheet("eq-th-set50-rsi")  # max drawdown 16.44% from 2019-12-02 (1.237) to 2020-06-08 (high volatility); bull Sharpe 1.58 (the best); Calmar 0.12; bear's own fall 9.42%
EEM_RSI = sheet("eq-em-eem-rsi-reversion")  # profit factor 0.91, win rate 61.2%
ROTATION = sheet("eq-us-momentum-rotation")  # SPY 13.1% a year and Sharpe 0.78, the strategy 11.3% and 0.6; in-regime falls: low volatility 17.8% (the deepest), bull 17.55%
IWM = sheet("eq-us-iwm-crossover")  # trend_entry and trend_exit 29 signals each (44.8%, 37.9%; +1.58%, -0.41%); 58 trades, win rate 41.8%; a 12.62% fall from the 2021-03-31 high, open (the end 7.68% below it)
EU_RSI = sheet("eq-eu-rsi-reversion")  # 834 trades, win rate 57.3%, 0.053% a trade, CAGR 4.7%
BERGER = sheet("eq-ng-jberger-supertrend")  # multiplier 3.0; deepest fall 40.31% regained 2022-07-11 (high volatility; low volatility to 2022-06-27)
BVL = sheet("eq-pe-bvl-value")  # bull +71% the best return; trending +39%; alpha 1.47%; capital x1.84 from April 2015 to September 2025
MBONO = sheet("rates-mx-mbono-ema")  # deepest fall 35.26% regained 2020-10-26
KCB = sheet("eq-ke-kcb-bollinger")  # NSE25 -4.12% a year; the strategy 2.64%
INFY = sheet("eq-in-infy-tcs-pairs")  # deepest fall 11.5% from 2015-10-26, regained 2017-04-17
CONF = sheet("rates-ch-conf-ema")  # snb_meeting_filter 48 signals, 54.17%; ema_cross 57, 45.61%
MIDCAP = sheet("eq-us-emd-midcap-macd")  # zero_line_filter 57 (43.86%), macd_cross 96 (42.71%); the week of 2020-03-16 -2.56%, the next -2.0%
GOLDFIELDS = sheet("eq-za-goldfields-keltner")  # atr_trail_exit 33 signals, 42.42%, +2.87%
MSX30 = sheet("eq-om-msx30-rsi")  # max drawdown 13.6% (MSX30 44.12%); CAGR 2.4%
TOYOTA_HONDA = sheet("eq-jp-toyota-honda-pairs")  # bear -4%
COPPER = sheet("cmd-copper-donchian")  # four regimes, 25% of the time each
IWM = sheet("eq-us-iwm-crossover")  # CAGR 6.3% (IWM 7.9%), Sharpe 0.32 (IWM 0.39); trend_entry +1.58%, avg trade +1.16%; regimes 25% each; ends 7.7% below its March 2021 peak
AUDNZD = sheet("fx-audnzd-pairs")  # one fall deeper than 2%; the curve ends 0.17% below its high
IRON_ORE = sheet("cmd-ironore-fef-donchian")  # deepest fall's trough 2022-10-17 (low volatility), its peak 2021-09-13
KOSPI = sheet("kr-kospi200-ma-crossover")  # bull the best Sharpe (3.51), low volatility 0.79
CHIPS = sheet("eq-jp-chipequip-momentum")  # Sharpe 0.78 (SOXX 0.81); deepest fall 64.24% from a bull peak to a high-volatility trough; high volatility's own 59.76%
COMI = sheet("eq-eg-comi-rsi")  # the bear regime's own fall 30.76%
KOMB = sheet("eq-cz-komb-monet-pairs")  # high volatility +12% and Sharpe 1.07 (both first); bear -5%, Sharpe -0.46 (both last)
HYNIX = sheet("eq-kr-skhynix-macd")  # deepest fall 47.77% from 2018-01-22 (bear); bear -35% the last; trending the best Sharpe (1.93); Sharpe 0.33 (EWY 0.36); sideways' own fall 18.72%
NZX = sheet("cmd-nzx-wmp-rsi")  # the curve ends 1.16% below its 2025-05-05 high; at a new high on 2024-12-30; bear runs to the end

READINGS = [  # (text, facts, verdict); "not X": any verdict but X
    ("슈퍼트렌드 반전 83번의 승률은 40.96%였다.", BVN, "verified"),
    ("ATR 손절 41번 중 이익을 남긴 건 12번에 불과했고, 슈퍼트렌드 반전 83번의 승률도 29.27%에 머물렀다.", BVN, "not verified"),  # 29.27% is the stops'
    ("중간선 청산 81건의 적중률은 61.73%입니다.", TOTVS, "verified"),
    ("중간선 청산 81건의 적중률은 59.09%이고, 평균 수익은 1.18%입니다.", TOTVS, "not verified"),  # 59.09% is the entries'
    ("분기 리밸런싱 매도 신호는 93건이었고 그중 49건이 맞았습니다.", INSURERS, "verified"),
    ("분기 리밸런싱 매도 신호는 93건이었고 그중 57건이 맞았습니다.", INSURERS, "not verified"),  # 57 is the buys'
    # a month told stands for the weekly points in it, give or take a week, not ten days
    ("브램블스 북 최대 낙폭의 출발점은 2019년 7월 고점이었고 바닥은 2020년 4월에 찍혔다.", BXB, "not verified"),
    ("The maximum drawdown bottomed in April 2020.", BXB, "not verified"),  # "bottomed in" was not read in English
    ("The maximum drawdown bottomed in March 2020.", BXB, "not contradicted"),
    ("최대 낙폭 19.7%는 2022년 10월 중순 직후가 바닥이었다.", FORINT, "verified"),  # "직후": just after, a fortnight
    # a regime's length ranked after its figures, across a comma
    ("강세 국면은 +210%, 샤프 1.49로 성적이 가장 좋았고 기간 역시 제일 길었습니다.", TEZOS, "not verified"),
    ("저변동성 국면은 기간이 제일 길었습니다.", TEZOS, "verified"),
    # a date placed in a regime, a fall regained inside one, the deepest fall as a regime's own
    ("돈치안 북의 최대 낙폭은 강세 국면 한가운데인 2020년 3월 9일(월) 주간에 바닥을 찍었다.", TEZOS, "not verified"),
    ("돈치안 북의 최대 낙폭은 횡보 국면 한가운데인 2020년 3월 9일(월) 주간에 바닥을 찍었고, 693일 만에 회복됐다.", TEZOS, "verified"),
    ("2016년 6월 고점에서 2017.5.8 주간 0.956까지 이어진 11.75% 하락은 저변동성 국면 안에서 모두 만회되었습니다.", TNOTE, "not verified"),
    ("2016년 6월 고점에서 2017.5.8 주간 0.956까지 이어진 11.75% 하락은 고변동성 국면 안에서 모두 만회되었습니다.", TNOTE, "verified"),
    ("ROE 가치 북의 최대 낙폭 39.46%는 그 깊이가 강세 국면이 자체적으로 겪은 낙폭과 똑같았다.", INSURERS, "not verified"),
    ("ROE 가치 북의 최대 낙폭 39.46%는 그 깊이가 고변동성 국면이 자체적으로 겪은 낙폭과 똑같았다.", INSURERS, "verified"),
    ("23.9% 빠진 두 번째 큰 하락은 이듬해 6월 12일 주에 메워졌으며, 되찾기까지 518일이 소요됐다.", INSURERS, "not verified"),  # 518 days is the deepest fall's
    # the curve's last value and its lowest, not the week dated before
    ("평가액 최고치는 2025년 6월 16일 주의 1.348이며, 마지막 주 값도 같은 1.348로 마감했습니다.", BXB_END, "not verified"),
    ("평가액 최고치는 2025년 6월 16일 주의 1.348이며, 마지막 주 값은 1.336으로 마감했습니다.", BXB_END, "verified"),
    ("전 기간 최저 평가액은 2022년 9월 26일 주의 0.990입니다.", TOTVS, "not verified"),  # the curve's low is 0.958, on 2020-04-13
    ("전 기간 최저 평가액은 2020년 4월 13일 주의 0.958입니다.", TOTVS, "verified"),
    # true sentences once sent to review
    ("약세 +21%, 샤프 0.79, 기간 비중 10%", BVN, "verified"),  # a list's share of time is its regime's
    ("SIL이 해마다 2.64%씩 뒷걸음친 것과 달리 이 북은 연 5.96%를 냈으니 격차는 8.60%p였다.", BVN, "verified"),  # the loss is the other side's
    ("누적 96.29% · 연복리 9.1% · 최대 손실률 -62.72% · 샤프 지수 0.41", TEZOS, "verified"),
    ("핵심 지표는 연복리 10.63%, 전 기간 226.92%, 고점 대비 낙폭 -39.46%입니다.", INSURERS, "verified"),
    ("약세 -26%, 유일한 손실이자 기간 26%로 가장 김", TOTVS, "verified"),  # a share of time is never negative
    # ko 2027_63 (read): a length told beside the deepest fall's depth, Sharpe ranked with a regime between
    ("발레 돈치안 북의 59.66% 낙폭은 1,057일 만에야 메워졌습니다.", VALE, "not verified"),  # 1,057 days is the later fall's
    ("발레 돈치안 북의 59.66% 낙폭은 980일 만에야 메워졌습니다.", VALE, "verified"),
    ("발레 돌파 전략의 국면별 샤프는 강세 국면에서 가장 높았다.", VALE, "not verified"),
    ("발레 돌파 전략의 국면별 샤프는 저변동성 국면에서 가장 높았다.", VALE, "verified"),
    ("총수익률 178% ／ 연평균 9.32% ／ 최대 DD -59.66%", VALE, "verified"),  # "／" parts a KPI line; "최대 DD"
    ("약세 -9%로 29% 최장", NEPSE, "verified"),  # a share of time told "N% 최장"
    ("최대 낙폭 32.74%는 고변동성 국면 막판인 2021.8.9 주간 2.177에서 시작됐다. 추세 국면 자체 낙폭 27.68%보다 깊은 것은 고점이 앞 국면에 있어서다.", NEPSE, "verified"),
    ("유가 폭락으로 주가가 무너진 '20.3.9 주간 평가액은 앞 주보다 3.37% 낮았습니다.", SASOL, "verified"),  # "'20.3.9": a day; "앞 주보다"
    ("유가 폭락으로 주가가 무너진 '20.3.9 주간 평가액은 앞 주보다 3.37% 높았습니다.", SASOL, "not verified"),
    # 2027_64 (read): a recovery denied or told with no date, another fall's trough, "high volatility's" Sharpe
    ("The Euro-Bono strategy never climbed back out of its 14.26% drawdown.", BONO, "not verified"),
    ("The Euro-Bono strategy climbed back out of its 14.26% drawdown.", BONO, "not contradicted"),
    ("The 40.79% fall bottomed in late November 2018; the 37.42% slide that began on 1 February 2021 hit bottom in mid-November 2022.", GAMING, "verified"),
    ("The 40.79% fall bottomed in mid-November 2022.", GAMING, "not verified"),
    ("Losing regimes: three, out of six. The 2016-18 bull heads both rankings (+64%, 1.67), the 2019-21 trend came next (+58%, 1.31); the 2018-19 bear sat at the bottom on both (-27%, -0.98), but the runner-up among the weak depends on the measure: 2021-22's high volatility lost more (-19%), whereas the sideways opening of 2015-16 scored lower on Sharpe, -0.41 to high volatility's -0.38.", GAMING, "verified"),
    # the round's review: each of these was verified or sent to review wrongly before it was mended
    ("The strategy recovered from its 28.79% drawdown during the sideways regime.", ALUMINIUM, "not verified"),
    ("The Brent strategy finished the test without having recovered from its 28.35% drawdown.", BRENT, "not verified"),
    ("The maximum drawdown of 28.35% dwarfed the later 15.75% slide and its trough came in December 2022.", BRENT, "not verified"),
    ("The steepest fall in a single week was 5.55%, in the week of 12 December 2022.", ALUMINIUM, "not contradicted"),
    ("The maximum drawdown was almost twice as deep as the second-largest one and lasted 1,106 days.", BRENT, "verified"),
    ("최대 낙폭은 두 번째로 큰 하락보다 훨씬 깊었고, 회복까지 1,106일이 걸렸다.", BRENT, "verified"),
    ("The strategy has yet to climb back out of its 16.59% drawdown from November 2022.", ALUMINIUM, "verified"),
    ("2022년 11월 고점에서 시작된 16.59% 하락은 저변동성 국면 안에서 회복되지 못했다.", ALUMINIUM, "verified"),
    ("강세 국면의 샤프는 1.52였고, 최대 낙폭은 28.79%였으며, 전략은 전체 기간의 93% 동안 포지션을 보유했다.", ALUMINIUM, "verified"),
    ("2020년 3월 27일 주 평가액은 마지막 주보다 낮은 1.186이었다.", SPY, "verified"),
    ("2020년 최저 평가액은 3월 27일 주의 1.186이었다.", SPY, "verified"),
    ("고변동성 국면을 빼면 횡보 국면이 가장 나빴고, 기간도 가장 길었다.", ALUMINIUM, "verified"),
    # ko 2027_64 (a Korean set weighted to false claims, read)
    ("국면별로 보면 약세 국면('18년 10월~'20년 4월)이 +38%로 벌이가 가장 컸고 샤프 1.07도 네 국면 중 으뜸이었으며, 기간 비중은 횡보 국면이 38%로 제일 길었다.", CRUDE, "not verified"),  # the top Sharpe is bull's 1.59
    ("국면별로 보면 약세 국면이 +38%로 벌이가 가장 컸다.", CRUDE, "verified"),
    ('UCB 북은 추세 국면 한 곳에서 +118%를 벌어들이며 기간 끝 2025.6.30 주간에 2.364로 곡선 최고치를 새로 썼다.', UCB, "not verified"),  # 2.364 is the last week's value, not the high
    ("UCB 북은 2025년 5월 12일 주간에 2.742로 곡선 최고치를 새로 썼다.", UCB, "verified"),
    ('팬데믹 공포에 홍콩 증시가 아래위로 요동치던 20년 3월 16일 월요일부터의 한 주, 평가액 1.05가 2018년 5월 고점 대비 30.37% 하락의 밑바닥이었고, 이 손실은 2021년 6월 첫 주에 메워졌다.', TTI, "not verified"),  # regained in January 2021
    ('2021년 2월 1일 주 1.878에서 2022.11.14 주간 1.175까지 37.42% 밀린 두 번째 하락은 2025년 9월 말 운용을 마칠 때까지 전고점을 되찾지 못했다.', GAMING, "not verified"),  # regained on 2025-07-21
    ('모멘텀 매도 신호는 244번 나와 56.05%가 맞았고 평균 수익은 0.61%였습니다.', GAMING, "not verified"),  # the sells hit 53.69%
    ("2018년 2월 말 고점에서 시작된 14.26% 최대 낙폭은 주변국 스프레드가 폭발한 '20.3.16 주간에 바닥을 찍었고, 21년 7월 12일에 회복됐다.", BONO, "not verified"),  # the trough was 2020-04-06
    ("여섯 국면에서 마이너스를 기록한 건 약세(-27%)와 고변동성(-19%) 두 국면에 그쳤고, 강세 국면이 +64%에 샤프 1.67로 수익과 샤프 모두 가장 높았다.", GAMING, "not verified"),  # three lost
    ("여섯 국면에서 마이너스를 기록한 건 횡보, 약세, 고변동성 세 국면이었다.", GAMING, "verified"),
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS)
def test_readings_of_the_thirty_first_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)


READINGS_32 = [  # the thirty-second round
    ("샤프는 지수 0.27에 견줘 0.21이었다.", CRUDE, "verified"),  # the figure after "지수 N에 견줘" is the other side's
    ("샤프는 지수 0.21에 견줘 0.27이었다.", CRUDE, "not verified"),  # swapped
    ("샤프는 지수 0.27를 밑도는 0.21이었다.", CRUDE, "verified"),
    ("샤프는 지수 0.21를 웃도는 0.27이었다.", CRUDE, "not verified"),
    ("연 5.12%를 낸 SPGSCL에 2.84%p 모자랐고 샤프 역시 0.21로 지수(0.27)보다 낮았다.", CRUDE, "verified"),  # "SPGSCL에": what the strategy fell short of, no owner
    ("연 5.12%를 낸 SPGSCL에 2.84%p 모자랐고 샤프 역시 0.27로 지수(0.21)보다 높았다.", CRUDE, "not verified"),
    ("그 고점은 끝내 회복되지 않아 9월 29일 마지막 주 1.184는 고점보다 27.86% 아래에 있다.", CRUDE, "verified"),  # "마지막 주": the end, below its peak
    ("마지막 주 1.184는 고점보다 25.86% 낮다.", CRUDE, "not verified"),
    ("2024년 마지막 주에 고점보다 27.86% 아래였다.", CRUDE, "not verified"),  # a year's last week is no end of the test
    ("60일 변동성으로 비중을 조절해 연 20%에 맞추되 1.5배를 넘기지 않는 매수 전용 전략입니다.", UCB, "verified"),  # the target, a setting
    ("실현 변동성은 16%로 목표인 20%를 밑돌았다.", UCB, "verified"),
    ("실현 변동성은 20%였다.", UCB, "not verified"),
    ("빠른 20일·느린 100일 지수이동평균으로 방향을 잡는다.", UCB, "not contradicted"),  # settings quoted
    ("빠른 20일·느린 150일 지수이동평균으로 방향을 잡는다.", UCB, "not verified"),
    ("최대 하락 14.26%입니다.", BONO, "verified"),  # "최대 하락" without a minus, "최악 하락폭", "가장 깊었던 하락"
    ("최대 하락 16.26%입니다.", BONO, "not verified"),
    ("최악 하락폭(14.26%)은 컸다.", BONO, "verified"),
    ("최악 하락폭(15.26%)은 컸다.", BONO, "not verified"),
    ("가장 깊었던 하락은 14.26%였다.", BONO, "verified"),
    # 2027_66 (English, read)
    ("DIB's trend sleeve, at 0.43, edged out MXGCC's 0.44 Sharpe.", DIB, "not verified"),  # "edged out": ahead
    ("MXGCC, at 0.44, edged out DIB's trend sleeve on Sharpe.", DIB, "verified"),
    ("XXJ's maximum drawdown of 38.89% was deeper than the value screen's.", INSURERS_AU, "not verified"),  # depth compared
    ("The value screen's maximum drawdown of 39.29% was deeper than XXJ's.", INSURERS_AU, "verified"),
    ("The basket's 0.28 Sharpe trails XXJ at 0.31, and at 39.29% its maximum drawdown goes a shade beyond the index's 38.89%, by some forty basis points.", INSURERS_AU, "verified"),  # the gap of the metric named after the comparison
    ("The basket's 0.28 Sharpe trails XXJ at 0.31, and at 39.29% its maximum drawdown goes a shade beyond the index's 38.89%, by some ninety basis points.", INSURERS_AU, "contradicted"),
    ("The sugar book's 29.92% drawdown bottomed out during the bull regime.", SUGAR, "not verified"),  # the trough placed in a regime
    ("The sugar book's 29.92% drawdown bottomed out amid the high-volatility regime.", SUGAR, "verified"),
    ("The maximum drawdown began in the bull regime.", SUGAR, "not verified"),
    ("A later slide, 18.64% from the mid-November 2022 record to an April 2023 low, remains unresolved, the September 2025 close lying 13.53% under that high.", SUGAR, "verified"),  # "the September 2025 close": the end
    ("A later slide, 18.64% from the mid-November 2022 record to an April 2023 low, remains unresolved, the September 2025 close lying 15.53% under that high.", SUGAR, "not verified"),
    ("Remark: the last value was 0.72% under the peak of 2 June 2025.", BANK_BILL, "verified"),  # the open fall at the end, however shallow
    ("Remark: the last value was 1.72% under the peak of 2 June 2025.", BANK_BILL, "not verified"),
    ("Final print 1.44% shy of the 9 June 2025 high.", GARAN, "verified"),  # "shy of"
    ("Final print 2.44% shy of the 9 June 2025 high.", GARAN, "not verified"),
    ("Signal table. channel_breakout = 71 signals / 29 wins / 40.85% / +0.63% avg.", SUGAR, "verified"),  # "29 wins / N%": a share won ("N% each" as an average was dropped after the review: it blocked true sentences)
    ("channel_breakout = 71 signals / 29 wins / 41.85% / +0.63% avg.", SUGAR, "not verified"),
    ("Signals: supertrend_flip (count 38; hits 17; 44.74%; avg +1.69%) and atr_stop (count 21; hits 6; 28.57%; avg -1.12%).", DIB, "verified"),
    ("oversold_entry: 63 | 36 right | 57.14% | -0.16% avg. overbought_exit: 58 | 39 right | 67.24% | +0.61% avg.", IAM, "verified"),
    ("oversold_entry: 63 | 36 right | 58.14% | -0.16% avg.", IAM, "not verified"),
    ("three regimes ended lower, the heaviest drop, -9%, coming in turbulent markets over 2020-21.", DIB, "verified"),  # "coming in": the regime named after
    ("three regimes ended lower, the heaviest drop, -19%, coming in turbulent markets over 2020-21.", DIB, "not verified"),
    # ko 2027_66 (read)
    ("여섯 국면 중 위험조정 효율(샤프)로 1위는 +160%를 올린 강세 구간입니다.", VESTAS, "not verified"),  # "샤프)로 1위": ranked by Sharpe (trending's)
    ("여섯 국면 중 샤프로 1위는 추세 구간입니다.", VESTAS, "verified"),
    ("CONF1 전략에서 SNB 회의 필터 신호의 적중률은 45.61%였습니다.", CONF, "not verified"),  # snb_meeting_filter hits 54.17%
    ("SNB 회의 필터 신호 48건도 26건이 들어맞았다.", CONF, "not contradicted"),
    ("제로라인 필터 신호 57회는 25회 적중(43.86%)했고 MACD 교차 96회 중 41회 이익(42.71%)이었습니다.", MIDCAP, "verified"),  # "57회는 25회 적중": of 57, 25 won
    ("제로라인 필터 신호 57회는 26회 적중(43.86%)했다.", MIDCAP, "not verified"),
    ("ATR 추적 청산은 33회 중 14회(42.42%)가 적중, 평균 2.87%입니다.", GOLDFIELDS, "verified"),  # atr_trail_exit
    ("이익 총액이 손실 총액의 1.71배입니다.", VESTAS, "verified"),  # the profit factor as a multiple
    ("이익 총액이 손실 총액의 1.91배입니다.", VESTAS, "not verified"),
    ("샤프(전략 0.43, 지수 -0.18)와 가장 깊은 되밀림(13.6% 대 44.12%, 30.52%p 얕음)도 앞섰다.", MSX30, "verified"),  # "되밀림"
    ("MSX30 모델의 가장 깊은 13.6% 하락은 약세 국면 초입인 2014년 10월 20일 주 1.092에서 시작했다.", MSX30, "verified"),  # "가장 깊은 N% 하락"
    ("MSX30 모델의 가장 깊은 15.6% 하락은 컸다.", MSX30, "not verified"),
    ("무스카트 MSX30 지수에 3일 RSI 15 하회 매수·65 상회 매도를 적용한 롱 온리 모델 ┃ 연환산 2.4% ┃ 최대 낙폭 13.6% ┃ 샤프 지표 0.43", MSX30, "verified"),  # "15 하회 매수": a threshold, no comparison
    ("끝 구간인 약세는 -4%.", TOYOTA_HONDA, "verified"),  # "약세는 -4%": the regime, its particle before the figure
    ("약세는 -5%였다.", TOYOTA_HONDA, "not verified"),
    ("'20년 3월 16일자 주간엔 평가액이 일주일 새 2.6% 줄었고 이어진 주에 2.0%가 더 빠졌습니다.", MIDCAP, "verified"),  # "16일자 주간", "이어진 주"
    ("'20년 3월 16일자 주간엔 평가액이 일주일 새 3.6% 줄었다.", MIDCAP, "not verified"),
    ("네 국면은 길이가 똑같이 25%씩이다.", COPPER, "verified"),  # every regime's share, told by "길이가"
    ("네 국면은 길이가 똑같이 20%씩이다.", COPPER, "not verified"),
    # the round's review: each of these was verified, blocked or sent to review wrongly before it was mended
    ("Trend entries: 29 signals / 13 wins / 44.8% / 1.58% each.", IWM, "not contradicted"),  # "N% each" is no strategy average
    ("Trend entries returned 1.16% each.", IWM, "not verified"),
    ("The regimes split the period evenly, 25% each.", IWM, "verified"),
    ("The strategy lagged IWM on annual return, despite a far smaller maximum drawdown, by 1.6 percentage points.", IWM, "verified"),  # the gap is the return's: no pair of figures after the aside
    ("2021년의 마지막 주에 전략은 2021년 3월 고점보다 7.7% 낮은 수준이었다.", IWM, "not verified"),  # a year's last week is no end of the test
    ("2022년 하반기 마지막 주에 곡선은 고점보다 7.7% 낮았다.", IWM, "not verified"),
    ("고변동성 국면의 마지막 주에 곡선은 고점보다 7.7% 낮았다.", IWM, "not verified"),
    ("The December 2021 close left the strategy 7.7% below its March 2021 peak.", IWM, "not verified"),
    ("The December 2023 close left the strategy 7.7% below its March 2021 peak.", IWM, "verified"),
    ("The second-deepest drawdown was 0.17%.", AUDNZD, "not verified"),  # the shallow open fall is no ranked fall
    ("Remark: the last value was 0.72% under the peak of 2 June 2025.", BANK_BILL, "verified"),  # but the end below its high is read from the curve
    ("Remark: the last value was 0.72% under the peak of 2 June 2024.", BANK_BILL, "not verified"),
    ("샤프 비율은 IWM 0.39에 견줘 0.32로 더 높았다.", IWM, "not verified"),  # the way the words say must hold
    ("샤프 비율은 IWM 0.39를 웃도는 0.32였다.", IWM, "not verified"),
    ("샤프 비율은 IWM 0.39에 견줘 0.32로 낮았다.", IWM, "verified"),
    ("Apart from the maximum drawdown, the next-worst fall bottomed out during the high-volatility regime.", IWM, "not verified"),
    ("The recovery from the maximum drawdown began in the low-volatility regime.", IRON_ORE, "not contradicted"),
    ("같은 기간 IWM에 묻어 둔 돈은 연 7.9%씩 불었다.", IWM, "verified"),  # "IWM에" owns its figure unless a shortfall follows
    ("국면별로 보면 샤프 비율(0.79)로 1위는 저변동성 국면이었다.", KOSPI, "not verified"),  # bull is first (3.51)
    ("국면별로 보면 샤프 비율(3.51)로 1위는 강세 국면이었다.", KOSPI, "verified"),
    # ko 2027_63's flags (read)
    ("저변동성(2023년 1월 31일 이후) +61%로 샤프 1.98 최고에 기간 21% 최장이었습니다.", VALE, "verified"),  # "샤프 1.98 최고": ranked by Sharpe
    ("강세 +200%로 샤프 1.95 최고였습니다.", VALE, "not verified"),
    ("SOXX(연 22.03%)보다 2.46%p 높았지만 샤프는 0.78로 지수의 0.81에 못 미쳤고, 최대 낙폭 64.24%는 지수 45.76%보다 18.48%p 깊었다.", CHIPS, "verified"),  # the Sharpe after "높았지만" is the next claim's
    ("SOXX(연 22.03%)보다 2.46%p 낮았지만 샤프는 0.78이었다.", CHIPS, "not verified"),
    ("가장 깊은 64.24% 하락은 강세 국면 끝자락 21년 11월 29일(월) 주간 5.530에서 고변동성 국면 '22.10.31 주 1.978까지 48주간 진행됐다.", CHIPS, "verified"),  # a maximum told before the regimes that place it
    ("고변동성 국면의 최대 낙폭은 64.24%였다.", CHIPS, "not verified"),  # the regime's own is 59.76%
    ("고변동성 +107%로 33% 최장, 그 구간 낙폭 59.76%.", CHIPS, "verified"),  # "그 구간": the regime just named
    ("고변동성 +107%로 33% 최장, 그 구간 낙폭 64.24%.", CHIPS, "not verified"),
    ("가장 깊은 하락은 약세 국면 자체의 30.76%보다 깊은 골이다.", COMI, "verified"),  # "국면 자체의 N%보다 깊은": the regime's own fall
    ("가장 깊은 하락은 약세 국면 자체의 31.76%보다 깊은 골이다.", COMI, "not verified"),
    ("시장에 들어가 있던 시간이 24%뿐이라 가장 깊은 하락도 32.74%로 지수 55.3%보다 22.56%p 얕았다.", NEPSE, "verified"),  # exposure told as time in the market
    ("시장에 들어가 있던 시간이 34%뿐이었다.", NEPSE, "not verified"),
    # ko 2027_68 (weighted to false claims, read)
    ("강세 국면이 샤프 0.64 또한 다섯 국면 가운데 최상위였다.", SUGAR, "not verified"),  # "최상위", "샤프 N 또한": bear has the best Sharpe
    ("국면별로 보면 강세 국면이 +34%로 벌이가 제일 컸다.", SUGAR, "verified"),  # "제일" as "가장"
    ("추세 국면은 +15%로 수익과 샤프(0.99) 두 부문에서 모두 1위였습니다.", GARAN, "not verified"),  # "두 부문에서 모두 1위": another regime has the best Sharpe
    ("강세 국면은 +16%로 수익과 샤프 두 부문에서 모두 1위였습니다.", IAM, "verified"),
    ("고변동성 구간은 -9%로 여섯 구간 중 수익 꼴찌였고 샤프도 제일 낮았다.", DIB, "not verified"),  # "꼴찌", "제일 낮": sideways has the lowest Sharpe
    ("변동성 필터 신호는 41회 발동해 61.7%가 적중했다.", BANK_BILL, "not verified"),  # "N%가 적중": the signal's hit rate (58.54%)
    ("적자로 끝난 국면이 다섯 중 셋이었다.", SUGAR, "not verified"),  # a count of losing regimes after "국면이" (two of five lost)
    ("적자로 끝난 국면이 다섯 중 둘이었다.", SUGAR, "verified"),
    ("손실 국면은 여섯 가운데 둘뿐이었습니다.", DIB, "not verified"),  # three of six lost
    ("곡선의 최저치는 0.997로, 저변동성 국면이던 2019년 7월에 기록됐습니다.", BANK_BILL, "not verified"),  # dated in the next clause: the low came on 2018-07-09
    ("곡선의 최저치는 0.997로, 2018년 7월에 기록됐습니다.", BANK_BILL, "verified"),
    ("최대 낙폭은 7.89%로 전고점 회복까지 1,666일이 걸렸는데, 그 출발점인 2020년 8월 고점은 고변동성 국면에 속해 있었다.", BANK_BILL, "not verified"),  # the peak placed in a regime: it lay in the bull regime
    ("최대 낙폭은 7.89%로 전고점 회복까지 1,666일이 걸렸는데, 그 출발점인 2020년 8월 고점은 강세 국면에 속해 있었다.", BANK_BILL, "verified"),
    ("국면별 성적: 횡보 -3% | 고변동성 +12%, 샤프 1.07로 수익·샤프 모두 1위 | 약세 -5%(샤프 -0.46)로 수익도 샤프도 꼴찌", KOMB, "not contradicted"),  # " | " as the end of a list item was dropped after the second review: it cut a row's regime from its rank
    # the round's second review: each of these was verified or sent to review wrongly before it was mended
    ("최대 낙폭의 고점은 약세 국면에 속하지 않았다.", HYNIX, "not verified"),  # a denied placement; the peak lay in the bear regime
    ("약세 국면은 수익률 꼴찌에서 두 번째였다.", HYNIX, "not verified"),  # it was last
    ("저변동성 국면은 샤프 기준으로는 최하위가 아니었다.", HYNIX, "not verified"),
    ("고변동성 | 샤프 1.62로 최고 | 수익률 72%", HYNIX, "not verified"),  # trending has the best Sharpe
    ("2024년 한 해의 마지막 주 평가액은 고점보다 1.16% 낮았다.", NZX, "not verified"),  # a year's last week, at a new high
    ("기말 평가액은 최대 낙폭의 고점보다 1.16% 낮았다.", NZX, "not verified"),  # the end stands far above the deepest fall's peak
    ("약세 국면의 마지막 주 평가액은 고점보다 1.16% 낮았다.", NZX, "verified"),  # that regime runs to the test's end
    ("최대 낙폭은 47.77%였고, 그다음으로 깊은 하락의 저점은 횡보 국면에 속해 있었다.", HYNIX, "verified"),  # the next fall's trough is not the deepest's
    ("샤프는 지수 0.36에 견줘 0.33으로 좋지 못했다.", HYNIX, "verified"),  # "좋지 못했다": lower
    ("샤프는 지수 0.36에 견줘 0.33으로 높지 않았다.", HYNIX, "verified"),
    ("곡선의 최저치는 0.7348이었고, 최대 낙폭의 고점은 2018년 1월이었다.", HYNIX, "verified"),  # the next clause dates another point
    ("곡선의 최고치는 1.8055였고, 2020년 3월에 코로나 충격이 왔다.", HYNIX, "verified"),
    ("변동성이 제일 낮은 저변동성 국면에서는 수익률이 -6%였다.", HYNIX, "verified"),  # "변동성이 제일 낮은": no rank of returns
    ("최대 낙폭 18.72%는 횡보 국면이던 2021년 7월 19일 주간에 시작됐다.", HYNIX, "verified"),  # that regime's own maximum
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS_32)
def test_readings_of_the_thirty_second_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)


READINGS_33 = [  # the thirty-third round
    # false claims the last round's reviews found verified
    ("고변동성 국면이 수익률과 샤프 두 부문에서 모두 1위였다.", HYNIX, "not verified"),  # both ranks are checked: trending has the best Sharpe
    ("추세 국면은 샤프 1위였다.", HYNIX, "verified"),  # "1위였다": a rank, no Sharpe of 1
    ("가장 깊은 47.77% 하락은 2019년 7월 8일 주간에 시작됐다.", HYNIX, "not verified"),  # the trough's week told as the start
    ("가장 깊은 47.77% 하락은 2018년 1월 22일 주간에 시작됐다.", HYNIX, "verified"),
    ("최대 낙폭은 47.77%였고, 그다음으로 깊은 하락의 저점은 강세 국면에 속해 있었다.", HYNIX, "not verified"),  # the next fall's trough lay in the sideways regime
    ("The next-worst fall bottomed out in the sideways regime.", HYNIX, "verified"),
    ("낙폭이 10%를 넘은 국면은 여섯 중 둘이었다.", HYNIX, "not verified"),  # five of six regimes fell more than 10%
    ("낙폭이 10%를 넘은 국면은 여섯 중 다섯이었다.", HYNIX, "verified"),
    ("Two of the six regimes lost more than 5%.", HYNIX, "not verified"),  # three did; the bar is no figure of the test
    ("Three of the six regimes lost more than 5%.", HYNIX, "verified"),
    # ko 2027_70 (read)
    ("강세 국면은 +29.69%였지만 구간 낙폭도 19.26%로 넷 중 최대였다.", MA_CROSS, "verified"),  # "구간 낙폭": the regime's own, though "최대" follows
    ("강세 국면은 +29.69%였지만 구간 낙폭도 22.72%로 넷 중 최대였다.", MA_CROSS, "not verified"),
    ("22.72%짜리 하락은 약세 국면 첫날인 2019년 7월 2일에서 시작했다.", MA_CROSS, "verified"),  # a fall sized before the regime that places its day
    ("22.72%짜리 하락은 강세 국면에서 시작했다.", MA_CROSS, "not verified"),
    ("85% 폭락은 강세 국면이 열린 지 사흘 만인 2020년 5월 19일에서 출발했다.", BTC, "verified"),  # a whole number that is the fall's depth to two decimals
    ("라센 역추세 모델에서 아직 메워지지 않은 15.72% 하락은 약세 국면 안에서 시작됐다.", LARSEN, "not verified"),  # another fall's peak placed in a regime ("안에서 시작됐다")
    ("15.72% 하락은 강세 국면에서 나왔다.", LARSEN, "not verified"),  # another fall placed where it was not
    ("2024년 여름 26.37% 하락은 8월 5일 주에 바닥을 찍었다.", MEGABANKS, "not verified"),  # another fall's trough dated
    ("2024년 여름 26.37% 하락은 9월 9일 주에 바닥을 찍었다.", MEGABANKS, "verified"),
    ("11.5%의 최대 낙폭 역시 2015년 9월~2017년 5월 고변동성 국면 안에서 발생했습니다.", INFY, "verified"),  # a range of months is one stretch
    ("11.5%의 최대 낙폭 역시 2018년 9월~2019년 5월 국면 안에서 발생했습니다.", INFY, "not verified"),
    ("SPY·QQQ·IWM 20일/50일 이동평균 교차 ▪ 샤프 0.48 ▪ 벤치마크 SPY ▪ 칼마 비율 0.36 ▪ 연 8.2%입니다.", MA_CROSS, "verified"),  # the universe's tickers and the benchmark's KPI item name no owner
    ("SPY·QQQ·IWM 교차 ▪ 샤프 0.15", MA_CROSS, "not verified"),
    ("Sharpe 0.48 | benchmark SPY | Calmar 0.36", MA_CROSS, "verified"),
    ("돌파형 :: 거래 583회", BTC, "verified"),  # trades named at the figure are the strategy's, not the signal's
    ("돌파 신호는 57건, 거래는 모두 583회였다.", BTC, "verified"),
    ("돌파 신호 583회", BTC, "not verified"),
    ("샤프 0.44 | 거래 829회 | 연율 변동 5.2%입니다.", UST_PAIRS, "verified"),  # "연율 변동": volatility
    ("샤프 0.44 | 연율 변동 3.8%입니다.", UST_PAIRS, "not verified"),
    ("평균회귀 신호는 적중률 45.6%에 건당 +0.21%를 벌었습니다.", G10, "verified"),  # "평균회귀": mean_reversion; "건당" right before its figure names it
    ("평균회귀 신호는 적중률 53.8%에 건당 +0.51%를 벌었습니다.", G10, "not verified"),  # trend_entry's figures
    ("추세 진입 신호 232번 중 62.2%가 적중했고 평균 +0.49%, 평균회귀 신호 387번은 57.4% 적중에 평균 +0.39%입니다.", EM, "verified"),
    ("평균회귀 신호 232번은 62.2% 적중했다.", EM, "not verified"),
    ("그래도 연 6.1%는 닛케이 8.9%에 2.8%p 뒤처졌다.", NIKKEI, "verified"),  # "닛케이": the benchmark NKY, in Korean
    ("그래도 연 8.9%는 닛케이 6.1%에 2.8%p 뒤처졌다.", NIKKEI, "not verified"),
    ("같은 EEM을 사 두기만 했을 때의 연 6.6%에 비해 전략은 연 2.7%로 3.9%p 뒤처졌다.", EM, "verified"),  # what holding the index gave is the index's
    ("같은 EEM을 사 두기만 했을 때의 연 2.7%에 비해 전략은 연 6.6%로 뒤처졌다.", EM, "not verified"),
    ("국면 네 개가 각 25%씩이었다.", MA_CROSS, "verified"),  # "각 N%씩이었다": every regime's share of the time
    ("국면 네 개가 각 20%씩이었다.", MA_CROSS, "not verified"),
    ("네 국면이 정확히 4분의 1씩 기간을 나눠 가졌다.", MA_CROSS, "verified"),
    ("저변동성이 +8.72%였지만 구간 낙폭 19.2%로 가장 깊었고, 뒤이은 약세는 -13.26%·샤프 -1.17로 유일한 적자였다.", EM, "verified"),  # a signed figure right after a regime is its return
    ("저변동성이 +8.72%였지만 구간 낙폭 19.2%로 가장 깊었고, 뒤이은 약세는 -9.1%·샤프 -1.17로 유일한 적자였다.", EM, "not verified"),
    ("채널 하단 청산 81회 가운데 29회가 맞았고(35.8%) 평균은 +0.87%입니다.", ETC, "verified"),  # "채널 하단 청산": channel_exit, a place word between
    ("채널 하단 청산 81회 가운데 37회가 맞았고(39.36%) 평균은 +1.31%입니다.", ETC, "not verified"),
    ("SNB 회의 필터 신호 48건도 26건이 들어맞아(54.17%) 평균 +0.12%였습니다.", CONF, "verified"),  # "26건이 들어맞아(N%)": winners and their share
    ("SNB 회의 필터 신호 48건 중 27건이 들어맞아(56.25%) 평균 +0.12%였습니다.", CONF, "not verified"),
    ("추세 이탈로 빠져나온 139번은 41%가 맞았지만 평균은 -0.12%로 손해였습니다.", COPPER_DONCHIAN, "verified"),  # "맞았다" tells the nearer figure, the share
    ("추세 이탈로 빠져나온 139번은 45%가 맞았다.", COPPER_DONCHIAN, "not verified"),
    ("강세가 +160%(2.6배)로 벌이 최대였다.", VESTAS, "verified"),  # "(2.6배)" after a return: the money's multiple
    ("강세가 +160%(3.6배)로 벌이 최대였다.", VESTAS, "not verified"),
    # 2027_68 (read)
    ("Just two regimes ended up negative, the 2016-18 range (-9%, Sharpe -0.19) and the 2022-24 trend (-6%).", CAPESIZE, "verified"),  # "the 2016-18 range": the sideways regime
    ("Just two regimes ended up negative, the 2016-18 range (-6%) and the 2022-24 trend (-9%).", CAPESIZE, "not verified"),
    ("Before the current slump came a 34.20% fall from July 2019 to April 2020.", CAPESIZE, "verified"),  # "a N% fall": one of the curve's falls
    ("Before the current slump came a 36.20% fall from July 2019 to April 2020.", CAPESIZE, "not verified"),
    ("The basket suffered the deeper fall, 56.66% from top to bottom as opposed to 47.12%.", MINERS, "verified"),  # "as opposed to": the pair's other side
    ("The basket suffered the deeper fall, 47.12% from top to bottom as opposed to 56.66%.", MINERS, "not verified"),
    ("VCB's 5.53% alpha is higher than what the strategy itself compounded each year.", VCB, "not verified"),  # its CAGR is 5.95%
    ("VCB's 5.53% alpha is lower than what the strategy itself compounded each year.", VCB, "verified"),
    ("Slippage on each volatility rebalance averaged about 8 basis points.", PTT, "not contradicted"),  # basis points: a cost, no volatility
    ("Signals recap: trend_entry fired 47 times with 20 winners, a 42.55% hit rate and +0.27% per trade; vol_rescale fired 212 times with 109 winners, 51.42%, +0.06%.", PTT, "verified"),  # a signed figure in a signal's group is its average
    ("vol_rescale fired 212 times with 109 winners, 51.42%, +0.27%.", PTT, "not verified"),
    ("Sortino 0.37 / atr_trailing_stop exits: 33, hits 36.36%, average -0.87%.", COBALT, "verified"),  # "<signal> exits: N": the signal's count
    ("Sortino 0.37 / atr_trailing_stop exits: 41, hits 36.36%, average -0.87%.", COBALT, "not verified"),
    # the round's review (eq-us-spy-bollinger: CAGR 5.0%, SPY 11.9%, 231 trades, max drawdown 14.66%; bear's own fall 8.55%; falls 8.36% from 2022-05-27 (bear), 5.14% from 2018-10-26 (bull); volatility_filter 58 signals)
    ("Benchmark SPY, by contrast, compounded 5.0% a year.", SPY, "not verified"),  # a benchmark named at a sentence's head, no KPI item
    ("Benchmark: SPY, CAGR 11.9%, Sharpe 0.66.", SPY, "verified"),
    ("SPY·QQQ는 모두 연 5.0% 올랐다.", SPY, "not verified"),  # the listed tickers are the subject
    ("약세 국면에서 전략은 4.62% 수익을 냈다. 전체 구간 낙폭은 8.55%였다.", SPY, "not verified"),  # "전체 구간 낙폭": the whole test's
    ("약세 국면에서 전략은 4.62% 수익을 냈다. 전체 구간 낙폭은 14.66%였다.", SPY, "verified"),
    ("The bull regime brought a 8.36% drawdown.", SPY, "not verified"),  # a regime named in the clause owns the figure
    ("During the low-volatility regime the strategy had a 5.14% drop.", SPY, "not verified"),
    ("8.36% 하락은 약세 국면이던 2022년 8월 5일 주에 시작됐다.", SPY, "not verified"),  # another fall's start, dated wrong
    ("8.36% 하락은 약세 국면이던 2022년 5월 27일 주에 시작됐다.", SPY, "verified"),
    ("Two of the five regimes finished positive over the test, led by the trending regime's 29%.", COPPER_HG, "not verified"),  # "over the test" is no bar
    ("The maximum drawdown of 22.39% ran from January 2016 to December 2021.", COPPER_HG, "not verified"),  # the ends of a fall told "from ... to" are its own
    ("The maximum drawdown of 22.39% ran from July 2018 to November 2020.", COPPER_HG, "verified"),
    ("In the 2012-14 range the strategy's Sharpe ratio was -0.69.", COPPER_HG, "not verified"),  # years wholly outside the sideways regime
    ("Copper itself traded in the 2.50 to 4.00 range, and the strategy's Sharpe ratio was -0.69.", COPPER_HG, "contradicted"),  # a price range is no regime
    ("변동성 필터 신호의 거래 횟수는 231회였다.", SPY, "not verified"),  # the signal named in the clause keeps its trades
    ("변동성 필터 신호는 거래 58회, 적중률 56.9%였다.", SPY, "verified"),
    ("저변동성 국면은 샤프 0.84로 3위였다.", SPY, "not verified"),  # only first place is read as a rank
    ("Ranked from top to bottom by return, the high-volatility regime came third at 14.66%.", SPY, "not verified"),  # "ranked from top to bottom" is an order, no drawdown
    ("Regimes ranked from top to bottom by return: bull 16.83%, low volatility 15.27%, high volatility 9.82%, bear 4.62%.", SPY, "verified"),
    ("The recovery from the 22.39% maximum drawdown began in the week of 2 September 2019.", COPPER_HG, "verified"),  # a recovery's start is no fall's start
    ("최대 낙폭 22.39%를 기록한 뒤 상승은 2019년 9월에 시작됐다.", COPPER_HG, "verified"),
    ("수익률과 샤프를 비교하면 샤프가 가장 높은 국면은 저변동성 국면이었다.", SPY, "verified"),  # both measures only with "모두", "두 부문"
    ("약세 국면은 수익률 4.62%로 국면 중 1위였다.", SPY, "not verified"),  # "국면 중 1위": bull has the best return
    # the round's second review (eq-jp-stoch-reversion: 870 trades, win rate 38.6%, volatility 17.3%, CAGR 6.1%, total +80.53%; mean_reversion 162 signals, 48.8%; trending first on Sharpe 2.01, low volatility second 0.6)
    ("추세 국면은 샤프 2위였다.", NIKKEI, "not verified"),  # a place is a rank, checked, no Sharpe of 2
    ("저변동성 국면의 샤프는 0.6으로 2위였다.", NIKKEI, "verified"),
    ("강세 국면은 샤프 4위였다.", KOSPI, "not verified"),
    ("이 평균회귀 전략은 162번 거래해 승률 48.8%를 기록했다.", NIKKEI, "not verified"),  # the strategy named after the signal's words owns the figures
    ("이 평균회귀 전략은 870번 거래해 승률 38.6%를 기록했다.", NIKKEI, "verified"),
    ("채널 하단 청산을 쓰는 이 전략은 30번 거래했다.", LASI, "not verified"),
    ("전략은 연간 6.1% 변동성 속에 움직였다.", NIKKEI, "not verified"),  # the noun after the figure names it, not the rate before
    ("전략은 연간 17.3% 변동성 속에 움직였다.", NIKKEI, "verified"),
    ("전략의 누적 수익률은 +80.53%(1.85배)였다.", NIKKEI, "not verified"),  # a multiple of the money to the digits shown
    ("전략의 누적 수익률은 +80.53%(1.81배)였다.", NIKKEI, "verified"),
    ("전략의 최대 낙폭은 32.54%(1.36배)로 닛케이 25.7%보다 깊었다.", NIKKEI, "not verified"),  # a depth is no return
    ("None of the four regimes lost more than a fifth.", NIKKEI, "not contradicted"),  # "more than a fifth" is a bar, no count of losers
    ("After a long climb the strategy's 22.71% max drawdown began in June 2019.", QQQ, "not verified"),  # a rise before is no recovery's start
    ("After TOPIX broke out of its 2013 range, the strategy went on to make 208.9% overall.", TOPIX, "verified"),  # "its 2013 range": a price range
    ("전략의 거래 870건 가운데 534건이 들어맞지 않았다.", NIKKEI, "verified"),  # "들어맞지 않았다": misses, not winners (true: 336 won)
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS_33)
def test_readings_of_the_thirty_third_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)


READINGS_34 = [  # the thirty-fourth round
    # readings of 2027_70 and ko 2027_72
    ("EEM 역추세 북은 승률 61.2%에 이익계수도 1을 넘겼다.", EEM_RSI, "not verified"),  # a whole ratio passed is a threshold: 0.91 is under 1
    ("The EEM book's profit factor was above 1.", EEM_RSI, "not verified"),
    ("Calmar was under 0.1.", SET50, "not verified"),  # a bound on a ratio is exact: 0.12
    ("이익계수 0.91", EEM_RSI, "verified"),
    ("미국 섹터 회전 모델에서 국면 내 낙폭이 가장 컸던 곳은 17.55%를 기록한 강세장이었다.", ROTATION, "not verified"),  # regimes ranked by their own worst fall
    ("The deepest in-regime drawdown was the low-volatility regime's 17.8%.", ROTATION, "verified"),
    ("The bear regime did not have the deepest in-regime drawdown.", SET50, "not contradicted"),  # a denied rank ranks nothing
    ("샤프 역시 SPY 0.78 대비 0.6으로 낮았다.", ROTATION, "verified"),  # "A 대비 B": B is the other side's
    ("그래도 SPY 연 13.1%를 연 11.3%로 따라가며 1.8%포인트 뒤였다.", ROTATION, "verified"),
    ("[총수익 44.29%] [거래 834건] [연 4.7%] [승률 57.3%]", EU_RSI, "verified"),  # "] [" parts a KPI line
    ("거래 1회 평균은 0.053%", EU_RSI, "verified"),  # per trade, no count of 1
    ("신호는 추세 진입과 추세 이탈이 29번씩, 적중률은 44.8%와 37.9%, 평균 성과는 +1.58%와 -0.41%로 갈렸고, 58회 거래의 승률은 41.8%였다.", IWM, "verified"),
    ("신호는 추세 진입과 추세 이탈이 29번씩, 적중률은 37.9%와 44.8%였다.", IWM, "not verified"),  # each figure of a pair to its signal in turn
    ("마지막 값 1.962는 최고점보다 9.68% 낮은 수준이다.", IWM, "not verified"),  # 7.68% below
    ("The bull regime (+25.84%, 2.35) led.", ROTATION, "not verified"),  # a signed return before ", 1.37)" is read, not taken for a setting
    ("The 2021-23 trend, up 39%, was the value portfolio's strongest regime by return.", BVL, "not verified"),  # the subject before the aside is ranked
    ("The 40.31% drawdown was recovered in July 2022, still inside the calm 2020-22 regime.", BERGER, "not verified"),  # a recovery placed in a regime
    ("Mbono's 35.26% peak-to-trough loss has never been made back.", MBONO, "not verified"),
    ("KCB band reversion: 2.64% a year; NSE 25 -4.12% a year.", KCB, "verified"),  # "NSE 25" is NSE25
    ("Over April 2015 - September 2025 it compounded at close to 6% and grew capital 1.84 times.", BVL, "verified"),
    ("A beta above one shaves the edge down to an alpha of 1.47%.", BVL, "verified"),  # a level reached, no loss
    ("The book holds the stock while the price stays above a Supertrend stop set three times the 10-day ATR away.", BERGER, "not contradicted"),
    # what the round's review found (each verified, or blocked, by a reading of the round before it was mended)
    ("최대 낙폭은 15%를 넘어서지 않았다.", SET50, "not verified"),  # a denied bound turns over: 16.44%
    ("최대 낙폭은 한 번도 15%를 넘은 적이 없다.", SET50, "not verified"),
    ("최대 낙폭은 20%를 넘어서지 않았다.", SET50, "verified"),
    ("강세 국면의 샤프도 2를 웃돌지 못했다.", SET50, "verified"),
    ("가장 깊은 하락은 1.30에서 시작됐다.", SET50, "not verified"),  # the deepest fall began at 1.237; 1.297 is the curve's high
    ("약세 국면은 -7%였고, 이 국면의 낙폭은 16.44%였다.", SET50, "not verified"),  # the bear regime's own fall is 9.42%
    ("약세 국면은 -7%였고, 낙폭은 16.4%였다.", SET50, "not verified"),  # no date of the deepest fall: whose, unclear
    ("추세 국면에서 곡선은 16.4% 빠졌다.", SET50, "not verified"),  # the fall bottomed in the high-volatility regime
    ("저변동성 국면에서 전략은 16.4% 미끄러졌다.", SET50, "not verified"),
    ("In the trending regime the strategy gave back 16%.", SET50, "not verified"),
    ("고변동성 국면에서 전략은 16.4% 미끄러졌다.", SET50, "verified"),
    ("벤치마크는 한때 16.4% 빠졌다.", SET50, "not verified"),  # the index's fall, not the curve's
    ("Capital grew 1.28 times up to the December 2024 high.", SET50, "not verified"),  # a date inside the test: the multiple at that point
    ("The bear regime dragged the strategy down to a loss of 7%.", SET50, "verified"),  # "down to a loss": a loss
    ("샤프는 추세 국면이 1.01로 가장 높았다.", SET50, "not verified"),  # ranked by Sharpe: the bull's 1.58 is higher
    ("Regimes by return: bull (+16%) > trending (+18%) > low volatility (+8%).", SET50, "not verified"),  # a chain told out of order
    ("국면별 수익: 저변동성(+8%) > 추세(+18%) > 강세(+16%)", SET50, "not verified"),
    ("Regimes by return: trending (+18%) > bull (+16%) > low volatility (+8%).", SET50, "verified"),
    ("Of 71 trades, 53 were correct.", KCB, "not verified"),  # winners told by "were correct": 43 won
    ("Of 71 trades, 43 were correct.", KCB, "verified"),
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS_34)
def test_readings_of_the_thirty_fourth_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)


CEZ = sheet("eq-cz-cez-rsi")  # max drawdown 1,050 days; a 20.27% fall from 2022-06-13 regained 2025-05-12 after 1,064 days
ROCHE = sheet("eq-ch-roche-novartis-pairs")  # z_stop 13 signals, 15.38% (2 won); spread_entry 86
DINO = sheet("eq-pl-dino-voltarget")  # max drawdown 57.22% (WIG 33.79%); settings EMA 20/100; regime Sharpes trending 0.76, high volatility 0.64
BIMBO = sheet("eq-mx-bimbo-stoch")  # deepest fall 45.52% from 2023-06-05 (bull, two months before the bear), still open
RR = sheet("eq-uk-rr-voltarget")  # CAGR 8.95%, volatility 21.3%
GOLD = sheet("cmd-dgcx-gold-keltner")  # deepest fall 34.04% from 2020-09-21 (high volatility); bear Sharpe -0.95 the last
EGYPT = sheet("eq-eg-largecap-momentum")  # beta 1.13, MXEG CAGR 6.44% (7.28 points); deepest fall regained 2022-03-07, six days into the bull; bull +95% the best return, trending 2.76 the best Sharpe
SUKUK = sheet("rates-sa-sukuk10-macd")  # a 10.26% fall from 2016-07-04
SAHARA = sheet("eq-sa-apc-sahara-pairs")  # the curve ends 0.30% below its 2025-12-22 high
POSCO = sheet("eq-kr-posco-supertrend")  # bear -18% (own drawdown 28.04%), low volatility -21% (25.98%); falls 35.98% (open), 34.22% (2018-03-26 to 2020-04-27), 22.17% (2022); beta 1.24, KRXSTEEL CAGR 3.62%, MDD 44.18%; turnover 3.6; an anomaly on 2022-09-05
AMORE = sheet("eq-kr-amore-stoch")  # beta 0.45, its index CAGR -3.14%
QAMC = sheet("eq-qa-qamc-voltarget")  # high volatility -24%, bear -6%, low volatility -2%; deepest fall 36.09% from 2022-02-28 to 2024-12-09
AREIT = sheet("eq-au-areit-value")  # rebalance_buy 162 (57.41%), rebalance_sell 155; alpha 0.69%, beta 0.62, XPJ 5.37% a year; deepest fall 30.14% from 2019-12-02 (low volatility) to 2020-03-23, regained 2021-05-03; bull to 2015-04-27
NAVER_KAKAO = sheet("eq-kr-naver-kakao-pairs")  # spread_entry 139, z_stop 23 (13.04%)
MWG = sheet("eq-vn-mwg-supertrend")  # beta 0.55, MXVN CAGR 9.15%; a 29.25% fall from 2018-02-12, trough 2020-04-20 (high volatility, from 2020-01-28)
EVA_CAL = sheet("eq-tw-eva-cal-pairs")  # curve high 1.43 on 2025-06-09, the last value 2.24% below it; CAGR 3.52%, MXASJ 5.92%, beta -0.18, alpha 4.59%
DGCX_GOLD = sheet("cmd-dgcx-gold-keltner")  # max drawdown 34.04%, BCOMGC 22.31%; atr_trailing_stop 51 (33.33%, -0.61%)
YIELD_SCREEN = sheet("eq-my-yield-roe-screen")  # CAGR 3.03%
MANAGEM = sheet("eq-ma-managem-rsi")  # 39 trades, win rate 61.54%, average +0.61%, exposure 34%; an anomaly on 2021-04-12; curve high 1.345 (2022-03-07), last value 1.269
SUKUK = sheet("rates-sa-sukuk10-macd")  # exposure 97%, turnover 7.2; a 10.26% fall from 2016-07-04 regained 2019-05-27
SAHARA_PAIR = sheet("eq-sa-apc-sahara-pairs")  # CAGR 4.08% against MXSA 4.86%
EGX_MOMENTUM = sheet("eq-eg-largecap-momentum")  # turnover 7.1, profit factor 1.58
QAMC = sheet("eq-qa-qamc-voltarget")  # max drawdown 36.09%, CAGR 1.57%, exposure 55%, total 15.04%
READINGS_35 = [  # the thirty-fifth round
    # readings of ko 2027_74 and 2027_72
    ("최대 낙폭이 시작된 곳은 2022년 6월 13일, 고변동성 국면 막바지의 곡선 최고치 2.412였다. 추세 국면에 들어서서도 하락이 이어져 2023년 6월 26일 1.231까지 54주에 걸쳐 48.99% 빠졌고, 기록된 1,113일의 낙폭 기간이 말해주듯 2025년 6월 말 마지막 값 2.169는 여전히 그 고점보다 10% 남짓 낮다.", CAPESIZE, "verified"),  # "1,113일": no clause break
    ("추세 국면에 들어서서도 하락이 이어졌고, 2025년 6월 말 마지막 값 2.169는 여전히 그 고점보다 10% 남짓 낮다.", CAPESIZE, "verified"),  # a dated point is not held to the opening regime
    ("롤스로이스 변동성 타깃 북은 원금 1억을 2억 9,148만 원으로 키워 연 8.95%를 냈다.", RR, "verified"),  # "변동성 타깃" names the strategy
    ("NEPSE 볼린저 북이 불린 돈은 원금 1억 기준 2억 1,802만 원으로 두 배를 넘었다(연 7.03%).", NEPSE, "verified"),
    ("Measured in dollars, the rotation's total return shrinks to around 41%.", EGYPT, "not contradicted"),  # another currency
    ("2022년 6월 13일 1.362에서 2023년 3월 27일 1.086까지 내려간 뒤 2025년 5월 12일에야 복구돼 1,064일이 걸렸고, 이는 최대 낙폭의 1,050일보다 2주 길다.", CEZ, "verified"),
    ("The fall ran from 13 June 2022 to 12 May 2025, 1,064 days, longer than the 1,050 days of the maximum drawdown.", CEZ, "verified"),
    ("The fall ran from 13 June 2022 to 12 May 2025, 1,064 days, longer than the 1,250 days of the maximum drawdown.", CEZ, "not verified"),
    ("평균 거래 +0.3%, 회전 3.1배, 이익 팩터 1.14", BIMBO, "verified"),
    ("그런데 샤프로 줄을 세우면 추세 국면 0.76이 고변동성 0.64를 앞질러 2·3위가 뒤바뀐다.", DINO, "verified"),  # two places in a ranking
    ("지수이동평균 20일과 100일로 방향을 잡았다.", DINO, "not contradicted"),  # settings after the indicator's name
    ("분기 리밸런싱 매수 88건은 55.68% 적중(평균 +0.69%), 매도 84건은 47.62%(+0.52%)였다.", BVL, "verified"),  # "매도": the other signal by its role
    ("분기 리밸런싱 매수 88건은 55.68% 적중(평균 +0.69%), 매도 84건은 45.62%(+0.52%)였다.", BVL, "not verified"),
    ("리밸런싱 매수 88건과 달리 매도 84건은 적중률이 매수보다 높았다.", BVL, "not verified"),  # signals compared
    ("리밸런싱 매수 88건과 달리 매도 84건은 평균적으로 손실을 냈다.", BVL, "not verified"),  # its average's sign
    ("리밸런싱 매수 88건과 달리 매도 84건은 대부분 이익으로 끝났다.", BVL, "not verified"),
    ("리밸런싱 매수 88건과 달리 매도 84건은 모두 2020년 이후에 나왔다.", BVL, "not verified"),  # when: not stored
    ("리밸런싱 매수 88건과 달리 매도 84건은 손절보다 많았다.", BVL, "not verified"),  # a signal the store does not keep
    ("리밸런싱 매수 88건과 달리 매도 신호는 84건으로 두 신호 가운데 가장 많았다.", BVL, "not verified"),
    ("리밸런싱 매수 88건은 적중률 55.68%로 매도 84건보다 적중률이 높았다.", BVL, "verified"),
    ("스위스 제약주 짝거래 전략의 z점수 손절 13건 가운데 맞아떨어진 것은 세 건이었다.", ROCHE, "not verified"),  # winners of the signal counted
    ("z점수 손절 13건 중 2건이 적중했다.", ROCHE, "verified"),
    ("No regime beat the 2022-24 bull for the momentum book, on either gain or Sharpe.", EGYPT, "not verified"),
    ("The gold book's 34.04% drawdown was measured from a peak printed while the 2019-20 bull was still running.", GOLD, "not verified"),
    ("The gold book's 34.04% drawdown was measured from a peak printed during the turbulent regime.", GOLD, "verified"),
    ("An earlier and milder dip of 10.26% ran from 4 July 2016, in the calm first year, down to its low in May 2018.", SUKUK, "verified"),
    ("The 2022-23 turbulence took away 24% (Sharpe -0.91, last on both scales), the 2018-20 bear another 6% and the calm months since January 2024 a further 2%.", QAMC, "verified"),
    ("The 2022-23 turbulence took away 24%, the 2018-20 bear another 9%.", QAMC, "not verified"),
    ("The drawdown was cleared on 7 March 2022, six days into the bull.", EGYPT, "verified"),  # was blocked
    ("The spread, hedged with an OLS beta refitted on 60 trailing days, is put on when the z-score stretches to two.", SAHARA, "not contradicted"),
    ("The book closed on 29 December 2025 only 0.30% shy of the record it set a week earlier.", SAHARA, "verified"),
    ("The book closed on 29 December 2025 only 0.50% shy of the record it set a week earlier.", SAHARA, "not verified"),
    ("Three regimes ended down, the opening bear last on risk (-7%, Sharpe -0.95, the weakest ratio).", GOLD, "verified"),
    ("The curve peaked on 28 February 2022, then lost 36.09% to a 9 December 2024 low in the quiet regime.", QAMC, "verified"),
    ("With beta at 1.13 the market term absorbs 7.28 points.", EGYPT, "verified"),  # beta times the benchmark's CAGR
    ("With beta at 1.13 the market term absorbs 8.28 points.", EGYPT, "not verified"),
    ("최대 낙폭(35.26%)은 저변동성 국면 중이던 2016년 6월 13일 1.081에서 시작돼, 미국 대선 결과에 페소 채권이 투매된 2016년 11월 14일(변동성 급등, 높음)을 품은 고변동성 국면을 지나 2018년 11월 19일 0.700, 곡선 최저점에서 바닥을 찍었다.", MBONO, "verified"),  # an anomaly's day, no sub-period
    ("마지막 평가액 1.149도 정점보다 42% 가까이 낮아 756일째 회복을 기다리는 중이다.", BIMBO, "verified"),
    ("디노 폴스카 변동성 타깃 전략은 WIG에 수익률로는 뒤졌지만 가장 깊은 하락폭은 WIG보다 작았다.", DINO, "not verified"),  # a smaller fall is ahead
    ("디노 전략의 최대 낙폭은 WIG보다 컸다.", DINO, "verified"),
    ("편입 종목에서 받은 배당은 현지 원천징수세 5%를 떼고 재투자한 것으로 처리했다.", BVL, "not verified"),
    ("-22%를 기록한 약세 국면이 음보노 EMA 북의 국면별 손실 1위였다.", MBONO, "not verified"),  # the worst regime
    ("빔보 역추세 북의 45.52% 낙폭은 약세 국면이 시작된 직후의 고점에서 출발했다.", BIMBO, "not verified"),  # the peak placed in a regime
    ("빔보 역추세 북의 45.52% 낙폭은 강세 국면 막바지의 고점에서 출발했다.", BIMBO, "verified"),
    ("EEM RSI 역추세로 1억 원을 운용했다면 2023년 말에는 8,543만 원만 남았다.", EEM_RSI, "verified"),  # the strategy, not the benchmark
    ("다만 도중에 가치의 절반 가까이(48.99%)가 증발한 적이 있어 칼마는 0.16에 머물렀다.", CAPESIZE, "verified"),  # a fraction glossing its figure
    ("다만 도중에 가치의 절반 가까이(38.99%)가 증발한 적이 있어 칼마는 0.16에 머물렀다.", CAPESIZE, "not verified"),
    # what the round's review found
    ("Alpha of 3.3% came on top of the market component.", AREIT, "not verified"),  # alpha 0.69%; 3.3 is beta times XPJ's CAGR
    ("With beta at 0.62, the market term absorbs 3.33 points of XPJ's 5.37% a year.", AREIT, "verified"),
    ("2022년에 시작된 30.14% 낙폭은 XPJ의 최대 낙폭보다 얕았다.", AREIT, "not verified"),  # the index's maximum names no other fall
    ("둘째 해인 2012년에 30.14% 낙폭을 겪었다.", AREIT, "not verified"),  # "둘째 해": a year
    ("During the bull regime, on 14 March 2022 the curve peaked at 1.864.", AREIT, "not verified"),  # a dated peak still in the opening regime
    ("2016년 12월 19일 하루 동안 전략은 70.1% 올랐다.", AREIT, "not verified"),  # an anomaly's day told as no anomaly
    ("2020년 3월 23일 하루에만 전략은 30.14% 빠졌다.", AREIT, "not verified"),  # one day's move
    ("30.14% 낙폭 뒤 회복을 노리던 전략은 2021년 5월 마침내 고점을 되찾았다.", AREIT, "verified"),
    ("최대 낙폭 30.14%는 518일 만의 회복을 앞두고 2021년 봄 마지막 고비를 넘겼다.", AREIT, "verified"),
    ("국면별 손실 폭 1위는 고변동성 국면으로, 국면 내 낙폭이 27.86%에 달했다.", AREIT, "verified"),  # a depth, not a return
    ("30.14% 낙폭은 고변동 국면의 고점에서 시작됐다.", AREIT, "not verified"),  # "고변동 국면" names the regime
    ("스프레드 진입 139건은 평균 0.14%를 벌었지만 z점수 손절은 대부분 적중했다.", NAVER_KAKAO, "not verified"),  # 13.04%
    ("EEM 바스켓으로 보유했다면 연평균 1.3%를 벌었을 것이다.", EEM_RSI, "verified"),  # the benchmark held
    ("이동평균선 344일 만에 고점을 되찾았다.", IWM, "not contradicted"),  # a length, no setting
    ("리밸런싱 매수 162건은 적중률 57.41%로 매도 155건보다 높았다.", AREIT, "verified"),
    # two more of ko 2027_74's flags, read after the review
    ("2020년 11월 16일 1.136 정점에서 약세 국면을 거쳐 횡보 국면의 2024년 7월 22일 0.747까지 192주 밀렸고, 2025년 9월 말까지 1,778일째 정점을 되찾지 못해 기록된 최대 낙폭 기간 1,596일을 이미 넘어섰다.", MBONO, "verified"),  # passing the deepest's length: another fall
    ("최대 낙폭은 2020년 11월 16일 정점에서 시작돼 2025년 9월 말까지 1,778일째 정점을 되찾지 못했다.", MBONO, "not verified"),
    ("SPBLPSPT를 연 1.8%포인트 앞섰다(5.98% 대 4.18%).", BVL, "verified"),  # the pair after the verb: the subject's first
    ("SPBLPSPT를 연 1.8%포인트 앞섰다(4.18% 대 5.98%).", BVL, "not verified"),
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS_35)
def test_readings_of_the_thirty_fifth_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)


READINGS_36 = [  # the thirty-sixth round
    # a figure told as a fall, shown to a decimal, that is one of the curve's falls (in the regime told)
    ("In turbulent 2020 the strategy touched -29.25%.", MWG, "verified"),
    ("In the bull regime the strategy touched -29.25%.", MWG, "not verified"),  # that fall bottomed in high volatility
    ("In turbulent 2020 the strategy lost 29.25%.", MWG, "not verified"),  # "lost": a return
    # beta times the index's CAGR, told in points after a beta
    ("A 0.55 beta soaks up 5.03 points of the index's gain.", MWG, "verified"),
    ("A 0.55 beta soaks up 6.03 points of the index's gain.", MWG, "not verified"),
    # a fall's trough told before or after a regime's start
    ("The MWG strategy's first major drawdown, 29.25%, had already touched bottom before turbulent conditions started in 2020.", MWG, "not verified"),
    ("The MWG strategy's first major drawdown, 29.25%, touched bottom after turbulent conditions started in 2020.", MWG, "verified"),
    # the end told as "closed out"
    ("It peaked at 1.43 on 9 June 2025 and closed out 2.24% beneath that mark.", EVA_CAL, "verified"),
    ("It peaked at 1.43 on 9 June 2025 and closed out 3.24% beneath that mark.", EVA_CAL, "not verified"),
    # costs named as brokerage or stamp duty are not the CAGR
    ("Stamp duty and brokerage cost the Malaysian screen around 0.35% annually.", YIELD_SCREEN, "unverifiable"),
    # "가장 깊은 손실폭" compared is the maximum drawdown
    ("DGCX 금 켈트너 북이 겪은 가장 깊은 손실폭은 BCOMGC의 그것보다 작았다.", DGCX_GOLD, "not verified"),
    ("DGCX 금 켈트너 북이 겪은 가장 깊은 손실은 BCOMGC보다 컸다.", DGCX_GOLD, "verified"),
    # ko 2027_76: the very day of a stored anomaly dates the anomaly, not the sentence's figures
    ("39회 매매 중 24회가 수익(61.54%)이었고 손익비는 1.12, 노출 34%였으며, 2021년 4월 12일 유상증자에 따른 가격 조정(기업 행위, 중간)이 기록돼 있다.", MANAGEM, "verified"),
    ("39회 매매 중 24회가 수익(61.54%)이었고 한 번 매매의 평균은 +0.61%였다.", MANAGEM, "verified"),
    ("한 번 매매의 평균은 +0.71%였다.", MANAGEM, "not verified"),
    ("2022년 3월 7일의 최고치 1.345는 끝까지 다시 오지 못했으며, 종료 시점 평가액 1.269는 그보다 5.7% 낮다.", MANAGEM, "verified"),  # the end below the high
    ("MDD 28.2% · 시장 참여 97%, 회전율 7.2배", SUKUK, "verified"),
    ("시장 참여 87%였다.", SUKUK, "not verified"),
    ("주간 평가 496개 가운데 186개가 원금에 못 미쳤고, 더 이른 2016년 7월 4일 1.088에서 시작된 10.26% 조정은 2019년 5월 27일에야 메워졌다.", SUKUK, "verified"),  # a fall's peak date, no part of the period
    ("MXSA보다 연수익률은 0.78%포인트 낮았지만(4.08% 대 4.86%) 샤프는 0.5로 지수의 0.33을 넘겼다.", SAHARA_PAIR, "verified"),
    ("MXSA보다 연수익률은 0.78%포인트 낮았지만(4.86% 대 4.08%) 샤프는 0.5로 지수의 0.33을 넘겼다.", SAHARA_PAIR, "not verified"),
    ("◆ 매매: 손익비 1.58, 노출 99%, 회전 7.1", EGX_MOMENTUM, "verified"),
    ("◆ 매매: 손익비 1.58, 노출 99%, 회전 8.1", EGX_MOMENTUM, "not verified"),
    ("[MDD] 36.09% [연환산] 1.57% [노출] 55% [누적] 15.04%", QAMC, "verified"),  # labels in brackets
    ("[MDD] 36.09% [연환산] 2.57% [노출] 55% [누적] 15.04%", QAMC, "not verified"),
    # what the round's review found: false sentences the new readings verified
    ("The bear regime ended with the strategy down 28.04%.", POSCO, "not verified"),  # a regime's own drawdown is not its return
    ("저변동성 국면 수익률은 -25.98%로 하락했다.", POSCO, "not verified"),
    ("약세 국면은 -28.04% 하락으로 마감했다.", POSCO, "not verified"),
    ("전략은 전체 기간 동안 22.17% 하락으로 끝났다.", POSCO, "not verified"),  # a whole-test result is no fall's depth
    ("KRXSTEEL은 2020년에 34.22% 하락했다.", POSCO, "not verified"),  # the index's fall is not the strategy's
    ("The benchmark sold off, bottoming 34.22% lower in 2020.", POSCO, "not verified"),
    ("KRXSTEEL [MDD] 35.98% [연환산] 2.31%", POSCO, "not verified"),  # the name before the first label owns the line
    ("KRXSTEEL [MDD] 44.18% [연환산] 3.62%", POSCO, "verified"),
    ("With a 1.24 beta, the strategy trailed the index by 4.49 points a year.", POSCO, "not verified"),  # points near a beta that are another gap
    ("The strategy's beta of 1.24 meant its alpha was 4.49 points.", POSCO, "not verified"),
    ("A 1.24 beta costs the strategy 4.49 points a year.", POSCO, "not verified"),  # the market term's sign, told by the verb
    ("A 1.24 beta soaks up 4.49 points of the index's gain, leaving alpha at -2.18%.", POSCO, "verified"),
    ("With a beta of -0.31, the market term adds 1.83 points a year to returns.", HYNIX, "not verified"),
    ("A 0.45 beta adds 1.41 points a year from the index.", AMORE, "not verified"),
    ("2022년 9월 5일 기준 누적 수익률은 30.01%였다.", POSCO, "not verified"),  # an anomaly's day not told as one still dates the figure
    ("회전 3", POSCO, "not verified"),  # a turnover at a line's end needs its decimals
    ("After the 25.69% slide of 2014, the next drawdown bottomed in the bull regime.", POSCO, "verified"),  # "the next": not the fall stated before
    ("변동성은 18.3%(연 18.3%)였다.", POSCO, "verified"),
    ("The strategy's brokerage account ended the test up 30.01%.", POSCO, "verified"),
    # after the review: "->" between a KPI line's items; "N%만 맞아" is a hit rate
    ("Airline spread: CAGR 3.52% -> MSCI AC Asia ex Japan (MXASJ) 5.92% -> shortfall 2.40 pts -> index sensitivity -0.18 -> alpha 4.59%.", EVA_CAL, "verified"),
    ("Airline spread: CAGR 3.52% -> MSCI AC Asia ex Japan (MXASJ) 6.92% -> shortfall 2.40 pts.", EVA_CAL, "not verified"),
    ("ATR 추적 손절 51건은 3분의 1(33.33%)만 맞아 평균 손실이 -0.61%에 달했다.", DGCX_GOLD, "verified"),
    ("ATR 추적 손절 51건은 43.33%만 맞아 평균 손실이 -0.61%에 달했다.", DGCX_GOLD, "not verified"),
    # a running figure told at a day that is not the test's end goes to review (a TRUE one was blocked)
    ("On 5 September 2022 the strategy's cumulative return stood at 35.5%.", POSCO, "unverifiable"),
    ("On 30 June 2025 the strategy's cumulative return stood at 30.01%.", POSCO, "verified"),  # the test's last day
    ("On 30 June 2025 the strategy's cumulative return stood at 45.5%.", POSCO, "contradicted"),
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS_36)
def test_readings_of_the_thirty_sixth_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)

"""Readings of the thirtieth round (ko 2027_58 and 2027_60 read): items of a list and their
bullets, a weekday or the last day of a year in a date, the deepest fall placed after its figure,
a regime that places a level, a signal whose role Korean names last, and falls told by their verb."""

from __future__ import annotations

import pytest

from guardrails.factsheet import FactSheet
from tests.guardrails.test_factcheck_review import assert_verdict, sheet

CDX = sheet("credit-cdxhy-ema")  # CAGR 2.39%, drawdown 15.97% from a low-volatility peak; regimes bear +6% (Sharpe 1.34, the best) ... trending -1%
WSP = sheet("eq-ca-wsp-supertrend")  # 13.85% a year against TTIN's 9.1%; the week of 2020-03-16 -11.45%
SAP = sheet("eq-de-sap-donchian")  # TDXP 8.4% a year; exit_channel_touch 44 signals, 19 hits; regimes bull Sharpe 1.08 (best), sideways -0.92 (worst)
KINGSPAN = sheet("eq-ie-kingspan-bollinger")  # alpha 3.43% against a 3.35% CAGR; volatility 13.4%; deepest fall 28.06% from a low-volatility peak
NIKE = sheet("eq-us-nke-stoch")  # peak 2021-07-19 (2.001), 50.59% down to 2025-04-28 (0.989); overbought_exit 52 signals, 32 hits; settings 20/80
GBPCAD = sheet("fx-gbpcad-fwd-carry")  # an open 7.16% fall from the 2024-07-29 peak to 2025-01-06; no benchmark
THYAO = sheet("eq-tr-thyao-macd")  # total return 321.56%, CAGR 16.38% against XU100's 31.40%; deepest fall 48.06% from 2019-08-12
KOMB = sheet("eq-cz-komb-monet-pairs")  # signals spread_entry (71, 56.34%, +0.08%), z_stop (14, 21.43%, -1.85%); an open 19.68% fall from 2021-05-03, 12.0% below at the end
RICHTER = sheet("eq-hu-richter-voltarget")  # volatility 13.5%, target 20%; an open fall from the 2025-06-02 peak, 5.64% below at the end
ALGO = sheet("crypto-algo-rsi")  # rsi_recovery_exit hit rate 60.34%
INSURERS = sheet("eq-us-insurers-roe-value")  # alpha 4.02%, lead over KIE 1.70 points; falls of 518 days from the 2020-02-10 peak and 441 from 2022-03-28; rebalance_buy 96 (57 won), rebalance_sell 93 (49)
TOTVS = sheet("eq-br-totvs-bollinger")  # alpha 9.50%, lead over SMLL 9.33 points
TEZOS = sheet("crypto-xtz-donchian")  # alpha -21.01% against a gap of -17.31 points; the 62.72% drawdown recovered in 2020
EURRON = sheet("fx-eurron-keltner")  # falls of 6.19% from 2014-06-23 and 5.07% from 2018-05-28; an open 5.00% fall from 2025-02-10, 3.39% below at the end

READINGS = [  # (text, facts, verdict); "not X": any verdict but X
    # a KPI line's items, between bullets, arrows or numbered marks, each with its own metric
    ("전략 요약｜연 복리 2.39%｜기간 수익률 26.69%｜최대 손실 -15.97%｜변동성(연율) 6.2%｜샤프지수 0.41", CDX, "verified"),
    ("전략 요약｜연 복리 2.93%｜기간 수익률 26.69%｜최대 손실 -15.97%｜변동성(연율) 6.2%｜샤프지수 0.41", CDX, "not verified"),
    ("킹스팬 볼린저 역추세 ◇ 누적 29.07% ◇ 연 3.35% ◇ 연간 변동폭 13.4% ◇ 샤프지수 0.31", KINGSPAN, "verified"),
    ("킹스팬 볼린저 역추세 ◇ 누적 29.07% ◇ 연 3.35% ◇ 연간 변동폭 14.3% ◇ 샤프지수 0.31", KINGSPAN, "not verified"),
    ("시기별로 보면 ① 약세(2015.6.29~2016.2.29) +6%, 샤프 1.34로 가장 높음 ② 저변동성 -3% ⑤ 추세 -1%입니다.", CDX, "verified"),
    ("시기별로 보면 ① 약세(2015.6.29~2016.2.29) +6% ② 저변동성 -3%, 샤프 1.34로 가장 높음 ⑤ 추세 -1%입니다.", CDX, "not verified"),
    ("국면 정리: 강세 +24%, 샤프 1.08로 최고 ▸ 횡보 -18%, 샤프 -0.92로 최저입니다.", SAP, "verified"),
    ("국면 정리: 강세 +24%로 최고 ▸ 횡보 -18%로 최고입니다.", SAP, "not verified"),  # each item ranks its own regime
    ("%K 14일과 %D 3일로 20 아래서 사고 80 위에서 파는 매수 전용 → 연복리 0.88% → 샤프 0.13", NIKE, "verified"),
    ("비교 지수는 없습니다 ⟩ 변동성 5.0%", GBPCAD, "verified"),
    # dates: a weekday in brackets, the last day of a year
    ("20년 3월 23일(월) 주간에 곡선은 1.23% 밀렸습니다.", CDX, "verified"),
    ("20년 3월 23일(월) 주간에 곡선은 2.23% 밀렸습니다.", CDX, "not verified"),
    ("2020년 3월 16일(월)부터의 한 주 동안 곡선이 11.45% 빠졌다.", WSP, "verified"),
    ("고변동성(2019년 마지막 날부터 2021년 8월 말까지) +35%로 수익 최고였습니다.", NIKE, "verified"),
    ("고변동성(2018년 마지막 날부터 2021년 8월 말까지) +35%로 수익 최고였습니다.", NIKE, "not verified"),
    # whose figure: the deepest fall placed in a regime after it, a regime that places a level, its own two figures
    ("최악의 하락 15.97%는 저변동성 국면이던 2017년 11월 27일 주의 1.107에서 시작했다.", CDX, "verified"),
    ("28.06%의 최대 낙폭은 저변동성 국면 끝자락인 '19년 6월 17일 주간 1.177이 출발점이었다.", KINGSPAN, "verified"),
    ("28.06%의 최대 낙폭은 고변동성 국면 끝자락인 '19년 6월 17일 주간 1.177이 출발점이었다.", KINGSPAN, "not verified"),  # its peak was in the low-volatility regime
    ("곡선은 2021년 7월 19일 주 2.001이 정점이었고, 거기서 25년 4월 28일(월) 주간, 횡보 국면의 0.989까지 50.59% 떨어졌다.", NIKE, "verified"),
    ("곡선은 2021년 7월 19일 주 2.001이 정점이었고, 거기서 25년 4월 28일(월) 주간, 횡보 국면의 0.989까지 48.59% 떨어졌다.", NIKE, "not verified"),
    ("알파 3.43%가 연수익률보다 0.08%p 높았다.", KINGSPAN, "verified"),
    ("알파 3.43%가 연수익률보다 0.18%p 높았다.", KINGSPAN, "not verified"),
    ("알파 3.43%는 연수익률을 밑돌았다.", KINGSPAN, "not verified"),
    ("연 13.85%를 냈고, 연 9.1%의 TTIN을 4.75%p 앞질렀다.", WSP, "verified"),
    ("연 13.85%를 냈고, 연 9.5%의 TTIN을 4.75%p 앞질렀다.", WSP, "not verified"),
    ("원금의 10분의 1을 잃어(연 -0.87%) 연 8.4% 오른 TDXP에 9.27%p 밀렸다.", SAP, "verified"),
    ("최대 손실은 15.97%로 JNK(13.1%)보다 2.87%p 깊었다.", CDX, "verified"),
    ("최대 손실은 15.97%로 JNK(13.1%)보다 2.87%p 얕았다.", CDX, "not verified"),
    ("고변동성 +35%로 수익 최고이자 기간 16%로 최단, 약세 -30%, 횡보 -12%입니다.", NIKE, "verified"),
    # signals named in Korean word order; winners told as the ones that came true
    ("반대 채널 접촉 청산은 44번 중 19번(43.18%)이 적중했다.", SAP, "verified"),
    ("반대 채널 접촉 청산은 44번 중 21번(47.73%)이 적중했다.", SAP, "not verified"),
    ("과매수 청산 52번 가운데 들어맞은 것은 32번이었다.", NIKE, "verified"),
    ("과매수 청산 52번 가운데 들어맞은 것은 35번이었다.", NIKE, "not verified"),
    ("THYAO MACD recap >> total return 321.56% >> annual growth 16.38% >> XU100 annual growth 31.40%", THYAO, "verified"),
    ("THYAO MACD recap >> total return 321.56% >> annual growth 31.40% >> XU100 annual growth 16.38%", THYAO, "not verified"),
    ("spread_entry: 71 signals; 40 winners; 56.34%; mean +0.08% || z_stop: 14 signals; 3 winners; 21.43%; mean -1.85%.", KOMB, "verified"),
    ("spread_entry: 71 signals; 40 winners; 56.34%; mean +0.08% || z_stop: 14 signals; 3 winners; 23.43%; mean -1.85%.", KOMB, "not verified"),
    ("Volatility came in at 13.5%, with positions resized to aim at 20% annualised volatility.", RICHTER, "verified"),
    ("Volatility came in at 15.5%, with positions resized to aim at 20% annualised volatility.", RICHTER, "contradicted"),
    ("Recovery exits on Algorand paid off 60.34% of the time.", ALGO, "verified"),
    ("Recovery exits on Algorand paid off 57.81% of the time.", ALGO, "not verified"),
    ("A 0.62 beta to that index accounts for roughly 13.3% a year of expected return.", ALGO, "unverifiable"),  # a figure the store does not keep
    ("Long-euro positions accounted for about 63% of days with money at risk.", EURRON, "unverifiable"),
    ("알고랜드 RSI 전략은 원금의 40% 넘게 잃은 만큼 샤프 비율도 마이너스로 떨어졌다.", ALGO, "not verified"),  # Sharpe 0.05
    ("알고랜드 RSI 전략은 원금의 40% 넘게 잃었지만 샤프 비율은 플러스였다.", ALGO, "verified"),
    ("RSI 회복 청산 58건 중 이익으로 마감한 것은 37건이었다.", ALGO, "not verified"),  # 35 winners
    ("RSI 회복 청산 58건 중 이익으로 마감한 것은 35건이었다.", ALGO, "verified"),
    ("곡선이 가장 낮게 내려간 지점은 약세 국면에 있었다.", RICHTER, "not verified"),  # the low came on 2019-08-12, in the sideways regime
    ("곡선이 가장 낮게 내려간 지점은 횡보 국면에 있었다.", RICHTER, "verified"),
    ("루마니아 우량주 로테이션은 추세 국면에서 샤프 비율도 가장 높았습니다.", sheet("eq-ro-bluechip-momentum"), "not verified"),  # the bull regime's Sharpe is highest
    # a fall told by its verb, its peak after "from", its end below a peak
    ("곡선 최고치는 2024년 7월 29일 주의 1.161이며, 2025년 1월 6일 주까지 7.16% 내린 뒤 아직 그 선을 넘지 못했다.", GBPCAD, "verified"),
    ("곡선 최고치는 2024년 7월 29일 주의 1.161이며, 2025년 1월 6일 주까지 8.16% 내린 뒤 아직 그 선을 넘지 못했다.", GBPCAD, "not verified"),
    ("2020.1.6 주간 1.551에서 3월 23일 주 1.099로 29.14% 꺾인 급락은 266일 만인 9월 28일 주에 메워졌다.", WSP, "verified"),
    ("2020.1.6 주간 1.551에서 3월 23일 주 1.099로 31.14% 꺾인 급락은 266일 만인 9월 28일 주에 메워졌다.", WSP, "not verified"),
    ("The worst stretch began at the 12 August 2019 high and went 48.06% deep into early May 2021.", THYAO, "verified"),
    ("The worst stretch began at the 12 August 2019 high and went 44.06% deep into early May 2021.", THYAO, "not verified"),
    ("Two earlier dips were shallower, 6.19% from June 2014 and 5.07% from May 2018.", EURRON, "verified"),
    ("Two earlier dips were shallower, 6.19% from June 2015 and 5.07% from May 2018.", EURRON, "not verified"),
    ("A newer 5.00% retreat from the 10 February 2025 record is still open, the book ending 3.39% below it.", EURRON, "verified"),
    ("A newer 5.00% retreat from the 10 February 2025 record is still open, the book ending 4.39% below it.", EURRON, "not verified"),
    ("A shallower 22.06% slide in 2018-19 had needed 875 days, and the book finished September 2025 about 5.6% below its June 2025 record.", RICHTER, "verified"),
    ("A shallower 22.06% slide in 2018-19 had needed 875 days, and the book finished September 2025 about 5.6% below its March 2025 record.", RICHTER, "not verified"),
    ("As of the last September 2025 observation the book is still twelve percent under water, 1,610 days on.", KOMB, "verified"),
    ("As of the last September 2025 observation the book is still fourteen percent under water, 1,610 days on.", KOMB, "not verified"),
    ("The pair has yet to reclaim its early-May 2021 peak: the slide reached 19.68% by mid-January 2025.", KOMB, "verified"),
    ("The pair has yet to reclaim its early-May 2021 peak: the slide reached 17.68% by mid-January 2025.", KOMB, "not verified"),
    # the round's review: each of these was verified or sent to review wrongly before it was mended
    ("Buying the dips earned the book 5.07%.", EURRON, "not verified"),  # 5.07% is a fall's depth, not a gain
    ("After the dip, the book gained 6.19% from June 2014.", EURRON, "not verified"),
    ("The strategy recovered from its dips, rising 5.07% from May 2018.", EURRON, "not verified"),
    ("The 2014 fall, ending 6.19% below the peak in February 2016, was repaired by July 2017.", EURRON, "verified"),  # a fall's bottom, not the test's end
    ("The strategy's volatility was high at 21%.", RICHTER, "contradicted"),  # 13.5%: the words name the metric, not the regime
    ("약세 국면의 27개월 동안 전략은 11% 잃었다.", RICHTER, "verified"),  # the regime's own return, a length between
    ("2021년 8월 고점에서 시작된 낙폭은 28.83%로 최장·최대였다.", RICHTER, "verified"),  # "최장" after a fall's depth is no share of time
    ("최악의 국면은 약세였지만, 2018년 6월 고점에서 시작된 하락은 22.06%로 더 일찍 왔다.", RICHTER, "verified"),  # the worst regime is no maximum drawdown
    ("Long-only positions returned 24.83% over the test.", RICHTER, "verified"),
    ("2018년 12월 17일 주의 값은 앞선 주보다 0.44% 낮았고, 20년 3월 16일 주의 값은 그 전주 대비 0.20% 높았습니다.", EURRON, "verified"),
    ("2018년 12월 17일 주의 값은 앞선 주보다 0.44% 높았다.", EURRON, "not verified"),  # it fell 0.44%
    ("CETOP이 해마다 1.35%씩 잃는 사이 4.26%p를 앞섰고, 샤프는 0.28 대 -0.02, 최대 낙폭은 28.83% 대 41.2%로 두 잣대 모두 지수보다 좋았다.", RICHTER, "verified"),
    ("CETOP이 해마다 1.35%씩 잃는 사이 4.26%p를 앞섰고, 샤프는 -0.02 대 0.28, 최대 낙폭은 28.83% 대 41.2%로 두 잣대 모두 지수보다 좋았다.", RICHTER, "not verified"),
    ("ATR 손절 41번 중 이익을 남긴 건 12번에 불과했고 회당 평균은 -2.12%였다.", sheet("eq-pe-bvn-supertrend"), "verified"),
    ("ATR 손절 41번 중 이익을 남긴 건 15번에 불과했고 회당 평균은 -2.12%였다.", sheet("eq-pe-bvn-supertrend"), "not verified"),  # 12 winners
    # alpha against its lead over the benchmark (the 2027_62 reading; three never-read sets caught one more false claim each)
    ("Alpha on the insurer screen fell short of its 1.70-point yearly margin over KIE.", INSURERS, "not verified"),
    ("Alpha on the insurer screen exceeded its 1.70-point yearly margin over KIE.", INSURERS, "verified"),
    ("Alpha on the insurer screen exceeded its 2.70-point yearly margin over KIE.", INSURERS, "not verified"),
    ("Totvs generated less alpha than its 9.33-point yearly lead over SMLL.", TOTVS, "not verified"),
    ("Totvs generated more alpha than its 9.33-point yearly lead over SMLL.", TOTVS, "verified"),
    ("The stock sleeve compounded 7.18% a year while the small-cap index fell 2.15% annually, and alpha edges past even the 9.33-point lead.", TOTVS, "verified"),
    ("Measured as alpha, the Tezos book's deficit was smaller than its 17.31-point CAGR gap.", TEZOS, "not verified"),
    ("Measured as alpha, the Tezos book's deficit was bigger than its 17.31-point CAGR gap.", TEZOS, "verified"),
    ("Tezos's 62.72% drawdown remains unrecovered.", TEZOS, "not verified"),
    ("At a 1.14 beta that index return implies some 30 points a year.", TEZOS, "not contradicted"),
    ("Rebalance signals. Buys: 96, of which 57 profitable (59.38%), mean +1.23%. Sells: 93, of which 49 profitable (52.69%), mean +0.71%.", INSURERS, "verified"),
    ("Rebalance signals. Buys: 96, of which 57 profitable (59.38%), mean +1.23%. Sells: 93, of which 47 profitable (52.69%), mean +0.71%.", INSURERS, "not verified"),
    ("Getting back to the pre-pandemic high took the insurer screen 441 days.", INSURERS, "not verified"),  # 518 days; 441 was the 2022 fall's
    ("Getting back to the pre-pandemic high took the insurer screen 518 days.", INSURERS, "verified"),
    ("Brokerage and exchange charges trimmed some 0.8% annually from the Totvs book.", TOTVS, "unverifiable"),
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS)
def test_readings_of_the_thirtieth_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)

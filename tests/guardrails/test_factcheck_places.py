"""Readings of the twenty-ninth round (2027_56 and ko 2027_54 read): regimes named by their place
in time or ranked by length, the figures of an aside or a bracket after a name, a signal's winners
told in words, weeks of the curve told from their first day, and falls told by their size, their
end or a part of a regime."""

from __future__ import annotations

import pytest

from guardrails.factsheet import FactSheet
from tests.guardrails.test_factcheck_review import assert_verdict, sheet

GASOIL = sheet("cmd-ice-gasoil-donchian")  # regimes sideways 34%, high volatility 33%, bear 32% of the time
REPSOL = sheet("eq-es-repsol-ema")  # Sharpe 0.24 against SXEP's 0.38; signals ema_cross (37, 37.84%), reversal_exit (36, 36.11%, 0.71%)
BCA = sheet("eq-id-bbca-bollinger")  # alpha 3.66% above its 3.61% CAGR; an open 13.37% fall from the 2024-07-01 peak
LARSEN = sheet("eq-in-larsen-stoch")  # overbought_exit 61 signals, 43 hits; curve never below its start
NORDIC_BANKS = sheet("eq-nordic-banks-value")  # 8.54% a year against SX7P's 4.6%
KGHM = sheet("eq-pl-kghm-supertrend")  # a run of 127 weeks below the start from 2023-01-30
ROCHE = sheet("eq-ch-roche-novartis-pairs")  # sideways -7% (Sharpe -0.64); an open 10.27% fall from 2023-08-28, 5.49% below at the end
GENERALI = sheet("eq-it-generali-willr")  # alpha -4.56%; the deepest fall never regained
TAIWAN = sheet("eq-tw-finholdco-momentum")  # two falls of 532 days; momentum_buy 131 signals, 74 won
CATL = sheet("eq-cn-catl-voltarget")  # ChiNext Sharpe -0.41, drawdown 46.10%; last regime (trending) -5%; deepest fall 31.03% from 2024-10-14, open
EURIBOR = sheet("rates-euribor-feu3-macd")  # exposure 83%
COPPER = sheet("cmd-copper-donchian")  # four regimes of 25% each, the last three years long; exposure 71.6%

READINGS = [  # (text, facts, verdict); "not X": any verdict but X
    # regimes ranked by length or named by their place in time
    ("세 국면 가운데 기간상 가장 길었던 것은 횡보 국면이었다.", GASOIL, "verified"),
    ("가스오일 채널 전략의 세 국면 가운데 기간상 가장 길었던 것은 +120%를 낸 고변동성 국면이었다.", GASOIL, "not verified"),
    ("세 국면이 저마다 기간의 3분의 1 가량씩을 차지합니다.", GASOIL, "verified"),
    ("The last half-year gave back 5%.", CATL, "verified"),
    ("The last half-year gave back 9%.", CATL, "not verified"),
    ("The lone loss, -7% (Sharpe -0.64), belonged to the range-bound phase that began in February 2018.", ROCHE, "verified"),
    ("The lone loss, -7% (Sharpe -0.54), belonged to the range-bound phase that began in February 2018.", ROCHE, "contradicted"),
    # whose figure: an aside after a name, the other side of a comparison, its own two figures
    ("Against the ChiNext index (Sharpe -0.41, drawdown 46.10%) CATL's book was better on both risk measures: Sharpe 0.29 and a worst decline of 31.03%.", CATL, "verified"),
    ("위험조정 성과(샤프 0.33, 지수 -0.02)와 고점 대비 하락(29.15%, 지수 38.6%)에서도 우위였다.", BCA, "verified"),
    ("위험조정 성과(샤프 0.33, 지수 -0.02)와 고점 대비 하락(38.6%, 지수 29.15%)에서도 우위였다.", BCA, "not verified"),
    ("샤프마저 지수의 0.38보다 낮은 0.24였다.", REPSOL, "verified"),
    ("샤프마저 지수의 0.38보다 낮은 0.14였다.", REPSOL, "not verified"),
    ("북유럽 은행 가치 전략은 SX7P가 연 4.6%에 머문 사이 연 8.54%의 복리 수익으로 3.94%p를 앞질렀다.", NORDIC_BANKS, "verified"),
    ("지수가 내렸기에 알파(3.66%)가 연복리보다 오히려 높게 찍혔다.", BCA, "verified"),
    ("알파(3.66%)가 연복리보다 오히려 낮게 찍혔다.", BCA, "not verified"),
    ("A 0.52 beta drags alpha below the annual return, to -4.56%.", GENERALI, "verified"),
    ("A 0.52 beta drags alpha below the annual return, to -3.56%.", GENERALI, "contradicted"),
    ("Roughly 57% of the Euribor book's market exposure was short.", EURIBOR, "unverifiable"),  # a part of the 83%
    ("With beta a negligible 0.04 the alpha of 3.43% tops the CAGR by eight basis points.", sheet("eq-ie-kingspan-bollinger"), "verified"),
    ("With beta a negligible 0.04 the alpha of 3.43% tops the CAGR by eighteen basis points.", sheet("eq-ie-kingspan-bollinger"), "not verified"),
    ("Equity topped out on 19 July 2021, forty-two days before bear conditions replaced high volatility.", sheet("eq-us-nke-stoch"), "verified"),
    ("2020년 3월 중순(16일 주)에 곡선은 4.93% 내렸습니다.", TAIWAN, "verified"),
    ("2020년 3월 중순(16일 주)에 곡선은 3.93% 내렸습니다.", TAIWAN, "not verified"),
    ("윌리엄스 %R 역추세, 14일 창에서 -90 밑이면 매수하고 -20 위면 매도하는 롱 전용 ◆ 소르티노 -0.12", GENERALI, "verified"),  # the thresholds are settings
    # a signal's winners
    ("과매수 청산 61회 중 43회가 적중했습니다.", LARSEN, "verified"),
    ("LT.NS 전략의 과매수 청산 61회 가운데 적중한 것은 46회였습니다.", LARSEN, "not verified"),
    ("반전 청산은 36번 중 13번이 맞아 36.11%, 평균치 0.71%였습니다.", REPSOL, "verified"),
    ("Momentum buys (131 trades) won 74 times, a 56.49% hit rate.", TAIWAN, "verified"),
    ("Momentum buys (131 trades) won 70 times, a 56.49% hit rate.", TAIWAN, "contradicted"),
    ("it multiplied capital 2.64 times across almost eleven years", TAIWAN, "verified"),
    ("it multiplied capital 2.84 times across almost eleven years", TAIWAN, "not verified"),
    # the curve's start, weeks and falls
    ("곡선은 시작값인 1.0을 한 주도 밑돌지 않았습니다.", LARSEN, "verified"),
    ("곡선은 원금을 한 주도 밑돌지 않았습니다.", KGHM, "not verified"),
    ("The book never closed below its starting capital.", KGHM, "not verified"),
    ("2023년 1월 30일 주부터 마지막 주까지는 127주 내내 원금 아래였다.", KGHM, "verified"),
    ("2023년 1월 30일 주부터 마지막 주까지는 120주 내내 원금 아래였다.", KGHM, "not verified"),
    ("인도네시아 은행주 볼린저 모델은 2024년 7월 고점 뒤 13.37% 밀렸으나 기말 전에 그 고점을 다시 넘어섰습니다.", BCA, "not verified"),
    ("인도네시아 은행주 볼린저 모델은 2024년 7월 고점 뒤 13.37% 밀렸고 기말까지 그 고점을 회복하지 못했습니다.", BCA, "verified"),
    ("Since a late-August 2023 top the pair has been under water, down 10.27% at worst and 5.49% short of that mark at end-June 2025.", ROCHE, "verified"),
    ("Oddly, the 28.68% slide that started in May 2022 also lasted exactly 532 days.", TAIWAN, "verified"),
    ("Oddly, the 28.68% slide that started in May 2018 also lasted exactly 532 days.", TAIWAN, "not verified"),
    ("그보다 얕았던 2015~2016년의 14.57% 하락이 오히려 609일로 물속에 더 오래 머물렀다.", LARSEN, "verified"),
    ("2015년의 15.57% 하락은 회복에 609일이 걸렸다.", LARSEN, "not verified"),
    # the review of the twenty-ninth round: each was wrong after the round's first readings
    ("A slide from December 2021, 9.64% at worst, was repaired by March 2022.", CATL, "not verified"),  # that slide was 10.89%
    ("A slide from December 2021, 10.89% at worst, was repaired by March 2022.", CATL, "verified"),
    ("The strategy peaked in July 2022 and ended June 2025 23.23% below that peak.", CATL, "not verified"),  # 23.23% is below the October 2024 peak
    ("2024년 10월 고점 이후 자산의 28.37%가 증발했습니다.", CATL, "not verified"),  # 31.03% from that peak
    ("전략은 2024년 10월 고점 이후 805일 동안 물속에 있었습니다.", CATL, "not verified"),  # 259 days
    ("The strategy was in the market about 25% of the time each year.", COPPER, "not verified"),  # exposure 71.6%
    ("The bear and sideways regimes took about 32% of the time each.", CATL, "verified"),
    ("The last half-year returned 52.17%.", COPPER, "not verified"),  # the last regime lasted three years
    ("최대 낙폭 31.03%는 고변동성 국면에서 멈췄습니다.", CATL, "not verified"),  # it bottomed in the trending regime
    ("최대 낙폭 31.03%는 추세 국면에서 멈췄습니다.", CATL, "verified"),
    ("곡선은 시작값인 1.0을 2021년 8월에 밑돌았습니다.", CATL, "not verified"),  # it never did
    ("The ChiNext index never closed below its starting level.", CATL, "not verified"),
    ("The 31.03% maximum drawdown, which began in July 2022, has not recovered.", CATL, "not verified"),  # it began in October 2024
    ("The 31.03% maximum drawdown, which began in October 2024, has not recovered.", CATL, "verified"),
    ("2021년 12월 고점 이후 10.89% 하락했고, 회복까지 12주(90일)가 걸렸습니다.", CATL, "not verified"),  # 84 days
    ("The bear regime was not the longest.", CATL, "not verified"),
    ("Sideways was the second longest regime.", CATL, "not contradicted"),
    ("The bear regime was the longest and the bull regime the shortest.", COPPER, "not verified"),  # all four took 25%
    ("By the October 2024 peak it had multiplied capital 1.17 times.", CATL, "not verified"),
    ("횡보 국면 후반, 전략은 16.66% 상승했습니다.", CATL, "not verified"),  # 16.66% is the whole test's
    ("백테스트 기간 내내 원금 아래에서 마감한 주는 모두 27주였습니다.", COPPER, "not verified"),  # 34 weeks in all
    ("가장 깊은 하락폭(31.03%, 지수 46.1%로 14.34%p 차)에서도 앞섰다.", CATL, "not verified"),  # the drawdown gap is 15.07
    ("가장 깊은 하락폭(31.03%, 지수 46.1%로 15.07%p 차)에서도 앞섰다.", CATL, "verified"),
    ("The strategy outran the index (strategy 3.94% a year, index -10.4%).", CATL, "verified"),
    ("Alpha of 1.65% sat below the annual return, at 3.94%.", CATL, "verified"),
]


@pytest.mark.parametrize(("text", "facts", "expected"), READINGS)
def test_readings_of_the_twenty_ninth_round(text: str, facts: FactSheet, expected: str) -> None:
    assert_verdict(text, facts, expected)

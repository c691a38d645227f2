"""The fact checker on Korean text (issue 20): Korean metric names, particles, number forms and
comparatives read as English ones are, except that a Korean mismatch goes to a reviewer
(`unverifiable`, the stored value in its note) instead of blocking: on a set written blind, 5-6
of 30 true Korean sentences were misread as contradicted (docs/factcheck.md). The sentences
below were written while building it (a development set)."""

from __future__ import annotations

from datetime import date

import pytest

from guardrails.factcheck import check
from guardrails.factsheet import Drawdown
from tests.support.factcheck_sets import ScoredSets
from tests.guardrails.test_factcheck import FACTS  # CAGR 8.2%, Sharpe 0.62, win rate 54%, 312 trades, MDD 19.8% over 143 days; benchmark CAGR 11.4%, Sharpe 0.74


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("샤프 비율은 0.62입니다.", "verified"),
        ("벤치마크 샤프 지수는 0.74입니다. 연평균 수익률은 8.2%였습니다.", "verified"),  # a Korean sentence is its own: the benchmark is not carried into it
        ("강세장에서 전략은 31% 상승했습니다. 승률은 54%입니다.", "verified"),
        ("샤프 비율은 3.5입니다.", "contradicted"),
        ("샤프 지수는 0.62로 벤치마크의 0.74보다 낮았습니다.", "verified"),
        ("연평균 수익률은 8.2%였습니다.", "verified"),
        ("연평균 수익률은 25%였습니다.", "contradicted"),
        ("샤프 지수 3.5, 연 수익률 25%로 벤치마크를 상회했습니다.", "contradicted"),
        ("연 수익률 8.2%로 벤치마크의 11.4%를 하회했습니다.", "verified"),
        ("전략은 벤치마크를 상회했습니다.", "contradicted"),
        ("전략은 벤치마크를 밑돌았습니다.", "verified"),
        ("벤치마크 대비 약 3.2%p 뒤처졌습니다.", "verified"),
        ("누적 수익률은 48.2%입니다.", "verified"),
        ("최대 낙폭은 19.8%였고 회복까지 143일이 걸렸습니다.", "verified"),
        ("최대 낙폭(MDD)은 25.4%였습니다.", "unverifiable"),  # the benchmark's figure, whose is not said
        ("MDD는 30%에 달했습니다.", "contradicted"),
        ("승률은 54%이며 총 312회 거래했습니다.", "verified"),
        ("거래 횟수는 200회였습니다.", "contradicted"),
        ("승률은 45%에 그쳤습니다.", "contradicted"),
        ("손익비는 1.31입니다.", "verified"),
        ("연환산 변동성은 14.1%였습니다.", "verified"),
        ("베타는 0.82, 알파는 -1.3%입니다.", "verified"),
        ("강세장에서 전략은 31% 상승했습니다.", "verified"),
        ("약세장에서 12% 손실을 기록했습니다.", "verified"),
        ("약세장에서 5% 상승했습니다.", "contradicted"),
        ("강세장이 가장 좋은 구간이었습니다.", "verified"),
        ("약세장이 가장 좋은 구간이었습니다.", "contradicted"),
        ("전략의 성과가 훌륭했습니다.", "unverifiable"),  # no claim to check
        ("수수료와 슬리피지는 연 0.3%였습니다.", "unverifiable"),  # the store has no figure for them
        ("수익률은 8.2퍼센트였습니다.", "unverifiable"),  # a yearly or a total return: the text does not say
        ("1억 원은 1억 4,800만 원 남짓이 됐습니다.", "verified"),  # total return 48.2%
        ("1억 원은 약 1억 5,000만 원이 됐습니다.", "verified"),  # "about", to the 1,000만 written
        ("1억 원은 2억 원이 됐습니다.", "unverifiable"),  # it may start from another amount or date: review
        ("네 국면 중 절반이 손실이었습니다.", "verified"),  # bear and high volatility lost
        ("네 국면 중 세 곳에서 손실을 봤습니다.", "unverifiable"),
        ("샤프 비율 0.62는 벤치마크 0.74의 두 배에 이르렀습니다.", "unverifiable"),  # a multiple no two figures give
        ("자산이 두 배 가까이 불었습니다.", "unverifiable"),  # total return 48.2%
        ("자산이 1.5배 가까이 불었습니다.", "verified"),
        ("최대 낙폭에서 회복하는 데 반년 넘게 걸렸습니다.", "unverifiable"),  # 143 days
        ("최대 낙폭 19.8%는 벤치마크(25.4%)의 절반에도 못 미쳤습니다.", "unverifiable"),  # 0.78 of it: the multiple goes to review
        ("최대 낙폭 19.8%는 벤치마크(25.4%)의 80% 수준이었습니다.", "verified"),
        ("샤프 0.62는 벤치마크 0.74의 3분의 1에 불과했습니다.", "unverifiable"),
        ("국면별 수익률: 강세 +31% / 약세 -12% / 횡보 +1%.", "verified"),  # regime stems before a signed figure
        ("승률 54% · 노출 68% · 회전율 4.2배", "verified"),
        ("총수익률: 48.2%, 연평균: 8.2%, 샤프: 0.62", "verified"),
        ("벤치마크를 사서 묻어 두기만 했어도 연 11.4%였습니다.", "verified"),
        ("연 8.2%로 벤치마크의 11.4%에 못 미쳤고, 곡선의 최고점은 강세장이 끝난 날 찍혔습니다.", "verified"),  # 최고점 is the curve's high, no best regime
    ],
)
def test_korean_sentences_are_read_and_mismatches_go_to_review(text: str, verdict: str) -> None:
    """`verdict` is what the sentence deserves; a deserved `contradicted` comes out `unverifiable`
    with the stored value and "sent to review" in a finding's note."""
    result = check(text, FACTS)
    if verdict == "contradicted":
        assert result.verdict == "unverifiable" and any("sent to review" in f.note for f in result.findings), result.model_dump_json(indent=1)
    else:
        assert result.verdict == verdict, result.model_dump_json(indent=1)


CURVE = FACTS.model_copy(update={
    "levels": {"high": 1.1345, "low": 0.8997, "end": 1.05},
    "drawdowns": [Drawdown(depth=-0.4977, days=1498, peak=date(2021, 5, 24), trough=date(2023, 8, 28))],
})


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("곡선의 꼭짓점은 2022년 2월 초(원금의 113.5%)였다.", "verified"),  # the curve's level against its start, not a return
        ("이때 곡선은 원금의 약 90%로 출발점보다 낮아졌다.", "verified"),
        ("곡선은 원금의 120%까지 올랐다.", "unverifiable"),  # no stored point gives it: review, never blocked
        ("The book ended at 105% of its starting capital.", "verified"),
        ("곡선의 꼭대기는 2021년 5월 하순이었다. 거기서 23년 8월 말까지 49.8% 빠졌다.", "verified"),  # a plain verb of a fall, no regime named
        ("강세장에서 49.8% 빠졌다.", "unverifiable"),  # a regime's loss, not the fall: the bull regime made 31%
        ("벤치마크가 연 11.4%를 냈고 돈치안은 연 8.2%에 그쳤다.", "verified"),  # the strategy named by its indicator
        ("곡선은 한때 원금의 약 1.13배까지 불었다.", "verified"),  # a level told as a multiple
        ("원금 1억 원은 한때 9,000만 원 남짓까지 줄었다.", "verified"),  # the trough, told as an amount
        ("원금 1억 원은 한때 7,000만 원까지 줄었다.", "unverifiable"),
        ("누적 48.2%, 연평균 8.2%, 샤프 0.62", "verified"),
        ("총 312건 매매에서 168건이 이익이었다.", "verified"),  # 54% of 312
        ("전략은 연 8.2%로 벤치마크의 연 11.4%에 미치지 못했다.", "verified"),
        ("전략의 연평균 8.2%는 벤치마크보다 저조했습니다.", "verified"),
        ("샤프 0.62(벤치마크 0.74)로 위험 대비 성과는 낮았다.", "verified"),  # the aside names its own figure
        ("The worst drawdown, 49.8%, started at a May 2021 high.", "verified"),
        ("The worst drawdown, 49.8%, started at a March 2019 high.", "unverifiable"),  # the peak's date: review
        ("최대 낙폭 49.8%는 2019년 고점에서 시작됐다.", "unverifiable"),
    ],
)
def test_korean_curve_levels_falls_and_nicknames(text: str, verdict: str) -> None:
    assert check(text, CURVE).verdict == verdict, check(text, CURVE).model_dump_json(indent=1)


# Written blind by helpers: 2027_01 and 2027_02 each measured once, then read and tuned on
# (2026-12-05); 2027_03 and then 2027_04 each measured before and after a round, then read and
# tuned on (second and third rounds, same day). Never read: 2027_05 (written during the third
# round; 17/18 false claims caught, 10/30 true sentences flagged before and after it, and after
# the value match) and 2027_06 (written after it; 17/18 and 16/30 before the value match, 17/18
# and 13/30 after). Dates placed on the timeline (guardrails/dates.py) and more words of loss:
# 2027_05 10 -> 5 flagged, 2027_06 13 -> 8, and 2027_07 (written blind while this was built,
# measured before and after it only) 14 -> 11, recall 14/18 both times; 2027_07 then read and tuned
# on (fifth round). 2027_08, written blind during that round: 15/18 and 13/30 before this session,
# 14/18 and 7/30 with dates, 14/18 and 8/30 after the fifth round; then read and tuned on (sixth
# round). 2027_09, written blind during the sixth round: 15/18 and 14/30 before this session, 14/18
# and 3/30 after the fifth round, 16/18 and 3/30 after the sixth; then read and tuned on (seventh
# round). 2027_10, written blind during the seventh round: 16/18 and 7/30 before this session, 16/18
# and 3/30 after the sixth round and after the seventh; then read and tuned on (eighth round).
# 2027_11, written blind during the eighth round: 17/18 and 18/30 before this session, 17/18 and
# 8/30 after the seventh round and after the eighth.
KO_TUNED = ScoredSets(f"ko_heldout_2027_{n:02d}" for n in (1, 2, 3, 4, 7, 8, 9, 10, 12, 14, 16, 17, 18, 20, 22, 24, 26, 28, 29, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 63, 64, 66, 68, 70, 72, 74, 76))
# Ninth and tenth rounds: 2027_12, 2027_14 and 2027_16 written blind, measured, then read and tuned
# on; 2027_13 and 2027_15, written blind by the same brief during the ninth round, never read:
# 14/18, 13/30 and 17/18, 10/30 at the start of the session (13e649f), 16/18, 7/30 and 17/18, 4/30
# at its end. Twelfth round (2026-12-06): 2027_18 written blind, measured (16/18, 6/30 at 940fc64),
# then read and tuned on; 2027_19, written blind by the same brief beside it, never read: 16/18,
# 4/30 at 940fc64, 16/18, 3/30 after the round. Thirteenth round (2026-12-06): 2027_20 written
# blind, measured (14/18, 6/30 at 3ea2fe9), then read and tuned on (18/18, 0/30); 2027_21, written
# blind beside it, never read: 15/18, 13/30 at 3ea2fe9, 17/18, 12/30 after the round. Over the
# older never-read sets the round moved 05 4 -> 3 flagged, 13 7 -> 6, and 06 3 -> 4, 19 3 -> 4;
# reading a drawdown's length from Korean words (걸렸다, 되찾기까지) caught one more false claim of
# 2027_21 and let one of 2027_15 through (17 -> 16 caught; measured by turning it off alone).
# Fourteenth round: 2027_22 written blind, measured (16/18, 12/30 at 905da92), then read and tuned on
# (18/18, 3/30); 2027_23, written blind beside it, never read: 15/18, 10/30 on arrival, 16/18, 9/30
# after the round; 2027_21 17/18, 12/30 -> 18/18, 11/30; 06, 15 and 19 4 -> 3 flagged each. One
# reading of the round (a fraction after a figure bounded by the verb, "연 1.8%로 절반에 못 미쳤다")
# let a false claim of 2027_05 through as first built (17 -> 16, found by turning each reading
# off alone, totals only); it now needs the figure right before it, and 2027_05 is back at 17/18.
# Fifteenth round (session 10): 2027_24 written blind, measured (14/18, 11/30 at cb868cd), then read
# and tuned on (18/18, 5/30); 2027_25, written blind beside it, never read: 17/18, 18/30 on arrival,
# 18/18, 14/30 after the round; 2027_13 16 -> 17 caught, 2027_23 9 -> 8 flagged. Sixteenth round
# (session 11): 2027_26 and 2027_28 written blind, measured (16/18, 11/30 and 17/18, 11/30 at
# 0adc04b), then read and tuned on (18/18, 0/30 each); 2027_27, written blind beside them, never
# read: 16/18, 13/30 at 0adc04b, 16/18, 8/30 on arrival (with three readings built before it from
# 2027_24), 16/18, 4/30 after the round; 2027_25 14 -> 6, 2027_23 8 -> 6 flagged. Seventeenth round
# (same session): 2027_29 and 2027_30 written blind, measured (18/18, 11/30 and 13/18, 7/30 at
# 9138948; 2027_30 15/18, 11/30 at 0adc04b: two of its false claims passed readings of the
# sixteenth round, mended here), then read and tuned on (18/18, 6/30 and 18/18, 5/30); 2027_31,
# written blind beside them, never read: 17/18, 10/30 at 0adc04b, 17/18, 7/30 on arrival and after
# the round; 2027_23 6 -> 5 and 2027_25 7 -> 5 flagged. Eighteenth round (same session): 2027_32
# written blind, measured (16/18, 17/30 at 0adc04b, 17/18, 14/30 at 1736d9d), then read and tuned
# on (18/18, 11/30); 2027_33, written blind beside it, never read: 17/18, 11/30 at 0adc04b, 17/18,
# 7/30 at 1736d9d, 17/18, 6/30 after the round; 2027_31 7 -> 5 flagged. Nineteenth to twenty-first
# rounds (session 12): 2027_34, 36 and 38 written blind, measured on arrival (17/18, 12/30 at
# 7517d1b; 15/18, 12/30 and 16/18, 11/30 at 878bd25 and 92a25ab), then read and tuned on (18/18,
# 0/30, 0/30 and 3/30); 2027_35, 37 and 39, written blind beside them, never read: 18/18, 6/30,
# 17/18, 13/30 and 17/18, 10/30 on arrival, 18/18, 6/30, 17/18, 11/30 and 17/18, 9/30 at the end;
# 06 and 31 now catch every false claim. Twenty-second and twenty-third rounds (session 13): ko 2027_40
# and 42 written blind, measured on arrival (16/18, 18/30 at 25946ea; 15/18, 10/30 at 10be8db), then
# read and tuned on (18/18, 0/30 and 1/30); ko 2027_41 and 43, written blind beside them, never read:
# 14/18, 19/30 and 17/18, 11/30 on arrival, 14/18, 10/30 and 18/18, 7/30 at the end; 15 lost an
# accidental catch (17 -> 16), 19, 27 and 33 gained one each (the deepest fall's peak dated by its depth).
# Twenty-fourth round (session 14): ko 2027_44 written blind, measured on arrival (15/18, 18/30 at
# 8f5868e), then read and tuned on (18/18, 5/30); ko 2027_45, written blind beside it, never read:
# 15/18, 10/30 on arrival, 17/18, 10/30 at the end of the round (a regime beside another regime's
# dates, a denied recovery); 11 now catches every false claim; 31, 33, 35 one flag fewer each, 37
# 11 -> 9, 39 9 -> 6, 41 10 -> 8, 43 7 -> 3 (weeks below the start, signals named in Korean).
# Twenty-fifth round (same session): ko 2027_46 written blind, measured on arrival (16/18, 18/30 at
# 3364b09), then read and tuned on (18/18, 12/30); ko 2027_47, written blind beside it, never read:
# 15/18, 20/30 on arrival, 15/18, 18/30 after the round and its review; ko 45 10 -> 9 flagged.
# Twenty-sixth round (same session): ko 2027_48 written blind, measured on arrival (14/18, 22/30 at
# 8fa1212), then read and tuned on (18/18, 16/30); ko 2027_49, written blind beside it, never read:
# 16/18, 17/30 on arrival (8d82467) and at the end.
# Twenty-seventh round (session 15): ko 2027_50 written blind, measured on arrival (13/18, 19/30 at
# 895eddd), then read and tuned on (17/18, 12/30; its last miss caught in the thirtieth round); ko 2027_51, written blind
# beside it, never read: 18/18, 16/30 on arrival (895eddd), 18/18, 14/30 at the end of the round
# (a dated week's move or level read from the stored curve); 49 16 -> 17 caught (41 14 -> 15 while
# any "1위" ranked by return, which the round's review broke: now only after 수익 or 샤프),
# 39 6 -> 5, 43 3 -> 2, 47 18 -> 17 and 49 17 -> 14 flagged. A listed code ("5110.SR") is no figure: one false
# claim of ko 2027_51 had been caught only by reading its code as one (18 -> 17), and came back
# (18/18) with a single day told standing for its week only (6 days' slack, not 10).
# Twenty-eighth round (session 16): ko 2027_52 written blind, measured on arrival (16/18, 14/30 at
# 959f92a), then read and tuned on (18/18, 3/30); ko 2027_53, written blind beside it, never read:
# 15/18, 17/30 on arrival (959f92a), 15/18, 16/30 at the end of the round; 45 9 -> 8, 49 14 -> 13
# and 51 14 -> 13 flagged.
# Twenty-ninth round (session 17): ko 2027_54 and 56 written blind, measured on arrival (15/18, 17/30
# and 17/18, 20/30 at e6d8ab6), then read and tuned on (18/18, 0/30 and 18/18, 2/30); ko 2027_55,
# written blind beside 54, never read: 15/18, 22/30 on arrival (e6d8ab6), 15/18, 17/30 at the end
# of the round; 13 5 -> 4, 23 4 -> 3, 25 5 -> 4, 39 5 -> 4, 51 13 -> 11 and 53 16 -> 14 flagged.
# Thirtieth round (session 18): ko 2027_58 written blind, measured on arrival (17/18, 23/30 at
# 9b96f1c), then read and tuned on; ko 2027_57, written blind beside it, never read: 17/18, 15/30
# on arrival (9b96f1c). Later in the round ko 2027_60 written blind, measured on arrival (14/18,
# 16/30 at 0861d18), then read and tuned on; ko 2027_59, written blind beside it, never read:
# 14/18, 18/30 on arrival (0861d18). At the end of the round (winners "이익을 남긴 건 N번" added after ko
# 2027_62, a set weighted to false claims, was read: 24/36 caught, 5/18 flagged on arrival at 3c2acd3): ko 2027_57 18/18, 13/30;
# ko 2027_59 14/18, 18/30; 53 15 -> 17 and 55 15 -> 16 caught; 33, 35, 37, 41, 47, 53 and 55 one
# flag fewer each, 49 and 51 two fewer, ko 2027_25 one more (4 -> 5, see below).
# Thirty-first round (session 19): ko 2027_62 (weighted to false claims) read; ko 2027_61, written
# blind over 2027_61's backtests, never read: 16/18, 16/30 on arrival (6b1f050, the same at f444c32).
# Korean signal words and winners "N건이 맞았다" (6b1f050): ko 2027_59 14 -> 15 caught and 18 -> 17
# flagged, 47 and 55 one flag fewer each. ko 2027_62 then read to the end (36/36 caught, 0/18
# flagged; in KO_TUNED): ko 2027_61 16 -> 15, 37 8 -> 7 and 51 9 -> 8 flagged. ko 2027_63, written
# blind over six earlier English sets' backtests, measured on arrival (16/18, 18/30 at 6b1f050),
# then read and tuned on (18/18, 10/30; in KO_TUNED). ko 2027_65, written blind over 2027_63's
# backtests late in the round, never read: 14/18, 17/30 on arrival (821b7ee). ko 2027_64, a second
# set weighted to false claims (over 2027_64's backtests), read: 29/36, 14/18 on arrival (821b7ee),
# 36/36, 14/18 at the end (in KO_TUNED; its last miss, "여섯 국면에서 마이너스를 기록한 건 ... 두 국면에
# 그쳤고", read after the fresh-clone run); ko 2027_53 17 -> 18 caught ("으뜸" and "벌이가 가장 컸" as the best).
# Thirty-second round (session 20): ko 2027_64's flags read (9825bd3): ko 2027_47 15 -> 13, 53 13 -> 12 and
# 59 17 -> 16 flagged. ko 2027_67, written blind over 2027_65's backtests, never read: 18/18, 24/30 on
# arrival (9825bd3). ko 2027_66, written blind over six backtests no Korean set used, read and tuned on:
# 16/18, 19/30 on arrival (9825bd3), 18/18, 15/30 after (in KO_TUNED); nothing moved on a never-read
# Korean set. ko 2027_63's flags read (10 -> 6): ko 2027_53 12 -> 11, 57 13 -> 11 and 59 16 -> 14 flagged.
# ko 2027_69, written blind over 2027_67's backtests, never read: 16/18, 21/30 on arrival (7beae9e).
# ko 2027_68, weighted to false claims (over 2027_66's backtests), read: 27/36, 9/18 on arrival (7beae9e),
# 36/36, 9/18 after (in KO_TUNED); its readings (Korean ranks with 제일/최상위/꼴찌/'모두 1위', a count of
# losing regimes '국면이 다섯 중 셋', a peak placed in a regime) catch one more false claim of each of the
# never-read ko 2027_23 and 59.
# Thirty-third round (session 21): ko 2027_70, written blind over six shipped samples (data/backtests), read
# and tuned on: 17/18, 20/30 on arrival (c7a0b1f), 18/18 after (in KO_TUNED). ko 2027_71, written blind over
# six new backtests of Korean markets (POSCO, shipbuilders, NCsoft, Amorepacific, 3-year KTB futures,
# VKOSPI), never read: 17/18, 18/30 on arrival (c7a0b1f), 17/18, 15/30 at the end; ko 2027_47 12 -> 11,
# 49 11 -> 10, 51 8 -> 7, 65 17 -> 16 flagged.
# Thirty-fourth round (session 22): ko 2027_72, written blind over four shipped samples and two of 2027_68's
# backtests, read and tuned on: 14/18, 19/30 on arrival (e8dc8ac), 18/18, 11/30 after (in KO_TUNED).
# ko 2027_73, written blind over six new backtests of Korean markets (AUD/KRW forwards, Korean banks,
# Alteogen, Poongsan, Hanwha/LIG pairs, Doosan), never read: 18/18, 18/30 on arrival, 18/18, 17/30 at
# the end; ko 2027_39, 41, 45, 57, 61 and 67 one flag fewer, 65 two.
# Thirty-fifth round (session 23): ko 2027_74, written blind over six stored backtests no Korean set had
# used (Swedish breakevens, Dino Polska, CEZ, Grupo Bimbo, a Lima value screen, Mbono futures), read and
# tuned on: 15/18, 19/30 on arrival (7684d25), 18/18, 8/30 after (in KO_TUNED). ko 2027_75, written blind
# over six new backtests of Korean markets (Pan Ocean, EcoPro BM, JPY/KRW, Nongshim, Hanmi Semiconductor,
# a KRX sector rotation), never read: 16/18, 20/30 on arrival, 16/18, 19/30 at the end. Elsewhere ko 2027_55
# and 71 one more catch; 35 and 51 two flags fewer, 25, 37, 39, 45, 53, 59, 65, 67 and 71 one fewer, 57 one
# more ('회전 3.1배' read as turnover took a flag off each of 25, 35, 39 and 45 and added this one; the
# 'z점수 손절' spelling gave 71 a catch and took one from 59, which the signal readings had given it).
# Thirty-sixth round (session 24): ko 2027_76, written blind over six stored backtests no Korean set had
# used (a Saudi sukuk, DGCX gold, Advanced Petrochemical/Sahara pairs, QAMC, an Egyptian rotation,
# Managem), read and tuned on: 17/18, 21/30 on arrival (ec73db4), 18/18, 14/30 after (in KO_TUNED).
# ko 2027_77, written blind over six new backtests of Korean markets (Orion, Young Poong, EUR/KRW with no
# benchmark, Lotte Chemical/Kumho pairs, a KOSDAQ quality screen, Korean Air), never read: 17/18, 23/30
# on arrival, 17/18, 21/30 at the end; ko 2027_65 and 67 one flag fewer. ko 2027_73 lost a catch to the
# first form of the 'one of the curve's falls' reading and got it back after the round's review.
KO_UNTUNED = ScoredSets((f"ko_heldout_2027_{n:02d}" for n in (5, 6, 11, 13, 15, 19, 21, 23, 25, 27, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53, 55, 57, 59, 61, 65, 67, 69, 71, 73, 75, 77)), untuned=True)
KO_FLOORS = {  # caught, flagged
    "ko_heldout_2027_05": (17, 3), "ko_heldout_2027_06": (18, 2), "ko_heldout_2027_11": (18, 3), "ko_heldout_2027_13": (17, 4), "ko_heldout_2027_15": (16, 2), "ko_heldout_2027_19": (17, 3), "ko_heldout_2027_21": (18, 9), "ko_heldout_2027_23": (17, 3), "ko_heldout_2027_25": (18, 4),
    "ko_heldout_2027_27": (17, 3), "ko_heldout_2027_31": (18, 2), "ko_heldout_2027_33": (18, 2), "ko_heldout_2027_35": (18, 2), "ko_heldout_2027_37": (17, 6), "ko_heldout_2027_39": (17, 2), "ko_heldout_2027_41": (14, 6), "ko_heldout_2027_43": (18, 2), "ko_heldout_2027_45": (17, 6),
    "ko_heldout_2027_47": (15, 11), "ko_heldout_2027_49": (17, 10), "ko_heldout_2027_51": (18, 5), "ko_heldout_2027_53": (18, 10), "ko_heldout_2027_55": (17, 15), "ko_heldout_2027_57": (18, 11), "ko_heldout_2027_59": (16, 13), "ko_heldout_2027_61": (16, 14), "ko_heldout_2027_65": (14, 12),
    "ko_heldout_2027_67": (18, 21), "ko_heldout_2027_69": (16, 21), "ko_heldout_2027_71": (18, 14), "ko_heldout_2027_73": (18, 17), "ko_heldout_2027_75": (16, 19), "ko_heldout_2027_77": (17, 21),
}
KO_MISSED_IN = ("ko_heldout_2027_05", "ko_heldout_2027_13", "ko_heldout_2027_15", "ko_heldout_2027_19", "ko_heldout_2027_23", "ko_heldout_2027_27", "ko_heldout_2027_37", "ko_heldout_2027_39", "ko_heldout_2027_41", "ko_heldout_2027_45", "ko_heldout_2027_47", "ko_heldout_2027_49", "ko_heldout_2027_55", "ko_heldout_2027_59", "ko_heldout_2027_61", "ko_heldout_2027_65", "ko_heldout_2027_69", "ko_heldout_2027_75", "ko_heldout_2027_77")
KO_MISSED = pytest.mark.xfail(strict=True, reason="measured, false claims that still come out verified: 1 of ko 2027_05, 1 of ko 2027_13, 2 of ko 2027_15, 1 of ko 2027_19, 1 of ko 2027_23, 1 of ko 2027_27, 1 of ko 2027_37, 1 of ko 2027_39, 4 of ko 2027_41, 1 of ko 2027_45, 3 of ko 2027_47, 1 of ko 2027_49, 1 of ko 2027_55, 2 of ko 2027_59, 2 of ko 2027_61, 4 of ko 2027_65, 2 of ko 2027_69, 2 of ko 2027_75, 1 of ko 2027_77")
# ko 2027_50's "과매도 진입 47건 가운데 수익으로 끝난 것은 29건" (winners 29 of 47; 32 stored): read
# since the thirtieth round ("이익/수익으로 마감한·끝난 것은 N건", ko 2027_60 read), which costs one flag on
# the never-read ko 2027_25 (its floor 4 -> 5, as measured when the reading was dropped before) and
# catches one more false claim of the never-read ko 2027_55 (totals only).


@pytest.mark.parametrize("name", [*KO_TUNED, *KO_UNTUNED])
def test_no_true_korean_sentence_is_blocked_and_no_empty_text_verified(name: str) -> None:
    result = KO_TUNED[name] if name in KO_TUNED else KO_UNTUNED[name]
    assert result.true_contradicted == 0 and result.no_claim_verified == 0, result.row


@pytest.mark.parametrize("name", list(KO_TUNED))
def test_no_false_korean_claim_of_a_tuning_set_passes(name: str) -> None:
    result = KO_TUNED[name]
    assert result.caught == result.contradicted, result.row


@pytest.mark.parametrize("name", list(KO_UNTUNED))
def test_the_korean_sets_written_before_tuning_keep_their_measured_numbers(name: str) -> None:
    result, (caught, flagged) = KO_UNTUNED[name], KO_FLOORS[name]
    assert result.caught >= caught and result.false_alarms <= flagged, result.row
    assert result.unconfirmable_verified == 0, result.row  # a claim the store cannot confirm never passes


@pytest.mark.parametrize("name", [pytest.param(name, marks=[KO_MISSED] if name in KO_MISSED_IN else []) for name in KO_UNTUNED])
def test_every_false_claim_of_the_korean_sets_written_before_tuning_is_caught(name: str) -> None:
    result = KO_UNTUNED[name]
    assert result.caught == result.contradicted, result.row

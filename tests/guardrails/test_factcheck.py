"""The fact checker on labelled sets and on the shapes issue 18 found: no contradicted claim may
pass, a true sentence is never contradicted, and a text with nothing checked is never verified."""

from __future__ import annotations

import pytest

from tests.support.factcheck_sets import DATA, DEV_SET, UNTUNED_SETS, Labelled, ScoredSets, checked, dev_set, sample_set, score
from guardrails.factcheck import FactSheet, check

DEV = dev_set()
TUNING = {"dev": DEV} | {
    path.stem.removeprefix("factcheck_"): sample_set(path)
    for path in sorted(DATA.glob("factcheck_*.yaml"))
    if path.name not in (DEV_SET, *UNTUNED_SETS) and not path.name.startswith("factcheck_ko_")  # Korean: test_factcheck_ko.py
}
ITEMS = [item for items in TUNING.values() for item in items]
# True sentences of the tuning sets still sent to a reviewer (never contradicted), each for the
# reason given beside it (docs/factcheck.md).
STILL_UNVERIFIABLE = (
    # 2027_06: a drawdown as "over half the account vanished".
    "Over half the account vanished",
    # 2027_07: a regime's figure whose regime is named after it by a verb ("38%, while sugar
    # trended"); a drawdown's length in years only.
    "It made money in the 2015 bear market", "From its March 2017 high the sugar book",
    # 2027_11: a regime's loss whose verb is left out ("and the 2011-12 bear phase 8%").
    "Four of the six regimes made money; beyond the 2012-15 trend leg",
    # 2027_12: the benchmark by a description no list holds ("the Bloomberg wheat sub-index"), so
    # "a spread near 8.7 points" is not read as the gap to it.
    "Flipping long or short in CBOT wheat",
    # 2027_12: the benchmark's figure set off by commas after a regime ("...inside the bear regime
    # ...; the benchmark's worst fall, at 6.8%, was shallower"): taken from a regime only when the
    # benchmark stands right at the figure, since a report's garbage prose once named it far off.
    "The maximum drawdown, 11.7%, came quickly",
    # 2027_14 (read in the eighth round): a part of the return named as alpha ("2.88% of return shows up
    # as alpha"); a regime told by a date range alone ("the quiet first half of 2016"); "the worst
    # loss of the ETF itself"; a KPI line "Sharpe 0.32 (EWS: 0.19)" whose colon splits the ticker
    # from its figure.
    "Sized to a 12% volatility target and trading CBOT meal",
    "The weak point is depth", "Singapore strategy Sharpe 0.32",
    # 2027_16 (read in the ninth round): an appositive figure named by the noun after it ("its 4.4% yearly return, 4.17%, is
    # alpha"); "less than the full 12.6%" read as the other side of a comparison.
    "Trading the Implats-Northam spread", "The largest loss straddled two regimes",
    # 2027_18: a profit factor told as "gross winnings came to 1.34 times the gross losing amount";
    # "most of the return is alpha, 7.33% a year" read as the yearly return; a regime's own fall
    # ("counted from the start of the bear regime alone, the fall was 30.8%") after the maximum;
    # a regime named as "the opening trend (2.30)" beside another's "+36% against +21%".
    "Entering the peso on a 55-day channel break", "With the standard 12/26/9 setting of MACD", "The deepest loss started from the mid-May 2021",
    "Exactly half of the regimes closed lower",
    # 2027_20 (read in the tenth round): a signal's "one-month skip" read as a part of the period.
    "Holding the six strongest of thirty PSEi stocks",
    # 2027_21 (written blind, read in the eleventh round, not yet tuned on beyond the general rules):
    # "the latter half of the high-volatility span" read as a figure; a trough "only in early June
    # 2025" with the end depth after it.
    "The drawdown is still open: equity topped out in late February 2022",
    "Equity last stood at a record in early March 2021",
    # 2027_24 (written blind, read in the thirteenth round): "the 4.27% it earned" after "the 4.34%
    # alpha"; "the 37.1% the Dow itself endured" (the index by a name no list holds); a stop signal
    # "it still delivered the better Sharpe" with "it" the coin; a vol target
    # quoted (review, no longer blocked); a second slide dated inside a regime.
    "Shorting or buying bean oil whenever price clears", "The index beat the book on Sharpe as well",
    "The coin's own path was far rougher",
    # 2027_26 (written blind, read in the fourteenth round): "the 2.40% it earned" (a total or a
    # yearly return: review); "a 13.6% worst slide that is under one third of the 44.1% the index
    # lost" (the strategy's figure before the index's).
    "Buying the Muscat index after a three-day RSI", "Against MSX30 the sleeve looks far steadier",
    # 2027_28 (written blind, read in the fifteenth round): a direction in a sentence of several
    # claims; "38% to 37%" (a pair joined by "to"); a regime named after its figures ("worst on
    # both return (-10%) and Sharpe (-1.03) was the 2014-16 bear"); a setting stated as a share
    # ("at least 0.75%") beside "roll yield", a topic the store has no figure for.
    "It also took the risk-adjusted honours", "Apart from the 2022-23 bear, down 17%", "Only the 2014 bull (+7%, Sharpe 1.96)",
    "Holding the front two Kansas City wheat contracts",
    # 2027_32 (written blind, read in the sixteenth round): "the pair's deepest hole" (the strategy
    # named "the pair" only); regimes named by dates to "the end" and a verb left out ("gave back 10%
    # and the bear of 2018-19 8%"); a fall's dates with no figure ("heaviest loss set in from a top
    # in mid-March 2014"); "the Dubai sell-off years" (a regime described by a word of loss).
    "2020, the pandemic year, topped",
    "The Dubai book's heaviest loss set in", "The 2013-14 bull was the best regime on both measures",
    # 2027_36 (written blind, read in the nineteenth round): "Vale's own worst slump" (the strategy
    # named by its instrument's name, which no list holds, after the benchmark's clause).
    "Once risk is priced in the order flips",
    # 2027_40 (written blind, read in the twenty-first round): "the energy fund" (a benchmark by a
    # description no list holds).
    "Sharpe was 0.55 against a near-flat 0.06 for XEG.TO",
    # 2027_42 (written blind, read in the twenty-second round): "the pair's Sharpe" (a pairs book
    # called "the pair", which may as well be an instrument); "the bear ... suffered the deepest loss
    # (-38%)" (a regime's return told with a drawdown's words).
    "On risk the ranking flips: the pair's Sharpe",
    "The 2021-22 bull headed both tables",
    # 2027_44 (written blind, read in the twenty-third round): "IOZ gave up 34.7%" after "the heaviest
    # loss stopped at 26.1%" (a benchmark's drawdown told with a verb of return, in a clause of its own).
    "Smoother too: Sharpe 0.73 against 0.52",
    # 2027_46 (written blind, read in the twenty-fourth round): "Regime ranking for the token" (the
    # traded coin named as "the token" in a test with no benchmark); "its 1.61 Sharpe came second to
    # the 1.64 posted in the low-volatility year" (the first figure is the trending regime's, named
    # in the clause before); "its sharpest regime loss, 22% (Sharpe -0.87), came as the 2015-16 bear
    # played out" (a regime named after its figures); "eats about half of that lead" (a share of a
    # gap). "the loss reached 25.72%" (the deepest fall's depth beside the regime of its trough) reads
    # since the thirty-fourth round.
    "Regime ranking for the token", "A single regime, the 2018-19 bear, ended down", "The screen finished four regimes of six under water",
    "Buying TITAN.NS when a nine-day stochastic",
    # 2027_48 (written blind, read in the twenty-fifth round): "the regression subtracts about
    # two-thirds of a percentage point" (alpha against the CAGR, a gap the store does not keep);
    # "Low: 7 April 2025 (-29.57%)" (a second fall's depth in a KPI line, by its date only); "though its
    # deepest decline, 31.84%" (the pronoun is ISRA's, the subject of the sentence).
    "Zain was traded long and short off MACD crossovers", "Latest drawdown — still open.", "ISRA's Sharpe was higher (0.41 versus 0.24)",
    # 2027_50 (written blind, read in the twenty-sixth round): the fund's or the index's figure after
    # "its" or "the Swedish fund's" (a benchmark by a description no list holds); "at -29.19% once
    # bearish ones had set in" (the deepest fall's depth beside the regime of its trough); "Entries on
    # oversold readings" (a signal named in other words).
    "Both risk yardsticks favour the sleeve", "Volvo's worst episode opened at a 5 February 2018 high", "THD comes out ahead on risk as well",
    "FLJP grew faster but was the rougher ride", "Entries on oversold readings: 47",
    # 2027_52 (written blind, read in the twenty-seventh round): the benchmark by a description no
    # list holds ("the First Trust Global Wind Energy ETF shrank by 1.3% annually") and alpha beside
    # "that falling fund"; a fall's depth or the end below its peak told at a date in another clause
    # ("touched -59.27% only in mid-January 2025", "ending June 2025 just under 5% lower"); a regime
    # named by a word no list holds ("the 2016-18 downturn lost most, 18%"); a regime's figure beside
    # a verb the store has no figure for ("contributed least ... (+2%"); a second fall's depth after
    # "the other"; a regime's loss told as "-38%" inside brackets after its dates.
    "Applied to Ørsted, a trend rule", "Ørsted's slide from its late-December 2020 summit", "The heaviest loss began less than a month into the bear market",
    "Trending conditions from March 2022 led on gain", "Two drawdowns of almost the same size",
    "The deepest fall, 16.14%, started at the 6 January 2020 high", "Every regime made money. The turbulent 2020-22 spell",
    # 2027_54 (written blind, read in the twenty-eighth round): a fall's depth told beside a regime
    # named earlier as a point in time ("nine months before sideways trading turned into the bear,
    # bottomed ... at -47.02%"); "Neither risk lens flatters" (a denied comparison of several
    # figures); "more than doubled it, 127%" (a return set off after another noun's figure); a regime
    # ranked by a phrase no list holds ("converted risk into return best"). The first reads since the
    # thirty-fourth round.
    "Neither risk lens flatters the strategy", "Buying L&T once the 14-day %K", "Losses marked two regimes",
    # 2027_58 (written blind, read in the twenty-ninth round): a benchmark's yearly gain told as
    # "returned 11.20%"; a won share behind "/" (measured and dropped in the twenty-eighth round,
    # read since the thirty-second: never-read 2027_57, 59 and 67 one flag fewer, 33 one more); a regime's figures with "with Sharpe" before the regime
    # named after them; "favour the Irish building-materials name over SXOP: Sharpe 0.31 versus -0.08" (the
    # strategy by a description no list holds); a signal's average set off before the next signal's
    # name; a KPI line of "--" labels; "gave back 10% across twelve years as the TecDAX advanced 8.40%
    # a year" (a total return and the benchmark's CAGR in one clause); "TDXP's 0.49" after a Sortino
    # (the Sharpe named two clauses before); "by mid-February 2025 ... it had lost 43.93%" (a fall's
    # depth told after its date); a regime pair with "1.24 versus 1.04" after "on Sharpe the opening
    # trending stretch"; "above both the 2.39% CAGR and the gap" after the benchmark's figure.
    "NKE was bought each time its stochastic oscillator",
    "On return, trending 2022-25 leads at +72%", "Both risk gauges favour the Irish",
    "SAP Donchian 50/20 -- total", "SAP.DE was bought on a fresh 50-day high", "Despite the loss, SAP's Sharpe stayed",
    "SAP's book has not seen 3 January 2022's level", "On return the placid stretch from April 2022", "Selling protection on the five-year CDX",
    # 2027_60 (written blind, read in the thirtieth round): "the slide reached 19.68%" after "struck
    # while volatility was high" (as the high-volatility regime, the words named the metric of
    # "volatility was high at 21%": the round's review); "a 0.14 Sharpe is below a third of what
    # the CECE achieved, 0.46" after "(CECE: 31.20%);" (the aside's name taken as the subject; not
    # taking it measured and dropped: the aside's own figures lose their owner); "as the CoinDesk 20
    # compounded at 21.40%" (the benchmark by a name no list holds); "against 0.62 for the index"
    # after a Sharpe and a Sortino (which of the two the index's is, the text does not say).
    "Volatility ran at 5.8% and the worst slide in the pair", "Entries on Algorand came when", "Oddly for a 40.7% loss",
    "The pair has yet to reclaim its early-May 2021 peak",
    # 2027_62 (written blind, read late in the thirtieth round): "some 2.3 points more" (a gap the
    # figures beside it do not give); a direction in a sentence of several claims ("Its 0.35 Sharpe
    # sits against -0.05 for the ETF", a regime "in sideways markets" ranked); "PF: 1.18" (the profit factor's short name before a Sortino); the benchmark
    # by its description ("ASX 100 annual return 7.91%", "about half of what the XTO managed");
    # "compounded 7.18% a year ... to 9.50%" (alpha told by "to"). (A signal table whose column order
    # is given in its heading, "(count | winners | hit | avg)", verifies since the thirty-third round:
    # a signed figure in a signal's group is its average; "at a 1.14 beta that index return implies
    # some 30 points a year" since the thirty-sixth, as beta times the index's CAGR.)
    "Every three months the portfolio rebalanced", "Its 0.35 Sharpe sits against -0.05 for the", "The current drawdown is the deepest on",
    "Tezos supplementary KPIs", "Brambles stochastic reversion. (a) Total",
    "A Sharpe of 0.32, about half of what the XTO", "The worst episode opened at the late-July", "Totvs, the Sao Paulo-listed software house,",
    # 2027_64 (written blind, read in the thirty-first round): the index's depth told by a verb after
    # a gap in words ("stopping around eighteen points short of what the commodity index suffered,
    # 61.41%"); another fall regained "by contrast" after the deepest's denial; a signal table in
    # "N fired, M correct, X%, mean" form (reads since the thirty-fourth round); "sixteen basis points
    # in excess of the CAGR" (a gap in words); "a 7.78% annual pace" and "brings alpha down to
    # 2.92%" (a verb of loss that moves a figure, not its sign); "the alpha shortfall narrows to
    # 0.19%" ("shortfall" as a sign measured and dropped: two flags on never-read 2027_17 and 23);
    # "last value 2.98% below the 25 August 2025 peak" (the end told as "last value").
    "Volatility ran at 23.9%, which bought only", "The deepest hole has not closed.",
    "The Naver-Kakao book is a market-neutral", "UCB, the Brussels biopharma name,", "Each month the book holds the two strongest",
    "Remaining gaming-basket figures",
    # 2027_66 (written blind, read in the thirty-second round): the end told as "the June 2025 value"
    # beside another fall's dates; "61 winning trades" after a signal's figures (the strategy's, not
    # the signal's); "2.88% a year of losses" (a loss told after the figure) and "some 1.35 points of
    # that market decline" (beta times the index's loss); "-9% against -4%" between two regimes (the
    # second read as the benchmark's); "+0.63% each" (an average told by "each", read and then dropped
    # after the round's review: it blocked true sentences; verified since the thirty-third round, as
    # a signed figure in a signal's group).
    "Two further drawdowns matter:", "Signal and trading stats: rebalance_buy", "The sleeve takes IAM long whenever",
    # 2027_68 (written blind, read in the thirty-third round): "the deepest episodes were a 34.20% fall
    # ..." (the deepest named for falls other than the maximum, and their recoveries dated); "0.28 of
    # Sharpe to the cobalt book's 0.24" (a pair whose second owner is named after it); "closes the test
    # about 26% beneath that mark" and "the June 2025 value is 18.29% below that peak" (an open second
    # fall's end, told approximately or beside a regime); "barely 53% of the index's 44.93%" (a ratio
    # as a percent); "six-month returns, measured one month back" (a setting's period read as the figures'
    # period) and "about 4.96 points of that is market" (beta times the index's CAGR); "the 2016-18
    # upswing (+96%)" (a regime named by a word no list holds); "keeps its Sharpe above zero at 0.16
    # where SETENERG's sits at -0.09" (a pair split by "where"); "1.57% under the 21 July 2025 high"
    # after "Last value:" (the end told as a KPI item).
    "Just two regimes ended up negative,", "The London Metal Exchange index wins on both risk yardsticks", "A second, longer drawdown is unresolved:",
    "Versus VNFIN, the dip buyer wins", "Each month the rotation keeps the two of six miners",
    "On risk the contest is lopsided:", "More than seven years after the 26 February 2018 high", "Signal stats: sma_cross 19 trades",
    # 2027_70 (written blind, read in the thirty-fourth round): "alpha more than four times that lead"
    # (a multiple of two figures of a KPI line, one named as "that lead"); "the position was on for
    # slightly over a third of trading days" (exposure as a fraction of days); "ranks twelve
    # Lima-listed stocks" (the size of the universe, which the store lists but no reading counts);
    # "Losers: half of the six" (a count of losing regimes as a fraction); "key numbers (per year
    # unless stated): total 31.88%" (a label of the line overriding its heading: reading a bare
    # "total" as total return cost one flag on a never-read set and was dropped).
    "Julius Berger Supertrend, key figures", "Bimbo's A shares are bought once", "Every quarter the screen ranks twelve",
    "No single regime wins on both scores:", "Colbun Donchian, key numbers",
    # 2027_72 (written blind, read in the thirty-fifth round): "Against BCOMGC ...: its Sharpe of 0.58"
    # ("its" after "Against X" is the index's, where "against" usually sets the strategy beside it);
    # "the brief trend of 2016" (a regime named by "trend" alone, which strategy names use too);
    # "mean_reversion 67 / 41 / 61.19% / +0.52% ... (count / winners / hit rate / average)" (a
    # table's legend after its rows); "Trend entries 31 (13 won, 41.94%, mean +0.45%) plus 142 vol
    # rescales" (an aside's figures bound to the signal named after the aside); "the curve closed
    # August 2024 5.69% beneath it, after an 18.99% trough" (the end's distance below a record the
    # sentence sets apart from two other falls).
    "Against BCOMGC the picture is one-sided:", "Measured by gain, the 2019-20 bull tops the table", "mean_reversion 67 / 41 / 61.19%",
    "Trend entries 31 (13 won, 41.94%, mean +0.45%)", "A 20.93% slide from 26 February 2018 to June 2019",
    # 2027_74 (written blind, read in the thirty-sixth round): "a
    # steepest decline of only 5.86% where the strategy lost 10.19%", "a deepest drop of 31.64%
    # beside 44.73% for the index" and "nine points shy of the MSCI gauge's 45.12%" (the second
    # figure of a pair of drawdowns, its metric named only at the first); "the 2022 bear cut the
    # curve by 35.78% to a 12 December 2022 low" (a fall told as a cut); "19 made money (41.30%"
    # (a hit rate in brackets after "made money": reading it so moved one never-read sentence each
    # way, 2027_49 and 2027_73, and was dropped). Since this round a year range written "2015-16"
    # reads as two years (it was read as a 16th month of 2015, so the whole of 2015): with "the clear
    # winner" (no win rate) two sentences of this set ("the flat 2015-16 opening (-3%)", "their worst
    # falls ... (31.44% against 33.12%)") and three older ones verify ("Of five regimes,
    # the 2016 bull", "The 2016-17 bull tops both rankings", "Regimes in the red: three of six."); "CAGR
    # 3.52% -> MSCI AC Asia ex Japan (MXASJ) 5.92% -> ..." verifies since "->" breaks a KPI line's items.
    "The passive index was the better-behaved holding", "Even while losing money, it was less bad than the market", "Lower return, yet a touch better on quality",
    "The high-water mark is still the 2.06 reached", "Of 46 supertrend_flip entries, 19 made money",
)
FACTS = DEV[0].facts  # CAGR 8.2%, Sharpe 0.62, win rate 54%, 312 trades; benchmark CAGR 11.4%


def with_benchmark(symbol: str) -> FactSheet:
    return FACTS.model_copy(update={"benchmark_name": symbol})


@pytest.mark.parametrize("item", ITEMS, ids=[item.text[:60] for item in ITEMS])
def test_labelled_sentence(item: Labelled) -> None:
    """Supported: verified; contradicted or unverifiable: never verified; no claim: unverifiable."""
    result = checked(item)
    expected = {"supported": ("verified",), "contradicted": ("contradicted", "unverifiable")}.get(item.label, ("unverifiable",))
    if item.text.startswith(STILL_UNVERIFIABLE):
        expected = ("unverifiable",)
    assert result.verdict in expected, result.model_dump_json(indent=1)
    if item.no_claim:
        assert [f.kind for f in result.findings] == ["none"]


@pytest.mark.parametrize("name", sorted(TUNING))
def test_tuning_sets_score_as_docs_factcheck_md_says(name: str) -> None:
    result = score(name, TUNING[name])
    still = sum(item.text.startswith(STILL_UNVERIFIABLE) for item in TUNING[name])
    assert (result.caught, result.false_alarms, result.true_contradicted, result.no_claim_verified) == (result.contradicted, still, 0, 0), result.row


@pytest.mark.parametrize("text", ["The strategy did great.", "Results look encouraging but need a longer sample.", ""])
def test_a_text_with_no_claim_is_not_verified(text: str) -> None:
    result = check(text, FACTS)
    assert result.verdict == "unverifiable" and result.unverifiable == 1
    assert result.findings[0].kind == "none" and "no checkable claim" in result.findings[0].note


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("0" * 20_000, "a sentence of 20000 characters"),  # took 105 s before sentences were bounded
        ("The strategy returned " + " ".join(["8.2%"] * 25) + ".", "a sentence of 25 figures"),
    ],
)
def test_a_sentence_past_the_limits_goes_to_review_unread(text: str, note: str) -> None:
    """A table or noise pasted as one sentence is not read figure by figure (the cost grows with
    length times figures); the sentences around it still are."""
    result = check(f"The strategy compounded at 9.2% a year. {text}", FACTS)
    too_long = result.findings[-1]
    assert (result.verdict, result.contradicted, too_long.status, too_long.kind) == ("contradicted", 1, "unverifiable", "none")
    assert note in too_long.note and "split it" in too_long.note


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The strategy returned ninety percent a year.", "contradicted"),
        ("The strategy compounded at eight point two percent a year.", "verified"),
        ("Maximum drawdown was nineteen point eight percent.", "verified"),
        ("The drawdown lasted one hundred and forty-three days.", "verified"),
        ("The strategy executed three hundred and twelve trades.", "verified"),
        ("The strategy executed two hundred trades.", "contradicted"),
        ("The strategy compounded at ９.２％ a year.", "contradicted"),  # full-width digits and percent sign
        ("The average trade returned .21%.", "verified"),  # no leading zero
    ],
)
def test_numbers_in_words_and_other_numerals_are_checked(text: str, verdict: str) -> None:
    assert check(text, FACTS).verdict == verdict


def test_a_strategy_named_after_its_instrument_is_not_the_benchmark() -> None:
    facts = with_benchmark("IWM")
    assert check("The IWM 20/100 crossover compounded at 8.2% a year.", facts).verdict == "verified"
    assert check("The IWM 20/100 crossover compounded at 11.4% a year.", facts).verdict == "contradicted"
    assert check("IWM compounded at 11.4% a year.", facts).verdict == "verified"


def test_a_benchmark_figure_named_by_its_ticker_is_the_benchmarks() -> None:
    facts = with_benchmark("SPY")
    assert check("The strategy compounded at 8.2% a year, short of the 11.4% that SPY delivered.", facts).verdict == "verified"
    assert check("SPY's Sharpe of 0.74 was ahead of the strategy's 0.62.", facts).verdict == "verified"
    assert check("The strategy compounded at 8.2% a year, short of the 9.4% CAGR that SPY delivered.", facts).verdict == "contradicted"
    assert check("The strategy compounded at 8.2% a year, short of the 9.4% that SPY delivered.", facts).verdict == "unverifiable"  # only a verb names it: review


@pytest.mark.parametrize(
    "text",
    [
        "Of its 312 trades, 54% were profitable.",
        "The strategy closed 312 trades, and 54% of them were winners.",
        "Entries need RSI(14) below 30; the Sharpe ratio was 0.62.",
        "Bands sit 2.0 standard deviations around a 20-day mean, and the win rate was 54%.",
        "A 50/200 crossover drives entries; the strategy compounded at 8.2% a year.",
    ],
)
def test_win_rates_as_shares_and_indicator_settings_are_read_right(text: str) -> None:
    result = check(text, with_benchmark("SPY"))
    assert result.verdict == "verified", result.model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Number of trades: 312 - winning trades: 200 - win rate: 54%", "contradicted"),  # 54% of 312 is 168
        ("Number of trades: 312 - winning trades: 168 - win rate: 54%", "verified"),
    ],
)
def test_every_label_of_a_kpi_line_names_its_figure(text: str, verdict: str) -> None:
    """Not only the line's first label: a wrong figure under a later one was passed unread."""
    result = check(text, FACTS)
    assert result.verdict == verdict and len(result.findings) == 3, result.model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The strategy won about one of every two trades.", "verified"),  # "two" is no trade count
        ("The benchmark's 11.4% a year was less than one and a half times the strategy's 8.2%.", "verified"),
        ("The coin compounded at 11.4% a year, ahead of the strategy's 8.2%.", "verified"),  # a crypto benchmark is the coin
        ("The strategy's Sharpe was 0.62, but the coin fell 25.4% at its worst.", "verified"),  # "at its worst" names no owner
        ("The strategy's maximum drawdown, 19.8%, came to about three quarters of the 25.4% the coin endured.", "verified"),  # a fraction, no quarter of a year
        ("Nothing but the bear regime lost money, 12% in all.", "verified"),  # the loss carries to the figure set off after it
    ],
)
def test_ratios_in_words_and_the_coin_as_benchmark(text: str, verdict: str) -> None:
    result = check(text, with_benchmark("BTCUSD"))
    assert result.verdict == verdict, result.model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Positions are scaled toward 35% annualised volatility.", "no checkable claim"),  # after a word of setting: the setting, quoted
        ("Annualised volatility came to 35%.", "target_vol"),  # equal to a setting, told as a result: review, not blocked
    ],
)
def test_a_figure_equal_to_a_strategy_setting_is_not_blocked(text: str, note: str) -> None:
    """The vol target (35%) is no realised volatility (14.1% stored)."""
    result = check(text, FACTS.model_copy(update={"settings": {"target_vol": 0.35}}))
    assert result.verdict == "unverifiable" and note in result.findings[0].note, result.model_dump_json(indent=1)


@pytest.mark.parametrize(
    ("text", "settings", "verdict"),
    [
        ("The drawdown lasted 200 days.", {"lookback": 200}, "contradicted"),  # a setting excuses no length the text names (143 days stored)
        ("Entries wait for a 20-day channel break, 20 days being the setting.", {"channel_days": 20}, "unverifiable"),
        ("SPY's annual return of 11.4% came in well above the CAGR.", {}, "verified"),  # an annual return and a CAGR are one figure: no own comparison
        ("Alpha, 2.1%, ended up below the 8.2% CAGR.", {}, "verified"),  # two of the strategy's own figures
    ],
)
def test_settings_and_own_comparisons_do_not_excuse_or_misplace_a_figure(text: str, settings: dict[str, float], verdict: str) -> None:
    facts = with_benchmark("SPY").model_copy(update={"settings": settings, "strategy": {**FACTS.strategy, "alpha": 0.021}})
    assert check(text, facts).verdict == verdict, check(text, facts).model_dump_json(indent=1)


def test_findings_carry_the_stored_value() -> None:
    result = check("The strategy compounded at 9.2% a year, with a maximum drawdown of 19.8%.", FACTS)
    cagr, drawdown = result.findings
    assert (cagr.metric, cagr.status, cagr.stored, cagr.claimed) == ("cagr", "contradicted", 0.082, 0.092)
    assert "8.20%" in cagr.note
    assert (drawdown.metric, drawdown.status) == ("max_drawdown", "supported")
    assert result.model_dump()["contradicted"] == 1


def test_an_unclear_reading_goes_to_review_not_to_contradicted() -> None:
    """11.4% is the benchmark's CAGR: with the benchmark named in the sentence but not next to the
    figure, the checker cannot tell whose figure it is."""
    result = check("Growth was 11.4% a year, broadly in line with the benchmark.", FACTS)
    assert result.verdict == "unverifiable" and "does not say clearly" in result.findings[0].note


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("It made only 312 trades in eleven years.", "verified"),  # the length of the test is no trade count
        ("The drawdown lasted two years.", "unverifiable"),  # the store keeps its length in days
        ("Fewer than half of its 312 trades made money.", "contradicted"),  # win rate 54%
        ("More than half of its 312 trades made money.", "verified"),
        ("Its 8.2% a year was an edge of roughly 3.2 percentage points below the benchmark.", "verified"),  # a gap, not a level
        ("Its Sharpe of 0.62 was roughly half of the benchmark's.", "verified"),  # a ratio of two figures is no win rate
        ("Annualised, the strategy returned 11.4%.", "contradicted"),  # the lead word makes it the CAGR
        ("The strategy returned 8.2% a year.", "verified"),
        ("Slippage averaged under two basis points per trade.", "unverifiable"),  # no average trade return
    ],
)
def test_shapes_found_by_the_sets_written_before_tuning(text: str, verdict: str) -> None:
    assert check(text, FACTS).verdict == verdict, check(text, FACTS).model_dump_json(indent=1)


def test_benchmark_named_by_its_symbol() -> None:
    facts = with_benchmark("SPY")
    assert check("SPY compounded at 11.4% a year.", facts).verdict == "verified"
    assert check("The strategy beat SPY.", facts).verdict == "contradicted"
    assert check("The strategy was beaten by SPY.", facts).verdict == "verified"


# The sets written blind before tuning (docs/factcheck.md): their sentences are not read and not
# tuned on; each guards the numbers measured at the end of the session that last changed the
# checker. 2027_07 and then 2027_08 were each measured blind, then read and tuned on (2026-12-05,
# second and third rounds); 2027_09, written blind during the third round, was measured before
# and after it: 27/30, 16/42, 9 -> 28/30, 17/42, 8; 2027_10, written blind after that round,
# measured before and after the value match (a figure no word names, equal to one stored figure of
# its owner): 27/30, 15/42, 5 both times; 2027_09 then 28/30, 16/42, 8; 2027_03: 29/30, 6/42, 0.
# Dates placed on the timeline (guardrails/dates.py): 2027_10 15 -> 14 flagged; 2027_11, written
# blind while that was built and measured before and after it only: 17/18, 18/42, 6 -> 17/18, 15/42, 6,
# then read and tuned on (fifth round: claims the store implies). 2027_12, written blind during the
# fifth round: 16/18, 16/42, 7 before this session, 16/18, 16/42, 8 with dates, 16/18, 13/42, 5 after;
# then read and tuned on (sixth round). 2027_13, written blind during the sixth round: 15/18, 12/42,
# 4 before this session, 15/18, 8/42, 1 after the fifth round, 16/18, 7/42, 1 after the sixth; then
# read and tuned on (seventh round). 2027_14, written blind during the seventh round: 18/18, 13/42,
# 7 before this session, 18/18, 11/42, 3 after the sixth round and after the seventh; then read and
# tuned on (eighth round). 2027_15, written blind during the eighth round: 16/18, 10/42, 5 before
# this session, 17/18, 7/42, 3 after the seventh round, 17/18, 6/42, 2 after the eighth.
# Ninth and tenth rounds (2026-12-05): a mismatch with a figure held elsewhere, and a direction in
# a sentence of several claims, go to review (true sentences contradicted: 2027_09 7 -> 0, 2027_10
# 4 -> 1, 2027_15 2 -> 0); 2027_16, 2027_18 and 2027_20 were written blind, measured, then read and
# tuned on; 2027_17 and 2027_19, written blind by the same brief during the ninth round, were never
# read: 18/18, 13/42, 3 and 18/18, 13/42, 2 at the start of the session (13e649f), 18/18, 11/42, 1
# and 18/18, 9/42, 0 at its end. Twelfth round (2026-12-06): 2027_22 written blind, measured (18/18,
# 14/42, 0 at 940fc64), then read and tuned on; 2027_23, written blind by the same brief beside it,
# never read: 17/18, 13/42, 2 at 940fc64 and after the round; 17/18, 11/42, 2 with regimes named by
# their dates (which flagged one more true sentence of 2027_10, 10 -> 11, and one fewer of ko 2027_06);
# a regime's figure compared with another regime's (2.31 against 1.85): 2027_17 11 -> 10.
# Thirteenth round (2026-12-06): 2027_24 written blind, measured (18/18, 9/42, 4 at 3ea2fe9), then
# read and tuned on (6/42, 0); 2027_25, written blind beside it, never read: 15/18, 10/42, 4 at
# 3ea2fe9 and after the round. Fourteenth round (2026-12-06): 2027_26 written blind, measured (18/18,
# 12/42, 2 at 905da92), then read and tuned on (4/42, 0); 2027_27, written blind beside it, never
# read: 18/18, 13/42, 2 on arrival, 18/18, 10/42, 1 after the round; 2027_17 10 -> 9, 2027_19 9 -> 8
# and 2027_25 10 -> 9 flagged. Fifteenth round (2026-12-06, session 10): 2027_28 written blind,
# measured (18/18, 11/42, 0 at cb868cd), then read and tuned on (4/42, 0); 2027_29, written blind
# beside it, never read: 17/18, 9/42, 1 on arrival, 17/18, 7/42, 1 after the round; 2027_03 5 -> 4,
# 2027_17 9 -> 8, 2027_23 11 -> 10 and 2027_25 9 -> 8 flagged. Sixteenth round (2026-12-06, session
# 11): 2027_30 written blind, measured (18/18, 8/42, 0 at 0adc04b, at 0ddb3f2 and with the Korean
# changes before it), then read and tuned on (0/42); 2027_31, written blind beside it, never read:
# 18/18, 9/42, 0 on arrival, 18/18, 7/42, 0 after the round; 2027_15 5 -> 4 and 2027_23 10 -> 9
# flagged, 2 -> 1 blocked. Seventeenth round (same session): 2027_32 written blind, measured (18/18,
# 9/42, 1 at 0adc04b, 8/42, 1 at 2e88be9), then read and tuned on (5/42, 0); 2027_33, written blind
# beside it, never read: 17/18, 8/42, 0 at 0adc04b, 17/18, 5/42, 0 on arrival (9138948) and after
# the round; 2027_15 4 -> 3 and 2027_31 8 -> 7 flagged. Eighteenth round (same session): 2027_34
# written blind, measured (18/18, 11/42, 1 at 1736d9d), then read and tuned on (4/42, 0); 2027_35,
# written blind beside it, never read: 18/18, 10/42, 2 at 0adc04b, 18/18, 9/42, 2 on arrival,
# 18/18, 8/42, 2 after the round; 2027_17 8 -> 7 flagged. Nineteenth to twenty-first rounds
# (session 12): 2027_36, 38 and 40 written blind, measured on arrival (18/18, 10/42, 2 at 7517d1b;
# 18/18, 5/42, 1 at 878bd25; 17/18, 7/42, 1 at 92a25ab), then read and tuned on (1/42, 0 each);
# 2027_37, 39 and 41, written blind beside them, never read: 18/18, 9/42, 2; 18/18, 9/42, 1; 17/18,
# 5/42, 0 on arrival, and 18/18, 8/42, 2; 18/18, 9/42, 1; 17/18, 5/42, 0 at the end. Session 13:
# a figure only a verb names no longer blocks (14 -> 6 blocked over the sixteen sets, recall and
# flags unchanged). Twenty-second and twenty-third rounds: 2027_42 and 44 written blind, measured on
# arrival (17/18, 7/42, 0 at 25946ea; 17/18, 10/42, 4 at 10be8db), then read and tuned on (18/18,
# 3/42 and 2/42, 0); 2027_43 and 45, written blind beside them, never read: 18/18, 10/42, 0 and
# 14/18, 7/42, 0 on arrival and at the end. Twenty-fourth round (session 14): 2027_46 written blind,
# measured on arrival (18/18, 14/42, 0 at 8f5868e), then read and tuned on (18/18, 5/42, 0);
# 2027_47, written blind beside it, never read: 16/18, 9/42, 0 on arrival and at the end of the
# round; 2027_09 28 -> 29 caught, 2027_25 8 -> 7 and 2027_31 6 -> 4 flagged. Twenty-fifth round
# (same session): 2027_48 written blind, measured on arrival (18/18, 10/42, 0 at 96fbfe6), then read
# and tuned on (18/18, 3/42, 0); 2027_49, written blind beside it, never read: 17/18, 15/42, 0 on
# arrival, 17/18, 13/42, 0 after the round. Twenty-sixth round (same session): 2027_50 written blind,
# measured on arrival (17/18, 9/42, 0 at f1704a2), then read and tuned on (18/18, 8/42, 0); 2027_51,
# written blind beside it, never read: 17/18, 14/42, 0 on arrival (5d9dd8d) and at the end; 2027_10
# 11 -> 10, 2027_23 8 -> 7 and 2027_45 7 -> 6 flagged.
# Twenty-seventh round (session 15): 2027_52 written blind, measured on arrival (15/18, 15/42, 3
# blocked at 895eddd), then read and tuned on (18/18, 8/42, 0); 2027_53, written blind beside it,
# never read: 17/18, 11/42, 1 blocked on arrival (895eddd), 17/18, 10/42, 1 at the end of the
# round; 2027_25 15 -> 16, 2027_49 17 -> 18 and 2027_51 17 -> 18 caught, 2027_35 8 -> 7, 2027_49
# 13 -> 12 and 2027_51 14 -> 12 flagged.
# Twenty-eighth round (session 16): 2027_54 written blind, measured on arrival (16/18, 15/42, 0 at
# 10cf9a3), then read and tuned on (18/18, 4/42, 0); 2027_55, written blind beside it, never read:
# 16/18, 11/42, 1 blocked on arrival (945d817) and at the end of the round; 2027_33 17 -> 18
# caught, 2027_27 10 -> 8 and 2027_45 6 -> 5 flagged.
# Twenty-ninth round (session 17): 2027_56 and 2027_58 written blind, measured on arrival (18/18,
# 16/42, 0 at e6d8ab6; 18/18, 20/42, 1), then read and tuned on (18/18, 0/42, 0; 18/18, 11/42, 0);
# 2027_57, written blind beside 2027_56, never read: 17/18, 14/42, 2 blocked on arrival (e6d8ab6)
# and at the end of the round; 2027_03 4 -> 3, 2027_51 12 -> 10, 2027_53 10 -> 9 and 2027_55
# 11 -> 10 flagged, 2027_47 8 -> 9 and 2027_49 12 -> 13 (the review's mend: a fall told with its
# dated peak is that peak's fall, where a true sentence had matched another fall's depth).
# Thirtieth round (session 18): 2027_60 written blind, measured on arrival (18/18, 11/42, 1 blocked
# at a5b5ada), then read and tuned on (18/18, 4/42, 0);
# 2027_59, written blind beside it, never read: 17/18, 12/42, 1 blocked and 1 unconfirmable claim
# verified on arrival (a5b5ada). Later in the round 2027_62 written blind, measured on arrival
# (13/18, 16/42, 3 blocked, 1 text with no claim verified at 86711c6; that text states there is no
# benchmark, relabelled supported), then read and tuned on (18/18, 10/42, 0);
# 2027_61, written blind beside it, never read: 16/18, 16/42, 2 blocked on arrival (86711c6). At
# the end of the round (357b589): 2027_59 18/18, 10/42, 1; 2027_61 16/18, 14/42, 2; 2027_53 17 -> 18
# and 2027_55 16 -> 17 caught (alpha against its lead), 2027_45 5 -> 3, 2027_55 10 -> 9 and 2027_57
# 14 -> 12 flagged. Thirty-first round (2026-12-07, session 19): 2027_63, written blind, never
# read, 13/18, 12/42, 0 and one unconfirmable claim verified on arrival (6b1f050, the same at f444c32).
# 2027_23 17 -> 18 caught ("bottomed in April 2020" read, f444c32); 2027_63 13 -> 14 caught (a
# length told beside the deepest fall's depth is the deepest's, from ko 2027_63). 2027_64, written
# blind beside 2027_63, measured on arrival (17/18, 9/42, 0 at f444c32), then read and tuned on
# (18/18, 7/42; the seven in STILL_UNVERIFIABLE). 2027_65, written blind late in the round, never
# read: 16/18, 14/42, 0 on arrival (821b7ee). Thirty-second round (session 20): 2027_67, written
# blind over six new backtests (Latin America, Canada, Osaka platinum and Nikkei VI futures), never
# read: 15/18, 14/42, 0 on arrival (6414dca). 2027_66, written blind beside it, read and tuned on
# (15/18, 12/42, 1 blocked on arrival at 6414dca; 18/18, 5/42, 0 after): depths compared, a fall's
# trough placed in a regime, "edged out", the end as "the September 2025 close" or "final print ...
# shy of", the open fall at the end however shallow, signal tables ("29 wins / 40.85% / +0.63%
# each" dropped after the review): never-read 2027_25 and 63 one more catch each; 57, 59, 65 and 67
# fewer flags, 33 one more (6 -> 7, a won share after "/").
# Thirty-third round (session 21): 2027_69, written blind over six new backtests (Budapest sunflower seed,
# Swedish breakevens, Pandora, Dino Polska, Icelandic blue chips, CEZ), never read: 17/18, 15/42, 0 on
# arrival (c7a0b1f) and at the end. 2027_68, written blind beside it (Capesize freight, cobalt, Vietcombank,
# Indonesian coal miners, PTT, John Keells), read and tuned on: 17/18, 14/42, 0 on arrival, 18/18, 10/42
# after (the ten in STILL_UNVERIFIABLE); never-read 2027_19, 23, 33, 55, 57, 65 and 67 one or two flags fewer.
# Thirty-fourth round (session 22): 2027_71, written blind over six new backtests (Supramax freight,
# Kaspi/Halyk pairs, Fatima Fertilizer, Bank of Cyprus, a Dhaka value screen, Georgia Capital), never
# read: 17/18, 16/42, 1 blocked on arrival (e8dc8ac), 17/18, 13/42, 1 at the end. 2027_70, written blind
# beside it (Mbono futures, Julius Berger, KCB, Grupo Bimbo, a Lima value screen, Colbun), read and tuned
# on: 15/18, 14/42, 0 on arrival, 18/18, 5/42 after (the five in STILL_UNVERIFIABLE); never-read 2027_10,
# 23, 59, 65 and 67 one or two flags fewer.
# Thirty-fifth round (session 23): 2027_73, written blind over six new backtests (Australian wool,
# Fonterra, a Balkan index rotation, Podravka/Atlantic pairs, Sarantis, NIS), never read: 15/18,
# 13/42, 0 on arrival (7684d25), 15/18, 12/42, 0 at the end. 2027_72, written blind beside it (a Saudi
# sukuk, DGCX gold, Advanced Petrochemical/Sahara pairs, QAMC, an Egyptian rotation, Managem), read and
# tuned on: 16/18, 13/42, 0 on arrival, 18/18, 5/42 after (the five in STILL_UNVERIFIABLE); never-read
# 2027_61 one flag fewer.
# Thirty-sixth round (session 24): 2027_75, written blind over six new backtests (West Fraser/Canfor
# pairs with no benchmark, a Jamaican value screen against a falling index, Massy with a loss and an open
# fall, USD/CRC with no benchmark, an El Salvador bond with a negative beta, Methanex), never read: 18/18,
# 15/42, 1 blocked on arrival (ec73db4), 18/18, 13/42, 1 at the end. 2027_74, written blind beside it (a
# Malaysian yield screen, EVA/China Airlines pairs, TFEX rubber, Thai 10-year bonds, San Miguel, Mobile
# World), read and tuned on: 17/18, 12/42, 0 on arrival, 18/18, 5/42 after (the five in
# STILL_UNVERIFIABLE); never-read 2027_10, 39, 43, 61, 63, 69 and 71 one flag fewer, 2027_45 one more
# catch (a fall's trough told before a regime's start).
UNTUNED = ScoredSets(
    ("heldout_2027_03", "heldout_2027_09", "heldout_2027_10", "heldout_2027_15", "heldout_2027_17", "heldout_2027_19", "heldout_2027_23", "heldout_2027_25", "heldout_2027_27", "heldout_2027_29", "heldout_2027_31", "heldout_2027_33", "heldout_2027_35", "heldout_2027_37", "heldout_2027_39", "heldout_2027_41", "heldout_2027_43", "heldout_2027_45", "heldout_2027_47", "heldout_2027_49", "heldout_2027_51", "heldout_2027_53", "heldout_2027_55", "heldout_2027_57", "heldout_2027_59", "heldout_2027_61", "heldout_2027_63", "heldout_2027_65", "heldout_2027_67", "heldout_2027_69", "heldout_2027_71", "heldout_2027_73", "heldout_2027_75"),
    untuned=True,
)
FLOORS = {  # caught, flagged, contradicted
    "heldout_2027_03": (29, 3, 0), "heldout_2027_09": (29, 10, 0), "heldout_2027_10": (30, 8, 1), "heldout_2027_15": (17, 3, 0), "heldout_2027_17": (18, 7, 1),
    "heldout_2027_19": (18, 6, 0), "heldout_2027_23": (18, 4, 0), "heldout_2027_25": (17, 7, 2), "heldout_2027_27": (18, 8, 0), "heldout_2027_29": (17, 6, 1),
    "heldout_2027_31": (18, 4, 0), "heldout_2027_33": (18, 6, 0), "heldout_2027_35": (18, 7, 0), "heldout_2027_37": (18, 8, 1), "heldout_2027_39": (18, 7, 0),
    "heldout_2027_41": (17, 5, 0), "heldout_2027_43": (18, 9, 0), "heldout_2027_45": (15, 3, 0), "heldout_2027_47": (16, 9, 0), "heldout_2027_49": (18, 13, 0),
    "heldout_2027_51": (18, 10, 0), "heldout_2027_53": (18, 9, 1), "heldout_2027_55": (17, 8, 1), "heldout_2027_57": (17, 10, 2), "heldout_2027_59": (18, 8, 1),
    "heldout_2027_61": (16, 12, 2), "heldout_2027_63": (15, 10, 0), "heldout_2027_65": (16, 9, 0), "heldout_2027_67": (15, 10, 0), "heldout_2027_69": (17, 14, 0),
    "heldout_2027_71": (17, 12, 1), "heldout_2027_73": (15, 12, 0), "heldout_2027_75": (18, 13, 1),
}
# Claims the store cannot confirm (label `unverifiable`) that still come out verified, measured
# (session 13): a ceiling, so that no reading lets more through unnoticed.
UNCONFIRMABLE_VERIFIED = {"heldout_2027_17": 1, "heldout_2027_27": 1, "heldout_2027_41": 1, "heldout_2027_45": 1, "heldout_2027_59": 1, "heldout_2027_63": 1}
STILL_CONTRADICTED = ("heldout_2027_10", "heldout_2027_17", "heldout_2027_25", "heldout_2027_29", "heldout_2027_37", "heldout_2027_53", "heldout_2027_55", "heldout_2027_57", "heldout_2027_59", "heldout_2027_61", "heldout_2027_71", "heldout_2027_75")


@pytest.mark.parametrize("name", sorted(UNTUNED))
def test_the_sets_written_before_tuning_keep_their_measured_numbers(name: str) -> None:
    result, (caught, flagged, contradicted) = UNTUNED[name], FLOORS[name]
    assert result.caught >= caught and result.false_alarms <= flagged and result.true_contradicted <= contradicted, result.row
    assert result.no_claim_verified == 0, result.row
    assert result.unconfirmable_verified <= UNCONFIRMABLE_VERIFIED.get(name, 0), result.row


MISSED_IN = ("heldout_2027_03", "heldout_2027_09", "heldout_2027_15", "heldout_2027_25", "heldout_2027_29", "heldout_2027_41", "heldout_2027_45", "heldout_2027_47", "heldout_2027_55", "heldout_2027_57", "heldout_2027_61", "heldout_2027_63", "heldout_2027_65", "heldout_2027_67", "heldout_2027_69", "heldout_2027_71", "heldout_2027_73")
MISSED = pytest.mark.xfail(strict=True, reason="measured, false claims that still come out verified: 1 of 2027_03, 1 of 2027_09, 1 of 2027_15, 1 of 2027_25, 1 of 2027_29, 1 of 2027_41, 3 of 2027_45, 2 of 2027_47, 1 of 2027_55, 1 of 2027_57, 2 of 2027_61, 3 of 2027_63, 2 of 2027_65, 3 of 2027_67, 1 of 2027_69, 1 of 2027_71, 3 of 2027_73")


@pytest.mark.parametrize("name", [pytest.param(name, marks=[MISSED] if name in MISSED_IN else []) for name in sorted(UNTUNED)])
def test_every_false_claim_of_a_set_written_before_tuning_is_caught(name: str) -> None:
    assert UNTUNED[name].caught == UNTUNED[name].contradicted, UNTUNED[name].row


BLOCKED = pytest.mark.xfail(strict=True, reason="measured: true sentences still come out contradicted: 1 of 2027_10, 1 of 2027_17, 2 of 2027_25, 1 of 2027_29, 1 of 2027_37, 1 of 2027_53, 1 of 2027_55, 2 of 2027_57, 1 of 2027_59, 2 of 2027_61, 1 of 2027_71, 1 of 2027_75")


@pytest.mark.parametrize("name", [pytest.param(name, marks=[BLOCKED] if name in STILL_CONTRADICTED else []) for name in sorted(UNTUNED)])
def test_no_true_sentence_of_a_set_written_before_tuning_is_contradicted(name: str) -> None:
    assert UNTUNED[name].true_contradicted == 0, UNTUNED[name].row


def test_a_mismatch_the_reader_may_have_caused_goes_to_review_and_a_plain_one_blocks() -> None:
    facts = FactSheet(strategy={"cagr": 0.082, "sharpe": 0.61, "sortino": 0.95, "total_return": 0.4}, benchmark_name="SPY", benchmark={"cagr": 0.114, "sharpe": 0.71},
                      regimes={"bull": {"total_return": 0.2}, "bear": {"total_return": -0.05}})
    assert check("The Sharpe ratio was 0.83.", facts).verdict == "contradicted"  # no stored figure is 0.83
    assert check("The Sharpe ratio was 0.95.", facts).verdict == "unverifiable"  # the Sortino: maybe misread
    assert check("Against SPY, the Sharpe ratio was 0.71.", facts).verdict == "unverifiable"  # SPY's, and SPY is named
    assert check("The strategy beat SPY.", facts).verdict == "contradicted"  # one claim, a wrong direction
    assert check("Of the two regimes, bull alone lost money.", facts).verdict == "contradicted"  # one claim, read twice
    finding = next(f for f in check("The strategy beat SPY, with a Sharpe ratio of 0.61.", facts).findings if f.kind == "directional")
    assert finding.status == "unverifiable" and "several claims" in finding.note  # a direction among several claims


def test_a_figure_no_word_names_is_checked_against_its_owners_figures_by_value() -> None:
    facts = FactSheet(strategy={"cagr": 0.082, "max_drawdown": -0.215}, benchmark={"cagr": 0.114, "max_drawdown": -0.317})
    assert check("The book sat 21.5% below its prior peak at the low point.", facts).verdict == "verified"  # its own drawdown, by value
    assert check("The book sat 31.7% below its prior peak at the low point.", facts).verdict == "unverifiable"  # the benchmark's figure: review

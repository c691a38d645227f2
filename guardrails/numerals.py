"""Numbers written in text, in digits or in words, with the unit that follows them.

The fact checker must see every figure a sentence states: "returned ninety percent a year" is
as much a claim as "returned 90% a year", and a figure it does not see passes unchecked. Digits
may be any script's (Python's ``\\d`` and ``float`` accept them), a fraction may have no leading
zero (".5%"), thousands may be grouped ("1,204"). Dates and clock times are not figures. Pure
functions; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from guardrails import korean as ko

Unit = Literal["%", "pp", "bps", "x", "days", "n", "krw"]  # pp: percentage points; x: times; n: a count ("312회"); krw: an amount in won

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*ONES, *TENS, *SCALES], key=len, reverse=True))
_DIGIT_WORD = "|".join(sorted(ONES, key=len, reverse=True))
_SPELLED = (
    rf"(?:{_WORD})(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand))\s+and\s+)(?:{_WORD}))*"
    rf"(?:\s+point(?:\s+(?:{_DIGIT_WORD}))+)?"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_UNIT = (
    r"%p(?![a-z])|%\s?p(?![a-z.])|%\s?포인트|퍼센트\s?포인트|%|％|٪|퍼센트|percent\b|per\s?cent\b|pct\b|percentage[\s-]points?\b|-points?\b|pp\b|ppts?\b|pts?\b|"
    r"bps\b|basis[\s-]points?\b|포인트|x\b|×|times\b|배|(?:trading\s+|calendar\s+)?days?\b|-days?\b|일|회|건|번(?![째지])"
)
# Korean particles and units follow a figure without a space ("0.62입니다", "143일이"): a Hangul
# syllable may touch a figure where a Latin letter or digit may not. "all six" counts things, not a figure,
# nor "the two were dead level" (the two sides compared).
_NOT_HANGUL_WORD = r"[^\W가-힣]"
NUMERAL = re.compile(
    rf"(?<![.,])(?<!{_NOT_HANGUL_WORD})(?P<sign>[-−–+]|minus\s+)?(?:(?P<digits>{_DIGITS})|\b(?<!\ball )(?!(?<=\bthe )(?:two|three)\s+(?:were|are|had|have|each|ran|finished|ended)\b)(?P<words>{_SPELLED})\b)"
    rf"(?:\s*(?P<unit>{_UNIT})|(?!{_NOT_HANGUL_WORD}))",
    re.IGNORECASE,
)
# "half of its trades", "two-thirds of the time": a share stated loosely (decimals -1: within 5
# points); not "the second half of 2020", nor a ratio of two figures ("half of QQQ's 0.81").
FRACTION = re.compile(
    r"(?<!first )(?<!second )(?<![\w-])(?P<words>half|(?:a|one|two)[\s-]thirds?|(?:a|one|three)[\s-]quarters?)"
    r"(?=\s+of\b)(?!\s+of\s+(?:\S+\s+){0,2}?(?:\S+'s\b(?!\s+\d+\s+(?:[\w-]+\s+){0,3}?(?:trades|signals|entries|exits)\b)|[\d.,]+\s*%|\d*\.\d+))(?!\s+of\s+a\s+(?:(?:percentage\s+)?point|year|month|decade))",
    re.IGNORECASE,
)
# "three quarters of a percentage point": a gap, in points.
# "its exposure running at roughly two thirds.": a share that ends its clause.
FRACTION_AT = re.compile(
    r"\bat\s+(?:(?:roughly|about|around|nearly|almost|some|just under|just over)\s+)?(?P<words>half|(?:a|one|two)[\s-]thirds?|(?:a|one|three)[\s-]quarters?)(?=\s*(?:[.,;)]|$))",
    re.IGNORECASE,
)
POINT_FRACTION = re.compile(r"(?<![\w-])(?P<words>half|(?:a|one|two)[\s-]thirds?|(?:a|one|three)[\s-]quarters?)\s+of\s+a\s+(?:percentage\s+)?point\b", re.IGNORECASE)
# "13 of the 22 trades closed at a profit", "one in three positions made money": a share of
# wins, stated as a count of a count (the denominator stays a figure of its own).
SHARE_OF = re.compile(
    rf"(?<![\w.,$€£¥-])(?<!in )(?<!of )(?P<part>\d+|{_SPELLED})(?P<days>\s+(?:trading\s+)?days?)?\s+(?:in|out of|of (?:the|its|their|all)|(?P<bare>of)(?=\s+(?:\d|every\b)))\s+(?:every\s+)?"
    rf"(?=(?P<whole>\d{{1,3}}(?:,\d{{3}})*|{_SPELLED})\b(?!\s*(?:years?|months?|weeks?|days?|quarters?|sessions?|%)))",
    re.IGNORECASE,
)
WON_AMOUNT = re.compile(r"(?<![\d.,])(?:(?P<eok>\d+(?:\.\d+)?)\s?억(?:\s?(?P<man>\d{1,3}(?:,\d{3})+|\d+)\s?만)?|(?P<man_only>\d{1,3}(?:,\d{3})+|\d+)\s?만)\s?원")  # "1억 원", "3억 5,900만 원", "9,055만 원"
TRADES_AFTER = re.compile(r"\b(?:trades|positions|round[- ]trips|bets)\b", re.IGNORECASE)
KO_SHARE, KO_WON = re.compile(ko.SHARE), re.compile(ko.WON)
WON = re.compile(r"\b(?:profit\w*|gains?|winners?|won|wins?|winning|positive|made money|in the black)\b", re.IGNORECASE)
LOST = re.compile(r"\b(?:lost|losers?|losing|loss(?:es)?|in the red)\b", re.IGNORECASE)
FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 200 / 3, "quarter": 25.0, "quarters": 75.0}
# Korean: "절반", "3분의 1" (a third), "4분의 3".
AND_A_HALF_TIMES = re.compile(rf"(?<![\w-])(?P<words>\d+|{_SPELLED})\s+and\s+a\s+half\s+times\b", re.IGNORECASE)  # "two and a half times"
AND_A_HALF_POINTS = re.compile(rf"(?<![\w-])(?P<words>\d+|{_SPELLED})\s+and\s+a\s+half(?=\s+(?:percentage\s+)?points?\b)", re.IGNORECASE)  # "four and a half points short of"
POINTS_GAP = re.compile(r"\s+points?\s+(?:\w+\s+)?(?:deeper|worse|better|higher|lower|more|less|ahead|behind|shy|short|wider|narrower|greater|smaller|past|beyond|milder|shallower|steeper)\b", re.IGNORECASE)  # "ten points deeper than": a gap in percentage points
FACTOR_OF = re.compile(rf"(?<![\w-])a\s+factor\s+of\s+(?P<words>\d+(?:\.\d+)?|{_SPELLED})(?P<half>\s+and\s+a\s+half)?\b", re.IGNORECASE)  # "a factor of two and a half"
KO_TIMES = {word: ko.NUMBER_WORDS[word] for word in ("두", "세", "네", "다섯", "열")}
KO_WORD_MULTIPLE = re.compile(rf"(?<![가-힣])(?P<words>{'|'.join(KO_TIMES)})\s?배(?![가-힣]*(?:당|율))")  # "두 배": a multiple written as a word
KO_WORD_COUNT = re.compile(r"(?<![가-힣])(?P<words>두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?:번|차례)(?![가-힣]*(?:째|지))")  # "이익으로 마감한 건 두 번": a count written as a word
KO_HALF_YEAR = re.compile(r"(?<![가-힣\d])반(?=\s?년)")  # "반년 넘게": half a year, a length
HALF_A_YEAR = re.compile(r"(?<![\w-])half\s+(?:of\s+)?a(?=\s+year\b)", re.IGNORECASE)  # "lasted half a year": a length
A_YEAR_AND_A_HALF = re.compile(r"(?<![\w%-])(?<!% )(?<!percent )a(?=\s+year\s+and\s+a\s+half\b)", re.IGNORECASE)  # "a year and a half": one year, its half read with the unit
KO_FRACTION = re.compile(r"(?P<words>절반|(?:[2-9]|10)\s?분의\s?[1-9](?!\d))")  # "SPY의 절반": a ratio of two figures
# Dates and clock times, and Korean dates ("2022년", "3월", "3월 1일"; a day count alone, "30일",
# is a figure); a bracketed span of two-digit years and months, "고변동성(20.2~22.10)".
KO_RANK = re.compile(r"(?<![\d.,])\d{1,2}(?:\s?[·∙⋅,/~-]\s?\d{1,2})*\s?(?:위|등)(?=[은는이가를을로의과와도에였라다인권),.\s]|$)")  # "샤프 1위는", "국면별 샤프 1등은": a place in a ranking, no figure ("2·3위가 뒤바뀐다": two places)
EXCHANGE_CODE = re.compile(r"(?<![\d.,])\d{3,6}\.[A-Z]{1,2}\b")  # "1615.T", "005930.KS": a listed code and its exchange, no figure
DATE_LIKE = re.compile(r"(?<=\()\d{2}\.(?:1[0-2]|0?[1-9])\s?[~～-]\s?\d{2}\.(?:1[0-2]|0?[1-9])(?=\))|\b(?:19|20)\d{2}\.(?:1[0-2]|0?[1-9])(?![\d.])|(?<=[’'‘])\d{2}\.(?:1[0-2]|0?[1-9])(?!\d)|\b(?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?\b|\b(?:19|20)\d{2}([./])\s?[01]?\d\1\s?[0-3]?\d\b|(?<![\d.,])\d{2}(?=\s?년\s?\d{1,2}(?:\s?[~～-]\s?\d{1,2})?\s?월)|\b\d{1,2}:\d{2}\b|(?<![\d.])(?:(?:19|20)\d{2}(?=\s?년)|\d{1,2}(?=(?:\s?[~～-]\s?\d{1,2})?\s?월))|(?<=월 )\d{1,2}(?=일)|(?<=월)\d{1,2}(?=일)")


@dataclass(frozen=True)
class Numeral:
    """One stated figure: ``value`` as written (90 for "90%"), ``decimals`` it shows."""

    text: str
    start: int
    end: int
    value: float
    decimals: int
    unit: Unit | None
    negative: bool
    share_of: Literal["trades", "days"] | None = None  # "13 of the 22 trades", "one day in three": a win rate, time in the market


def numerals(text: str) -> list[Numeral]:
    """Every figure in ``text``, left to right; years, dates, clock times, listed codes and places in a ranking left out."""
    dates = [match.span() for pattern in (DATE_LIKE, EXCHANGE_CODE, KO_RANK) for match in pattern.finditer(text)]
    found = [_fraction(match, text) for pattern in (FRACTION, FRACTION_AT) for match in pattern.finditer(text)] + [_ko_fraction(match) for match in KO_FRACTION.finditer(text)]
    found += [_point_fraction(match) for match in POINT_FRACTION.finditer(text)]
    found += [_won(match) for match in WON_AMOUNT.finditer(text)]
    found += [_worded(m, whole + 0.5, 1, "x") for m in AND_A_HALF_TIMES.finditer(text) if (whole := _count(m.group("words"))) is not None]
    found += [_worded(m, whole + 0.5, 1, "pp") for m in AND_A_HALF_POINTS.finditer(text) if (whole := _count(m.group("words"))) is not None]
    found += [_worded(m, whole + (0.5 if m.group("half") else 0.0), 1 if m.group("half") else 0, "x") for m in FACTOR_OF.finditer(text) if (whole := _count(m.group("words"))) is not None]
    found += [_worded(m, float(KO_TIMES[m.group("words")]), 0, "x") for m in KO_WORD_MULTIPLE.finditer(text)]
    found += [_worded(m, float(ko.NUMBER_WORDS[m.group("words")]), 0, "n") for m in KO_WORD_COUNT.finditer(text)]
    found += [_worded(m, 0.5, 1, None) for pattern in (KO_HALF_YEAR, HALF_A_YEAR) for m in pattern.finditer(text)]
    found += [_worded(m, 1.0, 0, None) for m in A_YEAR_AND_A_HALF.finditer(text)]
    found += [share for match in SHARE_OF.finditer(text) if (share := _share(text, match))]
    found += [share for match in KO_SHARE.finditer(text) if (share := _ko_share(text, match))]
    for match in NUMERAL.finditer(text):
        if any(start <= match.start("digits") < end for start, end in dates if match.group("digits")):
            continue
        if any(fraction.start <= match.start() < fraction.end for fraction in found):
            continue
        value, decimals = _value(match)
        if value is None:
            continue
        sign = (match.group("sign") or "").strip().lower()
        found.append(Numeral(
            text=match.group(0).strip(), start=match.start(), end=match.end(), value=value, decimals=decimals,
            unit=unit_of(match.group("unit")) or ("pp" if POINTS_GAP.match(text, match.end()) else None), negative=sign in ("-", "−", "–", "minus"),
        ))
    return sorted(found, key=lambda numeral: numeral.start)


def _worded(match: re.Match[str], value: float, decimals: int, unit: Unit | None) -> Numeral:
    """A figure written in words ("두 배", "반년", "two and a half times"), never signed."""
    return Numeral(text=match.group(0), start=match.start(), end=match.end(), value=value, decimals=decimals, unit=unit, negative=False)


def _won(match: re.Match[str]) -> Numeral:
    """"3억 5,900만 원": 359,000,000 won ("9,055만 원": 90,550,000); ``decimals`` is the place of the last non-zero digit
    (-6: to the 100만, as a writer rounds; -8: to the 억)."""
    eok, man = match.group("eok") or "0", match.group("man") or match.group("man_only")
    value = float(eok) * 1e8 + (float(man.replace(",", "")) * 1e4 if man else 0.0)
    man_digits = man.replace(",", "") if man else ""
    decimals = -4 - (len(man_digits) - len(man_digits.rstrip("0"))) if man_digits.strip("0") else -8 + len(eok.partition(".")[2])
    return Numeral(text=match.group(0), start=match.start(), end=match.end(), value=value, decimals=decimals, unit="krw", negative=False)


def _fraction(match: re.Match[str], text: str) -> Numeral:
    """"half of its trades": a share, of the trades won when the sentence says they won ("Half of the
    book's 41 EMA trend trades were winners")."""
    last = re.split(r"[\s-]", match.group("words").lower())[-1]
    trades = TRADES_AFTER.search(text, match.end(), match.end() + 45)
    trades = trades and WON.search(text, trades.end(), trades.end() + 25) and not LOST.search(text, trades.end(), trades.end() + 25)  # "were winners", not "lost money, though the book made a profit"
    return Numeral(text=match.group("words"), start=match.start("words"), end=match.end("words"), value=FRACTIONS[last], decimals=-1, unit="%", negative=False,
                   share_of="trades" if trades else None)


def _point_fraction(match: re.Match[str]) -> Numeral:
    last = re.split(r"[\s-]", match.group("words").lower())[-1]
    return Numeral(text=match.group(0), start=match.start(), end=match.end(), value=FRACTIONS[last] / 100, decimals=1, unit="pp", negative=False)


def _share(text: str, match: re.Match[str]) -> Numeral | None:
    """A count of trades as a share of all, when the sentence says they won, or days in so many
    (time in the market); to the nearest point, or loosely (within 5 points) when in words."""
    part, whole = (_count(match.group(name)) for name in ("part", "whole"))
    if part is None or whole is None or not 0 < part < whole:
        return None
    trades = TRADES_AFTER.search(text, match.end(), match.end() + 45) or (match.group("bare") and TRADES_AFTER.search(text, max(0, match.start() - 60), match.start()))
    if not match.group("days") and not (trades and WON.search(text)):  # "99 of 164": the trades may be named before
        return None
    exact = match.group("part")[0].isdigit() and match.group("whole")[0].isdigit()
    return Numeral(
        text=match.group(0).strip(), start=match.start(), end=match.end(), value=100 * part / whole, decimals=0 if exact else -1, unit="%", negative=False,
        share_of="days" if match.group("days") else "trades",
    )


def _ko_share(text: str, match: re.Match[str]) -> Numeral | None:
    """"64회 거래 중 36회가 수익": the part as a share of the whole, when the sentence says they won,
    at the part's place (the whole stays a count)."""
    part, whole = int(match.group("part")), int(match.group("whole"))
    if not 0 < part < whole or not KO_WON.search(text):
        return None
    start, end = match.span("part")
    return Numeral(text=match.group("part"), start=start, end=end, value=100 * part / whole, decimals=0, unit="%", negative=False, share_of="trades")


def _count(raw: str) -> float | None:
    return float(raw.replace(",", "")) if raw[0].isdigit() else spelled_value(raw.lower())[0]


def _ko_fraction(match: re.Match[str]) -> Numeral:
    words = match.group("words")
    whole, _, part = words.replace(" ", "").partition("분의")
    value = 50.0 if words == "절반" else 100 * int(part) / int(whole)
    return Numeral(text=words, start=match.start(), end=match.end(), value=value, decimals=-1, unit="%", negative=False)


def _value(match: re.Match[str]) -> tuple[float | None, int]:
    if digits := match.group("digits"):
        raw = digits.replace(",", "")
        return float(raw), len(raw.partition(".")[2])
    words = match.group("words").lower()
    if words in ("one", "zero") and not match.group("unit"):
        return None, 0  # "one of the signals", "zero in on": a pronoun or a verb, not a figure
    return spelled_value(words)


def spelled_value(words: str) -> tuple[float | None, int]:
    """``"two hundred and ninety"`` -> (290, 0); ``"eight point two"`` -> (8.2, 1); None when the
    words do not form one number ("five six")."""
    whole, _, fraction = words.partition(" point ")
    total, group, last = 0, 0, None
    for token in (token for token in re.split(r"[\s-]+", whole) if token != "and"):
        if token == "hundred" and 0 < group < 100:
            group *= 100
        elif token == "thousand" and group:
            total, group = total + group * 1000, 0
        elif token in SCALES or not _follows(last, token):
            return None, 0
        else:
            group += ONES.get(token, 0) + TENS.get(token, 0)
        last = token
    decimals = [str(ONES[token]) for token in fraction.split()]
    if any(len(digit) > 1 for digit in decimals):
        return None, 0
    return float(f"{total + group}.{''.join(decimals) or 0}"), len(decimals)


def _follows(last: str | None, token: str) -> bool:
    """Whether ``token`` may follow ``last`` inside one number: "ninety five", not "five six"."""
    if last is None or last in SCALES:
        return True
    return last in TENS and ONES.get(token, 10) < 10


_UNITS: tuple[tuple[Unit, tuple[str, ...]], ...] = (
    ("%", ("%", "％", "٪", "percent", "pct", "퍼센트")),
    ("pp", ("percentagepoint", "percentagepoints", "point", "points", "pp", "ppt", "ppts", "pt", "pts", "%p", "%포인트", "퍼센트포인트", "포인트")),
    ("bps", ("bps", "basispoint", "basispoints")),
    ("x", ("x", "×", "times", "배")),
    ("n", ("회", "건", "번")),
)


def unit_of(raw: str | None) -> Unit | None:
    """The unit's canonical name: "per cent" -> "%", "basis points" -> "bps", "trading days" -> "days"."""
    if raw is None:
        return None
    compact = re.sub(r"[\s-]", "", raw.lower())
    return next((unit for unit, spellings in _UNITS if compact in spellings), "days")

"""Dates in a sentence, read as calendar intervals and placed on the backtest's timeline.

Reports date what happened ("the drawdown from its March 2020 peak", "2012~2014년 강세장",
"from the start of 2012 to June 2024"), and a figure of a part of the period ("in 2022 it lost
5%") must not be checked as a whole-period one. Words alone could not tell the two apart on text
nobody tuned on (each writer dates things differently), so a date is compared with the dates the
store knows (`FactSheet.events`: the test's start and end, each regime's, the maximum drawdown's
peak, trough and recovery): a date that falls on one of them places a stored figure. Pure
functions; no I/O.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {name: number for number in range(1, 13) for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())}
MONTHS["sept"] = 9
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
# A part of a year, before it ("early 2021", "the second half of 2020") or after it in Korean ("2021년 말").
PARTS = {
    "early": (1, 4), "start": (1, 3), "beginning": (1, 3), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12), "close": (10, 12),
    "first half": (1, 6), "h1": (1, 6), "second half": (7, 12), "h2": (7, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
    "초": (1, 4), "초반": (1, 4), "정초": (1, 1), "연초": (1, 3), "연말": (10, 12), "중반": (5, 8), "말": (9, 12), "후반": (9, 12), "상반기": (1, 6), "하반기": (7, 12),
    "1분기": (1, 3), "2분기": (4, 6), "3분기": (7, 9), "4분기": (10, 12),
}
_PART_BEFORE = r"early|mid|middle|late|h1|h2|q[1-4]|(?:the\s+)?(?:start|beginning|end|close|middle|first half|second half)\s+of"
# A part of a month, before its name ("mid-March 2020") or after it in Korean ("3월 중순"): the
# days it covers. A weekly curve's peak on the 16th is "mid-March", never "early April".
MONTH_PART_BEFORE = re.compile(r"\b(?P<part>early|mid|late)[-\s]+$|\b(?:the\s+)?(?P<whole>start|beginning|middle|end|close)\s+of\s+$", re.IGNORECASE)
MONTH_PART_AFTER = re.compile(r"\s?(?P<part>초순|상순|초(?!반)|중순|중반|하순|말|후반)")
PRE_PANDEMIC = re.compile(r"\bpre-(?:pandemic|covid)\b|코로나\s?(?:이전|직전)|팬데믹\s?(?:이전|직전)", re.IGNORECASE)  # "the pre-pandemic high": the second half of 2019 to February 2020
EDGE_DAY_AFTER = re.compile(r"\s?(?:의\s?)?(?:(?P<last>마지막\s?날|말일)|첫\s?날)")
JUST_BESIDE = re.compile(r"(?:\s?(?:초순|상순|초|중순|중반|하순|말|후반))?\s?(?P<side>직후|직전)")  # "2022년 10월 중순 직후": a fortnight past the date told
WEEKDAY_AFTER = re.compile(r"\s?\((?:[월화수목금토일](?:요일)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\)", re.IGNORECASE)
WEEK_DAY_AFTER = re.compile(r"\s?(?:(?:첫째?|둘째|셋째|넷째|다섯째|마지막)\s?주|초순|상순|중순|하순|초|말)\s?\((?P<day>\d{1,2})일(?:\s?주)?\)")
MONTH_PARTS = {"early": (1, 11), "start": (1, 11), "beginning": (1, 11), "초순": (1, 11), "상순": (1, 11), "초": (1, 11),
               "mid": (10, 21), "middle": (10, 21), "중순": (10, 21), "중반": (10, 21),
               "late": (20, 31), "end": (20, 31), "close": (20, 31), "하순": (20, 31), "말": (20, 31), "후반": (20, 31)}
DATE = re.compile(
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>[01]\d)(?:-(?P<id>[0-3]\d))?)"
    rf"|(?:(?P<d1>\d{{1,2}})\s+)?(?P<mon>{_MONTH})\.?\s+(?:(?P<d2>\d{{1,2}}),?\s+)?(?:of\s+)?(?P<my>{_YEAR})\b"
    rf"|(?P<part>{_PART_BEFORE})[-\s]+(?P<py>{_YEAR})\b"
    rf"|(?P<dy>{_YEAR})(?P<sep>[./])\s?(?P<dm>[01]?\d)(?P=sep)\s?(?P<dd>[0-3]?\d)(?!\d|\.\d)"
    rf"|(?P<ymy>{_YEAR})\.(?P<ymm>1[0-2]|0?[1-9])(?![\d.])"  # "2021.1~2022.6"
    r"|[’'‘](?P<sy>\d{2})\.(?P<sm>1[0-2]|0?[1-9])(?:\.(?P<sd>[0-3]?\d))?(?!\d)"  # "’20.10~’22.9", "'20.3.9 주간"
    rf"|(?P<ky>{_YEAR}|(?<![\d.,])\d{{2}}(?=\s?년\s?\d{{1,2}}\s?월))\s?년(?:\s?(?P<km>\d{{1,2}})\s?월(?:\s?(?P<kd>\d{{1,2}})\s?일)?)?(?:\s?(?P<kpart>초반|정초|연초|연말|초|말|중반|후반|상반기|하반기|[1-4]\s?분기))?"
    r"|(?P<next>이듬해|다음\s?해)(?:\s?(?P<nm>\d{1,2})\s?월)?"
    r"|(?<![\d년.])(?P<om>\d{1,2})\s?월(?:\s?(?P<od>\d{1,2})\s?일)?"
    rf"|(?<![\d.,])(?P<y>{_YEAR})(?![\d%]|,\d|\.\d|\s?(?:일|회|건|bps?|days?|trades?)\b)(?:\s*[-–~]\s*(?P<y2>\d{{2}})(?![\d%]))?",
    re.IGNORECASE,
)
SLACK = timedelta(days=7)  # equity curves are weekly: a peak on Monday the 28th may be told as "early April"
DAY_SLACK = timedelta(days=6)
JUST = timedelta(days=14)  # how far past (or before) a date "직후" ("직전") reaches
# Beside a date, a range's end ("from ... to", "부터 ... 까지", "since"): the date bounds a span of the test.
RANGE_AFTER = re.compile(r"^\s*(?:년\s*)?(?:(?:초|말|초반|후반|상반기|하반기|정초|연초|연말|초순|중순|하순)\s*)?(?:부터|~|–|-|이후|까지|to\b|through\b|until\b|till\b|and\b)", re.IGNORECASE)
SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
RANGE_BEFORE = re.compile(r"(?:\b(?:from|since|between|to|through|until|till|by|of)|[~–-])\s*(?:the\s+)?$", re.IGNORECASE)
# Between the two dates of a range: "May 2015 to July 2016", "2018-19", "2019년 10월부터 2022년 10월까지".
MONTH_LEAD = re.compile(rf"\b(?P<lm>{_MONTH})\.?\s*(?:[-–]|to|through|until)\s*$", re.IGNORECASE)
RANGE_JOIN = re.compile(r"^\s*(?:(?:to|through|until|till|and|into)\s+(?:the\s+)?(?:(?:early|mid|late|end of|start of)\s+)?|[-–~]\s*|(?:년\s*)?부터\s*)$", re.IGNORECASE)
# "2023년 말 기간이 끝날 때까지", "June 2025, when the sample closed": the test's own end.
END_OF_TEST = re.compile(r"^\W*(?:\S+\s){0,1}?(?:기간(?:이|의)? ?(?:끝|종료|마감)|(?:when|as) the (?:test|sample|backtest|data) (?:ended|ends|closed|stopped)|cut-?off)", re.IGNORECASE)
DRAWDOWN_WORDS = re.compile(r"draw\s?down|peak|trough|bottom|high\b|low\b|recover|regain|recoup|underwater|under water|setback|sell-?off|\bfall\b|slide|heal|repair|낙폭|mdd|고점|저점|바닥|회복|만회|되찾|정점|꼭대기|꼭짓점|최저|떨어졌|밀렸|빠졌|하락(?!장)|복구|메워|메웠|메운|(?<=% )조정|최고 ?(?:평가액|점|치)", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date as written, and the calendar interval it covers."""

    start: int
    end: int
    first: date
    last: date
    exact: bool  # a month or a day: precise enough to stand for one event on its own

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the interval, give or take the curve's sampling (SLACK); a single
        day told stands for its week's point, not the next one ("20년 3월 9일 그 주" is not 2 March's)."""
        slack = DAY_SLACK if self.first == self.last else SLACK
        return self.first - slack <= day <= self.last + slack


def mentions(text: str) -> list[DateMention]:
    """Every date in ``text``; a Korean month without a year takes the year written before it,
    "이듬해" (the year after) that year plus one, and "24년 8월" is 2024. Each reading of a sentence
    asks for its dates, so they are read once per text (a copy of the list is returned)."""
    return list(_mentions(text))


@lru_cache(maxsize=512)
def _mentions(text: str) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    year: int | None = None
    for match in DATE.finditer(text):
        groups = match.groupdict()
        if groups["om"] or groups["next"]:
            if year is None:
                continue
            year += bool(groups["next"])
            month = int(groups["om"] or groups["nm"] or 0)
            if 1 <= month <= 12:
                found.append(_month(match.start(), match.end(), year, month, _month_part(text, match), int(groups["od"] or 0)))
            elif not month:
                found.append(_span(match.start(), match.end(), year, 1, 12))
            continue
        year = _full_year(int(groups["iy"] or groups["my"] or groups["py"] or groups["ky"] or groups["dy"] or groups["ymy"] or groups["sy"] or groups["y"]))
        month = int(groups["im"] or groups["km"] or groups["dm"] or groups["ymm"] or groups["sm"] or 0) or MONTHS.get((groups["mon"] or "").lower().rstrip("."), 0)
        second = "y2" if groups["y2"] else "im" if groups["iy"] and not groups["id"] and month > 12 and month > year % 100 else None  # "the flat 2015-16 opening": two years, no month 16
        if second:
            end_year = year // 100 * 100 + int(groups[second])
            found += [_span(match.start(), match.start(second) - 1, year, 1, 12), _span(match.start(second), match.end(), end_year, 1, 12)]
            year = end_year
        elif month:
            if groups["mon"] and not groups["d1"] and (lead := MONTH_LEAD.search(text, max(0, match.start() - 16), match.start())) and (first := MONTHS.get(lead.group("lm").lower().rstrip("."), 0)):
                found.append(_month(lead.start("lm"), lead.end("lm"), year - (first > month), first))  # "January-June 2025": the first month takes the year written after
            day = int(groups["id"] or groups["d1"] or groups["d2"] or groups["dd"] or groups["kd"] or groups["sd"] or 0)
            end = weekday.end() if day and (weekday := WEEKDAY_AFTER.match(text, match.end())) else match.end()  # "3월 23일(월) 주간": the weekday is part of the date
            found.append(_month(match.start(), end, year, month, _month_part(text, match), day) if 1 <= month <= 12 else _span(match.start(), match.end(), year, 1, 12))
        elif part := (groups["part"] or groups["kpart"]):
            first, last = PARTS[_part_name(part)]
            found.append(_span(match.start(), match.end(), year, first, last))
        else:
            found.append(_span(match.start(), match.end(), year, 1, 12))
        if (edge := EDGE_DAY_AFTER.match(text, found[-1].end)) and found[-1].start == match.start():  # "2019년 마지막 날", "8월 첫날": one day of it
            told = found[-1]
            day = told.last if edge.group("last") else told.first
            found[-1] = DateMention(told.start, edge.end(), day, day, exact=True)
        if (beside := JUST_BESIDE.match(text, found[-1].end)) and found[-1].start == match.start():
            told = found[-1]
            after = beside.group("side") == "직후"
            found[-1] = DateMention(told.start, told.end, told.first if after else told.first - JUST, told.last + JUST if after else told.last, exact=told.exact)
    found += [DateMention(match.start(), match.end(), date(2019, 7, 1), date(2020, 2, 29), exact=False) for match in PRE_PANDEMIC.finditer(text)]
    return tuple(sorted(found, key=lambda mention: mention.start))


ANOMALY_WORDS = r"급등|급락|폭락|갭|공백|정체|누락|이상 ?(?:징후|치)|spike|gap|stale|missing|outlier|halt"
SEVERITIES = r"low|medium|high|critical|낮음|중간|높음|심각"
ANOMALY_TOLD_AFTER = re.compile(  # "2016년 11월 14일(변동성 급등, 높음)", "2022년 9월 9일의 가격 정체", "2021년 4월 12일 유상증자에 따른 가격 조정(기업 행위, 중간)"
    rf"\s?\((?:[^()]{{0,30}}?(?:{ANOMALY_WORDS}|{SEVERITIES}))|[^.;]{{0,25}}?(?:{ANOMALY_WORDS})|[^.;()]{{0,30}}\((?:[^()]{{0,12}},\s?)?(?:{SEVERITIES})\)", re.IGNORECASE)
ANOMALY_TOLD_BEFORE = re.compile(rf"(?:{ANOMALY_WORDS})[^.,;\d]{{0,12}}$", re.IGNORECASE)  # "도쿄 증시가 폭락 출발한 8월 5일 주"


def places_event(text: str, start: int, end: int, events: dict[str, date], *, names_regime: bool) -> bool:
    """Whether the date written at ``text[start:end]`` is one the store knows for what the sentence
    is about: a regime's start or end (when it names a regime), a drawdown's peak, trough or
    recovery (when it speaks of a drawdown), or the test's start or end (as a span's bound, or
    to the month). Such a date places a figure; it is no part of the period."""
    mention = next((m for m in mentions(text) if m.start < end and start < m.end), None)
    if mention is None or not events:
        return False
    bound = bool(RANGE_AFTER.match(text[mention.end:]) or RANGE_BEFORE.search(text[:mention.start]) or END_OF_TEST.match(text[mention.end:]))
    relevant = [name for name in events if name in ("start", "end") and (bound or mention.exact)]
    if DRAWDOWN_WORDS.search(text):
        relevant += [name for name in events if "drawdown." in name or name in ("high", "low")]  # "최고 평가액은 2025년 9월 8일 주의 5.683"
    if names_regime:
        relevant += [name for name in events if name.startswith("regime.")]
    if mention.first == mention.last and (ANOMALY_TOLD_AFTER.match(text, mention.end) or ANOMALY_TOLD_BEFORE.search(text, max(0, mention.start - 30), mention.start)):
        relevant += [name for name in events if name.startswith("anomaly.")]  # "2016년 11월 14일(변동성 급등, 높음)", "2021년 4월 12일 유상증자에 따른 가격 조정(기업 행위, 중간)": the day of a stored anomaly, told as one
    return any(mention.covers(events[name]) for name in relevant)


def regimes_dated(text: str, written: list[DateMention], events: dict[str, date]) -> list[tuple[str, int, int]]:
    """Regimes a sentence names by their dates alone ("the stretch from May 2015 to July 2016",
    "the first half of 2025", "2018-19"): each regime whose start the range's first date covers
    and whose end its last date covers, as (label, start, end) of the written range. A single
    exact month names no regime. ``written``: the text's dates (`mentions`), read once by the caller."""
    labels = [name.split(".")[1] for name in events if name.startswith("regime.") and name.endswith(".start")]
    stretches = spans(text, written)
    if (end := events.get("end")) is not None:  # "the drift since January 2023": from that month to the end of the test
        stretches += [(first, DateMention(first.start, first.end, end, end, True)) for first, last in joined(text, written) if last is first and first.exact and SINCE_BEFORE.search(text, max(0, first.start - 8), first.start)]
    return [(label, first.start, last.end) for first, last in stretches for label in labels if names_regime(first, last, label, events)]


def spans(text: str, written: list[DateMention]) -> list[tuple[DateMention, DateMention]]:
    """The stretches of time a text names: two dates joined as a range ("from May 2015 to July
    2016", "2016~2019년") or one that is not a single exact month ("2018-19", "the first half of 2025")."""
    return [(first, last) for first, last in joined(text, written) if last is not first or not first.exact]


def joined(text: str, written: list[DateMention]) -> list[tuple[DateMention, DateMention]]:
    """Every date of the text as (first, last): two joined as a range are one, a date alone is both."""
    found = []
    index = 0
    while index < len(written):
        first = last = written[index]
        if index + 1 < len(written) and RANGE_JOIN.match(text[first.end:written[index + 1].start]):
            last = written[index + 1]
            index += 1
        index += 1
        found.append((first, last))
    return found


def names_regime(first: DateMention, last: DateMention, label: str, events: dict[str, date]) -> bool:
    """Whether a stretch from ``first`` to ``last`` is the regime's: its start and its end both covered."""
    start, end = events.get(f"regime.{label}.start"), events.get(f"regime.{label}.end")
    return start is not None and end is not None and first.covers(start) and last.covers(end)


def _full_year(year: int) -> int:
    """"24년 8월": a two-digit year is this century's unless it would lie far ahead."""
    return year if year >= 100 else 2000 + year if year < 70 else 1900 + year


def _part_name(part: str) -> str:
    words = re.sub(r"\s+", " ", part.lower().replace("the ", "")).removesuffix(" of").strip()
    return re.sub(r"\s", "", words) if words.endswith("분기") else words


def _month_part(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The days of the month a date covers: a day written, or early/mid/late ("mid-March", "3월 중순"), or all of it."""
    if match.group("km") and (part := match.group("kpart")):  # "2020년 3월 초": the part was read with the date
        return MONTH_PARTS.get(part.removesuffix("반") if part == "초반" else part, (1, 31))
    if not match.group("mon") and (week := WEEK_DAY_AFTER.match(text, match.end())):
        return int(week.group("day")), int(week.group("day"))  # "2020년 1월 셋째 주(20일)", "3월 하순(23일 주)": the day in brackets
    before = MONTH_PART_BEFORE.search(text, max(0, match.start() - 20), match.start()) if match.group("mon") else None
    after = MONTH_PART_AFTER.match(text, match.end()) if not match.group("mon") else None
    found = before or after
    return MONTH_PARTS[(found.group("part") or found.group("whole")).lower()] if found else (1, 31)


def _month(start: int, end: int, year: int, month: int, days: tuple[int, int] = (1, 31), day: int = 0) -> DateMention:
    last_day = calendar.monthrange(year, month)[1]
    if 1 <= day <= last_day:
        return DateMention(start, end, date(year, month, day), date(year, month, day), exact=True)
    return DateMention(start, end, date(year, month, min(days[0], last_day)), date(year, month, min(days[1], last_day)), exact=True)


def _span(start: int, end: int, year: int, first_month: int, last_month: int) -> DateMention:
    last = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return DateMention(start, end, date(year, first_month, 1), last, exact=False)

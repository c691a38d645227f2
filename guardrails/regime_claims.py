"""Figures of market regimes beyond the one named at the figure: offsets from a regime's edge,
another regime whose figure it is, shares of time, rankings."""

from __future__ import annotations

import re
from dataclasses import replace

from guardrails import claim_context as ctx
from guardrails.factsheet import Finding
from guardrails.figure_fit import Reading, Stated, stated_matches, unverifiable
from guardrails.numerals import Numeral
from guardrails.sentence_reading import ROUGHLY, SentenceReading

KO_RANKED = re.compile(r"(?P<best>최고|1위|가장 높)|최저|꼴찌|가장 낮")  # "샤프 최고는 강세(1.73)"
REGIME_AFTER = re.compile(r"\W*(?:(?:also|then|only)\s+)?(?:came|coming|occurred|occurring|happened|arrived|arriving|belonged|belongs|fell|falling|(?:was|were) (?:posted|earned|made|set|recorded|booked|achieved|delivered|logged|produced|taken|suffered|incurred|sustained|realised|realized))\s+(?:in|during|by|to|from|within)\b")
ASIDE_OPENED_BEFORE = re.compile(r"\s*\([^()\d]*")


class RegimeClaims(SentenceReading):
    """The readings of a sentence's figures that belong to a regime other than the nearest named."""

    def _regime_offset(self, claim: str, number: Numeral, edge: re.Match[str]) -> Finding:
        """"from a 6 September 2021 high, roughly seventy days after bearish conditions set in": the
        days (or weeks) between the date told just before and the start or end of the regime named."""
        named = ctx.regime_spans(self.lowered[edge.start():edge.end()]) or [span for span in self.regimes if span[2] <= number.start][-1:]  # "short of when that regime closed": the one named before
        anchor = next((m for m in reversed(self.date_mentions) if m.end <= number.start and m.exact), None) or next(  # a day, or a month or a part of one
            (m for m in self.date_mentions if m.exact and 0 <= m.start - edge.end() <= 8), None)  # "Twenty days after turbulence set in, on 21 September 2020": the day told right after
        boundary = "start" if edge.group("start") or (edge.group("after") and not edge.group("end")) else "end"  # "seven weeks into the volatile regime": from its start
        when = self.facts.events.get(f"regime.{named[0][0]}.{boundary}") if named else None
        if anchor is None or when is None or not self._dates_an_event(anchor):
            return unverifiable(claim, number, "days from a regime's start or end, counted from a day that is no peak, trough or recovery the store knows: sent to review")
        if (edge.group("before") and anchor.first > when) or (edge.group("after") and anchor.last < when):
            return unverifiable(claim, number, f"the day told lies on the other side of the {named[0][0]} regime's {boundary} ({when}): sent to review")
        days = number.value * (7 if number.unit is None else 1)
        near, far = sorted((abs((when - anchor.first).days), abs((when - anchor.last).days)))
        actual = near if anchor.first == anchor.last else (near + far) // 2
        slack = 3 if number.unit is None else 1
        if self._qualifier(number) == "roughly" or ROUGHLY.search(self.text, max(0, number.start - 12), number.start):
            slack = max(slack, days * 0.1)
        status = "supported" if near - slack - 1 <= days <= far + slack + 1 else "unverifiable"  # a regime starts the day after the last one ends
        return Finding(claim=claim, kind="numeric", entity=f"regime:{named[0][0]}", metric="days_from_regime_edge", claimed=days, stored=float(actual), status=status,
                       note=f"{actual} days between {anchor.first} and the {named[0][0]} regime's {boundary} ({when})" + ("" if status == "supported" else ": sent to review"))

    def _other_regime(self, stated: Stated, reading: Reading, clause: int) -> Reading | None:
        """"the quiet months earned the better Sharpe, 2.31 against 1.85": the other side of a
        comparison inside a regime, where the clause names neither a benchmark nor a regime, is
        another regime the sentence names, or else the regime itself ("the 2021-23 bear trailed
        (-27%, -0.60)": ranked last, beside no benchmark), when its stored figure is the one stated
        (the store keeps no benchmark figure per regime)."""
        if reading.stored is not None or not reading.entity.startswith("benchmark in regime:") or self._regime_named_in(clause):
            return None
        if self._benchmark_named_in(clause):
            return None
        current = reading.entity.removeprefix("benchmark in regime:")
        itself = [] if any(m.entity == "benchmark" for m in self.mentions) else [current]  # "the benchmark outperformed, losing only 12%" is no regime's
        for label in [*dict.fromkeys(label for label, _, _ in self.regimes if label != current), *itself]:
            value = self.facts.regimes.get(label, {}).get(reading.metric)
            other = replace(reading, entity=f"regime:{label}", stored=value)
            if value is not None and stated_matches(stated, other, value):
                return other
        return None

    def _regime_after(self, spans: list[tuple[str, int, int]], number: Numeral) -> str | None:
        """"the best Sharpe, 1.81, was posted in the 2020 bear", "the weakest, -0.86, belonged to
        the sideways opening": a figure set off alone, whose regime the next clause names."""
        index = self.numbers.index(number)
        if index > 0 and ASIDE_OPENED_BEFORE.fullmatch(self.text, self.numbers[index - 1].end, number.start):
            number = self.numbers[index - 1]  # "-7% (Sharpe -0.64), belonged to ...": the aside goes with the figure it follows
        clause = self._clause_of(number)
        if clause + 1 >= len(self.clauses) or not self._alone(number):
            return None
        after = self.clauses[clause + 1]
        if not REGIME_AFTER.match(self.lowered, after.start, after.end):
            return None
        return next((label for label, start, _ in spans if after.start <= start < after.end), None)

    def _each_regime_share(self, claim: str, number: Numeral, clause: int) -> Finding:
        """"세 국면이 저마다 기간의 3분의 1 가량씩을 차지합니다": every regime's share of the time."""
        stated = self._stated(number, clause)
        named = {label for label, _, _ in self.regimes}  # "the bear and sideways regimes took about 32% each": those two
        shares = {label: figures.get("share_of_time") for label, figures in self.facts.regimes.items() if not named or label in named}
        misfit = [label for label, share in shares.items() if share is None or not stated_matches(stated, Reading("share_of_time", f"regime:{label}", share, metric_sure=True, explicit=True), share)]
        if misfit:
            return unverifiable(claim, number, f"a share of the time said of every regime, which {', '.join(misfit)} does not take: sent to review")
        return Finding(claim=claim, kind="numeric", entity="regimes", metric="share_of_time", claimed=stated.value("percent"), stored=None, status="supported", note="every regime's share of the time")

    def _misranked(self, claim: str, number: Numeral, span: ctx.Clause, regime: str, metric: str) -> Finding | None:
        """"샤프 최고는 추세(1.64)": a regime ranked first (or last) on the metric, when another is."""
        told = KO_RANKED.search(self.text, span.start, number.start)
        values = {label: figures[metric] for label, figures in self.facts.regimes.items() if metric in figures}
        if told is None or regime not in values:
            return None
        first = (max if told.group("best") else min)(values, key=values.__getitem__)
        return None if first == regime else unverifiable(claim, number, f"the {'highest' if told.group('best') else 'lowest'} {metric} is the {first} regime's, not the {regime} regime's: sent to review")

"""Figures of the stored signals: counts, hit rates and averages, named by the signal or by a
label, and winners told as a count or a share."""

from __future__ import annotations

import re
from dataclasses import replace

from guardrails.factsheet import Finding
from guardrails.figure_fit import Reading, Stated, stated_matches, unverifiable
from guardrails.metric_words import METRICS
from guardrails.numerals import Numeral, numerals
from guardrails.sentence_reading import SentenceReading

SIGNAL_LABEL_GAP = re.compile(r"\s*[:=-]?\s*")  # "momentum sells: 181"
COUNT_AT_RATE = re.compile(r"\b(\d[\d,]*)\s+at\s+(?:an?\s+)?$")  # "181 at 43.65%"
SHARE_OF_COUNTS = 0.0051  # a share two counts give, against a stored rate rounded to 0.01%
KO_AVERAGE_BEFORE = re.compile(r"평균\s?(?:(?:손실|수익|이익|손익|성과)?\s?(?:은|는|이|가)?\s?)?$")  # "평균 -0.41%", "평균 손실 -1.88%"
SIGNAL_FIGURE_NAMES = {"count": "count", "hit_rate": "hit rate", "avg_return": "average"}
KO_SIGNAL_WORDS = re.compile(r"신호|시그널|청산|진입|손절|발동|트리거|필터|이탈|교차|크로스")
SIGNAL_ROLE = re.compile(r"(?P<entry>진입|\bentr(?:y|ies)\b)|(?P<exit>청산|손절|이탈|\bexits?\b|\bstops?\b)", re.IGNORECASE)
EXIT_SIGNAL = re.compile(r"exit|stop|trail|close|sell|short|unwind")
PART_END = re.compile(r"[;.]\s")


class SignalClaims(SentenceReading):
    """The readings of a sentence's figures that belong to a stored signal."""

    def _signal_average(self, claim: str, number: Numeral, clause: int) -> Finding | None:
        """"손절 신호는 17번 나왔고 평균 -1.71%였습니다": a Korean average in a clause about signals, equal
        to the stored average return of the one signal the sentence names or counts right."""
        if number.unit != "%" or not KO_AVERAGE_BEFORE.search(self.text, max(0, number.start - 10), number.start) or not self._about_signals(clause):
            return None
        reading = Reading("avg_return", "strategy", None, metric_sure=True, explicit=False)
        named = list(dict.fromkeys(name for name, _, _ in self.signals)) or self._counted_signals()  # the signal the sentence names (once), or whose count it gives
        return self._one_signal(claim, self._stated(number, clause), reading, "avg_return", named)

    def _counted_signals(self) -> list[str]:
        """The stored signals whose count the sentence states ("청산은 43건", "61번 걸려")."""
        counts = {n.value for n in self.numbers if n.unit == "n"}
        return [name for name, sheet in self.facts.signals.items() if sheet.get("count") in counts]

    def _about_signals(self, clause: int) -> bool:
        """A Korean clause about signals: it names one ("진입 신호 적중률"), or the sentence does and the
        clause names no strategy ("구리 돈치안 전략의 적중률" is the strategy's win rate)."""
        span = self.clauses[clause]
        return bool(KO_SIGNAL_WORDS.search(self.text, span.start, span.end) or ((KO_SIGNAL_WORDS.search(self.text) or self.signals) and not self._strategy_named_in(clause)))

    def _labelled_signal_count(self, claim: str, number: Numeral) -> Finding | None:
        """"momentum sells: 181", "Vol rescales: 318": a whole number right after a signal's name is its count."""
        if number.unit not in (None, "n") or number.decimals != 0:
            return None
        name = next((name for name, _, end in self.signals if SIGNAL_LABEL_GAP.fullmatch(self.text, end, number.start)), None)
        if name is None or "count" not in self.facts.signals[name]:
            return None
        stored = self.facts.signals[name]["count"]
        if abs(stored - number.value) < 0.5:
            return Finding(claim=claim, kind="numeric", entity=f"signal:{name}", metric="count", claimed=number.value, stored=stored, status="supported")
        return unverifiable(claim, number, f"stored count for signal:{name} is {stored:g}: sent to review, not blocked")

    def _count_at_rate(self, claim: str, number: Numeral, clause: int) -> Finding | None:
        """"momentum sells: 181 at 43.65%", "recovery exits 91 at a 68.13% hit rate": the hit rate of the
        signal (or the win rate of the trades) whose stored count is the number right before it."""
        counted = COUNT_AT_RATE.search(self.text, max(0, number.start - 20), number.start) if number.unit == "%" else None
        if counted is None:
            return None
        count = float(counted.group(1).replace(",", ""))
        span = self.clauses[clause]
        named = [name for name, start, _ in self.signals if span.start <= start < number.start]
        candidates = [name for name, sheet in self.facts.signals.items() if sheet.get("count") == count and (not named or name in named)]
        if named and not candidates:
            return unverifiable(claim, number, f"a rate of the {count:g} counted for {named[-1]}, whose stored count is another: sent to review, not blocked")
        if not candidates and self.facts.strategy.get("num_trades") != count:
            return None  # "January 2016 at -25%": no count of trades or signals
        stated, reading = self._stated(number, clause), Reading("hit_rate", "strategy", None, metric_sure=True, explicit=True)
        if hit := self._one_signal(claim, stated, reading, "hit_rate", candidates):
            return hit
        if self.facts.strategy.get("num_trades") == count and (rate := self.facts.strategy.get("win_rate")) is not None and stated_matches(stated, replace(reading, metric="win_rate", stored=rate), rate):
            return Finding(claim=claim, kind="numeric", entity="strategy", metric="win_rate", claimed=number.value / 100, stored=rate, status="supported")
        return unverifiable(claim, number, f"a share of the {count:g} counted before it, which no stored rate gives: sent to review, not blocked")

    def _won_share(self, claim: str, number: Numeral, clause: int) -> Finding:
        """"청산은 97회였고 그중 28회가 이익(28.9%)": a signal's hit rate or the strategy's win rate, and
        the winners counted must be that share of its stored count."""
        stated = self._stated(number, clause)
        won = next(other for other in reversed(numerals(self.text)) if other.end <= number.start)  # "55번 이겼지만(57.3%)": count_claims reads the count itself, so it is no figure here
        sheets = [(f"signal:{name}", "hit_rate", sheet) for name, sheet in self.facts.signals.items() if "count" in sheet]
        if "num_trades" in self.facts.strategy:
            sheets.append(("strategy", "win_rate", {"count": self.facts.strategy["num_trades"], "win_rate": self.facts.strategy.get("win_rate")}))
        counted = {n.value for n in self.numbers if n.unit in ("n", None) and n.end <= won.start}
        named = {f"signal:{name}" for name, _, end in self.signals if end <= won.start} or (  # a signal named after the share is another part's ("71 — 27 won (38.03%) — ... histogram fades 48")
            set() if counted or won.share_of else {f"signal:{name}" for name, start, _ in self.signals if not PART_END.search(self.text, won.end, start)})  # unless nothing before says whose ("37 won (39.36%), all of them zero-line exits"), in its part
        if named or counted:  # "MACD 교차 94회 가운데 26회만 이익": the signal named, or whose count the sentence gives
            sheets = [(entity, metric, sheet) for entity, metric, sheet in sheets if entity in named or (not named and sheet["count"] in counted)]
        for entity, metric, sheet in sheets:
            share, count = sheet.get(metric), sheet["count"]
            if share is None or not stated_matches(stated, Reading(metric, entity, share, metric_sure=True, explicit=True), share):
                continue
            if abs(won.value / 100 - share) < SHARE_OF_COUNTS if won.share_of else abs(won.value - share * count) < 1:  # "139회 중 96회가" is read as the share of the 139
                return Finding(claim=claim, kind="numeric", entity=entity, metric=metric, claimed=stated.value("percent"), stored=share, status="supported",
                               note=f"the winners counted are that share of {count:g}: the stored {metric.replace('_', ' ')}")
        return unverifiable(claim, number, "a share of counted trades that won, which no stored count and rate give: sent to review")

    def _unnamed_signal(self, claim: str, stated: Stated, reading: Reading, named: str) -> Finding | None:
        """"채널 이탈 청산 신호는 41건", "청산 43건, 적중률은 37.2%": a signal's count, or in Korean (which
        never spells a stored signal's name) a hit rate in a sentence about signals and owned by no
        one named, equal to exactly one signal's stored figure: that one."""
        if (reading.metric, reading.entity, reading.stored) == ("count", "strategy", None):
            metric = "count"
        elif named == "hit_rate" and reading.entity == "strategy" and not self.signals and (self._about_signals(self._clause_of(stated.number)) or self._counted_signals()):  # "변동성 재조정은 412번 실행됐고 적중률 51.2%"
            metric = "hit_rate"
        else:
            return None
        candidates = list(self.facts.signals) if metric == "count" else self._counted_signals()  # a hit rate: of the signal whose count the sentence gives
        span = self.clauses[self._clause_of(stated.number)]
        if role := SIGNAL_ROLE.search(self.text, span.start, span.end):  # "진입 신호는 71회": an entry signal, not the exit's 71
            candidates = [name for name in candidates if bool(EXIT_SIGNAL.search(name)) == (role.lastgroup == "exit")]
        return self._one_signal(claim, stated, reading, metric, candidates)

    def _one_signal(self, claim: str, stated: Stated, reading: Reading, metric: str, candidates: list[str]) -> Finding | None:
        """The one candidate signal whose stored ``metric`` the figure equals; None for none or several."""
        fits = [name for name in candidates if metric in self.facts.signals[name] and stated_matches(stated, reading, self.facts.signals[name][metric])]
        if len(fits) != 1:
            return None
        return Finding(claim=claim, kind="numeric", entity=f"signal:{fits[0]}", metric=metric, claimed=stated.value(METRICS[metric].kind), stored=self.facts.signals[fits[0]][metric],
                       status="supported", note=f"no signal named: the one stored signal {SIGNAL_FIGURE_NAMES[metric]} it equals")

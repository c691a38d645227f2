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
# "매도 84건은 매수 88건보다 적중률이 낮았다": two signals compared, the second before "보다".
KO_THAN_AFTER = re.compile(r"(?:\s?신호)?(?:\s?[\d,.]+\s?(?:건|번|회|%))?(?:의 것)?보다")
KO_SIGNAL_METRIC = {"hit_rate": re.compile(r"적중|맞|승률|이긴|이익을 낸 비율"), "avg_return": re.compile(r"평균|건당|수익(?!을 낸)|손익"), "count": re.compile(r"많|적었|적은|적다|잦|자주|드물|빈번")}
KO_MORE = re.compile(r"높|많|잦|자주|빈번|좋|나았|낫|앞섰|앞서|웃돌|컸|크")
KO_LESS = re.compile(r"낮|적었|적은|적다|드물|나빴|나쁘|뒤졌|뒤지|밑돌|작았|작")
KO_WHOLE_BOOK_BEFORE = re.compile(r"전체\s?(?:거래|매매)?(?:의)?\s?(?:승률|평균(?:\s?수익률?)?|거래\s?수|건수)\s?$")  # "전체 승률보다": the whole book's
STRATEGY_OF_SIGNAL_METRIC = {"hit_rate": "win_rate", "avg_return": "avg_trade_return", "count": "num_trades"}
KO_COUNT_WORDS = re.compile(r"많|적|잦|드물|최다|최소")
KO_SIGNAL_EXTREME = re.compile(r"(?:(?:두|세|네|[2-4]개?)\s?)?신호\s?(?:가운데|중)(?:에서)?\s?(?:가장|제일)\s?[가-힣]+|신호\s?(?:가운데|중)(?:에서)?\s?(?:최다|최소|최고|최저)")
KO_SIGNAL_TIMED = re.compile(r"(?:19|20)\d{2}\s?년[^.;,]{0,12}?(?:이후|이전|부터|까지|에)[^.;,]{0,8}?(?:나왔|발생|몰렸|몰려|집중|발동|쏟아)")  # "매도 84건은 모두 2020년 이후에 나왔다": when, which the store does not keep
KO_SIGNAL_LEANING = re.compile(r"(?<![가-힣])(?P<every>모두|전부|다)\s?(?:(?P<all_won>이익|수익|적중|맞았|맞아|맞은)|(?P<all_lost>손실|손해|빗나|틀렸|틀린|실패))|한\s?(?:건|번|차례)도\s?(?:(?P<none_won>맞지|적중하지|이기지|이익을 내지|수익을 내지|성공하지)|(?P<none_lost>틀리지|빗나가지|잃지|손실을 내지|실패하지))|평균(?:적으로|으로는|으로)\s?(?:(?P<loss>손실|손해|마이너스|적자)|(?P<gain>이익|수익|플러스|흑자))|(?P<mostly>대부분|대다수|태반)(?:이|은|는)?\s?(?:(?P<won>이익|수익|적중|맞)|(?P<lost>손실|손해|빗나|틀))")


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

    def _signal_judgements(self) -> list[Finding]:
        """What a Korean sentence says of a named signal without a figure: ranked against another
        signal or the whole book ("매도 84건은 매수보다 적중률이 낮았다", "전체 승률보다 높았다"),
        first or last among the signals ("두 신호 가운데 가장 많았다"), its average's sign or most of
        its outcomes ("평균적으로 손실", "대부분 이익"). Checked where metric and direction are plain,
        else sent to review, so that a count read right never carries an unread claim through."""
        if not self.signals:
            return []
        findings = [self._signal_against(than) for than in re.finditer("보다", self.text)]
        findings += [self._signal_ranked(match) for match in KO_SIGNAL_EXTREME.finditer(self.text)]
        findings += [self._signal_leaning(match) for match in KO_SIGNAL_LEANING.finditer(self.text)]
        findings += [self._signal_finding(match.group(0), subject, None, None, None, None, "dated") for match in KO_SIGNAL_TIMED.finditer(self.text) if (subject := self._subject_signal(match.start()))]
        return [finding for finding in findings if finding is not None]

    def _subject_signal(self, before: int) -> str | None:
        """The signal named last before ``before``, in the same part of the sentence."""
        part = max((m.end() for m in PART_END.finditer(self.text, 0, before)), default=0)
        return next((name for name, start, end in reversed(self.signals) if part <= start and end <= before), None)

    def _signal_metric(self, words: str) -> str | None:
        metrics = [metric for metric, pattern in KO_SIGNAL_METRIC.items() if pattern.search(words)]
        return metrics[0] if len(metrics) == 1 else None

    def _signal_finding(self, claim: str, name: str, metric: str | None, ours: float | None, theirs: float | None, holds: bool | None, what: str) -> Finding:
        if metric is None or ours is None or theirs is None or holds is None:
            return Finding(claim=claim, kind="directional", entity=f"signal:{name}", metric=None, status="unverifiable", note=f"{name} {what}, in a way not read: sent to review")
        return Finding(claim=claim, kind="directional", entity=f"signal:{name}", metric=f"{what}:{metric}", stored=ours - theirs,
                       status="supported" if holds else "contradicted", note=f"{name} {ours:g} vs {theirs:g}")

    def _signal_against(self, than: re.Match[str]) -> Finding | None:
        """"A는 B보다 ...": B a stored signal or the whole book ("전체 승률보다"); another object after a
        named signal ("손절보다", a signal the store does not keep) goes to review."""
        rest = self.text[than.end():next((m.start() for m in PART_END.finditer(self.text, than.end())), len(self.text))]
        whole = KO_WHOLE_BOOK_BEFORE.search(self.text, max(0, than.start() - 15), than.start())
        other = next((name for name, _, end in reversed(self.signals) if KO_THAN_AFTER.fullmatch(self.text, end, than.end())), None)
        if other is not None:
            subject = next((name for name, _, end in reversed(self.signals) if end <= than.start() and name != other and not KO_THAN_AFTER.fullmatch(self.text, end, than.end())), None)
        else:
            subject = self._subject_signal(whole.start()) if whole else None
        if subject is None:
            named_before = self._subject_signal(than.start())
            if named_before is None or not self._in_clause_of(named_before, than.start()):
                return None
            return self._signal_finding(self.text[:than.end() + len(rest)], named_before, None, None, None, None, "compared with what the store does not keep")
        opening = max((end for name, _, end in self.signals if name == subject and end <= than.start()), default=than.start())
        metric = self._signal_metric(rest + (whole.group(0) if whole else "")) or self._signal_metric(self.text[opening:than.start()])  # "매수 162건은 적중률 57.41%로 매도 155건보다 높았다"
        more, less = KO_MORE.search(rest), KO_LESS.search(rest)
        direction = None if bool(more) == bool(less) else bool(more)
        ours = self.facts.signals[subject].get(metric) if metric else None
        if other is not None:
            theirs = self.facts.signals[other].get(metric) if metric else None
        else:
            theirs = self.facts.strategy.get(STRATEGY_OF_SIGNAL_METRIC.get(metric, "")) if metric else None
        holds = None if direction is None or ours is None or theirs is None else (ours > theirs) == direction
        return self._signal_finding(self.text[:than.end() + len(rest)], subject, metric, ours, theirs, holds, "vs_signal" if other else "vs_book")

    def _in_clause_of(self, name: str, at: int) -> bool:
        span = self.clauses[self._clause_at(at)]
        return any(n == name and span.start <= start < at for n, start, _ in self.signals)

    def _signal_ranked(self, match: re.Match[str]) -> Finding | None:
        """"매도 신호는 84건으로 두 신호 가운데 가장 많았다": first (or last) of the stored signals."""
        subject = self._subject_signal(match.start())
        if subject is None:
            return None
        words = match.group(0)
        metric = self._signal_metric(words) or ("count" if KO_COUNT_WORDS.search(words) else None)
        top = None if bool(KO_MORE.search(words)) == bool(KO_LESS.search(words)) else bool(KO_MORE.search(words))
        values = {name: sheet.get(metric) for name, sheet in self.facts.signals.items()} if metric else {}
        ours = values.get(subject)
        known = [value for value in values.values() if value is not None]
        best = (max(known) if top else min(known)) if known and top is not None else None
        holds = None if ours is None or best is None else ours == best
        return self._signal_finding(words, subject, metric, ours, best, holds, "first_of_signals" if top else "last_of_signals")

    def _signal_leaning(self, match: re.Match[str]) -> Finding | None:
        """"평균적으로 손실을 냈다": the sign of the signal's average; "대부분 이익": most of its outcomes won."""
        subject = self._subject_signal(match.start())
        if subject is None:
            return None
        sheet = self.facts.signals[subject]
        if match.group("every") or match.group("none_won") or match.group("none_lost"):
            rate = sheet.get("hit_rate")
            every = 1.0 if match.group("all_won") or match.group("none_lost") else 0.0
            return self._signal_finding(match.group(0), subject, "hit_rate", rate, every, None if rate is None else abs(rate - every) < 1e-9, "all_or_none")
        if match.group("mostly"):
            rate = sheet.get("hit_rate")
            holds = None if rate is None else (rate > 0.5) == bool(match.group("won"))
            return self._signal_finding(match.group(0), subject, "hit_rate", rate, 0.5, holds, "mostly")
        average = sheet.get("avg_return")
        holds = None if average is None else (average > 0) == bool(match.group("gain"))
        return self._signal_finding(match.group(0), subject, "avg_return", average, 0.0, holds, "sign")

"""Claims about how many: regimes that made or lost money ("four of the five regimes made
money", "every regime except the 2020 high-volatility year made money", "half of the six regimes
ended in the red") and winning trades ("of the 38 trades, only 15 were winners", "41번 거래해 15번 이겼"), judged
against the stored regime returns and the win rate. A small model writes these often and a
wrong count is as misleading as a wrong figure. A count blocks only when read for sure (the
number of regimes stated and stored alike, no exception to interpret); otherwise a mismatch goes
to review. Pure functions; no I/O.
"""

from __future__ import annotations

import re

from guardrails import claim_context as ctx
from guardrails import korean as ko
from guardrails.factsheet import FactSheet, Finding
from guardrails.numerals import spelled_value

_NUMBER = ctx.COUNT_WORD
_GAIN = r"made money|were profitable|was profitable|were positive|ended (?:in the black|higher|positive|up)|finished (?:higher|positive|up)|gained"
_LOSS = r"lost money|were unprofitable|was unprofitable|were negative|ended (?:in the red|lower|negative|down)|finished (?:lower|negative|down)|lost"
_REGIMES = r"(?:market\s+)?(?:regimes|phases)"
K_OF_N = re.compile(
    rf"(?<!every )(?<!each )\b(?P<k>not (?:a single )?one|{_NUMBER}|half|none)\s+of\s+(?:the|its|all)\s+(?:(?P<n>{_NUMBER})\s+)?{_REGIMES}\s+(?:\w+\s+)?(?:(?P<gain>{_GAIN})|(?P<loss>{_LOSS}))\b(?!\s+(?:more|less)\s+than\b|\s+(?:over|under|above|below|beyond|in excess of)\s+[\d.]+\s?(?:%|percent))",
    re.IGNORECASE,
)
_EXCEPT = r"(?:except(?: for)?|but|bar|save|other than|apart from|aside from|besides)"
EVERY = re.compile(
    rf"(?:\b{_EXCEPT}\b(?P<before>[^,;]{{1,60}})(?:,[^,;]{{1,25}})?,\s+)?\b(?:every|each|all)(?: one)?(?: of)?(?: the)?(?: (?:{_NUMBER}))?\s+(?:market\s+)?(?:regimes?|phases?)\b"
    rf"(?P<between>\s+{_EXCEPT}\b[^,;]{{1,80}}?)?\s+(?:\w+\s+)?(?:(?P<gain>{_GAIN})|(?P<loss>{_LOSS}))\b(?P<after>\s+{_EXCEPT}\b[^,;]{{1,80}})?",
    re.IGNORECASE,
)
BUT_COUNT = re.compile(rf"\b{_EXCEPT}\s+(?P<k>{_NUMBER})\b", re.IGNORECASE)
WINNERS = re.compile(
    rf"\bof\s+(?:the|its|all)\s+(?P<n>[\d,]+|{_NUMBER})\s+trades,?\s+(?:only\s+|just\s+|some\s+)?(?P<k>[\d,]+|{_NUMBER})\s+"
    r"(?:were winners|won|were profitable|made money|were winning trades|closed (?:in|at a|with a) (?:profit|gain))\b",
    re.IGNORECASE,
)


KO_WINNERS = re.compile(
    r"(?<![\d,])(?P<n>[\d,]+)\s?(?:번|회|건)\s?(?:의\s)?(?:거래|매매)(?:해|했고|하여|하며|에서|중|를 해|을 해)?\s*(?:그중\s*|이 중\s*)?(?P<k>[\d,]+)\s?(?:번|회|건)(?:을|를|이|은)?\s?(?:이겼|이긴|승리)|(?<![\d,])(?P<n2>[\d,]+)\s?(?:번|회|건)을?\s?(?:거래|매매)(?:해|하여|하며)\s(?P<k2>[\d,]+)\s?(?:번|회|건)에서\s?(?:이익|수익)을?\s?(?:냈|거뒀|올렸)"
)

# "z점수 손절 13건 가운데 맞아떨어진 것은 세 건", "매수 105건 중 47건이 이익": how many of a counted
# signal's (or of the trades') outcomes won; the count says whose.
def _ko_count(name: str) -> str:
    return rf"(?P<{name}>[\d,]+|{ko.NUMBER})\s?(?:번|회|건)?"


def _ko_outcome(won: str, lost: str) -> str:
    return rf"(?:(?P<{won}>맞았|맞아|맞은|맞아떨어|적중|이익|수익|이겼|이긴|이겨|승리|성공)|(?P<{lost}>손실|손해|빗나|틀렸|틀린|실패|졌))"


KO_NOT_AFTER = re.compile(r"[가-힣]*\s?(?:[가-힣]+\s)?[가-힣]*지\s?(?:못|않)")  # "이익을 내지 못했다": denied
KO_HITS_OF_N = re.compile(
    rf"(?<![\d,.])(?P<n>[\d,]+)\s?(?:번|회|건)\s?(?:가운데|중)(?:에서)?\s?(?:그중\s?)?"
    rf"(?:{_ko_count('k')}(?:이|가|은|는|만)?\s?{_ko_outcome('hit', 'miss')}|{_ko_outcome('hit2', 'miss2')}[가-힣]*\s?(?:(?:것|건|거래|경우)(?:은|는|이|가)\s?)?{_ko_count('k2')}(?![\d.%]))"
)

# Korean: "여섯 국면 중 절반이 적자였다", "국면 여섯 개 중 적자는 ... 하나뿐", "다섯 국면 가운데 ... 두 곳이었다".
KO_OF_N = re.compile(ko.REGIMES_OF)
KO_COUNT = re.compile(rf"(?<![가-힣\d.])(?:(?P<half>절반)|(?P<k>{ko.NUMBER})\s?(?P<counter>곳|개|번|차례|국면|구간|군데)?)(?=\s?(?:뿐|만|이|가|은|는|에서|이었|였|에\s?(?:그쳤|그친|그치|불과)|\s?(?:손실|적자|수익|이익)))")  # "... 두 국면에 그쳤고": only two
KO_DETERMINERS = {"한", "두", "세", "네"}  # "두 곳": a count only before a counter
KO_BELOW_BAR = ("밑돈", "하회한", "미달한", "미만인", "이하인")  # a bar the regimes fell under, not past
KO_SIGNS = re.compile(r"(?P<loss>손실|적자|마이너스|잃|손해|뒷걸음|역성장|하락|떨어|내렸)|(?P<gain>수익(?!률)|이익|흑자|플러스|벌었|벌어|올랐|상승|남겼)")


def count_claims(sentence: str, facts: FactSheet) -> list[Finding]:
    returns = {label: m["total_return"] for label, m in facts.regimes.items() if "total_return" in m}
    findings = [_k_of_n(sentence, match, returns) for match in K_OF_N.finditer(sentence)]
    findings += [finding for match in KO_OF_N.finditer(sentence) if (finding := _ko_k_of_n(sentence, match, returns))]
    findings += [_every(sentence, match, returns) for match in EVERY.finditer(sentence)]
    findings += [_winners(sentence, match, facts) for pattern in (WINNERS, KO_WINNERS) for match in pattern.finditer(sentence)]
    findings += [_past_bar(sentence, match, facts) for pattern in (ctx.REGIMES_PAST_BAR, ctx.KO_REGIMES_PAST_BAR) for match in pattern.finditer(sentence)]
    findings += [finding for match in KO_HITS_OF_N.finditer(sentence) if not KO_WINNERS.search(sentence, match.start(), match.end() + 10) and (finding := _ko_hits_of_n(sentence, match, facts))]
    return findings


def _ko_hits_of_n(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding | None:
    """K winners (or losers) of N counted: the hit rate of the one signal counted N times, else the win rate
    when the strategy made N trades; None when no stored count is N."""
    n = float(match.group("n").replace(",", ""))
    told = match.group("k") or match.group("k2")
    k = float(ko.NUMBER_WORDS.get(told) or told.replace(",", ""))
    if bool(match.group("miss") or match.group("miss2")) != bool(KO_NOT_AFTER.match(sentence, match.end())):
        k = n - k  # "13건 중 10건이 손실", "85건 중 56건이 이익을 내지 못했다": the losers told, so the rest won
    counted = [(f"signal:{name}", "hit_rate", sheet.get("hit_rate")) for name, sheet in facts.signals.items() if sheet.get("count") == n]
    if not counted and facts.strategy.get("num_trades") == n:
        counted = [("strategy", "win_rate", facts.strategy.get("win_rate"))]
    if len(counted) != 1 or counted[0][2] is None:
        return None
    entity, metric, rate = counted[0]
    return Finding(claim=sentence, kind="numeric", entity=entity, metric=metric, claimed=k / n, stored=rate, status="supported" if _whole_winners(k, n, rate) else "contradicted",
                   note=f"{k:g} of {n:g} won; the stored {metric.replace('_', ' ')} {rate:.2%} gives {rate * n:.1f}")



def _past_bar(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding:
    """"Two of the six regimes had drawdowns deeper than 10%", "손실이 10%를 넘은 국면은 여섯 중 둘": the
    regimes whose drawdown (by depth), loss, return or Sharpe passed the bar, counted. Read with less
    certainty than a sign (where the bar falls, "more than" or "at least"), so a mismatch goes to review."""
    word, bar = (match.group("metric") or match.groupdict().get("verb") or "").lower(), match.group("bar").lower()
    below = bar.startswith(("less", "lower", "smaller", "shallower", "below", "under", "of less")) or bar in KO_BELOW_BAR
    metric = "sharpe" if word.startswith(("sharpe", "샤프")) else "max_drawdown" if word.startswith(("drawdown", "낙폭", "하락", "mdd")) else "total_return"
    loss = word in ("lost", "fell", "dropped", "손실")
    unit = 1 if metric == "sharpe" else 100
    values = {label: (-m[metric] if loss else abs(m[metric]) if metric == "max_drawdown" else m[metric]) * unit for label, m in facts.regimes.items() if metric in m}
    x = float(match.group("x"))
    actual = sum((value < x) if below else (value > x) for value in values.values())
    said_n, said_k = match.group("n"), match.group("k")
    n = None if said_n is None else ko.NUMBER_WORDS.get(said_n) or _value(said_n)
    k = len(values) / 2 if said_k in ("half", "절반") else 0.0 if said_k.lower() == "none" else ko.NUMBER_WORDS.get(said_k) or _value(said_k)
    base = {"claim": sentence, "kind": "directional", "entity": "regimes", "metric": f"regimes_past_bar:{metric}"}
    if not values:
        return Finding(**base, status="unverifiable", note=f"no stored regime {metric}")
    holds = k == actual and n in (None, len(values))
    return Finding(**base, claimed=k, stored=actual, status="supported" if holds else "unverifiable",
                   note=f"{actual} of {len(values)} regimes {'under' if below else 'past'} {x:g}" + ("" if holds else ": sent to review"))


def _value(words: str) -> float | None:
    cleaned = words.replace(",", "").lower()
    return float(cleaned) if cleaned.isdigit() else spelled_value(cleaned)[0]


def _regimes_base(sentence: str, match: re.Match[str]) -> dict[str, str]:
    return {"claim": sentence, "kind": "directional", "entity": "regimes", "metric": "regimes_with_gains" if match.group("gain") else "regimes_with_losses"}


def _k_of_n(sentence: str, match: re.Match[str], returns: dict[str, float]) -> Finding:
    """"Four of the five regimes made money": the count of that sign, and the number of regimes."""
    base = _regimes_base(sentence, match)
    if not returns:
        return Finding(**base, status="unverifiable", note="no stored regime returns")
    stated_n = _value(match.group("n")) if match.group("n") else None
    said = match.group("k").lower()
    k = len(returns) / 2 if said == "half" else 0.0 if said == "none" or said.startswith("not") else _value(said)
    actual = sum((value > 0) if match.group("gain") else (value < 0) for value in returns.values())
    holds = k == actual and stated_n in (None, len(returns))
    plain = stated_n == len(returns)  # "four of the five regimes", five stored: a count read for sure
    status = "supported" if holds else "contradicted" if plain else "unverifiable"
    return Finding(**base, claimed=k, stored=actual, status=status, note=f"{actual} of {len(returns)} regimes" + ("" if holds or plain else ": sent to review"))


def _ko_k_of_n(sentence: str, match: re.Match[str], returns: dict[str, float]) -> Finding | None:
    """"여섯 국면 중 절반이 적자였다": the first count after the regimes' number, of the sign named
    nearest it (after it in its clause, else before it), regime names blanked ("하락장" is no loss)."""
    masked = list(sentence)
    for _, start, end in ctx.regime_spans(sentence.lower()):
        masked[start:end] = " " * (end - start)
    text = "".join(masked)
    count = next((c for c in KO_COUNT.finditer(text, match.end()) if c.group("half") or c.group("counter") or c.group("k") not in KO_DETERMINERS and not c.group("k").isdigit()), None)
    if count is None or "." in sentence[match.end():count.start()].replace("..", ""):
        return None
    after = KO_SIGNS.search(text, count.end(), count.end() + 20)
    sign = after or next(iter(reversed(list(KO_SIGNS.finditer(text, 0, count.start())))), None)
    if sign is None:
        return None
    n = ko.NUMBER_WORDS.get(said := match.group("n") or match.group("n2")) or int(said)
    k = n / 2 if count.group("half") else ko.NUMBER_WORDS.get(count.group("k")) or int(count.group("k"))
    gain = bool(sign.group("gain"))
    actual = sum((value > 0) if gain else (value < 0) for value in returns.values())
    base = {"claim": sentence, "kind": "directional", "entity": "regimes", "metric": "regimes_with_gains" if gain else "regimes_with_losses"}
    if not returns:
        return Finding(**base, status="unverifiable", note="no stored regime returns")
    holds = k == actual and n == len(returns)
    status = "supported" if holds else "contradicted" if n == len(returns) else "unverifiable"
    return Finding(**base, claimed=k, stored=actual, status=status, note=f"{actual} of {len(returns)} regimes" + ("" if holds or n == len(returns) else ": sent to review"))


def _every(sentence: str, match: re.Match[str], returns: dict[str, float]) -> Finding:
    """"Every regime except the 2020 high-volatility year made money": the named exceptions have
    the other sign, every other regime this one; "every regime but one": as many exceptions."""
    base = _regimes_base(sentence, match)
    if not returns:
        return Finding(**base, status="unverifiable", note="no stored regime returns")
    verb = match.start("gain") if match.group("gain") else match.start("loss")
    between = sentence[match.start("between"):verb] if match.group("between") else ""  # "but the 2022 bear made money": the word before the verb may be the regime
    exceptions = " ".join((match.group("before") or "", between, match.group("after") or "")).lower()
    excepted = {label for label, _, _ in ctx.regime_spans(exceptions)}
    gained = {label for label, value in returns.items() if value > 0}
    lost = {label for label, value in returns.items() if value < 0}
    claimed = gained if match.group("gain") else lost
    holds = claimed == set(returns) - excepted and excepted <= set(returns)
    if not excepted and (counted := BUT_COUNT.search(exceptions)):  # "every regime but one was profitable": a count of exceptions
        holds = len(returns) - len(claimed) == _value(counted.group("k"))
    plain = not exceptions.strip()  # an exception names a period no regime may be ("the Covid year"): review
    status = "supported" if holds else "contradicted" if plain else "unverifiable"
    return Finding(**base, stored=float(len(claimed)), status=status, note=f"gained: {', '.join(sorted(gained)) or 'none'}; lost: {', '.join(sorted(lost)) or 'none'}")


def _winners(sentence: str, match: re.Match[str], facts: FactSheet) -> Finding:
    """"Of the 38 trades, only 15 were winners": the winners are the win rate of the trades."""
    base = {"claim": sentence, "kind": "numeric", "entity": "strategy", "metric": "win_rate"}
    n, k = (_value(match.group(name) or match.group(f"{name}2")) for name in ("n", "k"))
    win_rate = facts.strategy.get("win_rate")
    if win_rate is None or not n or k is None:
        return Finding(**base, status="unverifiable", note="no stored win rate")
    return Finding(**base, claimed=k / n, stored=win_rate, status="supported" if _whole_winners(k, n, win_rate) else "contradicted", note=f"stored win rate {win_rate:.2%} of {n:g} trades")


def _whole_winners(k: float, n: float, rate: float) -> bool:
    """Whether K winners of N are the stored rate of N, to a whole number of winners."""
    return abs(k - rate * n) < 0.51

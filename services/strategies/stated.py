"""Parameter values the intent states, read by code.

Asked for "a 20-day EMA crossing the 100-day EMA", SmolLM2-135M wrote fast 6, slow 82 and
`sma`: a value a person typed is a fact, so code reads it and the output type fixes it, and the
model chooses only what the intent leaves open. Reading is deliberately conservative: a value is
stated only when the words around it say which parameter it is (the `cues` of the parameter in
data/catalogue/templates.yaml), or it is a period ("20-day", "30 and 150 periods", "8/21/5") and
the template's numeric parameters take it in their declared order. Anything ambiguous (two
choices of one parameter named, a value out of range, stated values that break a rule) is left
to the model and the validator. The same reading breaks a near tie between templates: the one
whose parameters the intent names is drafted (`best_supported`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from services.strategies.catalogue import Catalogue, ParamSpec, Template

Value = int | float | str

TOKEN = re.compile(r"(?<![a-z\d.])\d+(?:\.\d+)?|[a-z%σ&]+|[/,()]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
NUMBER_WORDS = {
    "half": 0.5, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
PERIOD_UNITS = frozenset({"day", "days", "period", "periods", "bar", "bars", "session", "sessions"})
# Calendar units a `*_days` parameter converts to trading days.
TRADING_DAYS = {"day": 1, "days": 1, "week": 5, "weeks": 5, "month": 21, "months": 21, "year": 252, "years": 252}
# Words that make a bare week, month or year one of it: "skipping the latest month", "the past year"
# (only a `*_days` parameter's cue takes it; "once a day" is no window of one).
ONE_OF = frozenset({"a", "last", "latest", "past", "recent"})
SEQUENCE_JOINS = frozenset({"/", ",", "and"})
# Index names whose number is part of the name ("S&P 500", "Russell 2000"), never a parameter.
NAMED_INDICES = frozenset({"s&p", "russell", "nikkei", "ftse", "stoxx", "nasdaq", "dax", "cac", "msci", "kospi", "kosdaq"})
CUE_WINDOW = 3
# Cues that measure a number rather than say what it is for: "exit at 0.5 standard deviations"
# names the exit, "stop loss 2 ATR" the stop; such a cue yields to a word of purpose nearby.
UNIT_CUES = frozenset({"sigma", "σ", "std", "stdev", "sd", "standard deviation", "standard deviations", "atr", "atrs", "times", "x"})
CLAUSE_BREAK = ","


@dataclass(frozen=True)
class Mention:
    """A number in the intent: its value, the word after it, its token position, and whether it
    is one of a run of numbers ("8/21/5", "30 and 150")."""

    value: float
    unit: str
    at: int
    in_sequence: bool


def stated_params(intent: str, template: Template, catalogue: Catalogue, revision: str = "") -> dict[str, Value]:
    """The parameters of `template` whose value the intent states, each within its valid range;
    what a revision request states replaces what the intent stated."""
    return _consistent(_read(intent, template, catalogue).values | _read(revision, template, catalogue).values, template)


def best_supported(templates: list[Template], intent: str, catalogue: Catalogue) -> list[Template]:
    """Of near-tied templates, the one whose parameters the intent names most ("a new 20-day
    high, out on a 5-day low" names a channel breakout's entry and exit), if one does; else all
    of them, for the model to choose. Windows filled in declared order name nothing."""
    named = [_read(intent, t, catalogue).named for t in templates]
    best = max(named, default=0)
    return [templates[named.index(best)]] if best and named.count(best) == 1 else templates


@dataclass(frozen=True)
class _Reading:
    values: dict[str, Value]
    named: int  # parameters named by a choice value or a cue word


def _read(text: str, template: Template, catalogue: Catalogue) -> _Reading:
    tokens = TOKEN.findall(text.lower())
    numeric = {name: spec for name, spec in template.params.items() if spec.type != "choice"}
    mentions = _mentions(tokens)
    by_cue = _by_cue(tokens, mentions, numeric)
    used = {at for _, at in by_cue.values()}
    windows = [m for m in mentions if m.at not in used and _is_window(m, tokens, template, catalogue)]
    numbers = {name: value for name, (value, _) in by_cue.items()}
    said = {name: value for name, value in _said(tokens, numeric).items() if name not in numbers}
    choices = _choices(tokens, template, catalogue)
    in_order = _by_order(windows, {n: s for n, s in numeric.items() if n not in numbers and n not in said})
    return _Reading(choices | numbers | said | in_order, len(choices) + len(numbers) + len(said))


def _said(tokens: list[str], numeric: dict[str, ParamSpec]) -> dict[str, Value]:
    """Values stated in words, by the parameter's `phrases` ("take profit at the middle band")."""
    found: dict[str, Value] = {}
    for name, spec in numeric.items():
        if said := _phrased(tokens, spec):
            found[name] = int(said[0]) if spec.type == "int" else said[0]
    return found


def _phrased(tokens: list[str], spec: ParamSpec) -> list[Value]:
    """The values the parameter's `phrases` found in the text, in their declared order."""
    return [value for phrase, value in spec.phrases.items() if _find(tokens, phrase)]


def _by_cue(tokens: list[str], mentions: list[Mention], numeric: dict[str, ParamSpec]) -> dict[str, tuple[Value, int]]:
    """Numbers next to a parameter's cue word: the assignment that gives the most parameters a
    number, each number to one parameter, then the nearest (then longest) cues. Greedy nearest
    first read "12개월 수익률 ..., 최근 1개월은 제외" ("12 months return ..., last 1 months skip")
    as a lookback of one month and no skip; both fit only the other way round."""
    by_position = {m.at: m for m in mentions}
    options: dict[str, dict[int, tuple[int, int, Value]]] = {}  # parameter -> mention position -> (distance, cue length, value)
    for distance, shorter, at, name in sorted(_cue_matches(tokens, mentions, numeric)):
        if at not in options.get(name, {}) and (value := _fit(by_position[at], name, numeric[name])) is not None:
            options.setdefault(name, {})[at] = (distance, -shorter, value)
    best: tuple[tuple[int, int, int], dict[str, tuple[Value, int]]] = ((0, 0, 0), {})
    for choice in product(*([None, *found] for found in options.values())):
        picked = {name: at for name, at in zip(options, choice, strict=True) if at is not None}
        if len(set(picked.values())) < len(picked):
            continue
        cost = [options[name][at] for name, at in picked.items()]
        score = (len(picked), -sum(c[0] for c in cost), sum(c[1] for c in cost))
        if score > best[0]:
            best = (score, {name: (options[name][at][2], at) for name, at in picked.items()})
    return best[1]


def _by_order(windows: list[Mention], numeric: dict[str, ParamSpec]) -> dict[str, Value]:
    """Windows fill the remaining parameters in declared order: a lone window ("20-day") only a
    count, a run of numbers ("Bollinger 20, 2") any numeric parameter."""
    found: dict[str, Value] = {}
    for mention in windows:
        name = next((n for n, spec in numeric.items() if n not in found and (mention.in_sequence or spec.type == "int")), None)
        if name is not None and (value := _fit(mention, name, numeric[name])) is not None:
            found[name] = value
    return found


def _choices(tokens: list[str], template: Template, catalogue: Catalogue) -> dict[str, str]:
    """A choice is stated when exactly one of its values is named (by an alias or a phrase)."""
    found: dict[str, str] = {}
    for name, spec in template.params.items():
        if spec.type != "choice":
            continue
        named = [choice for choice in spec.choices if any(_named(tokens, alias) for alias in _aliases(choice, template, catalogue))]
        named = list(dict.fromkeys([*named, *_phrased(tokens, spec)]))  # two phrases of one value name it once
        if len(named) == 1:
            found[name] = named[0]
    return found


def _aliases(choice: str, template: Template, catalogue: Catalogue) -> list[str]:
    """Words that name a choice: its value ("below zero", "ema"; not a word as common as "off"),
    and an indicator's name and synonyms, less those that describe the template itself
    ("oversold" names no oscillator in particular)."""
    indicator = catalogue.indicators.get(choice)
    if indicator is None:
        phrase = choice.replace("_", " ")
        every = [f"every {phrase[:-2]}", f"each {phrase[:-2]}"] if phrase.endswith("ly") else []
        return ([phrase] if len(phrase) > 3 else []) + every
    describing = f" {' '.join(_words(template.description + ' ' + ' '.join(template.synonyms)))} "
    own_words = {choice, *_words(indicator.name)}
    return [choice, indicator.name] + [
        synonym for synonym in indicator.synonyms
        if (len(_words(synonym)) == 1 and set(_words(synonym)) <= own_words) or f" {' '.join(_words(synonym))} " not in describing
    ]


def _named(tokens: list[str], alias: str) -> bool:
    """The alias occurs other than as a number's unit ("a 2 ATR stop" names no ATR channel)."""
    return any(not (start and _number(tokens[start - 1]) is not None) for start in _find(tokens, alias))


def _mentions(tokens: list[str]) -> list[Mention]:
    mentions = []
    for at, token in enumerate(tokens):
        if token in ("week", "month", "year") and at and tokens[at - 1] in ONE_OF:  # not "a day": no window of 1
            mentions.append(Mention(1.0, token, at - 1, False))  # "the latest month": one month
            continue
        value = _number(token)
        if value is None or (at and tokens[at - 1] in NAMED_INDICES):
            continue
        unit = tokens[at + 1] if at + 1 < len(tokens) else ""
        if unit == "%":
            continue
        joined = any(
            0 <= at + 2 * step < len(tokens) and tokens[at + step] in SEQUENCE_JOINS and NUMBER.fullmatch(tokens[at + 2 * step])
            for step in (-1, 1)
        )
        mentions.append(Mention(value, unit, at, joined))
    return mentions


def _cue_matches(tokens: list[str], mentions: list[Mention], numeric: dict[str, ParamSpec]) -> list[tuple[int, int, int, str]]:
    """(distance, -cue length, mention position, parameter) for every cue near a number in the
    same clause: "55일 신고가 돌파 시 진입, 20일 신저가 이탈 시 청산" reads as "55 days new high
    ... entry enter, 20 days new low ... exit", and the entry cue belongs to 55, not to 20."""
    matches = []
    for name, spec in numeric.items():
        for cue in spec.cues:
            for start in _find(tokens, cue):
                length = len(_words(cue))
                for mention in mentions:
                    distance = start - mention.at if start > mention.at else mention.at - (start + length - 1)
                    between = tokens[min(start, mention.at) + 1 : max(start, mention.at)]
                    if 0 < distance <= CUE_WINDOW and CLAUSE_BREAK not in between:
                        matches.append((distance + (CUE_WINDOW if cue in UNIT_CUES else 0), -length, mention.at, name))
    return matches


def _is_window(mention: Mention, tokens: list[str], template: Template, catalogue: Catalogue) -> bool:
    """A number that reads as a window: "20-day", "30 and 150 periods", "RSI(2)", "MACD 8/21/5"."""
    if mention.unit in PERIOD_UNITS or mention.in_sequence:
        return True
    indicator_words = [alias for i in template.indicators for alias in (i, *catalogue.indicators[i].synonyms)]
    before = tokens[max(0, mention.at - 2):mention.at]
    return any(_find(before, alias) for alias in indicator_words) and mention.value == int(mention.value)


def _fit(mention: Mention, name: str, spec: ParamSpec) -> Value | None:
    """The mention as a value of this parameter, or None if it cannot be one."""
    value = mention.value
    if name.endswith("_days") and mention.unit in TRADING_DAYS:
        value *= TRADING_DAYS[mention.unit]
    elif mention.unit in TRADING_DAYS and mention.unit not in PERIOD_UNITS:
        return None  # "10-year Treasury" names an instrument, not a window
    if spec.type == "int":
        if value != int(value):
            return None
        value = int(value)
    if not spec.min <= value <= spec.max:  # type: ignore[operator]
        return None
    return value


def _consistent(stated: dict[str, Value], template: Template) -> dict[str, Value]:
    """Drop stated values that break one of the template's ordering rules: together ("fast 100,
    slow 20"), or alone when no valid value of the partner could satisfy the rule (an entry
    threshold of 100 leaves no exit above it)."""
    broken: set[str] = set()
    for rule in template.rules:
        left, right = template.params[rule.left], template.params[rule.right]
        values = {
            rule.left: float(stated[rule.left]) if rule.left in stated else float(left.min),  # type: ignore[arg-type]
            rule.right: float(stated[rule.right]) if rule.right in stated else float(right.max),  # type: ignore[arg-type]
        }
        if (rule.left in stated or rule.right in stated) and not rule.holds(values):
            broken |= {name for name in (rule.left, rule.right) if name in stated}
    return {name: value for name, value in stated.items() if name not in broken}


def _number(token: str) -> float | None:
    return float(token) if NUMBER.fullmatch(token) else NUMBER_WORDS.get(token)


def _words(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def _find(tokens: list[str], phrase: str) -> list[int]:
    """Start positions of the phrase's tokens in `tokens`."""
    words = _words(phrase)
    return [i for i in range(len(tokens) - len(words) + 1) if tokens[i:i + len(words)] == words] if words else []

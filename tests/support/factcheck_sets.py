"""The fact checker's labelled sentence sets and how they are scored, shared by the tests that
hold the floors (tests/guardrails/test_factcheck.py) and `python -m bench.factcheck_eval`, which
prints the tables docs/factcheck.md quotes.

Recall: share of sentences labelled `contradicted` that do not come out `verified` (a
contradicted claim must never pass; `unverifiable` still sends the report to a reviewer).
False alarms: share of sentences labelled `supported` that do not come out `verified`; the worst
kind, a true sentence judged `contradicted`, is counted on its own. A sentence with no checkable
claim (label `none`, or `no_claim: true`) must never come out `verified`: nothing was checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from guardrails.factcheck import FactCheckResult, FactSheet, check
from services.platform.settings import REPO_ROOT
from services.reports import store
from services.reports.facts import fact_sheet

DATA = REPO_ROOT / "tests" / "data"
DEV_SET = "factcheck_labelled.yaml"
# Written blind before the checker was tuned against them: measured before and after a round, never tuned on.
UNTUNED_SETS = ("factcheck_heldout_2027_03.yaml", "factcheck_heldout_2027_09.yaml", "factcheck_heldout_2027_10.yaml", "factcheck_ko_heldout_2027_05.yaml", "factcheck_ko_heldout_2027_06.yaml", "factcheck_heldout_2027_15.yaml", "factcheck_ko_heldout_2027_11.yaml", "factcheck_heldout_2027_17.yaml", "factcheck_ko_heldout_2027_13.yaml", "factcheck_heldout_2027_19.yaml", "factcheck_ko_heldout_2027_15.yaml", "factcheck_heldout_2027_23.yaml", "factcheck_ko_heldout_2027_19.yaml", "factcheck_heldout_2027_25.yaml", "factcheck_ko_heldout_2027_21.yaml", "factcheck_heldout_2027_27.yaml", "factcheck_ko_heldout_2027_23.yaml", "factcheck_heldout_2027_29.yaml", "factcheck_ko_heldout_2027_25.yaml", "factcheck_heldout_2027_31.yaml", "factcheck_ko_heldout_2027_27.yaml", "factcheck_heldout_2027_33.yaml", "factcheck_ko_heldout_2027_31.yaml", "factcheck_heldout_2027_35.yaml", "factcheck_ko_heldout_2027_33.yaml", "factcheck_heldout_2027_37.yaml", "factcheck_ko_heldout_2027_35.yaml", "factcheck_heldout_2027_39.yaml", "factcheck_ko_heldout_2027_37.yaml", "factcheck_heldout_2027_41.yaml", "factcheck_ko_heldout_2027_39.yaml", "factcheck_heldout_2027_43.yaml", "factcheck_ko_heldout_2027_41.yaml", "factcheck_heldout_2027_45.yaml", "factcheck_ko_heldout_2027_43.yaml", "factcheck_heldout_2027_47.yaml", "factcheck_ko_heldout_2027_45.yaml", "factcheck_heldout_2027_49.yaml", "factcheck_ko_heldout_2027_47.yaml", "factcheck_heldout_2027_51.yaml", "factcheck_ko_heldout_2027_49.yaml", "factcheck_heldout_2027_53.yaml", "factcheck_ko_heldout_2027_51.yaml", "factcheck_heldout_2027_55.yaml", "factcheck_ko_heldout_2027_53.yaml", "factcheck_heldout_2027_57.yaml", "factcheck_ko_heldout_2027_55.yaml", "factcheck_heldout_2027_59.yaml", "factcheck_ko_heldout_2027_57.yaml", "factcheck_heldout_2027_61.yaml", "factcheck_ko_heldout_2027_59.yaml", "factcheck_heldout_2027_63.yaml", "factcheck_ko_heldout_2027_61.yaml", "factcheck_heldout_2027_65.yaml", "factcheck_ko_heldout_2027_65.yaml", "factcheck_heldout_2027_67.yaml", "factcheck_ko_heldout_2027_67.yaml", "factcheck_ko_heldout_2027_69.yaml", "factcheck_heldout_2027_69.yaml", "factcheck_ko_heldout_2027_71.yaml", "factcheck_heldout_2027_71.yaml", "factcheck_ko_heldout_2027_73.yaml", "factcheck_heldout_2027_73.yaml", "factcheck_ko_heldout_2027_75.yaml", "factcheck_heldout_2027_75.yaml", "factcheck_ko_heldout_2027_77.yaml")
# Where each set's backtests are: the shipped samples, or backtests invented for one set only.
BACKTEST_DIRS = (REPO_ROOT / "data" / "backtests", DATA / "factcheck_backtests")
EXPECTED = {"supported": "verified", "none": "unverifiable", "contradicted": "contradicted", "unverifiable": "unverifiable"}


@dataclass(frozen=True)
class Labelled:
    text: str
    label: str
    facts: FactSheet
    no_claim: bool = False


@dataclass(frozen=True)
class Judged:
    item: Labelled
    verdict: str


@dataclass(frozen=True)
class Score:
    name: str
    judged: tuple[Judged, ...]
    untuned: bool = False

    def _count(self, label: str, verdicts: tuple[str, ...] | None = None, *, negate: bool = False) -> int:
        return sum(
            j.item.label == label and not j.item.no_claim and (verdicts is None or (j.verdict in verdicts) != negate)
            for j in self.judged
        )

    @property
    def contradicted(self) -> int:
        return self._count("contradicted")

    @property
    def caught(self) -> int:
        return self._count("contradicted", ("verified",), negate=True)

    @property
    def true(self) -> int:
        return self._count("supported")

    @property
    def false_alarms(self) -> int:
        return self._count("supported", ("verified",), negate=True)

    @property
    def true_contradicted(self) -> int:
        return self._count("supported", ("contradicted",))

    @property
    def unconfirmable(self) -> int:
        return self._count("unverifiable")

    @property
    def unconfirmable_verified(self) -> int:
        return self._count("unverifiable", ("verified",))

    @property
    def no_claim(self) -> int:
        return sum(j.item.no_claim for j in self.judged)

    @property
    def no_claim_verified(self) -> int:
        return sum(j.item.no_claim and j.verdict == "verified" for j in self.judged)

    @property
    def exact(self) -> int:
        return sum(EXPECTED[j.item.label] == j.verdict for j in self.judged)

    @property
    def row(self) -> str:
        return (
            f"| {self.name}{' (written before tuning)' if self.untuned else ''} | {len(self.judged)} | {_ratio(self.caught, self.contradicted)} | {_ratio(self.false_alarms, self.true)} | "
            f"{self.true_contradicted} | {self.no_claim_verified}/{self.no_claim} | {self.unconfirmable_verified}/{self.unconfirmable} | "
            f"{self.exact}/{len(self.judged)} |"
        )

    def misses(self) -> list[str]:
        """The sentences whose verdict is not the expected one, to read while tuning."""
        return [f"  {j.item.label:>12} -> {j.verdict:<12} {j.item.text}" for j in self.judged if EXPECTED[j.item.label] != j.verdict]


HEADER = (
    "| set | sentences | false claims caught (recall) | true sentences flagged (false alarms) | true sentences contradicted "
    "| no-claim sentences verified | unconfirmable claims verified | exact verdict |\n|---|---|---|---|---|---|---|---|"
)


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "0/0"


def dev_set() -> list[Labelled]:
    """The set the checker was first built on: one hand-written fact sheet, sentences against it."""
    data = yaml.safe_load((DATA / DEV_SET).read_text())
    facts = FactSheet.model_validate(data["facts"])
    return [_labelled(item, facts) for item in data["items"]]


def sample_set(path: Path) -> list[Labelled]:
    """A set written against the sample backtests (each item names its backtest)."""
    sheets: dict[str, FactSheet] = {}
    items = []
    for item in yaml.safe_load(path.read_text()):
        if item["backtest"] not in sheets:
            path = next(p for folder in BACKTEST_DIRS if (p := folder / f"{item['backtest']}.json").exists())
            sheets[item["backtest"]] = fact_sheet(store.load_file(path))
        items.append(_labelled(item, sheets[item["backtest"]]))
    return items


def _labelled(item: dict, facts: FactSheet) -> Labelled:
    return Labelled(item["text"], item["label"], facts, no_claim=item["label"] == "none" or bool(item.get("no_claim")))


_CHECKED: dict[int, tuple[Labelled, FactCheckResult]] = {}


def checked(item: Labelled) -> FactCheckResult:
    """The checker's result for a labelled sentence, computed once per item: the tests score a set
    and then assert each of its sentences, and the checker is the slow part of both."""
    if id(item) not in _CHECKED:
        _CHECKED[id(item)] = (item, check(item.text, item.facts))  # the item is kept, so its id stays its own
    return _CHECKED[id(item)][1]


def score(name: str, items: Iterable[Labelled], *, untuned: bool = False) -> Score:
    return Score(name, tuple(Judged(item, checked(item).verdict) for item in items), untuned)


class ScoredSets(Mapping[str, Score]):
    """Set name ("heldout_2027_03") -> its score, computed when a test first asks for it: with two
    test workers, scoring every set at collection did it twice."""

    def __init__(self, names: Iterable[str], *, untuned: bool = False) -> None:
        self._names, self._untuned, self._scores = tuple(names), untuned, {}

    def __getitem__(self, name: str) -> Score:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._scores:
            self._scores[name] = score(name, sample_set(DATA / f"factcheck_{name}.yaml"), untuned=self._untuned)
        return self._scores[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def scores(*, tuning_only: bool) -> list[Score]:
    """Every labelled set scored; the sets kept for the end left out when tuning."""
    found = [score("labelled (dev)", dev_set())]
    for path in sorted(DATA.glob("factcheck_*.yaml")):
        untuned = path.name in UNTUNED_SETS
        if path.name != DEV_SET and not (tuning_only and untuned):
            found.append(score(path.stem.removeprefix("factcheck_"), sample_set(path), untuned=untuned))
    return found

"""Recall and false-alarm rate of the fact checker on the labelled sets.

    python -m bench.factcheck_eval            # prints the table docs/factcheck.md quotes

Recall: share of sentences labelled `contradicted` that do not come out `verified` (a
contradicted claim must never pass; `unverifiable` still sends the report to a reviewer).
False alarms: share of sentences labelled `supported`/`none` that do not come out `verified`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from guardrails.factcheck import FactSheet, check
from services.platform.settings import REPO_ROOT
from services.reports import store
from services.reports.facts import fact_sheet

DATA = REPO_ROOT / "tests" / "data"
EXPECTED = {"supported": "verified", "none": "verified", "contradicted": "contradicted", "unverifiable": "unverifiable"}


@dataclass(frozen=True)
class Labelled:
    text: str
    label: str
    facts: FactSheet


@dataclass(frozen=True)
class Score:
    name: str
    sentences: int
    contradicted: int
    caught: int
    exact: int
    clean: int
    false_alarms: int

    @property
    def row(self) -> str:
        recall = self.caught / self.contradicted if self.contradicted else 1.0
        alarms = self.false_alarms / self.clean if self.clean else 0.0
        return (
            f"| {self.name} | {self.sentences} | {self.caught}/{self.contradicted} ({recall:.0%}) | "
            f"{self.false_alarms}/{self.clean} ({alarms:.0%}) | {self.exact}/{self.sentences} |"
        )


def dev_set() -> list[Labelled]:
    """The set the checker was tuned on: one hand-written fact sheet, sentences against it."""
    data = yaml.safe_load((DATA / "factcheck_labelled.yaml").read_text())
    facts = FactSheet.model_validate(data["facts"])
    return [Labelled(item["text"], item["label"], facts) for item in data["items"]]


def sample_set(path: Path) -> list[Labelled]:
    """A set written against the sample backtests (each item names its backtest)."""
    sheets: dict[str, FactSheet] = {}
    items = []
    for item in yaml.safe_load(path.read_text()):
        if item["backtest"] not in sheets:
            sheets[item["backtest"]] = fact_sheet(store.load_file(REPO_ROOT / "data" / "backtests" / f"{item['backtest']}.json"))
        items.append(Labelled(item["text"], item["label"], sheets[item["backtest"]]))
    return items


def score(name: str, items: Iterable[Labelled]) -> Score:
    items = list(items)
    verdicts = [(item.label, check(item.text, item.facts).verdict) for item in items]
    return Score(
        name=name,
        sentences=len(items),
        contradicted=sum(label == "contradicted" for label, _ in verdicts),
        caught=sum(label == "contradicted" and verdict != "verified" for label, verdict in verdicts),
        exact=sum(EXPECTED[label] == verdict for label, verdict in verdicts),
        clean=sum(label in ("supported", "none") for label, _ in verdicts),
        false_alarms=sum(label in ("supported", "none") and verdict != "verified" for label, verdict in verdicts),
    )


def main() -> None:
    print("| set | sentences | contradicted caught (recall) | false alarms | exact verdict |")
    print("|---|---|---|---|---|")
    print(score("dev (tuned on)", dev_set()).row)
    for path in sorted(DATA.glob("factcheck_*.yaml")):
        if path.name != "factcheck_labelled.yaml":
            print(score(path.stem.removeprefix("factcheck_"), sample_set(path)).row)


if __name__ == "__main__":
    main()

"""The guardrails' labelled sets (tests/data/guardrails_*.yaml) and how each check is scored on
them, shared by tests/guardrails/test_guardrail_quality.py (the floors) and `python -m
bench.guardrails` (the tables docs/guardrails.md quotes). A check "predicts" an item when its
score reaches the policy threshold (the check's default; injection also at the ChatOps
threshold, where it blocks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from guardrails.policy import Stage
from guardrails.redaction import find_secrets
from guardrails.screen import Guardrails
from services.platform.settings import REPO_ROOT

DATA = REPO_ROOT / "tests" / "data"
POLICY = REPO_ROOT / "data" / "guardrails" / "policy.yaml"


@dataclass(frozen=True)
class Confusion:
    name: str
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def row(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"| {self.name} | {self.tp + self.fn} | {self.tp}/{self.tp + self.fp} ({precision:.0%}) | {self.tp}/{self.tp + self.fn} ({recall:.0%}) | {self.fp} |"


def confusion(name: str, items: list[dict], truth: Callable[[dict], bool], predict: Callable[[str], bool]) -> tuple[Confusion, list[str]]:
    """The confusion counts, and the misses as lines to read."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    misses: list[str] = []
    for item in items:
        expected, got = truth(item), predict(item["text"])
        key = ("t" if expected == got else "f") + ("p" if got else "n")
        counts[key] += 1
        if expected != got:
            misses.append(f"  {'missed' if expected else 'false alarm'} [{name}]: {item['text'][:110]!r}")
    return Confusion(name, **counts), misses


def evaluate(path: Path, guardrails: Guardrails, *, show_misses: bool) -> list[Confusion]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    policy = guardrails.policy
    toxicity, injection = policy.checks["toxicity"].threshold, policy.checks["injection"].threshold
    chatops_injection = policy.threshold("injection", policy.rules("chatops", Stage.input)["injection"])
    results = [
        confusion(f"toxicity (>= {toxicity})", items, lambda i: i["toxic"], lambda t: guardrails.toxicity(t)[0] >= toxicity),
        confusion(f"injection (>= {injection})", items, lambda i: i["injection"], lambda t: guardrails.injection(t)[0] >= injection),
        confusion(f"injection, ChatOps (>= {chatops_injection})", items, lambda i: i["injection"], lambda t: guardrails.injection(t)[0] >= chatops_injection),
        confusion("secrets (any kind)", items, lambda i: bool(i["secrets"]), lambda t: bool(find_secrets(t))),
    ]
    print(f"\n{path.name}: {len(items)} texts\n")
    print("| check | positives | precision | recall | false alarms |\n|---|---|---|---|---|")
    for result, _ in results:
        print(result.row)
    if show_misses:
        for _, misses in results:
            print("\n".join(misses))
    return [result for result, _ in results]

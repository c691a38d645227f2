"""Precision, recall and added latency of each guardrail check on the labelled sets.

    python -m bench.guardrails                 # dev and blind sets, the tables docs/guardrails.md quotes
    python -m bench.guardrails --rounds 5      # more latency samples

The sets (tests/data/guardrails_{dev,blind}.yaml) were written by someone who never saw the
detectors; the patterns were tuned on the dev set only. A check "predicts" an item when its
score reaches the policy threshold (the check's default; injection also at the ChatOps
threshold, where it blocks). Latency is per call of one check on one text, and for a whole
gateway input screening (all checks the policy runs there), p50/p95 over every text and round.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from guardrails.policy import Stage, load_policy
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


def latency(guardrails: Guardrails, texts: list[str], rounds: int) -> None:
    """p50/p95 of each check alone, and of the gateway's whole input screening."""
    probes: dict[str, Callable[[str], object]] = {
        "toxicity (profanity-check per sentence + patterns)": guardrails.toxicity,
        "injection (heuristics)": guardrails.injection,
        "secrets (redaction)": find_secrets,
        "gateway input screening (all three)": lambda t: guardrails.screen("gateway", Stage.input, t),
    }
    guardrails.warm_up()
    print(f"\nlatency over {len(texts)} texts x {rounds} rounds (ms)\n\n| check | p50 | p95 | max |\n|---|---|---|---|")
    for name, probe in probes.items():
        samples: list[float] = []
        for _ in range(rounds):
            for text in texts:
                started = time.perf_counter()
                probe(text)
                samples.append((time.perf_counter() - started) * 1000)
        cuts = statistics.quantiles(samples, n=20)
        print(f"| {name} | {statistics.median(samples):.2f} | {cuts[18]:.2f} | {max(samples):.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="Latency rounds over all texts.")
    parser.add_argument("--misses", action="store_true", help="Print every miss and false alarm.")
    parser.add_argument("--sets", nargs="+", default=["dev", "blind", "holdout"], choices=["dev", "blind", "holdout"], help="Which labelled sets.")
    args = parser.parse_args()
    guardrails = Guardrails(load_policy(POLICY))
    print(f"guardrail policy {guardrails.policy.version}")
    texts: list[str] = []
    for name in (f"guardrails_{split}.yaml" for split in args.sets):
        evaluate(DATA / name, guardrails, show_misses=args.misses)
        texts += [item["text"] for item in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))]
    latency(guardrails, texts, args.rounds)


if __name__ == "__main__":
    main()

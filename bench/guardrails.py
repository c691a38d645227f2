"""Precision, recall and added latency of each guardrail check on the labelled sets.

    python -m bench.guardrails                 # dev, blind and holdout sets, the tables docs/guardrails.md quotes
    python -m bench.guardrails --sets ko_dev ko_blind ko_blind2   # the Korean sets
    python -m bench.guardrails --rounds 5      # more latency samples

The sets (tests/data/guardrails_{dev,blind}.yaml) were written by someone who never saw the
detectors; the patterns were tuned on the dev set only; tests/support/guardrail_sets.py scores
them. Latency is per call of one check on one text, and for a whole
gateway input screening (all checks the policy runs there), p50/p95 over every text and round.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import yaml

from guardrails.policy import Stage, load_policy
from guardrails.redaction import find_secrets
from guardrails.screen import Guardrails
from tests.support.guardrail_sets import DATA, POLICY, evaluate


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
    parser.add_argument("--sets", nargs="+", default=["dev", "blind", "holdout"], choices=["dev", "blind", "holdout", "ko_dev", "ko_blind", "ko_blind2"], help="Which labelled sets.")
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

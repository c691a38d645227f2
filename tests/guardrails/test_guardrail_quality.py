"""Quality floors on the labelled sets (bench.guardrails prints the full tables).

The dev and blind sets were used for tuning, so their floors guard against regressions; the
holdout set was measured once after tuning, and its floor is set below that measurement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.guardrails import DATA, POLICY, evaluate
from guardrails.policy import load_policy
from guardrails.screen import Guardrails

# precision, recall of every check; docs/guardrails.md has the measured values
FLOORS = {"guardrails_dev.yaml": (0.95, 0.9), "guardrails_blind.yaml": (0.95, 0.85), "guardrails_holdout.yaml": (0.7, 0.3)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_precision_and_recall_floors(name: str) -> None:
    precision_floor, recall_floor = FLOORS[name]
    for result in evaluate(Path(DATA / name), Guardrails(load_policy(POLICY)), show_misses=False):
        precision = result.tp / (result.tp + result.fp) if result.tp + result.fp else 1.0
        recall = result.tp / (result.tp + result.fn)
        assert precision >= precision_floor and recall >= recall_floor, result.row

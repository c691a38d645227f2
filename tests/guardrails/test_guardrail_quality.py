"""Quality floors on the labelled sets (bench.guardrails prints the full tables).

The dev and blind sets were used for tuning, so their floors guard against regressions; the
holdout set was measured once after tuning, and its floor is set below that measurement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.guardrail_sets import DATA, POLICY, evaluate
from guardrails.policy import load_policy
from guardrails.screen import Guardrails

# (precision, recall) floor of each check per set; docs/guardrails.md has the measured values.
# The holdout floors sit just under its one measurement (toxicity 10/14 and 10/31, injection 19/20
# and 19/38, secrets 36/39 and 36/39): one more miss or false alarm on any check fails.
TUNED = {"toxicity": (0.95, 0.9), "injection": (0.95, 0.9), "injection, ChatOps": (0.95, 0.9), "secrets": (0.95, 0.9)}
FLOORS = {
    "guardrails_dev.yaml": TUNED,
    "guardrails_blind.yaml": {**TUNED, "injection": (0.95, 0.85), "injection, ChatOps": (0.95, 0.85)},
    "guardrails_holdout.yaml": {"toxicity": (0.7, 0.3), "injection": (0.93, 0.49), "injection, ChatOps": (0.93, 0.49), "secrets": (0.91, 0.91)},
    # Korean (issue 20): the dev set and, in the second round, the first blind set were tuned on
    # (ko_blind: toxicity 26/27 and 26/26, injection 25/25, secrets 11/11); the second blind set
    # was measured once after that round (toxicity 22/24 and 22/26, injection 23/25 and 23/33,
    # secrets 17/17): its floors sit just under, as the holdout's do.
    "guardrails_ko_dev.yaml": {"toxicity": (0.95, 0.9), "injection": (0.9, 0.9), "injection, ChatOps": (0.9, 0.9), "secrets": (1.0, 1.0)},
    "guardrails_ko_blind.yaml": {"toxicity": (0.95, 0.95), "injection": (0.95, 0.95), "injection, ChatOps": (0.95, 0.95), "secrets": (0.95, 0.95)},
    "guardrails_ko_blind2.yaml": {"toxicity": (0.9, 0.8), "injection": (0.9, 0.68), "injection, ChatOps": (0.9, 0.68), "secrets": (0.95, 0.95)},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_precision_and_recall_floors(name: str) -> None:
    results = evaluate(Path(DATA / name), Guardrails(load_policy(POLICY)), show_misses=False)
    checks = {result.name.split(" (")[0]: result for result in results}
    assert checks.keys() == FLOORS[name].keys()
    for check, result in checks.items():
        precision_floor, recall_floor = FLOORS[name][check]
        precision = result.tp / (result.tp + result.fp) if result.tp + result.fp else 1.0
        recall = result.tp / (result.tp + result.fn) if result.tp + result.fn else 1.0  # a set with no positives of a kind
        assert precision >= precision_floor and recall >= recall_floor, result.row

"""The eval gate of a production prompt promotion (`services.operations.promotions` asks it):
a recorded eval run (`insightstack eval run --record`) that measured this very version and passed
at least the floor on every suite of the prompt's product.

A prompt that no product suite measures (`platform.market_brief`) has no gate: there is nothing
to measure it with, and refusing it forever would only invite bypasses.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from services.evaluation.models import EvalRun
from services.evaluation.records import PRODUCT_PROMPTS, runs_measuring
from services.platform.errors import Conflict

PRODUCT_OF_PROMPT = {prompt_id: product for product, prompt_id in PRODUCT_PROMPTS.items()}
EVAL_HINT = "record one with `insightstack eval run data/eval/*.yaml --record` on a platform that serves that version"


def passing_run(session: Session, prompt_id: str, version: str, floor: float) -> int | None:
    """The id of the newest recorded run that measured ``version`` of ``prompt_id`` and passed ``floor`` on
    every suite of its product (and has at least one); None when no product suite measures the
    prompt. Conflict, naming what is missing, when no run qualifies."""
    product = PRODUCT_OF_PROMPT.get(prompt_id)
    if product is None:
        return None
    runs = runs_measuring(session, prompt_id, version)
    for run in runs:
        suites = [suite for suite in run.suites if suite["product"] == product]
        if suites and all(suite["pass_rate"] >= floor for suite in suites):
            return run.id
    if not runs:
        raise Conflict(f"no recorded eval run measured {prompt_id} {version}: {EVAL_HINT}")
    raise Conflict(f"no recorded eval run of {prompt_id} {version} reaches the floor {floor:.0%} on every {product} suite; the newest, {_shortfall(runs[0], product, floor)}")


def _shortfall(run: EvalRun, product: str, floor: float) -> str:
    suites = [suite for suite in run.suites if suite["product"] == product]
    if not suites:
        return f"run {run.id} ({run.model}), has no {product} suite"
    below = ", ".join(f"{suite['file'].rsplit('/', 1)[-1]} {suite['pass_rate']:.0%}" for suite in suites if suite["pass_rate"] < floor)
    return f"run {run.id} ({run.model}), is below it: {below}"

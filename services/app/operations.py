"""The operations parts built from a `Platform` (the composition root takes it apart here, as
`products.py` does for the products): release records, prompt promotions with the eval gate."""

from __future__ import annotations

from services.evaluation.gate import passing_run
from services.operations.promotions import Promotions
from services.operations.releases import Releases
from services.platform.runtime import Platform


def releases_of(platform: Platform) -> Releases:
    settings = platform.settings
    return Releases(platform.db, platform.registry, env=settings.env, models_file=settings.models_file, git_commit=settings.git_commit)


def promotions_of(platform: Platform) -> Promotions:
    return Promotions(platform.db, platform.prompts, releases_of(platform), passing_run, floor=platform.settings.eval_promotion_floor)

"""Model aliases per environment: models.yaml's, unless a release rollback pinned one elsewhere.

Clients call models by alias (`default`, `gpt-4o-mini`); what an alias means is part of a
release, so rolling a release back must be able to point an alias back at the model it served
then, without editing models.yaml on every host. Pins live in the database and are read per
request, so every API worker follows a rollback at once.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from inference.registry import ModelRegistry
from services.platform.models import ModelAlias, utcnow


def configured(registry: ModelRegistry) -> dict[str, str]:
    """alias -> model name, as models.yaml says."""
    return {alias: entry.name for entry in registry.profile.models for alias in entry.aliases}


def effective(session: Session, registry: ModelRegistry, env: str) -> dict[str, str]:
    """alias -> model name this environment serves: models.yaml overlaid with its pins."""
    pins = {row.alias: row.model for row in session.scalars(select(ModelAlias).where(ModelAlias.env == env))}
    return {**configured(registry), **pins}


def restore(session: Session, registry: ModelRegistry, env: str, wanted: dict[str, str], by: str) -> dict[str, str]:
    """Make ``env``'s aliases equal ``wanted``: pin what differs from models.yaml, unpin the rest.
    Returns alias -> model for each alias whose meaning changed."""
    before = effective(session, registry, env)
    session.execute(delete(ModelAlias).where(ModelAlias.env == env))
    yaml = configured(registry)
    known = set(registry.names())
    for alias, model in wanted.items():
        if yaml.get(alias) != model and model in known:
            session.add(ModelAlias(env=env, alias=alias, model=model, set_by=by, set_at=utcnow()))
    session.flush()
    after = effective(session, registry, env)
    return {alias: model for alias, model in after.items() if before.get(alias) != model}

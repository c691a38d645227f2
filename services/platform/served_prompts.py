"""The prompt versions this environment serves: its promoted label (`prompt_labels`), else the
newest file. Every feature renders through here, so a promotion or a rollback changes what all
of them send at once."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from inference.prompts import PromptCatalogue, PromptSpec, RenderedPrompt
from services.platform.db import Database
from services.platform.prompt_labels import labelled_version


class ServedPrompts:
    def __init__(self, db: Database, catalogue: PromptCatalogue, env: str) -> None:
        self.db, self.catalogue, self.env = db, catalogue, env

    def version(self, prompt_id: str, session: Session | None = None) -> str | None:
        """The labelled version, else None (the newest file). Inside a transaction pass its
        session: on SQLite a second one would wait for the first's lock."""
        if session is not None:
            return labelled_version(session, prompt_id, self.env)
        with self.db.session() as own:
            return labelled_version(own, prompt_id, self.env)

    def render(self, prompt_id: str, variables: dict[str, Any]) -> RenderedPrompt:
        """The served version, given the variables that version declares, so a label rolled back
        to an older version that reads fewer of them still renders."""
        version = self.version(prompt_id)
        declared = set(self.catalogue.get(prompt_id, version).input_variables)
        return self.catalogue.render(prompt_id, {k: v for k, v in variables.items() if k in declared}, version)

    def spec(self, prompt_id: str, session: Session | None = None) -> PromptSpec:
        return self.catalogue.get(prompt_id, self.version(prompt_id, session))

"""The top 10 operational questions (data/chatops/top_questions.yaml): one list for the tests that
check each answer, the demo's walk-through and docs/chatops-questions.md."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from services.platform.settings import REPO_ROOT

TOP_QUESTIONS_FILE = REPO_ROOT / "data" / "chatops" / "top_questions.yaml"


class TopQuestion(BaseModel):
    """A question and what a right answer rests on (see the file's header)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    question: str
    runbooks: tuple[str, ...]
    tool: str
    fact: str
    summary: str
    subject: str
    world: Literal["faults", "market-data-down"] = "faults"


def top_questions(path: Path = TOP_QUESTIONS_FILE) -> list[TopQuestion]:
    return [TopQuestion.model_validate(item) for item in yaml.safe_load(path.read_text())]

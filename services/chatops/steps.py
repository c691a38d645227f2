"""The output type of the agent's one generation: which findings to lead with and a short
answer. Finding ids are an enum of the ids this turn's findings have, so the model can only
choose among facts code found; it never writes a tool call, an escalation or a state change."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

MAX_ANSWER_CHARS = 300
MAX_CHOSEN = 3


def answer_type(finding_ids: list[str]) -> type[BaseModel]:
    """Findings first (choosing, then phrasing), then the answer."""
    fields: dict[str, Any] = {}
    if finding_ids:
        fields["findings"] = (list[Literal[tuple(finding_ids)]], Field(min_length=1, max_length=MAX_CHOSEN))  # type: ignore[valid-type]
    fields["answer"] = (str, Field(min_length=1, max_length=MAX_ANSWER_CHARS))
    return create_model("AgentAnswer", __config__=ConfigDict(extra="forbid"), **fields)

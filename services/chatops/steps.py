"""The output type of one agent step: a union with one branch per tool the asking user may
use, plus `final_answer` and `escalate`. Tools the user lacks are not in the schema at all, so
the decoder cannot produce them; runbook ids and component names are enums, so citations and
escalation targets are always real."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from services.chatops.toolkit import Tool

FORBID = ConfigDict(extra="forbid")
MAX_ANSWER_CHARS = 400
MAX_SUMMARY_CHARS = 300
Severity = Literal["sev1", "sev2", "sev3"]


def step_type(tools: list[Tool], runbook_ids: list[str], components: list[str]) -> type[BaseModel]:
    """The step type for this caller and question (tools, then the two ways to finish)."""
    branches: list[Any] = [
        create_model(f"call_{tool.name}", __config__=FORBID, action=(Literal[tool.name], ...), arguments=(tool.arguments, ...))  # type: ignore[valid-type]
        for tool in tools
    ]
    final_fields: dict[str, Any] = {
        "action": (Literal["final_answer"], ...),
        "answer": (str, Field(min_length=1, max_length=MAX_ANSWER_CHARS)),
    }
    if runbook_ids:
        final_fields["cited_runbooks"] = (list[Literal[tuple(runbook_ids)]], Field(max_length=3))  # type: ignore[valid-type]
    branches.append(create_model("final_answer", __config__=FORBID, **final_fields))
    branches.append(create_model(
        "escalate", __config__=FORBID, action=(Literal["escalate"], ...), service=(Literal[tuple(components)], ...),  # type: ignore[valid-type]
        severity=(Severity, ...), summary=(str, Field(min_length=1, max_length=MAX_SUMMARY_CHARS)),
    ))
    union = Annotated[Union[tuple(branches)], Field(discriminator="action")]  # noqa: UP007
    return create_model("AgentStep", __config__=FORBID, step=(union, ...))

"""Wire types of the ChatOps endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.chatops.toolkit import ToolResult

Outcome = Literal["answered", "escalated", "needs_confirmation", "degraded"]


class AskIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=3, max_length=1000, examples=["Why is the KPI rollup late today?"])
    conversation_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9._:-]{1,64}$")

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if len(value.strip()) < 3:
            raise ValueError("question is blank")
        return value.strip()


class ToolRunIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    arguments: dict[str, Any] = Field(default_factory=dict)


class ToolCallOut(ToolResult):
    """A tool result as the API shows it: where the call came from and at which step."""

    source: Literal["survey", "agent", "direct", "confirmed"]
    step: int = 0


class RunbookRef(BaseModel):
    id: str
    title: str
    score: float
    cited: bool


class EscalationOut(BaseModel):
    id: str
    turn_id: str
    service: str
    severity: str
    summary: str
    suggested_oncall: str
    evidence: list[dict[str, Any]]
    status: str
    created_by: str
    created_at: datetime


class ActionOut(BaseModel):
    id: str
    tool: str
    arguments: dict[str, Any]
    status: Literal["pending", "running", "executed", "failed", "cancelled", "expired"]
    requested_by: str
    expires_at: datetime
    decided_by: str | None = None
    result: ToolCallOut | None = None
    confirm_path: str


class AskOut(BaseModel):
    turn_id: str
    conversation_id: str
    outcome: Outcome
    answer: str
    ungrounded_numbers: list[str] = Field(description="Numbers in the answer that no tool result contains.")
    tool_calls: list[ToolCallOut]
    runbooks: list[RunbookRef]
    escalation: EscalationOut | None = None
    pending_action: ActionOut | None = None
    steps: int
    stop_reason: str | None = None
    latency_ms: float
    audit_id: int
    guardrail_flags: list[str] = Field(default_factory=list, description="Guardrail checks that flagged the answer (policy action `flag`).")


class ToolInfo(BaseModel):
    name: str
    description: str
    permission: str
    mutating: bool
    timeout_s: float
    arguments_schema: dict[str, Any]


class ResolveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=2000, description="How it was resolved (optional).")


class ResolutionOut(BaseModel):
    conversation_id: str
    asked_by: str
    started_at: datetime = Field(description="When the conversation's first question was asked.")
    resolved_by: str
    resolved_at: datetime
    note: str
    turns: int
    escalated: bool = Field(description="Whether any turn of the conversation escalated to people.")
    time_to_resolution_s: float

"""Wire types of the strategy builder: the request, the config every template shares, drafts."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SYMBOL = r"^[A-Z0-9][A-Z0-9.=^_-]{0,14}$"
Timeframe = Literal["5m", "15m", "1h", "4h", "1d", "1w"]
RiskLevel = Literal["low", "medium", "high"]
DraftStatus = Literal["pending_approval", "invalid", "approved", "rejected"]
# risk level -> (max position, max drawdown guard, stop loss) upper bounds
RISK_BOUNDS: dict[str, tuple[float, float, float]] = {"low": (0.10, 0.15, 0.05), "medium": (0.25, 0.25, 0.10), "high": (1.0, 0.60, 0.25)}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Sizing(_Strict):
    method: Literal["fixed_fraction", "volatility_target", "equal_weight"]
    fraction: float = Field(ge=0.01, le=1.0, description="Capital per position (fixed_fraction) or target volatility.")


class RiskLimits(_Strict):
    max_position: float = Field(ge=0.01, le=1.0, description="Largest position as a fraction of capital.")
    max_drawdown_guard: float = Field(ge=0.02, le=0.6, description="Stop trading at this drawdown (fraction).")


class StrategyConfig(_Strict):
    """What the StrategyService receives: a template, its parameters, and the shared trading settings."""

    template: str
    params: dict[str, int | float | str]
    universe: list[str] = Field(min_length=1, max_length=50)
    timeframe: Timeframe
    sizing: Sizing
    stop_loss: float | None = Field(default=None, ge=0.005, le=0.5)
    take_profit: float | None = Field(default=None, ge=0.005, le=2.0)
    risk: RiskLimits

    @model_validator(mode="after")
    def _shared_rules(self) -> StrategyConfig:
        if bad := [s for s in self.universe if not re.match(SYMBOL, s)]:
            raise ValueError(f"universe: not instrument symbols: {bad}")
        if self.stop_loss is not None and self.take_profit is not None and self.take_profit <= self.stop_loss:
            raise ValueError("take_profit must be larger than stop_loss")
        return self


class Constraints(_Strict):
    universe: list[str] | None = Field(default=None, min_length=1, max_length=50)
    timeframe: Timeframe | None = None
    risk_level: RiskLevel = "medium"


class BuildRequest(_Strict):
    intent: str = Field(min_length=5, max_length=1000)
    constraints: Constraints = Field(default_factory=Constraints)


class Candidate(BaseModel):
    id: str
    kind: Literal["template", "indicator"]
    score: float
    dense: float
    keyword: float


class DraftOut(BaseModel):
    id: str
    revision: int
    status: DraftStatus
    intent: str
    constraints: Constraints
    config: dict[str, Any]
    rationale: str
    candidates: list[Candidate]
    validation_errors: list[str]
    repairs: int
    author: str
    decided_by: str | None
    decision_comment: str | None
    prompt_id: str
    prompt_version: str
    model: str
    catalogue_version: str
    created_at: datetime
    updated_at: datetime
    guardrail_flags: list[str] = Field(default_factory=list, description="Guardrail checks that flagged this revision's rationale.")


class ReviseIn(_Strict):
    instruction: str | None = Field(default=None, min_length=3, max_length=1000)
    config: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _one(self) -> ReviseIn:
        if (self.instruction is None) == (self.config is None):
            raise ValueError("give exactly one of instruction or config")
        return self


class DecisionIn(_Strict):
    comment: str = Field(default="", max_length=2000)


class Metrics(BaseModel):
    drafts: int
    approved: int
    rejected: int
    pending: int
    invalid: int
    approval_conversion: float = Field(description="approved / (approved + rejected)")
    mean_revisions: float
    validation_failure_rate: float = Field(description="Generations still invalid after repair / generations.")
    generations: int

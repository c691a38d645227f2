"""The eval suite format (a contract: suites written elsewhere run unchanged).

One YAML file per product; paths inside it are relative to the file. Unknown keys in `expect`
or `world` are errors, since a misspelt expectation would otherwise pass unchecked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

Product = Literal["chatops", "builder", "reports"]
Outcome = Literal["answered", "escalated", "needs_confirmation", "degraded"]
_FORBID = ConfigDict(extra="forbid")


class SuiteError(ValueError):
    """A suite file that cannot be read; the message names the file and the field."""


class FeedState(BaseModel):
    model_config = _FORBID
    lag_s: float | None = Field(default=None, ge=0)
    halted: bool | None = None


class PipelineRunSpec(BaseModel):
    """A run reported by the scheduler before the question is asked."""

    model_config = _FORBID
    pipeline: str
    status: Literal["running", "succeeded", "failed"] = "failed"
    hours_ago: float = Field(default=1.0, ge=0)
    task: str = "run"
    error: str | None = None


class AlertSpec(BaseModel):
    """An alert firing in Alertmanager when the question is asked."""

    model_config = _FORBID
    alertname: str = Field(pattern=r"^[A-Za-z0-9_]{1,64}$")
    severity: str = "warning"
    labels: dict[str, str] = Field(default_factory=dict)
    summary: str = ""


class MetricSpec(BaseModel):
    """A gauge Prometheus has scraped when the question is asked."""

    model_config = _FORBID
    name: str = Field(pattern=r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")
    labels: dict[str, str] = Field(default_factory=dict)
    value: float


class World(BaseModel):
    """State set before a question: what the agent's tools will find. ``alerts`` and
    ``metrics`` need Prometheus and Alertmanager (the suite starts them)."""

    model_config = _FORBID
    runbooks: str | None = None
    pipeline_runs: list[PipelineRunSpec] = Field(default_factory=list)
    feeds: dict[str, FeedState] = Field(default_factory=dict)
    down: list[str] = Field(default_factory=list)
    backtests: list[str] = Field(default_factory=list)
    alerts: list[AlertSpec] = Field(default_factory=list)
    metrics: list[MetricSpec] = Field(default_factory=list)

    @property
    def monitored(self) -> bool:
        return bool(self.alerts or self.metrics)


class ChatOpsExpect(BaseModel):
    model_config = _FORBID
    facts: list[str] = Field(default_factory=list)
    runbook: str | None = None
    tools: list[str] = Field(default_factory=list)
    outcome: Outcome | None = None
    state_change: bool = False


class ChatOpsCase(BaseModel):
    id: str
    question: str
    role: str = "operator"
    world: World = Field(default_factory=World)
    expect: ChatOpsExpect = Field(default_factory=ChatOpsExpect)


class BuilderExpect(BaseModel):
    model_config = _FORBID
    template: str
    params: dict[str, Any] = Field(default_factory=dict, description="name -> exact value, or [low, high] for a number")


class BuilderCase(BaseModel):
    id: str
    intent: str
    universe: list[str] | None = None
    risk_level: str | None = None
    expect: BuilderExpect


class ReportsExpect(BaseModel):
    model_config = _FORBID
    min_claims: int = Field(default=0, ge=0)
    mention: list[str] = Field(default_factory=list)
    contradicted: int | None = Field(default=None, ge=0)
    status: str | None = None


class ReportsCase(BaseModel):
    id: str
    backtest: str
    expect: ReportsExpect = Field(default_factory=ReportsExpect)


Case = ChatOpsCase | BuilderCase | ReportsCase
CASE_TYPES: dict[str, type[BaseModel]] = {"chatops": ChatOpsCase, "builder": BuilderCase, "reports": ReportsCase}


class Suite(BaseModel):
    product: Product
    lang: str = "en"
    cases: Annotated[list[Any], Field(min_length=1)]
    path: Path = Path(".")

    def resolve(self, relative: str) -> Path:
        """A path named in the suite, relative to the suite file."""
        return (self.path.parent / relative).resolve()


def load_suite(path: Path) -> Suite:
    """Parse and validate a suite; every problem is a `SuiteError` naming the case and field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SuiteError(f"{path}: cannot read suite: {exc}") from exc
    try:
        suite = Suite.model_validate({**(raw if isinstance(raw, dict) else {}), "path": path.resolve()})
    except ValidationError as exc:
        raise SuiteError(f"{path}: {_first_problem(exc)}") from exc
    cases = []
    for index, case in enumerate(suite.cases):
        try:
            cases.append(CASE_TYPES[suite.product].model_validate(case))
        except ValidationError as exc:
            name = case.get("id", index) if isinstance(case, dict) else index
            raise SuiteError(f"{path}: case {name}: {_first_problem(exc)}") from exc
    suite.cases = cases
    if len({case.id for case in suite.cases}) != len(suite.cases):
        raise SuiteError(f"{path}: two cases share an id")
    return suite


def _first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    return f"{'.'.join(str(part) for part in first['loc']) or '<root>'}: {first['msg']}"

"""The eval suite format (a contract: suites written elsewhere run unchanged).

One YAML file per product; paths inside it are relative to the file. Unknown keys in `expect`
or `world` are errors, since a misspelt expectation would otherwise pass unchecked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

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


_LABEL = r"^[A-Za-z0-9 _.:/-]{1,60}$"  # written into a SQL comment: no quotes or comment markers
_PG_NAME = r"^[a-z][a-z0-9_]{0,30}$"


class LongQuery(BaseModel):
    """A session busy on one statement (``SELECT pg_sleep(...) -- label``) past the long-query threshold."""

    model_config = _FORBID
    label: str = Field(pattern=_LABEL)
    database: str = Field(default="postgres", pattern=_PG_NAME)
    user: str = Field(default="postgres", pattern=_PG_NAME)


class PostgresState(BaseModel):
    """The platform's PostgreSQL when the question is asked (the suite starts a server with
    max_connections 20 and a long-query threshold of 2 s, the same toolset reading it)."""

    model_config = _FORBID
    long_queries: list[LongQuery] = Field(default_factory=list)
    blocked: list[Annotated[str, Field(pattern=_LABEL)]] = Field(default_factory=list, description="Labels of sessions waiting on a lock another session holds (an UPDATE -- label).")
    idle_connections: int = Field(default=0, ge=0, le=16, description="Idle sessions held open, as many as leave 2 of the 20 for the monitor (16 puts use over 80%).")
    databases: dict[Annotated[str, Field(pattern=_PG_NAME)], Annotated[float, Field(ge=0, le=200)]] = Field(
        default_factory=dict, description="New databases, name -> about how many MB of data.",
    )

    @model_validator(mode="after")
    def _new_databases(self) -> PostgresState:
        if taken := {"postgres", "template0", "template1"} & set(self.databases):
            raise ValueError(f"databases: {', '.join(sorted(taken))} exist already; name new ones")
        return self


class World(BaseModel):
    """State set before a question: what the agent's tools will find. ``alerts`` and
    ``metrics`` need Prometheus and Alertmanager, ``postgres`` a PostgreSQL server (the suite
    starts them)."""

    model_config = _FORBID
    runbooks: str | None = None
    pipeline_runs: list[PipelineRunSpec] = Field(default_factory=list)
    feeds: dict[str, FeedState] = Field(default_factory=dict)
    down: list[str] = Field(default_factory=list)
    backtests: list[str] = Field(default_factory=list)
    alerts: list[AlertSpec] = Field(default_factory=list)
    metrics: list[MetricSpec] = Field(default_factory=list)
    postgres: PostgresState | None = None

    @property
    def systems(self) -> set[str]:
        """The monitored systems this world needs started: ``prometheus`` (with Alertmanager), ``postgresql``."""
        needed = set()
        if self.alerts or self.metrics:
            needed.add("prometheus")
        if self.postgres is not None:
            needed.add("postgresql")
        return needed


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

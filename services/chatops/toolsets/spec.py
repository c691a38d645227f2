"""The toolset file format: what a platform team writes to add a system without Python.

Everything a tool may do is declared and checked when the file is loaded: its kind, typed
parameters (the model can only fill those, within their bounds), permission, read-only or
state-changing, timeout and output budget, and how code states its results as findings. A
state-changing tool must need the operator permission, so a viewer can never hold one.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.platform.permissions import Permission, Role, allowed

NAME = r"^[a-z][a-z0-9_]{1,47}$"
SAFE_TEXT = r"^[A-Za-z0-9_.:/@ -]{1,128}$"  # what a string parameter may hold: no quotes, braces or operators


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ConfigValue(Strict):
    """One configuration value: from an environment variable (with a default), or written inline.
    A secret may only be referenced (``env`` or ``file``), never written in the toolset file."""

    env: str | None = Field(default=None, pattern=r"^[A-Z][A-Z0-9_]{1,63}$")
    file: str | None = Field(default=None, description="A file whose content is the value (a mounted secret).")
    default: str | None = None
    value: str | None = None
    secret: bool = False

    @model_validator(mode="after")
    def _referenced(self) -> ConfigValue:
        if self.secret and (self.value is not None or self.default is not None):
            raise ValueError("a secret is referenced by env or file, never written inline (no value or default)")
        if sum(x is not None for x in (self.env, self.file, self.value)) != 1:
            raise ValueError("set exactly one of env, file or value")
        return self


class Parameter(Strict):
    type: Literal["string", "integer", "number", "boolean"]
    description: str = ""
    default: Any = None
    default_from: str | None = Field(default=None, description="A config key whose value is the default: a threshold operators set per site.")
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: list[str] | None = None
    pattern: str = SAFE_TEXT

    @model_validator(mode="after")
    def _one_default(self) -> Parameter:
        if self.default is not None and self.default_from is not None:
            raise ValueError("set default or default_from, not both")
        return self


class Prerequisite(Strict):
    """A health check; a toolset whose check fails is hidden from the agent and listed with the reason."""

    http: str | None = Field(default=None, description="GET this URL (config placeholders allowed); any 2xx passes.")
    sql: str | None = Field(default=None, description="The config key of a DSN that must answer SELECT 1.")

    @model_validator(mode="after")
    def _one(self) -> Prerequisite:
        if (self.http is None) == (self.sql is None):
            raise ValueError("a prerequisite is either http or sql")
        return self


class Statement(Strict):
    """How code states a result: one finding per row (``each``), or one when there are none.
    Templates name row fields and parameters: ``{feed}``, ``{value:.0f}``, ``{threshold_s}``.
    ``problem`` is the default; a row with a boolean ``problem`` field decides for itself."""

    subject: str = "{tool}"
    en: str
    ko: str = ""
    problem: bool = False


class Finding(Strict):
    each: Statement | None = None
    none: Statement | None = Field(default=None, description="Said when the tool returns no rows.")


class ToolBase(Strict):
    name: str = Field(pattern=NAME)
    description: str = Field(min_length=8, max_length=400)
    permission: Permission = Permission.chatops_ask
    mutating: bool = False
    timeout_s: float = Field(default=10.0, gt=0, le=120)
    max_rows: int = Field(default=50, ge=1, le=1000)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    finding: Finding = Field(default_factory=Finding)

    @model_validator(mode="after")
    def _no_viewer_changes(self) -> ToolBase:
        if self.mutating and allowed(Role.viewer, self.permission):
            raise ValueError(f"{self.name}: a state-changing tool needs a permission viewers lack (chatops.operate), not {self.permission.value}")
        return self


class PrometheusTool(ToolBase):
    kind: Literal["prometheus_query"]
    query: str = Field(min_length=1, description="PromQL; {parameter} placeholders take the typed parameters.")
    range_minutes: int | None = Field(default=None, ge=1, le=1440, description="A range query over the last N minutes (min, max, last per series).")
    step_s: int = Field(default=60, ge=1, le=3600)


class AlertmanagerTool(ToolBase):
    kind: Literal["alertmanager"]
    action: Literal["alerts", "silence"]

    @model_validator(mode="after")
    def _silence_changes_state(self) -> AlertmanagerTool:
        if self.action == "silence" and not self.mutating:
            raise ValueError(f"{self.name}: a silence changes state; declare mutating: true")
        return self


class ReadOnlyTool(ToolBase):
    """A kind that can only read: declaring it state-changing is a mistake in the file."""

    @model_validator(mode="after")
    def _read_only(self) -> ReadOnlyTool:
        if self.mutating:
            raise ValueError(f"{self.name}: {getattr(self, 'kind')} tools never change state")
        return self


class SqlTool(ReadOnlyTool):
    kind: Literal["sql_readonly"]
    dsn: str = Field(description="The config key that holds the DSN.")
    sql: str = Field(min_length=6, description="A named query; :name binds a parameter. Runs in a read-only transaction.")


class HttpJsonTool(ReadOnlyTool):
    kind: Literal["http_json"]
    url: str = Field(description="GET this URL; config placeholders allowed, parameters are sent as the query string.")
    rows: str | None = Field(default=None, description="Dotted path to the list of rows in the response (default: the response is one row).")
    fields: dict[str, str] = Field(default_factory=dict, description="Output field -> dotted path in a row; default: every top-level field.")


class BuiltinTool(Strict):
    """One of InsightStack's own Python tools (database_health, cache_status, ...), enabled by name."""

    kind: Literal["builtin"]
    name: str = Field(pattern=NAME)


ToolSpec = Annotated[PrometheusTool | AlertmanagerTool | SqlTool | HttpJsonTool | BuiltinTool, Field(discriminator="kind")]


class ToolsetSpec(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_-]{1,47}$")
    version: int = Field(ge=1)
    description: str
    config: dict[str, ConfigValue] = Field(default_factory=dict)
    prerequisites: list[Prerequisite] = Field(default_factory=list)
    tools: list[ToolSpec] = Field(min_length=1)

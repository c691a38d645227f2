"""Toolset files -> the tools the executor runs, with what is unavailable and why.

A toolset is offered only when its file is valid, its configuration resolves from the
environment and its prerequisite passes; otherwise none of its tools reach the agent and
`GET /chatops/toolsets` says why. Loading again (`POST /chatops/toolsets/reload`, or on its own
after `recheck_s`) picks up edited files and systems that came back.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

import httpx
import structlog
import yaml
from pydantic import BaseModel, Field, ValidationError, create_model

from services.chatops.toolkit import Tool, ToolFailure, ToolOutput
from services.chatops.toolsets import alertmanager, http_json, prometheus, sql
from services.chatops.toolsets.spec import (
    AlertmanagerTool, BuiltinTool, HttpJsonTool, Parameter, PrometheusTool, SqlTool, Statement, ToolBase, ToolsetSpec, ToolSpec,
)
from services.chatops.toolsets.templates import TemplateError, fill, placeholders, state
from services.chatops.tools.args import Args

log = structlog.get_logger(__name__)
PREREQUISITE_TIMEOUT_S = 3.0
DEFAULT_RECHECK_S = 60.0


class ToolsetUnavailable(Exception):
    """Why a toolset is not offered: its file, its configuration or its prerequisite."""


class ToolsetStatus(BaseModel):
    """A toolset as `GET /chatops/toolsets` shows it: offered, or why not."""

    name: str
    file: str
    available: bool
    version: int | None = None
    description: str = ""
    reason: str | None = None
    tools: list[str] = Field(default_factory=list)


class Toolsets:
    """The toolsets of a directory, loaded and checked; ``tools`` is what the executor offers."""

    def __init__(
        self, directory: Path, builtins: list[Tool], *, environ: Mapping[str, str] = os.environ,
        databases: sql.ReadOnlyDatabases | None = None, recheck_s: float = DEFAULT_RECHECK_S,
    ) -> None:
        self.directory = directory
        self.builtins = {tool.name: tool for tool in builtins}
        self.environ = environ
        self.databases = databases or sql.ReadOnlyDatabases()
        self.recheck_s = recheck_s
        self.statuses: list[ToolsetStatus] = []
        self.tools: list[Tool] = []
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def load(self, check: bool = True) -> list[Tool]:
        """Read every file again and check every prerequisite; returns the tools on offer.
        ``check=False`` (at start-up) offers only the toolsets without prerequisites and leaves
        the others "not checked yet" until the first use: no worker waits on a remote system to
        start, and nothing unchecked is offered."""
        with self._lock:
            self.databases.close()
            statuses, tools = [], []
            if not self.directory.is_dir():
                statuses.append(ToolsetStatus(name="toolsets", file=str(self.directory), available=False, reason=f"no toolsets directory {self.directory} (INSIGHTSTACK_TOOLSETS_DIR)"))
            for path in sorted(self.directory.glob("*.yaml")):
                status, offered = self._one(path, {t.name for t in tools}, check)
                statuses.append(status)
                tools += offered
                if not status.available:
                    log.warning("chatops.toolset_unavailable", toolset=status.name, reason=status.reason)
            self.statuses, self.tools, self._loaded_at = statuses, tools, time.monotonic() if check else float("-inf")
            log.info("chatops.toolsets_loaded", available=[s.name for s in statuses if s.available], tools=len(tools))
            return tools

    def stale(self) -> bool:
        return time.monotonic() - self._loaded_at > self.recheck_s

    def close(self) -> None:
        self.databases.close()

    def _one(self, path: Path, taken: set[str], check: bool) -> tuple[ToolsetStatus, list[Tool]]:
        try:
            spec = ToolsetSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            return ToolsetStatus(name=path.stem, file=path.name, available=False, reason=f"invalid toolset file: {exc}"[:1000]), []
        names = [t.name for t in spec.tools]
        try:
            if clash := sorted(set(names) & taken):
                raise ToolsetUnavailable(f"tool name(s) {', '.join(clash)} already offered by another toolset")
            config = self._config(spec)
            tools = [self._tool(t, config) for t in spec.tools]
            if spec.prerequisites and not check:
                raise ToolsetUnavailable("prerequisites not checked yet (they are on first use)")
            for prerequisite in spec.prerequisites:
                self._check(prerequisite.http, prerequisite.sql, config)
        except (ToolsetUnavailable, TemplateError) as exc:
            known = {"name": spec.name, "file": path.name, "version": spec.version, "description": spec.description, "tools": names}
            return ToolsetStatus(**known, available=False, reason=str(exc)), []
        return ToolsetStatus(name=spec.name, file=path.name, version=spec.version, description=spec.description, tools=names, available=True), tools

    def _config(self, spec: ToolsetSpec) -> dict[str, str]:
        config = {}
        for key, source in spec.config.items():
            if source.value is not None:
                config[key] = source.value
            elif source.file is not None:
                try:
                    config[key] = Path(source.file).read_text(encoding="utf-8").strip()
                except OSError as exc:
                    raise ToolsetUnavailable(f"config {key}: cannot read {source.file}: {exc.strerror}") from exc
            elif (found := self.environ.get(source.env or "", source.default)) is not None:
                config[key] = found
            else:
                raise ToolsetUnavailable(f"config {key}: environment variable {source.env} is not set")
        return config

    def _check(self, url: str | None, dsn_key: str | None, config: dict[str, str]) -> None:
        if url is not None:
            target = fill(url, config)
            try:
                httpx.get(target, timeout=PREREQUISITE_TIMEOUT_S).raise_for_status()
            except httpx.HTTPError as exc:
                raise ToolsetUnavailable(f"prerequisite failed: GET {target}: {type(exc).__name__}: {exc}") from exc
        if dsn_key is not None:
            try:
                self.databases.ping(_config_value(config, dsn_key), PREREQUISITE_TIMEOUT_S)
            except ToolFailure as exc:
                raise ToolsetUnavailable(f"prerequisite failed: database {dsn_key}: {exc}") from exc

    def _tool(self, tool: ToolSpec, config: dict[str, str]) -> Tool:
        if isinstance(tool, BuiltinTool):
            if tool.name not in self.builtins:
                raise ToolsetUnavailable(f"no built-in tool {tool.name!r}; built-ins: {', '.join(sorted(self.builtins))}")
            return self.builtins[tool.name]
        fetch = self._fetch(tool, config)
        arguments = arguments_type(tool.name, {name: _configured(name, p, config) for name, p in tool.parameters.items()})
        return Tool(tool.name, tool.description, arguments, tool.permission, _runner(tool, fetch), mutating=tool.mutating, timeout_s=tool.timeout_s)

    def _fetch(self, tool: ToolBase, config: dict[str, str]) -> Callable[[dict[str, Any]], list[dict[str, Any]]]:
        """What the tool does, bound to its configuration (placeholders checked now, not at the first call)."""
        if isinstance(tool, PrometheusTool):
            _known(tool.name, tool.query, set(tool.parameters))
            url = _config_value(config, "url")
            return lambda arguments: prometheus.query(tool, url, arguments)
        if isinstance(tool, AlertmanagerTool):
            url = _config_value(config, "url")
            return lambda arguments: alertmanager.run(tool, url, arguments)
        if isinstance(tool, SqlTool):
            dsn = _config_value(config, tool.dsn)
            return lambda arguments: sql.query(tool, self.databases, dsn, arguments)
        assert isinstance(tool, HttpJsonTool)
        url = fill(tool.url, config)
        return lambda arguments: http_json.get(tool, url, arguments)


def _config_value(config: dict[str, str], key: str) -> str:
    if key not in config:
        raise ToolsetUnavailable(f"the toolset's config has no {key!r}")
    return config[key].rstrip("/") if key == "url" else config[key]


def _configured(name: str, parameter: Parameter, config: dict[str, str]) -> Parameter:
    """The parameter with its ``default_from`` read from the toolset's config, typed and in bounds."""
    if parameter.default_from is None:
        return parameter
    raw = _config_value(config, parameter.default_from)
    try:
        value = arguments_type(name, {name: parameter.model_copy(update={"required": True, "default_from": None})}).model_validate({name: raw})
    except ValidationError as exc:
        raise ToolsetUnavailable(f"config {parameter.default_from}: {raw!r} is not a valid {name}: {exc.errors()[0]['msg']}") from None
    return parameter.model_copy(update={"default": getattr(value, name), "default_from": None})


def _known(tool: str, template: str, parameters: set[str]) -> None:
    if unknown := placeholders(template) - parameters:
        raise ToolsetUnavailable(f"{tool}: placeholder(s) {', '.join(sorted(unknown))} are not parameters")


def arguments_type(tool: str, parameters: dict[str, Parameter]) -> type[BaseModel]:
    """A strict pydantic type for a tool's parameters: the executor validates the model's (or a
    user's) arguments against it, and the step schema shows it."""
    fields: dict[str, Any] = {}
    for name, p in parameters.items():
        kind: Any = {"string": str, "integer": int, "number": float, "boolean": bool}[p.type]
        if p.choices:
            kind = Literal[tuple(p.choices)]  # type: ignore[valid-type]
        constraints: dict[str, Any] = {"description": p.description}
        if p.type in ("integer", "number"):
            constraints |= {"ge": p.minimum, "le": p.maximum}
        elif p.type == "string" and not p.choices:
            constraints["pattern"] = p.pattern
        default = ... if p.required else p.default
        fields[name] = (kind if p.required or p.default is not None else kind | None, Field(default, **constraints))
    return create_model(f"{tool.title().replace('_', '')}Args", __base__=Args, **fields)


def _runner(tool: ToolBase, fetch: Callable[[dict[str, Any]], list[dict[str, Any]]]) -> Callable[[BaseModel], ToolOutput]:
    def run(arguments: BaseModel) -> ToolOutput:
        given = arguments.model_dump()
        rows = fetch(given)[: tool.max_rows]
        context = {"tool": tool.name, **{k: v for k, v in given.items() if v is not None}}
        stated = [_stated(tool.finding.each, {**context, **row}) for row in rows] if tool.finding.each else []
        if not rows and tool.finding.none:
            stated.append(_stated(tool.finding.none, context))
        lines = [s["en"] for s in stated[:3]]
        summary = f"{len(rows)} row(s)" + (": " + "; ".join(lines) if lines else "")
        return ToolOutput(summary=summary, data={"stated": stated, "rows": rows})

    return run


def _stated(statement: Statement, values: dict[str, Any]) -> dict[str, Any]:
    """One finding as data: `findings.py` turns it into a `Finding` like any built-in statement.
    A row's own boolean ``problem`` column (SQL: ``used_pct > 80 AS problem``) decides for it."""
    problem = values["problem"] if isinstance(values.get("problem"), bool) else statement.problem
    return {
        "subject": state(statement.subject, values), "en": state(statement.en, values),
        "ko": state(statement.ko, values) if statement.ko else "", "problem": problem,
    }

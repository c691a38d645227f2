"""Tools the agent may call, and the sandbox that runs them.

A tool declares its name, description, argument type, the permission it needs, whether it
changes state, and a timeout. The executor is the only way to run one: it checks the caller's
permission again (the step schema already hides tools the caller lacks), validates the
arguments, refuses a state-changing tool without confirmation, runs the tool in a worker thread
under its timeout, turns any exception into a tool error the agent can read, caps the output,
and writes every call (or denial) to the audit log. A state-changing tool runs only for a role
that may operate, whatever permission it was declared with. Tools are fixed functions over typed
arguments (Python built-ins, or toolsets declared as data): there is no shell and no SQL from the
model.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, Literal

import structlog
from pydantic import BaseModel, ValidationError

from services.platform import audit
from services.platform.audit import Caller
from services.platform.db import Database
from services.platform.errors import clipped
from services.platform.permissions import Permission, Role, allowed

log = structlog.get_logger(__name__)
MAX_OUTPUT_CHARS = 4000
ToolStatus = Literal["ok", "error", "timeout", "denied", "needs_confirmation"]


class ToolOutput(BaseModel):
    """What a tool returns: one line for people (and the prompt) and the structured data."""

    summary: str
    data: Any


class ToolResult(BaseModel):
    tool: str
    arguments: dict[str, Any]
    status: ToolStatus
    summary: str
    data: Any = None
    latency_ms: float
    truncated: bool = False


class ToolFailure(Exception):
    """A tool's expected failure (target down, unknown name); its message goes to the agent."""


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    arguments: type[BaseModel]
    permission: Permission
    run: Callable[[Any], ToolOutput]
    mutating: bool = False
    timeout_s: float = 10.0


class ToolExecutor:
    """Runs tools for callers; one shared worker pool so a hung target cannot pile up threads."""

    def __init__(self, db: Database, tools: list[Tool], *, max_output_chars: int = MAX_OUTPUT_CHARS, workers: int = 8) -> None:
        self.db = db
        self.tools = {tool.name: tool for tool in tools}
        self.max_output_chars = max_output_chars
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="chatops-tool")

    def offer(self, tools: list[Tool]) -> None:
        """Replace the tools on offer (toolsets reloaded); a call already running finishes."""
        self.tools = {tool.name: tool for tool in tools}

    def permitted(self, role: Role) -> list[Tool]:
        return [tool for tool in self.tools.values() if _may_run(role, tool)]

    def execute(self, caller: Caller, name: str, arguments: dict[str, Any], *, confirmed: bool = False, turn_id: str | None = None) -> ToolResult:
        started = time.perf_counter()
        tool = self.tools.get(name)
        if tool is None:
            return self._finish(caller, name, arguments, "error", f"unknown tool {clipped(name)!r}; tools: {', '.join(sorted(self.tools))}", None, started, turn_id)
        if not _may_run(Role(caller.role), tool):
            needed = Permission.chatops_operate if tool.mutating and allowed(Role(caller.role), tool.permission) else tool.permission
            message = f"role {caller.role!r} lacks permission {needed.value!r} for tool {name!r}"
            return self._finish(caller, name, arguments, "denied", message, None, started, turn_id)
        try:
            parsed = tool.arguments.model_validate(arguments)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}" for e in exc.errors())
            return self._finish(caller, name, arguments, "error", f"invalid arguments: {problems}", None, started, turn_id)
        arguments = parsed.model_dump(mode="json")
        if tool.mutating and not confirmed:
            return self._finish(caller, name, arguments, "needs_confirmation", f"{name} changes state; an operator must confirm it", None, started, turn_id)
        future = self._pool.submit(tool.run, parsed)
        try:
            output = future.result(timeout=tool.timeout_s)
        except FutureTimeout:
            future.cancel()
            return self._finish(caller, name, arguments, "timeout", f"{name} did not finish within {tool.timeout_s:g} s", None, started, turn_id)
        except Exception as exc:  # the sandbox boundary: every failure becomes a tool error the agent reads
            if not isinstance(exc, ToolFailure):
                log.warning("chatops.tool_crashed", tool=name, error=repr(exc))
            return self._finish(caller, name, arguments, "error", f"{type(exc).__name__}: {exc}"[:500], None, started, turn_id)
        return self._finish(caller, name, arguments, "ok", output.summary, output.data, started, turn_id)

    def _finish(
        self, caller: Caller, name: str, arguments: dict[str, Any], status: ToolStatus, summary: str, data: Any, started: float, turn_id: str | None
    ) -> ToolResult:
        data, truncated = _cap(data, self.max_output_chars)
        result = ToolResult(
            tool=name, arguments=arguments, status=status, summary=summary[:1000], data=data,
            latency_ms=round((time.perf_counter() - started) * 1000, 2), truncated=truncated,
        )
        with self.db.session() as session:
            audit.record(
                session, caller, f"chatops.tool.{name}"[:64], turn_id or "direct",
                {"arguments": arguments, "status": status, "summary": result.summary, "result": data, "truncated": truncated, "latency_ms": result.latency_ms},
                decision="denied" if status == "denied" else "allowed",
            )
        log.info("chatops.tool", tool=name, status=status, latency_ms=result.latency_ms, truncated=truncated)
        return result


def _may_run(role: Role, tool: Tool) -> bool:
    return allowed(role, tool.permission) and (not tool.mutating or allowed(role, Permission.chatops_operate))


def _cap(data: Any, limit: int) -> tuple[Any, bool]:
    """The data if its JSON fits in ``limit`` characters; else its leading items (lists) or a
    prefix of its JSON text, marked as truncated."""
    text = json.dumps(data, default=str, ensure_ascii=False)
    if len(text) <= limit:
        return json.loads(text), False
    if isinstance(data, list):
        kept: list[Any] = []
        for item in json.loads(text):
            if len(json.dumps(kept + [item], ensure_ascii=False)) > limit:
                break
            kept.append(item)
        return kept, True
    return {"truncated_json": text[:limit]}, True

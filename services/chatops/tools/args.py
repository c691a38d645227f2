"""Shared pieces of tool argument types (strict, so the step schema forbids invented keys)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


class Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


def one_of(names: list[str]) -> Any:
    """A Literal of the names known at start-up (caches, components): the model can only pick one."""
    return Literal[tuple(names)]  # type: ignore[valid-type]

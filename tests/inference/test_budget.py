"""Token budgets come from the schema; unbounded schemas are refused up front."""

from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from inference.budget import BYTES_PER_CHAR, max_json_bytes, token_budget
from inference.errors import SchemaNotBoundedError


class Leaf(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: Literal["up", "down"]
    text: str = Field(max_length=10)


class Tree(BaseModel):
    model_config = ConfigDict(extra="forbid")
    leaves: list[Leaf] = Field(max_length=2)
    score: float | None = None


def test_budget_covers_the_largest_document() -> None:
    schema = Tree.model_json_schema()
    largest = Tree(leaves=[Leaf(label="down", text="é" * 10)] * 2, score=-1.2345678901234567e-300)
    assert len(largest.model_dump_json().encode()) <= max_json_bytes(schema)
    assert token_budget(schema) > max_json_bytes(schema)
    assert max_json_bytes({"type": "string", "maxLength": 5}) == 2 + 5 * BYTES_PER_CHAR


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"type": "object", "properties": {"a": {"type": "string"}}}, r"\$\.a: string has no maxLength"),
        ({"type": "array", "items": {"type": "integer"}}, "array has no maxItems"),
        ({"type": "object", "additionalProperties": True}, "additional properties"),
        ({"$defs": {"N": {"type": "object", "properties": {"n": {"$ref": "#/$defs/N"}}}}, "$ref": "#/$defs/N"}, "recursive"),
    ],
)
def test_unbounded_schemas_are_refused(schema: dict, message: str) -> None:
    with pytest.raises(SchemaNotBoundedError, match=message):
        token_budget(schema)

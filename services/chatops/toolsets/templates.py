"""Placeholders in toolset files: config values in URLs, typed parameters in PromQL, row fields
in findings. Filling a query or URL is strict (an unknown name is an error); stating a finding is
lenient (a field a row lacks reads as "?"), since a target may omit a label."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

_FORMATTER = string.Formatter()


class TemplateError(ValueError):
    """A placeholder names nothing the template may use."""


def fill(template: str, values: Mapping[str, Any]) -> str:
    try:
        return template.format_map(values)
    except (KeyError, IndexError) as exc:
        raise TemplateError(f"{template!r}: unknown placeholder {exc}; known: {', '.join(sorted(values)) or 'none'}") from None


def placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in _FORMATTER.parse(template) if name}


def state(template: str, values: Mapping[str, Any]) -> str:
    """The template with each placeholder filled, ``?`` where a value is missing, and a number
    format (``{value:.0f}``) applied to numbers written as text (Prometheus sends "95.2")."""
    out = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        out.append(literal)
        if name is None:
            continue
        value = values.get(name, "?")
        if spec and isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                spec = ""
        try:
            out.append(format(_FORMATTER.convert_field(value, conversion), spec))
        except (ValueError, TypeError):
            out.append(str(value))
    return "".join(out)

"""The indicator, strategy-template and instrument catalogue (data/catalogue/*.yaml), validated at load.

The catalogue is project data versioned in Git; its version is the hash of its files, so the
retrieval index knows when to rebuild and every draft records which catalogue it was built on.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from services.platform.errors import AppError
from services.platform.settings import get_settings
Group = Literal["overlap", "momentum", "volatility", "volume", "statistics"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParamSpec(_Strict):
    type: Literal["int", "float", "choice"]
    default: int | float | str
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    generate: tuple[float, float] | None = Field(default=None, description="Narrower range asked of the model.")
    description: str = ""
    cues: tuple[str, ...] = Field(default=(), description="Words next to a number that make it this parameter's stated value.")
    phrases: dict[str, float | str] = Field(default_factory=dict, description="Words that state a value without naming it ('middle band': 0, 'zero line below': below_zero).")

    @property
    def asked_range(self) -> tuple[float, float]:
        """The range the builder asks the model for: `generate` if given, else the valid range."""
        return self.generate or (self.min, self.max)  # type: ignore[return-value]

    @model_validator(mode="after")
    def _consistent(self) -> ParamSpec:
        if self.type == "choice":
            if not self.choices or self.default not in self.choices:
                raise ValueError("a choice parameter needs choices that include its default")
        elif self.min is None or self.max is None or not self.min <= float(self.default) <= self.max:
            raise ValueError("a numeric parameter needs min <= default <= max")
        if self.type == "choice" and not set(self.phrases.values()) <= set(self.choices):
            raise ValueError("a choice's phrases state one of its choices")
        if self.type != "choice" and not all(isinstance(v, int | float) and self.min <= v <= self.max for v in self.phrases.values()):  # type: ignore[operator]
            raise ValueError("phrases state numeric values within [min, max]")
        if self.generate and (self.min is None or self.max is None or not self.min <= self.generate[0] < self.generate[1] <= self.max):
            raise ValueError("generate must be a sub-range of [min, max]")
        return self


class Indicator(_Strict):
    id: str
    name: str
    group: Group
    description: str
    params: dict[str, ParamSpec]
    outputs: tuple[str, ...]
    synonyms: tuple[str, ...] = ()


class Rule(_Strict):
    left: str
    op: Literal["<", "<="]
    right: str
    message: str

    def holds(self, values: dict[str, float]) -> bool:
        return values[self.left] < values[self.right] if self.op == "<" else values[self.left] <= values[self.right]


class Template(_Strict):
    id: str
    name: str
    description: str
    indicators: tuple[str, ...]
    synonyms: tuple[str, ...] = ()
    params: dict[str, ParamSpec]
    rules: tuple[Rule, ...] = ()

    @model_validator(mode="after")
    def _rules_name_params(self) -> Template:
        for rule in self.rules:
            if {rule.left, rule.right} - set(self.params):
                raise ValueError(f"rule {rule.left} {rule.op} {rule.right} names an unknown parameter")
        return self


class CatalogueError(AppError):
    """The catalogue files are invalid (a deployment error: names the file and field)."""

    status, code = 500, "catalogue_error"


class Catalogue(BaseModel):
    indicators: dict[str, Indicator]
    templates: dict[str, Template]
    instruments: dict[str, str] = Field(description="symbol -> asset class")
    version: str

    def template(self, template_id: str) -> Template:
        return self.templates[template_id]


def load_catalogue(directory: Path) -> Catalogue:
    files = {name: directory / f"{name}.yaml" for name in ("indicators", "templates", "instruments")}
    try:
        raw = {name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in files.items()}
        indicators = {item["id"]: Indicator.model_validate(item) for item in raw["indicators"]}
        templates = {item["id"]: Template.model_validate(item) for item in raw["templates"]}
        instruments = {str(symbol): asset_class for asset_class, symbols in raw["instruments"].items() for symbol in symbols}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValidationError) as exc:
        raise CatalogueError(f"catalogue in {directory} is invalid: {exc}") from exc
    for template in templates.values():
        if unknown := set(template.indicators) - set(indicators):
            raise CatalogueError(f"template {template.id} uses unknown indicator(s) {sorted(unknown)}")
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in files.values())).hexdigest()[:16]
    return Catalogue(indicators=indicators, templates=templates, instruments=instruments, version=digest)


@cache
def catalogue_at(directory: Path) -> Catalogue:
    """The catalogue in `directory`, loaded once per process."""
    return load_catalogue(directory)


def default_catalogue() -> Catalogue:
    """The catalogue the environment configures (`INSIGHTSTACK_CATALOGUE_DIR`; the checkout's by
    default), for scripts and tests; services use their platform's settings."""
    return catalogue_at(get_settings().catalogue_dir)

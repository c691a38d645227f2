"""The guardrail policy: which check runs where, with what threshold, and what happens when it fires.

The policy is a versioned YAML file in Git (``data/guardrails/policy.yaml``); its version is
recorded with every decision, so a decision can always be traced to the rules that made it.
Every mistake in the file is reported with the field that holds it.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class PolicyError(Exception):
    """The policy file is missing or invalid."""


class Stage(StrEnum):
    input = "input"
    output = "output"


class Action(StrEnum):
    block = "block"  # refuse: 400 on input, output withheld
    redact = "redact"  # secrets only: replace the spans and go on
    flag = "flag"  # go on, and tell the caller / reviewers
    log = "log"  # go on, and record only


CheckName = Literal["toxicity", "injection", "secrets"]


class CheckConfig(BaseModel):
    """How one check scores text: its classifier and the score at which it fires."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    classifier: str | None = Field(default=None, description="profanity-check, heuristics, or a models.yaml classifier name.")
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)


class Rule(BaseModel):
    """What a surface does when a check fires at one stage."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Action
    threshold: float | None = Field(default=None, ge=0.0, le=1.0, description="Overrides the check's threshold here.")


class Policy(BaseModel):
    """The parsed policy file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(min_length=1)
    checks: dict[CheckName, CheckConfig]
    surfaces: dict[str, dict[Stage, dict[CheckName, Rule]]]

    @field_validator("surfaces", mode="before")
    @classmethod
    def _short_rules(cls, value: object) -> object:
        """Allow ``toxicity: block`` as short for ``toxicity: {action: block}``."""
        if not isinstance(value, dict):
            return value
        return {
            surface: {
                stage: {check: {"action": rule} if isinstance(rule, str) else rule for check, rule in (rules or {}).items()}
                for stage, rules in (stages or {}).items()
            }
            for surface, stages in value.items()
        }

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        for surface, stages in self.surfaces.items():
            for stage, rules in stages.items():
                for check, rule in rules.items():
                    where = f"surfaces.{surface}.{stage.value}.{check}"
                    if check not in self.checks:
                        raise ValueError(f"{where}: check {check!r} has no entry under checks")
                    if rule.action is Action.redact and check != "secrets":
                        raise ValueError(f"{where}: only secrets can be redacted; use block, flag or log")
        return self

    def rules(self, surface: str, stage: Stage) -> dict[CheckName, Rule]:
        """The rules of a surface at a stage; an unknown surface is a programming error."""
        if surface not in self.surfaces:
            raise PolicyError(f"guardrail policy {self.version} has no surface {surface!r}; known: {sorted(self.surfaces)}")
        return self.surfaces[surface].get(stage, {})

    def threshold(self, check: CheckName, rule: Rule) -> float:
        return rule.threshold if rule.threshold is not None else self.checks[check].threshold


def load_policy(path: Path) -> Policy:
    """Parse and validate the policy file; every problem is a `PolicyError` naming the field."""
    if not path.is_file():
        raise PolicyError(f"guardrail policy {path} not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Policy.model_validate(raw)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML: {exc}") from exc
    except ValidationError as exc:
        problems = "; ".join(
            (f"{'.'.join(str(p) for p in e['loc'])}: " if e["loc"] else "") + e["msg"].removeprefix("Value error, ") for e in exc.errors()
        )
        raise PolicyError(f"{path}: invalid guardrail policy: {problems}") from exc

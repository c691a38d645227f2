"""The builder's output type, built per request from the retrieved templates.

Constrained by construction: the template is an enum of the candidates (a discriminated union,
one branch per template, each with its own parameter schema), every number carries its range
(the template's `generate` sub-range where ordering rules need it, the request's risk level for
risk fields), and choices are enums. The model cannot name an unknown template or indicator,
or write an out-of-range value; a value the intent states (services/strategies/stated.py) is the
only one allowed; cross-field rules are checked after generation.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from services.strategies.catalogue import ParamSpec, Template
from services.strategies.schemas import RISK_BOUNDS, Constraints, Sizing
from services.strategies.stated import Value

FORBID = ConfigDict(extra="forbid")


def _param_field(spec: ParamSpec, bounds: tuple[float, float], stated: Value | None) -> tuple[Any, Any]:
    if spec.type == "choice":
        choices = (stated,) if stated is not None else spec.choices
        return Literal[choices], Field(description=spec.description or None)  # type: ignore[valid-type]
    low, high = (stated, stated) if stated is not None else bounds
    kind = int if spec.type == "int" else float
    return kind, Field(ge=kind(low), le=kind(high), description=spec.description or None)


def asked_bounds(template: Template, stated: dict[str, Value]) -> dict[str, tuple[float, float]]:
    """The range asked for each numeric parameter: its `generate` range, narrowed so that the
    ordering rules hold against the values the intent states (a stated slow period of 50 leaves
    the fast period below 50), widened to the valid range where that leaves nothing."""
    bounds = {name: spec.asked_range for name, spec in template.params.items() if spec.type != "choice"}
    for rule in template.rules:
        left, right = template.params[rule.left], template.params[rule.right]
        gap = 0.0 if rule.op == "<=" else (1.0 if left.type == right.type == "int" else 0.01)
        if rule.left in stated and rule.right not in stated:
            floor = float(stated[rule.left]) + gap
            bounds[rule.right] = _within((max(bounds[rule.right][0], floor), bounds[rule.right][1]), (max(right.min, floor), right.max))  # type: ignore[arg-type]
        elif rule.right in stated and rule.left not in stated:
            ceiling = float(stated[rule.right]) - gap
            bounds[rule.left] = _within((bounds[rule.left][0], min(bounds[rule.left][1], ceiling)), (left.min, min(left.max, ceiling)))  # type: ignore[arg-type]
    return bounds


def _within(narrowed: tuple[float, float], widened: tuple[float, float]) -> tuple[float, float]:
    """The narrowed range, else the widened one, else the lower end alone (never an empty range:
    guidance refuses an unsatisfiable schema; the validator then names the broken rule)."""
    for low, high in (narrowed, widened):
        if low <= high:
            return low, high
    return widened[1], widened[1]


def template_branch(template: Template, stated: dict[str, Value]) -> type[BaseModel]:
    bounds = asked_bounds(template, stated)
    fields = {name: _param_field(spec, bounds.get(name, (0, 0)), stated.get(name)) for name, spec in template.params.items()}
    params = create_model(f"{template.id}_params", __config__=FORBID, **fields)
    return create_model(f"{template.id}_choice", __config__=FORBID, template=(Literal[template.id], ...), params=(params, ...))  # type: ignore[valid-type]


def draft_type(templates: list[Template], stated: dict[str, dict[str, Value]], constraints: Constraints, instruments: list[str]) -> type[BaseModel]:
    """The model's part of a draft for this request (`stated`: template id -> values the intent fixes)."""
    branches = [template_branch(t, stated.get(t.id, {})) for t in templates]
    strategy = branches[0] if len(branches) == 1 else Annotated[Union[tuple(branches)], Field(discriminator="template")]  # noqa: UP007
    position, guard, stop = RISK_BOUNDS[constraints.risk_level]
    risk = create_model(
        "risk_limits", __config__=FORBID,
        max_position=(float, Field(ge=0.01, le=position)), max_drawdown_guard=(float, Field(ge=0.02, le=guard)),
    )
    fields: dict[str, Any] = {
        "strategy": (strategy, ...),
        "sizing": (Sizing, ...),
        "stop_loss": (float, Field(ge=0.005, le=stop)),
        "take_profit": (float, Field(ge=stop + 0.01, le=2.0, description="Larger than the stop loss.")),
        "risk": (risk, ...),
        "rationale": (str, Field(min_length=1, max_length=300)),
    }
    if constraints.universe is None:
        fields["universe"] = (list[Literal[tuple(instruments)]], Field(min_length=1, max_length=8))  # type: ignore[valid-type]
    if constraints.timeframe is None:
        fields["timeframe"] = (Literal["5m", "15m", "1h", "4h", "1d", "1w"], ...)
    return create_model("StrategyDraft", __config__=FORBID, **fields)


def to_config(draft: dict[str, Any], constraints: Constraints) -> tuple[dict[str, Any], str]:
    """The generated draft as a `StrategyConfig` dict (user constraints fill what the model was not asked), and the rationale."""
    config = {
        "template": draft["strategy"]["template"],
        "params": {name: _tidy(value) for name, value in draft["strategy"]["params"].items()},
        "universe": constraints.universe or list(dict.fromkeys(draft["universe"])),
        "timeframe": constraints.timeframe or draft["timeframe"],
        "sizing": {**draft["sizing"], "fraction": _tidy(draft["sizing"]["fraction"])},
        "stop_loss": _tidy(draft["stop_loss"]),
        "take_profit": _tidy(draft["take_profit"]),
        "risk": {name: _tidy(value) for name, value in draft["risk"].items()},
    }
    return config, draft["rationale"]


def _tidy(value: Any) -> Any:
    """Floats to 4 decimals (what a person would write); validation runs on the tidied value."""
    return round(value, 4) if isinstance(value, float) else value

"""The builder's output type, built per request from the retrieved templates.

Constrained by construction: the template is an enum of the candidates (a discriminated union,
one branch per template, each with its own parameter schema), every number carries its range
(the template's `generate` sub-range where ordering rules need it, the request's risk level for
risk fields), and choices are enums. The model cannot name an unknown template or indicator,
or write an out-of-range value; cross-field rules are checked after generation.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from services.strategies.catalogue import ParamSpec, Template
from services.strategies.schemas import RISK_BOUNDS, Constraints, Sizing

FORBID = ConfigDict(extra="forbid")


def _param_field(spec: ParamSpec) -> tuple[Any, Any]:
    if spec.type == "choice":
        return Literal[spec.choices], Field(description=spec.description or None)  # type: ignore[valid-type]
    low, high = spec.asked_range
    kind = int if spec.type == "int" else float
    return kind, Field(ge=kind(low), le=kind(high), description=spec.description or None)


def template_branch(template: Template) -> type[BaseModel]:
    params = create_model(f"{template.id}_params", __config__=FORBID, **{name: _param_field(spec) for name, spec in template.params.items()})
    return create_model(f"{template.id}_choice", __config__=FORBID, template=(Literal[template.id], ...), params=(params, ...))  # type: ignore[valid-type]


def draft_type(templates: list[Template], constraints: Constraints, instruments: list[str]) -> type[BaseModel]:
    """The model's part of a draft for this request."""
    branches = [template_branch(t) for t in templates]
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

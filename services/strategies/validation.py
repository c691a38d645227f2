"""Validation of a strategy config against the catalogue: shared fields, template parameters
(names, types, ranges, choices), cross-field rules, and the request's risk level.

Every config passes through here: generated drafts, repaired drafts and human edits. Errors are
sentences a person (or the model, in the repair loop) can act on; nothing is silently fixed.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from services.strategies.catalogue import Catalogue, ParamSpec
from services.strategies.schemas import RISK_BOUNDS, RiskLevel, StrategyConfig


def validate_config(config: dict[str, Any], catalogue: Catalogue, risk_level: RiskLevel = "high") -> list[str]:
    """Every problem with ``config``; an empty list means valid."""
    try:
        parsed = StrategyConfig.model_validate(config)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in e['loc']) or 'config'}: {e['msg']}" for e in exc.errors()]
    errors = [f"universe: unknown instrument {symbol!r}" for symbol in parsed.universe if symbol not in catalogue.instruments]
    template = catalogue.templates.get(parsed.template)
    if template is None:
        return [*errors, f"template: unknown template {parsed.template!r}; known: {', '.join(sorted(catalogue.templates))}"]
    errors += [f"params.{name}: unknown parameter of {template.id}" for name in parsed.params if name not in template.params]
    errors += [f"params.{name}: missing" for name in template.params if name not in parsed.params]
    for name, spec in template.params.items():
        if name in parsed.params and (problem := _param_problem(parsed.params[name], spec)):
            errors.append(f"params.{name}: {problem}")
    if not errors:
        errors += [f"params: {rule.message} ({rule.left} {rule.op} {rule.right})" for rule in template.rules if not rule.holds(parsed.params)]  # type: ignore[arg-type]
    position, guard, stop = RISK_BOUNDS[risk_level]
    if parsed.risk.max_position > position:
        errors.append(f"risk.max_position: {parsed.risk.max_position} exceeds {position} allowed at risk level {risk_level}")
    if parsed.risk.max_drawdown_guard > guard:
        errors.append(f"risk.max_drawdown_guard: {parsed.risk.max_drawdown_guard} exceeds {guard} allowed at risk level {risk_level}")
    if parsed.stop_loss is not None and parsed.stop_loss > stop:
        errors.append(f"stop_loss: {parsed.stop_loss} exceeds {stop} allowed at risk level {risk_level}")
    return errors


def _param_problem(value: Any, spec: ParamSpec) -> str | None:
    if spec.type == "choice":
        return None if value in spec.choices else f"{value!r} is not one of {list(spec.choices)}"
    if isinstance(value, bool) or not isinstance(value, int | float) or (spec.type == "int" and not float(value).is_integer()):
        return f"{value!r} is not a{'n integer' if spec.type == 'int' else ' number'}"
    if not spec.min <= value <= spec.max:  # type: ignore[operator]
        return f"{value} is outside [{spec.min:g}, {spec.max:g}]"
    return None

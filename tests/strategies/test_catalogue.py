"""The catalogue and config validation (pure logic, no LLM)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from services.strategies.catalogue import CatalogueError, ParamSpec, default_catalogue, load_catalogue
from services.strategies.validation import validate_config

CATALOGUE = default_catalogue()
INDICATORS = "sma ema wma dema tema kama vwap rsi stoch stochrsi macd cci willr mfi roc mom adx aroon ppo trix bbands atr natr keltner donchian obv ad cmf sar supertrend zscore linearreg_slope".split()
TEMPLATES = "ma_crossover macd_momentum oscillator_mean_reversion bollinger_reversion donchian_breakout volatility_breakout momentum_rotation pairs_trading".split()


def config(template: str, **params: Any) -> dict[str, Any]:
    spec = CATALOGUE.template(template)
    return {
        "template": template, "params": {name: p.default for name, p in spec.params.items()} | params,
        "universe": ["SPY"], "timeframe": "1d", "sizing": {"method": "fixed_fraction", "fraction": 0.1},
        "stop_loss": 0.05, "take_profit": 0.15, "risk": {"max_position": 0.1, "max_drawdown_guard": 0.15},
    }


def test_catalogue_has_every_required_entry() -> None:
    assert set(INDICATORS) <= set(CATALOGUE.indicators) and set(TEMPLATES) <= set(CATALOGUE.templates)
    assert all(i.synonyms and i.description for i in CATALOGUE.indicators.values())
    assert {i.group for i in CATALOGUE.indicators.values()} == {"overlap", "momentum", "volatility", "volume", "statistics"}


@pytest.mark.parametrize("template", TEMPLATES)
def test_defaults_are_valid_and_generation_ranges_satisfy_every_rule(template: str) -> None:
    assert validate_config(config(template), CATALOGUE) == []
    spec = CATALOGUE.template(template)
    ranged = {name: p.generate or (p.min, p.max) for name, p in spec.params.items() if p.type != "choice"}
    for corner in itertools.product(*ranged.values()):  # every corner of the generation box
        values = dict(zip(ranged, corner, strict=True))
        assert all(rule.holds(values) for rule in spec.rules), (template, values)


def test_errors_name_the_field_and_the_reason() -> None:
    assert validate_config(config("ma_crossover", fast_period=250), CATALOGUE) == ["params.fast_period: 250 is outside [2, 200]"]
    assert validate_config(config("ma_crossover", fast_period=150, slow_period=100), CATALOGUE) == [
        "params: the fast period must be shorter than the slow period (fast_period < slow_period)"
    ]
    assert validate_config(config("pairs_trading", entry_z=4.5), CATALOGUE) == [
        "params: the entry z-score must be below the stop z-score (entry_z < stop_z)"
    ]
    unknown = validate_config({**config("ma_crossover"), "template": "martingale"}, CATALOGUE)
    assert unknown[0].startswith("template: unknown template 'martingale'; known: bollinger_reversion")
    extra = config("ma_crossover", colour="red", ma_type="hma")
    assert set(validate_config(extra, CATALOGUE)) == {"params.colour: unknown parameter of ma_crossover", "params.ma_type: 'hma' is not one of ['sma', 'ema', 'wma']"}
    assert validate_config({**config("ma_crossover"), "universe": ["SPY", "NOPE"]}, CATALOGUE) == ["universe: unknown instrument 'NOPE'"]
    risky = {**config("ma_crossover"), "risk": {"max_position": 0.5, "max_drawdown_guard": 0.15}}
    assert validate_config(risky, CATALOGUE, "low") == ["risk.max_position: 0.5 exceeds 0.1 allowed at risk level low"]
    assert validate_config({**config("ma_crossover"), "take_profit": 0.01}, CATALOGUE) == ["config: Value error, take_profit must be larger than stop_loss"]


def test_broken_catalogue_is_a_clear_error(tmp_path: Path) -> None:
    for name in ("indicators", "templates", "instruments"):
        (tmp_path / f"{name}.yaml").write_text((Path(__file__).parents[2] / "data" / "catalogue" / f"{name}.yaml").read_text())
    templates = tmp_path / "templates.yaml"
    templates.write_text(templates.read_text().replace("indicators: [zscore]", "indicators: [zscore, hurst]"))
    with pytest.raises(CatalogueError, match=r"pairs_trading uses unknown indicator\(s\) \['hurst'\]"):
        load_catalogue(tmp_path)


def test_a_value_stated_in_words_must_be_a_valid_value() -> None:
    with pytest.raises(ValueError, match=r"phrases state numeric values within \[min, max\]"):
        ParamSpec(type="float", default=0.0, min=-1.0, max=2.0, phrases={"middle band": 3.0})

"""Values the intent states, read by code, and the output type that fixes them (pure logic, no LLM)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from retrieval.korean import korean_view
from services.platform.settings import REPO_ROOT
from services.strategies.catalogue import default_catalogue
from services.strategies.output_type import asked_bounds, draft_type
from services.strategies.schemas import Constraints
from services.strategies.stated import best_supported, stated_params

CATALOGUE = default_catalogue()
KOREAN = korean_view(REPO_ROOT / "data" / "glossary" / "ko-en.yaml")


def stated(template: str, intent: str) -> dict[str, object]:
    return stated_params(intent, CATALOGUE.template(template), CATALOGUE)


@pytest.mark.parametrize(("template", "intent", "expected"), [
    ("ma_crossover", "Long SPY on a 15-day EMA crossing above the 60-day EMA", {"ma_type": "ema", "fast_period": 15, "slow_period": 60}),
    ("ma_crossover", "the classic 50/200 cross on the Nasdaq 100", {"fast_period": 50, "slow_period": 200}),
    ("ma_crossover", "fast average 12, slow average 40, weighted moving average", {"ma_type": "wma", "fast_period": 12, "slow_period": 40}),
    ("macd_momentum", "MACD 5/35/5 on ether, only above zero", {"fast": 5, "slow": 35, "signal": 5, "zero_line_filter": "above_zero"}),
    ("oscillator_mean_reversion", "RSI(3) under 5 on QQQ, exit above 70", {"oscillator": "rsi", "length": 3, "entry_threshold": 5, "exit_threshold": 70}),
    ("oscillator_mean_reversion", "buy oversold readings of the stochastic", {"oscillator": "stoch"}),
    ("bollinger_reversion", "fade 2.5 sigma moves, exiting half a standard deviation from the mean", {"entry_std": 2.5, "exit_std": 0.5}),
    ("bollinger_reversion", "Bollinger 30, 2 on gold", {"length": 30, "entry_std": 2.0}),
    ("donchian_breakout", "buy a 55-day high and sell a 20-day low", {"entry_period": 55, "exit_period": 20}),
    ("volatility_breakout", "Keltner breakout at 1.5 ATRs with a 3 ATR stop", {"channel": "keltner", "multiplier": 1.5, "atr_stop_multiple": 3.0}),
    ("momentum_rotation", "hold the top three by 6-month return, rebalance every month", {"top_n": 3, "lookback_days": 126, "rebalance": "monthly"}),
    ("pairs_trading", "spread trade: enter at 2.2 sigma, exit at 0.4, stop at 5, 90-day lookback", {"entry_z": 2.2, "exit_z": 0.4, "stop_z": 5.0, "lookback": 90}),
    ("bollinger_reversion", "buy below the 2.5 sigma band and take profit at the middle band", {"entry_std": 2.5, "exit_std": 0.0}),  # a value in words
    ("momentum_rotation", "top 4 on 12-month return, skipping the latest month", {"top_n": 4, "lookback_days": 252, "skip_days": 21}),  # one month
    ("momentum_rotation", "hold the best two by return over the past year", {"top_n": 2, "lookback_days": 252}),
])
def test_stated_values_are_read(template: str, intent: str, expected: dict[str, object]) -> None:
    assert stated(template, intent) == expected


@pytest.mark.parametrize(("template", "intent", "expected"), [
    ("ma_crossover", "SPY 20일 지수이동평균이 60일 지수이동평균을 상향 돌파하면 매수", {"ma_type": "ema", "fast_period": 20, "slow_period": 60}),
    ("ma_crossover", "단기 12일, 장기 40일 가중이동평균 골든크로스", {"ma_type": "wma", "fast_period": 12, "slow_period": 40}),
    ("ma_crossover", "코스피 200 선물 20일, 60일 이동평균 골든크로스", {"fast_period": 20, "slow_period": 60}),  # an index's number is its name
    ("donchian_breakout", "터틀 트레이딩처럼 20일 최고가 돌파하면 진입하고 10일 최저가 깨지면 청산", {"entry_period": 20, "exit_period": 10}),  # "-고" ends a clause
    ("pairs_trading", "KO와 PEP 페어, 스프레드 z값 2 이상이면 진입 0에서 청산 3.5에서 손절", {"entry_z": 2.0, "exit_z": 0.0, "stop_z": 3.5}),  # "-면" does not
    ("oscillator_mean_reversion", "스토캐스틱 과매도 구간 20 밑에서 매수", {"oscillator": "stoch", "entry_threshold": 20}),  # 과매도 kept whole
    ("momentum_rotation", "분기마다 리밸런싱하는 상대강도 로테이션, 상위 5개 보유", {"top_n": 5, "rebalance": "quarterly"}),
    ("oscillator_mean_reversion", "RSI 3일 기준 5 이하에서 매수, 70 이상에서 청산", {"oscillator": "rsi", "length": 3, "entry_threshold": 5, "exit_threshold": 70}),
    ("bollinger_reversion", "볼린저 밴드 30일, 2.5 표준편차 이탈 시 매수", {"length": 30, "entry_std": 2.5}),
    ("donchian_breakout", "55일 신고가 돌파 시 진입, 20일 신저가 이탈 시 청산", {"entry_period": 55, "exit_period": 20}),
    ("momentum_rotation", "최근 6개월 수익률 상위 3종목, 매월 리밸런싱", {"top_n": 3, "lookback_days": 126, "rebalance": "monthly"}),
    ("pairs_trading", "스프레드 2.2 시그마에서 진입, 0.4에서 청산, 5에서 손절, 룩백 90일", {"entry_z": 2.2, "exit_z": 0.4, "stop_z": 5.0, "lookback": 90}),
])
def test_korean_intents_are_read_through_the_glossary(template: str, intent: str, expected: dict[str, object]) -> None:
    """The service reads a Korean intent through its English view; the entry cue of one clause
    ("진입,") never names the next clause's number."""
    assert stated(template, KOREAN(intent)) == expected


@pytest.mark.parametrize(("template", "intent", "expected"), [
    ("oscillator_mean_reversion", "dip buying on the S&P 500 ETF, stop out at 10%", {}),  # an index's name, a percentage
    ("pairs_trading", "the 2-year against the 10-year Treasury future", {}),  # instruments, not windows
    ("ma_crossover", "crude oil CL1: be long while the short average is above the long one", {}),
    ("ma_crossover", "EMA or SMA, whichever suits", {}),  # two choices named: the model decides
    ("ma_crossover", "fast 100, slow 20", {}),  # stated values that break fast < slow
    ("oscillator_mean_reversion", "RSI 500", {"oscillator": "rsi"}),  # outside the valid range
    ("volatility_breakout", "a 2 ATR stop", {"atr_stop_multiple": 2.0}),  # ATR as a unit names no ATR channel
    ("oscillator_mean_reversion", "check the RSI once a day and buy under 30", {"oscillator": "rsi", "entry_threshold": 30}),  # no 1-day window
])
def test_nothing_is_stated_that_the_intent_does_not_say(template: str, intent: str, expected: dict[str, object]) -> None:
    assert stated(template, intent) == expected


def test_output_type_fixes_stated_values_and_keeps_the_rules_satisfiable() -> None:
    template = CATALOGUE.template("ma_crossover")
    assert asked_bounds(template, {"slow_period": 50}) == {"fast_period": (5, 49), "slow_period": (80, 300)}
    assert asked_bounds(template, {"slow_period": 4 + 1})["fast_period"] == (2, 4)  # nothing left of `generate`: the valid range
    output = draft_type([template], {"ma_crossover": {"ma_type": "ema", "slow_period": 50}}, Constraints(universe=["SPY"], timeframe="1d"), ["SPY"])
    draft = {
        "sizing": {"method": "fixed_fraction", "fraction": 0.1}, "stop_loss": 0.05, "take_profit": 0.15,
        "risk": {"max_position": 0.1, "max_drawdown_guard": 0.15}, "rationale": "r",
    }
    output.model_validate({**draft, "strategy": {"template": "ma_crossover", "params": {"ma_type": "ema", "fast_period": 20, "slow_period": 50}}})
    for params in ({"ma_type": "sma", "fast_period": 20, "slow_period": 50}, {"ma_type": "ema", "fast_period": 20, "slow_period": 100}):
        with pytest.raises(ValidationError):
            output.model_validate({**draft, "strategy": {"template": "ma_crossover", "params": params}})


def test_a_revision_request_overrides_what_the_intent_stated() -> None:
    template = CATALOGUE.template("ma_crossover")
    intent = "a 20-day EMA over the 100-day EMA"
    assert stated_params(intent, template, CATALOGUE, "make the slow period 150") == {"ma_type": "ema", "fast_period": 20, "slow_period": 150}
    assert stated_params(intent, template, CATALOGUE, "switch to SMA, fast 120") == {"ma_type": "sma"}  # 120 < 100 breaks the rule: both left open


def test_of_near_tied_templates_the_one_whose_parameters_the_intent_names_is_drafted() -> None:
    ma, donchian, macd = (CATALOGUE.template(t) for t in ("ma_crossover", "donchian_breakout", "macd_momentum"))
    assert best_supported([ma, donchian], "long bitcoin on a new 20-day high, out on a 5-day low", CATALOGUE) == [donchian]
    assert best_supported([ma, macd], "the standard 12, 26, 9 settings", CATALOGUE) == [ma, macd]  # windows name nothing: the model chooses


def test_a_stated_value_that_leaves_its_rule_partner_no_room_is_not_stated() -> None:
    template = CATALOGUE.template("oscillator_mean_reversion")
    assert stated_params("RSI under 100", template, CATALOGUE) == {"oscillator": "rsi"}  # no exit threshold above 100 exists
    assert asked_bounds(template, {"entry_threshold": 99.995})["exit_threshold"] == (100.0, 100.0)  # never an empty range


def test_a_choice_is_stated_by_a_phrase_once_however_many_of_its_phrases_occur() -> None:
    template = CATALOGUE.template("macd_momentum")
    assert stated_params("MACD 0 line below entry", template, CATALOGUE)["zero_line_filter"] == "below_zero"
    assert stated_params("only below the zero line, i.e. zero line below", template, CATALOGUE)["zero_line_filter"] == "below_zero"


def test_numbers_and_cues_pair_so_that_most_parameters_get_one() -> None:
    rotation = CATALOGUE.template("momentum_rotation")
    # greedy nearest-first gave the 1 month to the lookback ("last ... 1 months") and left skip empty
    stated = stated_params("SPDR ETF 12 months return 4 items monthly . last trailing 1 months skip excluding", rotation, CATALOGUE)
    assert stated.items() >= {"lookback_days": 252, "skip_days": 21}.items()


def test_a_unit_cue_yields_to_a_word_of_purpose() -> None:
    bollinger, breakout = CATALOGUE.template("bollinger_reversion"), CATALOGUE.template("volatility_breakout")
    assert stated_params("exit average mean 0.5 standard deviation std above", bollinger, CATALOGUE).get("exit_std") == 0.5
    assert stated_params("volatility , stop loss 2 ATR", breakout, CATALOGUE).get("atr_stop_multiple") == 2.0

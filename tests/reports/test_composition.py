"""Insight statements by code and the report composed from them (pure, no model): the facts of
a report do not depend on the model, and degenerate prose is not shown as the model's."""

from __future__ import annotations

import json
from typing import Any

from guardrails.factcheck import check
from services.reports.composition import compose, degenerate
from services.reports.facts import fact_sheet, figures
from services.reports.insights import insights
from services.reports.narrative import LIST_SECTIONS, SECTIONS, fill, narrative_type, render_text
from services.platform.settings import REPO_ROOT
from services.reports.schemas import BacktestIn
from tests.reports.conftest import sample


def backtest(name: str = "eq-us-ma-crossover", **kpis: Any) -> BacktestIn:
    document = sample(name)
    return BacktestIn.model_validate({**document, "kpis": {**document["kpis"], **kpis}})


def prose(text: str | None = None, **fields: Any) -> dict[str, Any]:
    """Model output: ``text`` in every field, or a different remark per field."""
    def said(name: str) -> str:
        return text or f"A remark on {name.replace('_', ' ')} worth reading."
    return {name: [said(name)] if name in LIST_SECTIONS else said(name) for name in [*SECTIONS, *LIST_SECTIONS]} | fields


def test_every_statement_of_every_shipped_sample_is_supported_by_the_store() -> None:
    for name in ("eq-us-ma-crossover", "crypto-btc-keltner", "fx-eurusd-bollinger", "rates-ust-pairs", "cmd-crude-macd"):
        bt = backtest(name)
        values, found = figures(bt), insights(bt)
        result = check("\n".join(fill(i.text, values) for i in found), fact_sheet(bt))
        assert result.contradicted == 0 and result.unverifiable == 0 and result.supported >= 4, (name, result.findings)


def test_the_comparison_with_the_benchmark_is_stated_by_code_both_ways() -> None:
    beat, trailed = backtest(cagr=0.30, total_return=None), backtest(cagr=0.01, total_return=None)
    assert insights(beat)[0].text.startswith("The strategy beat ") and insights(trailed)[0].text.startswith("The strategy trailed ")
    assert check(fill(insights(trailed)[0].text, figures(trailed)), fact_sheet(trailed)).contradicted == 0


def test_the_model_picks_and_orders_the_key_insights_that_lead_the_summary() -> None:
    bt = backtest()
    found = insights(bt)
    ids = [i.id for i in found if i.has_figures]
    output_type = narrative_type(sorted(figures(bt)), [r.label for r in bt.regimes], [], ids)
    assert list(output_type.model_fields)[:2] == ["headline", "key_insights"]
    narrative = compose(prose(key_insights=["risk.drawdown", "performance.vs_benchmark"]), found, "MA crossover")
    by_id = {i.id: i.text for i in found}
    assert narrative["executive_summary"].startswith(f"{by_id['risk.drawdown']} {by_id['performance.vs_benchmark']}")
    assert narrative["key_insights"] == ["risk.drawdown", "performance.vs_benchmark"]


def test_prose_repeated_across_sections_is_left_out_and_the_statements_stand() -> None:
    bt = backtest("crypto-btc-keltner")
    found = insights(bt)
    repeated = "Benchmark Comparison of Bitcoin's Performance,"
    narrative = compose(prose(repeated), found, "BTC Keltner")
    assert narrative["headline"] == repeated  # the first saying stays
    assert set(narrative["withheld"]) >= {"executive_summary", "risk", "regime_analysis", "recommendations.0"}
    assert all(reason == "repeats a sentence" for reason in narrative["withheld"].values())
    assert repeated not in narrative["risk"] and narrative["risk"].startswith("Max drawdown was {max_drawdown}")
    assert narrative["recommendations"] == []
    result = check(render_text(narrative, figures(bt)), fact_sheet(bt))
    assert result.contradicted == 0 and result.supported >= 4


def test_with_no_valid_model_answer_the_statements_stand_alone_and_still_check() -> None:
    bt = backtest("crypto-btc-keltner")
    for lang in ("en", "ko"):
        narrative = compose(None, insights(bt), "BTC Keltner", lang)
        assert set(narrative["withheld"]) == set(SECTIONS) and set(narrative["withheld"].values()) == {"the model gave no valid answer"}
        assert narrative["headline"] == ("BTC Keltner: backtest report" if lang == "en" else "BTC Keltner: 백테스트 리포트")
        assert narrative["recommendations"] == narrative["caveats"] == [] and narrative["key_insights"]
    result = check(render_text(compose(None, insights(bt), "BTC Keltner"), figures(bt)), fact_sheet(bt))
    assert result.contradicted == 0 and result.supported >= 4


def test_empty_or_title_only_prose_is_degenerate() -> None:
    reasons = degenerate(prose(risk="Risk.", anomalies="  ", signal_insights="The signal insights"))
    assert reasons == {"risk": "restates its title", "anomalies": "empty", "signal_insights": "restates its title"}


def test_word_salad_in_a_stray_script_is_degenerate() -> None:
    salad = "huntsoz famed café:πο([[ bedrooms shrew 뼥 brit valley ████eroids benef wrathafety 杲 pearls"
    assert degenerate(prose(risk=salad)) == {"risk": "mixes scripts"}
    assert degenerate(prose(risk="Drawdowns stayed shallow (−9.8%) and the 2020 café-closure shock cost 3%.")) == {}


def test_a_degenerate_headline_is_replaced_by_code() -> None:
    narrative = compose(prose(headline="Headline"), insights(backtest()), "MA crossover")
    assert narrative["headline"] == "MA crossover: backtest report" and narrative["withheld"]["headline"] == "restates its title"


def test_a_backtest_without_figures_has_statements_without_claims() -> None:
    bare = BacktestIn.model_validate({**{k: sample("eq-us-ma-crossover")[k] for k in ("strategy", "universe", "timeframe", "period")}, "id": "bare", "kpis": {}})
    found = insights(bare)
    assert [i.id for i in found] == ["anomalies.none"] and not found[0].has_figures
    assert "key_insights" not in narrative_type([], [], [], []).model_fields


def test_a_headline_about_nothing_in_the_report_is_replaced() -> None:
    narrative = compose(prose(headline="GRAVEL MADE OF DEATH - An Exaggerated Strategy"), insights(backtest()), "MA crossover")
    assert narrative["headline"] == "MA crossover: backtest report" and narrative["withheld"]["headline"] == "says nothing about this backtest"
    kept = compose(prose(headline="Crossover trails the benchmark on drawdown"), insights(backtest()), "MA crossover")
    assert kept["headline"] == "Crossover trails the benchmark on drawdown" and "headline" not in kept["withheld"]


def test_every_korean_statement_and_korean_report_of_every_sample_is_verified() -> None:
    """All 42 shipped and eval backtests (539 statements): each Korean statement with figures is
    `verified` alone, and the Korean report composed of them (the model's English prose left
    out) has no claim the Korean checker cannot place: a strategy figure says "전략", a regime's
    figure names its regime (the checker carries a subject into the next sentence)."""
    paths = sorted((REPO_ROOT / "data" / "backtests").glob("*.json")) + sorted((REPO_ROOT / "data" / "eval" / "bt").glob("*.json"))
    for path in paths:
        bt = BacktestIn.model_validate(json.loads(path.read_text()))
        values, sheet, found = figures(bt, "ko"), fact_sheet(bt), insights(bt)
        for insight in found:
            result = check(fill(insight.ko, values), sheet)
            assert result.contradicted == 0 and (not insight.has_figures or (result.verdict == "verified" and result.supported > 0)), (path.name, insight.ko)
        whole = check(render_text(compose(prose(), found, bt.strategy.name, "ko"), values), sheet)
        assert (whole.contradicted, whole.unverifiable) == (0, 0), (path.name, [f.claim for f in whole.findings if f.status != "supported"])


def test_a_korean_report_states_korean_and_leaves_english_prose_out() -> None:
    bt = backtest()
    narrative = compose(prose(), insights(bt), "MA crossover", "ko")
    assert narrative["lang"] == "ko" and narrative["headline"] == "MA crossover: 백테스트 리포트"
    assert set(narrative["withheld"]) >= {"headline", "executive_summary", "risk", "recommendations.0"}
    assert narrative["withheld"]["risk"] == "not in the report's language" and "remark" not in narrative["risk"]
    assert narrative["risk"].startswith("전략 최대 낙폭 {max_drawdown}") and figures(bt, "ko")["max_drawdown_duration_days"].endswith("일")
    result = check(render_text(narrative, figures(bt, "ko")), fact_sheet(bt))
    assert result.contradicted == 0 and result.supported >= 4
    korean = "추세 추종 전략은 하락 구간에서 손실을 줄였습니다."
    kept = compose(prose(risk=korean), insights(bt), "MA crossover", "ko")
    assert "risk" not in kept["withheld"] and kept["risk"].endswith(korean)

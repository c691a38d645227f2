"""Reports through the real vLLM server: schema-valid, cached, reviewed, served stale when it is down."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from services.app.products import report_service
from services.platform.audit import Caller
from services.platform.models import AuditEntry, LLMCall
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.reports import store
from services.reports.facts import figures
from services.reports.models import ReportRequest, ReportReview
from services.reports.insights import insights
from services.reports.narrative import PLACEHOLDER, SECTIONS, fill
from tests.conftest import PlatformFactory
from tests.reports.conftest import import_samples, sample
from tests.support.api import Api, api_for

pytestmark = pytest.mark.llm
BACKTEST = "eq-us-ma-crossover"


def report_calls(platform: Platform) -> int:
    with platform.db.session() as session:
        return session.scalar(select(func.count()).select_from(LLMCall).where(LLMCall.feature == "reports", LLMCall.outcome == "ok"))


def test_reports_are_schema_valid_with_figures_from_the_store(api: Api) -> None:
    with api.platform.db.session() as session:
        backtests = {row.id: store.backtest_at(session, row.id, row.revision) for row in store.summaries(session)}
    chosen = sorted(backtests)[:4]
    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(lambda b: api.client.get(f"/backtests/{b}/report", headers=api.as_(Role.viewer)), chosen))
    for backtest_id, response in zip(chosen, responses, strict=True):
        assert response.status_code == 200, response.text
        report, backtest = response.json(), backtests[backtest_id]
        values, found = figures(backtest), insights(backtest)
        narrative = report["narrative"]
        assert set(narrative) >= {*SECTIONS, "key_insights", "withheld"} and set(narrative["key_insights"]) <= {i.id for i in found}
        assert report["figures"] == values and report["status"] in ("verified", "needs_review")
        assert report["prompt_id"] == "reports.narrative" and report["prompt_version"] == "2.0.0"
        flagged = report["factcheck"]["contradicted"] + report["factcheck"]["unverifiable"]
        assert report["status"] == "needs_review" or (not flagged and report["factcheck"]["supported"] > 0)
        for insight in found:  # code's statements stand in their sections, whatever the model wrote
            assert fill(insight.text, values) in fill(narrative[insight.section], values)
        for name in SECTIONS:  # no digit but the stored figures (and the benchmark's name)
            assert not re.search(r"\d", PLACEHOLDER.sub("", narrative[name]).replace(backtest.benchmark or "", ""))
    with api.platform.db.session() as session:
        call = session.scalars(select(LLMCall).where(LLMCall.feature == "reports")).first()
        assert call.prompt_id == "reports.narrative" and call.prompt_hash and call.output_tokens > 0


def test_cache_etag_refresh_and_single_flight(api: Api) -> None:
    viewer, analyst = api.as_(Role.viewer), api.as_(Role.analyst)
    with ThreadPoolExecutor(4) as pool:
        first = list(pool.map(lambda _: api.client.get(f"/backtests/{BACKTEST}/report", headers=viewer), range(4)))
    assert {r.status_code for r in first} == {200}
    assert report_calls(api.platform) == 1  # concurrent first requests generated it once
    assert len({r.json()["generated_at"] for r in first}) == 1

    etag = first[0].headers["etag"]
    assert api.client.get(f"/backtests/{BACKTEST}/report", headers={**viewer, "If-None-Match": etag}).status_code == 304
    assert api.client.get(f"/backtests/{BACKTEST}/report", headers=viewer).json() == first[0].json()
    assert report_calls(api.platform) == 1

    denied = api.client.get(f"/backtests/{BACKTEST}/report?refresh=true", headers=viewer)
    assert denied.status_code == 403 and "reports.generate" in denied.text
    refreshed = api.client.get(f"/backtests/{BACKTEST}/report?refresh=true", headers=analyst)
    assert refreshed.status_code == 200 and report_calls(api.platform) == 2
    assert refreshed.json()["generated_at"] != first[0].json()["generated_at"]

    markdown = api.client.get(f"/backtests/{BACKTEST}/report.md", headers=viewer)
    assert markdown.headers["content-type"].startswith("text/markdown") and "| Sharpe ratio |" in markdown.text
    page = api.client.get(f"/backtests/{BACKTEST}/report.html", headers=viewer).text
    assert "<svg" in page and not re.search(r"(src|href)=\"?https?:|url\(https?:|@import", page)  # self-contained, offline
    assert report_calls(api.platform) == 2


def test_a_korean_report_is_its_own_cache_entry_in_korean(api: Api) -> None:
    viewer = api.as_(Role.viewer)
    english = api.client.get(f"/backtests/{BACKTEST}/report", headers=viewer)
    korean = api.client.get(f"/backtests/{BACKTEST}/report", headers={**viewer, "Accept-Language": "ko-KR,ko;q=0.9,en;q=0.8"})
    assert (english.headers["content-language"], korean.headers["content-language"]) == ("en", "ko")
    report = korean.json()
    assert report["lang"] == "ko" and report_calls(api.platform) == 2  # one generation per language
    assert report["narrative"]["risk"].startswith("전략 최대 낙폭") and report["figures"]["max_drawdown_duration_days"].endswith("일")
    assert report["factcheck"]["contradicted"] == 0 and report["factcheck"]["supported"] >= 4
    assert api.client.get(f"/backtests/{BACKTEST}/report?lang=ko", headers=viewer).json() == report  # cached
    assert api.client.get(f"/backtests/{BACKTEST}/report?lang=fr", headers=viewer).status_code == 422
    page = api.client.get(f"/backtests/{BACKTEST}/report.html?lang=ko", headers=viewer).text
    assert '<html lang="ko">' in page and "주요 지표" in page and "샤프 지수" in page and "Key figures" not in page
    markdown = api.client.get(f"/backtests/{BACKTEST}/report.md?lang=ko", headers=viewer).text
    assert "| 지표 | 값 |" in markdown and "## 팩트 체크" in markdown and report_calls(api.platform) == 2


def test_new_revision_gets_its_own_report(api: Api) -> None:
    viewer = api.as_(Role.viewer)
    first = api.client.get(f"/backtests/{BACKTEST}/report", headers=viewer).json()
    changed = sample(BACKTEST)
    changed["kpis"]["sharpe"] = 1.23
    assert api.client.post("/backtests", json=changed, headers=api.as_(Role.analyst)).json()["revision"] == 2
    second = api.client.get(f"/backtests/{BACKTEST}/report", headers=viewer).json()
    assert (first["revision"], second["revision"]) == (1, 2)
    assert second["figures"]["sharpe"] == "1.23"


def test_review_flow(api: Api) -> None:
    reviewer, analyst = api.as_(Role.reviewer), api.as_(Role.analyst)
    report = api.client.get(f"/backtests/{BACKTEST}/report", headers=analyst).json()
    queue = api.client.get("/reviews", headers=reviewer).json()
    assert (BACKTEST in [item["backtest_id"] for item in queue]) == (report["status"] == "needs_review")
    assert api.client.get("/reviews", headers=analyst).status_code == 403
    body = {"decision": "approve", "comment": "ok", "rating": 4}
    assert api.client.post(f"/backtests/{BACKTEST}/report/review", json=body, headers=analyst).status_code == 403

    kpis = sample(BACKTEST)["kpis"]
    wrong = f"The strategy returned a CAGR of {kpis['cagr'] * 100 + 7:.1f}% with a Sharpe ratio of {kpis['sharpe']:.2f}."
    blocked = api.client.post(f"/backtests/{BACKTEST}/report/review", json={**body, "edited_text": wrong}, headers=reviewer)
    assert blocked.status_code == 422 and "contradicts the stored figures" in blocked.json()["error"]["message"]
    assert api.client.get(f"/backtests/{BACKTEST}/report", headers=analyst).json()["status"] == report["status"]  # nothing half-written

    right = f"The strategy returned a CAGR of {kpis['cagr'] * 100:.1f}% with a Sharpe ratio of {kpis['sharpe']:.2f}."
    approved = api.client.post(f"/backtests/{BACKTEST}/report/review", json={**body, "edited_text": right}, headers=reviewer)
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved" and approved.json()["text"] == right
    assert approved.json()["factcheck"]["verdict"] == "verified"
    assert BACKTEST not in [item["backtest_id"] for item in api.client.get("/reviews", headers=reviewer).json()]

    rejected = api.client.post(f"/backtests/{BACKTEST}/report/review", json={"decision": "reject", "comment": "tone", "rating": 2}, headers=reviewer)
    assert rejected.json()["status"] == "rejected"
    with api.platform.db.session() as session:
        decisions = session.scalars(select(AuditEntry.details).where(AuditEntry.action == "reports.review")).all()
    assert [(d["decision"], d["rating"]) for d in decisions] == [("approve", 4), ("reject", 2)]
    bad = api.client.post(f"/backtests/{BACKTEST}/report/review", json={"decision": "maybe"}, headers=reviewer)
    assert bad.status_code == 422 and "decision" in bad.text


def test_factcheck_endpoint(api: Api) -> None:
    kpis = sample(BACKTEST)["kpis"]
    text = f"Max drawdown was {abs(kpis['max_drawdown']) * 100 + 10:.1f}%."
    result = api.client.post("/guardrails/factcheck", json={"backtest_id": BACKTEST, "text": text}, headers=api.as_(Role.analyst)).json()
    assert result["verdict"] == "contradicted" and result["findings"][0]["metric"] == "max_drawdown"
    assert api.client.post("/guardrails/factcheck", json={"backtest_id": "nope", "text": "x"}, headers=api.as_(Role.analyst)).status_code == 404
    assert api.client.post("/guardrails/factcheck", json={"backtest_id": BACKTEST, "text": text}, headers=api.as_(Role.viewer)).status_code == 403


def test_llm_down_503_or_stale_copy(platform: Platform, make_platform: PlatformFactory) -> None:
    import_samples(platform, BACKTEST, "fx-eurusd-bollinger")
    live = next(api_for(platform))
    assert live.client.get(f"/backtests/{BACKTEST}/report", headers=live.as_(Role.analyst)).status_code == 200
    # Only a report that passed the fact check or a reviewer is served stale; a random model's seldom passes.
    approved = live.client.post(f"/backtests/{BACKTEST}/report/review", json={"decision": "approve", "rating": 4}, headers=live.as_(Role.reviewer))
    assert approved.status_code == 200, approved.text

    down = make_platform(database_url=platform.settings.resolved_database_url, llm_base_urls=["http://127.0.0.1:9/v1"])
    api = next(api_for(down, users="second"))
    analyst = api.as_(Role.analyst)
    missing = api.client.get("/backtests/fx-eurusd-bollinger/report", headers=analyst)
    assert missing.status_code == 503 and missing.json()["error"]["code"] == "llm_unavailable" and "retry-after" in missing.headers

    cached = api.client.get(f"/backtests/{BACKTEST}/report", headers=analyst)
    assert cached.status_code == 200 and cached.json()["stale"] is False  # a cache hit needs no LLM
    refreshed = api.client.get(f"/backtests/{BACKTEST}/report?refresh=true", headers=analyst)
    assert refreshed.status_code == 200 and refreshed.json()["stale"] is True
    assert "LLM unavailable" in refreshed.json()["stale_reason"] and "warning" in refreshed.headers


def test_generate_cache_and_review_on_each_database(database_url: str, make_platform: PlatformFactory, llm_url: str) -> None:
    platform = make_platform(database_url=database_url, llm_base_urls=[llm_url])
    import_samples(platform, BACKTEST)
    api = next(api_for(platform))
    first = api.client.get(f"/backtests/{BACKTEST}/report", headers=api.as_(Role.viewer))
    assert first.status_code == 200, first.text
    again = api.client.get(f"/backtests/{BACKTEST}/report", headers=api.as_(Role.viewer))
    assert again.headers["etag"] == first.headers["etag"] and report_calls(platform) == 1
    decided = api.client.post(f"/backtests/{BACKTEST}/report/review", json={"decision": "reject", "comment": "pg", "rating": 3}, headers=api.as_(Role.reviewer))
    assert decided.status_code == 200 and decided.json()["status"] == "rejected"
    with platform.db.session() as session:  # the events the metrics are computed from (services.operations.metrics_summary)
        generated = session.scalars(select(AuditEntry.details).where(AuditEntry.action == "reports.generate")).one()
        assert session.scalars(select(ReportRequest.cache).order_by(ReportRequest.id)).all() == ["miss", "hit"]
        assert session.scalars(select(ReportReview.rating)).all() == [3]
    report = first.json()
    assert (generated["supported"], generated["contradicted"], generated["unverifiable"]) == (
        report["factcheck"]["supported"], report["factcheck"]["contradicted"], report["factcheck"]["unverifiable"])
    assert generated["generation_ms"] == report["generation_ms"]


def test_one_generation_across_workers(database_url: str, make_platform: PlatformFactory, llm_url: str) -> None:
    """Two workers (own engines and services, one database) asked for the same uncached report at once."""
    workers = [make_platform(database_url=database_url, llm_base_urls=[llm_url]) for _ in range(2)]
    import_samples(workers[0], BACKTEST)
    services = [report_service(worker) for worker in workers]
    caller = Caller(name="ana", role="analyst")
    with ThreadPoolExecutor(6) as pool:
        reports = list(pool.map(lambda n: services[n % 2].get_report(BACKTEST, caller), range(6)))
    assert report_calls(workers[0]) == 1
    assert len({report.generated_at for report in reports}) == 1

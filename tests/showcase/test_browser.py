"""The showcase in a real browser: headless Chromium (Debian's package) driven by Playwright.

It signs in with an API key, loads the showcase, a report page and the quality page from the
running server, and checks that no request failed and the console logged no error. A screenshot
of each page is kept in var/test-artifacts/. The quality page needs no model server (it shows
recorded eval runs), so its test runs without vLLM.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from services.evaluation import records
from services.platform import auth
from services.app.app import create_app
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT
from tests.conftest import PlatformFactory
from tests.reports.conftest import import_samples
from tests.support.api import api_for
from tests.support.eval_runs import document, suite
from tests.support.server import running

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO_ROOT / "var" / "test-artifacts"
BACKTEST = "eq-us-ma-crossover"
# The page's own words in English, none of which a Korean report may show.
ENGLISH_UI = ("Key figures", "Fact check", "Equity and drawdown", "Market regimes", "Executive summary", "Performance vs benchmark", "Sharpe ratio", "Checked claims", "needs review", "Model prose left out")
ENGLISH_SHOWCASE = ("InsightStack showcase", "Narrative reports", "Strategy builder", "Fact check", "Sign out", "No reports yet", "every draft", "question(s)", "needs review")
ENGLISH_PAGES = (  # the builder, ChatOps and quality pages' own English words
    *ENGLISH_SHOWCASE, "Strategy builder drafts", "No drafts yet", "Alert investigations", "No alerts received", "ChatOps questions",
    "No questions yet", "Eval scores", "Pass rate", "Usage metrics", "fact check pass rate", "escalations avoided", "Latency", "hover a name",
)
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test installs it)")


@pytest.mark.llm
@needs_chromium
def test_an_executive_signs_in_and_reads_the_showcase(platform: Platform) -> None:
    import_samples(platform, BACKTEST)
    api = next(api_for(platform))
    report = api.client.get(f"/backtests/{BACKTEST}/report", headers=api.as_(Role.analyst))
    assert report.status_code == 200
    findings = report.json()["factcheck"]["findings"]
    sections = report.json()["text"].split("\n", 1)[-1]  # the text's first line is the headline, which the page does not mark
    claims_in_sections = {f["claim"] for f in findings if f["claim"] and f["claim"] in sections}
    problems: list[str] = []
    with browsing(platform, problems) as (base, page):
        page.goto(f"{base}/showcase")
        assert page.url.startswith(f"{base}/signin")  # sent to sign in first
        page.fill("input[name=api_key]", api.keys[Role.viewer])
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/showcase")
        assert "InsightStack showcase" in page.content() and BACKTEST in page.content()
        page.screenshot(path=str(ARTIFACTS / "showcase.png"), full_page=True)

        page.click(f"text={BACKTEST}")
        page.wait_for_url(f"{base}/backtests/{BACKTEST}/report.html")
        assert page.locator("svg[aria-label='Equity curve and drawdown']").count() == 1
        legend = page.locator("p.meta mark.claim").count()
        marked = page.locator("mark.claim").all_inner_texts()[:-legend]  # the sections come before the legend
        assert legend == 3 and "Fact check" in page.content()
        # every claim is marked, on its own or inside a longer claim that contains it
        assert set(marked) <= claims_in_sections and all(any(claim in mark for mark in marked) for claim in claims_in_sections)
        assert page.locator("li[class^='finding-']").count() == len(findings)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)

        page.goto(f"{base}/backtests/{BACKTEST}/report.html?lang=ko")  # the same report in Korean: statements, labels, units
        content = page.content()
        assert '<html lang="ko">' in content and all(word in content for word in ("주요 지표", "요약", "위험", "팩트 체크", "최대 낙폭"))
        assert not [label for label in ENGLISH_UI if label in page.inner_text("body")]
        page.screenshot(path=str(ARTIFACTS / "report-ko.png"), full_page=True)

        page.goto(f"{base}/showcase?lang=ko")  # the Korean showcase lists the Korean report and opens it in Korean
        assert '<html lang="ko">' in page.content() and "내러티브 리포트" in page.content()
        assert not [label for label in ENGLISH_SHOWCASE if label in page.inner_text("body")]
        page.screenshot(path=str(ARTIFACTS / "showcase-ko.png"))
        page.click(f"text={BACKTEST}")
        page.wait_for_url(f"{base}/backtests/{BACKTEST}/report.html?lang=ko")

        page.goto(f"{base}/showcase")
        page.click("text=Sign out")
        page.wait_for_url(f"{base}/signin")
    assert problems == []


@needs_chromium
def test_the_quality_page_draws_the_latest_eval_runs(make_platform: PlatformFactory) -> None:
    platform = make_platform(llm_base_urls=["http://127.0.0.1:9/v1"])
    records.record(platform.db, document(suite("reports", 3, 1), suite("builder", 2, 2), suite("chatops", 1, 3)))
    with platform.db.session() as session:
        key = auth.create_user(session, "cfo", Role.analyst)[1]
    problems: list[str] = []
    with browsing(platform, problems) as (base, page):
        signed_in(page, f"{base}/showcase/quality", key)
        assert page.locator("svg[aria-label='Eval pass rate per product and model'] rect").count() == 3
        assert page.locator("svg[aria-label='Eval pass rate per suite on smollm2-135m-instruct']").count() == 1
        page.screenshot(path=str(ARTIFACTS / "quality.png"), full_page=True)

        page.click("text=Showcase")  # the navigation leads back
        page.wait_for_url(f"{base}/showcase")
    assert problems == []


def test_the_korean_builder_chatops_and_quality_pages_show_no_english_ui(make_platform: PlatformFactory) -> None:
    platform = make_platform(llm_base_urls=["http://127.0.0.1:9/v1"])
    records.record(platform.db, document(suite("reports", 3, 1), suite("chatops", 1, 3)))
    with platform.db.session() as session:
        key = auth.create_user(session, "it-head", Role.admin)[1]
    problems: list[str] = []
    with browsing(platform, problems) as (base, page):
        signed_in(page, f"{base}/showcase/quality?lang=ko", key)
        for name, korean in (("quality", ("모델별 최신 평가 점수", "사용 지표", "팩트 체크 통과율")), ("builder", ("전략 빌더 초안", "아직 초안이 없습니다")), ("chatops", ("경보 조사", "챗옵스 질문"))):
            page.goto(f"{base}/showcase/{name}?lang=ko")
            body = page.inner_text("body")
            assert '<html lang="ko">' in page.content() and all(word in body for word in korean), (name, body[:500])
            assert not [label for label in ENGLISH_PAGES if label in body], (name, body[:2000])
            page.screenshot(path=str(ARTIFACTS / f"{name}-ko.png"), full_page=True)
        page.click("text=쇼케이스")  # the navigation stays in Korean
        page.wait_for_url(f"{base}/showcase?lang=ko")
    assert problems == []


def signed_in(page: Page, url: str, key: str) -> None:
    """Open ``url``, sign in on the page it sends a browser without a session to, and land on it."""
    page.goto(url)
    page.fill("input[name=api_key]", key)
    page.click("button[type=submit]")
    page.wait_for_url(url)


@contextmanager
def browsing(platform: Platform, problems: list[str]) -> Iterator[tuple[str, Page]]:
    """The platform's API on a loopback port and a Chromium page watched for problems."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running(create_app(platform.settings, platform)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        watch(page, problems)
        yield base, page
        browser.close()


def watch(page: Page, problems: list[str]) -> None:
    """Collect failed requests, HTTP errors and console errors (a 303 to sign-in is expected)."""
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url} {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and problems.append(f"HTTP {response.status}: {response.url}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console error: {message.text}"))

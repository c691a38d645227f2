"""The quality page: the latest eval run of each model as charts, the plan's metrics, and a
plain sentence when no eval run is recorded; served and in the static export."""

from __future__ import annotations

from pathlib import Path

from services.app.products import PLAN_METRICS
from services.evaluation import records
from services.platform.audit import Caller
from services.platform.permissions import Role
from services.showcase.export import export
from tests.conftest import PlatformFactory
from tests.showcase.test_signin import offline_api
from tests.support.eval_runs import document, suite


def test_without_a_run_the_page_says_so_and_still_shows_the_metrics(make_platform: PlatformFactory) -> None:
    api = offline_api(make_platform)
    page = api.client.get("/showcase/quality", headers=api.as_(Role.analyst))
    assert page.status_code == 200
    assert "No eval run is recorded" in page.text and "<svg" not in page.text.split("Usage metrics")[0]
    assert "Usage metrics" in page.text and "fact check pass rate" in page.text and "escalations avoided" in page.text
    assert '<a href="/showcase/quality">Quality</a>' in api.client.get("/showcase", headers=api.as_(Role.viewer)).text  # in the navigation
    assert api.client.get("/showcase/quality", headers=api.as_(Role.viewer)).status_code == 403  # metrics.read, as /metrics/summary
    assert api.client.get("/showcase/quality", headers=api.as_(Role.operator)).status_code == 200


def test_the_latest_run_of_each_model_as_charts(make_platform: PlatformFactory) -> None:
    api = offline_api(make_platform)
    records.record(api.platform.db, document(suite("reports", 0, 4)))  # superseded by the next run of the same model
    smol = records.record(api.platform.db, document(suite("reports", 3, 1), suite("builder", 1, 1), suite("builder", 1, 0, lang="de")))
    records.record(api.platform.db, document(suite("reports", 1, 3), model="insightstack-tiny"))
    page = api.client.get("/showcase/quality", headers=api.as_(Role.analyst)).text
    assert "No eval run is recorded" not in page
    assert 'aria-label="Eval pass rate per product and model"' in page and 'aria-label="Eval pass rate per suite on smollm2-135m-instruct"' in page
    assert ">reports · smollm2-135m-instruct</text>" in page and ">reports · insightstack-tiny</text>" in page
    assert ">builder · smollm2-135m-instruct</text>" in page and ">66.7%</text>" in page  # builder: 2 of 3 cases over its two suites
    assert f"eval run {smol.id} · profile cpu" in page and "commit 0123456789 " in page and "reports.narrative 1.0.0" in page
    assert "<td>reports.yaml</td><td>reports</td><td>en</td><td class=\"num\">4</td><td class=\"num\">75%</td>" in page
    assert "eval run 1 " not in page  # only the latest run per model


def test_the_static_export_has_the_quality_page(make_platform: PlatformFactory, tmp_path: Path) -> None:
    api = offline_api(make_platform)
    records.record(api.platform.db, document(suite("chatops", 2, 2)))
    index = export(api.platform.db, api.client.app.state.reports, PLAN_METRICS, tmp_path / "showcase", Caller("demo-viewer", Role.viewer.value))
    assert '<a href="quality.html">Quality</a>' in index.read_text()
    quality = (tmp_path / "showcase" / "quality.html").read_text()
    assert ">chatops · smollm2-135m-instruct</text>" in quality and 'href="/' not in quality  # relative links only

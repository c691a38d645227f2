"""The generative strategy builder through the real vLLM server, real embeddings, real Qdrant."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from services.app.products import strategy_service
from services.platform.audit import Caller
from services.platform.models import AuditEntry, LLMCall
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import get_settings
from services.strategies.catalogue import default_catalogue, load_catalogue
from services.strategies.schemas import BuildRequest
from services.strategies.service import MAX_REPAIRS
from services.strategies.validation import validate_config
from tests.cli.test_cli import run
from tests.support.api import Api, api_for

pytestmark = pytest.mark.llm
INTENTS = yaml.safe_load((Path(__file__).parents[1] / "data" / "strategy_intents.yaml").read_text())
BUILD = "/strategies/generative-builder"


@pytest.fixture
def api(platform: Platform) -> Iterator[Api]:
    yield from api_for(platform)


def test_validation_failure_rate_over_the_intent_set(api: Api) -> None:
    """The plan's bar: under 5% of drafts still invalid after repair."""
    analyst = api.as_(Role.analyst)
    invalid, misses = [], []
    for item in INTENTS:
        response = api.client.post(BUILD, json={"intent": item["intent"]}, headers=analyst)
        assert response.status_code == 201, response.text
        draft = response.json()
        if draft["status"] == "invalid":
            invalid.append((item["intent"], draft["validation_errors"]))
        else:
            assert draft["status"] == "pending_approval" and validate_config(draft["config"], default_catalogue(), "medium") == []
        if item["template"] not in [c["id"] for c in draft["candidates"] if c["kind"] == "template"]:
            misses.append(item["intent"])
        assert draft["config"]["template"] in [c["id"] for c in draft["candidates"]]  # only a retrieved template
    assert not misses
    assert len(invalid) / len(INTENTS) < 0.05, invalid
    metrics = api.client.get("/strategies/metrics", headers=analyst).json()
    assert metrics["drafts"] == metrics["generations"] == len(INTENTS)
    assert metrics["validation_failure_rate"] == len(invalid) / len(INTENTS)


def test_constraints_and_bad_requests(api: Api) -> None:
    analyst = api.as_(Role.analyst)
    body = {"intent": "Trade the Coca-Cola and Pepsi spread", "constraints": {"universe": ["KO", "PEP"], "timeframe": "1h", "risk_level": "low"}}
    draft = api.client.post(BUILD, json=body, headers=analyst).json()
    assert draft["config"]["universe"] == ["KO", "PEP"] and draft["config"]["timeframe"] == "1h"
    assert draft["config"]["risk"]["max_position"] <= 0.10 and draft["config"]["stop_loss"] <= 0.05
    unknown = api.client.post(BUILD, json={**body, "constraints": {"universe": ["KO", "ZZZZ"]}}, headers=analyst)
    assert unknown.status_code == 422 and "ZZZZ" in unknown.json()["error"]["message"]
    short = api.client.post(BUILD, json={"intent": "buy"}, headers=analyst)
    assert short.status_code == 422 and "intent" in short.text
    assert api.client.post(BUILD, json=body, headers=api.as_(Role.viewer)).status_code == 403


def test_approval_flow(api: Api) -> None:
    analyst, reviewer = api.as_(Role.analyst), api.as_(Role.reviewer)
    draft = api.client.post(BUILD, json={"intent": "Golden cross on SPY with 50 and 200 day averages"}, headers=analyst).json()
    url = f"/strategies/drafts/{draft['id']}"
    assert api.client.get(f"{url}/export", headers=analyst).status_code == 409  # not approved yet
    assert api.client.post(f"{url}/approve", headers=analyst).status_code == 403  # analysts cannot approve

    edited = {**draft["config"], "params": {**draft["config"]["params"], "fast_period": 300}}
    bad = api.client.post(f"{url}/revise", json={"config": edited}, headers=analyst)
    assert bad.status_code == 422 and "params.fast_period" in bad.json()["error"]["message"]
    if draft["config"]["template"] == "ma_crossover":
        assert "params.fast_period: 300 is outside [2, 200]" in bad.json()["error"]["message"]
    unknown = api.client.post(f"{url}/revise", json={"config": {**draft["config"], "template": "martingale"}}, headers=analyst)
    assert unknown.status_code == 422 and "unknown template 'martingale'" in unknown.json()["error"]["message"]
    assert api.client.get(url, headers=analyst).json()["revision"] == 1  # rejected edits leave nothing behind

    valid_edit = {**draft["config"], "stop_loss": 0.04, "take_profit": 0.12}
    revised = api.client.post(f"{url}/revise", json={"config": valid_edit}, headers=analyst).json()
    assert (revised["revision"], revised["status"], revised["config"]["stop_loss"]) == (2, "pending_approval", 0.04)
    regenerated = api.client.post(f"{url}/revise", json={"instruction": "use a tighter risk budget"}, headers=analyst).json()
    assert regenerated["revision"] == 3 and regenerated["status"] in ("pending_approval", "invalid")

    own = next(api_for(api.platform, users="own"))
    own_draft = own.client.post(BUILD, json={"intent": "MACD crossover on bitcoin"}, headers=own.as_(Role.reviewer)).json()
    assert own.client.post(f"/strategies/drafts/{own_draft['id']}/approve", headers=own.as_(Role.reviewer)).status_code == 403

    # A person's valid edit is pending approval by construction, whatever the model regenerated.
    final = api.client.post(f"{url}/revise", json={"config": valid_edit}, headers=analyst).json()
    assert (final["revision"], final["status"]) == (4, "pending_approval")
    approved = api.client.post(f"{url}/approve", json={"comment": "fine"}, headers=reviewer)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    exported = api.client.get(f"{url}/export", headers=analyst).json()
    assert exported["config"] == final["config"] and exported["approved_by"] == "reviewer-user"
    assert api.client.post(f"{url}/revise", json={"config": valid_edit}, headers=analyst).status_code == 409
    rejected = api.client.post(f"/strategies/drafts/{own_draft['id']}/reject", json={"comment": "no"}, headers=reviewer)
    assert rejected.json()["status"] == "rejected"

    listed = api.client.get("/strategies/drafts?status=rejected", headers=analyst).json()
    assert [d["id"] for d in listed] == [own_draft["id"]]
    with api.platform.db.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("strategies.%"))).all()
    assert {"strategies.build", "strategies.revise", "strategies.approve", "strategies.reject"} <= set(actions)
    metrics = api.client.get("/strategies/metrics", headers=analyst).json()
    assert metrics["drafts"] == 2 and metrics["rejected"] == 1 and metrics["mean_revisions"] == 2.5  # revisions 4 and 1


def test_repair_loop_feeds_errors_back_and_never_fixes_silently(platform: Platform, tmp_path: Path) -> None:
    """Without generation sub-ranges the ordering rule can fail: repairs are bounded, failures reported."""
    for name in ("indicators", "instruments"):
        (tmp_path / f"{name}.yaml").write_text((get_settings().catalogue_dir / f"{name}.yaml").read_text())
    crossover = next(t for t in yaml.safe_load((get_settings().catalogue_dir / "templates.yaml").read_text()) if t["id"] == "ma_crossover")
    for spec in crossover["params"].values():
        spec.pop("generate", None)
    (tmp_path / "templates.yaml").write_text(yaml.safe_dump([crossover]))
    service = strategy_service(platform, load_catalogue(tmp_path))
    outcomes = []
    for number in range(6):
        draft = service.build(BuildRequest(intent=f"Moving average crossover trend following, variant {number}"), Caller("t", "analyst"))
        params = draft.config["params"]
        assert (params["fast_period"] < params["slow_period"]) == (draft.status == "pending_approval")
        if draft.status == "invalid":
            assert draft.repairs == MAX_REPAIRS and "fast_period < slow_period" in draft.validation_errors[0]
        outcomes.append((draft.status, draft.repairs))
    with platform.db.session() as session:
        calls = session.scalars(select(LLMCall.prompt_id).where(LLMCall.feature == "strategies")).all()
    assert len(calls) == 6 + sum(repairs for _, repairs in outcomes)  # one call per attempt, each recorded
    assert any(repairs > 0 for _, repairs in outcomes), outcomes  # the loop was exercised


def test_cli_index_rebuild_and_build(tmp_path: Path, llm_url: str) -> None:
    env = {"INSIGHTSTACK_LLM_BASE_URLS": llm_url}
    rebuilt = run(tmp_path, "index", "rebuild", **env)
    assert rebuilt.returncode == 0 and "rebuilt" in rebuilt.stdout, rebuilt.stdout + rebuilt.stderr
    built = run(tmp_path, "strategies", "build", "Pairs trade KO against PEP on the z-score", "--universe", "KO,PEP", "--risk-level", "low", **env)
    assert built.returncode == 0, built.stdout + built.stderr
    draft = json.loads(built.stdout)
    assert draft["status"] == "pending_approval" and draft["config"]["universe"] == ["KO", "PEP"]
    bad = run(tmp_path, "strategies", "build", "Pairs trade", "--risk-level", "reckless", **env)
    assert bad.returncode != 0 and "risk_level" in bad.stdout + bad.stderr and "Traceback" not in bad.stdout + bad.stderr

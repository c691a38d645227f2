"""Every 403 leaves a `denied` entry on the audit chain (all go through `audit.denied`), whether
a route's permission refused it or a rule inside a service did (not your conversation, not your
action, not someone else's draft)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.chatops.models import ChatTurn
from services.platform import audit
from services.platform.permissions import Role
from services.strategies.models import StrategyDraft
from tests.conftest import PlatformFactory
from tests.support.api import Api, api_for


@pytest.fixture
def api(make_platform: PlatformFactory) -> Iterator[Api]:
    """The API on SQLite with no LLM: every refusal below comes before any generation."""
    yield from api_for(make_platform(llm_base_urls=["http://127.0.0.1:9/v1"]))


def denials(api: Api) -> list[tuple[str, str, str]]:
    with api.platform.db.session() as session:
        assert audit.verify(session).ok
        return [(e.actor, e.action, e.target) for e in audit.entries(session) if e.decision == "denied"]


def refused(response: object, phrase: str) -> None:
    assert response.status_code == 403 and phrase in response.json()["error"]["message"], response.text  # type: ignore[attr-defined]


def test_a_viewer_asking_for_a_fresh_report_is_audited(api: Api) -> None:
    refused(api.client.get("/backtests/bt-1/report?refresh=true", headers=api.as_(Role.viewer)), "needed for refresh=true")
    assert denials(api) == [("viewer-user", "reports.generate", "GET /backtests/bt-1/report")]


def test_reading_or_continuing_another_users_conversation_is_audited(api: Api) -> None:
    with api.platform.db.session() as session:
        session.add(ChatTurn(id="t1", conversation_id="conv-v", asked_by="viewer-user", channel="api", question="why?", outcome="answered",
                             answer="because", tool_calls=[], runbooks=[], steps=1, latency_ms=1))
    refused(api.client.get("/chatops/conversations/conv-v", headers=api.as_(Role.analyst)), "belongs to another user")
    asked = api.client.post("/chatops/ask", json={"question": "and now?", "conversation_id": "conv-v"}, headers=api.as_(Role.analyst))
    refused(asked, "belongs to another user")
    assert denials(api) == [("analyst-user", "chatops.conversation.read", "conv-v"), ("analyst-user", "chatops.ask", "conv-v")]


def test_cancelling_another_users_action_is_audited(api: Api) -> None:
    proposed = api.client.post("/chatops/tools/invalidate_cache", json={"arguments": {"cache": "reports"}}, headers=api.as_(Role.operator))
    assert proposed.status_code == 200 and proposed.json()["status"] == "pending", proposed.text
    action = proposed.json()["id"]
    refused(api.client.post(f"/chatops/actions/{action}/cancel", headers=api.as_(Role.analyst)), "only the requester or an operator")
    assert denials(api) == [("analyst-user", "chatops.action.cancel", action)]
    assert api.client.post(f"/chatops/actions/{action}/cancel", headers=api.as_(Role.operator)).json()["status"] == "cancelled"


def test_deciding_ones_own_draft_is_audited(api: Api) -> None:
    with api.platform.db.session() as session:
        session.add(StrategyDraft(
            id="d1", intent="x", constraints={}, author="reviewer-user", status="pending_approval", revision=1, config={}, rationale="",
            candidates=[], validation_errors=[], repairs=0, prompt_id="strategies.draft", prompt_version="1", model="m", catalogue_version="v",
        ))
    refused(api.client.post("/strategies/drafts/d1/approve", headers=api.as_(Role.reviewer)), "their own draft")
    assert denials(api) == [("reviewer-user", "strategies.approve", "d1")]


def test_a_route_permission_denial_is_audited_the_same_way(api: Api) -> None:
    refused(api.client.post("/backtests", json={}, headers=api.as_(Role.viewer)), "lacks permission 'backtests.write'")
    assert denials(api) == [("viewer-user", "backtests.write", "POST /backtests")]

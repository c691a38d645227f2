"""The agent end to end on the real stack: escalation records, the LLM-down answer from findings,
conversations, and the step records every LLM call leaves."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from services.chatops.schemas import AskIn
from services.platform.audit import Caller
from services.platform.errors import Forbidden
from services.platform.models import LLMCall
from services.platform.permissions import Role
from services.app.products import Products, chatops_service
from tests.support.ops_world import import_runbooks
from tests.conftest import PlatformFactory
from services.platform.ports import free_port
from tests.support.api import Api

pytestmark = pytest.mark.llm
VIEWER = Caller(name="viewer-user", role="viewer", request_id="req-1")


def test_an_escalation_asked_for_goes_to_the_owner_with_the_evidence(ops: Products) -> None:
    out = ops.chatops.ask(AskIn(question="Market data looks stale to the desks. Escalate this to whoever owns it."), VIEWER)
    assert out.outcome == "escalated" and out.escalation is not None
    assert out.escalation.service == "market-data" and out.escalation.suggested_oncall == "trading-infra-oncall"
    assert "market_data_freshness" in [e["tool"] for e in out.escalation.evidence] and "escalated this to the market-data on-call" in out.answer
    assert out.escalation.id in [e.id for e in ops.chatops.escalations("open")]


def test_llm_down_gives_the_findings_not_an_error(make_platform: PlatformFactory, ops: Products) -> None:
    dead = make_platform(llm_base_urls=[f"http://127.0.0.1:{free_port()}/v1"], components_file=ops.platform.settings.components_file)
    chatops = chatops_service(dead)
    import_runbooks(chatops)
    out = chatops.ask(AskIn(question="Why did the kpi-rollup pipeline fail?"), VIEWER)
    assert out.outcome == "degraded" and "language model is unavailable" in out.answer
    assert "language model unavailable" in (out.stop_reason or "") and out.tool_calls and out.tool_calls[0].source == "survey"
    assert "kpi-rollup" in out.answer  # the findings code stated from the tools


def test_conversation_carries_history_and_belongs_to_its_asker(ops_api: Api, ops: Products) -> None:
    first = ops.chatops.ask(AskIn(question="Is the LLM server up?"), VIEWER)
    second = ops.chatops.ask(AskIn(question="And the database?", conversation_id=first.conversation_id), VIEWER)
    assert second.conversation_id == first.conversation_id
    with pytest.raises(Forbidden):
        ops.chatops.ask(AskIn(question="Let me in", conversation_id=first.conversation_id), Caller("someone-else", "viewer"))
    with ops.platform.db.session() as session:
        calls = list(session.scalars(select(LLMCall).where(LLMCall.feature == "chatops")))
    assert calls and all(c.prompt_id == "chatops.agent" and c.prompt_version == "2.0.0" and c.prompt_hash and c.input_tokens > 0 for c in calls)


def test_ask_validates_input(ops_api: Api) -> None:
    viewer = ops_api.as_(Role.viewer)
    blank = ops_api.client.post("/chatops/ask", json={"question": "   "}, headers=viewer)
    assert blank.status_code == 422 and "question" in blank.json()["error"]["message"]
    assert ops_api.client.post("/chatops/ask", json={"question": "ok?", "conversation_id": "bad id!"}, headers=viewer).status_code == 422
    assert ops_api.client.post("/chatops/ask", json={"question": "hello there"}).status_code == 401

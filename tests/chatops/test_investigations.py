"""Alertmanager's webhook: who may call it, what a delivery starts, deduplication, resolution,
the investigation recorded like a ChatOps turn and posted to the alerts channel. The LLM is
down here (the findings stand alone); the end-to-end run with real Prometheus, Alertmanager and
vLLM is in test_monitoring.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from services.chatops.models import ChatTurn
from services.platform.models import AuditEntry
from services.platform.permissions import Role
from tests.conftest import PlatformFactory
from tests.support.api import Api, api_for
from tests.support.receiver import Receiver

STALE = {"alertname": "FeedStale", "severity": "critical", "feed": "equities-us"}


def alert(status: str = "firing", fingerprint: str = "f1", starts: str = "2026-12-04T10:00:00Z", **labels: str) -> dict[str, Any]:
    return {
        "status": status, "labels": {**STALE, **labels}, "annotations": {"summary": "market-data feed equities-us has not ticked for 5m"},
        "startsAt": starts, "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus/graph", "fingerprint": fingerprint,
    }


def group(*alerts: dict[str, Any], status: str = "firing", key: str = '{}:{alertname="FeedStale"}') -> dict[str, Any]:
    return {
        "version": "4", "groupKey": key, "truncatedAlerts": 0, "status": status, "receiver": "insightstack",
        "groupLabels": {"alertname": "FeedStale"}, "commonLabels": STALE, "commonAnnotations": {}, "externalURL": "http://am", "alerts": list(alerts),
    }


@pytest.fixture
def alerts_api(make_platform: PlatformFactory, receiver: Receiver) -> Iterator[Api]:
    platform = make_platform(llm_base_urls=["http://127.0.0.1:9/v1"], alerts_channel_url=f"{receiver.url}/hooks/alerts")
    yield from api_for(platform)


def test_only_an_authenticated_operator_may_deliver_alerts_and_a_bad_payload_is_named(alerts_api: Api) -> None:
    post = alerts_api.client.post
    assert post("/alerts/webhook", json=group(alert())).status_code == 401
    assert post("/alerts/webhook", json=group(alert()), headers=alerts_api.as_(Role.viewer)).status_code == 403
    wrong = post("/alerts/webhook", json={**group(alert()), "version": "3"}, headers=alerts_api.as_(Role.operator))
    assert wrong.status_code == 422 and "version" in wrong.text
    empty = post("/alerts/webhook", json=group(), headers=alerts_api.as_(Role.operator))
    assert empty.status_code == 422 and "alerts" in empty.text


def test_a_firing_alert_starts_one_read_only_investigation_recorded_and_posted(alerts_api: Api, receiver: Receiver) -> None:
    operator = alerts_api.as_(Role.operator)
    first = alerts_api.client.post("/alerts/webhook", json=group(alert()), headers=operator)
    assert first.status_code == 202 and len(first.json()["started"]) == 1 and not first.json()["duplicate"]
    again = alerts_api.client.post("/alerts/webhook", json=group(alert()), headers=operator)  # Alertmanager repeats the group
    assert again.json() == {"started": [], "duplicate": True, "resolved": []}

    (investigation,) = alerts_api.client.get("/chatops/investigations", headers=alerts_api.as_(Role.viewer)).json()
    assert investigation["id"] == first.json()["started"][0] and investigation["status"] == "answered" and investigation["posted"] == "posted"
    assert investigation["question"].startswith("Alert FeedStale (critical) is firing: market-data feed equities-us has not ticked for 5m [feed=equities-us]")
    assert investigation["answer"] and investigation["alert_status"] == "firing"
    (posted,) = receiver.messages
    assert receiver.paths == ["/hooks/alerts"] and posted["text"].startswith(f"Investigation of alert FeedStale ({investigation['id'][:8]}):")
    with alerts_api.platform.db.session() as session:
        turn = session.get(ChatTurn, investigation["turn_id"])
        assert turn.channel == "alertmanager" and turn.asked_by == "operator-user" and turn.tool_calls
        assert all(not call["tool"].startswith("invalidate") for call in turn.tool_calls)
        actions = [row.action for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions.count("chatops.alerts.receive") == 2 and "chatops.ask" in actions and "chatops.answer" in actions
    listed = alerts_api.client.get("/chatops/investigations?status=failed", headers=alerts_api.as_(Role.viewer))
    assert listed.status_code == 200 and listed.json() == []
    page = alerts_api.client.get("/showcase/chatops", headers=operator).text
    assert "Alert investigations" in page and investigation["question"][:60] in page


def test_a_new_member_of_the_group_starts_another_and_resolution_marks_both(alerts_api: Api) -> None:
    operator = alerts_api.as_(Role.operator)
    post = alerts_api.client.post
    one = post("/alerts/webhook", json=group(alert()), headers=operator).json()["started"]
    fx = alert(fingerprint="f2", feed="fx-spot")
    two = post("/alerts/webhook", json=group(alert(), fx), headers=operator).json()["started"]
    assert len(one) == len(two) == 1 and one != two
    partly = post("/alerts/webhook", json=group(alert(status="resolved"), fx), headers=operator).json()
    assert partly == {"started": [], "duplicate": True, "resolved": []}  # the group still fires
    done = post("/alerts/webhook", json=group(alert(status="resolved"), alert(status="resolved", fingerprint="f2", feed="fx-spot"), status="resolved"), headers=operator)
    assert sorted(done.json()["resolved"]) == sorted(one + two)
    listed = alerts_api.client.get("/chatops/investigations", headers=operator).json()
    assert {i["alert_status"] for i in listed} == {"resolved"} and all(i["resolved_at"] for i in listed)
    restarted = post("/alerts/webhook", json=group(alert(starts="2026-12-04T11:00:00Z")), headers=operator).json()
    assert len(restarted["started"]) == 1  # the same alert firing again later is a new incident


def test_a_korean_team_gets_the_investigation_in_korean(make_platform: PlatformFactory, receiver: Receiver) -> None:
    platform = make_platform(llm_base_urls=["http://127.0.0.1:9/v1"], alerts_channel_url=f"{receiver.url}/hooks/alerts", alerts_lang="ko")
    for api in api_for(platform):
        started = api.client.post("/alerts/webhook", json=group(alert()), headers=api.as_(Role.operator)).json()["started"]
        (investigation,) = api.client.get("/chatops/investigations", headers=api.as_(Role.viewer)).json()
        assert investigation["id"] == started[0] and investigation["status"] == "answered"
        assert investigation["question"].startswith("경보 FeedStale (critical) 발생: market-data feed equities-us has not ticked for 5m [feed=equities-us]")
        assert "market-data DOWN 상태" in investigation["answer"]  # the findings are stated in Korean
        (posted,) = receiver.messages
        assert posted["text"].startswith(f"경보 FeedStale 조사 ({investigation['id'][:8]}):")

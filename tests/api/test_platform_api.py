"""The HTTP spine: auth, readiness, error shapes, offline docs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import APIRouter, Depends
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from services.platform import audit, auth
from services.app.app import create_app
from services.platform.deps import Principal, require
from services.platform.permissions import Permission, Role
from services.platform.runtime import Platform
from tests.conftest import PlatformFactory


class EchoBody(BaseModel):
    text: str = Field(max_length=5)
    count: int = Field(ge=1)


def client_for(platform: Platform) -> TestClient:
    app = create_app(platform.settings, platform)
    probe = APIRouter()

    @probe.post("/probe/operate")
    def operate(user: Principal = Depends(require(Permission.chatops_operate))) -> dict[str, str]:
        return {"by": user.name}

    @probe.post("/probe/echo")
    def echo(body: EchoBody) -> EchoBody:
        return body

    app.include_router(probe)
    return TestClient(app, raise_server_exceptions=False)


def key_for(platform: Platform, name: str, role: Role) -> str:
    with platform.db.session() as session:
        return auth.create_user(session, name, role)[1]


@pytest.fixture
def offline(make_platform: PlatformFactory) -> Iterator[TestClient]:
    """A platform whose LLM endpoint is a closed port."""
    with client_for(make_platform(llm_base_urls=["http://127.0.0.1:9/v1"])) as client:
        yield client


def test_auth_401_403_and_denials_are_audited(offline: TestClient) -> None:
    platform: Platform = offline.app.state.platform
    viewer, operator = key_for(platform, "vic", Role.viewer), key_for(platform, "olga", Role.operator)

    missing = offline.post("/probe/operate")
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["error"]["code"] == "not_authenticated"
    assert offline.post("/probe/operate", headers={"Authorization": "Bearer isk_wrong"}).status_code == 401

    denied = offline.post("/probe/operate", headers={"Authorization": f"Bearer {viewer}"})
    assert denied.status_code == 403
    assert denied.json()["error"]["message"] == "role 'viewer' lacks permission 'chatops.operate'"
    assert offline.post("/probe/operate", headers={"Authorization": f"Bearer {operator}"}).json() == {"by": "olga"}

    with platform.db.session() as session:
        entries = audit.entries(session)
        assert [(e.actor, e.decision, e.action) for e in entries] == [("vic", "denied", "chatops.operate")]
        assert entries[0].request_id == denied.headers["x-request-id"]
        auth.disable_user(session, "olga")
    assert offline.post("/probe/operate", headers={"Authorization": f"Bearer {operator}"}).status_code == 401


def test_readyz_names_the_failing_dependency(offline: TestClient) -> None:
    assert offline.get("/healthz").json() == {"status": "ok"}
    response = offline.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["error"]["message"] == "not ready: llm"
    assert body["checks"] == {"database": {"ok": True}, "llm": {"ok": False}, "vector_store": {"ok": True}}  # states only, without a key
    admin = key_for(offline.app.state.platform, "ada", Role.admin)
    details = offline.get("/readyz", headers={"Authorization": f"Bearer {admin}"}).json()["checks"]
    assert "0/1 replicas up" in details["llm"]["detail"] and details["database"]["latency_ms"] is not None


@pytest.mark.llm
def test_readyz_ok_with_the_real_llm(platform: Platform) -> None:
    with client_for(platform) as client:
        response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["ready"] is True


def test_error_shapes_and_request_ids(offline: TestClient) -> None:
    missing = offline.get("/nope", headers={"X-Request-ID": "req-123"})
    assert missing.status_code == 404
    request_id = missing.headers["x-request-id"]
    assert missing.json()["error"] == {"code": "not_found", "message": "Not Found", "type": "not_found_error", "param": None, "request_id": request_id}
    assert request_id != "req-123"  # ours, always; the caller's is only logged beside it
    wrong_method = offline.delete("/healthz")
    assert wrong_method.status_code == 405 and "Traceback" not in wrong_method.text


def test_validation_errors_are_422_naming_the_field(offline: TestClient) -> None:
    response = offline.post("/probe/echo", json={"text": "too long", "count": 0})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert [d["field"] for d in error["details"]] == ["body.text", "body.count"]
    assert "body.text: String should have at most 5 characters" in error["message"]
    broken = offline.post("/probe/echo", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and "JSON" in broken.json()["error"]["message"]


def test_openapi_and_offline_docs(offline: TestClient) -> None:
    assert offline.get("/openapi.json").json()["info"]["title"] == "InsightStack"
    page = offline.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert offline.get("/static/swagger/swagger-ui-bundle.js").status_code == 200

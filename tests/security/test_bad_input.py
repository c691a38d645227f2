"""Bad input is a 4xx that names the problem, never a 500 (issue #18, items 1-9, 12 and 14).

Each test sends what an attacker or a broken client sent when the issue was filed, through the
real app on a fresh database; no LLM is needed (the platform's only replica is a closed port,
and the one report generation uses a canned generator).
"""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog
from fastapi import APIRouter
from fastapi.testclient import TestClient
from structlog.testing import capture_logs

from inference.registry import ModelEntry
from services.chatops import slack
from services.platform import auth, sessions, strict_json
from services.app.app import create_app
from services.platform.errors import NotAuthenticated, error_type
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import Settings
from services.reports import store
from services.reports.narrative import LIST_SECTIONS, SECTIONS, narrative_type
from tests.conftest import PlatformFactory
from tests.reports.conftest import sample
from tests.showcase.test_signin import sign_in

DEAD_LLM = "http://127.0.0.1:9/v1"
SLACK_SECRET = "bad-input-signing-secret"


class Api:
    """A client on a fresh platform, a key per role, and two probe routes."""

    def __init__(self, platform: Platform, client: TestClient, keys: dict[Role, str]) -> None:
        self.platform, self.client, self.keys = platform, client, keys

    def as_(self, role: Role) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}


def probes() -> APIRouter:
    router = APIRouter()

    @router.get("/probe/context")
    async def context() -> dict[str, Any]:
        return structlog.contextvars.get_contextvars()

    @router.get("/probe/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    return router


@pytest.fixture
def make_api(make_platform: PlatformFactory) -> Iterator[Any]:
    clients: list[TestClient] = []

    def make(**settings: Any) -> Api:
        platform = make_platform(llm_base_urls=[DEAD_LLM], slack_signing_secret=SLACK_SECRET, **settings)
        with platform.db.session() as session:
            keys = {role: auth.create_user(session, f"{role.value}-user", role)[1] for role in Role}
        app = create_app(platform.settings, platform)
        app.include_router(probes())
        client = TestClient(app, raise_server_exceptions=False)
        clients.append(client.__enter__())
        return Api(platform, client, keys)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def api(make_api: Any) -> Api:
    return make_api()


def error_of(response: Any, status: int) -> dict[str, Any]:
    """The error body, after checking the status and the one error shape."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["type"] == error_type(status) and error["request_id"] == response.headers["x-request-id"]
    return error


def post_json(api: Api, path: str, text: str, role: Role = Role.admin) -> Any:
    return api.client.post(path, content=text.encode(), headers={**api.as_(role), "Content-Type": "application/json"})


# --- 1. non-ASCII cookies and CSRF values --------------------------------------------------------


def test_a_non_ascii_session_cookie_is_not_signed_in(api: Api) -> None:
    for cookie in (b"insightstack_session=abc.\xff", b"insightstack_session=\xc3\xa9.\xc3\xa9"):
        response = api.client.get("/showcase", headers={b"Cookie": cookie})
        assert error_of(response, 401)["code"] == "not_authenticated"


def test_non_ascii_csrf_values_are_refused(api: Api) -> None:
    api.client.get("/signin")
    assert api.client.post("/signin", content=b"csrf=%C3%A9&api_key=x", headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 400
    api.client.cookies.clear()
    form = {b"Content-Type": b"application/x-www-form-urlencoded", b"Cookie": b"insightstack_csrf=\xc3\xa9"}
    assert api.client.post("/signin", content=b"csrf=x&api_key=x", headers=form).status_code == 400
    sign_in(api.client, api.keys[Role.viewer])
    assert api.client.post("/signout", content=b"csrf=%C3%A9", headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 400


def test_a_session_is_signed_per_purpose_and_expires(api: Api) -> None:
    with api.platform.db.session() as session:
        user = auth.get_user(session, "viewer-user")
        token = sessions.issue(b"secret", user).token
        assert sessions.resolve(b"secret", session, token) is not None
        assert sessions.resolve(b"other secret", session, token) is None
        signout = sessions.signout_token(b"secret", token)
        assert sessions.signout_allowed(b"secret", token, signout) and not sessions.signout_allowed(b"secret", token, "\u00e9")
        assert not sessions.signout_allowed(b"secret", token, token.rsplit(".", 1)[1])  # the session's own signature: another salt
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sessions, "LIFETIME_S", -1)
        with api.platform.db.session() as session:
            assert sessions.resolve(b"secret", session, token) is None


# --- 2. too many form fields ----------------------------------------------------------------------


def test_a_sign_in_form_with_too_many_fields_is_400(api: Api) -> None:
    form = "&".join(f"f{i}=x" for i in range(11))
    error = error_of(api.client.post("/signin", content=form.encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}), 400)
    assert "at most 10 fields" in error["message"]


# --- 3. Slack timestamps and odd signed bodies ------------------------------------------------------


def slack_headers(body: bytes, timestamp: str, content_type: str = "application/json") -> dict[str, str]:
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": slack.signature(SLACK_SECRET, timestamp, body), "Content-Type": content_type}


def test_a_400_digit_slack_timestamp_is_401(api: Api) -> None:
    body, timestamp = b'{"type":"url_verification","challenge":"c"}', "1" * 400
    error = error_of(api.client.post("/slack/events", content=body, headers=slack_headers(body, timestamp)), 401)
    assert "not a Unix timestamp" in error["message"]
    for odd in (" 1700000000", "+1700000000", "1_700_000_000", "\u0661\u0667"):
        with pytest.raises(NotAuthenticated, match="Unix timestamp"):
            slack.verify_slack(SLACK_SECRET, odd, body, slack.signature(SLACK_SECRET, odd, body), now=1700000000)


@pytest.mark.parametrize(
    ("body", "content_type", "named"),
    [
        (b"[1,2]", "application/json", "body: Input should be a valid dictionary"),
        (b"NaN", "application/json", "NaN is not a JSON number"),
        (b"NaN", "text/plain", "NaN is not a JSON number"),  # the route's own parse, not only the app's
        (b'{"type":"event_callback","event_id":"Ev1","event":"str"}', "application/json", "body.event"),
        (b'{"type":"event_callback","event_id":7,"event":{}}', "application/json", "body.event_id: Input should be a valid string"),
    ],
    ids=["list", "nan", "nan-text-plain", "event-str", "numeric-event-id"],
)
def test_odd_signed_slack_event_bodies_are_422(api: Api, body: bytes, content_type: str, named: str) -> None:
    timestamp = str(int(time.time()))
    response = api.client.post("/slack/events", content=body, headers=slack_headers(body, timestamp, content_type))
    assert named in error_of(response, 422)["message"]


# --- 4. NaN and Infinity ------------------------------------------------------------------------------


def with_sharpe(number: str) -> str:
    """The sample backtest as JSON text, its Sharpe ratio written as ``number``."""
    document = sample("eq-us-ma-crossover")
    document["kpis"]["sharpe"] = "SHARPE"
    return json.dumps(document).replace('"SHARPE"', number)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_are_refused_at_the_json_edge(api: Api, number: str) -> None:
    error = error_of(post_json(api, "/backtests", with_sharpe(number)), 422)
    assert number[:8].lstrip("-") in error["message"] and error["details"][0]["field"] == "body"
    error_of(api.client.get("/backtests/eq-us-ma-crossover", headers=api.as_(Role.viewer)), 404)  # nothing stored
    factcheck = post_json(api, "/guardrails/factcheck", json.dumps({"backtest_id": "eq-us-ma-crossover", "text": "A Sharpe of 1.2."}), Role.analyst)
    error_of(factcheck, 404)


def test_a_backtest_file_with_nan_is_refused_like_the_api(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text(with_sharpe("NaN"))
    with pytest.raises(store.IngestError, match="NaN is not a JSON number"):
        store.load_file(path)


def test_strict_json_reads_json_and_names_what_it_refuses() -> None:
    assert strict_json.loads(b'{"a": [1, 2.5, null, "NaN"]}') == {"a": [1, 2.5, None, "NaN"]}
    with pytest.raises(strict_json.JSONRejected, match="unreadable number"):
        strict_json.loads("9" * 5000)
    with pytest.raises(strict_json.JSONRejected, match="nested deeper than 64"):
        strict_json.loads("[" * 100_000 + "]" * 100_000)  # past the parser's own recursion limit
    with pytest.raises(json.JSONDecodeError):
        strict_json.loads(b"{not json")


# --- 5. the gateway's content parts and parameters -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"messages": [{"role": "user", "content": [{"type": "text", "text": 123}]}]}, "content.list[ContentPart].0.text: Input should be a valid string"),
        ({"messages": [{"role": "user", "content": [{"type": "text"}]}]}, "a part of type `text` needs a `text` string"),
        ({"messages": [{"role": "user", "content": "hi"}], "temperature": float("nan")}, "NaN is not a JSON number"),
    ],
    ids=["text-not-a-string", "text-missing", "temperature-nan"],
)
def test_bad_gateway_bodies_are_400(api: Api, body: dict[str, Any], named: str) -> None:
    response = post_json(api, "/v1/chat/completions", json.dumps({"model": "default", **body}), Role.analyst)
    assert named in error_of(response, 400)["message"]


# --- 6. nesting depth ---------------------------------------------------------------------------------


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def test_deeply_nested_params_are_refused(api: Api) -> None:
    document = sample("eq-us-ma-crossover")
    document["strategy"]["params"] = nested(500)
    assert "nested deeper than 64 levels" in error_of(post_json(api, "/backtests", json.dumps(document)), 422)["message"]
    document["strategy"]["params"] = nested(strict_json.MAX_DEPTH - 2)  # the document and `strategy` are two more levels
    assert post_json(api, "/backtests", json.dumps(document)).status_code == 201


# --- 7. body size ---------------------------------------------------------------------------------------


def test_large_bodies_are_413_before_the_key_is_checked(make_api: Any) -> None:
    api = make_api(max_request_bytes=4096)
    big = b'{"question": "' + b"x" * 5000 + b'"}'
    for path in ("/chatops/ask", "/v1/chat/completions"):
        declared = api.client.post(path, content=big, headers={"Content-Type": "application/json"})
        assert "larger than 4096 bytes" in error_of(declared, 413)["message"]
        streamed = api.client.post(path, content=iter([big[:3000], big[3000:]]), headers={"Content-Type": "application/json"})
        assert "content-length" not in {k.lower() for k in streamed.request.headers} and error_of(streamed, 413)["code"] == "request_too_large"
    assert error_of(api.client.post("/chatops/ask", json={"question": "why?"}), 401)["code"] == "not_authenticated"  # small: as before


def test_the_default_cap_holds_the_largest_valid_backtest() -> None:
    """20,000 equity points and 200 anomalies (the schema's maxima) fit with room to spare."""
    document = copy.deepcopy(sample("eq-us-ma-crossover"))
    document["kpis"].pop("total_return"), document["kpis"].pop("max_drawdown")  # the curve below is flat
    document["period"] = {"start": "1950-01-01", "end": "2010-01-01"}
    document["kpis"].pop("cagr")
    document["equity"] = [{"date": f"{1950 + i // 336}-{1 + i % 336 // 28:02d}-{1 + i % 28:02d}", "value": 1234.56789} for i in range(20_000)]
    anomaly = {"at": "2000-01-03T14:30:00+00:00", "kind": "k" * 64, "severity": "critical", "description": "d" * 500}
    document["anomalies"] = [anomaly] * 200
    size = len(json.dumps(document).encode())
    assert store.parse_document(document, "max").equity and size * 1.5 < Settings().max_request_bytes, size


# --- 8. times -----------------------------------------------------------------------------------------


def test_times_are_stored_in_utc_and_out_of_range_ones_refused(api: Api) -> None:
    run = {"pipeline": "ingest", "status": "running"}
    far = post_json(api, "/pipelines/runs", json.dumps({**run, "run_id": "r1", "started_at": "0001-01-01T00:00:00+23:59"}))
    error = error_of(far, 422)
    assert error["param"] == "started_at" and "outside the years 1 to 9999" in error["message"]
    assert post_json(api, "/pipelines/runs", json.dumps({**run, "run_id": "r2", "started_at": "2024-05-01T10:00:00+02:00"})).status_code == 201
    listed = api.client.get("/pipelines/runs", headers=api.as_(Role.viewer)).json()
    assert [(r["run_id"], r["started_at"]) for r in listed] == [("r2", "2024-05-01T08:00:00Z")]
    since = api.client.get("/admin/llm-calls", params={"since": "0001-01-01T00:00:00+23:59"}, headers=api.as_(Role.admin))
    assert "outside the years 1 to 9999" in error_of(since, 422)["message"]


# --- 9. a report with nothing to cite ---------------------------------------------------------------


def test_the_narrative_type_of_a_backtest_with_nothing_to_cite() -> None:
    output_type = narrative_type(placeholders=[], regimes=[], metrics=[])
    assert "highlighted_metrics" not in output_type.model_fields and "best_regime" not in output_type.model_fields
    prose = {name: ["A quiet test."] if name in LIST_SECTIONS else "A quiet test." for name in [*SECTIONS, *LIST_SECTIONS]}
    assert output_type.model_validate(prose)
    with pytest.raises(ValueError, match="pattern"):
        output_type.model_validate({**prose, "headline": "Nothing to cite {}"})


class CannedGenerator:
    """Stands in for the LLM: the prose a backtest without figures allows."""

    def __init__(self, model: ModelEntry) -> None:
        self.model = model

    def generate(self, messages: Any, output_type: Any, **options: Any) -> Any:
        return output_type.model_validate({name: ["No figures were reported."] if name in LIST_SECTIONS else "No figures were reported." for name in [*SECTIONS, *LIST_SECTIONS]})


def test_a_backtest_with_nothing_to_cite_still_gets_its_report(api: Api) -> None:
    document = {key: sample("eq-us-ma-crossover")[key] for key in ("strategy", "universe", "timeframe", "period")}
    assert post_json(api, "/backtests", json.dumps({**document, "id": "bare", "kpis": {}})).status_code == 201
    reports = api.client.app.state.reports
    reports.generator = CannedGenerator(reports.generator.model)
    for suffix in ("", ".md", ".html"):
        response = api.client.get(f"/backtests/bare/report{suffix}", headers=api.as_(Role.analyst))
        assert response.status_code == 200 and "No figures were reported." in response.text, response.text


# --- 12. request ids ------------------------------------------------------------------------------


def test_our_request_id_is_ours_and_the_clients_is_logged_beside_it(api: Api) -> None:
    first = api.client.get("/probe/context", headers={"X-Request-ID": "req-123"})
    assert first.headers["x-request-id"] != "req-123" and re.fullmatch(r"[0-9a-f]{32}", first.headers["x-request-id"])
    assert first.json() == {"request_id": first.headers["x-request-id"], "client_request_id": "req-123"}
    reused = api.client.get("/probe/context", headers={"X-Request-ID": first.headers["x-request-id"]})
    assert reused.headers["x-request-id"] != first.headers["x-request-id"]  # nobody can borrow another request's id
    odd = api.client.get("/probe/context", headers={b"X-Request-ID": b"a\x01b\xffc" + b"d" * 100})
    assert re.fullmatch(r"abcd{55,61}", odd.json()["client_request_id"])  # printable ASCII of its first 64 bytes
    assert "client_request_id" not in api.client.get("/probe/context").json()


def test_the_traceback_of_a_500_names_the_request(api: Api) -> None:
    with capture_logs() as logs:
        response = api.client.get("/probe/boom")
    request_id = error_of(response, 500)["request_id"]
    [crash] = [entry for entry in logs if entry["event"] == "http.unhandled_error"]
    assert crash["request_id"] == request_id and crash["log_level"] == "error"


# --- 14. what errors and probes show ------------------------------------------------------------------


def test_readyz_shows_details_to_admins_only(api: Api) -> None:
    public = api.client.get("/readyz")
    assert public.status_code == 503 and DEAD_LLM.split("/v1")[0] not in public.text and "detail" not in public.text
    assert public.json()["checks"] == {"database": {"ok": True}, "llm": {"ok": False}, "vector_store": {"ok": True}}
    assert api.client.get("/readyz", headers=api.as_(Role.operator)).json()["checks"]["llm"] == {"ok": False}
    admin = api.client.get("/readyz", headers=api.as_(Role.admin)).json()
    assert "0/1 replicas up" in admin["checks"]["llm"]["detail"]
    assert error_of(api.client.get("/readyz", headers={"Authorization": "Bearer isk_wrong"}), 401)["code"] == "not_authenticated"


@pytest.mark.parametrize("path", ["/backtests/{}", "/backtests/{}/report", "/strategies/drafts/{}", "/chatops/conversations/{}"])
def test_404s_echo_at_most_64_characters_of_an_id(api: Api, path: str) -> None:
    response = api.client.get(path.format("x" * 5000), headers=api.as_(Role.admin))
    message = error_of(response, 404)["message"]
    assert "x" * 64 + "…" in message and "x" * 65 not in message


def test_slack_events_are_deduplicated_on_the_whole_id(api: Api) -> None:
    shared = "Ev" + "0" * 70
    assert slack.first_delivery(api.platform.db, shared + "1") and slack.first_delivery(api.platform.db, shared + "2")
    assert not slack.first_delivery(api.platform.db, shared + "1")

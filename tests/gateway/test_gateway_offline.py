"""The gateway where no LLM is needed: model listing, embeddings, the error shapes an OpenAI client
relies on, input guardrails, rate limits, no-replica failures, the admin listings, and the limits
module itself on SQLite and PostgreSQL.

The LLM replica is a closed port here: everything these tests check happens before (or instead
of) the upstream call, so they run without vLLM. Errors are read through the official client's
exception classes because that is how other teams' code will see them.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import numpy as np
import openai
import pytest
from sqlalchemy import select

from services.gateway import limits
from services.platform import auth
from services.platform.errors import TooManyRequests
from services.platform.models import UsageWindow
from services.platform.permissions import Role
from services.platform.runtime import Platform
from tests.conftest import PlatformFactory
from tests.gateway.conftest import ALIAS, CHAT_MODEL, DEAD_URL, POLICY_VERSION, TOXIC, GatewayFactory, LiveGateway, ask, metric, minute_now

EMBEDDING_MODEL = "all-MiniLM-L6-v2"


def failure_of(call: Callable[[], object]) -> openai.APIStatusError:
    """The HTTP error a client call ends with (these calls cannot succeed without an LLM)."""
    with pytest.raises(openai.APIStatusError) as caught:
        call()
    return caught.value


# --- models and embeddings --------------------------------------------------------------------


def test_models_lists_every_name_and_alias(offline_gateway: LiveGateway) -> None:
    cards = {card.id: card for card in offline_gateway.client().models.list()}
    assert set(cards) == {CHAT_MODEL, "default", ALIAS, "minilm", EMBEDDING_MODEL}
    assert {name: card.model_extra["root"] for name, card in cards.items()} == {
        CHAT_MODEL: CHAT_MODEL, "default": CHAT_MODEL, ALIAS: CHAT_MODEL, "minilm": "minilm", EMBEDDING_MODEL: "minilm",
    }
    assert all(card.object == "model" and card.owned_by == "insightstack" for card in cards.values())


def test_embeddings_are_the_in_process_model_s_vectors(offline_gateway: LiveGateway) -> None:
    client, embedder = offline_gateway.client(), offline_gateway.platform.embedder
    texts = ["Momentum on US large caps", "Mean reversion in FX"]
    expected = embedder.embed(texts)

    raw = client.embeddings.with_raw_response.create(model=EMBEDDING_MODEL, input=texts[0])  # no encoding_format given
    assert isinstance(raw.http_response.json()["data"][0]["embedding"], str)  # so the client asked for base64 ...
    default = raw.parse()  # ... and decoded it
    floats = client.embeddings.create(model="minilm", input=texts, encoding_format="float")
    for response, wanted in ((default, expected[:1]), (floats, expected)):
        assert response.model == EMBEDDING_MODEL
        assert [item.index for item in response.data] == list(range(len(wanted)))
        assert all(len(item.embedding) == 384 for item in response.data)
        np.testing.assert_allclose([item.embedding for item in response.data], wanted, atol=1e-5)
        assert response.usage.prompt_tokens > 0 and response.usage.total_tokens == response.usage.prompt_tokens
    assert floats.usage.prompt_tokens == embedder.count_tokens(texts)

    token_ids = failure_of(lambda: client.embeddings.create(model=EMBEDDING_MODEL, input=[[101, 2023, 102]]))
    assert isinstance(token_ids, openai.BadRequestError) and token_ids.code == "invalid_request"
    empty = failure_of(lambda: client.embeddings.create(model=EMBEDDING_MODEL, input=["ok", ""]))
    assert isinstance(empty, openai.BadRequestError) and empty.param == "input"
    chat_model = failure_of(lambda: client.embeddings.create(model=ALIAS, input="x"))
    assert isinstance(chat_model, openai.NotFoundError) and chat_model.code == "model_not_found"
    resized = failure_of(lambda: client.embeddings.create(model=EMBEDDING_MODEL, input="x", dimensions=100))
    assert isinstance(resized, openai.BadRequestError) and resized.param == "dimensions"

    calls = offline_gateway.llm_calls(feature="gateway", outcome="ok")
    assert [(c["prompt_id"], c["model"], c["input_tokens"]) for c in calls] == [
        ("gateway.embeddings", "minilm", floats.usage.prompt_tokens), ("gateway.embeddings", "minilm", default.usage.prompt_tokens),
    ]


# --- error shapes -----------------------------------------------------------------------------


def test_missing_or_invalid_key_is_401_and_a_role_without_gateway_use_is_403(offline_gateway: LiveGateway) -> None:
    no_key = failure_of(lambda: offline_gateway.client().models.list(extra_headers={"Authorization": openai.Omit()}))
    wrong_key = failure_of(lambda: offline_gateway.client(key="isk_" + "x" * 43).models.list())
    for error in (no_key, wrong_key):
        assert isinstance(error, openai.AuthenticationError)
        assert error.code == "not_authenticated" and error.type == "authentication_error"
        assert error.response.headers["www-authenticate"] == "Bearer"

    viewer = failure_of(lambda: ask(offline_gateway.client(Role.viewer), "hello"))
    assert isinstance(viewer, openai.PermissionDeniedError)
    assert viewer.code == "forbidden" and viewer.type == "permission_error"
    assert "gateway.use" in viewer.message
    assert viewer.body["request_id"] == viewer.response.headers["x-request-id"]


def test_unknown_model_is_404_model_not_found(offline_gateway: LiveGateway) -> None:
    error = failure_of(lambda: ask(offline_gateway.client(), "hello", model="gpt-5-turbo"))
    assert isinstance(error, openai.NotFoundError)
    assert (error.code, error.param, error.type) == ("model_not_found", "model", "not_found_error")
    assert "gpt-5-turbo" in error.message and ALIAS in error.message  # names what is known
    assert offline_gateway.llm_calls() == []  # refused before anything was sent or counted


def test_invalid_requests_are_400_naming_the_field(offline_gateway: LiveGateway) -> None:
    client = offline_gateway.client()
    no_messages = failure_of(lambda: client.chat.completions.create(model=ALIAS, messages=[]))
    zero_tokens = failure_of(lambda: ask(client, "hello", max_tokens=0))
    token_prompt = failure_of(lambda: client.completions.create(model=ALIAS, prompt=[[1, 2, 3]], max_tokens=4))
    for error, param in ((no_messages, "messages"), (zero_tokens, "max_tokens"), (token_prompt, "prompt.str")):
        assert isinstance(error, openai.BadRequestError)
        assert (error.code, error.type, error.param) == ("invalid_request", "invalid_request_error", param)
        assert error.body["details"]


# --- guardrails and limits --------------------------------------------------------------------


def test_toxic_input_is_refused_with_content_filter_and_recorded(offline_gateway: LiveGateway) -> None:
    error = failure_of(lambda: ask(offline_gateway.client(), TOXIC))
    assert isinstance(error, openai.BadRequestError)
    assert (error.code, error.param) == ("content_filter", "messages")
    assert POLICY_VERSION in error.message
    request_id = error.response.headers["x-request-id"]

    call = offline_gateway.call_of(request_id)
    assert (call["outcome"], call["feature"], call["user"], call["endpoint"]) == ("blocked", "gateway", "analyst-user", None)
    decisions = {(d["stage"], d["check"]): d for d in offline_gateway.decisions(request_id=request_id)}
    assert decisions[("input", "toxicity")]["outcome"] == "block"
    assert {d["policy_version"] for d in decisions.values()} == {POLICY_VERSION}
    assert all(stage == "input" for stage, _ in decisions)  # nothing went to the model, so no output stage


def test_the_rate_limit_is_429_with_retry_after_and_rejections_are_not_counted(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(llm_base_urls=[DEAD_URL], gateway_rpm=2)
    for attempt in range(3):  # a burst that straddles a minute boundary proves nothing: again, as a fresh user
        user = f"burst-{attempt}"
        client, minute = gateway.client(key=gateway.new_key(user)), minute_now()
        errors = [failure_of(lambda: ask(client, "hello")) for _ in range(4)]
        if minute_now() == minute:
            break
    assert [e.status_code for e in errors] == [503, 503, 429, 429]  # admitted (then no replica), admitted, refused, refused
    for refused in errors[2:]:
        assert isinstance(refused, openai.RateLimitError)
        assert (refused.code, refused.type) == ("rate_limit_exceeded", "rate_limit_error")
        assert 0 < int(refused.response.headers["retry-after"]) <= 61
    with gateway.platform.db.session() as session:
        window = session.get(UsageWindow, (user, limits.MINUTE, minute))
        assert window is not None and window.requests == 2
    exposition = gateway.get("/metrics", role=None).text
    assert metric(exposition, "insightstack_gateway_rejections_total", reason="rate_limit_exceeded") >= 2


def test_no_replica_answers_503_llm_unavailable_without_hanging(offline_gateway: LiveGateway) -> None:
    client = offline_gateway.client(timeout=30)  # far below the gateway's LLM timeout: a hang would end in APITimeoutError
    plain = failure_of(lambda: ask(client, "hello"))
    streamed = failure_of(lambda: ask(client, "hello", stream=True))
    for error in (plain, streamed):
        assert isinstance(error, openai.InternalServerError) and error.status_code == 503
        assert (error.code, error.type) == ("llm_unavailable", "api_error")
        assert DEAD_URL in error.message and error.response.headers["retry-after"] == "10"
        call = offline_gateway.call_of(error.response.headers["x-request-id"])
        assert (call["outcome"], call["attempts"], call["endpoint"]) == ("unavailable", 1, DEAD_URL)  # the replica it tried


# --- admin listings ---------------------------------------------------------------------------


def test_admin_llm_calls_need_admin_and_filter(offline_gateway: LiveGateway) -> None:
    failure_of(lambda: ask(offline_gateway.client(Role.analyst), TOXIC))
    failure_of(lambda: ask(offline_gateway.client(Role.operator), "hello"))

    denied = offline_gateway.get("/admin/llm-calls", role=Role.analyst)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    assert offline_gateway.get("/admin/llm-calls", role=None).status_code == 401

    everything = offline_gateway.llm_calls(feature="gateway")
    assert [(c["user"], c["outcome"]) for c in everything] == [("operator-user", "unavailable"), ("analyst-user", "blocked")]
    assert [c["outcome"] for c in offline_gateway.llm_calls(user="analyst-user")] == ["blocked"]
    assert [c["user"] for c in offline_gateway.llm_calls(outcome="unavailable")] == ["operator-user"]
    assert offline_gateway.llm_calls(feature="reports") == []
    assert len(offline_gateway.llm_calls(limit=1)) == 1

    jsonl = offline_gateway.get("/admin/llm-calls", feature="gateway", format="jsonl")
    assert jsonl.status_code == 200 and jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line) for line in jsonl.text.splitlines()] == everything


# --- the limits module, on each database ------------------------------------------------------

NOW = datetime(2026, 3, 4, 10, 15, 30, tzinfo=UTC)
LIMITS = limits.Limits(rpm=3, daily_tokens=100)


def admitted(platform: Platform, user: str, now: datetime = NOW) -> bool:
    """One request's admission in its own transaction, as the gateway does it."""
    try:
        with platform.db.session() as session:
            limits.admit(session, user, LIMITS, now)
    except TooManyRequests:
        return False
    return True


def charge(platform: Platform, user: str, tokens: int, now: datetime) -> None:
    with platform.db.session() as session:
        limits.charge(session, user, tokens, now)


def windows(platform: Platform, user: str, period: str) -> dict[datetime, tuple[int, int]]:
    with platform.db.session() as session:
        rows = session.scalars(select(UsageWindow).where(UsageWindow.user == user, UsageWindow.period == period))
        return {row.window_start: (row.requests, row.tokens) for row in rows}


@pytest.fixture
def db_platform(make_platform: PlatformFactory, database_url: str) -> Platform:
    return make_platform(database_url=database_url, llm_base_urls=[DEAD_URL])


def test_the_rate_counts_across_sessions_and_rejections_roll_back(db_platform: Platform) -> None:
    assert [admitted(db_platform, "ana") for _ in range(5)] == [True, True, True, False, False]
    minute = NOW.replace(second=0)
    assert windows(db_platform, "ana", limits.MINUTE) == {minute: (3, 0)}
    assert admitted(db_platform, "bob")  # per user
    assert admitted(db_platform, "ana", NOW + timedelta(seconds=30))  # the next minute starts afresh

    with pytest.raises(TooManyRequests) as caught, db_platform.db.session() as session:
        limits.admit(session, "ana", LIMITS, NOW)
    assert caught.value.code == "rate_limit_exceeded" and caught.value.headers == {"Retry-After": "31"}
    assert windows(db_platform, "ana", limits.MINUTE)[minute] == (3, 0)


def test_concurrent_requests_never_exceed_the_rate(db_platform: Platform) -> None:
    requests = 8
    barrier, results = threading.Barrier(requests), []

    def one() -> None:
        barrier.wait()
        results.append(admitted(db_platform, "ana"))

    threads = [threading.Thread(target=one) for _ in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == [False] * (requests - LIMITS.rpm) + [True] * LIMITS.rpm
    assert windows(db_platform, "ana", limits.MINUTE) == {NOW.replace(second=0): (LIMITS.rpm, 0)}


def test_tokens_accumulate_per_utc_day(db_platform: Platform) -> None:
    today, tomorrow = NOW.replace(hour=0, minute=0, second=0), NOW.replace(hour=0, minute=0, second=0) + timedelta(days=1)
    charge(db_platform, "ana", 60, NOW)
    charge(db_platform, "ana", 0, NOW)
    assert admitted(db_platform, "ana")
    charge(db_platform, "ana", 40, today + timedelta(hours=23, minutes=59, seconds=59))
    charge(db_platform, "ana", 7, tomorrow)
    assert windows(db_platform, "ana", limits.DAY) == {today: (0, 100), tomorrow: (0, 7)}

    late = NOW + timedelta(hours=1)
    with pytest.raises(TooManyRequests) as caught, db_platform.db.session() as session:
        limits.admit(session, "ana", LIMITS, late)
    assert caught.value.code == "insufficient_quota"
    assert caught.value.headers == {"Retry-After": str(int((tomorrow - late).total_seconds()) + 1)}
    assert late.replace(second=0) not in windows(db_platform, "ana", limits.MINUTE)  # a refused request is not counted
    assert admitted(db_platform, "bob", late) and admitted(db_platform, "ana", tomorrow + timedelta(hours=1))


def test_a_user_s_own_limits_replace_the_defaults(db_platform: Platform) -> None:
    default = limits.Limits(rpm=120, daily_tokens=1000)
    with db_platform.db.session() as session:
        auth.create_user(session, "ana", Role.analyst)
        auth.set_limits(session, "ana", rpm=5, daily_tokens=None)
    with db_platform.db.session() as session:
        assert limits.limits_of(session, "ana", default) == limits.Limits(rpm=5, daily_tokens=1000)
        assert limits.limits_of(session, "nobody", default) == default

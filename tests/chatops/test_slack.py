"""Slack / Mattermost integration: request signatures, the slash-command and Events API
endpoints, identity linking, event dedupe, and confirmations from chat.

Answers go through the real vLLM server (two asks in this file); everything else is answered
inline without the model.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from services.chatops import slack
from services.chatops.models import PendingAction
from services.platform import audit
from services.platform.errors import NotAuthenticated
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.app.products import build_products
from tests.chatops.conftest import MarketData
from tests.support.ops_world import import_runbooks, write_components
from tests.conftest import PlatformFactory
from tests.support.api import Api, api_for
from tests.support.receiver import Receiver

pytestmark = pytest.mark.llm

SECRET = "test-signing-secret"
TEAM = "T1"
QUESTION = "why did the kpi-rollup pipeline fail?"

DOCS_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
DOCS_TIMESTAMP = "1531420618"
DOCS_BODY = (
    b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
    b"&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
    b"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
    b"&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
)
DOCS_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"


# --- signature unit tests ----------------------------------------------------------------------


def test_signature_matches_the_slack_documentation_example() -> None:
    """Our HMAC construction is byte-for-byte Slack's (v0:{ts}:{body}, hex, v0= prefix)."""
    assert slack.signature(DOCS_SECRET, DOCS_TIMESTAMP, DOCS_BODY) == DOCS_SIGNATURE
    slack.verify_slack(DOCS_SECRET, DOCS_TIMESTAMP, DOCS_BODY, DOCS_SIGNATURE, now=float(DOCS_TIMESTAMP) + 10)


def test_good_signature_passes() -> None:
    """A fresh request signed with the configured secret is accepted."""
    ts = str(int(time.time()))
    slack.verify_slack(SECRET, ts, b"a=1", slack.signature(SECRET, ts, b"a=1"))


@pytest.mark.parametrize(
    ("secret", "body", "given"),
    [
        ("other-secret", b"a=1", None),  # signed with the wrong secret
        (SECRET, b"a=2", None),  # body changed after signing
        (SECRET, b"a=1", "v0=" + "0" * 64),  # well-formed but wrong
        (SECRET, b"a=1", ""),  # empty signature header
    ],
    ids=["wrong-secret", "tampered-body", "forged", "empty"],
)
def test_bad_signature_is_not_authenticated(secret: str, body: bytes, given: str | None) -> None:
    """Any signature that is not HMAC(secret, v0:ts:body) is refused."""
    ts = "1700000000"
    signed = given if given is not None else slack.signature(secret, ts, b"a=1")
    with pytest.raises(NotAuthenticated):
        slack.verify_slack(SECRET, ts, body, signed, now=1700000000)


@pytest.mark.parametrize(("timestamp", "given"), [(None, "v0=x"), ("1700000000", None), ("", "v0=x"), (None, None)])
def test_missing_headers_are_not_authenticated(timestamp: str | None, given: str | None) -> None:
    """Without both the timestamp and the signature header nothing is verified."""
    with pytest.raises(NotAuthenticated, match="missing"):
        slack.verify_slack(SECRET, timestamp, b"a=1", given, now=1700000000)


def test_non_numeric_timestamp_is_not_authenticated() -> None:
    """A timestamp that is not a Unix time is refused (not a 500)."""
    with pytest.raises(NotAuthenticated, match="Unix timestamp"):
        slack.verify_slack(SECRET, "yesterday", b"a=1", slack.signature(SECRET, "yesterday", b"a=1"), now=1700000000)


@pytest.mark.parametrize("offset", [-301, 301], ids=["past", "future"])
def test_timestamp_outside_the_window_is_refused_as_a_replay(offset: int) -> None:
    """A correctly signed request 301 s old (or 301 s ahead) is refused: replay protection."""
    ts = "1700000000"
    with pytest.raises(NotAuthenticated, match="old"):
        slack.verify_slack(SECRET, ts, b"a=1", slack.signature(SECRET, ts, b"a=1"), now=1700000000 - offset)


@pytest.mark.parametrize("offset", [-300, 0, 300])
def test_timestamp_at_the_edge_of_the_window_passes(offset: int) -> None:
    """Exactly 300 s either way is still inside the window."""
    ts = "1700000000"
    slack.verify_slack(SECRET, ts, b"a=1", slack.signature(SECRET, ts, b"a=1"), now=1700000000 + offset)


def test_non_ascii_signature_is_not_authenticated() -> None:
    """A signature header with non-ASCII characters is an authentication failure, not a crash."""
    with pytest.raises(NotAuthenticated):
        slack.verify_slack(SECRET, "1700000000", b"a=1", "v0=\u00fc", now=1700000000)


# --- fixtures ----------------------------------------------------------------------------------


ApiFactory = Callable[[Platform], Api]


@pytest.fixture
def make_api() -> Iterator[ApiFactory]:
    """Test clients (users `<role>-user`) on any platform; closed after the test."""
    opened: list[Iterator[Api]] = []

    def make(platform: Platform) -> Api:
        generator = api_for(platform)
        opened.append(generator)
        return next(generator)

    yield make
    for generator in opened:
        generator.close()


@pytest.fixture
def slack_api(make_platform: PlatformFactory, llm_url: str, marketdata: MarketData, receiver: Receiver, tmp_path: Path, make_api: ApiFactory) -> Api:
    """Like `ops`, plus a Slack signing secret and the reply webhook pointing at the receiver."""
    platform = make_platform(
        llm_base_urls=[llm_url], components_file=write_components(tmp_path / "services.yaml", marketdata.url),
        slack_signing_secret=SECRET, chat_reply_url=f"{receiver.url}/reply",
    )
    import_runbooks(build_products(platform).chatops)
    return make_api(platform)


@pytest.fixture
def light_api(make_platform: PlatformFactory, llm_url: str, receiver: Receiver, make_api: ApiFactory) -> Api:
    """A Slack-configured platform without runbooks, for requests that never reach the model."""
    return make_api(make_platform(llm_base_urls=[llm_url], slack_signing_secret=SECRET, chat_reply_url=f"{receiver.url}/reply"))


# --- request helpers ---------------------------------------------------------------------------


def signed(body: bytes, *, secret: str = SECRET, timestamp: str | None = None, content_type: str = "application/x-www-form-urlencoded") -> dict[str, str]:
    ts = timestamp or str(int(time.time()))
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": slack.signature(secret, ts, body), "Content-Type": content_type}


def command_body(receiver: Receiver, text: str, *, user: str = "U1", team: str = TEAM, **extra: str) -> bytes:
    form = {"team_id": team, "user_id": user, "command": "/insightstack", "text": text, "response_url": f"{receiver.url}/response", **extra}
    return urlencode(form).encode()


def event_body(event_id: str, text: str = f"<@UBOT> {QUESTION}", *, user: str = "U1", **event: str) -> bytes:
    payload = {
        "type": "event_callback", "team_id": TEAM, "event_id": event_id,
        "event": {"type": "app_mention", "user": user, "text": text, "channel": "C1", "ts": "1700000000.0001", **event},
    }
    return json.dumps(payload).encode()


def post_command(api: Api, body: bytes, headers: dict[str, str]) -> Any:
    return api.client.post("/slack/commands", content=body, headers=headers)


def post_event(api: Api, body: bytes, **extra_headers: str) -> Any:
    return api.client.post("/slack/events", content=body, headers={**signed(body, content_type="application/json"), **extra_headers})


def link(api: Api, user_id: str, user_name: str, workspace: str = f"slack:{TEAM}") -> None:
    slack.link(api.platform.db, workspace, user_id, user_name, "test")


# --- /slack/commands ---------------------------------------------------------------------------


def test_signed_command_from_linked_user_is_answered_via_response_url_and_audited(slack_api: Api, receiver: Receiver) -> None:
    """A linked user's question is acknowledged at once and answered on response_url as that
    platform user, with the answer's audit id, and the ask/answer pair lands on a sound chain."""
    link(slack_api, "U1", "viewer-user")
    body = command_body(receiver, QUESTION)
    response = post_command(slack_api, body, signed(body))
    assert response.status_code == 200, response.text
    ack = response.json()
    assert ack["response_type"] == "ephemeral" and ack["text"].startswith("Looking into it")
    assert len(receiver.messages) == 1 and receiver.paths == ["/response"]
    assert "audit #" in receiver.messages[0]["text"], receiver.messages[0]
    with slack_api.platform.db.session() as session:
        asks = audit.entries(session, action_prefix="chatops.ask")
        answers = audit.entries(session, action_prefix="chatops.answer")
        assert [(e.actor, e.role, e.decision) for e in asks] == [("viewer-user", "viewer", "allowed")]
        assert asks[0].details["channel"] == "slack" and asks[0].details["question"] == QUESTION
        assert [e.actor for e in answers] == ["viewer-user"]
        assert f"audit #{answers[0].id}" in receiver.messages[0]["text"]
        assert audit.verify(session).ok


def test_command_with_bad_signature_is_401(light_api: Api, receiver: Receiver) -> None:
    """A forged signature is refused with the platform's error body and nothing is posted."""
    link(light_api, "U1", "viewer-user")
    body = command_body(receiver, QUESTION)
    response = post_command(light_api, body, signed(body, secret="not-the-secret"))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert receiver.messages == []


def test_command_with_expired_timestamp_is_401(light_api: Api, receiver: Receiver) -> None:
    """A correctly signed but 400 s old request is a replay and is refused."""
    link(light_api, "U1", "viewer-user")
    body = command_body(receiver, QUESTION)
    response = post_command(light_api, body, signed(body, timestamp=str(int(time.time()) - 400)))
    assert response.status_code == 401 and "old" in response.json()["error"]["message"]
    assert receiver.messages == []


def test_unsigned_command_is_401_when_slack_is_configured(light_api: Api, receiver: Receiver) -> None:
    """No signature and no Mattermost token: refused."""
    body = command_body(receiver, "help")
    response = post_command(light_api, body, {"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "not_authenticated"


def test_chat_endpoints_answer_503_when_no_integration_is_configured(make_platform: PlatformFactory, llm_url: str, make_api: ApiFactory, receiver: Receiver) -> None:
    """With neither a signing secret nor a Mattermost token nothing is accepted (503, not 401)."""
    api = make_api(make_platform(llm_base_urls=[llm_url]))
    body = command_body(receiver, "help")
    unsigned = post_command(api, body, {"Content-Type": "application/x-www-form-urlencoded"})
    assert unsigned.status_code == 503 and unsigned.json()["error"]["code"] == "service_unavailable"
    assert "not configured" in unsigned.json()["error"]["message"]
    assert post_command(api, body, signed(body)).status_code == 503
    assert post_event(api, json.dumps({"type": "url_verification", "challenge": "c"}).encode()).status_code == 503


def test_unlinked_user_is_told_and_the_attempt_is_audited(light_api: Api, receiver: Receiver) -> None:
    """A chat user with no linked platform user gets an explanation, no answer, and a denied
    audit entry naming the workspace and chat user."""
    body = command_body(receiver, QUESTION, user="U9")
    response = post_command(light_api, body, signed(body))
    assert response.status_code == 200
    assert response.json()["response_type"] == "ephemeral" and "not linked" in response.json()["text"]
    assert receiver.messages == []
    with light_api.platform.db.session() as session:
        denied = audit.entries(session, action_prefix="chatops.ask")
        assert [(e.actor, e.role, e.decision, e.target) for e in denied] == [(f"slack:{TEAM}/U9", "unlinked", "denied", "/slack/commands")]
        assert audit.verify(session).ok


def test_link_is_per_workspace(light_api: Api, receiver: Receiver) -> None:
    """The same user id in another team is a different (unlinked) chat user."""
    link(light_api, "U1", "viewer-user")
    body = command_body(receiver, "help", team="T2")
    assert "not linked" in post_command(light_api, body, signed(body)).json()["text"]


def test_unknown_platform_user_cannot_be_linked(light_api: Api) -> None:
    """Linking checks that the platform user exists."""
    from services.platform.auth import UserNotFound

    with pytest.raises(UserNotFound):
        link(light_api, "U1", "nobody")


def test_help_text_is_answered_inline_without_asking(light_api: Api, receiver: Receiver) -> None:
    """`help` (and an empty command) return the usage text and post nothing."""
    link(light_api, "U1", "viewer-user")
    for text in ("help", ""):
        body = command_body(receiver, text)
        response = post_command(light_api, body, signed(body))
        assert response.status_code == 200 and response.json()["response_type"] == "ephemeral"
        assert "confirm <id>" in response.json()["text"]
    assert receiver.messages == []
    with light_api.platform.db.session() as session:
        assert audit.entries(session, action_prefix="chatops.ask") == []


def test_command_without_response_url_is_422(light_api: Api) -> None:
    """A signed command lacking response_url cannot be answered and is refused."""
    link(light_api, "U1", "viewer-user")
    body = urlencode({"team_id": TEAM, "user_id": "U1", "text": "help"}).encode()
    assert post_command(light_api, body, signed(body)).status_code == 422


# --- confirmations from chat -------------------------------------------------------------------


def _pending(api: Api, action_id: str) -> PendingAction:
    with api.platform.db.session() as session:
        row = session.scalars(select(PendingAction).where(PendingAction.id == action_id)).one()
        session.expunge(row)
        return row


def test_confirm_from_chat_needs_an_operator(light_api: Api, receiver: Receiver) -> None:
    """`confirm <id>` from a viewer-linked user is refused ("Sorry") and leaves the action
    pending; the same command from an operator-linked user executes it."""
    link(light_api, "U1", "viewer-user")
    link(light_api, "U2", "operator-user")
    proposed = light_api.client.post("/chatops/tools/invalidate_cache", json={"arguments": {"cache": "reports"}}, headers=light_api.as_(Role.operator))
    assert proposed.status_code == 200, proposed.text
    action = proposed.json()
    assert action["status"] == "pending" and action["confirm_path"] == f"/chatops/actions/{action['id']}/confirm"

    body = command_body(receiver, f"confirm {action['id']}", user="U1")
    assert post_command(light_api, body, signed(body)).json()["text"].startswith("Looking into it")
    assert len(receiver.messages) == 1
    assert receiver.messages[0]["text"].startswith("Sorry") and "lacks permission" in receiver.messages[0]["text"]
    row = _pending(light_api, action["id"])
    assert row.status == "pending" and row.decided_by is None

    body = command_body(receiver, f"confirm {action['id']}", user="U2")
    assert post_command(light_api, body, signed(body)).status_code == 200
    assert len(receiver.messages) == 2
    assert "executed" in receiver.messages[1]["text"] and action["id"] in receiver.messages[1]["text"]
    row = _pending(light_api, action["id"])
    assert row.status == "executed" and row.decided_by == "operator-user"
    with light_api.platform.db.session() as session:
        confirms = audit.entries(session, action_prefix="chatops.action.confirm")
        assert [(e.actor, e.decision) for e in confirms] == [("viewer-user", "denied"), ("operator-user", "allowed")]
        assert audit.verify(session).ok


def test_confirm_of_unknown_action_says_sorry(light_api: Api, receiver: Receiver) -> None:
    """A typo'd action id is reported back in the channel, not swallowed."""
    link(light_api, "U2", "operator-user")
    body = command_body(receiver, "confirm nope", user="U2")
    assert post_command(light_api, body, signed(body)).status_code == 200
    assert len(receiver.messages) == 1 and receiver.messages[0]["text"].startswith("Sorry") and "nope" in receiver.messages[0]["text"]


# --- /slack/events -----------------------------------------------------------------------------


def test_url_verification_returns_the_challenge(light_api: Api) -> None:
    """Slack's endpoint handshake is answered inline, but only when signed."""
    body = json.dumps({"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}).encode()
    response = post_event(light_api, body)
    assert response.status_code == 200 and response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    forged = light_api.client.post("/slack/events", content=body, headers=signed(body, secret="wrong", content_type="application/json"))
    assert forged.status_code == 401 and forged.json()["error"]["code"] == "not_authenticated"


def test_mention_is_answered_once_even_when_slack_retries(slack_api: Api, receiver: Receiver) -> None:
    """An app_mention from a linked user is answered on the reply webhook in its thread; the
    same event delivered again (Slack's retry) is acknowledged as a duplicate and not answered."""
    link(slack_api, "U1", "viewer-user")
    body = event_body("Ev1")
    first = post_event(slack_api, body)
    assert first.status_code == 200 and first.json() == {"ok": True}
    assert len(receiver.messages) == 1 and receiver.paths == ["/reply"]
    message = receiver.messages[0]
    assert message["channel"] == "C1" and message["thread_ts"] == "1700000000.0001" and "audit #" in message["text"]
    again = post_event(slack_api, body, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert again.status_code == 200 and again.json() == {"ok": True, "duplicate": True}
    assert len(receiver.messages) == 1
    with slack_api.platform.db.session() as session:
        asks = audit.entries(session, action_prefix="chatops.ask")
        assert [e.actor for e in asks] == ["viewer-user"] and "<@" not in asks[0].details["question"]


def test_bot_and_unlinked_events_are_not_answered(light_api: Api, receiver: Receiver) -> None:
    """Bot messages (our own replies) are ignored; an unlinked user's mention is audited, not answered."""
    link(light_api, "U1", "viewer-user")
    bot = post_event(light_api, event_body("Ev2", bot_id="B1"))
    assert bot.status_code == 200 and bot.json() == {"ok": True, "ignored": True}
    edited = post_event(light_api, event_body("Ev3", subtype="message_changed"))
    assert edited.json() == {"ok": True, "ignored": True}
    stranger = post_event(light_api, event_body("Ev4", user="U9"))
    assert stranger.status_code == 200 and stranger.json() == {"ok": True}
    assert receiver.messages == []
    with light_api.platform.db.session() as session:
        assert [(e.actor, e.decision) for e in audit.entries(session, action_prefix="chatops.ask")] == [(f"slack:{TEAM}/U9", "denied")]


def test_event_with_bad_signature_or_body_is_refused(light_api: Api) -> None:
    """Events are verified before parsing; a signed non-JSON body or an event without id is 422."""
    body = event_body("Ev5")
    forged = light_api.client.post("/slack/events", content=body, headers=signed(body, secret="wrong", content_type="application/json"))
    assert forged.status_code == 401
    assert post_event(light_api, b"not json").status_code == 422
    assert post_event(light_api, json.dumps({"type": "event_callback", "event": {}}).encode()).status_code == 422


# --- Mattermost --------------------------------------------------------------------------------


@pytest.fixture
def mattermost_api(make_platform: PlatformFactory, llm_url: str, make_api: ApiFactory) -> Api:
    api = make_api(make_platform(llm_base_urls=[llm_url], mattermost_token="mm-secret"))
    link(api, "U1", "viewer-user", workspace="mattermost:TM")
    return api


def test_mattermost_token_is_accepted_and_maps_to_the_mattermost_workspace(mattermost_api: Api, receiver: Receiver) -> None:
    """A Mattermost slash command carrying the configured token (in the form, or as
    `Authorization: Token`) is accepted and resolved in the `mattermost:<team>` workspace."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    body = command_body(receiver, "help", team="TM", token="mm-secret")
    response = post_command(mattermost_api, body, form)
    assert response.status_code == 200 and "confirm <id>" in response.json()["text"]
    header_body = command_body(receiver, "help", team="TM")
    by_header = post_command(mattermost_api, header_body, {**form, "Authorization": "Token mm-secret"})
    assert by_header.status_code == 200 and "confirm <id>" in by_header.json()["text"]
    other_team = command_body(receiver, "help", team="T9", token="mm-secret")
    assert "not linked" in post_command(mattermost_api, other_team, form).json()["text"]


def test_mattermost_wrong_or_missing_token_is_401(mattermost_api: Api, receiver: Receiver) -> None:
    """A wrong token, or none at all, is refused; a Slack-signed request is refused as unconfigured."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    wrong = post_command(mattermost_api, command_body(receiver, "help", team="TM", token="wrong"), form)
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "not_authenticated"
    assert post_command(mattermost_api, command_body(receiver, "help", team="TM"), form).status_code == 401
    body = command_body(receiver, "help", team="TM")
    assert post_command(mattermost_api, body, signed(body)).status_code == 503
    assert receiver.messages == []


def test_mattermost_non_ascii_token_is_401(mattermost_api: Api, receiver: Receiver) -> None:
    """A token with non-ASCII characters is simply a wrong token."""
    response = post_command(mattermost_api, command_body(receiver, "help", team="TM", token="m\u00f6-secret"), {"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 401

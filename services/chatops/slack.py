"""Slack (and Mattermost) plumbing: request verification, identity mapping, event dedupe,
and posting the answer back.

Slack signs each request: ``v0=`` + HMAC-SHA256(signing secret, ``v0:{timestamp}:{raw body}``).
A request older than five minutes is refused (replay), and the comparison is constant-time.
Mattermost's Slack-compatible slash commands and outgoing webhooks send a token instead; both
are accepted when configured, nothing is accepted when neither is.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import time
from collections.abc import Callable

import httpx
import structlog
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.exc import IntegrityError

from services.chatops.models import ChatIdentity, SeenEvent
from services.chatops.schemas import AskOut
from services.platform import auth, strict_json
from services.platform.audit import Caller
from services.platform.db import Database
from services.platform.errors import NotAuthenticated, ServiceUnavailable, Unprocessable
from services.platform.settings import Settings

log = structlog.get_logger(__name__)
MAX_AGE_S = 300
POST_ATTEMPTS = 3
RETRY_AFTER_CAP_S = 30.0
UNIX_SECONDS = re.compile(r"[0-9]{1,11}")  # `int()` also takes " +1_700_000_000" and other scripts' digits; 400 digits overflow a float


class SlackEvent(BaseModel):
    """The fields of an event we read (Slack sends many more)."""

    model_config = ConfigDict(extra="ignore")

    type: str | None = None
    user: str = ""
    text: str = ""
    bot_id: str | None = None
    subtype: str | None = None
    channel: str | None = None
    ts: str | None = None
    thread_ts: str | None = None


class EventEnvelope(BaseModel):
    """An Events API body: typed, so a signed but odd body (`[1,2]`, a numeric id) is a 422, not a crash."""

    model_config = ConfigDict(extra="ignore")

    type: str
    challenge: str = ""
    event_id: str | None = None
    team_id: str = ""
    event: SlackEvent | None = None


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return f"v0={digest}"


def verify_slack(secret: str, timestamp: str | None, body: bytes, given: str | None, *, now: float | None = None) -> None:
    """Raise `NotAuthenticated` unless the request carries a fresh, valid Slack signature."""
    if not timestamp or not given:
        raise NotAuthenticated("missing X-Slack-Request-Timestamp or X-Slack-Signature")
    if not UNIX_SECONDS.fullmatch(timestamp):
        raise NotAuthenticated("X-Slack-Request-Timestamp is not a Unix timestamp")
    age = abs((now if now is not None else time.time()) - int(timestamp))
    if age > MAX_AGE_S:
        raise NotAuthenticated(f"request timestamp is {age:.0f} s old; the limit is {MAX_AGE_S} s (replay protection)")
    if not hmac.compare_digest(signature(secret, timestamp, body).encode(), given.encode()):
        raise NotAuthenticated("X-Slack-Signature does not match the request body")


def verify_request(settings: Settings, headers: dict[str, str], body: bytes, form_token: str | None) -> str:
    """Which workspace kind signed this request ("slack" or "mattermost"); raises if none did."""
    if "x-slack-signature" in headers:
        if not settings.slack_signing_secret:
            raise ServiceUnavailable("Slack integration not configured: set INSIGHTSTACK_SLACK_SIGNING_SECRET")
        verify_slack(settings.slack_signing_secret, headers.get("x-slack-request-timestamp"), body, headers.get("x-slack-signature"))
        return "slack"
    token = form_token or headers.get("authorization", "").removeprefix("Token ").strip()
    if settings.mattermost_token and token:
        if not hmac.compare_digest(settings.mattermost_token.encode(), token.encode()):
            raise NotAuthenticated("Mattermost token does not match")
        return "mattermost"
    if not (settings.slack_signing_secret or settings.mattermost_token):
        raise ServiceUnavailable("chat integration not configured: set INSIGHTSTACK_SLACK_SIGNING_SECRET or INSIGHTSTACK_MATTERMOST_TOKEN")
    raise NotAuthenticated("request is not signed (X-Slack-Signature) and carries no Mattermost token")


def caller_for(db: Database, workspace: str, external_id: str, request_id: str | None) -> Caller | None:
    """The platform identity linked to a chat user, or None if unlinked or disabled."""
    with db.session() as session:
        link = session.get(ChatIdentity, (workspace, external_id))
        if link is None:
            return None
        try:
            user = auth.get_user(session, link.user_name)
        except auth.UserNotFound:
            return None
        return None if user.disabled else Caller(name=user.name, role=user.role, request_id=request_id)


def link(db: Database, workspace: str, external_id: str, user_name: str, linked_by: str) -> None:
    """Link (or re-link) a chat user id to a platform user."""
    with db.session() as session:
        auth.get_user(session, user_name)
        row = session.get(ChatIdentity, (workspace, external_id)) or ChatIdentity(workspace=workspace, external_id=external_id)
        row.user_name, row.linked_by = user_name, linked_by
        session.add(row)


def parse_event(body: bytes) -> EventEnvelope:
    """A verified Events API body, read as strict JSON; 422 naming the problem otherwise."""
    try:
        return EventEnvelope.model_validate(strict_json.loads(body))
    except ValidationError as exc:
        raise RequestValidationError([{**error, "loc": ("body", *error["loc"])} for error in exc.errors(include_url=False)]) from None
    except ValueError as exc:
        raise Unprocessable(f"event body is not JSON: {exc}") from None


def first_delivery(db: Database, event_id: str) -> bool:
    """True the first time an event id is seen; Slack redelivers when it misses the 3 s ack.
    Stored as the id's sha256: ids of any length are told apart, in a fixed-size key."""
    try:
        with db.session() as session:
            session.add(SeenEvent(event_id=hashlib.sha256(event_id.encode()).hexdigest()))
    except IntegrityError:
        return False
    return True


def post(url: str, payload: dict[str, object], sleep: Callable[[float], None] = time.sleep) -> bool:
    """POST a message to a response_url or incoming webhook; never raises. Only what may succeed
    later is retried (429, 5xx, no connection), after the server's Retry-After when it gives one
    (capped: the answer is worth little an hour late), and never waited for after the last try.
    ``sleep`` is how it waits (tests record the waits instead)."""
    for attempt in range(1, POST_ATTEMPTS + 1):
        wait = 0.5 * attempt
        try:
            response = httpx.post(url, json=payload, timeout=10)
        except httpx.HTTPError as exc:
            log.warning("slack.post_failed", error=str(exc), attempt=attempt)
        else:
            if response.status_code < 300:
                return True
            log.warning("slack.post_rejected", status=response.status_code, attempt=attempt)
            if response.status_code != 429 and response.status_code < 500:
                return False  # the request itself is wrong (expired response_url, bad payload): resending cannot help
            asked = _retry_after(response)
            wait = wait if asked is None else asked
        if attempt < POST_ATTEMPTS:
            sleep(wait)
    return False


def _retry_after(response: httpx.Response) -> float | None:
    """The server's Retry-After in seconds, at most RETRY_AFTER_CAP_S; None when absent or not a number."""
    try:
        seconds = float(response.headers.get("retry-after", ""))
    except ValueError:
        return None
    return min(max(seconds, 0.0), RETRY_AFTER_CAP_S) if math.isfinite(seconds) else None


def message(answer: AskOut) -> dict[str, object]:
    """A Slack/Mattermost message for an answer: the text, then evidence and citations."""
    lines = [answer.answer]
    lines += [f"• `{c.tool}` {c.status}: {c.summary[:300]}" for c in answer.tool_calls]
    if cited := [r for r in answer.runbooks if r.cited] or answer.runbooks[:1]:
        lines.append("Runbooks: " + ", ".join(f"{r.title} ({r.id})" for r in cited))
    if answer.escalation:
        lines.append(f"Escalated to *{answer.escalation.suggested_oncall}* ({answer.escalation.severity}).")
    if answer.pending_action:
        lines.append(f"Needs confirmation: `/insightstack confirm {answer.pending_action.id}` (operator).")
    if answer.ungrounded_numbers:
        lines.append(f"Note: {', '.join(answer.ungrounded_numbers)} in the answer are not in the evidence.")
    lines.append(f"audit #{answer.audit_id}")
    return {"response_type": "in_channel", "text": "\n".join(lines)}

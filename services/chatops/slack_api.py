"""Slack-compatible endpoints: `/slack/commands` (slash command) and `/slack/events`.

Both verify the request before reading it, answer at once (Slack gives up after 3 s), and do
the work in a background task that posts the answer to the command's ``response_url`` (or,
for events, to the configured reply webhook). Unlinked chat users get an explanation and the
attempt is audited.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import structlog
from fastapi import APIRouter, BackgroundTasks, Request

from services.chatops import slack
from services.chatops.schemas import AskIn
from services.chatops.service import ChatOpsService
from services.platform import audit
from services.platform.audit import Caller
from services.platform.errors import AppError, Unprocessable
from services.platform.runtime import Platform

log = structlog.get_logger(__name__)
router = APIRouter(prefix="/slack", tags=["slack"])
HELP = "Ask an operations question: `/insightstack why is the kpi-rollup late?`. Operators confirm actions with `/insightstack confirm <id>`."


@router.post("/commands", summary="Slash command (Slack or Mattermost); answers later via response_url")
async def command(request: Request, background: BackgroundTasks) -> dict[str, Any]:
    body = await request.body()
    form = {key: values[0] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}
    platform: Platform = request.app.state.platform
    workspace_kind = slack.verify_request(platform.settings, _headers(request), body, form.get("token"))
    user_id, response_url, text = form.get("user_id"), form.get("response_url"), form.get("text", "").strip()
    if not user_id or not response_url:
        raise Unprocessable("slash command without user_id or response_url")
    caller = _caller(platform, workspace_kind, form.get("team_id", ""), user_id, request)
    if caller is None:
        return {"response_type": "ephemeral", "text": "Your chat account is not linked to an InsightStack user; ask an admin to run `insightstack chatops link`."}
    if not text or text == "help":
        return {"response_type": "ephemeral", "text": HELP}
    background.add_task(_answer_command, request.app.state.chatops, caller, text, response_url)
    return {"response_type": "ephemeral", "text": f"Looking into it: {text[:200]}"}


@router.post("/events", summary="Events API (mentions); url_verification answered inline")
async def events(request: Request, background: BackgroundTasks) -> dict[str, Any]:
    body = await request.body()
    platform: Platform = request.app.state.platform
    workspace_kind = slack.verify_request(platform.settings, _headers(request), body, None)
    payload = slack.parse_event(body)
    if payload.type == "url_verification":
        return {"challenge": payload.challenge}
    event, event_id = payload.event or slack.SlackEvent(), payload.event_id
    if payload.type != "event_callback" or not event_id:
        raise Unprocessable("expected an event_callback with an event_id")
    if not slack.first_delivery(platform.db, event_id):
        log.info("slack.duplicate_event", event_id=event_id[:64], retry=request.headers.get("x-slack-retry-num"))
        return {"ok": True, "duplicate": True}
    if event.bot_id or event.subtype or event.type not in ("app_mention", "message"):
        return {"ok": True, "ignored": True}
    caller = _caller(platform, workspace_kind, payload.team_id, event.user, request)
    text = " ".join(word for word in event.text.split() if not word.startswith("<@"))
    if caller is not None and len(text) >= 3 and platform.settings.chat_reply_url:
        thread = event.thread_ts or event.ts
        background.add_task(_answer_event, request.app.state.chatops, caller, text, platform.settings.chat_reply_url, event.channel, thread)
    return {"ok": True}


def _headers(request: Request) -> dict[str, str]:
    return {key.lower(): value for key, value in request.headers.items()}


def _caller(platform: Platform, kind: str, team: str, user_id: str, request: Request) -> Caller | None:
    workspace = f"{kind}:{team}"
    caller = slack.caller_for(platform.db, workspace, user_id, request.state.request_id)
    if caller is None:
        with platform.db.session() as session:
            stranger = Caller(name=f"{workspace}/{user_id}"[:64], role="unlinked", request_id=request.state.request_id)
            audit.record(session, stranger, "chatops.ask", request.url.path, decision="denied")
    return caller


def _run(service: ChatOpsService, caller: Caller, text: str) -> dict[str, object]:
    """The reply for a command's text: a confirmation, a cancellation, or a question."""
    verb, _, rest = text.partition(" ")
    try:
        if verb in ("confirm", "cancel") and rest.strip():
            action = (service.confirm if verb == "confirm" else service.cancel)(rest.strip(), caller)
            result = f": {action.result.summary}" if action.result else ""
            return {"response_type": "in_channel", "text": f"Action {action.id} ({action.tool}) is {action.status}{result}"}
        return slack.message(service.ask(AskIn(question=text[:1000]), caller, channel="slack"))
    except AppError as exc:
        return {"response_type": "ephemeral", "text": f"Sorry: {exc.message}"}
    except Exception as exc:  # the background task has no one else to tell
        log.exception("slack.answer_failed")
        return {"response_type": "ephemeral", "text": f"Sorry, that failed ({type(exc).__name__}); the request id is {caller.request_id}."}


def _answer_command(service: ChatOpsService, caller: Caller, text: str, response_url: str) -> None:
    slack.post(response_url, _run(service, caller, text))


def _answer_event(service: ChatOpsService, caller: Caller, text: str, reply_url: str, channel: str | None, thread: str | None) -> None:
    slack.post(reply_url, {**_run(service, caller, text), "channel": channel, "thread_ts": thread})

"""What `make demo`'s walk-through made or decided is labelled demo content on the pages that
show it; what people did is not (the walk-through's scripted incident must not pass for a real one)."""

from __future__ import annotations

from datetime import UTC, datetime

from services.chatops.models import ChatTurn
from services.platform.permissions import Role
from services.strategies.models import StrategyDraft
from tests.conftest import PlatformFactory
from tests.showcase.test_signin import HTML, offline_api, sign_in

LABEL = "demo content"


def test_the_walk_through_s_drafts_and_questions_are_labelled_and_people_s_are_not(make_platform: PlatformFactory) -> None:
    api = offline_api(make_platform)
    now = datetime.now(UTC)
    with api.platform.db.session() as session:
        for draft_id, author, decided_by in (("by-demo", "demo-analyst", "demo-reviewer"), ("by-ana", "ana", "rita")):
            session.add(StrategyDraft(
                id=draft_id, intent=f"intent {draft_id}", constraints={}, author=author, status="approved", decided_by=decided_by, revision=1,
                config={}, rationale="", candidates=[], validation_errors=[], repairs=0, prompt_id="strategies.draft", prompt_version="1",
                model="m", catalogue_version="v", created_at=now, updated_at=now,
            ))
        for turn_id, asker in (("asked-by-demo", "demo-operator"), ("asked-by-olga", "olga")):
            session.add(ChatTurn(
                id=turn_id, conversation_id=turn_id, asked_by=asker, channel="api", question=f"question {turn_id}", outcome="answered",
                answer="because", tool_calls=[], runbooks=[], steps=1, latency_ms=10, created_at=now,
            ))
    sign_in(api.client, api.keys[Role.admin])
    for page, demo, real in (("/showcase/builder", "intent by-demo", "intent by-ana"), ("/showcase/chatops", "question asked-by-demo", "question asked-by-olga")):
        html = api.client.get(page, headers=HTML).text
        cards = {text: card for card in html.split('<div class="card">')[1:] for text in (demo, real) if text in card}
        assert LABEL in cards[demo] and LABEL not in cards[real], page

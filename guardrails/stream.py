"""Screening a streamed answer: text is released in segments, each screened before it is sent.

A token stream cannot be screened whole without losing the point of streaming, and it cannot be
screened token by token (a key arrives in pieces). So text is held until a segment boundary (a
line or sentence end, or a long run without one), screened, and released, redacted where the
policy says; a private-key block is held until it closes. When a segment is blocked nothing
more is released and the caller ends the stream (OpenAI's ``finish_reason: content_filter``).
"""

from __future__ import annotations

import re

from guardrails.policy import Action, Stage
from guardrails.screen import Decision, Guardrails, Screening

BOUNDARY = re.compile(r"(?:\n|[.!?。！？](?=\s))")
MAX_HELD = 200  # characters held without a boundary before cutting at a space
MAX_KEY_BLOCK = 8000
_SEVERITY = {None: 0, Action.log: 1, Action.flag: 2, Action.redact: 3, Action.block: 4}


def _rank(decision: Decision) -> tuple[int, float]:
    return _SEVERITY[decision.action], decision.score


class StreamScreen:
    """Feed it the streamed pieces of one answer; it returns what may be sent now."""

    def __init__(self, guardrails: Guardrails, surface: str) -> None:
        self.guardrails = guardrails
        self.surface = surface
        self.pending = ""
        self.released = ""  # everything sent so far, as sent
        self.segments: list[Screening] = []

    @property
    def blocked(self) -> Decision | None:
        return next((s.blocked for s in self.segments if s.blocked), None)

    def feed(self, piece: str) -> str:
        if self.blocked:
            return ""
        self.pending += piece
        cut = self._cut()
        return self._release(cut) if cut else ""

    def flush(self) -> str:
        """The rest, at the end of the stream."""
        return "" if self.blocked or not self.pending else self._release(len(self.pending))

    def screening(self) -> Screening:
        """All segments as one screening (per check: the highest score and the action taken), for the records."""
        merged: dict[str, Decision] = {}
        for segment in self.segments:
            for d in segment.decisions:
                if d.check not in merged or _rank(d) > _rank(merged[d.check]):
                    merged[d.check] = d
        version = self.guardrails.policy.version
        return Screening(self.surface, Stage.output, "", version, list(merged.values()))

    def _cut(self) -> int:
        text = self.pending
        opened = text.rfind("-----BEGIN")
        if opened != -1 and "-----END" not in text[opened:] and len(text) < MAX_KEY_BLOCK:
            return 0
        ends = [m.end() for m in BOUNDARY.finditer(text)]
        if ends:
            return ends[-1]
        if len(text) > MAX_HELD:
            space = text.rfind(" ")
            return space + 1 if space > 0 else len(text)
        return 0

    def _release(self, cut: int) -> str:
        segment, self.pending = self.pending[:cut], self.pending[cut:]
        screening = self.guardrails.screen(self.surface, Stage.output, segment)
        self.segments.append(screening)
        text = "" if screening.blocked else screening.text
        self.released += text
        return text

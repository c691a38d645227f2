"""What a question asks for, read by code: a change of state, an escalation, the names it
mentions. A 135M model asked to choose a tool picked the same one for five different
questions, so whether the agent proposes a state change never rests on the model."""

from __future__ import annotations

import re

CHANGE = re.compile(r"\b(clear|wipe|flush|purge|invalidate|reset|rebuild|re-?embed|re-?index|restart|reboot|evict)\b", re.IGNORECASE)
ESCALATE = re.compile(r"\b(escalate|page (?:the|whoever|someone|them)|open an incident|hand (?:this|it) (?:over|to))\b", re.IGNORECASE)
QUESTION_OPENERS = re.compile(r"^\s*(do|does|should|shall|can i|could i|is|are|would|will|when|why|how|what|who)\b", re.IGNORECASE)
GENERIC_TOKENS = {"index", "cache", "service", "server", "feed", "pipeline"}
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def asks_for_change(question: str) -> bool:
    """A sentence that tells us to change something ("Please clear the report cache."),
    not one that asks about a change ("Why did the hit ratio drop after the reset?")."""
    return any(CHANGE.search(s) and not _is_query(s) for s in _sentences(question))


def asks_to_escalate(question: str) -> bool:
    """An instruction to escalate; "Do I need to page someone?" is a question, not one."""
    return any(ESCALATE.search(s) and not _is_query(s) for s in _sentences(question))


def _is_query(sentence: str) -> bool:
    """A question about something; "Can you clear ...?" is a polite instruction, not a query."""
    polite = re.match(r"^\s*(can|could|would|will) you\b", sentence, re.IGNORECASE)
    return not polite and (sentence.rstrip().endswith("?") and bool(QUESTION_OPENERS.match(sentence)))


def named(question: str, name: str) -> bool:
    """Whether the question names ``name`` (`strategy-catalogue-index` in "the strategy catalogue
    index", `reports` in "the report cache"): each distinctive word of the name, singular,
    starts a word of the question."""
    words = re.findall(r"[a-z0-9]+", question.lower())
    tokens = [t.removesuffix("s") for t in re.findall(r"[a-z0-9]+", name.lower()) if t not in GENERIC_TOKENS] or [name.lower()]
    return name.lower() in question.lower() or all(any(word.startswith(token) for word in words) for token in tokens)


def identifiers(question: str) -> list[str]:
    """Hyphenated ids in the question (`eq-us-ma-crossover`), in order, once each."""
    return list(dict.fromkeys(IDENTIFIER.findall(question.lower())))

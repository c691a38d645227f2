"""Secrets and personal data found in text, and the text with them replaced.

Used twice: on what a feature returns (a ChatOps tool output can carry a database URL with its
password) and on everything logged or stored (prompts, answers, log lines). Patterns aim at
shapes that are secrets with near certainty (a known key prefix, a labelled password, a card
number that passes Luhn, an IBAN whose check digits hold), so that order ids, ISINs, commit
hashes and request ids pass untouched. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

SecretKind = Literal["api_key", "token", "password", "private_key", "email", "account_number", "card_number"]
SECRET_KINDS: tuple[SecretKind, ...] = ("api_key", "token", "password", "private_key", "email", "account_number", "card_number")


@dataclass(frozen=True)
class SecretMatch:
    kind: SecretKind
    start: int
    end: int


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


_PLACEHOLDERS = {"password", "pass", "passwd", "pwd", "secret", "none", "null", "redacted", "changeme", "xxx", "xxxx", "****"}


def _placeholder(value: str) -> bool:
    """``<your-password>``, ``${PG_PASSWORD}``, ``PASSWORD``, ``****``: documentation, not a secret."""
    return value.startswith(("<", "$", "{", "*", "%")) or value.lower().strip("'\"") in _PLACEHOLDERS or set(value) <= {"x", "X", "*", "."}


def _card(match: re.Match[str]) -> bool:
    digits = re.sub(r"\D", "", match.group(0))
    return 13 <= len(digits) <= 19 and _luhn(digits)


def _iban(match: re.Match[str]) -> bool:
    compact = re.sub(r"\s", "", match.group(0)).upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


# (kind, pattern, group holding the secret (0: whole match), extra validation)
_Rule = tuple[SecretKind, re.Pattern[str], int, Callable[[re.Match[str]], bool] | None]
_RULES: tuple[_Rule, ...] = (
    ("private_key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:.*?-----END [A-Z ]*PRIVATE KEY-----|[^\n]*)", re.S), 0, None),
    ("api_key", re.compile(r"\bisk_[A-Za-z0-9_-]{40,}"), 0, None),
    ("api_key", re.compile(r"\bsk-(?:proj-|live-|test-)?[A-Za-z0-9_-]{20,}"), 0, lambda m: len(set(m.group(0)[3:])) > 4),
    ("api_key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), 0, None),
    ("api_key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"), 0, None),
    ("token", re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{30,}"), 0, None),
    ("token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0, None),
    ("token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}"), 0, None),
    ("token", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), 0, None),
    ("token", re.compile(r"\b[Bb]earer\s+([A-Za-z0-9._~+/=-]{16,})"), 1, None),
    ("token", re.compile(r"[?&](?:token|access_token|auth|api_key|apikey|key|secret|sig|signature)=([A-Za-z0-9._~+/%-]{12,})", re.I), 1, None),
    ("password", re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]*:([^\s@/]+)@", re.I), 1, lambda m: not _placeholder(m.group(1))),
    ("password", re.compile(r"(?:\bredis-cli\b[^\n]*?\s-a|--password[= ]|\bmysql\b[^\n]*?\s-p)\s*['\"]?([^\s'\"]{4,})"), 1, lambda m: not _placeholder(m.group(1))),
    (
        "password",
        re.compile(
            r"(?:\b[a-z0-9_]*(?:password|passwd|secret)[a-z0-9_]*|\bpwd)\b[\"']?\s*(?:[:=]|\bis\b)\s*[\"']?([^\s\"',;]{4,})",
            re.I,
        ),
        1,
        lambda m: not _placeholder(m.group(1)),
    ),
    ("password", re.compile(r"(?:비밀번호|암호)\s*(?:[:=]|는|은)?\s*[\"']?([^\s\"',;]{4,})"), 1, lambda m: not _placeholder(m.group(1))),
    ("email", re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b(?!:)"), 0, None),  # not git@host:repo
    ("account_number", re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b"), 0, _iban),
    (
        "account_number",
        re.compile(r"(?:\b(?:account|acct|a/c)\s*(?:no\.?|number|num|#)?|계좌(?:번호)?)\s*[:#]?\s*(\d[\d -]{5,}\d)", re.I),
        1,
        None,
    ),
    ("card_number", re.compile(r"\b\d(?:[ -]?\d){12,18}\b"), 0, _card),
)


def find_secrets(text: str) -> list[SecretMatch]:
    """Every secret in ``text``, left to right, overlapping matches merged into the first found."""
    found: list[SecretMatch] = []
    for kind, pattern, group, valid in _RULES:
        for match in pattern.finditer(text):
            if valid is not None and not valid(match):
                continue
            start, end = match.span(group)
            if not any(start < other.end and other.start < end for other in found):
                found.append(SecretMatch(kind, start, end))
    return sorted(found, key=lambda m: m.start)


def redact(text: str) -> tuple[str, list[SecretKind]]:
    """``text`` with each secret replaced by ``[REDACTED:<kind>]``, and the kinds replaced."""
    matches = find_secrets(text)
    if not matches:
        return text, []
    parts: list[str] = []
    cursor = 0
    for match in matches:
        parts.append(text[cursor:match.start])
        parts.append(f"[REDACTED:{match.kind}]")
        cursor = match.end
    parts.append(text[cursor:])
    return "".join(parts), list(dict.fromkeys(match.kind for match in matches))


def redact_text(text: str) -> str:
    """`redact` without the kinds: for log processors and stored excerpts."""
    return redact(text)[0] if text else text

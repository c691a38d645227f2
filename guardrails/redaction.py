"""Secrets and personal data found in text, and the text with them replaced.

Used twice: on what a feature returns (a ChatOps tool output can carry a database URL with its
password) and on everything logged or stored (prompts, answers, log lines). Patterns aim at
shapes that are secrets with near certainty (a known key prefix, a labelled password, a card
number with an issuer's prefix and length that passes Luhn, an IBAN with its country's length
whose check digits hold), so that order ids, timestamps, ISINs, commit hashes and request ids
pass untouched. Pure functions; no I/O.
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


# Issuer prefixes (IIN ranges) and the lengths their cards have: one Luhn digit alone passes one
# random number in ten, so 13-digit epoch-millisecond timestamps and order ids would be "cards".
# (lowest prefix, highest prefix, card lengths); prefixes compare on as many leading digits as they have.
_CARD_ISSUERS: tuple[tuple[int, int, range | tuple[int, ...]], ...] = (
    (4, 4, (13, 16, 19)),  # Visa
    (51, 55, (16,)), (2221, 2720, (16,)),  # Mastercard
    (34, 34, (15,)), (37, 37, (15,)),  # American Express
    (6011, 6011, range(16, 20)), (65, 65, range(16, 20)), (644, 649, range(16, 20)),  # Discover
    (3528, 3589, range(16, 20)),  # JCB
    (300, 305, range(14, 20)), (36, 36, range(14, 20)), (38, 38, range(14, 20)),  # Diners Club
    (62, 62, range(16, 20)),  # UnionPay
)
# ISO 13616 IBAN length per country (SWIFT IBAN registry): an ISIN (12 characters) or any other
# "two letters, two digits, more" code whose check digits happen to hold is not an IBAN.
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29, "BY": 28,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
    "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29,
    "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}


def _card_issuer_known(digits: str) -> bool:
    return any(
        len(digits) in lengths and low <= int(digits[:len(str(low))]) <= high
        for low, high, lengths in _CARD_ISSUERS
    )


def _card(match: re.Match[str]) -> bool:
    """A card number: an issuer's prefix and length, and the Luhn check digit."""
    digits = re.sub(r"\D", "", match.group(0))
    return _card_issuer_known(digits) and _luhn(digits)


def _iban(match: re.Match[str]) -> bool:
    """An IBAN: a country that issues them, that country's length, and mod-97 check digits."""
    compact = re.sub(r"\s", "", match.group(0)).upper()
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
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
    # A Korean bank account: the bank's name, then a dashed number (110-123-456789); masked ones have no digits to match.
    ("account_number", re.compile(r"(?:신한|국민|KB|우리|하나|농협|NH|기업|IBK|카카오뱅크|토스뱅크|케이뱅크|SC제일|씨티|새마을금고|우체국|수협|부산|대구|광주|경남)(?:은행)?\s*[:]?\s*(\d{2,6}-\d{2,6}-\d{2,7}(?:-\d{1,3})?)\b"), 1, None),
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

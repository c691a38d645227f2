"""Secrets and personal data are replaced; identifiers that only look like secrets are not."""

from __future__ import annotations

import random

import pytest

from guardrails.redaction import find_secrets, redact

KEY = "isk_" + "Ab3_dE-9" * 5 + "xyz"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"my key is {KEY}", "api_key"),
        ("export OPENAI_API_KEY=sk-proj-4fG7hJ2kL9mN3pQ8rS1tV6wX", "api_key"),
        ("aws AKIAIOSFODNN7EXAMPLE in the config", "api_key"),
        ("token ghp_16C7e42F292c6912E7710c838347Ae178B4a", "token"),
        ("slack xoxb-1234567890-abcdefghij", "token"),
        ("curl -H 'Authorization: Bearer abcdefghijklmnop1234'", "token"),
        ("wss://md.vendor.com/stream?token=OcZ6fQ2pLx9Rt7Yv", "token"),
        ("postgresql://app:s3cr3t@db:5432/x", "password"),
        ("redis://:Cache-Pa55w0rd!@cache-01:6379/0", "password"),
        ("docker run -e POSTGRES_PASSWORD=TickData#2024x", "password"),
        ("비밀번호 Rk!2024-seoul 입니다", "password"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "private_key"),
        ("mail ops.lead@firm.example.com today", "email"),
        ("IBAN DE89 3704 0044 0532 0130 00", "account_number"),
        ("account number: 12345678", "account_number"),
        ("card 4111-1111-1111-1111", "card_number"),
    ],
)
def test_secrets_are_redacted(text: str, kind: str) -> None:
    redacted, kinds = redact(text)
    assert kinds == [kind]
    assert f"[REDACTED:{kind}]" in redacted


@pytest.mark.parametrize(
    "text",
    [
        "ISIN US0378331005 and CUSIP 037833100",
        "commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
        "request 3f2b8c1e-7d4a-4e1b-9c3d-2a5b6c7d8e9f",
        "order id 4111111111111112 failed",  # fails Luhn
        "postgresql://USER:PASSWORD@HOST:5432/DBNAME",
        "set PGPASSWORD=${PG_PASSWORD} first",
        "use the placeholder sk-XXXXXXXXXXXXXXXXXXXX",
        "git remote git@github.com:insightstack/strategies.git",
        "ping @channel about the user@ prefix",
    ],
)
def test_lookalikes_pass(text: str) -> None:
    assert find_secrets(text) == []


def test_several_secrets_keep_the_text_between() -> None:
    redacted, kinds = redact(f"a {KEY} b a.b@firm.com c")
    assert redacted == "a [REDACTED:api_key] b [REDACTED:email] c"
    assert kinds == ["api_key", "email"]


# --- generated look-alikes (issue 18, item 20) -----------------------------------------------------

ISIN_COUNTRIES = ("US", "GB", "DE", "FR", "JP", "CH", "NL", "IE", "LU", "KR", "CA", "AU", "XS", "IT", "ES", "SE")
IBAN_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "CH": 21, "IT": 27, "ES": 24, "BE": 16, "NO": 15, "PL": 28, "SE": 24, "MT": 31}
CARD_PREFIXES = {"4": 16, "51": 16, "55": 16, "2221": 16, "2720": 16, "34": 15, "37": 15, "6011": 16, "65": 16, "644": 16, "3528": 16, "3589": 16, "300": 14, "36": 14, "38": 14, "62": 16}
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def luhn_digit(digits: str) -> str:
    """The check digit that makes ``digits`` + it pass Luhn (the rule ISINs and cards share)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (1 if position % 2 else 2)
        total += value - 9 if value > 9 else value
    return str(-total % 10)


def isin(rng: random.Random) -> str:
    """A valid ISIN; its national part mostly digits, as CUSIPs and SEDOLs are."""
    body = rng.choice(ISIN_COUNTRIES) + "".join(rng.choice(ALNUM[:10] if rng.random() < 0.9 else ALNUM[10:]) for _ in range(9))
    return body + luhn_digit("".join(str(int(char, 36)) for char in body))


def iban(rng: random.Random, country: str) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(IBAN_LENGTHS[country] - 4))
    check = 98 - int("".join(str(int(char, 36)) for char in bban + country + "00")) % 97
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4)) if rng.random() < 0.5 else compact


def card(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    number = body + luhn_digit(body)
    separator = rng.choice(["", " ", "-"])
    return separator.join(number[i:i + 4] for i in range(0, len(number), 4))


def test_generated_isins_are_not_ibans() -> None:
    rng = random.Random(18)
    redacted = [code for code in (isin(rng) for _ in range(5000)) if find_secrets(f"bought {code} at the open")]
    assert redacted == []


def test_epoch_millisecond_timestamps_are_not_card_numbers() -> None:
    rng = random.Random(20)
    stamps = [rng.randrange(978_307_200_000, 1_893_456_000_000) for _ in range(5000)]  # 2001-2030, 13 digits
    redacted = [stamp for stamp in stamps if find_secrets(f'{{"ts": {stamp}, "event": "fill"}}')]
    assert redacted == []


def test_real_shaped_ibans_and_cards_are_still_redacted() -> None:
    rng = random.Random(2026)
    for country in IBAN_LENGTHS:
        for _ in range(20):
            value = iban(rng, country)
            assert redact(f"pay to {value} today")[1] == ["account_number"], value
    for prefix, length in CARD_PREFIXES.items():
        for _ in range(20):
            value = card(rng, prefix, length)
            assert redact(f"card {value} on file")[1] == ["card_number"], value


@pytest.mark.parametrize("text", ["IBAN XX46 3704 0044 0532 0130 00", "IBAN DE86 3704 0044 0532 0130", "card 9111 1111 1111 1110", "id 111111111111111114"])
def test_a_right_check_digit_alone_is_not_enough(text: str) -> None:
    """Check digits that hold on an unknown country, on a German IBAN two digits short, on
    numbers no card issuer uses."""
    assert find_secrets(text) == []

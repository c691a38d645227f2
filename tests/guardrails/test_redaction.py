"""Secrets and personal data are replaced; identifiers that only look like secrets are not."""

from __future__ import annotations

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

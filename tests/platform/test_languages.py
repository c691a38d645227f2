"""Which language a client asks for (pure)."""

from __future__ import annotations

import pytest

from services.platform.languages import preferred


@pytest.mark.parametrize(("header", "lang"), [
    ("ko-KR,ko;q=0.9,en;q=0.8", "ko"), ("en-US,en;q=0.9,ko;q=0.8", "en"), ("fr-FR, ko;q=0.5", "ko"), ("de, fr", "en"),
    ("en;q=0.2, ko;q=0.7", "ko"), ("ko;q=0", "en"), ("ko;q=abc", "en"), (None, "en"), ("", "en"),
])
def test_the_first_supported_language_of_accept_language_by_quality(header: str | None, lang: str) -> None:
    assert preferred(header) == lang

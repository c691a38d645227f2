"""The language a browser or API client asks for: `?lang=` first, then `Accept-Language`.

Reports and the showcase are written in English and Korean (issue 20); anything else is English.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Header, Query

Lang = Literal["en", "ko"]
SUPPORTED: tuple[Lang, ...] = ("en", "ko")


def preferred(accept_language: str | None) -> Lang:
    """The first language of `Accept-Language` (by quality, then order) that is supported."""
    ranked = []
    for n, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((-weight, n, tag.split("-")[0].strip().lower()))
    return next((tag for weight, _, tag in sorted(ranked) if weight < 0 and tag in SUPPORTED), "en")  # type: ignore[return-value]


def request_lang(
    lang: Annotated[Lang | None, Query(description="The language; default: the first of en/ko in Accept-Language, else en.")] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> Lang:
    return lang or preferred(accept_language)


LangDep = Annotated[Lang, Depends(request_lang)]

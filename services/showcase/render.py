"""Jinja2 rendering of the browser pages, for the server and for the static export alike.

Pages link to each other through ``link(name, id=None)``: server paths when served, relative
file names when written to `var/showcase/`, so one set of templates serves both. Charts are the
report page's inline SVG bars (``bar_chart(bars, aria_label=..., ...)`` in a template).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from services.platform.languages import Lang
from services.reports.render import bar_chart
from services.showcase.words import named, words

Link = Callable[..., str]
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=jinja2.select_autoescape(["html", "jinja"])
)
_TEMPLATES.globals["bar_chart"] = lambda *args, **kwargs: Markup(bar_chart(*args, **kwargs))  # drawn from escaped labels and numbers
SERVER_PATHS = {
    "index": "/showcase", "builder": "/showcase/builder", "chatops": "/showcase/chatops", "quality": "/showcase/quality", "report": "/backtests/{id}/report.html",
}
FILE_PATHS = {"index": "index.html", "builder": "builder.html", "chatops": "chatops.html", "quality": "quality.html", "report": "reports/{id}.html"}


def linker(paths: dict[str, str]) -> Link:
    def link(name: str, id: str | None = None) -> str:  # noqa: A002 (the templates' word)
        return paths[name].format(id=id)

    return link


def page(template: str, *, link: Link = linker(SERVER_PATHS), lang: Lang = "en", **context: Any) -> str:
    """A page in ``lang``: its words, and links (the navigation, a report) that stay in that language."""
    def in_lang(name: str, id: str | None = None) -> str:  # noqa: A002 (the templates' word)
        return link(name, id) + ("" if lang == "en" else f"?lang={lang}")

    return _TEMPLATES.get_template(template).render(link=in_lang, lang=lang, t=words(lang), named=lambda value: named(value, lang), **context)

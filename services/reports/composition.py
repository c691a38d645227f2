"""A report as shown: code's insight statements in every section, the model's prose after them
only where it is prose worth showing.

SmolLM2-135M repeated one line in 6 of 8 sections and wrote headlines that restated nothing;
such prose is left out, the statements stand, and the report says which prose was left out and
why (`withheld`). The key insights the model picked lead the executive summary in its order.
A Korean report states the Korean statements, and the model's prose only where it is Korean
(the 135M model writes English: its prose is then withheld and the Korean statements stand).
"""

from __future__ import annotations

import re
from typing import Any

from retrieval.korean import language_of
from services.reports.insights import Insight
from services.reports.narrative import LIST_SECTIONS, SECTIONS

SUMMARY_INSIGHTS = 3
NO_VALID_ANSWER = "the model gave no valid answer"
MIN_REPEAT_WORDS = 3  # shorter fragments ("however,") may recur in good prose
# Letters of a script no report is written in (Hebrew, Greek, CJK ideographs, box drawing...): a small
# model's word salad ("... huntsoz famed café:πο([[", "████eroids ... 杲") shows them; Latin and Hangul do not count.
STRAY_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u2500-\u259f\u3040-\u30ff\u4e00-\u9fff\uf900-\ufaff]")
STOPWORDS = {"the", "a", "an", "and", "of", "in", "on", "for", "to", "vs", "versus", "with", "this", "strategy", "report", "backtest", "s"}


def compose(model: dict[str, Any] | None, found: list[Insight], strategy: str, lang: str = "en") -> dict[str, Any]:
    """The stored narrative in ``lang``: every section the statements that belong to it, then
    the model's prose for it if usable; `key_insights` the ids that lead the summary, `withheld`
    the prose left out (field -> reason). Placeholders stay for code to fill. ``model`` None: the
    model gave no valid answer, and the statements stand alone (the facts never needed it)."""
    if model is None:
        model = {**{name: "" for name in SECTIONS}, **{name: [] for name in LIST_SECTIONS}}
        withheld = {key: NO_VALID_ANSWER for key, _ in _prose(model)}
    else:
        vocabulary = set(_words(" ".join([strategy, *(i.said(lang) for i in found)]))) - STOPWORDS
        withheld = degenerate(model, vocabulary)
    if lang != "en":
        withheld |= {key: "not in the report's language" for key, text in _prose(model) if key not in withheld and language_of(text) != lang}
    by_id = {insight.id: insight for insight in found}
    picked = [i for i in model.get("key_insights", []) if i in by_id]
    lead = list(dict.fromkeys(picked or [i.id for i in found if i.has_figures]))[:SUMMARY_INSIGHTS]
    out: dict[str, Any] = {key: value for key, value in model.items() if key not in SECTIONS and key not in LIST_SECTIONS}
    out["headline"] = model["headline"] if "headline" not in withheld else f"{strategy}: {'백테스트 리포트' if lang == 'ko' else 'backtest report'}"
    out["executive_summary"] = _join([by_id[i].said(lang) for i in lead], model, "executive_summary", withheld)
    for section in SECTIONS:
        if section not in ("headline", "executive_summary"):
            out[section] = _join([i.said(lang) for i in found if i.section == section], model, section, withheld)
    for section in LIST_SECTIONS:
        out[section] = [item for n, item in enumerate(model[section]) if f"{section}.{n}" not in withheld]
    out["key_insights"], out["withheld"], out["lang"] = lead, withheld, lang
    return out


def _prose(model: dict[str, Any]) -> list[tuple[str, str]]:
    """(field key, text) of every prose field the model wrote, list items as `section.n`."""
    return [(name, model[name]) for name in SECTIONS] + [(f"{name}.{n}", item) for name in LIST_SECTIONS for n, item in enumerate(model[name])]


def _join(statements: list[str], model: dict[str, Any], field: str, withheld: dict[str, str]) -> str:
    prose = [] if field in withheld else [model[field].strip()]
    return " ".join([*statements, *prose])


def degenerate(model: dict[str, Any], vocabulary: set[str] | None = None) -> dict[str, str]:
    """Prose fields not worth showing as the model's, with the reason: empty, restating the
    section's title, a sentence another field already said (the first saying stays), a
    headline that shares no word with the strategy and its insights (``vocabulary``; SmolLM2
    headlined one report "GRAVEL MADE OF DEATH"), or word salad in a script no report uses."""
    titles = {name: title for name, (title, _limit) in SECTIONS.items()} | {name: title for name, (title, _i, _l) in LIST_SECTIONS.items()}
    fields = [(key, key.split(".")[0], text) for key, text in _prose(model)]
    seen: set[str] = set()
    reasons: dict[str, str] = {}
    for key, section, text in fields:
        words = _words(text)
        sentences = [" ".join(_words(s)) for s in re.split(r"(?<=[.!?;,])\s+|\n+", text) if len(_words(s)) >= MIN_REPEAT_WORDS]
        if not words:
            reasons[key] = "empty"
        elif set(words) <= set(_words(titles[section])) | STOPWORDS:
            reasons[key] = "restates its title"
        elif len(set(sentences)) < len(sentences) or any(s in seen for s in sentences):
            reasons[key] = "repeats a sentence"
        elif key == "headline" and vocabulary is not None and not set(words) & vocabulary:
            reasons[key] = "says nothing about this backtest"
        elif STRAY_SCRIPT.search(text):
            reasons[key] = "mixes scripts"
        seen.update(sentences)
    return reasons


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", re.sub(r"\{[^}]*\}", " ", text.lower()))

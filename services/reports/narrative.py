"""The model's part of a report, as a Pydantic type built per backtest.

Numbers come from code, prose from the model: every prose field is constrained to text without
digits, in which the model cites a figure only as a placeholder such as ``{cagr}`` or
``{bear.total_return}``, chosen from the figures this backtest actually has. Code then fills the
placeholders with the stored, formatted values. Where the schema asks the model to pick a
regime or a metric, the choices are the stored ones. The model cannot write a wrong number.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

SCHEMA_VERSION = "2"  # 2: code-stated insights in every section, key_insights, withheld prose
PLACEHOLDER = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)?)\}")
SECTIONS: dict[str, tuple[str, int]] = {
    "headline": ("Headline", 100),
    "executive_summary": ("Executive summary", 300),
    "performance_vs_benchmark": ("Performance vs benchmark", 160),
    "risk": ("Risk", 160),
    "regime_analysis": ("Regime analysis", 160),
    "signal_insights": ("Signal insights", 160),
    "anomalies": ("Anomalies", 160),
}
MAX_KEY_INSIGHTS = 4
LIST_SECTIONS: dict[str, tuple[str, int, int]] = {
    "recommendations": ("Recommendations", 3, 120),
    "caveats": ("Caveats", 2, 120),
}


def _digit_ranges() -> str:
    """Every Unicode decimal digit (category Nd) as `\\uXXXX`/`\\UXXXXXXXX` ranges, not only 0-9:
    a random model once wrote an N'Ko digit, and a figure in any script is one the store did not
    supply. Spelled as ranges because `\\p{Nd}` is not in the regex dialect that Python's `re`
    (the JSON-schema check) reads, while these escapes are read alike by `re`, pydantic and guidance."""
    digits = [code for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Nd"]
    ranges: list[tuple[int, int]] = []
    for code in digits:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))

    def escape(code: int) -> str:
        return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"

    return "".join(escape(low) if low == high else f"{escape(low)}-{escape(high)}" for low, high in ranges)


_DECIMAL_DIGITS = _digit_ranges()


def prose_pattern(placeholders: list[str]) -> str:
    """Text with no digits and no braces except around a known placeholder (none: no braces)."""
    text = rf"[^{_DECIMAL_DIGITS}{{}}\\]"
    if not placeholders:
        return rf"^{text}*$"
    names = "|".join(re.escape(name) for name in sorted(placeholders, key=len, reverse=True))
    return rf"^(?:{text}|\{{(?:{names})\}})*$"


def narrative_type(placeholders: list[str], regimes: list[str], metrics: list[str], insight_ids: list[str] | None = None) -> type[BaseModel]:
    """The output type for one backtest: its placeholders, its regimes, its metrics, and the ids
    of the insight statements code derived (`key_insights`: the model picks and orders them
    right after the headline, before it writes the sections' connecting prose).

    A backtest may have no KPIs or regimes at all (every KPI is optional): the fields that
    choose among them are then left out, since an empty `Literal` is no type (pydantic asserts),
    and the report is written from what there is."""
    pattern = prose_pattern(placeholders)
    fields: dict[str, Any] = {
        name: (str, Field(min_length=1, max_length=limit, pattern=pattern, description=title))
        for name, (title, limit) in SECTIONS.items()
    }
    if insight_ids:
        chosen = (list[Literal[tuple(insight_ids)]], Field(min_length=1, max_length=MAX_KEY_INSIGHTS, description="Key insights, most important first"))  # type: ignore[valid-type]
        fields = {"headline": fields.pop("headline"), "key_insights": chosen, **fields}
    for name, (title, items, limit) in LIST_SECTIONS.items():
        item = Annotated[str, Field(min_length=1, max_length=limit, pattern=pattern)]
        fields[name] = (list[item], Field(min_length=1, max_length=items, description=title))  # type: ignore[valid-type]
    if regimes:
        fields["best_regime"] = (Literal[tuple(regimes)] | None, None)  # type: ignore[valid-type]
    if metrics:
        fields["highlighted_metrics"] = (list[Literal[tuple(metrics)]], Field(min_length=1, max_length=4))  # type: ignore[valid-type, misc]
    return create_model("NarrativeReport", __config__=ConfigDict(extra="forbid"), **fields)


def fill(text: str, figures: dict[str, str]) -> str:
    """Replace each placeholder with its stored, formatted figure."""
    return PLACEHOLDER.sub(lambda match: figures.get(match.group(1), match.group(0)), text)


def render_text(narrative: dict[str, Any], figures: dict[str, str]) -> str:
    """The narrative as plain text with figures filled in (what the fact checker reads)."""
    parts = [fill(narrative[name], figures) for name in SECTIONS]
    for name in LIST_SECTIONS:
        parts += [fill(item, figures) for item in narrative[name]]
    return "\n".join(part.strip() for part in parts if part.strip())


def section_titles() -> dict[str, str]:
    return {name: title for name, (title, _limit) in SECTIONS.items()} | {name: title for name, (title, _i, _l) in LIST_SECTIONS.items()}

"""Reports as Markdown and as a self-contained HTML page (inline CSS and SVG, nothing fetched).

The KPI table and the charts (equity and drawdown, regime timeline, return per regime) are drawn
from the stored figures; only the prose is the model's, with each checked claim marked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from services.reports.labels import kpi_labels, section_titles, words
from services.reports.narrative import LIST_SECTIONS, SECTIONS, fill
from services.reports.schemas import BacktestIn, ReportOut

CLAIM_LABELS = {"supported": "verified", "contradicted": "contradicted", "unverifiable": "unverifiable"}
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=jinja2.select_autoescape(["html", "jinja"])
)


def _sections(report: ReportOut) -> list[tuple[str, str | list[str]]]:
    """Section title (in the report's language) and filled text (or items), in reading order."""
    titles = section_titles(report.lang)
    out: list[tuple[str, str | list[str]]] = [(titles[name], fill(report.narrative[name], report.figures)) for name in SECTIONS if name != "headline"]
    out += [(titles[name], [fill(item, report.figures) for item in report.narrative[name]]) for name in LIST_SECTIONS]
    return out


def _kpi_rows(report: ReportOut) -> list[tuple[str, str]]:
    return [(label, report.figures[name]) for name, label in kpi_labels(report.lang).items() if name in report.figures]


def markdown(report: ReportOut, backtest: BacktestIn) -> str:
    t = words(report.lang)
    lines = [
        f"# {fill(report.narrative['headline'], report.figures)}",
        "",
        f"*{backtest.strategy.name}* · {backtest.period.start} {t['to']} {backtest.period.end} · {t['status']} **{t[report.status]}**"
        f"{' (' + t['stale'] + ')' if report.stale else ''} · {t['prompt']} {report.prompt_id}@{report.prompt_version} · {t['model']} {report.model}",
        "",
        f"| {t['kpi']} | {t['value']} |",
        "|---|---|",
        *[f"| {label} | {value} |" for label, value in _kpi_rows(report)],
        "",
    ]
    for title, body in _sections(report):
        lines += [f"## {title}", ""]
        lines += [f"- {item}" for item in body] if isinstance(body, list) else [body]
        lines.append("")
    if note := withheld_note(report):
        lines += [f"*{note}*", ""]
    lines += [f"## {t['fact_check']}: {t[report.factcheck.verdict]}", ""]
    lines += [f"- **{t[f.status]}** ({f.metric or t['claim']}, {f.entity}): {f.claim} {f.note}".rstrip() for f in report.factcheck.findings]
    return "\n".join(lines).rstrip() + "\n"


def html(report: ReportOut, backtest: BacktestIn) -> str:
    return _TEMPLATES.get_template("report.html.jinja").render(
        report=report,
        backtest=backtest,
        t=words(report.lang),
        headline=fill(report.narrative["headline"], report.figures),
        sections=[(title, _marked(body, report)) for title, body in _sections(report)],
        withheld=withheld_note(report),
        kpis=_kpi_rows(report),
        chart=regime_chart(backtest),
        equity=equity_chart(backtest),
        timeline=regime_timeline(backtest),
    )


def withheld_note(report: ReportOut) -> str:
    """Which of the model's prose was left out and why; the sections then hold code's statements."""
    withheld = report.narrative.get("withheld") or {}
    if not withheld:
        return ""
    return words(report.lang)["withheld"].format(fields="; ".join(f"{field} ({reason})" for field, reason in sorted(withheld.items())))


def _marked(body: str | list[str], report: ReportOut) -> Markup | list[Markup]:
    """The text with each checked claim highlighted as verified, contradicted or unverifiable."""
    if isinstance(body, list):
        return [mark_claims(item, report) for item in body]
    return mark_claims(body, report)


def mark_claims(text: str, report: ReportOut) -> Markup:
    findings = {finding.claim: finding for finding in report.factcheck.findings if finding.claim}
    if not findings:
        return escape(text)
    pattern = re.compile("|".join(re.escape(claim) for claim in sorted(findings, key=len, reverse=True)))
    out, last = Markup(), 0
    for match in pattern.finditer(text):
        finding = findings[match.group(0)]
        label = CLAIM_LABELS[finding.status]
        out += escape(text[last:match.start()])
        out += Markup('<mark class="claim {0}" title="{1}: {2}">{3}</mark>').format(label, words(report.lang)[label], finding.note or finding.metric or "", match.group(0))
        last = match.end()
    return out + escape(text[last:])


def equity_chart(backtest: BacktestIn, width: int = 720, height: int = 260) -> str:
    """Equity (normalised to 1) above its drawdown from the running peak, as inline SVG."""
    if len(backtest.equity) < 2:
        return ""
    values = [point.value / backtest.equity[0].value for point in backtest.equity]
    peaks = list(itertools.accumulate(values, max))
    drawdowns = [value / peak - 1 for value, peak in zip(values, peaks, strict=True)]
    top_h, gap, left = height * 0.62, 18, 44
    low, high = min(values), max(values)
    deepest = min(drawdowns) or -0.01
    step = (width - left) / (len(values) - 1)
    equity_points = " ".join(f"{left + i * step:.1f},{top_h - (v - low) / ((high - low) or 1) * (top_h - 8):.1f}" for i, v in enumerate(values))
    dd_top = top_h + gap
    dd_h = height - dd_top
    dd_points = " ".join(f"{left + i * step:.1f},{dd_top + d / deepest * dd_h:.1f}" for i, d in enumerate(drawdowns))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Equity curve and drawdown" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<text x="0" y="12" font-size="11">{high:.2f}x</text><text x="0" y="{top_h:.0f}" font-size="11">{low:.2f}x</text>'
        f'<polyline fill="none" stroke="#0b57d0" stroke-width="1.5" points="{equity_points}"/>'
        f'<text x="0" y="{dd_top + 10:.0f}" font-size="11">0%</text><text x="0" y="{height - 2}" font-size="11">{deepest * 100:.0f}%</text>'
        f'<polygon fill="#c62828" fill-opacity="0.35" points="{left},{dd_top:.1f} {dd_points} {width},{dd_top:.1f}"/>'
        f'<text x="{left}" y="{height - 2}" font-size="11">{backtest.equity[0].date}</text>'
        f'<text x="{width}" y="{height - 2}" font-size="11" text-anchor="end">{backtest.equity[-1].date}</text></svg>'
    )


def regime_timeline(backtest: BacktestIn, width: int = 720, height: int = 34) -> str:
    """The market regimes as coloured spans along the backtest period, as inline SVG."""
    if not backtest.regimes:
        return ""
    start, days = backtest.period.start, max((backtest.period.end - backtest.period.start).days, 1)
    colours = itertools.cycle(("#90caf9", "#ffcc80", "#a5d6a7", "#ef9a9a", "#ce93d8", "#fff59d"))
    spans = []
    for regime, colour in zip(backtest.regimes, colours):
        x = (regime.start - start).days / days * width
        w = max((regime.end - regime.start).days / days * width, 2)
        spans.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height - 14}" fill="{colour}"><title>{escape(regime.label)}: {regime.start} to {regime.end}</title></rect>'
            f'<text x="{x + 3:.1f}" y="{height - 2}" font-size="11">{escape(regime.label)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Market regime timeline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{"".join(spans)}</svg>'
    )


def regime_chart(backtest: BacktestIn, width: int = 560, bar_height: int = 26) -> str:
    """Horizontal bars of total return per regime, as inline SVG."""
    bars = [(regime.label, regime.total_return) for regime in backtest.regimes if regime.total_return is not None]
    return bar_chart(bars, aria_label="Total return per market regime", width=width, bar_height=bar_height)


def bar_chart(
    bars: Sequence[tuple[str, float]], *, aria_label: str, width: int = 560, bar_height: int = 26, label_width: int = 130, signed: bool = True,
) -> str:
    """Labelled horizontal bars with their values as percentages, as inline SVG (the showcase
    draws its charts with it too). ``signed``: the axis in the middle, green gains and red losses
    scaled to the largest; otherwise rates from 0 to 100%, the axis at the left and the full width
    100%, so a short bar always means a low rate."""
    if not bars:
        return ""
    span = width - label_width - 70
    half = span / 2 if signed else span
    largest = (max(abs(value) for _, value in bars) or 1.0) if signed else 1.0
    zero = label_width + half if signed else label_width
    height = bar_height * len(bars) + 10
    drawn = []
    for index, (label, value) in enumerate(bars):
        length = abs(value) / largest * half
        x = zero if value >= 0 else zero - length
        y = 5 + index * bar_height
        colour = ("#2e7d32" if value >= 0 else "#c62828") if signed else "#0b57d0"
        drawn.append(
            f'<text x="0" y="{y + 17}" font-size="13">{escape(label)}</text>'
            f'<rect x="{x:.1f}" y="{y + 4}" width="{max(length, 1):.1f}" height="{bar_height - 8}" fill="{colour}"/>'
            f'<text x="{zero + half + 8:.1f}" y="{y + 17}" font-size="12">{value * 100:.1f}%</text>'
        )
    axis = f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height}" stroke="#555"/>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(aria_label)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">{axis}{"".join(drawn)}</svg>'
    )

"""Reports as Markdown and as a self-contained HTML page (inline CSS and SVG, nothing fetched).

The KPI table and the chart are drawn from the stored figures; only the prose is the model's.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from services.reports.facts import LABELS
from services.reports.narrative import LIST_SECTIONS, SECTIONS, fill
from services.reports.schemas import BacktestIn, ReportOut

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=jinja2.select_autoescape(["html", "jinja"])
)


def _sections(report: ReportOut) -> list[tuple[str, str | list[str]]]:
    """Section title and filled text (or items), in reading order."""
    out: list[tuple[str, str | list[str]]] = [(title, fill(report.narrative[name], report.figures)) for name, (title, _) in SECTIONS.items() if name != "headline"]
    out += [(title, [fill(item, report.figures) for item in report.narrative[name]]) for name, (title, _i, _l) in LIST_SECTIONS.items()]
    return out


def _kpi_rows(report: ReportOut) -> list[tuple[str, str]]:
    return [(label, report.figures[name]) for name, label in LABELS.items() if name in report.figures]


def markdown(report: ReportOut, backtest: BacktestIn) -> str:
    lines = [
        f"# {fill(report.narrative['headline'], report.figures)}",
        "",
        f"*{backtest.strategy.name}* · {backtest.period.start} to {backtest.period.end} · status **{report.status}**"
        f"{' (stale)' if report.stale else ''} · prompt {report.prompt_id}@{report.prompt_version} · model {report.model}",
        "",
        "| KPI | Value |",
        "|---|---|",
        *[f"| {label} | {value} |" for label, value in _kpi_rows(report)],
        "",
    ]
    for title, body in _sections(report):
        lines += [f"## {title}", ""]
        lines += [f"- {item}" for item in body] if isinstance(body, list) else [body]
        lines.append("")
    lines += [f"## Fact check: {report.factcheck.verdict}", ""]
    lines += [f"- **{f.status}** ({f.metric or 'claim'}, {f.entity}): {f.claim} {f.note}".rstrip() for f in report.factcheck.findings]
    return "\n".join(lines).rstrip() + "\n"


def html(report: ReportOut, backtest: BacktestIn) -> str:
    return _TEMPLATES.get_template("report.html.jinja").render(
        report=report,
        backtest=backtest,
        headline=fill(report.narrative["headline"], report.figures),
        sections=_sections(report),
        kpis=_kpi_rows(report),
        chart=regime_chart(backtest),
    )


def regime_chart(backtest: BacktestIn, width: int = 560, bar_height: int = 26) -> str:
    """Horizontal bars of total return per regime, as inline SVG."""
    regimes = [r for r in backtest.regimes if r.total_return is not None]
    if not regimes:
        return ""
    largest = max(abs(r.total_return or 0) for r in regimes) or 1.0
    label_w, half = 130, (width - 130 - 70) / 2
    zero = label_w + half
    height = bar_height * len(regimes) + 10
    bars = []
    for index, regime in enumerate(regimes):
        value = regime.total_return or 0.0
        length = abs(value) / largest * half
        x = zero if value >= 0 else zero - length
        y = 5 + index * bar_height
        colour = "#2e7d32" if value >= 0 else "#c62828"
        bars.append(
            f'<text x="0" y="{y + 17}" font-size="13">{jinja2.filters.escape(regime.label)}</text>'
            f'<rect x="{x:.1f}" y="{y + 4}" width="{max(length, 1):.1f}" height="{bar_height - 8}" fill="{colour}"/>'
            f'<text x="{zero + half + 8:.1f}" y="{y + 17}" font-size="12">{value * 100:.1f}%</text>'
        )
    axis = f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height}" stroke="#555"/>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Total return per market regime" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">{axis}{"".join(bars)}</svg>'
    )

"""The fact checker's data: the stored figures a text is checked against, and what it found.

Kept apart from the checking code so that the API schemas, the report store and the checker's
parts (`guardrails.numeric_claims`, `guardrails.directional_claims`) share one definition.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["supported", "contradicted", "unverifiable"]
Verdict = Literal["verified", "contradicted", "unverifiable"]


class Drawdown(BaseModel):
    """One fall from a peak of the equity curve, to its recovery or to the end of the test."""

    depth: float = Field(description="Peak to trough, a negative fraction.")
    days: int = Field(description="From the peak to the recovery, or to the end of the test when never regained.")
    peak: date
    trough: date
    recovery: date | None = None
    end_depth: float | None = Field(default=None, description="A fall never regained: how far below its peak the curve ends (\"still 9% below that high\").")


class UnderStart(BaseModel):
    """The equity curve's points below its starting value ("원금 아래에서 마감한 주는 모두 115주",
    "89주 연속으로 1.0을 밑돌았다"): how many in all, each run of them in a row (first, last, length),
    and the curve's step in days (7 for a weekly curve), which says what one point is."""

    points: int
    runs: list[tuple[date, date, int]] = Field(default_factory=list)
    step_days: int
    total: int = Field(default=0, description="Every point of the curve (\"574주 가운데 309주\").")


class FactSheet(BaseModel):
    """The stored figures a narrative may cite (fractions for returns, rates and drawdowns)."""

    strategy: dict[str, float] = Field(default_factory=dict)
    benchmark_name: str | None = Field(default=None, description="The benchmark's symbol, e.g. SPY: text may name it instead of 'the benchmark'.")
    benchmark: dict[str, float] = Field(default_factory=dict)
    regimes: dict[str, dict[str, float]] = Field(default_factory=dict)
    signals: dict[str, dict[str, float]] = Field(default_factory=dict)
    settings: dict[str, float] = Field(default_factory=dict, description="The strategy's numeric parameters (`target_vol`, `entry_z` ...): a text that describes how it trades quotes them.")
    drawdowns: list[Drawdown] = Field(default_factory=list, description="Every drawdown of the equity curve deeper than 2%, deepest first: a text may describe one that is not the maximum.")
    levels: dict[str, float] = Field(
        default_factory=dict,
        description="The equity curve's value as a multiple of its first one at its `high`, `low` and `end` and at the `<drawdown>.peak|trough` of each dated fall: a text may tell where the book stood (\"원금의 113.5%\", \"90% of its starting capital\").",
    )
    under_start: UnderStart | None = Field(default=None, description="The curve's points below its start, when the store has a curve.")
    curve: list[tuple[date, float]] = Field(
        default_factory=list,
        description="The equity curve, each point as a multiple of the first: a text may tell where a dated week left the book or how far it moved that week (\"2020년 3월 23일 주에는 1.25% 올랐다\", \"1.345에서 1.353으로\").",
    )
    events: dict[str, date] = Field(
        default_factory=dict,
        description="When things happened, so that a date can place a figure: `start`, `end`, `regime.<label>.start|end`, `max_drawdown.peak|trough|recovery`, `drawdown.<rank>.peak|trough|recovery`, `high` (the curve's highest point), `anomaly.<n>` (each anomaly's day).",
    )

    def regime_dates(self, label: str) -> tuple[date | None, date | None]:
        """When the regime began and ended, where the store dates it."""
        return self.events.get(f"regime.{label}.start"), self.events.get(f"regime.{label}.end")


class Finding(BaseModel):
    claim: str
    kind: Literal["numeric", "directional", "none"] = Field(description="`none`: the text had no claim the checker could compare with the store, or a sentence too long to read.")
    entity: str
    metric: str | None
    claimed: float | None = None
    stored: float | None = None
    status: Status
    note: str = ""


class FactCheckResult(BaseModel):
    verdict: Verdict
    supported: int
    contradicted: int
    unverifiable: int
    findings: list[Finding]

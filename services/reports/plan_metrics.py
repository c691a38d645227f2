"""D1's part of the plan's metrics (section 7): computed from the `reports.generate` audit
entries (each carries the generation's status, claim counts and processing time),
`report_reviews` (the reviewer's 1-5 rating) and `report_requests` (one row per report request
with its cache outcome).

Why `report_requests` for the cache hit rate: the cache registry's hits and misses
(`services.platform.caches`, the `/metrics` counters) live in each API worker's memory and reset
on restart, so they cannot answer "what was the hit rate last month". The report service
records every request with ``hit``, ``miss`` or ``bypass`` (a `refresh=true` request, which does
not ask the cache) in the same transaction as the cache lookup.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.operations.metrics_summary import MetricsSection, audit_details, percentile, ratio
from services.reports.models import ReportRequest, ReportReview


class NarrativeMetrics(BaseModel):
    """D1: narrative reports."""

    reports_generated: int = Field(description="`reports.generate` audit entries in the window: every generation (first, refresh, new revision).")
    fact_check_pass_rate: float | None = Field(
        description="Share of those generations whose fact check found no contradicted and no unverifiable claim (the checker's verdict "
        "`verified`; a guardrail flag may still have sent the report to review)."
    )
    claims_checked: int = Field(description="Claims the fact checker judged in those generations (supported + contradicted + unverifiable).")
    claims_verified: int = Field(description="Of those, the claims it found supported by the stored figures.")
    factual_accuracy: float | None = Field(
        description="claims_verified / claims_checked, over the generations that recorded their claim counts."
    )
    reviews: int = Field(description="Review decisions (approve or reject) made in the window.")
    rated_reviews: int = Field(description="Of those, the ones with a rating (every review since ratings were introduced).")
    reviewer_satisfaction: float | None = Field(description="Mean rating (1-5) of the rated reviews in the window.")
    processing_ms_p50: float | None = Field(
        description="Median generation time (prompt, generation, fact check; ms) of the window's generations, nearest-rank."
    )
    processing_ms_p95: float | None = Field(description="95th percentile of the same times, nearest-rank.")
    report_requests: int = Field(description="Report requests in the window that asked the cache (`refresh=true` requests excluded).")
    cache_hits: int = Field(description="Of those, the ones the stored report answered without generating.")
    cache_hit_rate: float | None = Field(description="cache_hits / report_requests.")


def narrative_metrics(session: Session, start: datetime, end: datetime) -> NarrativeMetrics:
    generations = audit_details(session, "reports.generate", start, end)
    passed = sum(1 for d in generations if d.get("contradicted") == 0 and d.get("unverifiable") == 0)
    counted = [d for d in generations if "supported" in d]  # entries written before claim counts were recorded carry no total
    verified = sum(int(d["supported"]) for d in counted)
    checked = verified + sum(int(d.get("contradicted", 0)) + int(d.get("unverifiable", 0)) for d in counted)
    times = sorted(float(d["generation_ms"]) for d in generations if d.get("generation_ms") is not None)

    in_window = ReportReview.created_at >= start, ReportReview.created_at < end
    reviews = session.scalar(select(func.count()).select_from(ReportReview).where(*in_window)) or 0
    rated, mean_rating = session.execute(select(func.count(ReportReview.rating), func.avg(ReportReview.rating)).where(*in_window)).one()

    outcomes = dict(
        session.execute(
            select(ReportRequest.cache, func.count())
            .where(ReportRequest.requested_at >= start, ReportRequest.requested_at < end, ReportRequest.cache.in_(("hit", "miss")))
            .group_by(ReportRequest.cache)
        ).all()
    )
    hits, lookups = outcomes.get("hit", 0), outcomes.get("hit", 0) + outcomes.get("miss", 0)
    return NarrativeMetrics(
        reports_generated=len(generations), fact_check_pass_rate=ratio(passed, len(generations)),
        claims_checked=checked, claims_verified=verified, factual_accuracy=ratio(verified, checked),
        reviews=reviews, rated_reviews=rated or 0, reviewer_satisfaction=round(float(mean_rating), 4) if rated else None,
        processing_ms_p50=percentile(times, 50), processing_ms_p95=percentile(times, 95),
        report_requests=lookups, cache_hits=hits, cache_hit_rate=ratio(hits, lookups),
    )


SECTION = MetricsSection(
    name="narrative", title="Narrative reports", product="D1", model=NarrativeMetrics, compute=narrative_metrics,
    shares=("fact_check_pass_rate", "factual_accuracy", "cache_hit_rate"),
    korean={
        "title": "내러티브 리포트", "reports_generated": "생성된 리포트", "fact_check_pass_rate": "팩트 체크 통과율", "claims_checked": "검사한 주장",
        "claims_verified": "확인된 주장", "factual_accuracy": "사실 정확도", "reviews": "검토 결정", "rated_reviews": "평점이 있는 검토",
        "reviewer_satisfaction": "검토자 만족도", "processing_ms_p50": "처리 시간 p50(ms)", "processing_ms_p95": "처리 시간 p95(ms)",
        "report_requests": "리포트 요청", "cache_hits": "캐시 적중", "cache_hit_rate": "캐시 적중률",
    },
)

"""D2's part of the plan's metrics (section 7): computed from `strategy_drafts` and
`strategy_draft_revisions`, rows written once."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.operations.metrics_summary import MetricsSection, mean, ratio
from services.strategies.models import StrategyDraft, StrategyDraftRevision
from services.strategies.service import GENERATED_SOURCES


class BuilderMetrics(BaseModel):
    """D2: the strategy builder (drafts created in the window, their state now)."""

    drafts_generated: int = Field(description="Strategy drafts created (built) in the window.")
    drafts_decided: int = Field(description="Of those, the drafts a reviewer has approved or rejected.")
    drafts_approved: int = Field(description="Of those, the approved ones.")
    approval_conversion: float | None = Field(description="drafts_approved / drafts_decided.")
    mean_revisions_per_approved: float | None = Field(
        description="Mean number of configurations (stored revisions, 1 = approved as first generated) of the approved drafts."
    )
    generations: int = Field(description="Model-written configurations in the window: revisions from a build or a revision instruction (edits excluded).")
    generations_invalid: int = Field(description="Of those, the ones still failing validation after the repair attempts.")
    validation_failure_rate: float | None = Field(description="generations_invalid / generations.")


def builder_metrics(session: Session, start: datetime, end: datetime) -> BuilderMetrics:
    drafts = session.execute(
        select(StrategyDraft.id, StrategyDraft.status).where(StrategyDraft.created_at >= start, StrategyDraft.created_at < end)
    ).all()
    approved = [draft_id for draft_id, status in drafts if status == "approved"]
    decided = sum(1 for _id, status in drafts if status in ("approved", "rejected"))
    revisions = dict(
        session.execute(
            select(StrategyDraftRevision.draft_id, func.count()).where(StrategyDraftRevision.draft_id.in_(approved)).group_by(StrategyDraftRevision.draft_id)
        ).all()
    ) if approved else {}
    generated = session.execute(
        select(StrategyDraftRevision.validation_errors).where(
            StrategyDraftRevision.source.in_(GENERATED_SOURCES), StrategyDraftRevision.created_at >= start, StrategyDraftRevision.created_at < end
        )
    ).scalars().all()
    invalid = sum(1 for errors in generated if errors)
    return BuilderMetrics(
        drafts_generated=len(drafts), drafts_decided=decided, drafts_approved=len(approved), approval_conversion=ratio(len(approved), decided),
        mean_revisions_per_approved=mean([revisions.get(draft_id, 0) for draft_id in approved]),
        generations=len(generated), generations_invalid=invalid, validation_failure_rate=ratio(invalid, len(generated)),
    )


SECTION = MetricsSection(
    name="builder", title="Strategy builder", product="D2", model=BuilderMetrics, compute=builder_metrics,
    shares=("approval_conversion", "validation_failure_rate"),
    korean={
        "title": "전략 빌더", "drafts_generated": "생성된 초안", "drafts_decided": "결정된 초안", "drafts_approved": "승인된 초안",
        "approval_conversion": "승인 전환율", "mean_revisions_per_approved": "승인 초안당 평균 수정 횟수", "generations": "모델 생성 설정",
        "generations_invalid": "검증 실패 생성", "validation_failure_rate": "검증 실패율",
    },
)

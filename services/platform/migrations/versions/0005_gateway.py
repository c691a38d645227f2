"""Gateway and guardrails: per-user limits, usage windows, guardrail decisions, and redacted
prompt/answer excerpts on LLM-call records.

Revision ID: 0005_gateway
Revises: 0004_chatops
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_gateway"
down_revision = "0004_chatops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("rpm_limit", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("daily_token_quota", sa.Integer(), nullable=True))
    with op.batch_alter_table("llm_calls") as batch:
        batch.add_column(sa.Column("input_text", sa.Text(), nullable=True))
        batch.add_column(sa.Column("output_text", sa.Text(), nullable=True))
    op.create_table(
        "guardrail_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=True),
        sa.Column("surface", sa.String(length=32), nullable=False),
        sa.Column("stage", sa.String(length=8), nullable=False),
        sa.Column("check", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(length=256), nullable=False),
        sa.Column("policy_version", sa.String(length=32), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guardrail_decisions")),
    )
    op.create_index("ix_guardrail_decisions_created_at", "guardrail_decisions", ["created_at"])
    op.create_index("ix_guardrail_decisions_request_id", "guardrail_decisions", ["request_id"])
    op.create_index("ix_guardrail_decisions_outcome", "guardrail_decisions", ["outcome"])
    op.create_index("ix_guardrail_decisions_surface_created", "guardrail_decisions", ["surface", "created_at"])
    op.create_table(
        "usage_windows",
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("tokens", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("user", "period", "window_start", name=op.f("pk_usage_windows")),
    )


def downgrade() -> None:
    op.drop_table("usage_windows")
    op.drop_table("guardrail_decisions")
    with op.batch_alter_table("llm_calls") as batch:
        batch.drop_column("output_text")
        batch.drop_column("input_text")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("daily_token_quota")
        batch.drop_column("rpm_limit")

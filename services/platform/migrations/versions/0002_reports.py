"""Narrative reports: backtest revisions, reports (the cache), reviews.

Revision ID: 0002_reports
Revises: 0001_platform
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_reports"
down_revision = "0001_platform"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "backtest_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("backtest_id", sa.String(64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_backtest_revisions"),
        sa.UniqueConstraint("backtest_id", "revision", name="uq_backtest_revisions_backtest_id"),
    )
    op.create_index("ix_backtest_revisions_backtest_id", "backtest_revisions", ["backtest_id"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cache_key", sa.String(64), nullable=False),
        sa.Column("backtest_id", sa.String(64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("prompt_id", sa.String(128), nullable=False),
        sa.Column("prompt_version", sa.String(32), nullable=False),
        sa.Column("prompt_hash", sa.String(64), nullable=False),
        sa.Column("model", sa.String(128), nullable=False),
        sa.Column("schema_version", sa.String(16), nullable=False),
        sa.Column("narrative", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("factcheck", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("generated_by", sa.String(64), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("generation_ms", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("cache_key", name="uq_reports_cache_key"),
    )
    op.create_index("ix_reports_backtest_id", "reports", ["backtest_id"])
    op.create_index("ix_reports_status", "reports", ["status"])
    op.create_table(
        "report_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("edited_text", sa.Text(), nullable=True),
        sa.Column("factcheck", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name="fk_report_reviews_report_id_reports"),
        sa.PrimaryKeyConstraint("id", name="pk_report_reviews"),
    )
    op.create_index("ix_report_reviews_report_id", "report_reviews", ["report_id"])


def downgrade() -> None:
    op.drop_table("report_reviews")
    op.drop_table("reports")
    op.drop_table("backtest_revisions")

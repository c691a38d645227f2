"""Metrics (section 7): reviewer ratings, ChatOps conversation resolutions, report requests.

Revision ID: 0008_metrics
Revises: 0007_operations
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_metrics"
down_revision = "0007_operations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE (SQLite >= 3.35 drops columns itself): no batch copy of the table, so
    # `releases rollback --db` can dry-run the downgrade as SQL and see the dropped column.
    op.add_column("report_reviews", sa.Column("rating", sa.Integer(), nullable=True))
    op.create_table(
        "chatops_resolutions",
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", name=op.f("pk_chatops_resolutions")),
    )
    op.create_table(
        "report_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("backtest_id", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("cache", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_requests")),
    )
    op.create_index(op.f("ix_report_requests_requested_at"), "report_requests", ["requested_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_report_requests_requested_at"), table_name="report_requests")
    op.drop_table("report_requests")
    op.drop_table("chatops_resolutions")
    op.drop_column("report_reviews", "rating")

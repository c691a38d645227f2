"""Eval runs in the product's life (issue 16): recorded eval runs, production promotion requests
(four eyes) and the eval run each release's prompt labels were promoted on.

Revision ID: 0009_eval_runs
Revises: 0008_metrics
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_eval_runs"
down_revision = "0008_metrics"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "eval_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=128), nullable=False),
        sa.Column("profile", sa.String(length=64), nullable=True),
        sa.Column("git_commit", sa.String(length=40), nullable=True),
        sa.Column("prompt_versions", sa.JSON(), nullable=False),
        sa.Column("suites", sa.JSON(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eval_runs")),
    )
    op.create_index(op.f("ix_eval_runs_model"), "eval_runs", ["model"])
    op.create_table(
        "promotion_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("env", sa.String(length=16), nullable=False),
        sa.Column("prompt_id", sa.String(length=128), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("eval_run_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_reason", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotion_requests")),
    )
    # Plain ALTER TABLE, as in 0008: `releases rollback --db` dry-runs the downgrade as SQL and
    # sees the dropped column (only releases with a gated promotion hold a value).
    op.add_column("releases", sa.Column("eval_runs", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("releases", "eval_runs")
    op.drop_table("promotion_requests")
    op.drop_index(op.f("ix_eval_runs_model"), table_name="eval_runs")
    op.drop_table("eval_runs")

"""Strategy builder: drafts and their revisions.

Revision ID: 0003_strategies
Revises: 0002_reports
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_strategies"
down_revision = "0002_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "strategy_drafts",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("intent", sa.Text(), nullable=False),
        sa.Column("constraints", sa.JSON(), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("config", sa.JSON(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("validation_errors", sa.JSON(), nullable=False),
        sa.Column("repairs", sa.Integer(), nullable=False),
        sa.Column("prompt_id", sa.String(128), nullable=False),
        sa.Column("prompt_version", sa.String(32), nullable=False),
        sa.Column("model", sa.String(128), nullable=False),
        sa.Column("catalogue_version", sa.String(32), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=True),
        sa.Column("decision_comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_drafts"),
    )
    op.create_index("ix_strategy_drafts_author", "strategy_drafts", ["author"])
    op.create_index("ix_strategy_drafts_status", "strategy_drafts", ["status"])
    op.create_table(
        "strategy_draft_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.String(32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("config", sa.JSON(), nullable=False),
        sa.Column("validation_errors", sa.JSON(), nullable=False),
        sa.Column("repairs", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_draft_revisions"),
        sa.ForeignKeyConstraint(["draft_id"], ["strategy_drafts.id"], name="fk_strategy_draft_revisions_draft_id_strategy_drafts"),
        sa.UniqueConstraint("draft_id", "revision", name="uq_strategy_draft_revisions_draft_id"),
    )
    op.create_index("ix_strategy_draft_revisions_draft_id", "strategy_draft_revisions", ["draft_id"])


def downgrade() -> None:
    op.drop_table("strategy_draft_revisions")
    op.drop_table("strategy_drafts")

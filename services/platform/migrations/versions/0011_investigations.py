"""Alert-triggered ChatOps investigations (issue 21): the alerts Alertmanager sent, the
investigation each new group started, and whether its answer reached the channel.

Revision ID: 0011_investigations
Revises: 0010_revoked_sessions
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_investigations"
down_revision = "0010_revoked_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chatops_investigations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("dedup_key", sa.String(length=64), nullable=False),
        sa.Column("group_key", sa.String(length=1000), nullable=False),
        sa.Column("alertname", sa.String(length=128), nullable=False),
        sa.Column("alerts", sa.JSON(), nullable=False),
        sa.Column("alert_keys", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("alert_status", sa.String(length=16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("turn_id", sa.String(length=32), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("posted", sa.String(length=16), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chatops_investigations")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_chatops_investigations_dedup_key")),
    )
    op.create_index(op.f("ix_chatops_investigations_group_key"), "chatops_investigations", ["group_key"])
    op.create_index(op.f("ix_chatops_investigations_created_at"), "chatops_investigations", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_chatops_investigations_created_at"), table_name="chatops_investigations")
    op.drop_index(op.f("ix_chatops_investigations_group_key"), table_name="chatops_investigations")
    op.drop_table("chatops_investigations")

"""Prompt environment labels: which prompt version dev, staging and production serve.

Revision ID: 0006_prompt_labels
Revises: 0005_gateway
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_prompt_labels"
down_revision = "0005_gateway"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prompt_labels",
        sa.Column("env", sa.String(length=16), nullable=False),
        sa.Column("prompt_id", sa.String(length=128), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("promoted_by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("promoted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("env", "prompt_id", name=op.f("pk_prompt_labels")),
    )


def downgrade() -> None:
    op.drop_table("prompt_labels")

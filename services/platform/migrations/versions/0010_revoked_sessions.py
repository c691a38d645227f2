"""Browser sign-out revokes the session (issue 18, item 13): the ids of signed-out sessions
until their cookies would have expired.

Revision ID: 0010_revoked_sessions
Revises: 0009_eval_runs
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_revoked_sessions"
down_revision = "0009_eval_runs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revoked_sessions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revoked_sessions")),
    )
    op.create_index(op.f("ix_revoked_sessions_expires_at"), "revoked_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_revoked_sessions_expires_at"), table_name="revoked_sessions")
    op.drop_table("revoked_sessions")

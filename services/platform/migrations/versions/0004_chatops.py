"""ChatOps: runbooks, service status, turns, escalations, pending actions, chat identities,
seen Slack events; pipeline runs; reports.invalidated_at for cache invalidation.

Revision ID: 0004_chatops
Revises: 0003_strategies
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_chatops"
down_revision = "0003_strategies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_identities",
        sa.Column("workspace", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("linked_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("workspace", "external_id", name=op.f("pk_chat_identities"))
    )
    op.create_table(
        "chatops_escalations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("turn_id", sa.String(length=32), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("suggested_oncall", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chatops_escalations"))
    )
    with op.batch_alter_table("chatops_escalations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chatops_escalations_turn_id"), ["turn_id"], unique=False)

    op.create_table(
        "chatops_pending_actions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("turn_id", sa.String(length=32), nullable=False),
        sa.Column("tool", sa.String(length=64), nullable=False),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chatops_pending_actions"))
    )
    with op.batch_alter_table("chatops_pending_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chatops_pending_actions_turn_id"), ["turn_id"], unique=False)

    op.create_table(
        "chatops_turns",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("asked_by", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("tool_calls", sa.JSON(), nullable=False),
        sa.Column("runbooks", sa.JSON(), nullable=False),
        sa.Column("steps", sa.Integer(), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chatops_turns"))
    )
    with op.batch_alter_table("chatops_turns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chatops_turns_asked_by"), ["asked_by"], unique=False)
        batch_op.create_index(batch_op.f("ix_chatops_turns_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chatops_turns_created_at"), ["created_at"], unique=False)

    op.create_table(
        "pipeline_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pipeline", sa.String(length=64), nullable=False),
        sa.Column("run_id", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("tasks", sa.JSON(), nullable=False),
        sa.Column("reported_by", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pipeline_runs")),
        sa.UniqueConstraint("pipeline", "run_id", name=op.f("uq_pipeline_runs_pipeline"))
    )
    with op.batch_alter_table("pipeline_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pipeline_runs_pipeline"), ["pipeline"], unique=False)
        batch_op.create_index(batch_op.f("ix_pipeline_runs_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_pipeline_runs_status"), ["status"], unique=False)

    op.create_table(
        "runbooks",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("tools", sa.JSON(), nullable=False),
        sa.Column("path", sa.String(length=512), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runbooks"))
    )
    op.create_table(
        "service_status",
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("service", name=op.f("pk_service_status"))
    )
    op.create_table(
        "slack_events",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_slack_events"))
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("invalidated_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("invalidated_at")

    op.drop_table("slack_events")
    op.drop_table("service_status")
    op.drop_table("runbooks")
    with op.batch_alter_table("pipeline_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pipeline_runs_status"))
        batch_op.drop_index(batch_op.f("ix_pipeline_runs_started_at"))
        batch_op.drop_index(batch_op.f("ix_pipeline_runs_pipeline"))

    op.drop_table("pipeline_runs")
    with op.batch_alter_table("chatops_turns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chatops_turns_created_at"))
        batch_op.drop_index(batch_op.f("ix_chatops_turns_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_chatops_turns_asked_by"))

    op.drop_table("chatops_turns")
    with op.batch_alter_table("chatops_pending_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chatops_pending_actions_turn_id"))

    op.drop_table("chatops_pending_actions")
    with op.batch_alter_table("chatops_escalations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chatops_escalations_turn_id"))

    op.drop_table("chatops_escalations")
    op.drop_table("chat_identities")


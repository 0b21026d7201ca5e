"""Local sync state: conflicts mirrored from the server, refused edits, the inbox of staged pulled pages, and the
pulled records that are read-only for this user.

New tables only (frozen: storage types, no imports from app.models); the outbox and every row stay as they were, so
unsynced field work made before this revision is pushed by the first sync after it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("mine", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("mine_by", sa.String(length=64), nullable=False),
        sa.Column("theirs_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_value", sa.JSON(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("pending_value", sa.JSON(), nullable=True),
        sa.Column("pending_op_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_record_id"), ["record_id"], unique=False)

    op.create_table(
        "sync_inbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("item", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_inbox")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "sync_read_only",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_sync_read_only")),
    )

    op.create_table(
        "sync_rejected",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("message_zh", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_rejected")),
    )
    with op.batch_alter_table("sync_rejected", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_rejected_record_id"), ["record_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_rejected", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_rejected_record_id"))
    op.drop_table("sync_rejected")
    op.drop_table("sync_read_only")
    op.drop_table("sync_inbox")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_record_id"))
    op.drop_table("sync_conflict")

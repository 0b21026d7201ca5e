"""Initial schema of the central service: users and devices, synced records and their scope, the change sequence,
op log, conflicts, scope events and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index(op.f("ix_audit_log_record_id"), "audit_log", ["record_id"], unique=False)
    op.create_index(op.f("ix_audit_log_username"), "audit_log", ["username"], unique=False)
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failure")),
    )
    op.create_index(op.f("ix_login_failure_address"), "login_failure", ["address"], unique=False)
    op.create_index(op.f("ix_login_failure_at"), "login_failure", ["at"], unique=False)
    op.create_index(op.f("ix_login_failure_username"), "login_failure", ["username"], unique=False)
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("mine", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("mine_by", sa.String(length=64), nullable=False),
        sa.Column("theirs_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_value", sa.JSON(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("version", name=op.f("uq_sync_conflict_version")),
    )
    op.create_index(op.f("ix_sync_conflict_record_id"), "sync_conflict", ["record_id"], unique=False)
    op.create_table(
        "sync_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_counter")),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
    )
    op.create_table(
        "case_access",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_case_access_team_id_team")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_access")),
    )
    op.create_index(op.f("ix_case_access_client_id"), "case_access", ["client_id"], unique=False)
    op.create_index(op.f("ix_case_access_owner"), "case_access", ["owner"], unique=False)
    op.create_index(op.f("ix_case_access_team_id"), "case_access", ["team_id"], unique=False)
    op.create_table(
        "record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("anchored", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_record_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record")),
        sa.UniqueConstraint("version", name=op.f("uq_record_version")),
    )
    op.create_index(op.f("ix_record_case_id"), "record", ["case_id"], unique=False)
    op.create_index(op.f("ix_record_client_id"), "record", ["client_id"], unique=False)
    op.create_index(op.f("ix_record_parent_id"), "record", ["parent_id"], unique=False)
    op.create_index(op.f("ix_record_record_type"), "record", ["record_type"], unique=False)
    op.create_index(op.f("ix_record_team_id"), "record", ["team_id"], unique=False)
    op.create_table(
        "scope_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("removed_owner", sa.String(length=64), nullable=True),
        sa.Column("removed_team_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["removed_team_id"], ["team.id"], name=op.f("fk_scope_event_removed_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scope_event")),
        sa.UniqueConstraint("version", name=op.f("uq_scope_event_version")),
    )
    op.create_index(op.f("ix_scope_event_case_id"), "scope_event", ["case_id"], unique=False)
    op.create_index(op.f("ix_scope_event_removed_owner"), "scope_event", ["removed_owner"], unique=False)
    op.create_index(op.f("ix_scope_event_removed_team_id"), "scope_event", ["removed_team_id"], unique=False)
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column(
            "role",
            sa.Enum("case_manager", "supervisor", "admin", name="role", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_user_account_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_index(op.f("ix_user_account_team_id"), "user_account", ["team_id"], unique=False)
    op.create_table(
        "device",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name=op.f("fk_device_user_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_device_token_hash")),
    )
    op.create_index(op.f("ix_device_user_id"), "device", ["user_id"], unique=False)
    op.create_table(
        "sync_op",
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["device.id"], name=op.f("fk_sync_op_device_id_device")),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name=op.f("fk_sync_op_user_id_user_account")),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_sync_op")),
    )
    op.create_index(op.f("ix_sync_op_device_id"), "sync_op", ["device_id"], unique=False)
    op.create_index(op.f("ix_sync_op_user_id"), "sync_op", ["user_id"], unique=False)
    # The single row of the change sequence; versions start at 1.
    op.execute("INSERT INTO sync_counter (id, value) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_op_user_id"), table_name="sync_op")
    op.drop_index(op.f("ix_sync_op_device_id"), table_name="sync_op")
    op.drop_table("sync_op")
    op.drop_index(op.f("ix_device_user_id"), table_name="device")
    op.drop_table("device")
    op.drop_index(op.f("ix_user_account_team_id"), table_name="user_account")
    op.drop_table("user_account")
    op.drop_index(op.f("ix_scope_event_removed_team_id"), table_name="scope_event")
    op.drop_index(op.f("ix_scope_event_removed_owner"), table_name="scope_event")
    op.drop_index(op.f("ix_scope_event_case_id"), table_name="scope_event")
    op.drop_table("scope_event")
    op.drop_index(op.f("ix_record_team_id"), table_name="record")
    op.drop_index(op.f("ix_record_record_type"), table_name="record")
    op.drop_index(op.f("ix_record_parent_id"), table_name="record")
    op.drop_index(op.f("ix_record_client_id"), table_name="record")
    op.drop_index(op.f("ix_record_case_id"), table_name="record")
    op.drop_table("record")
    op.drop_index(op.f("ix_case_access_team_id"), table_name="case_access")
    op.drop_index(op.f("ix_case_access_owner"), table_name="case_access")
    op.drop_index(op.f("ix_case_access_client_id"), table_name="case_access")
    op.drop_table("case_access")
    op.drop_table("team")
    op.drop_table("sync_counter")
    op.drop_index(op.f("ix_sync_conflict_record_id"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_index(op.f("ix_login_failure_username"), table_name="login_failure")
    op.drop_index(op.f("ix_login_failure_at"), table_name="login_failure")
    op.drop_index(op.f("ix_login_failure_address"), table_name="login_failure")
    op.drop_table("login_failure")
    op.drop_index(op.f("ix_audit_log_username"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_record_id"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")

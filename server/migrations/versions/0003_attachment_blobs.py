"""Attachment content: `sync_blob` (one per SHA-256: declared size, bytes received, verified) and its chunks
(`sync_blob_chunk`, at most 1 MiB each), and `record.blob_sha256` (an attachment's hash, indexed), filled in for the
attachments already on the server.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SHA256 = re.compile(r"[0-9a-f]{64}")


def upgrade() -> None:
    op.create_table(
        "sync_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_sync_blob")),
    )
    op.create_table(
        "sync_blob_chunk",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("offset", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"], ["sync_blob.sha256"], name=op.f("fk_sync_blob_chunk_sha256_sync_blob"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("sha256", "offset", name=op.f("pk_sync_blob_chunk")),
    )
    op.add_column("record", sa.Column("blob_sha256", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_record_blob_sha256"), "record", ["blob_sha256"], unique=False)
    record = sa.table("record", sa.column("id", sa.Uuid()), sa.column("record_type"), sa.column("data", sa.JSON()))
    conn = op.get_bind()
    for record_id, data in conn.execute(
        sa.select(record.c.id, record.c.data).where(record.c.record_type == "attachment")
    ):
        digest = data.get("sha256") if isinstance(data, dict) else None
        if isinstance(digest, str) and _SHA256.fullmatch(digest):
            conn.execute(
                sa.text("UPDATE record SET blob_sha256 = :digest WHERE id = :id").bindparams(
                    sa.bindparam("id", type_=sa.Uuid())
                ),
                {"digest": digest, "id": record_id},
            )


def downgrade() -> None:
    op.drop_index(op.f("ix_record_blob_sha256"), table_name="record")
    op.drop_column("record", "blob_sha256")
    op.drop_table("sync_blob_chunk")
    op.drop_table("sync_blob")

"""送審 and fuller supervision records: the `review` table (a plan or closure submitted for the supervisor's sign-off,
and the decision), and on `supervision_note` the cases discussed (`case_ids`) and the agreed follow-up (due date,
done date, note).

Additive only (frozen: storage types, no imports from app.models): a new table, and new columns that existing rows
fill with their defaults (no cases listed, no follow-up). The outbox and every row stay as they were, so unsynced
field work made before this revision is pushed by the first sync after it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column(
            "subject",
            sa.Enum("plan", "closure", name="reviewsubject", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("plan_id", sa.Uuid(), nullable=True),
        sa.Column("closure_id", sa.Uuid(), nullable=True),
        sa.Column("submitted_by", sa.String(length=64), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum("pending", "approved", "returned", name="reviewdecision", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_review_case_id_case")),
        sa.ForeignKeyConstraint(["closure_id"], ["closure.id"], name=op.f("fk_review_closure_id_closure")),
        sa.ForeignKeyConstraint(["plan_id"], ["service_plan.id"], name=op.f("fk_review_plan_id_service_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_case_id"), ["case_id"], unique=False)

    # Plain ADD COLUMN (no table rebuild): SQLite fills existing rows from the server default.
    op.add_column("supervision_note", sa.Column("case_ids", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("supervision_note", sa.Column("follow_up_due_on", sa.Date(), nullable=True))
    op.add_column("supervision_note", sa.Column("follow_up_done_on", sa.Date(), nullable=True))
    op.add_column("supervision_note", sa.Column("follow_up_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("supervision_note", schema=None) as batch_op:
        batch_op.drop_column("follow_up_note")
        batch_op.drop_column("follow_up_done_on")
        batch_op.drop_column("follow_up_due_on")
        batch_op.drop_column("case_ids")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_case_id"))
    op.drop_table("review")

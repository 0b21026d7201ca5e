"""A covering index for the deadline and caseload scans of service records.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_service_record_case_deadlines",
        "service_record",
        ["case_id", "status", "deleted", "held_on", "registered_on"],
    )


def downgrade() -> None:
    op.drop_index("ix_service_record_case_deadlines", table_name="service_record")

"""Logging out is not a revocation: `device.logged_out_at`, answered 401 `logged_out` instead of 403
`device_revoked` (which makes a laptop wipe its store).

Devices that logged out under revision 0001 were marked revoked by their own user; they become logged out.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OWN_USERNAME = "(SELECT username FROM user_account WHERE user_account.id = device.user_id)"


def upgrade() -> None:
    op.add_column("device", sa.Column("logged_out_at", sa.DateTime(), nullable=True))
    op.execute(
        "UPDATE device SET logged_out_at = revoked_at, revoked_at = NULL, revoked_by = NULL "
        f"WHERE revoked_at IS NOT NULL AND revoked_by = {_OWN_USERNAME}"
    )


def downgrade() -> None:
    op.execute(
        f"UPDATE device SET revoked_at = logged_out_at, revoked_by = {_OWN_USERNAME} "
        "WHERE logged_out_at IS NOT NULL AND revoked_at IS NULL"
    )
    op.drop_column("device", "logged_out_at")

"""Team settings and the supervisor's aggregates.

- `team.closure_signoff` (結案須經督導核准), off for existing teams.
- An index on (case, type): the aggregates of server.services.team_figures probe each of a team's cases for its
  records of one type (service records, contact attempts, jobs) without reading the case's other records.
- On PostgreSQL, `record.data` becomes JSONB: the aggregates read a few fields of thousands of records, and JSONB is
  read without parsing the text again for every field (with 100,000 cases the team queries took 250–370 ms on JSON,
  105–115 ms on JSONB: docs/benchmarks.md). The content is the same JSON; the service already refuses what JSONB
  cannot hold (NUL characters, lone surrogates). Expression indexes on fields of `data` were measured too and
  gained nothing: the cost is reading the rows, which an index on an expression does not spare.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("team", sa.Column("closure_signoff", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index(op.f("ix_record_case_id_record_type"), "record", ["case_id", "record_type"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE record ALTER COLUMN data TYPE jsonb USING data::jsonb")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE record ALTER COLUMN data TYPE json USING data::json")
    op.drop_index(op.f("ix_record_case_id_record_type"), table_name="record")
    # Plain DROP COLUMN (SQLite ≥ 3.35 has it): a batch rebuild of `team` would trip the foreign keys pointing at it.
    op.execute("ALTER TABLE team DROP COLUMN closure_signoff")

"""Full-text search index (FTS5) over names, ID numbers, phones and notes, filled from the existing rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.orm import Session

from app.store import indexing
from app.store.search import SCHEMA

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in SCHEMA:
        op.execute(statement)
    # A store made before this revision may already hold field work; index it now.
    with Session(bind=op.get_bind()) as session:
        indexing.rebuild(session)


def downgrade() -> None:
    for table in ("note_fts", "client_fts", "search_doc"):
        op.execute(f"DROP TABLE IF EXISTS {table}")

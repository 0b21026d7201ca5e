"""Full-text search index (FTS5) over names, ID numbers, phones and notes, filled from the existing rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import uuid
from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from app.store.search import CLIENT_DOC, NOTE_DOC, SCHEMA, SearchDoc, bulk_insert, index_tokens

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in SCHEMA:
        op.execute(statement)
    # A store made before this revision may already hold field work; index it now. Plain SQL over the tables as
    # they are at this revision, so later changes to the ORM models cannot break this step.
    conn = op.get_bind()
    docs = [
        SearchDoc(
            uuid.UUID(row.id),
            uuid.UUID(row.id),
            CLIENT_DOC,
            index_tokens(
                [row.name, row.contact_name],
                identifiers=[row.id_number, row.mobile_phone, row.home_phone, row.contact_phone],
            ),
        )
        for row in conn.execute(
            text(
                "SELECT id, name, contact_name, id_number, mobile_phone, home_phone, contact_phone FROM client"
                " WHERE NOT deleted"
            )
        )
    ]
    notes = {
        "case": ("client_id", "referring_unit, intake_assessment, decision_reason"),
        "service_record": ("case_id", "place, notes"),
        "contact_attempt": ("case_id", "note"),
        "needs_assessment": ("case_id", "work_ability, vocational_interest, support_needs, summary"),
        "closure": ("case_id", "summary"),
    }
    case_clients = {row[0]: row[1] for row in conn.execute(text('SELECT id, client_id FROM "case"'))}
    for table, (owner, columns) in notes.items():
        for row in conn.execute(text(f'SELECT id, {owner}, {columns} FROM "{table}" WHERE NOT deleted')):
            record_id, owner_id, *texts = row
            client_id = owner_id if table == "case" else case_clients.get(owner_id)
            if client_id is not None:
                docs.append(SearchDoc(uuid.UUID(record_id), uuid.UUID(client_id), NOTE_DOC, index_tokens(texts)))
    bulk_insert(conn, docs)


def downgrade() -> None:
    for table in ("note_fts", "client_fts", "search_doc"):
        op.execute(f"DROP TABLE IF EXISTS {table}")

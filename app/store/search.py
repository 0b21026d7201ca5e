"""Full-text search over NFKC-normalised names, ID numbers, phones and notes (SQLite FTS5).

FTS5's unicode61 tokenizer would keep 王小明 as one token, so a search for 小明 would miss it. We split CJK text into
one token per character and search a CJK run as a phrase of consecutive characters: any partial Chinese name
matches, from one character up. ID numbers and phone numbers are also indexed by their suffixes, so typing the last
digits of a phone or an ID number finds the client. Seed texts contain CJK compatibility ideographs (離 U+F9EA):
NFKC folds them to the unified ones both when indexing and when searching (DOMAIN.md).

Two contentless FTS5 tables: `client_fts` (one document per client: identity fields) and `note_fts` (free text of
cases and records, pointing to the client). `search_doc` maps a record id to the FTS rowid.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

CLIENT_DOC = "client"
NOTE_DOC = "note"
MIN_SUFFIX = 3  # shorter tails of an ID or phone number match too much to be useful

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS search_doc (
        doc_id INTEGER PRIMARY KEY,
        record_id CHAR(32) NOT NULL UNIQUE,
        client_id CHAR(32) NOT NULL,
        kind VARCHAR(8) NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS ix_search_doc_client ON search_doc (client_id)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS client_fts USING fts5(body, content='', contentless_delete=1,"
    " tokenize='unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS note_fts USING fts5(body, content='', contentless_delete=1,"
    " tokenize='unicode61 remove_diacritics 0')",
)

_NUMBER_PUNCTUATION = re.compile(r"[-()]")
_RUN = re.compile(r"(?P<cjk>[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)|(?P<word>[0-9a-z]+)")


def normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value).lower()


def index_tokens(values: Iterable[str | None], *, identifiers: Iterable[str | None] = ()) -> str:
    """The FTS body for some text fields plus identifier fields (ID and phone numbers, indexed by suffix too)."""
    tokens: list[str] = []
    for value in values:
        if value:
            for match in _RUN.finditer(normalise(value)):
                tokens.extend(match["cjk"] if match["cjk"] else [match["word"]])
    for ident in identifiers:
        if ident:
            compact = "".join(ch for ch in normalise(ident) if ch.isalnum())
            tokens.extend(compact[i:] for i in range(max(len(compact) - MIN_SUFFIX + 1, 1)))
    return " ".join(tokens)


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed: every CJK run as a phrase, every word as a prefix."""
    parts: list[str] = []
    # Phone numbers are typed with dashes and parentheses; the index holds them without.
    for match in _RUN.finditer(_NUMBER_PUNCTUATION.sub("", normalise(query))):
        if match["cjk"]:
            parts.append('"' + " ".join(match["cjk"]) + '"')
        else:
            parts.append(f'"{match["word"]}"*')
    return " AND ".join(parts) if parts else None


@dataclass(frozen=True)
class SearchDoc:
    record_id: uuid.UUID
    client_id: uuid.UUID
    kind: str  # CLIENT_DOC or NOTE_DOC
    body: str


def _table(kind: str) -> str:
    return "client_fts" if kind == CLIENT_DOC else "note_fts"


def upsert(conn: Connection, doc: SearchDoc) -> None:
    remove(conn, doc.record_id)
    if not doc.body:
        return
    doc_id = conn.execute(
        text("INSERT INTO search_doc (record_id, client_id, kind) VALUES (:r, :c, :k) RETURNING doc_id"),
        {"r": doc.record_id.hex, "c": doc.client_id.hex, "k": doc.kind},
    ).scalar_one()
    conn.execute(text(f"INSERT INTO {_table(doc.kind)} (rowid, body) VALUES (:d, :b)"), {"d": doc_id, "b": doc.body})


def bulk_insert(conn: Connection, docs: Iterable[SearchDoc], batch: int = 5000) -> int:
    """Add many new documents at once (an empty index being rebuilt, a bulk load); returns how many were added."""
    next_id = (conn.execute(text("SELECT coalesce(max(doc_id), 0) FROM search_doc")).scalar_one() or 0) + 1
    added = 0
    pending: list[SearchDoc] = []

    def flush() -> None:
        nonlocal next_id
        ids = range(next_id, next_id + len(pending))
        conn.execute(
            text("INSERT INTO search_doc (doc_id, record_id, client_id, kind) VALUES (:d, :r, :c, :k)"),
            [
                {"d": i, "r": d.record_id.hex, "c": d.client_id.hex, "k": d.kind}
                for i, d in zip(ids, pending, strict=True)
            ],
        )
        for kind in (CLIENT_DOC, NOTE_DOC):
            rows = [{"d": i, "b": d.body} for i, d in zip(ids, pending, strict=True) if d.kind == kind]
            if rows:
                conn.execute(text(f"INSERT INTO {_table(kind)} (rowid, body) VALUES (:d, :b)"), rows)
        next_id += len(pending)
        pending.clear()

    for doc in docs:
        if doc.body:
            pending.append(doc)
            added += 1
            if len(pending) >= batch:
                flush()
    if pending:
        flush()
    return added


def remove(conn: Connection, record_id: uuid.UUID) -> None:
    row = conn.execute(
        text("DELETE FROM search_doc WHERE record_id = :r RETURNING doc_id, kind"), {"r": record_id.hex}
    ).first()
    if row is not None:
        conn.execute(text(f"DELETE FROM {_table(row.kind)} WHERE rowid = :d"), {"d": row.doc_id})


def remove_client(conn: Connection, client_id: uuid.UUID) -> None:
    """Drop every document of a client (identity and notes): a tombstoned or transferred-away client must not be
    found through a word in an old note either."""
    for row in conn.execute(
        text("DELETE FROM search_doc WHERE client_id = :c RETURNING doc_id, kind"), {"c": client_id.hex}
    ).all():
        conn.execute(text(f"DELETE FROM {_table(row.kind)} WHERE rowid = :d"), {"d": row.doc_id})


def _too_broad_to_rank(query: str) -> bool:
    typed = [m.group(0) for m in _RUN.finditer(_NUMBER_PUNCTUATION.sub("", normalise(query)))]
    return len(typed) == 1 and len(typed[0]) <= 2 and typed[0].isascii()


def search_clients(conn: Connection, query: str, *, limit: int = 200, include_notes: bool = False) -> list[uuid.UUID]:
    """Client ids matching the query, best first: identity matches before note matches."""
    expression = match_expression(query)
    if expression is None:
        return []
    found: list[uuid.UUID] = []
    seen: set[str] = set()
    # Identity matches are few and ranked by relevance; note matches can be hundreds of thousands for a common word,
    # so they come newest first, which FTS5 streams by rowid and stops at the limit instead of ranking them all.
    if _too_broad_to_rank(query):
        # One or two typed digits or letters ("0", "09", "A1") match nearly every ID and phone suffix: ranking them
        # all costs ~100 ms for no useful order, so the first keystrokes list matches in index order.
        client_query = (
            "SELECT d.client_id FROM (SELECT rowid FROM client_fts WHERE client_fts MATCH :q LIMIT :n) f "
            "JOIN search_doc d ON d.doc_id = f.rowid"
        )
    else:
        client_query = (
            "SELECT d.client_id FROM (SELECT rowid, rank AS score FROM client_fts WHERE client_fts MATCH :q "
            "ORDER BY rank LIMIT :n) f JOIN search_doc d ON d.doc_id = f.rowid ORDER BY f.score"
        )
    queries = [client_query]
    if include_notes:
        queries.append(
            "SELECT d.client_id FROM (SELECT rowid FROM note_fts WHERE note_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :n) f JOIN search_doc d ON d.doc_id = f.rowid ORDER BY f.rowid DESC"
        )
    for sql in queries:
        rows = conn.execute(
            text(sql),
            {"q": expression, "n": limit * 4},
        )
        for (client_hex,) in rows:
            if client_hex not in seen:
                seen.add(client_hex)
                found.append(uuid.UUID(client_hex))
                if len(found) >= limit:
                    return found
    return found

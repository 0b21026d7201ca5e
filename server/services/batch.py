"""What one push batch has already read about scope, kept for the rest of its transaction.

A push batch applies its ops one after another in one session and one transaction, holding the version counter
(`server.core.db.Database.writing`); every writer of records and case access takes that counter first, so nothing
outside the batch changes them until it commits, and what the batch read once stays true except where the batch
itself changes it. The children of one case ask again and again for the same case, client and case access; this
memo answers those repeats without a query:

- records: every record read or created here is held (the session's identity map holds clean rows only weakly, so
  `Session.get` would otherwise query again for a case written two ops earlier), and an id found missing is
  remembered as missing until an op creates it (`created`);
- case access by client (who owns the cases of a client): read once per client, forgotten whenever an op of the
  batch creates or transfers a case, and whenever an op is refused (its savepoint's rollback takes back what it
  wrote, case access included);
- a user's team, by username.

Every decision is still made for every op, by the same rules, on these answers.

The batch's op log entries and the audit entries of its accepted ops are inserted together just before the batch
commits (two statements instead of two per op), in the same transaction as the writes they describe; an op id
logged earlier in the same batch is answered from here like one logged before.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session, SessionTransaction

from server.models import CaseAccess, Record, SyncOp, User
from server.services import audit

_KEY = "fieldcase.push_memo"
_HOOKED = "fieldcase.push_memo_hooked"


@dataclass
class _Memo:
    transaction: SessionTransaction
    held: dict[uuid.UUID, Record] = field(default_factory=dict)
    missing: set[uuid.UUID] = field(default_factory=set)
    client_access: dict[uuid.UUID, list[CaseAccess]] = field(default_factory=dict)
    case_access: dict[uuid.UUID, CaseAccess] = field(default_factory=dict)
    teams: dict[str, int | None] = field(default_factory=dict)
    logged: dict[uuid.UUID, tuple[int, dict[str, Any]]] = field(default_factory=dict)  # op id → (user id, result)
    op_rows: list[dict[str, Any]] = field(default_factory=list)
    audit_rows: list[dict[str, Any]] = field(default_factory=list)


def _memo(session: Session) -> _Memo:
    """This transaction's memo (a new one when the session began another transaction)."""
    transaction = session.get_transaction()
    assert transaction is not None, "the memo lives in a transaction"
    memo: _Memo | None = session.info.get(_KEY)
    if memo is None or memo.transaction is not transaction:
        memo = session.info[_KEY] = _Memo(transaction)
        if not session.info.get(_HOOKED):
            event.listen(session, "before_commit", _write_logs)
            session.info[_HOOKED] = True
    return memo


def _write_logs(session: Session) -> None:
    """Before the batch's transaction commits (not a savepoint's): its op log and audit entries."""
    if session.in_nested_transaction():
        return
    memo: _Memo | None = session.info.get(_KEY)
    if memo is None or memo.transaction is not session.get_transaction():
        return
    audit.insert_rows(session, memo.audit_rows)
    if memo.op_rows:
        session.execute(insert(SyncOp), memo.op_rows)
    memo.audit_rows, memo.op_rows = [], []


def logged_op(session: Session, op_id: uuid.UUID) -> tuple[int, dict[str, Any]] | None:
    """(user id, stored result) of an op id already in the op log (or logged earlier in this batch)."""
    memo = _memo(session)
    found = memo.logged.get(op_id)
    if found is not None:
        return found
    stored = session.get(SyncOp, op_id)
    return None if stored is None else (stored.user_id, stored.result)


def log_op(session: Session, row: dict[str, Any], audit_rows: list[dict[str, Any]]) -> None:
    """An op's op log entry (`sync_op` columns) and its audit entries (none for a refused op), written at commit."""
    memo = _memo(session)
    memo.logged[row["op_id"]] = (row["user_id"], row["result"])
    memo.op_rows.append(row)
    memo.audit_rows.extend(audit_rows)


def record(session: Session, record_id: uuid.UUID) -> Record | None:
    """The record with this id, or None when the server does not hold it."""
    memo = _memo(session)
    if record_id in memo.missing:
        return None
    found = session.get(Record, record_id)
    if found is None:
        memo.missing.add(record_id)
    else:
        memo.held[record_id] = found
    return found


def created(session: Session, record: Record) -> None:
    """An op of the batch adds this record (it is no longer missing, even if the op is refused later on)."""
    memo = _memo(session)
    memo.missing.discard(record.id)
    memo.held[record.id] = record


def client_access(session: Session, client_id: uuid.UUID) -> list[CaseAccess]:
    """The case access rows of the client's cases (who owns them, in which team)."""
    memo = _memo(session)
    rows = memo.client_access.get(client_id)
    if rows is None:
        rows = memo.client_access[client_id] = list(
            session.scalars(select(CaseAccess).where(CaseAccess.client_id == client_id).order_by(CaseAccess.case_id))
        )
        memo.case_access.update((row.case_id, row) for row in rows)
    return rows


def case_access(session: Session, case_id: uuid.UUID) -> CaseAccess | None:
    memo = _memo(session)
    found = memo.case_access.get(case_id)
    if found is None:
        found = session.get(CaseAccess, case_id)
        if found is not None:
            memo.case_access[case_id] = found
    return found


def case_created(session: Session, access: CaseAccess) -> None:
    """An op added a case: its client's cases are read again."""
    memo = _memo(session)
    memo.client_access.pop(access.client_id, None)
    memo.case_access[access.case_id] = access


def access_changed(session: Session) -> None:
    """An op moved a case to another owner: read case access again from now on."""
    memo = _memo(session)
    memo.client_access.clear()
    memo.case_access.clear()


def refused(session: Session) -> None:
    """An op's savepoint was rolled back: what it wrote is gone, so forget everything it may have touched."""
    memo = _memo(session)
    memo.held.clear()
    memo.client_access.clear()
    memo.case_access.clear()


def team_of(session: Session, username: str) -> int | None:
    memo = _memo(session)
    if username not in memo.teams:
        memo.teams[username] = session.scalar(select(User.team_id).where(User.username == username))
    return memo.teams[username]

"""Finding a client in this laptop's store by name or ID number (for filters that ask the server about a client,
such as the audit log), and naming the clients the server's answers refer to by id."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Client
from app.services.caseload import masked
from app.store.search import search_clients


@dataclass(frozen=True)
class ClientChoice:
    id: uuid.UUID
    name: str
    id_number: str  # masked (A12****789): the list is seen over a shoulder


def find_clients(session: Session, query: str, *, limit: int = 20) -> list[ClientChoice]:
    """Clients whose name, ID number or phone matches `query`, best first (the caseload's search)."""
    ids = search_clients(session.connection(), query.strip(), limit=limit) if query.strip() else []
    if not ids:
        return []
    rows = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(ids), Client.deleted.is_(False)))}
    return [ClientChoice(i, rows[i].name, masked(rows[i].id_number)) for i in ids if i in rows]


def client_names(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = select(Client.id, Client.name).where(Client.id.in_(wanted))
    return {client_id: name for client_id, name in session.execute(query).all()}

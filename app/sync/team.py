"""What a supervisor reads from the central service directly, not through the synced store: the audit log (who
opened or changed which record, when, from which device), and the team's figures computed on the server.

These are requests, not sync: they need the network (OfflineError otherwise, with its message), the laptop's login,
and the supervisor's role (the server answers a case manager 403). Blocking and without Qt, like the sync client:
the GUI runs them on its network worker (`StoreRunner.run_network`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from app.store.store import Store
from app.sync import credentials
from app.sync.errors import NotLoggedIn, ServerRefused
from app.sync.transport import Json, Transport

AUDIT_LIMIT: Final = 500


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    username: str
    device_name: str
    device_id: str
    action: str  # read | write | resolve | login | logout | revoke
    record_type: str
    record_id: uuid.UUID | None
    client_id: uuid.UUID | None
    address: str
    detail: str


@dataclass(frozen=True)
class AuditAnswer:
    entries: tuple[AuditEntry, ...]
    more: bool  # more entries matched than were returned


def _transport(store: Store) -> Transport:
    with store.transaction() as session:
        account = credentials.load_account(session)
        signed_off = credentials.logged_out(session)
    if account is None or signed_off:
        raise NotLoggedIn()
    return Transport(account.server_url, credentials.load_token(store))


def _get(store: Store, path: str, params: dict[str, str | int], transport: Transport | None) -> Json:
    own = transport is None
    client = transport or _transport(store)
    try:
        return client.get(path, params)
    finally:
        if own:
            client.close()


def _unreadable() -> ServerRefused:
    return ServerRefused("伺服器的回應無法解讀。", "The server's answer could not be read.")


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


def audit_entries(
    store: Store,
    *,
    client_id: uuid.UUID | None = None,
    user: str = "",
    since: date | None = None,
    until: date | None = None,
    limit: int = AUDIT_LIMIT,
    transport: Transport | None = None,
) -> AuditAnswer:
    """The newest audit entries the server lets this user read that match the filters (days in Taiwan)."""
    params: dict[str, str | int] = {"limit": limit}
    if client_id is not None:
        params["client_id"] = str(client_id)
    if user.strip():
        params["user"] = user.strip()
    if since is not None:
        params["since"] = since.isoformat()
    if until is not None:
        params["until"] = until.isoformat()
    answer = _get(store, "/audit", params, transport)
    entries = answer.get("entries") if isinstance(answer, dict) else None
    if not isinstance(entries, list):
        raise _unreadable()
    try:
        found = tuple(
            AuditEntry(
                at=datetime.fromisoformat(str(e["at"])),
                username=str(e["username"]),
                device_name=str(e.get("device_name") or ""),
                device_id=str(e.get("device_id") or ""),
                action=str(e["action"]),
                record_type=str(e.get("record_type") or ""),
                record_id=_uuid(e.get("record_id")),
                client_id=_uuid(e.get("client_id")),
                address=str(e.get("address") or ""),
                detail=str(e.get("detail") or ""),
            )
            for e in entries
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise _unreadable() from exc
    return AuditAnswer(found, bool(answer.get("more")))


def team_overview(store: Store, on: date | None = None, *, transport: Transport | None = None) -> dict[str, Any]:
    """GET /team/overview as the server sends it (per case manager: open cases, new this month, days since the last
    contact, open conflicts)."""
    params: dict[str, str | int] = {"on": on.isoformat()} if on else {}
    answer = _get(store, "/team/overview", params, transport)
    if not isinstance(answer, dict) or not isinstance(answer.get("rows"), list):
        raise _unreadable()
    return answer


def team_kpi(store: Store, year: int, *, transport: Transport | None = None) -> dict[str, Any]:
    """GET /team/kpi of `year` as the server sends it (結案率, 服務人數, 推介成功, 就業成功 per case manager)."""
    answer = _get(store, "/team/kpi", {"year": year}, transport)
    if not isinstance(answer, dict) or not isinstance(answer.get("rows"), list):
        raise _unreadable()
    return answer

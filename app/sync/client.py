"""The sync client's entry points: log in, sync, and the status the GUI shows (docs/sync-protocol.md).

Every function blocks and needs no Qt; the GUI runs them on its network worker. A sync run pushes the outbox,
uploads the attachment contents the server lacks, pulls pages into the inbox, applies the inbox in one transaction,
checks for drift (repairing by a full pull when the server's scope hash disagrees with ours), and last downloads
the attachment contents this laptop lacks. `DeviceRevoked` means the caller must close the store and call
`wipe_store`.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import RuleError
from app.models.local import OutboxOp
from app.models.sync import ReadOnlyRecord, RejectedEdit, SyncConflict, SyncInboxItem
from app.services.reviews import apply_decisions
from app.store.backup import backups_dir
from app.store.keys import existing_key_sources, forget_key, wrap_path
from app.store.store import Store
from app.sync import credentials
from app.sync.apply import apply_inbox
from app.sync.blobs import download_blobs, upload_blobs
from app.sync.credentials import Account
from app.sync.errors import NotLoggedIn, RequestRefused
from app.sync.progress import Progress, RunControl
from app.sync.pull import pull, save_team_settings
from app.sync.push import push
from app.sync.rows import chunks, table_of
from app.sync.schema import record_types
from app.sync.scope import scope_hash
from app.sync.transport import Transport, normalise_server_url

log = logging.getLogger(__name__)
CASE_MANAGER = "case_manager"


@dataclass(frozen=True)
class SyncReport:
    """What one sync run did."""

    pushed: int  # local edits the server settled
    applied: int  # pulled records written to this store
    merged: int  # pushed edits merged with others' changes
    conflicts_new: int  # conflicts this laptop had not seen before
    conflicts_open: int  # unresolved conflicts after the run
    rejected: int  # pushed edits the server refused (kept as rejected edits)
    pulled: int  # changes received
    removed: int  # local rows removed (cases transferred away, or gone in a repair)
    kept_local: int  # pulled fields that kept an unsent local edit
    held_back: int  # pulled records waiting for a parent (case, client, plan) that has not arrived
    replayed: int  # pushed edits the server had already applied (a lost response, retried)
    retries: int  # requests repeated after a network failure or a busy server
    repaired: bool  # the drift check found a difference and a full pull repaired it
    drift: bool  # a difference remains after the repair
    pending: int  # local edits still waiting (made while syncing)
    cursor: int
    duration: float  # seconds
    blobs_sent: int = 0  # attachment contents uploaded (the server lacked them)
    blobs_received: int = 0  # attachment contents downloaded (this laptop lacked them)
    blobs_missing: int = 0  # attachment contents that could not move this run (tried again next time)


@dataclass(frozen=True)
class SyncStatus:
    """For the GUI's status line: who, when, and what waits."""

    logged_in: bool  # a token is in the keyring and the user has not logged out
    account: Account | None  # the last login (kept after a logout, to offer the same server and user again)
    last_sync_at: datetime | None
    pending: int
    open_conflicts: int
    rejected_edits: int  # not yet dismissed
    staged: int  # pulled changes staged but not applied (an interrupted run)
    cursor: int


def login(
    store: Store,
    server_url: str,
    username: str,
    password: str,
    device_name: str,
    *,
    transport: Transport | None = None,
) -> Account:
    """Register this laptop with the server as `username`; the token goes to the OS keyring.

    Refused while the store holds unsent edits made under another account: they would reach the server as the new
    user's (and most likely be refused as outside their caseload).
    """
    url = normalise_server_url(server_url)
    _check_switch(store, url, username)
    own = transport is None
    client = transport or Transport(url)
    try:
        try:
            answer = client.post(
                "/auth/login", {"username": username, "password": password, "device_name": device_name}
            )
        except NotLoggedIn as exc:
            raise RequestRefused(
                "帳號或密碼不正確。", "Wrong username or password.", status=401, code="credentials"
            ) from exc
    finally:
        if own:
            client.close()
    user = answer.get("user") or {}
    token = answer.get("token")
    if not isinstance(token, str) or not token or not isinstance(user, dict):
        raise RequestRefused(
            "伺服器的登入回應不完整。", "The server's login answer is incomplete.", status=200, code="login"
        )
    account = Account(
        server_url=url,
        username=str(user.get("username") or username),
        display_name=str(user.get("display_name") or ""),
        role=str(user.get("role") or ""),
        team=str(user.get("team") or ""),
        server_device_id=str(answer.get("device_id") or ""),
    )
    credentials.save_token(store, token)
    with store.transaction() as session:
        credentials.save_account(session, account)
        save_team_settings(session, answer.get("settings"))
    return account


def _check_switch(store: Store, server_url: str, username: str) -> None:
    with store.transaction() as session:
        account = credentials.load_account(session)
        waiting = int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)
    if account is None or not waiting or (account.server_url, account.username) == (server_url, username):
        return
    raise RuleError(
        f"這台電腦還有 {waiting} 筆 {account.username} 尚未同步的修改，請先以 {account.username} 同步後再換帳號登入。",
        f"This laptop holds {waiting} unsynced edit(s) by {account.username}; sync them as {account.username} "
        "before logging in as someone else.",
    )


def logout(store: Store, *, transport: Transport | None = None) -> None:
    """End this laptop's token on the server (when reachable) and forget it here; local data stays.

    The server answers a logged-out token 401 `logged_out`, never 403 `device_revoked` (only an administrator's
    revocation wipes a store). The store is marked logged out first all the same, so a token the keyring failed to
    forget is never sent again.
    """
    with store.transaction() as session:
        account = credentials.load_account(session)
        credentials.set_meta(session, credentials.LOGGED_OUT, "1")
    try:
        token = credentials.load_token(store)
    except NotLoggedIn:
        return
    if account is not None:
        own = transport is None
        client = transport or Transport(account.server_url, token)
        try:
            client.post("/auth/logout", {}, retry=False)
        except Exception:  # an unreachable server must not keep the token on this laptop
            log.info("logout: the server was not told", exc_info=True)
        finally:
            if own:
                client.close()
    credentials.forget_token(store.device_id)
    credentials.forget_stored_token(store)


_RUN_LOCKS: dict[Path, threading.Lock] = {}
_RUN_LOCKS_GUARD = threading.Lock()


def _run_lock(store: Store) -> threading.Lock:
    with _RUN_LOCKS_GUARD:
        return _RUN_LOCKS.setdefault(store.path.resolve(), threading.Lock())


def sync(
    store: Store,
    *,
    transport: Transport | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> SyncReport:
    """One sync run: push, pull, apply, drift check (and repair). Raises a SyncError subclass when it stops.

    `on_progress` hears about each step; setting `cancel` stops the run at the next step (`SyncCancelled`), with
    everything done so far kept. Runs on one store in this process take turns (a second waits for the first); runs
    from two processes are safe too, only wasteful: pushes are idempotent and the inbox is applied once.
    """
    with _run_lock(store):
        return _sync(store, transport, RunControl(on_progress, cancel))


def _sync(store: Store, transport: Transport | None, control: RunControl) -> SyncReport:
    started = time.monotonic()
    with store.transaction() as session:
        account = credentials.load_account(session)
        if account is None or credentials.logged_out(session):
            raise NotLoggedIn()
    own = transport is None
    client = transport or Transport(account.server_url, credentials.load_token(store))
    try:
        pushed = push(store, client, control=control)
        sent = upload_blobs(store, client, control=control)
        pulled = pull(store, client, control=control)
        control.step("apply", pulled.items)
        applied = apply_inbox(store)
        items, removed = pulled.items, applied.removed
        records, conflicts_new, kept = applied.applied, applied.conflicts_new, applied.kept_local
        held_back = applied.held_back
        repaired = drift = False
        if pulled.scope_hash is not None and pulled.scope_hash != local_scope_hash(store):
            log.warning("sync drift: local scope hash differs from the server's; repairing by a full pull")
            repaired = True
            _start_repair(store)
            again = pull(store, client, control=control, phase="repair")
            control.step("apply", again.items)
            fixed = apply_inbox(store)
            items += again.items
            removed += fixed.removed
            records += fixed.applied
            conflicts_new += fixed.conflicts_new
            kept += fixed.kept_local
            held_back = fixed.held_back
            pulled = again
            drift = again.scope_hash is not None and again.scope_hash != local_scope_hash(store)
        if _apply_review_decisions(store, account):
            # The decisions' effects (a plan approved or returned, a case closed) go up at once, so the server's
            # figures and the supervisor see them without waiting for this laptop's next sync.
            again_pushed = push(store, client, control=control)
            pushed = replace(
                pushed,
                pushed=pushed.pushed + again_pushed.pushed,
                merged=pushed.merged + again_pushed.merged,
                rejected=pushed.rejected + again_pushed.rejected,
                replayed=pushed.replayed + again_pushed.replayed,
            )
        received = download_blobs(store, client, control=control)
        with store.transaction() as session:
            credentials.set_meta(session, credentials.LAST_SYNC_AT, datetime.now().astimezone().isoformat())
            conflicts_open = _count_open(session)
            pending = int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)
        return SyncReport(
            pushed=pushed.pushed,
            applied=records,
            merged=pushed.merged,
            conflicts_new=conflicts_new,
            conflicts_open=conflicts_open,
            rejected=pushed.rejected,
            pulled=items,
            removed=removed,
            kept_local=kept,
            held_back=held_back,
            replayed=pushed.replayed,
            retries=client.retries,
            repaired=repaired,
            drift=drift,
            pending=pending,
            cursor=pulled.cursor,
            duration=round(time.monotonic() - started, 3),
            blobs_sent=sent.sent,
            blobs_received=received.received,
            blobs_missing=sent.missing + received.missing,
        )
    finally:
        if own:
            client.close()


def _apply_review_decisions(store: Store, account: Account) -> int:
    """On a case manager's laptop, write what the supervisor's decisions pulled just now mean for their plans and
    cases (app.services.reviews.apply_decisions): ordinary local edits, pushed like any other."""
    if account.role != CASE_MANAGER:
        return 0
    with store.transaction() as session:
        return apply_decisions(session, account.username)


def _start_repair(store: Store) -> None:
    """Pull everything in scope again from cursor 0; the apply that ends it removes what the server left out.
    Records held back for a missing parent are dropped too: the full pull sends again whatever is still in scope."""
    with store.transaction() as session:
        session.execute(delete(SyncInboxItem))
        credentials.set_meta(session, credentials.REPAIR, "1")
        credentials.set_meta(session, credentials.CURSOR, "0")


def local_scope_hash(store: Store) -> str:
    """The drift hash over every synced row this store holds (version > 0), as the server computes it; records
    held back in the inbox for a missing parent count too, as the server counts them."""
    with store.transaction() as session:
        return _scope_hash(session)


def _scope_hash(session: Session) -> str:
    terms: dict[tuple[str, str], int] = {}
    for name in record_types():
        table = table_of(name)
        for record_id, version in session.execute(select(table.c.id, table.c.version).where(table.c.version > 0)):
            terms[(name, str(record_id))] = version
    for (item,) in session.execute(select(SyncInboxItem.item).where(SyncInboxItem.kind == "record")):
        key = (str(item.get("record_type")), str(item.get("id")))
        if key not in terms or terms[key] < int(item.get("version", 0)):
            terms[key] = int(item.get("version", 0))
    return scope_hash((name, record_id, version) for (name, record_id), version in terms.items())


def _count_open(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved.is_(False))) or 0
    )


def sync_status(store: Store) -> SyncStatus:
    with store.transaction() as session:
        account = credentials.load_account(session)
        signed_off = credentials.logged_out(session)
        status = SyncStatus(
            logged_in=False,
            account=account,
            last_sync_at=credentials.last_sync_at(session),
            pending=int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0),
            open_conflicts=_count_open(session),
            rejected_edits=int(
                session.scalar(
                    select(func.count()).select_from(RejectedEdit).where(RejectedEdit.dismissed_at.is_(None))
                )
                or 0
            ),
            staged=int(session.scalar(select(func.count()).select_from(SyncInboxItem)) or 0),
            cursor=credentials.cursor(session),
        )
    try:
        credentials.load_token(store)
    except NotLoggedIn:
        return status
    return replace(status, logged_in=account is not None and not signed_off)


def read_only_ids(store: Store, record_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these records the server marked read-only for this user (a supervisor's view of team cases)."""
    found: set[uuid.UUID] = set()
    with store.transaction() as session:
        for batch in chunks(record_ids):
            found.update(session.scalars(select(ReadOnlyRecord.record_id).where(ReadOnlyRecord.record_id.in_(batch))))
    return found


def server_reachable(server_url: str, *, transport: Transport | None = None) -> bool:
    """The "online?" probe: GET /health answers ok (no retries, no login needed)."""
    own = transport is None
    try:
        client = transport or Transport(server_url)
    except RequestRefused:
        return False
    try:
        return client.request("GET", "/api/v1/health", retry=False).get("status") == "ok"
    except Exception:
        return False
    finally:
        if own:
            client.close()


@dataclass(frozen=True)
class WipeReport:
    removed: list[str]  # what was removed, for the message to the user


def wipe_store(path: Path | str, device_id: str | None = None) -> WipeReport:
    """Remove a revoked laptop's store: the file, its WAL/SHM, key file, keyring key, sync token and backups.

    The store must be closed first. Everything is removed even if one part fails; the report lists what went.
    """
    path = Path(path)
    removed: list[str] = []
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        if candidate.exists():
            candidate.unlink()
            removed.append(str(candidate))
    sources = existing_key_sources(path)
    forget_key(path)  # the keyring entry and the key file
    if "key file" in sources:
        removed.append(str(wrap_path(path)))
    if "keyring" in sources:
        removed.append("keyring: store key")
    if device_id and credentials.forget_token(device_id):
        removed.append("keyring: sync token")
    folder = backups_dir(path)
    if folder.is_dir():
        for backup in sorted(folder.glob(f"{path.stem}.*")):
            backup.unlink()
            removed.append(str(backup))
        if not any(folder.iterdir()):
            folder.rmdir()
    return WipeReport(removed)

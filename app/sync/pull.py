"""Pull: pages of changes after the stored cursor, each staged in `sync_inbox` together with its cursor.

The cursor moves only in the transaction that stages the page's items, so a run interrupted anywhere resumes at the
last staged page and never skips or loses a change (docs/sync-protocol.md, "Pull"). The team's settings that come
with each page are kept in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.models.sync import SyncInboxItem
from app.services.team_settings import set_closure_signoff
from app.store.store import Store
from app.sync import credentials
from app.sync.errors import ServerRefused
from app.sync.progress import NO_CONTROL, RunControl
from app.sync.transport import Transport

PAGE = 500
KINDS = frozenset({"record", "conflict", "scope_removal"})


@dataclass(frozen=True)
class PullOutcome:
    items: int  # changes staged
    pages: int
    cursor: int
    scope_hash: str | None  # the server's drift hash, given with the last page


def pull(
    store: Store, transport: Transport, *, limit: int = PAGE, control: RunControl = NO_CONTROL, phase: str = "pull"
) -> PullOutcome:
    with store.transaction() as session:
        since = credentials.cursor(session)
    items = pages = 0
    while True:
        control.step(phase, items)
        page = transport.get("/sync/changes", {"since": since, "limit": limit})
        staged, cursor, more, scope_hash = _read_page(page, since)
        with store.transaction() as session:
            session.add_all(SyncInboxItem(version=int(i["version"]), kind=str(i["kind"]), item=i) for i in staged)
            credentials.set_meta(session, credentials.CURSOR, str(cursor))
            save_team_settings(session, page.get("settings"))
        items += len(staged)
        pages += 1
        since = cursor
        if not more:
            return PullOutcome(items, pages, cursor, scope_hash)


def save_team_settings(session: Session, settings: Any) -> None:
    """Keep the team's settings the server sent (at login, with a page of changes) for the rules to ask offline; a
    server that sends none (an older one) leaves them as they were."""
    if isinstance(settings, dict) and isinstance(settings.get("closure_signoff"), bool):
        set_closure_signoff(session, settings["closure_signoff"])


def _read_page(page: dict[str, Any], since: int) -> tuple[list[dict[str, Any]], int, bool, str | None]:
    items = page.get("items")
    cursor = page.get("cursor")
    more = page.get("more")
    scope_hash = page.get("scope_hash")
    valid = (
        isinstance(items, list)
        and all(isinstance(i, dict) and i.get("kind") in KINDS and isinstance(i.get("version"), int) for i in items)
        and isinstance(cursor, int)
        and cursor >= since
        and isinstance(more, bool)
        and (scope_hash is None or isinstance(scope_hash, str))
        # a page that says "more" must move the cursor, or the pull would never end
        and not (more and cursor == since)
    )
    if not valid:
        raise ServerRefused(
            "同步伺服器傳回的變更無法解讀，這次沒有套用任何變更。",
            "The server's page of changes could not be read; nothing was applied.",
        )
    assert isinstance(items, list) and isinstance(cursor, int) and isinstance(more, bool)
    return items, cursor, more, scope_hash if isinstance(scope_hash, str) else None

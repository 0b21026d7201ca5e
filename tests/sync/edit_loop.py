"""A laptop that never stops: numbered edits (a contact attempt and a case field each) and a sync after every two.

Run by the SIGKILL test as `python -m tests.sync.edit_loop STORE CASE_ID`, and killed at random moments. Each edit is
numbered from the store itself (one more than the attempts it holds), in the same transaction that makes it, so
every edit that ever committed has a unique number, however often the process dies.
"""

from __future__ import annotations

import sys
import uuid

from sqlalchemy import func, select

from app.models import Case, ContactAttempt
from app.models.base import utcnow
from app.models.enums import ContactMode, ContactOutcome
from app.store.store import Store
from app.sync.client import sync
from app.sync.errors import SyncError


def main(path: str, case_id: uuid.UUID) -> None:
    store = Store.open(path, actor="cm.chen")
    print("ready", flush=True)
    while True:
        with store.transaction() as db:
            n = int(db.scalar(select(func.count()).select_from(ContactAttempt)) or 0) + 1
            db.add(
                ContactAttempt(
                    case_id=case_id,
                    attempted_at=utcnow(),
                    channel=ContactMode.PHONE,
                    outcome=ContactOutcome.NO_ANSWER,
                    note=f"edit-{n}",
                )
            )
            db.get_one(Case, case_id).intake_assessment = f"v{n}"
        print(f"edit {n}", flush=True)
        if n % 2 == 0:
            try:
                sync(store)
            except SyncError as exc:
                print(f"sync stopped: {exc}", flush=True)
            print("synced", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], uuid.UUID(sys.argv[2]))

"""The team's settings as the central service last said them (at login and with every pull), kept in `store_meta`
so the rules can ask them offline. Only one so far: whether a closure needs the supervisor's sign-off."""

from __future__ import annotations

from typing import Final

from sqlalchemy.orm import Session

from app.models import StoreMeta

# "1" or "0": a closure is final only once the supervisor approved it (結案須經督導核准; app.services.reviews).
CLOSURE_SIGNOFF_META: Final = "team.closure_signoff"


def closure_signoff_required(session: Session) -> bool:
    """Whether this team's closures need the supervisor's approval, as last synced (off until the server says)."""
    row = session.get(StoreMeta, CLOSURE_SIGNOFF_META)
    return row is not None and row.value == "1"


def set_closure_signoff(session: Session, required: bool) -> None:
    value = "1" if required else "0"
    row = session.get(StoreMeta, CLOSURE_SIGNOFF_META)
    if row is None:
        session.add(StoreMeta(key=CLOSURE_SIGNOFF_META, value=value))
    elif row.value != value:
        row.value = value

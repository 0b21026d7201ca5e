"""Push (a batch's ops applied in order, each in its own savepoint, the batch committed once) and pull (one page of
changes after a cursor)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.sync.merge import FieldChange
from server.api.deps import CurrentPrincipal, DatabaseDep
from server.api.routes.auth import ERRORS
from server.api.schemas import MAX_INT, ChangesPage, PushRequest, PushResponse
from server.services import pull, teams
from server.services.push import PushOp, push_op

router = APIRouter(prefix="/sync", tags=["sync"])


@router.post("/push", responses=ERRORS)
def push(body: PushRequest, principal: CurrentPrincipal, database: DatabaseDep) -> PushResponse:
    # One commit per batch, not per op: a commit is a disk flush, and a laptop's first sync sends thousands of ops.
    # Each op is still all-or-nothing (push_op applies it in a savepoint), the counter lock is held to the commit
    # (so versions still become visible in order), and a batch that fails to commit is retried whole by the client:
    # op ids make that safe.
    results = []
    with database.writing() as (session, counter):
        for op in body.ops:
            pushed = PushOp(
                op_id=op.op_id,
                seq=op.seq,
                record_type=op.record_type,
                record_id=op.record_id,
                op=op.op,
                base_version=op.base_version,
                fields={name: FieldChange(base=change.base, new=change.new) for name, change in op.fields.items()},
            )
            results.append(push_op(session, counter, principal, pushed))
    return PushResponse.model_validate({"results": results})


@router.get("/changes", response_model=ChangesPage, responses=ERRORS)
def changes(
    principal: CurrentPrincipal,
    database: DatabaseDep,
    since: Annotated[int, Query(ge=0, le=MAX_INT, description="cursor: the last version already received")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="at most this many items")] = 500,
) -> dict[str, Any]:
    with database.snapshot() as session:
        page = pull.changes(session, principal, since, limit)
        settings = teams.settings_of(session, principal.team_id)
    return {
        "items": page.items,
        "cursor": page.cursor,
        "more": page.more,
        "scope_hash": page.scope_hash,
        "settings": {"closure_signoff": settings.closure_signoff},
    }

"""The server's rules for 送審 (reviews), closure sign-off and the cases a supervision note lists.

Reviews (app.models.review): a case manager inserts a submission for a case of their own, never with a decision; the
supervisor of the case's team changes only the decision fields (`decision`, `decided_by`, `decided_at`, `comment`)
of a pending one, once; nobody changes anything else of a review. So the two sides never write the same field, and
a review never conflicts. Admins write no records at all (records.check_role_may_write).

Closure sign-off: when a team's `closure_signoff` is on, a case manager's change that closes an opened case (stage G
or a closing date) is accepted only when the case has an approved closure review; otherwise it is refused with code
`signoff` and the laptop keeps it as a rejected edit (its closure row stays, waiting to be submitted). A case first
uploaded already closed is not refused: refusing a case would refuse everything of it, and it was closed before
its laptop could know better.
"""

from __future__ import annotations

import uuid
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.enums import ReviewDecision, ReviewSubject, Stage
from server.models import CaseAccess, Record, Team
from server.services import rejections
from server.services.principal import Principal
from server.services.rejections import Rejected

REVIEW_TYPE: Final = "review"
NOTE_TYPE: Final = "supervision_note"
CASE_TYPE: Final = "case"
DECISION_FIELDS: Final = frozenset({"decision", "decided_by", "decided_at", "comment"})
PENDING: Final = ReviewDecision.PENDING.value
DECIDED: Final = frozenset({ReviewDecision.APPROVED.value, ReviewDecision.RETURNED.value})


def review_fields(message_zh: str, message_en: str) -> Rejected:
    return Rejected("review_fields", message_zh, message_en)


def review_decided() -> Rejected:
    return Rejected(
        "review_decided",
        "這筆送審已經審核過了（核准或退回），審核結果不能再更改；如需重審，請個管員重新送審。",
        "This submission has already been decided (approved or returned); the decision cannot change. The case "
        "manager submits again for a new review.",
    )


def signoff_required() -> Rejected:
    return Rejected(
        "signoff",
        "本單位結案須經督導核准：伺服器未接受這次結案。請在結案頁按「送審」，督導核准後個案即結案。",
        "Closures in this team need the supervisor's approval, so the server did not accept this closure. Submit "
        "it from the closure tab; the case closes once it is approved.",
    )


# --- reviews -------------------------------------------------------------------------------------------------------


def check_new_review(session: Session, principal: Principal, data: dict[str, Any]) -> None:
    """A submission: by a case manager (in their own name, for their own case: the scope check follows), pending,
    pointing at a plan or closure of the same case."""
    if principal.is_supervisor:
        raise review_fields(
            "督導只能審核送審（核准或退回），不能代為送審。",
            "A supervisor decides submissions (approve or return) but does not submit them.",
        )
    if not principal.is_case_manager:
        raise rejections.read_only()
    if data.get("decision") != PENDING or data.get("decided_by") or data.get("decided_at") or data.get("comment"):
        raise review_fields(
            "送審時不能填寫審核結果；核准或退回由督導決定。",
            "A submission cannot carry a decision; the supervisor approves or returns it.",
        )
    if data.get("submitted_by") != principal.username:
        raise rejections.invalid("送審人須為您本人。", "A submission is made in your own name.")
    _check_subject(session, data)


def _check_subject(session: Session, data: dict[str, Any]) -> None:
    subject, plan_id, closure_id = data.get("subject"), data.get("plan_id"), data.get("closure_id")
    if subject == ReviewSubject.PLAN.value:
        wanted, target, other = "service_plan", plan_id, closure_id
    else:
        wanted, target, other = "closure", closure_id, plan_id
    if target is None or other is not None:
        raise rejections.invalid(
            "送審的計畫須填 plan_id、結案須填 closure_id（兩者只能擇一）。",
            "A plan submission names its plan_id, a closure submission its closure_id (one of them only).",
        )
    found = session.get(Record, uuid.UUID(str(target)))
    same_case = found is not None and str(found.data.get("case_id")) == str(data.get("case_id"))
    if found is None or found.record_type != wanted or not same_case:
        raise rejections.invalid(
            "送審的計畫或結案不在伺服器上，或不屬於這個個案。",
            "The plan or closure submitted is not on the server, or belongs to another case.",
        )


def check_review_change(principal: Principal, current: dict[str, Any], changes: dict[str, Any]) -> None:
    """A change of a stored review (`changes`: field → new value, only those that differ): the team's supervisor
    deciding a pending submission, and nothing else."""
    if not changes:
        return
    if principal.is_case_manager:
        raise review_fields(
            "送審後不能修改送審紀錄；如需更正，請修改後重新送審。",
            "A submission cannot be changed once made; correct the plan or closure and submit it again.",
        )
    if not principal.is_supervisor:
        raise rejections.read_only()
    other = sorted(set(changes) - DECISION_FIELDS)
    if other:
        raise review_fields(
            f"督導只能填寫審核結果（核准或退回、意見），不能修改：{', '.join(other)}。",
            f"A supervisor writes only the decision (approve or return, comment), not: {', '.join(other)}.",
        )
    if current.get("decision") != PENDING:
        raise review_decided()
    after = {**current, **changes}
    if after.get("decision") not in DECIDED or after.get("decided_at") is None:
        raise rejections.invalid(
            "審核須為核准或退回，並有審核時間。", "A decision is approve or return, with its time."
        )
    if after.get("decided_by") != principal.username:
        raise rejections.invalid("審核人須為您本人。", "A decision is made in your own name.")
    if after.get("decision") == ReviewDecision.RETURNED.value and not str(after.get("comment") or "").strip():
        raise rejections.invalid("退回時請寫下需要修改之處。", "A return needs a comment saying what to change.")


# --- closure sign-off ------------------------------------------------------------------------------------------------


def check_closing(session: Session, case: Record, changes: dict[str, Any]) -> None:
    """A change that closes an opened case needs an approved closure review where the team requires sign-off."""
    after = {**case.data, **changes}
    closing = ("stage" in changes and changes["stage"] == Stage.G.value) or (
        "closed_on" in changes and changes["closed_on"] is not None
    )
    if not closing or after.get("decision") != "open":
        return
    access = session.get(CaseAccess, case.id)
    team = session.get(Team, access.team_id) if access is not None and access.team_id is not None else None
    if team is None or not team.closure_signoff:
        return
    reviews = session.scalars(
        select(Record.data).where(
            Record.record_type == REVIEW_TYPE, Record.case_id == case.id, Record.deleted.is_(False)
        )
    )
    approved = any(
        data.get("subject") == ReviewSubject.CLOSURE.value and data.get("decision") == ReviewDecision.APPROVED.value
        for data in reviews
    )
    if not approved:
        raise signoff_required()


# --- supervision notes -----------------------------------------------------------------------------------------------


def check_note_cases(session: Session, principal: Principal, case_ids: Any) -> None:
    """The cases a supervision note lists must be cases of the author's team (a note is seen by its case's team, or
    the whole team; naming another team's case would tell them nothing, and is a mistake)."""
    if not case_ids:
        return
    try:
        wanted = {uuid.UUID(str(value)) for value in case_ids}
    except ValueError as exc:
        raise rejections.invalid("case_ids 須為個案編號（UUID）的清單。", "case_ids must list case UUIDs.") from exc
    rows = session.execute(select(CaseAccess.case_id, CaseAccess.team_id).where(CaseAccess.case_id.in_(wanted))).all()
    teams = {case_id: team_id for case_id, team_id in rows}
    if any(teams.get(case_id) != principal.team_id for case_id in wanted):
        raise Rejected(
            "scope",
            "督導紀錄列出的個案須為本團隊的個案。",
            "The cases a supervision note lists must be cases of your team.",
        )

"""The plan tab's list of the plan's versions, and where a version stands with the supervisor (送審): waiting,
returned with the comment, or approved and waiting for 執行計畫. Apart from the tab, which edits the shown version,
because these only read a version and the case it belongs to."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from app.models import Case, ServicePlan
from app.models.enums import PlanStatus, ReviewDecision, Stage
from app.services import reviews
from app.services.plan_edits import CONSENT_BY
from app.views.workspace.common import ERROR_COLOUR, OK_COLOUR, day_text, pick, span_text
from app.views.workspace.common_tables import add_row, cell, fit_rows, make_table
from app.views.workspace.plan_texts import PLAN_STATUS
from app.views.workspace.review_state import ReviewStateLabel


def versions_table() -> QTableWidget:
    return make_table(
        [
            pick(("版本", "Version")),
            pick(("狀態", "Status")),
            pick(("計畫期間", "Period")),
            pick(("知後同意", "Consent")),
            pick(("修訂原因", "Revision reason")),
        ],
        pick(("計畫版本", "Plan versions")),
    )


def show_versions(table: QTableWidget, case: Case | None, plans: list[ServicePlan]) -> None:
    """One row a version (its id in the first cell), without telling the tab that the selection changed."""
    table.blockSignals(True)
    table.setRowCount(0)
    for plan in plans:
        by = pick(CONSENT_BY.get(plan.consent_by, ("", "")))
        consent = f"{day_text(plan.consent_on)} {by}" if plan.consent_given else pick(("未同意", "not yet"))
        draft = plan.status == PlanStatus.DRAFT
        add_row(
            table,
            [
                cell(pick((f"第 {plan.version_no} 版", f"v{plan.version_no}")), plan.id),
                cell(status_text(case, plan), colour=OK_COLOUR if plan.status == PlanStatus.APPROVED else None),
                cell(span_text(plan.start_on, plan.end_on)),
                cell(consent, colour=ERROR_COLOUR if draft and not plan.consent_given else None),
                cell(plan.revision_reason or "—"),
            ],
        )
    fit_rows(table, 1, 4)
    table.blockSignals(False)


def approved_not_started(case: Case | None, plan: ServicePlan) -> bool:
    """Signed off by the supervisor, and the case not yet carrying a plan out (執行計畫 starts it)."""
    return plan.status == PlanStatus.APPROVED and case is not None and case.stage in (Stage.C, Stage.D)


def status_text(case: Case | None, plan: ServicePlan) -> str:
    if approved_not_started(case, plan):
        return pick(("督導已核定，待執行", "Approved, not started"))
    return pick(PLAN_STATUS[plan.status])


def show_review(label: ReviewStateLabel, case: Case | None, plan: ServicePlan | None) -> None:
    """Where the shown version stands with the supervisor, with the comment of a return."""
    review = reviews.latest_plan_review(case, plan.id) if case is not None and plan else None
    returned = approved = ""
    if plan is not None and plan.status != PlanStatus.SUPERSEDED:
        returned = pick(
            (
                "請按「修訂計畫」建立新版本，依意見修改後再送審。",
                "Revise it into a new version, change what was asked, and submit that.",
            )
        )
    if plan is not None and approved_not_started(case, plan):
        approved = pick(("可按「執行計畫」開始執行。", "Press “Start the plan” to carry it out."))
    label.show_review(review, returned_hint=returned, approved_hint=approved)


def waiting(case: Case, plan: ServicePlan) -> bool:
    """Submitted and not yet decided: 修訂計畫 waits for the supervisor."""
    review = reviews.latest_plan_review(case, plan.id)
    return review is not None and review.decision == ReviewDecision.PENDING

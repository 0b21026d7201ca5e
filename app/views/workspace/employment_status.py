"""How the employment tab shows a job: its wage, proofs and support, and its 推介成功 / 就業成功 status as the rules
compute it today (003 三(四)(五)), as badges and as sentences saying what is missing or when it is reached."""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.models import Employment
from app.models.enums import EmploymentProof
from app.services import clock
from app.services.plan_edits import EmploymentStatus
from app.services.supported_employment import INTENSIVE_SUPPORT_MIN_WORKING_DAYS, MIN_WEEKLY_HOURS
from app.views.workspace.common import day_text, pick

PROOFS: Final[dict[EmploymentProof, tuple[str, str]]] = {
    EmploymentProof.LABOUR_INSURANCE: ("勞工保險", "Labour insurance"),
    EmploymentProof.EMPLOYMENT_INSURANCE: ("就業保險", "Employment insurance"),
    EmploymentProof.EMPLOYMENT_CERTIFICATE: ("僱用證明", "Employment certificate"),
    EmploymentProof.PAYROLL: ("薪資名冊", "Payroll"),
    EmploymentProof.TIME_CARD: ("打卡單", "Time card"),
    EmploymentProof.SIGN_IN_SHEET: ("簽到表", "Sign-in sheet"),
}
PLACED_STYLE: Final = "background: #e3f2fd; color: #0d47a1; border: 1px solid #90caf9;"
SUCCESS_STYLE: Final = "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
PENDING_STYLE: Final = "background: #f5f5f5; color: #5f6368; border: 1px solid #dadce0;"
BADGE_STYLE: Final = "QLabel {{ {colours} border-radius: 8px; padding: 1px 8px; }}"
RULES: Final = (
    "推介成功：競爭性職場就業滿 1 天且有勞保（5 人以下公司可用其他證明）；就業成功：就業滿 3 個月、"
    f"薪資與權益合法、每週至少 {MIN_WEEKLY_HOURS} 小時。狀態依今日計算。",
    "Placed: a competitive job for ≥ 1 day with labour insurance (other proof for firms of ≤ 5); "
    f"employed: 3 months on lawful terms, ≥ {MIN_WEEKLY_HOURS} h a week. Computed as of today.",
)


def wage_text(job: Employment) -> str:
    if job.monthly_wage is not None:
        return pick((f"月薪 {job.monthly_wage:,.0f}", f"{job.monthly_wage:,.0f}/month"))
    if job.hourly_wage is not None:
        return pick((f"時薪 {job.hourly_wage:,.0f}", f"{job.hourly_wage:,.0f}/hour"))
    return "—"


def proofs_text(job: Employment) -> str:
    """The labour insurance (from when) and the other proof of the job."""
    proofs = []
    if job.labour_insurance_on is not None:
        proofs.append(pick((f"勞保 {day_text(job.labour_insurance_on)}", day_text(job.labour_insurance_on))))
    if job.proof is not None and job.proof != EmploymentProof.LABOUR_INSURANCE:
        proofs.append(pick(PROOFS[job.proof]))
    if not proofs and job.proof == EmploymentProof.LABOUR_INSURANCE:
        proofs.append(pick(PROOFS[job.proof]))
    return "、".join(proofs) or pick(("無", "none"))


def support_text(job: Employment, status: EmploymentStatus) -> str:
    if not job.supported:
        return "—"
    return pick(
        (
            f"{job.intensive_support_days} 天（{'支持性' if status.supported else '一般性'}）",
            f"{job.intensive_support_days} days ({'supported' if status.supported else 'general'})",
        )
    )


def badge(text: str, colours: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(BADGE_STYLE.format(colours=colours))
    label.setAccessibleName(text)
    return label


def status_badges(status: EmploymentStatus) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(4, 2, 4, 2)
    row.setSpacing(4)
    if status.placement_success:
        row.addWidget(badge(pick(("推介成功", "Placed")), PLACED_STYLE))
    if status.employment_success:
        row.addWidget(badge(pick(("就業成功", "Employed 3 months")), SUCCESS_STYLE))
    if not status.placement_success and not status.employment_success:
        row.addWidget(badge(pick(("尚未成功", "Not yet counted")), PENDING_STYLE))
    row.addStretch(1)
    return box


def explanation(job: Employment, status: EmploymentStatus | None) -> str:
    """What keeps `job` from counting, or when it will."""
    if status is None:
        return ""
    notes = []
    if not status.placement_success:
        notes.append(
            pick(
                (
                    "未達推介成功：需競爭性職場且有勞保加保日（5 人以下公司可用其他證明並填員工人數）。",
                    "Not placed: needs a competitive job with labour insurance (or other proof for firms of ≤ 5).",
                )
            )
        )
    if status.employment_success:
        notes.append(pick(("已就業滿 3 個月，符合就業成功。", "Three months reached: counts as employed.")))
    elif job.end_on is None and status.three_months_on >= clock.today():
        notes.append(
            pick(
                (
                    f"持續就業至 {day_text(status.three_months_on)} 即滿 3 個月（就業成功）。",
                    f"Employed through {day_text(status.three_months_on)} completes 3 months.",
                )
            )
        )
    elif job.hours_per_week < MIN_WEEKLY_HOURS:
        notes.append(
            pick((f"每週工時未滿 {MIN_WEEKLY_HOURS} 小時，不計就業成功。", f"Under {MIN_WEEKLY_HOURS} h a week."))
        )
    if job.supported and not status.supported:
        notes.append(
            pick(
                (
                    f"密集輔導未滿 {INTENSIVE_SUPPORT_MIN_WORKING_DAYS} 個工作天，計為一般性就業。",
                    f"Under {INTENSIVE_SUPPORT_MIN_WORKING_DAYS} working days of support: counts as general.",
                )
            )
        )
    return "　".join(notes)

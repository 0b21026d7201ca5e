"""就業: the client's jobs with their 推介成功 / 就業成功 status as the rules compute it today (003 三(四)(五)), and
the form to add a job (workflow.record_employment), correct one, or record that it ended."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models import Case, Employment
from app.models.enums import EmploymentProof
from app.services import clock, plan_edits
from app.services.plan_edits import EmploymentStatus, EmploymentValues
from app.services.supported_employment import INTENSIVE_SUPPORT_MIN_WORKING_DAYS, MIN_WEEKLY_HOURS
from app.views.runner import StoreRunner
from app.views.widgets import FormValidator, RocDateEdit
from app.views.workspace.base import CaseTab
from app.views.workspace.plan_tab import (
    MUTED_COLOUR,
    Notice,
    cell,
    day_text,
    first_problem,
    language,
    make_table,
    pick,
    refusal_shower,
    select_id,
    selected_id,
    set_combo_data,
)

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
MONTHLY, HOURLY = "monthly", "hourly"


def badge(text: str, colours: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(BADGE_STYLE.format(colours=colours))
    label.setAccessibleName(text)
    return label


class EmploymentTab(CaseTab):
    title_zh = "就業"
    title_en = "Employment"
    target_kinds = ("employment",)

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        lang = language()
        self._focus: uuid.UUID | None = None
        self._shown: uuid.UUID | None = None
        self.statuses: dict[uuid.UUID, EmploymentStatus] = {}
        self.table = make_table(
            [
                self.text("雇主", "Employer"),
                self.text("職務", "Job"),
                self.text("到職日", "Started"),
                self.text("每週工時", "Hours/week"),
                self.text("薪資", "Wage"),
                self.text("勞保／證明", "Insurance / proof"),
                self.text("支持性就業", "Supported"),
                self.text("離職", "Ended"),
                self.text("狀態（今日）", "Status (today)"),
            ],
            self.text("就業紀錄", "Jobs"),
        )
        self.table.itemSelectionChanged.connect(self._picked)
        self.empty = QLabel(self.text("尚無就業紀錄。", "No jobs recorded yet."))
        self.empty.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(f"color: {MUTED_COLOUR};")

        # --- the job form: a new job, or the selected one corrected ---
        self.form_box = QGroupBox(self.text("就業資料", "Job"))
        self.employer = QLineEdit()
        self.employer.setAccessibleName(self.text("雇主", "Employer"))
        self.employer_size = QSpinBox()
        self.employer_size.setAccessibleName(self.text("員工人數", "Employees"))
        self.employer_size.setRange(0, 100_000)
        self.employer_size.setSpecialValueText(self.text("不詳", "unknown"))
        self.employer_size.setToolTip(
            self.text("5 人以下的公司可用勞保以外的證明（003 三(四)）", "Firms of ≤ 5 may prove the job otherwise")
        )
        self.job_title = QLineEdit()
        self.job_title.setAccessibleName(self.text("職務", "Job"))
        self.start_on = RocDateEdit(label=self.text("到職日", "Start"), required=True, language=lang)
        self.hours = QDoubleSpinBox()
        self.hours.setAccessibleName(self.text("每週工時", "Hours per week"))
        self.hours.setRange(0, plan_edits.MAX_WEEKLY_HOURS)
        self.hours.setDecimals(1)
        self.hours.setValue(40)
        self.hours.setSuffix(self.text(" 小時", " h"))
        self.wage_kind = QComboBox()
        self.wage_kind.setAccessibleName(self.text("計薪方式", "Paid"))
        self.wage_kind.addItem(self.text("月薪", "monthly"), MONTHLY)
        self.wage_kind.addItem(self.text("時薪", "hourly"), HOURLY)
        self.wage = QDoubleSpinBox()
        self.wage.setAccessibleName(self.text("薪資", "Wage"))
        self.wage.setRange(0, 10_000_000)
        self.wage.setDecimals(0)
        self.wage.setSpecialValueText(self.text("未填", "not given"))
        self.wage.setSuffix(self.text(" 元", " NTD"))
        self.wage.setGroupSeparatorShown(True)
        self.insured_on = RocDateEdit(label=self.text("勞保加保日", "Insured from"), language=lang)
        self.proof = QComboBox()
        self.proof.setAccessibleName(self.text("就業證明", "Proof"))
        self.proof.addItem(self.text("（無）", "(none)"), "")
        for proof, proof_label in PROOFS.items():
            self.proof.addItem(pick(proof_label), proof)
        self.competitive = QCheckBox(self.text("競爭性職場", "Competitive job"))
        self.competitive.setChecked(True)
        self.before_service = QCheckBox(self.text("服務前已在職", "Employed before service"))
        self.supported = QCheckBox(self.text("支持性就業（密集輔導）", "Supported employment"))
        self.support_days = QSpinBox()
        self.support_days.setAccessibleName(self.text("密集輔導工作天數", "Working days of intensive support"))
        self.support_days.setRange(0, 999)
        self.support_days.setSuffix(self.text(" 個工作天", " working days"))
        self.group_model = QCheckBox(self.text("群組模式", "Group model"))
        self.remote = QCheckBox(self.text("偏鄉", "Remote area"))
        self.high_support = QCheckBox(self.text("高度支持需求", "High support needs"))
        self.validator = FormValidator()
        for field in (self.start_on, self.insured_on):
            self.validator.register(field)
        self.supported.toggled.connect(self.support_days.setEnabled)
        self.support_days.setEnabled(False)

        grid = QGridLayout()
        top = Qt.AlignmentFlag.AlignTop
        rows: list[list[tuple[str, QWidget]]] = [
            [(self.text("雇主", "Employer"), self.employer), (self.text("員工人數", "Employees"), self.employer_size)],
            [(self.text("職務", "Job"), self.job_title), (self.text("每週工時", "Hours/week"), self.hours)],
            [(self.text("到職日", "Start"), self.start_on), (self.text("勞保加保日", "Insured from"), self.insured_on)],
            [
                (self.text("就業證明", "Proof"), self.proof),
                (self.text("薪資", "Wage"), self._pair(self.wage_kind, self.wage)),
            ],
        ]
        for row, pairs in enumerate(rows):
            for column, (caption, widget) in enumerate(pairs):
                label = QLabel(caption)
                label.setBuddy(widget)
                grid.addWidget(label, row, column * 2, top)
                grid.addWidget(widget, row, column * 2 + 1, top)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        flags = QHBoxLayout()
        for widget in (self.competitive, self.before_service, self.supported, self.support_days):
            flags.addWidget(widget)
        flags.addStretch(1)
        counts = QHBoxLayout()
        for widget in (self.group_model, self.remote, self.high_support):
            counts.addWidget(widget)
        counts.addStretch(1)

        self.add_button = QPushButton(self.text("新增就業", "Add job"))
        self.update_button = QPushButton(self.text("儲存修改", "Save changes"))
        self.clear_button = QPushButton(self.text("改為新增", "New job instead"))
        self.add_button.clicked.connect(self.add)
        self.update_button.clicked.connect(self.save_changes)
        self.clear_button.clicked.connect(self.clear_form)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.update_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.form_notice = Notice()
        form_layout = QVBoxLayout(self.form_box)
        form_layout.addLayout(grid)
        form_layout.addLayout(flags)
        form_layout.addLayout(counts)
        form_layout.addLayout(buttons)
        form_layout.addWidget(self.form_notice)

        # --- the end of the selected job ---
        self.end_box = QGroupBox(self.text("離職", "Job ended"))
        self.end_on = RocDateEdit(label=self.text("離職日", "Last day"), required=True, language=lang)
        self.end_on.setMinimumWidth(260)
        self.end_reason = QLineEdit()
        self.end_reason.setAccessibleName(self.text("離職原因", "Reason"))
        self.end_reason.setPlaceholderText(self.text("例：契約到期、個人因素", "e.g. contract ended"))
        self.end_button = QPushButton(self.text("記錄離職", "Record the end"))
        self.end_button.clicked.connect(self.end)
        self.end_notice = Notice()
        end_row = QHBoxLayout()
        end_row.addWidget(QLabel(self.text("離職日", "Last day")), 0, top)
        end_row.addWidget(self.end_on)
        end_row.addWidget(QLabel(self.text("原因", "Reason")), 0, top)
        end_row.addWidget(self.end_reason, 1, top)
        end_row.addWidget(self.end_button, 0, top)
        end_layout = QVBoxLayout(self.end_box)
        end_layout.addLayout(end_row)
        end_layout.addWidget(self.end_notice)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.explain)
        layout.addWidget(self.form_box)
        layout.addWidget(self.end_box)
        self.clear_form()

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first)
        row.addWidget(second, 1)
        return box

    # --- showing ---

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        keep = self._focus or selected_id(self.table)
        today = clock.today()
        jobs = sorted((e for e in case.employments if not e.deleted), key=lambda e: e.start_on, reverse=True)
        self.statuses = {job.id: plan_edits.employment_status(job, case.opened_on, today) for job in jobs}
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for job in jobs:
            row = self.table.rowCount()
            self.table.insertRow(row)
            status = self.statuses[job.id]
            if job.monthly_wage is not None:
                wage = self.text(f"月薪 {job.monthly_wage:,.0f}", f"{job.monthly_wage:,.0f}/month")
            elif job.hourly_wage is not None:
                wage = self.text(f"時薪 {job.hourly_wage:,.0f}", f"{job.hourly_wage:,.0f}/hour")
            else:
                wage = "—"
            proofs = []
            if job.labour_insurance_on is not None:
                proofs.append(self.text(f"勞保 {day_text(job.labour_insurance_on)}", day_text(job.labour_insurance_on)))
            if job.proof is not None and job.proof != EmploymentProof.LABOUR_INSURANCE:
                proofs.append(pick(PROOFS[job.proof]))
            if not proofs and job.proof == EmploymentProof.LABOUR_INSURANCE:
                proofs.append(pick(PROOFS[job.proof]))
            if job.supported:
                support = self.text(
                    f"{job.intensive_support_days} 天（{'支持性' if status.supported else '一般性'}）",
                    f"{job.intensive_support_days} days ({'supported' if status.supported else 'general'})",
                )
            else:
                support = "—"
            ended = f"{day_text(job.end_on)} {job.end_reason}".strip() if job.end_on else "—"
            self.table.setItem(row, 0, cell(job.employer, job.id))
            self.table.setItem(row, 1, cell(job.job_title))
            self.table.setItem(row, 2, cell(day_text(job.start_on)))
            self.table.setItem(row, 3, cell(f"{job.hours_per_week:g}"))
            self.table.setItem(row, 4, cell(wage))
            self.table.setItem(row, 5, cell("、".join(proofs) or self.text("無", "none")))
            self.table.setItem(row, 6, cell(support))
            self.table.setItem(row, 7, cell(ended))
            self.table.setItem(row, 8, cell(""))
            self.table.setCellWidget(row, 8, self._badges(status))
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self.table.setVisible(bool(jobs))
        self.empty.setVisible(not jobs)
        if not select_id(self.table, keep):
            self.table.setCurrentCell(-1, -1)
        self._focus = None
        self._picked()

    def _badges(self, status: EmploymentStatus) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(4)
        if status.placement_success:
            row.addWidget(badge(self.text("推介成功", "Placed"), PLACED_STYLE))
        if status.employment_success:
            row.addWidget(badge(self.text("就業成功", "Employed 3 months"), SUCCESS_STYLE))
        if not status.placement_success and not status.employment_success:
            row.addWidget(badge(self.text("尚未成功", "Not yet counted"), PENDING_STYLE))
        row.addStretch(1)
        return box

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        self._focus = target_id
        if select_id(self.table, target_id):
            self._focus = None
            self.table.setFocus()

    def selected(self) -> Employment | None:
        job_id = selected_id(self.table)
        if self.case is None or job_id is None:
            return None
        return next((e for e in self.case.employments if e.id == job_id), None)

    def _picked(self) -> None:
        job = self.selected()
        shown = job.id if job is not None else None
        if shown != self._shown:  # another job: the messages about the last one no longer apply
            self._shown = shown
            self.form_notice.clear()
            self.end_notice.clear()
        open_case = self.case is not None and self.case.opened_on is not None and self.case.closed_on is None
        self.update_button.setEnabled(open_case and job is not None)
        self.add_button.setEnabled(open_case and job is None)
        self.clear_button.setEnabled(job is not None)
        self.form_box.setTitle(
            self.text(f"修改所選就業：{job.employer}", f"Correct the selected job: {job.employer}")
            if job is not None
            else self.text("新增就業", "New job")
        )
        self.end_box.setEnabled(open_case and job is not None and job.end_on is None)
        if job is None:
            self.explain.setText(
                self.text(
                    "推介成功：競爭性職場就業滿 1 天且有勞保（5 人以下公司可用其他證明）；就業成功：就業滿 3 個月、"
                    f"薪資與權益合法、每週至少 {MIN_WEEKLY_HOURS} 小時。狀態依今日計算。",
                    "Placed: a competitive job for ≥ 1 day with labour insurance (other proof for firms of ≤ 5); "
                    f"employed: 3 months on lawful terms, ≥ {MIN_WEEKLY_HOURS} h a week. Computed as of today.",
                )
            )
            return
        self._load(job)
        self.explain.setText(self._explain(job, self.statuses.get(job.id)))
        self.end_on.setDate(job.end_on or clock.today())
        self.end_reason.setText(job.end_reason)

    def _explain(self, job: Employment, status: EmploymentStatus | None) -> str:
        if status is None:
            return ""
        notes = []
        if not status.placement_success:
            notes.append(
                self.text(
                    "未達推介成功：需競爭性職場且有勞保加保日（5 人以下公司可用其他證明並填員工人數）。",
                    "Not placed: needs a competitive job with labour insurance (or other proof for firms of ≤ 5).",
                )
            )
        if status.employment_success:
            notes.append(self.text("已就業滿 3 個月，符合就業成功。", "Three months reached: counts as employed."))
        elif job.end_on is None and status.three_months_on >= clock.today():
            notes.append(
                self.text(
                    f"持續就業至 {day_text(status.three_months_on)} 即滿 3 個月（就業成功）。",
                    f"Employed through {day_text(status.three_months_on)} completes 3 months.",
                )
            )
        elif job.hours_per_week < MIN_WEEKLY_HOURS:
            notes.append(
                self.text(
                    f"每週工時未滿 {MIN_WEEKLY_HOURS} 小時，不計就業成功。", f"Under {MIN_WEEKLY_HOURS} h a week."
                )
            )
        if job.supported and not status.supported:
            notes.append(
                self.text(
                    f"密集輔導未滿 {INTENSIVE_SUPPORT_MIN_WORKING_DAYS} 個工作天，計為一般性就業。",
                    f"Under {INTENSIVE_SUPPORT_MIN_WORKING_DAYS} working days of support: counts as general.",
                )
            )
        return "　".join(notes)

    def _load(self, job: Employment) -> None:
        self.employer.setText(job.employer)
        self.employer_size.setValue(job.employer_size or 0)
        self.job_title.setText(job.job_title)
        self.start_on.setDate(job.start_on)
        self.hours.setValue(job.hours_per_week)
        hourly = job.hourly_wage is not None and job.monthly_wage is None
        set_combo_data(self.wage_kind, HOURLY if hourly else MONTHLY)
        wage = job.hourly_wage if hourly else job.monthly_wage
        self.wage.setValue(float(wage or 0))
        self.insured_on.setDate(job.labour_insurance_on)
        set_combo_data(self.proof, job.proof or "")
        self.competitive.setChecked(job.competitive)
        self.before_service.setChecked(job.employed_before_service)
        self.supported.setChecked(job.supported)
        self.support_days.setValue(job.intensive_support_days)
        self.group_model.setChecked(job.group_model)
        self.remote.setChecked(job.remote_area)
        self.high_support.setChecked(job.high_support)

    def clear_form(self) -> None:
        self.table.setCurrentCell(-1, -1)
        self.table.clearSelection()
        for edit in (self.employer, self.job_title):
            edit.clear()
        self.employer_size.setValue(0)
        self.start_on.setDate(clock.today())
        self.hours.setValue(40)
        self.wage.setValue(0)
        self.insured_on.setDate(None)
        set_combo_data(self.proof, EmploymentProof.LABOUR_INSURANCE)
        self.competitive.setChecked(True)
        for box in (self.before_service, self.supported, self.group_model, self.remote, self.high_support):
            box.setChecked(False)
        self.support_days.setValue(0)
        self._picked()

    # --- saving ---

    def values(self) -> EmploymentValues | None:
        start = self.start_on.date()
        if start is None:
            return None
        wage = Decimal(int(self.wage.value())) if self.wage.value() else None
        hourly = self.wage_kind.currentData() == HOURLY
        proof = self.proof.currentData()
        return EmploymentValues(
            employer=self.employer.text(),
            job_title=self.job_title.text(),
            start_on=start,
            hours_per_week=self.hours.value(),
            employer_size=self.employer_size.value() or None,
            monthly_wage=None if hourly else wage,
            hourly_wage=wage if hourly else None,
            labour_insurance_on=self.insured_on.date(),
            proof=EmploymentProof(proof) if proof else None,
            competitive=self.competitive.isChecked(),
            employed_before_service=self.before_service.isChecked(),
            supported=self.supported.isChecked(),
            intensive_support_days=self.support_days.value(),
            group_model=self.group_model.isChecked(),
            remote_area=self.remote.isChecked(),
            high_support=self.high_support.isChecked(),
        )

    def _run(self, job: Callable[[Any], object], notice: Notice, done: Callable[[object], None]) -> None:
        notice.clear()
        self.runner.run(job, done, refusal_shower(notice, self), owner=self)

    def _checked_values(self) -> EmploymentValues | None:
        problem = first_problem(self.validator)
        values = self.values()
        if problem is not None or values is None:
            self.form_notice.show_error(problem or "")
            return None
        return values

    def add(self) -> None:
        values = self._checked_values()
        if self.case is None or values is None:
            return
        case_id = self.case.id

        def added(job_id: object) -> None:
            self._focus = job_id if isinstance(job_id, uuid.UUID) else None
            self.form_notice.show_ok(self.text("已新增就業紀錄。", "Job added."))
            self.changed.emit()

        self._run(lambda session: plan_edits.add_employment(session, case_id, values), self.form_notice, added)

    def save_changes(self) -> None:
        job, values = self.selected(), self._checked_values()
        if job is None or values is None:
            return
        job_id = job.id

        def updated(_result: object) -> None:
            self.form_notice.show_ok(self.text("已儲存修改。", "Changes saved."))
            self.changed.emit()

        self._run(lambda session: plan_edits.update_employment(session, job_id, values), self.form_notice, updated)

    def end(self) -> None:
        job, end_on = self.selected(), self.end_on.date()
        if job is None:
            return
        if end_on is None:
            self.end_notice.show_error(self.end_on.errorMessage() or self.text("請填寫離職日。", "Enter the last day."))
            return
        job_id, reason = job.id, self.end_reason.text()

        def ended(_result: object) -> None:
            self.end_notice.show_ok(self.text("已記錄離職。", "End recorded."))
            self.changed.emit()

        self._run(lambda session: plan_edits.end_employment(session, job_id, end_on, reason), self.end_notice, ended)

"""就業: the client's jobs with their 推介成功 / 就業成功 status as the rules compute it today (003 三(四)(五)), and
the form to add a job (workflow.record_employment), correct one, or record that it ended."""

from __future__ import annotations

import uuid
from decimal import Decimal

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
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.base import NEW_KEYS, SAVE_KEYS, CaseTab
from app.views.workspace.common import (
    Notice,
    day_text,
    first_problem,
    form_validator,
    language,
    muted_label,
    pick,
    required_date,
    row_of,
    run_and_reload,
    run_edit,
    set_combo_data,
)
from app.views.workspace.common_tables import (
    add_row,
    cell,
    find_selected,
    focus_row,
    make_table,
    select_id,
    selected_id,
)
from app.views.workspace.employment_status import (
    PROOFS,
    RULES,
    explanation,
    proofs_text,
    status_badges,
    support_text,
    wage_text,
)

MONTHLY, HOURLY = "monthly", "hourly"


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
        self.empty = muted_label(self.text("尚無就業紀錄。", "No jobs recorded yet."))
        self.explain = muted_label(wrap=True)

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
        self.validator = form_validator(self.start_on, self.insured_on)
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
        flags = row_of(self.competitive, self.before_service, self.supported, self.support_days)
        counts = row_of(self.group_model, self.remote, self.high_support)

        self.add_button = QPushButton(self.text("新增就業", "Add job"))
        self.update_button = QPushButton(self.text("儲存修改", "Save changes"))
        self.clear_button = QPushButton(self.text("改為新增", "New job instead"))
        self.add_button.clicked.connect(self.add)
        self.update_button.clicked.connect(self.save_changes)
        self.clear_button.clicked.connect(self.clear_form)
        buttons = row_of(self.add_button, self.update_button, self.clear_button)
        self.add_shortcut(SAVE_KEYS, self.update_button, self.add_button)  # whichever the form is for now
        self.add_shortcut(NEW_KEYS, self.clear_button)
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
            status = self.statuses[job.id]
            ended = f"{day_text(job.end_on)} {job.end_reason}".strip() if job.end_on else "—"
            row = add_row(
                self.table,
                [
                    cell(job.employer, job.id),
                    cell(job.job_title),
                    cell(day_text(job.start_on)),
                    cell(f"{job.hours_per_week:g}"),
                    cell(wage_text(job)),
                    cell(proofs_text(job)),
                    cell(support_text(job, status)),
                    cell(ended),
                    cell(""),
                ],
            )
            self.table.setCellWidget(row, 8, status_badges(status))
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self.table.setVisible(bool(jobs))
        self.empty.setVisible(not jobs)
        if not select_id(self.table, keep):
            self.table.setCurrentCell(-1, -1)
        self._focus = None
        self._picked()

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        self._focus = focus_row(self.table, target_id)

    def selected(self) -> Employment | None:
        return find_selected(self.table, self.case.employments) if self.case is not None else None

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
            self.explain.setText(pick(RULES))
            return
        self._load(job)
        self.explain.setText(explanation(job, self.statuses.get(job.id)))
        self.end_on.setDate(job.end_on or clock.today())
        self.end_reason.setText(job.end_reason)

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

        run_edit(self, self.form_notice, lambda session: plan_edits.add_employment(session, case_id, values), added)

    def save_changes(self) -> None:
        job, values = self.selected(), self._checked_values()
        if job is None or values is None:
            return
        job_id = job.id
        run_and_reload(
            self,
            self.form_notice,
            lambda session: plan_edits.update_employment(session, job_id, values),
            ("已儲存修改。", "Changes saved."),
        )

    def end(self) -> None:
        job = self.selected()
        if job is None:
            return
        end_on = required_date(self.end_on, self.end_notice, ("請填寫離職日。", "Enter the last day."))
        if end_on is None:
            return
        job_id, reason = job.id, self.end_reason.text()
        run_and_reload(
            self,
            self.end_notice,
            lambda session: plan_edits.end_employment(session, job_id, end_on, reason),
            ("已記錄離職。", "End recorded."),
        )

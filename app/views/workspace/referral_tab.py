"""派案/轉介: the case's referrals to service units and job referrals (推介), with the unit's answer and the follow-up
owed a month later (002 附件一 三(四)(五)), and the form for a new one, sent through referrals.dispatch (the unit
contacted first, its remaining capacity, the client's consent)."""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import Case, Referral
from app.models.enums import ReferralKind, ReferralResponse
from app.services import clock, plan_edits
from app.services.plan_edits import ReferralValues, UnitChoice
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.base import CaseTab
from app.views.workspace.common import (
    ERROR_COLOUR,
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
    service_name,
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
from app.views.workspace.common_units import UnitPicker, load_units, service_kind_combo
from app.views.workspace.referral_texts import (
    KINDS,
    RESPONSES,
    SHORT_KINDS,
    answer_text,
    consented_text,
    contacted_text,
    due_text,
    response_text,
    summary_html,
)

PICK_ONE: Final = ("請在上方選擇一筆轉介。", "Pick a referral above.")


class ReferralTab(CaseTab):
    title_zh = "派案/轉介"
    title_en = "Referrals"
    target_kinds = ("referral",)

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        lang = language()
        self._focus: uuid.UUID | None = None
        self._shown: uuid.UUID | None = None
        self.units: list[UnitChoice] = []

        self.table = make_table(
            [
                self.text("類別", "Kind"),
                self.text("服務項目／職務", "Service / job"),
                self.text("受案單位／雇主", "Unit / employer"),
                self.text("派案日", "Sent"),
                self.text("回覆", "Answer"),
                self.text("追蹤期限", "Follow-up due"),
                self.text("追蹤完成", "Followed up"),
            ],
            self.text("轉介紀錄", "Referrals"),
        )
        self.table.itemSelectionChanged.connect(self._picked)
        self.empty = muted_label(self.text("尚無轉介紀錄。", "No referrals yet."))

        # --- the selected referral: the answer and the follow-up ---
        self.selected_box = QGroupBox(self.text("所選轉介", "Selected referral"))
        self.selected_text = QLabel(pick(PICK_ONE))
        self.selected_text.setWordWrap(True)
        self.response = QComboBox()
        self.response.setAccessibleName(self.text("回覆結果", "Answer"))
        for value in (ReferralResponse.ACCEPTED, ReferralResponse.DECLINED):
            self.response.addItem(pick(RESPONSES[value]), value)
        self.response_on = RocDateEdit(label=self.text("回覆日", "Answered on"), required=True, language=lang)
        self.decline_reason = QLineEdit()
        self.decline_reason.setAccessibleName(self.text("不接案原因", "Why declined"))
        self.decline_reason.setPlaceholderText(self.text("不接案時必填", "required when declined"))
        self.response_button = QPushButton(self.text("記錄回覆", "Record answer"))
        self.response_button.clicked.connect(self.record_response)
        self.follow_up_on = RocDateEdit(label=self.text("追蹤日", "Followed up on"), required=True, language=lang)
        self.follow_up_note = QLineEdit()
        self.follow_up_note.setAccessibleName(self.text("追蹤情形", "Follow-up note"))
        self.follow_up_note.setPlaceholderText(self.text("例：已開始評量，適應良好", "what was learnt"))
        self.follow_up_button = QPushButton(self.text("記錄追蹤", "Record follow-up"))
        self.follow_up_button.clicked.connect(self.record_follow_up)
        answer = QFormLayout()
        response_row = QHBoxLayout()
        response_row.addWidget(self.response, 0, Qt.AlignmentFlag.AlignTop)
        response_row.addWidget(self.response_on)
        answer.addRow(self.text("單位回覆", "Answer"), response_row)
        answer.addRow(self.text("不接案原因", "Why declined"), self.decline_reason)
        answer.addRow("", self.response_button)
        answer.addRow(self.text("追蹤日", "Followed up"), self.follow_up_on)
        answer.addRow(self.text("追蹤情形", "Note"), self.follow_up_note)
        answer.addRow("", self.follow_up_button)
        self.selected_notice = Notice()
        selected_layout = QVBoxLayout(self.selected_box)
        selected_layout.addWidget(self.selected_text)
        selected_layout.addLayout(answer)
        selected_layout.addWidget(self.selected_notice)
        selected_layout.addStretch(1)

        # --- a new referral ---
        self.form_box = QGroupBox(self.text("新增派案／轉介", "New referral"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.text("類別", "Kind"))
        for kind, kind_label in KINDS.items():
            self.kind.addItem(pick(kind_label), kind)
        self.service_kind = service_kind_combo(self.text("服務項目", "Service"))
        self.unit = UnitPicker(("（請選擇受案單位）", "(choose the receiving unit)"))
        self.unit_contact = muted_label()
        self.employer = QLineEdit()
        self.employer.setAccessibleName(self.text("雇主", "Employer"))
        self.job_title = QLineEdit()
        self.job_title.setAccessibleName(self.text("職務", "Job"))
        self.contacted = QCheckBox(contacted_text(job=False))
        self.contacted_on = RocDateEdit(label=self.text("聯繫日期", "Contacted on"), language=lang)
        self.consented = QCheckBox(consented_text(job=False))
        self.sent_on = RocDateEdit(label=self.text("派案日", "Sent on"), required=True, language=lang)
        self.send_button = QPushButton(self.text("送出", "Send"))
        self.send_button.clicked.connect(self.send)
        self.form_notice = Notice()
        self.validator = form_validator(self.contacted_on, self.sent_on)

        self.target = QStackedWidget()  # a unit for a service referral, an employer for a job
        unit_page = QWidget()
        unit_form = QFormLayout(unit_page)
        unit_form.setContentsMargins(0, 0, 0, 0)
        unit_form.addRow(self.text("服務項目", "Service"), self.service_kind)
        unit_form.addRow(self.text("受案單位", "Unit"), self.unit)
        unit_form.addRow("", self.unit_contact)
        job_page = QWidget()
        job_form = QFormLayout(job_page)
        job_form.setContentsMargins(0, 0, 0, 0)
        job_form.addRow(self.text("雇主", "Employer"), self.employer)
        job_form.addRow(self.text("職務", "Job"), self.job_title)
        self.target.addWidget(unit_page)
        self.target.addWidget(job_page)
        contacted_row = QHBoxLayout()
        contacted_row.addWidget(self.contacted, 0, Qt.AlignmentFlag.AlignTop)
        contacted_row.addWidget(self.contacted_on, 1)
        form = QFormLayout()
        form.addRow(self.text("類別", "Kind"), self.kind)
        form.addRow(self.target)
        form.addRow(self.text("先行聯繫", "Contact first"), contacted_row)
        form.addRow(self.text("個案同意", "Consent"), self.consented)
        form.addRow(self.text("派案日", "Sent on"), self.sent_on)
        form_layout = QVBoxLayout(self.form_box)
        form_layout.addLayout(form)
        form_layout.addLayout(row_of(self.send_button))
        form_layout.addWidget(self.form_notice)
        form_layout.addStretch(1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.service_kind.currentIndexChanged.connect(self._service_changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.contacted.toggled.connect(self._contacted_toggled)
        self.response.currentIndexChanged.connect(self._response_changed)

        lower = QHBoxLayout()
        lower.addWidget(self.selected_box, 2)
        lower.addWidget(self.form_box, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(lower)
        self._reset_form()
        self._service_changed()
        self._picked()

    # --- showing ---

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        load_units(self, case.county, self._units_loaded)
        keep = self._focus or selected_id(self.table)
        today = clock.today()
        referrals = sorted(
            (r for r in case.referrals if not r.deleted),
            key=lambda r: (r.sent_on or today, r.id.hex),
            reverse=True,
        )
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for referral in referrals:
            service = service_name(referral.service_kind) if referral.service_kind else ""
            where = referral.receiving_unit.name if referral.receiving_unit is not None else referral.employer or "—"
            answer, answer_colour = answer_text(referral)
            due, due_colour = due_text(referral, today)
            done = day_text(referral.follow_up_done_on) if referral.follow_up_done_on else "—"
            add_row(
                self.table,
                [
                    cell(pick(SHORT_KINDS[referral.kind]), referral.id),
                    cell(service or referral.job_title or "—"),
                    cell(where),
                    cell(day_text(referral.sent_on)),
                    cell(answer, colour=answer_colour),
                    cell(due, colour=due_colour, bold=due_colour == ERROR_COLOUR),
                    cell(done),
                ],
            )
        self.table.blockSignals(False)
        self.table.setVisible(bool(referrals))
        self.empty.setVisible(not referrals)
        if not select_id(self.table, keep):
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self._focus = None
        self._picked()
        self.form_box.setEnabled(case.closed_on is None and case.opened_on is not None)

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        self._focus = focus_row(self.table, target_id)

    def _units_loaded(self, units: list[UnitChoice]) -> None:
        self.units = units
        self.unit.set_units(units)

    def selected(self) -> Referral | None:
        return find_selected(self.table, self.case.referrals) if self.case is not None else None

    def _picked(self) -> None:
        referral = self.selected()
        shown = referral.id if referral is not None else None
        if shown != self._shown:  # another referral: the message about the last one no longer applies
            self._shown = shown
            self.selected_notice.clear()
        open_case = self.case is not None and self.case.closed_on is None
        sent = referral is not None and referral.sent_on is not None
        for widget in (self.response, self.response_on, self.decline_reason, self.response_button):
            widget.setEnabled(open_case and sent)
        followed = referral is not None and referral.follow_up_done_on is not None
        for widget in (self.follow_up_on, self.follow_up_note, self.follow_up_button):
            widget.setEnabled(open_case and sent and not followed)
        if referral is None:
            self.selected_text.setText(pick(PICK_ONE))
            return
        self.selected_text.setText(summary_html(referral))
        for index in range(self.response.count()):
            self.response.setItemText(
                index, response_text(referral.kind, ReferralResponse(self.response.itemData(index)))
            )
        if referral.response != ReferralResponse.PENDING:
            self.response.setCurrentIndex(max(self.response.findData(referral.response), 0))
            self.response_on.setDate(referral.responded_on)
            self.decline_reason.setText(referral.decline_reason)
        else:
            self.response_on.setDate(clock.today())
            self.decline_reason.clear()
        self.follow_up_on.setDate(referral.follow_up_done_on or clock.today())
        self.follow_up_note.setText(referral.follow_up_note)
        self._response_changed()

    def _kind_changed(self) -> None:
        job = self.kind.currentData() == ReferralKind.JOB
        self.target.setCurrentIndex(1 if job else 0)
        self.contacted.setText(contacted_text(job))
        self.consented.setText(consented_text(job))

    def _service_changed(self) -> None:
        self.unit.set_service_kind(str(self.service_kind.currentData()))

    def _unit_changed(self) -> None:
        unit = self.unit.unit()
        if unit is None:
            self.unit_contact.setText(self.text("只列出提供此服務的單位。", "Only units offering this service."))
            return
        self.unit_contact.setText(UnitPicker.summary(unit))

    def _contacted_toggled(self, on: bool) -> None:
        self.contacted_on.setEnabled(on)
        if on and self.contacted_on.date() is None:
            self.contacted_on.setDate(clock.today())

    def _response_changed(self) -> None:
        self.decline_reason.setEnabled(
            self.response_button.isEnabled() and self.response.currentData() == ReferralResponse.DECLINED
        )

    def _reset_form(self) -> None:
        self.contacted.setChecked(False)
        self.contacted_on.setDate(None)
        self.contacted_on.setEnabled(False)
        self.consented.setChecked(False)
        self.employer.clear()
        self.job_title.clear()
        self.sent_on.setDate(clock.today())

    # --- saving ---

    def values(self) -> ReferralValues | None:
        sent_on = self.sent_on.date()
        if sent_on is None:
            return None
        job = self.kind.currentData() == ReferralKind.JOB
        return ReferralValues(
            kind=ReferralKind.JOB if job else ReferralKind.SERVICE,
            sent_on=sent_on,
            service_kind=None if job else str(self.service_kind.currentData()),
            unit_id=None if job else self.unit.unit_id(),
            employer=self.employer.text() if job else "",
            job_title=self.job_title.text() if job else "",
            contacted_before_dispatch=self.contacted.isChecked(),
            contacted_on=self.contacted_on.date() if self.contacted.isChecked() else None,
            client_consented=self.consented.isChecked(),
        )

    def send(self) -> None:
        if self.case is None:
            return
        problem = first_problem(self.validator)
        values = self.values()
        if problem is not None or values is None:
            self.form_notice.show_error(problem or "")
            return
        case_id = self.case.id

        def sent(referral_id: uuid.UUID) -> None:
            self._focus = referral_id
            self._reset_form()
            self.form_notice.show_ok(
                self.text("已送出，追蹤期限已排入今日待辦。", "Sent; the follow-up is on the agenda.")
            )
            self.changed.emit()

        run_edit(
            self,
            self.form_notice,
            lambda session: plan_edits.create_referral_and_dispatch(session, case_id, values),
            sent,
        )

    def record_response(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        on = required_date(self.response_on, self.selected_notice, ("請填寫回覆日。", "Enter the date."))
        if on is None:
            return
        referral_id, response, reason = (
            referral.id,
            ReferralResponse(self.response.currentData()),
            self.decline_reason.text(),
        )
        run_and_reload(
            self,
            self.selected_notice,
            lambda session: plan_edits.record_referral_response(session, referral_id, response, on, reason),
            ("已記錄單位回覆。", "Answer recorded."),
        )

    def record_follow_up(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        on = required_date(self.follow_up_on, self.selected_notice, ("請填寫追蹤日。", "Enter the date."))
        if on is None:
            return
        referral_id, note = referral.id, self.follow_up_note.text()
        run_and_reload(
            self,
            self.selected_notice,
            lambda session: plan_edits.record_follow_up(session, referral_id, on, note),
            ("已記錄追蹤。", "Follow-up recorded."),
        )

"""需求評估: the needs assessment after opening (002 附件一 三(二)), drafted with autosave and then finalised.

A case usually has one; 定期評估 (the loop back from E/F to C) adds another, so the tab lists them all and edits
one. Drafts are saved like interview records (see records_tab): a few seconds after the last keystroke.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import ProblemsError
from app.models import Case, NeedsAssessment
from app.models.enums import RecordStatus
from app.services import clock, codes
from app.services.case_edits import (
    ASSESSMENT_METHODS,
    AssessmentValues,
    assessment_problems,
    enum_label,
    finalise_assessment,
    save_assessment_draft,
)
from app.services.timeline import snippet
from app.views.errors import report_error
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.base import CaseTab
from app.views.workspace.drafts import AUTOSAVE_DELAY_MS, Autosaver, Row, RowsModel, roc, saved_at_text, table
from app.views.workspace.profile_tab import CheckGrid, Messaged, language_of, read_only_box


class AssessmentTab(CaseTab):
    title_zh = "需求評估"
    title_en = "Assessment"
    target_kinds = ("assessment",)

    autosave_delay_ms = AUTOSAVE_DELAY_MS  # a test sets a shorter delay on the class or the instance's autosaver

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        language = language_of(self.english)
        self.assessment_id = uuid.uuid4()  # a new draft's id is chosen now, as in records_tab
        self._assessment: NeedsAssessment | None = None  # as last loaded; None for a new draft
        self._saved_since_load = False
        self._loading = False
        self.autosaver = Autosaver(runner, self, self._save_job, self.autosave_delay_ms)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(self._autosave_failed)

        headers = (("評估日期", "Date"), ("狀態", "Status"), ("評估者", "Assessor"), ("摘要", "Summary"))
        self.assessments = RowsModel([self.text(zh, en) for zh, en in headers], self)
        self.assessment_list = table(self.assessments, self.text("需求評估清單", "Assessments"), 3)
        self.assessment_list.selectionModel().currentRowChanged.connect(self._picked)

        self.assessed_on = RocDateEdit(label=self.text("評估日期", "Date"), required=True, language=language)
        self.methods = CheckGrid(columns=3)
        self.methods.set_entries([(zh, en if self.english else zh) for zh, en in ASSESSMENT_METHODS])
        self.texts: dict[str, QPlainTextEdit] = {
            name: QPlainTextEdit()
            for name in ("work_ability", "vocational_interest", "support_needs", "family_support", "summary")
        }
        for name, text_edit in self.texts.items():
            text_edit.setTabChangesFocus(True)
            lines = 5 if name == "summary" else 3
            text_edit.setFixedHeight(text_edit.fontMetrics().lineSpacing() * lines + 12)
        self.needs_evaluation = QCheckBox(self.text("需轉介職業輔導評量", "Refer to vocational evaluation"))
        self.services = CheckGrid(columns=2)
        self.services.set_entries([(k.code, k.label(language)) for k in codes.code_lists().service_kinds])
        self.fields = {
            "methods": Messaged(self.methods),
            "summary": Messaged(self.texts["summary"]),
            "recommended_services": Messaged(self.services),
        }
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.status = QLabel()
        self.status.setAccessibleName(self.text("儲存狀態", "Save status"))
        self.new_button = QPushButton(self.text("新增評估", "New assessment"))
        self.finalise_button = QPushButton(self.text("定稿", "Finalise"))
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        form = QFormLayout()
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("評估日期", "Date", self.assessed_on),
            ("評估方式", "Methods", self.fields["methods"]),
            ("工作能力", "Work ability", self.texts["work_ability"]),
            ("職業興趣", "Vocational interest", self.texts["vocational_interest"]),
            ("支持需求", "Support needs", self.texts["support_needs"]),
            ("家庭支持", "Family support", self.texts["family_support"]),
            ("職業輔導評量", "Vocational evaluation", self.needs_evaluation),
            ("建議服務", "Recommended services", self.fields["recommended_services"]),
            ("評估摘要", "Summary", self.fields["summary"]),
        )
        for zh, en, widget in rows:
            label = QLabel(self.text(zh, en))
            label.setBuddy(widget)
            widget.setAccessibleName(self.text(zh, en))
            form.addRow(label, widget)
        page = QWidget()
        inner = QVBoxLayout(page)
        inner.addWidget(self.banner)
        inner.addLayout(form)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        editor = QWidget()
        right = QVBoxLayout(editor)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.finalise_button)
        right.addLayout(buttons)

        lists = QWidget()
        left = QVBoxLayout(lists)
        left.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.text("<b>需求評估</b>", "<b>Assessments</b>")), 1)
        top.addWidget(self.new_button)
        left.addLayout(top)
        left.addWidget(self.assessment_list)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(lists)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.assessed_on.lineEdit().textEdited.connect(self._edited)
        self.methods.changed.connect(self._edited)
        self.services.changed.connect(self._edited)
        self.needs_evaluation.toggled.connect(self._edited)
        for text_edit in self.texts.values():
            text_edit.textChanged.connect(self._edited)
        self.new_button.clicked.connect(lambda: self._switch_to(None))
        self.finalise_button.clicked.connect(self.finalise)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.autosaver.flush)

    # ---- showing ----

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self._saved_since_load = False
        current = [a for a in case.assessments if not a.deleted]
        current.sort(key=lambda a: a.assessed_on, reverse=True)
        self.assessments.set_rows([self._row(a) for a in current])
        found = self._find(self.assessment_id)
        busy = self.autosaver.busy(self.assessment_id)
        unchanged = found is not None and AssessmentValues.of(found) == self.values()
        if found is not None and found.status == RecordStatus.DRAFT and (busy or unchanged):
            self._assessment = found  # the editor holds the same or newer text: keep it, and the cursor
        elif found is not None:
            self._show(found)
        elif not (self._assessment is None and busy):
            self._show(current[0] if current else None)
        self._select()

    def _find(self, assessment_id: uuid.UUID | None) -> NeedsAssessment | None:
        if self.case is None or assessment_id is None:
            return None
        return next((a for a in self.case.assessments if a.id == assessment_id and not a.deleted), None)

    def _row(self, assessment: NeedsAssessment) -> Row:
        return self._values_row(assessment.id, AssessmentValues.of(assessment), assessment.status, assessment.assessor)

    def _values_row(self, row_id: uuid.UUID, values: AssessmentValues, status: RecordStatus, assessor: str) -> Row:
        day = roc(values.assessed_on or clock.today())
        cells = (day, enum_label(status, language_of(self.english)), assessor, snippet(values.summary, 60))
        return Row(cells, row_id, status == RecordStatus.DRAFT)

    def _select(self) -> None:
        position = self.assessments.position(self.assessment_id)
        selection = self.assessment_list.selectionModel()
        selection.blockSignals(True)
        if position >= 0:
            self.assessment_list.selectRow(position)
        else:
            self.assessment_list.clearSelection()
        selection.blockSignals(False)

    def _show(self, assessment: NeedsAssessment | None) -> None:
        self.autosaver.forget()
        self._assessment = assessment
        self.assessment_id = assessment.id if assessment is not None else uuid.uuid4()
        values = AssessmentValues.of(assessment) if assessment is not None else AssessmentValues(clock.today())
        self._loading = True
        try:
            self.assessed_on.setDate(values.assessed_on)
            self.methods.set_checked(values.methods)
            for name, text_edit in self.texts.items():
                text_edit.setPlainText(getattr(values, name))
            self.needs_evaluation.setChecked(values.needs_vocational_evaluation)
            self.services.set_checked(values.recommended_services)
        finally:
            self._loading = False
        for field in self.fields.values():
            field.clear()
        final = assessment is not None and assessment.status == RecordStatus.FINAL
        self.assessed_on.setEnabled(not final)
        for text_edit in self.texts.values():
            text_edit.setReadOnly(final)
        self.methods.set_read_only(final)
        self.services.set_read_only(final)
        read_only_box(self.needs_evaluation, final)
        self.finalise_button.setVisible(not final)
        if assessment is None:
            banner = self.text(
                "新評估：開始輸入後會自動存成草稿。", "New assessment: it is saved as a draft as you type."
            )
        elif final:
            banner = self.text(
                "已定稿，不可修改；情況改變時請新增一份評估（定期評估）。",
                "Finalised; it cannot be changed. When things change, add a new assessment.",
            )
        else:
            banner = self.text(
                "草稿：每隔幾秒自動儲存，完成後請按「定稿」。", "Draft: saved every few seconds; finalise it when done."
            )
        self.banner.setText(banner)
        self.status.setText("")

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        found = self._find(target_id)
        if found is not None:
            self._switch_to(found)

    # ---- editing ----

    def _edited(self) -> None:
        final = self._assessment is not None and self._assessment.status == RecordStatus.FINAL
        if self._loading or self.case is None or final:
            return
        self.status.setText(self.text("編輯中…", "Editing…"))
        self.autosaver.touch()

    def values(self) -> AssessmentValues:
        return AssessmentValues(
            assessed_on=self.assessed_on.date(),
            methods=self.methods.checked(),
            work_ability=self.texts["work_ability"].toPlainText(),
            vocational_interest=self.texts["vocational_interest"].toPlainText(),
            support_needs=self.texts["support_needs"].toPlainText(),
            family_support=self.texts["family_support"].toPlainText(),
            needs_vocational_evaluation=self.needs_evaluation.isChecked(),
            recommended_services=self.services.checked(),
            summary=self.texts["summary"].toPlainText(),
        )

    def _savable(self) -> AssessmentValues:
        values = self.values()
        problems = assessment_problems(values)
        for problem in problems:
            if problem.field == "assessed_on":
                self.assessed_on.messageLabel().showError(problem.message_en if self.english else problem.message_zh)
        if any(p.field == "assessed_on" for p in problems):
            values = dataclasses.replace(values, assessed_on=None)
        return values

    def _save_job(self) -> tuple[uuid.UUID, Callable[[Any], Any]] | None:
        if self.case is None:
            return None
        case_id, assessment_id, values = self.case.id, self.assessment_id, self._savable()
        return assessment_id, lambda session: (save_assessment_draft(session, case_id, assessment_id, values), values)

    def _autosaved(self, assessment_id: uuid.UUID, result: object) -> None:
        assert isinstance(result, tuple)
        _, values = result
        self._saved_since_load = True
        found = self._find(assessment_id)
        self.assessments.replace(
            self._values_row(assessment_id, values, RecordStatus.DRAFT, found.assessor if found is not None else "")
        )
        if assessment_id != self.assessment_id:
            return  # the editor has moved on meanwhile
        self._select()
        if not self.autosaver.busy(assessment_id):
            self.status.setText(saved_at_text(self))

    def _autosave_failed(self, assessment_id: uuid.UUID, error: BaseException) -> None:
        if assessment_id == self.assessment_id:
            self.autosaver.dirty = True  # saved by the next edit or Ctrl+S: nothing typed is dropped
            self._failed(error)
        else:
            report_error(error, self)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ProblemsError):
            for problem in error.problems:
                message = problem.message_en if self.english else problem.message_zh
                field = self.fields.get(problem.field)
                if field is not None:
                    field.show_error(message)
                elif problem.field == "assessed_on":
                    self.assessed_on.messageLabel().showError(message)
            self.status.setText(
                self.text("未完成，請看欄位下方的說明。", "Not done; see the messages below the fields.")
            )
        else:
            self.status.setText(self.text("未儲存", "Not saved"))
            report_error(error, self)

    def hideEvent(self, event: QHideEvent) -> None:
        self.autosaver.flush()
        if self._saved_since_load:
            self.changed.emit()  # so that the other tabs (歷程) show the drafts saved here
        super().hideEvent(event)

    def _switch_to(self, assessment: NeedsAssessment | None) -> None:
        self.autosaver.flush()
        self._show(assessment)
        self._select()
        if assessment is None:
            self.assessed_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row_id = self.assessments.rows[current.row()].id
        if row_id == self.assessment_id:
            return
        found = self._find(row_id)
        if found is None:  # a draft written since the case was loaded: reload, which then shows it
            self._switch_to(None)
            self.assessment_id = row_id
            self.changed.emit()
            return
        self._switch_to(found)

    def finalise(self) -> None:
        if self.case is None:
            return
        if not self.assessed_on.isValid() or any(p.field == "assessed_on" for p in assessment_problems(self.values())):
            self.assessed_on.revealProblem()
            self.assessed_on.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.autosaver.forget()  # the job below saves what is on screen
        case_id, assessment_id, values = self.case.id, self.assessment_id, self.values()

        def job(session: Any) -> None:
            save_assessment_draft(session, case_id, assessment_id, values)
            finalise_assessment(session, assessment_id)

        def refused(error: BaseException) -> None:
            self._failed(error)
            if assessment_id == self.assessment_id:
                self.autosaver.touch()  # the refused job saved nothing: keep the draft as typed
                self.autosaver.flush()

        self.runner.run(job, lambda _: self.changed.emit(), refused, owner=self)

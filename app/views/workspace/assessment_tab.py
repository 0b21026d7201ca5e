"""需求評估: the needs assessment after opening (002 附件一 三(二)), drafted with autosave and then finalised.

A case usually has one; 定期評估 (the loop back from E/F to C) adds another, so the tab lists them all and edits
one. Drafts are kept safe as draft_tab describes, like interview records.
"""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from app.errors import Problem
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
from app.views.i18n import translate
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.draft_tab import DraftListTab, StoreJob
from app.views.workspace.drafts import Row, roc
from app.views.workspace.form_fields import (
    CheckGrid,
    Messaged,
    labelled_form,
    language_of,
    read_only_box,
    show_message,
)

ASSESSMENT_HEADERS = (("評估日期", "Date"), ("狀態", "Status"), ("評估者", "Assessor"), ("摘要", "Summary"))
TEXTS = ("work_ability", "vocational_interest", "support_needs", "family_support", "summary")


class AssessmentTab(DraftListTab[NeedsAssessment, AssessmentValues]):
    title_zh = "需求評估"
    title_en = "Assessment"
    target_kinds = ("assessment",)

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner,
            ASSESSMENT_HEADERS,
            translate("需求評估清單", "Assessments"),
            3,
            translate("新增評估", "New assessment"),
            parent,
        )
        language = language_of(self.english)
        self.assessed_on = RocDateEdit(label=self.text("評估日期", "Date"), required=True, language=language)
        self.methods = CheckGrid(columns=3)
        self.methods.set_entries([(zh, en if self.english else zh) for zh, en in ASSESSMENT_METHODS])
        self.texts: dict[str, QPlainTextEdit] = {name: QPlainTextEdit() for name in TEXTS}
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
        self._build_layout()
        self._connect()

    @property
    def assessment_id(self) -> uuid.UUID:
        """The id of the assessment in the editor (a new draft's is chosen before its first save)."""
        return self.editing_id

    def _build_layout(self) -> None:
        form = labelled_form(
            (
                (self.text("評估日期", "Date"), self.assessed_on),
                (self.text("評估方式", "Methods"), self.fields["methods"]),
                (self.text("工作能力", "Work ability"), self.texts["work_ability"]),
                (self.text("職業興趣", "Vocational interest"), self.texts["vocational_interest"]),
                (self.text("支持需求", "Support needs"), self.texts["support_needs"]),
                (self.text("家庭支持", "Family support"), self.texts["family_support"]),
                (self.text("職業輔導評量", "Vocational evaluation"), self.needs_evaluation),
                (self.text("建議服務", "Recommended services"), self.fields["recommended_services"]),
                (self.text("評估摘要", "Summary"), self.fields["summary"]),
            ),
        )
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
        right.addLayout(self.button_row(self.finalise_button))
        lists = QWidget()
        lists.setLayout(self.list_column(self.text("<b>需求評估</b>", "<b>Assessments</b>")))
        self.beside(lists, editor, (1, 2))

    def _connect(self) -> None:
        self.assessed_on.lineEdit().textEdited.connect(self.edited)
        self.methods.changed.connect(self.edited)
        self.services.changed.connect(self.edited)
        self.needs_evaluation.toggled.connect(self.edited)
        for text_edit in self.texts.values():
            text_edit.textChanged.connect(self.edited)

    # ---- showing ----

    def listed(self, case: Case) -> list[NeedsAssessment]:
        return sorted((a for a in case.assessments if not a.deleted), key=lambda a: a.assessed_on, reverse=True)

    def first_shown(self, listed: list[NeedsAssessment]) -> NeedsAssessment | None:
        return listed[0] if listed else None

    def row(self, record: NeedsAssessment) -> Row:
        return self._row(record.id, AssessmentValues.of(record), record.status, record.assessor)

    def saved_row(self, record_id: uuid.UUID, values: AssessmentValues) -> Row:
        found = self.find_record(record_id)
        return self._row(record_id, values, RecordStatus.DRAFT, found.assessor if found is not None else "")

    def _row(self, row_id: uuid.UUID, values: AssessmentValues, status: RecordStatus, assessor: str) -> Row:
        day = roc(values.assessed_on or clock.today())
        cells = (day, enum_label(status, language_of(self.english)), assessor, snippet(values.summary, 60))
        return Row(cells, row_id, status == RecordStatus.DRAFT)

    def fill(self, record: NeedsAssessment | None) -> None:
        values = AssessmentValues.of(record) if record is not None else AssessmentValues(clock.today())
        self.assessed_on.setDate(values.assessed_on)
        self.methods.set_checked(values.methods)
        for name, text_edit in self.texts.items():
            text_edit.setPlainText(getattr(values, name))
        self.needs_evaluation.setChecked(values.needs_vocational_evaluation)
        self.services.set_checked(values.recommended_services)
        for field in self.fields.values():
            field.clear()

    def show_state(self) -> None:
        final = self.final()
        self.assessed_on.setEnabled(not final)
        for text_edit in self.texts.values():
            text_edit.setReadOnly(final)
        self.methods.set_read_only(final)
        self.services.set_read_only(final)
        read_only_box(self.needs_evaluation, final)
        self.finalise_button.setVisible(not final)
        if self.editing is None and not self.stored():
            banner = self.text(
                "新評估：開始輸入後會自動存成草稿。", "New assessment: it is saved as a draft as you type."
            )
        elif final:
            banner = self.text(
                "已定稿，不可修改；情況改變時請新增一份評估（定期評估）。",
                "Finalised; it cannot be changed. When things change, add a new assessment.",
            )
        else:
            banner = self.draft_banner()
        self.banner.setText(banner)
        super().show_state()

    # ---- editing ----

    def date_edit(self) -> RocDateEdit:
        return self.assessed_on

    def date_problem(self, values: AssessmentValues) -> Problem | None:
        return next((p for p in assessment_problems(values) if p.field == "assessed_on"), None)

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

    def values_of(self, record: NeedsAssessment) -> AssessmentValues:
        return AssessmentValues.of(record)

    def savable_values(self) -> AssessmentValues:
        values = self.values()
        problem = self.date_problem(values)
        if problem is None:
            return values
        self.show_problem(problem)
        return dataclasses.replace(values, assessed_on=None)

    def draft_job(self, case_id: uuid.UUID, record_id: uuid.UUID, values: AssessmentValues) -> StoreJob:
        return lambda session: save_assessment_draft(session, case_id, record_id, values)

    def finalise_job(self, record_id: uuid.UUID) -> StoreJob:
        return lambda session: finalise_assessment(session, record_id)

    def show_problem(self, problem: Problem) -> None:
        field = self.assessed_on if problem.field == "assessed_on" else self.fields.get(problem.field)
        show_message(field, problem.message_en if self.english else problem.message_zh)

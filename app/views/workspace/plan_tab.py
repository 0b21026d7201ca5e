"""服務計畫: the plan's versions, and the editor of a draft (dates, 職業重建目標, goals and services per part, the
client's informed consent), with 新增計畫, 儲存, 執行計畫 and 修訂計畫 (002 附件一 三(三)).

Also home of what the other workspace tabs share: the service-unit picker that shows each unit's remaining
capacity (尚可容納 N), the message line for refusals, and small table and date helpers.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.models import Case, PlanGoal, PlanItem, ServicePlan
from app.models.enums import ItemStatus, PlanPart, PlanStatus, Stage
from app.services import clock, codes, plan_edits
from app.services.plan_edits import CONSENT_BY, GoalValues, ItemValues, PlanDraft, UnitChoice
from app.services.rocdate import format_roc
from app.services.workdays import add_months
from app.views.errors import current_language, report_error
from app.views.runner import StoreRunner
from app.views.widgets import FormValidator, RocDateEdit
from app.views.workspace.base import CaseTab

ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1
ERROR_COLOUR: Final = "#b3261e"
OK_COLOUR: Final = "#1b5e20"
MUTED_COLOUR: Final = "#5f6368"
DEFAULT_PLAN_MONTHS: Final = 6

PART_TITLES: Final[dict[PlanPart, tuple[str, str]]] = {
    PlanPart.PRE_EMPLOYMENT: ("一、就業前準備", "1. Pre-employment"),
    PlanPart.MATCHING_SUPPORT: ("二、就業媒合與就業支持", "2. Matching and support"),
    PlanPart.POST_EMPLOYMENT: ("三、穩定就業後支持服務", "3. Post-placement"),
}
PLAN_STATUS: Final[dict[PlanStatus, tuple[str, str]]] = {
    PlanStatus.DRAFT: ("草稿", "Draft"),
    PlanStatus.SUBMITTED: ("待督導審核", "Awaiting sign-off"),
    PlanStatus.APPROVED: ("執行中", "In progress"),
    PlanStatus.RETURNED: ("督導退回", "Returned"),
    PlanStatus.SUPERSEDED: ("已被新版取代", "Superseded"),
}
ITEM_STATUS: Final[dict[ItemStatus, tuple[str, str]]] = {
    ItemStatus.PLANNED: ("預定", "Planned"),
    ItemStatus.IN_PROGRESS: ("進行中", "In progress"),
    ItemStatus.DONE: ("已完成", "Done"),
    ItemStatus.CANCELLED: ("已取消", "Cancelled"),
}
# Combo data cannot be None, so whether a goal was met is keyed by a word.
ACHIEVED: Final[dict[str, tuple[bool | None, tuple[str, str]]]] = {
    "open": (None, ("尚未評估", "Not judged yet")),
    "met": (True, ("已達成", "Met")),
    "not_met": (False, ("未達成", "Not met")),
}


def achieved_key(achieved: bool | None) -> str:
    return next(key for key, (value, _) in ACHIEVED.items() if value is achieved)


# --- shared by the workspace tabs ----------------------------------------------------------------------------------


def language() -> str:
    return "en" if current_language() == "en" else "zh-TW"


def pick(pair: tuple[str, str]) -> str:
    return pair[1] if current_language() == "en" else pair[0]


def day_text(day: date | None) -> str:
    """A date as case managers read it: 民國 114/03/05 (ISO in English); "—" when there is none."""
    if day is None:
        return "—"
    return day.isoformat() if current_language() == "en" else format_roc(day, "short")


def span_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "—"
    return f"{day_text(start)} – {day_text(end)}"


def county_name(code: str) -> str:
    try:
        return codes.county(code).label(language())
    except AppError:
        return code


def service_name(code: str | None) -> str:
    if not code:
        return "—"
    try:
        return codes.service_kind(code).label(language())
    except AppError:
        return code


def make_table(headers: Sequence[str], accessible_name: str) -> QTableWidget:
    """A read-only, row-selecting table whose last column stretches."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(accessible_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def cell(text: str, row_id: uuid.UUID | None = None, colour: str | None = None, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if row_id is not None:
        item.setData(ID_ROLE, row_id)
    if colour is not None:
        item.setForeground(QBrush(QColor(colour)))
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def selected_id(table: QTableWidget) -> uuid.UUID | None:
    row = table.currentRow()
    first = table.item(row, 0) if row >= 0 else None
    value = first.data(ID_ROLE) if first is not None else None
    return value if isinstance(value, uuid.UUID) else None


def select_id(table: QTableWidget, row_id: uuid.UUID | None) -> bool:
    for row in range(table.rowCount()):
        first = table.item(row, 0)
        if first is not None and row_id is not None and first.data(ID_ROLE) == row_id:
            table.selectRow(row)
            table.scrollToItem(first)
            return True
    return False


def fit_rows(table: QTableWidget, minimum: int, maximum: int) -> None:
    """Size a short table to its rows (between `minimum` and `maximum` rows high), so none of them hides."""
    rows = max(minimum, min(table.rowCount(), maximum))
    height = table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize() + 4
    table.setFixedHeight(height)


class Notice(QLabel):
    """The line beside a form that says why something was refused, or that it worked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Message" if current_language() == "en" else "訊息")
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_COLOUR, bold=True)

    def show_ok(self, text: str) -> None:
        self._show(text, OK_COLOUR)

    def show_info(self, text: str) -> None:
        self._show(text, MUTED_COLOUR)

    def _show(self, text: str, colour: str, bold: bool = False) -> None:
        self.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if bold else ""))
        self.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
        self.hide()


def refusal_shower(notice: Notice, parent: QWidget) -> Callable[[BaseException], None]:
    """An on_error for the runner: expected problems beside the form, unexpected ones the standard way."""

    def shown(error: BaseException) -> None:
        if isinstance(error, AppError):
            notice.show_error(error.message(language()))
        else:
            report_error(error, parent)

    return shown


def first_problem(validator: FormValidator) -> str | None:
    """Check a form; None when valid, else the first problem (every problem is shown beside its field)."""
    if validator.validate():
        return None
    problems = validator.problems(language())
    return f"{problems[0][0]}：{problems[0][1]}" if problems else ""


class UnitPicker(QComboBox):
    """Service units offering one service kind, each with its remaining capacity (尚可容納 N, 002 附件一 六)."""

    def __init__(self, none_text: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_text = none_text
        self._units: list[UnitChoice] = []
        self._kind: str | None = None
        self.setAccessibleName("Service unit" if current_language() == "en" else "服務單位")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self._fill()

    def set_units(self, units: Sequence[UnitChoice]) -> None:
        keep = self.unit_id()
        self._units = list(units)
        self._fill(keep)

    def set_service_kind(self, kind: str | None) -> None:
        keep = self.unit_id()
        self._kind = kind
        self._fill(keep)

    def unit_id(self) -> uuid.UUID | None:
        value = self.currentData(ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def set_unit_id(self, unit_id: uuid.UUID | None) -> None:
        for index in range(self.count()):
            if self.itemData(index, ID_ROLE) == unit_id:
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0)

    def unit(self) -> UnitChoice | None:
        unit_id = self.unit_id()
        return next((u for u in self._units if u.id == unit_id), None)

    @staticmethod
    def capacity_text(unit: UnitChoice) -> str:
        if unit.remaining <= 0:
            return pick(
                (
                    f"已額滿（{unit.current_caseload}／{unit.capacity}）",
                    f"full ({unit.current_caseload}/{unit.capacity})",
                )
            )
        return pick((f"尚可容納 {unit.remaining}", f"{unit.remaining} places left"))

    def _fill(self, keep: uuid.UUID | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(pick(self._none_text))
        for unit in self._units:
            if self._kind is not None and self._kind not in unit.service_kinds:
                continue
            self.addItem(f"{unit.name}（{county_name(unit.county)}）— {self.capacity_text(unit)}")
            index = self.count() - 1
            self.setItemData(index, unit.id, ID_ROLE)
            contact = " ".join(part for part in (unit.contact_person, unit.phone) if part)
            self.setItemData(index, contact, Qt.ItemDataRole.ToolTipRole)
            if unit.remaining <= 0:
                self.setItemData(index, QBrush(QColor(ERROR_COLOUR)), Qt.ItemDataRole.ForegroundRole)
        self.blockSignals(False)
        self.set_unit_id(keep)
        self.currentIndexChanged.emit(self.currentIndex())


def service_kind_combo(accessible_name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    for kind in codes.code_lists().service_kinds:
        combo.addItem(kind.label(language()), kind.code)
    return combo


def set_combo_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def ok_cancel(accept: Callable[[], None], reject: Callable[[], None]) -> QDialogButtonBox:
    """確定 / 取消 in the user's language (Qt's own button texts are not translated here)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if ok is not None and cancel is not None:
        ok.setText(pick(("確定", "OK")))
        cancel.setText(pick(("取消", "Cancel")))
    buttons.accepted.connect(accept)
    buttons.rejected.connect(reject)
    return buttons


# --- goal and service dialogs --------------------------------------------------------------------------------------


class GoalDialog(QDialog):
    """One goal of a part: what is to be achieved, by when, and (once judged) whether it was met. In progress mode
    (a plan being carried out) only whether it was met can change."""

    def __init__(self, part: PlanPart, goal: PlanGoal | None, progress_only: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.goal_id = goal.id if goal is not None else None
        self.setWindowTitle(pick(("計畫目標", "Plan goal")))
        self.part = QComboBox()
        for value, title in PART_TITLES.items():
            self.part.addItem(pick(title), value)
        set_combo_data(self.part, goal.part if goal else part)
        self.description = QLineEdit(goal.description if goal else "")
        self.description.setAccessibleName(pick(("目標內容", "Goal")))
        self.description.setPlaceholderText(
            pick(("例：三個月內完成職業輔導評量", "e.g. complete a vocational evaluation"))
        )
        self.target_on = RocDateEdit(label=pick(("預定達成日", "Target date")), language=language())
        self.target_on.setDate(goal.target_on if goal else None)
        self.achieved = QComboBox()
        self.achieved.setAccessibleName(pick(("達成情形", "Met")))
        for key, (_, achieved_label) in ACHIEVED.items():
            self.achieved.addItem(pick(achieved_label), key)
        set_combo_data(self.achieved, achieved_key(goal.achieved if goal else None))
        self.validator = FormValidator()
        self.validator.register(self.target_on)
        form = QFormLayout()
        form.addRow(pick(("計畫部分", "Part")), self.part)
        form.addRow(pick(("目標內容", "Goal")), self.description)
        form.addRow(pick(("預定達成日", "Target date")), self.target_on)
        form.addRow(pick(("達成情形", "Met")), self.achieved)
        for widget in (self.part, self.description, self.target_on):
            widget.setEnabled(not progress_only)
        self.notice = Notice()
        buttons = ok_cancel(self.check_and_accept, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def values(self) -> GoalValues:
        achieved = ACHIEVED[str(self.achieved.currentData())][0]
        return GoalValues(PlanPart(self.part.currentData()), self.description.text(), self.target_on.date(), achieved)

    def check_and_accept(self) -> None:
        problem = first_problem(self.validator)
        if problem is None and not self.description.text().strip():
            problem = pick(("請填寫目標內容。", "Enter the goal."))
            self.description.setFocus()
        if problem is not None:
            self.notice.show_error(problem)
            return
        self.accept()


class ItemDialog(QDialog):
    """One service of a part: the service kind, the unit (with its remaining capacity), dates, hours and status."""

    def __init__(
        self,
        part: PlanPart,
        item: PlanItem | None,
        units: Sequence[UnitChoice],
        progress_only: bool,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.item_id = item.id if item is not None else None
        self.setWindowTitle(pick(("服務項目", "Plan service")))
        self.part = QComboBox()
        for value, title in PART_TITLES.items():
            self.part.addItem(pick(title), value)
        set_combo_data(self.part, item.part if item else part)
        self.kind = service_kind_combo(pick(("服務項目", "Service")))
        self.unit = UnitPicker(("（不指定單位）", "(no unit yet)"))
        self.unit.set_units(units)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if item is not None:
            set_combo_data(self.kind, item.service_kind)
        self._kind_changed()
        self.unit.set_unit_id(item.service_unit_id if item else None)
        self.cap_hint = QLabel()
        self.cap_hint.setWordWrap(True)
        self.cap_hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.unit.currentIndexChanged.connect(self._show_unit)
        self.description = QLineEdit(item.description if item else "")
        self.description.setAccessibleName(pick(("說明", "Details")))
        self.start_on = RocDateEdit(label=pick(("開始日", "Start")), language=language())
        self.end_on = RocDateEdit(label=pick(("結束日", "End")), language=language())
        self.start_on.setDate(item.start_on if item else None)
        self.end_on.setDate(item.end_on if item else None)
        self.hours = QDoubleSpinBox()
        self.hours.setAccessibleName(pick(("時數", "Hours")))
        self.hours.setRange(0, plan_edits.MAX_ITEM_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText(pick(("未定", "not set")))
        self.hours.setValue(item.hours or 0 if item else 0)
        self.status = QComboBox()
        self.status.setAccessibleName(pick(("狀態", "Status")))
        for status, status_label in ITEM_STATUS.items():
            self.status.addItem(pick(status_label), status)
        set_combo_data(self.status, item.status if item else ItemStatus.PLANNED)
        self.validator = FormValidator()
        self.validator.register(self.start_on)
        self.validator.register(self.end_on)
        dates = QHBoxLayout()
        dates.addWidget(self.start_on)
        dates.addWidget(QLabel("–"), 0, Qt.AlignmentFlag.AlignTop)
        dates.addWidget(self.end_on)
        form = QFormLayout()
        form.addRow(pick(("計畫部分", "Part")), self.part)
        form.addRow(pick(("服務項目", "Service")), self.kind)
        form.addRow(pick(("服務單位", "Unit")), self.unit)
        form.addRow("", self.cap_hint)
        form.addRow(pick(("說明", "Details")), self.description)
        form.addRow(pick(("服務期間", "Period")), dates)
        form.addRow(pick(("時數", "Hours")), self.hours)
        form.addRow(pick(("狀態", "Status")), self.status)
        for widget in (self.part, self.kind, self.unit, self.description, self.start_on, self.end_on, self.hours):
            widget.setEnabled(not progress_only)
        self.notice = Notice()
        buttons = ok_cancel(self.check_and_accept, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self._show_unit()
        self.resize(620, self.sizeHint().height())

    def _kind_changed(self) -> None:
        self.unit.set_service_kind(str(self.kind.currentData()))

    def _show_unit(self) -> None:
        """Who to call at the unit, and the hour caps of 002 附件三 for the services that have them."""
        notes = []
        unit = self.unit.unit()
        if unit is not None:
            contact = "　".join(p for p in (unit.contact_person, unit.phone) if p)
            notes.append(f"{UnitPicker.capacity_text(unit)}　{contact}".strip())
        kind = next((k for k in codes.entries(codes.SERVICE_KINDS) if k.code == self.kind.currentData()), None)
        if kind is not None and "max_counselling_hours" in kind.extra:
            notes.append(
                pick(
                    (
                        f"每人個別諮商上限 {kind.extra['max_counselling_hours']} 小時、個別化訓練上限 "
                        f"{kind.extra.get('max_training_hours', '—')} 小時（超過須經核准）",
                        f"Per client at most {kind.extra['max_counselling_hours']} h of counselling and "
                        f"{kind.extra.get('max_training_hours', '—')} h of training (more needs approval)",
                    )
                )
            )
        self.cap_hint.setText("\n".join(notes))
        self.cap_hint.setVisible(bool(notes))

    def values(self) -> ItemValues:
        return ItemValues(
            part=PlanPart(self.part.currentData()),
            service_kind=str(self.kind.currentData()),
            service_unit_id=self.unit.unit_id(),
            description=self.description.text(),
            start_on=self.start_on.date(),
            end_on=self.end_on.date(),
            hours=self.hours.value() or None,
            status=ItemStatus(self.status.currentData()),
        )

    def check_and_accept(self) -> None:
        problem = first_problem(self.validator)
        if problem is not None:
            self.notice.show_error(problem)
            return
        self.accept()


class RevisionDialog(QDialog):
    """修訂計畫: why the plan changes, and the new version's dates."""

    def __init__(self, plan: ServicePlan, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(pick(("修訂計畫", "Revise the plan")))
        intro = QLabel(
            pick(
                (
                    f"第 {plan.version_no} 版將標示為已被新版取代；未達成的目標與尚未完成的服務會帶入新版草稿，"
                    "修改後須再取得個案同意才能執行。",
                    f"Version {plan.version_no} will be superseded; goals not met and services not given carry "
                    "over to the new draft, which needs the client's consent again before it starts.",
                )
            )
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(pick(("修訂原因", "Reason")))
        self.reason.setPlaceholderText(pick(("例：職評結果建議改為庇護性就業", "e.g. the evaluation suggests…")))
        self.reason.setFixedHeight(80)
        today = clock.today()
        self.start_on = RocDateEdit(label=pick(("新開始日", "New start")), required=True, language=language())
        self.end_on = RocDateEdit(label=pick(("新結束日", "New end")), required=True, language=language())
        self.start_on.setDate(today)
        self.end_on.setDate(add_months(today, DEFAULT_PLAN_MONTHS))
        self.validator = FormValidator()
        self.validator.register(self.start_on)
        self.validator.register(self.end_on)
        form = QFormLayout()
        form.addRow(pick(("修訂原因", "Reason")), self.reason)
        form.addRow(pick(("新開始日", "New start")), self.start_on)
        form.addRow(pick(("新結束日", "New end")), self.end_on)
        self.notice = Notice()
        buttons = ok_cancel(self.check_and_accept, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> plan_edits.RevisionValues:
        start, end = self.start_on.date(), self.end_on.date()
        assert start is not None and end is not None
        return plan_edits.RevisionValues(self.reason.toPlainText(), start, end)

    def check_and_accept(self) -> None:
        problem = first_problem(self.validator)
        if problem is None and not self.reason.toPlainText().strip():
            problem = pick(("修訂計畫必須說明原因。", "A plan revision needs a reason."))
            self.reason.setFocus()
        if problem is not None:
            self.notice.show_error(problem)
            return
        self.accept()


# --- one part of the plan ------------------------------------------------------------------------------------------


class PartPage(QWidget):
    """The goals and services of one of the plan's three parts."""

    def __init__(self, part: PlanPart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        title = pick(PART_TITLES[part])
        self.goals = make_table(
            [pick(("目標", "Goal")), pick(("預定達成日", "Target")), pick(("達成情形", "Met"))],
            pick((f"{title}目標", f"{title} goals")),
        )
        self.goals.horizontalHeader().setStretchLastSection(False)
        self.goals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items = make_table(
            [
                pick(("服務項目", "Service")),
                pick(("服務單位", "Unit")),
                pick(("服務期間", "Period")),
                pick(("時數", "Hours")),
                pick(("狀態", "Status")),
                pick(("說明", "Details")),
            ],
            pick((f"{title}服務", f"{title} services")),
        )
        self.add_goal = QPushButton(pick(("新增目標…", "Add goal…")))
        self.edit_goal = QPushButton(pick(("編輯目標…", "Edit goal…")))
        self.remove_goal = QPushButton(pick(("刪除目標", "Remove goal")))
        self.add_item = QPushButton(pick(("新增服務…", "Add service…")))
        self.edit_item = QPushButton(pick(("編輯服務…", "Edit service…")))
        self.remove_item = QPushButton(pick(("刪除服務", "Remove service")))
        layout = QVBoxLayout(self)
        for label_text, table, buttons in (
            (pick(("目標", "Goals")), self.goals, (self.add_goal, self.edit_goal, self.remove_goal)),
            (pick(("服務項目", "Services")), self.items, (self.add_item, self.edit_item, self.remove_item)),
        ):
            heading = QHBoxLayout()
            caption = QLabel(f"<b>{label_text}</b>")
            heading.addWidget(caption)
            heading.addStretch(1)
            for button in buttons:
                heading.addWidget(button)
            layout.addLayout(heading)
            layout.addWidget(table)
        self.goals.doubleClicked.connect(self.edit_goal.click)
        self.items.doubleClicked.connect(self.edit_item.click)
        self.goals.itemSelectionChanged.connect(self.refresh_buttons)
        self.items.itemSelectionChanged.connect(self.refresh_buttons)
        self.editable = False
        self.progress = False

    def show_plan(self, plan: ServicePlan | None) -> None:
        goals = [g for g in plan.goals if not g.deleted and g.part == self.part] if plan else []
        items = [i for i in plan.items if not i.deleted and i.part == self.part] if plan else []
        keep_goal, keep_item = selected_id(self.goals), selected_id(self.items)
        self.goals.setRowCount(0)
        for goal in sorted(goals, key=lambda g: g.position):
            row = self.goals.rowCount()
            self.goals.insertRow(row)
            achieved = ACHIEVED[achieved_key(goal.achieved)][1]
            colour = OK_COLOUR if goal.achieved else ERROR_COLOUR if goal.achieved is False else None
            self.goals.setItem(row, 0, cell(goal.description, goal.id))
            self.goals.setItem(row, 1, cell(day_text(goal.target_on)))
            self.goals.setItem(row, 2, cell(pick(achieved), colour=colour))
        self.items.setRowCount(0)
        for item in sorted(items, key=lambda i: i.position):
            row = self.items.rowCount()
            self.items.insertRow(row)
            unit = item.service_unit.name if item.service_unit is not None else pick(("（未指定）", "(none)"))
            self.items.setItem(row, 0, cell(service_name(item.service_kind), item.id))
            self.items.setItem(row, 1, cell(unit))
            self.items.setItem(row, 2, cell(span_text(item.start_on, item.end_on)))
            self.items.setItem(row, 3, cell(f"{item.hours:g}" if item.hours else "—"))
            self.items.setItem(row, 4, cell(pick(ITEM_STATUS[item.status])))
            self.items.setItem(row, 5, cell(item.description))
        fit_rows(self.goals, 2, 5)
        fit_rows(self.items, 2, 6)
        select_id(self.goals, keep_goal)
        select_id(self.items, keep_item)

    def set_mode(self, editable: bool, progress: bool) -> None:
        """`editable`: a draft; `progress`: a plan being carried out, whose progress can still be recorded."""
        self.editable, self.progress = editable, progress
        self.refresh_buttons()

    def refresh_buttons(self) -> None:
        goal, item = selected_id(self.goals) is not None, selected_id(self.items) is not None
        for button in (self.add_goal, self.add_item):
            button.setEnabled(self.editable)
        for button in (self.remove_goal,):
            button.setEnabled(self.editable and goal)
        self.remove_item.setEnabled(self.editable and item)
        self.edit_goal.setEnabled((self.editable or self.progress) and goal)
        self.edit_item.setEnabled((self.editable or self.progress) and item)
        self.edit_goal.setText(pick(("編輯目標…", "Edit goal…")) if self.editable else pick(("記錄達成…", "Record…")))
        self.edit_item.setText(
            pick(("編輯服務…", "Edit service…")) if self.editable else pick(("更新進度…", "Progress…"))
        )


# --- the tab -------------------------------------------------------------------------------------------------------


class PlanTab(CaseTab):
    title_zh = "服務計畫"
    title_en = "Plan"
    target_kinds = ("plan",)

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.units: list[UnitChoice] = []
        self.plan: ServicePlan | None = None  # the version shown in the editor
        self._selected: uuid.UUID | None = None
        self.goal_dialog: GoalDialog | None = None
        self.item_dialog: ItemDialog | None = None
        self.revision_dialog: RevisionDialog | None = None
        lang = language()

        self.versions = make_table(
            [
                self.text("版本", "Version"),
                self.text("狀態", "Status"),
                self.text("計畫期間", "Period"),
                self.text("知後同意", "Consent"),
                self.text("修訂原因", "Revision reason"),
            ],
            self.text("計畫版本", "Plan versions"),
        )
        self.versions.itemSelectionChanged.connect(self._version_picked)

        self.editor = QGroupBox(self.text("計畫內容", "Plan"))
        self.start_on = RocDateEdit(label=self.text("開始日", "Start"), required=True, language=lang)
        self.end_on = RocDateEdit(label=self.text("結束日", "End"), required=True, language=lang)
        self.goal_text = QPlainTextEdit()
        self.goal_text.setAccessibleName(self.text("職業重建目標", "Vocational goal"))
        self.goal_text.setPlaceholderText(self.text("例：一年內進入餐飲業內場穩定就業", "e.g. a stable kitchen job"))
        self.goal_text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.validator = FormValidator()
        self.validator.register(self.start_on)
        self.validator.register(self.end_on)
        # A draft's dates are edited; other versions show theirs as plain text (easier to read than a disabled field).
        self.dates = QWidget()
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.start_on)
        dates.addWidget(QLabel("–"), 0, Qt.AlignmentFlag.AlignTop)
        dates.addWidget(self.end_on)
        dates.addStretch(1)
        self.period = QLabel()
        self.period.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        period = QVBoxLayout()
        period.addWidget(self.dates)
        period.addWidget(self.period)
        form = QFormLayout()
        form.addRow(self.text("計畫期間", "Period"), period)
        form.addRow(self.text("職業重建目標", "Vocational goal"), self.goal_text)

        self.parts = QTabWidget()
        self.parts.setAccessibleName(self.text("計畫三部分", "The plan's three parts"))
        self.part_pages = {part: PartPage(part) for part in PlanPart}
        for part, page in self.part_pages.items():
            self.parts.addTab(page, pick(PART_TITLES[part]))
            page.add_goal.clicked.connect(lambda _=False, p=part: self.open_goal_dialog(p))
            page.edit_goal.clicked.connect(lambda _=False, p=part: self.open_goal_dialog(p, edit=True))
            page.remove_goal.clicked.connect(lambda _=False, p=part: self.remove_goal(p))
            page.add_item.clicked.connect(lambda _=False, p=part: self.open_item_dialog(p))
            page.edit_item.clicked.connect(lambda _=False, p=part: self.open_item_dialog(p, edit=True))
            page.remove_item.clicked.connect(lambda _=False, p=part: self.remove_item(p))

        self.consent_state = QLabel()
        self.consent_state.setWordWrap(True)
        self.consent_by = QComboBox()
        self.consent_by.setAccessibleName(self.text("同意人", "Consent given by"))
        for code, label in CONSENT_BY.items():
            self.consent_by.addItem(pick(label), code)
        self.consent_on = RocDateEdit(label=self.text("同意日期", "Consent date"), required=True, language=lang)
        self.consent_button = QPushButton(self.text("記錄同意", "Record consent"))
        self.consent_button.clicked.connect(self.record_consent)
        self.consent_entry = QWidget()
        consent_row = QHBoxLayout(self.consent_entry)
        consent_row.setContentsMargins(0, 0, 0, 0)
        consent_row.addWidget(QLabel(self.text("同意人", "By")), 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addWidget(self.consent_by, 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addWidget(QLabel(self.text("日期", "Date")), 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addWidget(self.consent_on)
        consent_row.addWidget(self.consent_button, 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addStretch(1)
        self.consent_box = consent_box = QGroupBox(
            self.text("知後同意（個案或監護人）", "Informed consent (client or guardian)")
        )
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_state)
        consent_layout.addWidget(self.consent_entry)

        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.parts)
        editor_layout.addWidget(consent_box)

        self.new_button = QPushButton(self.text("新增計畫", "New plan"))
        self.save_button = QPushButton(self.text("儲存", "Save"))
        self.start_button = QPushButton(self.text("執行計畫", "Start the plan"))
        self.revise_button = QPushButton(self.text("修訂計畫…", "Revise…"))
        self.save_button.setToolTip("Ctrl+S")
        self.new_button.clicked.connect(self.new_plan)
        self.save_button.clicked.connect(self.save)
        self.start_button.clicked.connect(self.start)
        self.revise_button.clicked.connect(self.open_revision_dialog)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.notice = Notice()
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.start_button, self.revise_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED_COLOUR};")
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(QLabel(f"<b>{self.text('計畫版本', 'Versions')}</b>"))
        layout.addWidget(self.versions)
        layout.addWidget(self.empty)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.notice)
        outer.addLayout(buttons)
        self._refresh()

    # --- showing ---

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        county = case.county
        self.runner.run(lambda session: plan_edits.list_units(session, county=county), self._units_loaded, owner=self)
        plans = self._plans()
        shown = next((p for p in plans if p.id == self._selected), None) or (plans[-1] if plans else None)
        self.versions.blockSignals(True)
        self.versions.setRowCount(0)
        for plan in plans:
            row = self.versions.rowCount()
            self.versions.insertRow(row)
            status = pick(PLAN_STATUS[plan.status])
            by = pick(CONSENT_BY.get(plan.consent_by, ("", "")))
            consent = f"{day_text(plan.consent_on)} {by}" if plan.consent_given else self.text("未同意", "not yet")
            self.versions.setItem(row, 0, cell(self.text(f"第 {plan.version_no} 版", f"v{plan.version_no}"), plan.id))
            draft = plan.status == PlanStatus.DRAFT
            self.versions.setItem(
                row, 1, cell(status, colour=OK_COLOUR if plan.status == PlanStatus.APPROVED else None)
            )
            self.versions.setItem(row, 2, cell(span_text(plan.start_on, plan.end_on)))
            self.versions.setItem(
                row, 3, cell(consent, colour=ERROR_COLOUR if draft and not plan.consent_given else None)
            )
            self.versions.setItem(row, 4, cell(plan.revision_reason or "—"))
        fit_rows(self.versions, 1, 4)
        self.versions.blockSignals(False)
        same = shown is not None and self.plan is not None and shown.id == self.plan.id
        self._show_plan(shown, keep_typing=same)

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        self._selected = target_id
        if self.case is not None:
            self.show_case(self.case)

    def _plans(self) -> list[ServicePlan]:
        if self.case is None:
            return []
        return sorted((p for p in self.case.plans if not p.deleted), key=lambda p: p.version_no)

    def _units_loaded(self, units: list[UnitChoice]) -> None:
        self.units = units

    def _version_picked(self) -> None:
        plan_id = selected_id(self.versions)
        plan = next((p for p in self._plans() if p.id == plan_id), None)
        if plan is not None and (self.plan is None or plan.id != self.plan.id):
            self._selected = plan.id
            self._show_plan(plan)

    def _show_plan(self, plan: ServicePlan | None, keep_typing: bool = False) -> None:
        """Show `plan` in the editor. After a reload of the same draft, what was typed and not saved stays."""
        dirty = keep_typing and self._header_dirty()
        self.plan = plan
        self._selected = plan.id if plan else None
        select_id(self.versions, self._selected)
        if not dirty:
            self.start_on.setDate(plan.start_on if plan else None)
            self.end_on.setDate(plan.end_on if plan else None)
            self.goal_text.setPlainText(plan.vocational_goal if plan else "")
        for page in self.part_pages.values():
            page.show_plan(plan)
        for index, part in enumerate(PlanPart):
            goals = sum(1 for g in plan.goals if not g.deleted and g.part == part) if plan else 0
            items = sum(1 for i in plan.items if not i.deleted and i.part == part) if plan else 0
            counts = self.text(
                f"（目標 {goals}・服務 {items}）",
                f" ({goals} goal{'s' * (goals != 1)}, {items} service{'s' * (items != 1)})",
            )
            self.parts.setTabText(index, pick(PART_TITLES[part]) + counts)
        if plan is not None:
            status = pick(PLAN_STATUS[plan.status])
            self.editor.setTitle(
                self.text(f"第 {plan.version_no} 版（{status}）", f"Version {plan.version_no} ({status})")
            )
        if plan is not None and plan.consent_given:
            by = pick(CONSENT_BY.get(plan.consent_by, ("", "")))
            self.consent_state.setText(
                self.text(
                    f"已於 {day_text(plan.consent_on)} 由{by}同意本計畫。",
                    f"Agreed by {by} on {day_text(plan.consent_on)}.",
                )
            )
            self.consent_state.setStyleSheet(f"color: {OK_COLOUR};")
        else:
            self.consent_state.setText(
                self.text(
                    "尚未取得同意：計畫須經個案（或監護人）知後同意才能執行；同意後若修改內容，須重新取得同意。",
                    "No consent yet: the plan starts only with the client's (or guardian's) informed consent; "
                    "changing it afterwards needs consent again.",
                )
            )
            self.consent_state.setStyleSheet(f"color: {ERROR_COLOUR};")
        if self.consent_on.date() is None:
            self.consent_on.setDate(clock.today())
        self._refresh()

    def _case_open(self) -> bool:
        case = self.case
        return case is not None and case.opened_on is not None and case.stage not in (Stage.A, Stage.B, Stage.G)

    def _refresh(self) -> None:
        plan, case_open = self.plan, self._case_open()
        draft = plan is not None and plan.status == PlanStatus.DRAFT and case_open
        running = plan is not None and plan.status == PlanStatus.APPROVED and case_open
        self.dates.setVisible(draft)
        self.period.setVisible(not draft)
        self.period.setText(span_text(plan.start_on, plan.end_on) if plan else "")
        self.goal_text.setReadOnly(not draft)
        self.consent_entry.setVisible(draft)
        for page in self.part_pages.values():
            page.set_mode(draft, running)
        plans = self._plans()
        latest = plans[-1] if plans else None
        # A case's later plans are revisions of its first (new dates and the reason), not fresh plans.
        self.new_button.setEnabled(case_open and not plans)
        self.save_button.setEnabled(draft)
        self.start_button.setEnabled(draft)
        revisable = (PlanStatus.APPROVED, PlanStatus.RETURNED, PlanStatus.SUBMITTED)
        self.revise_button.setEnabled(case_open and plan is latest and plan is not None and plan.status in revisable)
        self.editor.setVisible(plan is not None)
        self.versions.setVisible(bool(plans))
        if self.case is None:
            self.empty.setText("")
        elif not plans and case_open:
            self.empty.setText(
                self.text(
                    "此個案尚無服務計畫。按「新增計畫」建立草稿，再填寫三部分的目標與服務。",
                    "This case has no plan yet. Press “New plan” to start a draft.",
                )
            )
        elif not plans:
            self.empty.setText(
                self.text("個案未開案或已結案，不能擬定計畫。", "The case is not open; no plan can be made.")
            )
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))

    def _header_dirty(self) -> bool:
        plan = self.plan
        if plan is None or plan.status != PlanStatus.DRAFT:
            return False
        typed = (self.start_on.date(), self.end_on.date(), self.goal_text.toPlainText().strip())
        return typed != (plan.start_on, plan.end_on, plan.vocational_goal)

    # --- saving ---

    def _run(self, job: Callable[[Any], object], done_text: tuple[str, str] | None = None) -> None:
        """Run an edit; on success say so and reload the case, on refusal say why beside the buttons."""

        def done(_result: object) -> None:
            if done_text is not None:
                self.notice.show_ok(pick(done_text))
            else:
                self.notice.clear()
            self.changed.emit()

        self.notice.clear()
        self.runner.run(job, done, refusal_shower(self.notice, self), owner=self)

    def _with_header(self, job: Callable[[Any], object]) -> Callable[[Any], object] | None:
        """`job`, preceded by saving the draft's typed dates and goal when they changed (nothing typed is lost);
        None (with the problem shown) when they are not valid."""
        if not self._header_dirty():
            return job
        problem = first_problem(self.validator)
        if problem is not None:
            self.notice.show_error(problem)
            return None
        draft = self._draft_values()
        assert self.case is not None and self.plan is not None and draft is not None
        case_id, plan_id = self.case.id, self.plan.id

        def both(session: Any) -> object:
            plan_edits.save_plan_draft(session, case_id, draft, plan_id)
            return job(session)

        return both

    def _draft_values(self) -> PlanDraft | None:
        start, end = self.start_on.date(), self.end_on.date()
        if start is None or end is None:
            return None
        return PlanDraft(start, end, self.goal_text.toPlainText())

    def new_plan(self) -> None:
        if self.case is None:
            return
        today = clock.today()
        case_id, draft = self.case.id, PlanDraft(today, add_months(today, DEFAULT_PLAN_MONTHS))

        def created(plan_id: uuid.UUID) -> None:
            self._selected = plan_id
            self.notice.show_ok(self.text("已建立計畫草稿；請填寫期間、目標與服務。", "Draft created."))
            self.changed.emit()

        self.notice.clear()
        self.runner.run(
            lambda session: plan_edits.save_plan_draft(session, case_id, draft),
            created,
            refusal_shower(self.notice, self),
            owner=self,
        )

    def save(self) -> None:
        if self.case is None or self.plan is None or not self.save_button.isEnabled():
            return
        problem = first_problem(self.validator)
        draft = self._draft_values()
        if problem is not None or draft is None:
            self.notice.show_error(problem or "")
            return
        case_id, plan_id = self.case.id, self.plan.id
        self._run(
            lambda session: plan_edits.save_plan_draft(session, case_id, draft, plan_id),
            ("計畫已儲存。", "Plan saved."),
        )

    def start(self) -> None:
        if self.plan is None:
            return
        if not self.plan.consent_given:  # the refusal will be about consent: show where it is given
            self.scroll_area.ensureWidgetVisible(self.consent_box)
            self.consent_on.setFocus()
        plan_id = self.plan.id
        job = self._with_header(lambda session: plan_edits.start_plan(session, plan_id))
        if job is not None:
            self._run(job, ("計畫開始執行。", "The plan has started."))

    def record_consent(self) -> None:
        if self.plan is None:
            return
        consent_on = self.consent_on.date()
        if consent_on is None:
            self.notice.show_error(self.consent_on.errorMessage() or self.text("請填寫同意日期。", "Enter the date."))
            return
        values = plan_edits.ConsentValues(
            consent_on, "guardian" if self.consent_by.currentData() == "guardian" else "client"
        )
        plan_id = self.plan.id
        job = self._with_header(lambda session: plan_edits.record_plan_consent(session, plan_id, values))
        if job is not None:
            self._run(job, ("已記錄知後同意。", "Consent recorded."))

    def open_revision_dialog(self) -> RevisionDialog | None:
        if self.plan is None or not self.revise_button.isEnabled():
            return None
        plan_id = self.plan.id
        dialog = RevisionDialog(self.plan, self)
        self.revision_dialog = dialog

        def accepted() -> None:
            values = dialog.values()

            def revised(new_id: uuid.UUID) -> None:
                self._selected = new_id
                self.notice.show_ok(self.text("已建立修訂版草稿。", "Revised draft created."))
                self.changed.emit()

            self.runner.run(
                lambda session: plan_edits.revise_plan(session, plan_id, values),
                revised,
                refusal_shower(self.notice, self),
                owner=self,
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def open_goal_dialog(self, part: PlanPart, edit: bool = False) -> GoalDialog | None:
        plan, page = self.plan, self.part_pages[part]
        if plan is None:
            return None
        goal_id = selected_id(page.goals) if edit else None
        goal = next((g for g in plan.goals if g.id == goal_id), None)
        if edit and goal is None:
            return None
        dialog = GoalDialog(part, goal, progress_only=not page.editable, parent=self)
        self.goal_dialog = dialog
        plan_id = plan.id

        def accepted() -> None:
            values = dialog.values()
            if dialog.goal_id is None:
                job: Callable[[Any], object] | None = self._with_header(
                    lambda session: plan_edits.add_goal(session, plan_id, values)
                )
            elif page.editable:
                goal_id = dialog.goal_id
                job = self._with_header(lambda session: plan_edits.update_goal(session, goal_id, values))
            else:
                goal_id, achieved = dialog.goal_id, values.achieved
                job = lambda session: plan_edits.set_goal_achieved(session, goal_id, achieved)  # noqa: E731
            if job is not None:
                self._run(job)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def open_item_dialog(self, part: PlanPart, edit: bool = False) -> ItemDialog | None:
        plan, page = self.plan, self.part_pages[part]
        if plan is None:
            return None
        item_id = selected_id(page.items) if edit else None
        item = next((i for i in plan.items if i.id == item_id), None)
        if edit and item is None:
            return None
        dialog = ItemDialog(part, item, self.units, progress_only=not page.editable, parent=self)
        self.item_dialog = dialog
        plan_id = plan.id

        def accepted() -> None:
            values = dialog.values()
            if dialog.item_id is None:
                job: Callable[[Any], object] | None = self._with_header(
                    lambda session: plan_edits.add_item(session, plan_id, values)
                )
            elif page.editable:
                item_id = dialog.item_id
                job = self._with_header(lambda session: plan_edits.update_item(session, item_id, values))
            else:
                item_id, status = dialog.item_id, values.status
                job = lambda session: plan_edits.set_item_status(session, item_id, status)  # noqa: E731
            if job is not None:
                self._run(job)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def remove_goal(self, part: PlanPart) -> None:
        goal_id = selected_id(self.part_pages[part].goals)
        if goal_id is not None:
            job = self._with_header(lambda session: plan_edits.remove_goal(session, goal_id))
            if job is not None:
                self._run(job, ("已刪除目標。", "Goal removed."))

    def remove_item(self, part: PlanPart) -> None:
        item_id = selected_id(self.part_pages[part].items)
        if item_id is not None:
            job = self._with_header(lambda session: plan_edits.remove_item(session, item_id))
            if job is not None:
                self._run(job, ("已刪除服務。", "Service removed."))

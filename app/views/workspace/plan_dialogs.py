"""The service plan's dialogs: one goal of a part, one service of a part (with the unit that gives it and its
remaining capacity), and 修訂計畫 (why the plan changes, and the new version's dates)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models import PlanGoal, PlanItem, ServicePlan
from app.models.enums import ItemStatus, PlanPart
from app.services import clock, codes, plan_edits
from app.services.plan_edits import GoalValues, ItemValues, UnitChoice
from app.services.workdays import add_months
from app.views.widgets import RocDateEdit
from app.views.workspace.common import (
    Notice,
    first_problem,
    form_validator,
    language,
    muted_label,
    ok_cancel,
    pick,
    set_combo_data,
)
from app.views.workspace.common_units import UnitPicker, service_kind_combo
from app.views.workspace.plan_texts import ACHIEVED, ITEM_STATUS, PART_TITLES, achieved_key

DEFAULT_PLAN_MONTHS: Final = 6


def part_combo(part: PlanPart) -> QComboBox:
    combo = QComboBox()
    for value, title in PART_TITLES.items():
        combo.addItem(pick(title), value)
    set_combo_data(combo, part)
    return combo


class FormDialog(QDialog):
    """A small form with a message line and 確定 / 取消; 確定 closes it only once the form is complete."""

    def __init__(self, title: tuple[str, str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(pick(title))
        self.notice = Notice()

    def _lay_out(self, form: QFormLayout, intro: QWidget | None = None) -> None:
        buttons = ok_cancel(self.check_and_accept, self.reject)
        layout = QVBoxLayout(self)
        if intro is not None:
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)

    def _problem(self) -> str | None:
        """Why the form cannot be accepted; None when it can."""
        return None

    def check_and_accept(self) -> None:
        problem = self._problem()
        if problem is not None:
            self.notice.show_error(problem)
            return
        self.accept()


class GoalDialog(FormDialog):
    """One goal of a part: what is to be achieved, by when, and (once judged) whether it was met. In progress mode
    (a plan being carried out) only whether it was met can change."""

    def __init__(self, part: PlanPart, goal: PlanGoal | None, progress_only: bool, parent: QWidget | None) -> None:
        super().__init__(("計畫目標", "Plan goal"), parent)
        self.goal_id = goal.id if goal is not None else None
        self.part = part_combo(goal.part if goal else part)
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
        self.validator = form_validator(self.target_on)
        form = QFormLayout()
        form.addRow(pick(("計畫部分", "Part")), self.part)
        form.addRow(pick(("目標內容", "Goal")), self.description)
        form.addRow(pick(("預定達成日", "Target date")), self.target_on)
        form.addRow(pick(("達成情形", "Met")), self.achieved)
        for widget in (self.part, self.description, self.target_on):
            widget.setEnabled(not progress_only)
        self._lay_out(form)
        self.resize(480, self.sizeHint().height())

    def values(self) -> GoalValues:
        achieved = ACHIEVED[str(self.achieved.currentData())][0]
        return GoalValues(PlanPart(self.part.currentData()), self.description.text(), self.target_on.date(), achieved)

    def _problem(self) -> str | None:
        problem = first_problem(self.validator)
        if problem is None and not self.description.text().strip():
            problem = pick(("請填寫目標內容。", "Enter the goal."))
            self.description.setFocus()
        return problem


class ItemDialog(FormDialog):
    """One service of a part: the service kind, the unit (with its remaining capacity), dates, hours and status."""

    def __init__(
        self,
        part: PlanPart,
        item: PlanItem | None,
        units: Sequence[UnitChoice],
        progress_only: bool,
        parent: QWidget | None,
    ) -> None:
        super().__init__(("服務項目", "Plan service"), parent)
        self.item_id = item.id if item is not None else None
        self.part = part_combo(item.part if item else part)
        self.kind = service_kind_combo(pick(("服務項目", "Service")))
        self.unit = UnitPicker(("（不指定單位）", "(no unit yet)"))
        self.unit.set_units(units)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if item is not None:
            set_combo_data(self.kind, item.service_kind)
        self._kind_changed()
        self.unit.set_unit_id(item.service_unit_id if item else None)
        self.cap_hint = muted_label(wrap=True)
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
        self.validator = form_validator(self.start_on, self.end_on)
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
        self._lay_out(form)
        self._show_unit()
        self.resize(620, self.sizeHint().height())

    def _kind_changed(self) -> None:
        self.unit.set_service_kind(str(self.kind.currentData()))

    def _show_unit(self) -> None:
        """Who to call at the unit, and the hour caps of 002 附件三 for the services that have them."""
        notes = []
        unit = self.unit.unit()
        if unit is not None:
            notes.append(UnitPicker.summary(unit))
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

    def _problem(self) -> str | None:
        return first_problem(self.validator)


class RevisionDialog(FormDialog):
    """修訂計畫: why the plan changes, and the new version's dates."""

    def __init__(self, plan: ServicePlan, parent: QWidget | None) -> None:
        super().__init__(("修訂計畫", "Revise the plan"), parent)
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
        self.validator = form_validator(self.start_on, self.end_on)
        form = QFormLayout()
        form.addRow(pick(("修訂原因", "Reason")), self.reason)
        form.addRow(pick(("新開始日", "New start")), self.start_on)
        form.addRow(pick(("新結束日", "New end")), self.end_on)
        self._lay_out(form, intro)
        self.resize(520, self.sizeHint().height())

    def values(self) -> plan_edits.RevisionValues:
        start, end = self.start_on.date(), self.end_on.date()
        assert start is not None and end is not None
        return plan_edits.RevisionValues(self.reason.toPlainText(), start, end)

    def _problem(self) -> str | None:
        problem = first_problem(self.validator)
        if problem is None and not self.reason.toPlainText().strip():
            problem = pick(("修訂計畫必須說明原因。", "A plan revision needs a reason."))
            self.reason.setFocus()
        return problem

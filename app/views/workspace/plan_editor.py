"""The editor of one version of the service plan: its period and 職業重建目標, the goals and services of its three
parts (002 附件一 三(三)), and the client's informed consent. A draft's fields are edited; other versions are shown
read-only. Saving is the plan tab's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import ServicePlan
from app.models.enums import PlanPart, PlanStatus
from app.services import clock
from app.services.plan_edits import CONSENT_BY, PlanDraft
from app.views.widgets import RocDateEdit
from app.views.workspace.common import (
    ERROR_COLOUR,
    OK_COLOUR,
    day_text,
    form_validator,
    language,
    pick,
    service_name,
    span_text,
)
from app.views.workspace.common_tables import add_row, cell, fit_rows, make_table, select_id, selected_id
from app.views.workspace.plan_texts import ACHIEVED, ITEM_STATUS, PART_TITLES, PLAN_STATUS, achieved_key


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
            achieved = ACHIEVED[achieved_key(goal.achieved)][1]
            colour = OK_COLOUR if goal.achieved else ERROR_COLOUR if goal.achieved is False else None
            add_row(
                self.goals,
                [cell(goal.description, goal.id), cell(day_text(goal.target_on)), cell(pick(achieved), colour=colour)],
            )
        self.items.setRowCount(0)
        for item in sorted(items, key=lambda i: i.position):
            unit = item.service_unit.name if item.service_unit is not None else pick(("（未指定）", "(none)"))
            add_row(
                self.items,
                [
                    cell(service_name(item.service_kind), item.id),
                    cell(unit),
                    cell(span_text(item.start_on, item.end_on)),
                    cell(f"{item.hours:g}" if item.hours else "—"),
                    cell(pick(ITEM_STATUS[item.status])),
                    cell(item.description),
                ],
            )
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


class PlanEditor(QGroupBox):
    """One version of the plan: the period, the vocational goal, a page per part, and the consent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(pick(("計畫內容", "Plan")), parent)
        lang = language()
        self.start_on = RocDateEdit(label=pick(("開始日", "Start")), required=True, language=lang)
        self.end_on = RocDateEdit(label=pick(("結束日", "End")), required=True, language=lang)
        self.goal_text = QPlainTextEdit()
        self.goal_text.setAccessibleName(pick(("職業重建目標", "Vocational goal")))
        self.goal_text.setPlaceholderText(pick(("例：一年內進入餐飲業內場穩定就業", "e.g. a stable kitchen job")))
        self.goal_text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.validator = form_validator(self.start_on, self.end_on)
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
        form.addRow(pick(("計畫期間", "Period")), period)
        form.addRow(pick(("職業重建目標", "Vocational goal")), self.goal_text)

        self.parts = QTabWidget()
        self.parts.setAccessibleName(pick(("計畫三部分", "The plan's three parts")))
        self.part_pages = {part: PartPage(part) for part in PlanPart}
        for part, page in self.part_pages.items():
            self.parts.addTab(page, pick(PART_TITLES[part]))

        self.consent_state = QLabel()
        self.consent_state.setWordWrap(True)
        self.consent_by = QComboBox()
        self.consent_by.setAccessibleName(pick(("同意人", "Consent given by")))
        for code, label in CONSENT_BY.items():
            self.consent_by.addItem(pick(label), code)
        self.consent_on = RocDateEdit(label=pick(("同意日期", "Consent date")), required=True, language=lang)
        self.consent_button = QPushButton(pick(("記錄同意", "Record consent")))
        self.consent_entry = QWidget()
        consent_row = QHBoxLayout(self.consent_entry)
        consent_row.setContentsMargins(0, 0, 0, 0)
        consent_row.addWidget(QLabel(pick(("同意人", "By"))), 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addWidget(self.consent_by, 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addWidget(QLabel(pick(("日期", "Date"))), 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addWidget(self.consent_on)
        consent_row.addWidget(self.consent_button, 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addStretch(1)
        self.consent_box = QGroupBox(pick(("知後同意（個案或監護人）", "Informed consent (client or guardian)")))
        consent_layout = QVBoxLayout(self.consent_box)
        consent_layout.addWidget(self.consent_state)
        consent_layout.addWidget(self.consent_entry)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.parts)
        layout.addWidget(self.consent_box)

    def show_plan(self, plan: ServicePlan | None, keep_header: bool = False) -> None:
        """Show `plan`; with `keep_header`, the dates and goal typed and not saved yet stay as they are."""
        if not keep_header:
            self.start_on.setDate(plan.start_on if plan else None)
            self.end_on.setDate(plan.end_on if plan else None)
            self.goal_text.setPlainText(plan.vocational_goal if plan else "")
        for page in self.part_pages.values():
            page.show_plan(plan)
        for index, part in enumerate(PlanPart):
            goals = sum(1 for g in plan.goals if not g.deleted and g.part == part) if plan else 0
            items = sum(1 for i in plan.items if not i.deleted and i.part == part) if plan else 0
            counts = pick(
                (
                    f"（目標 {goals}・服務 {items}）",
                    f" ({goals} goal{'s' * (goals != 1)}, {items} service{'s' * (items != 1)})",
                )
            )
            self.parts.setTabText(index, pick(PART_TITLES[part]) + counts)
        if plan is not None:
            status = pick(PLAN_STATUS[plan.status])
            self.setTitle(pick((f"第 {plan.version_no} 版（{status}）", f"Version {plan.version_no} ({status})")))
        if plan is not None and plan.consent_given:
            by = pick(CONSENT_BY.get(plan.consent_by, ("", "")))
            self.consent_state.setText(
                pick(
                    (
                        f"已於 {day_text(plan.consent_on)} 由{by}同意本計畫。",
                        f"Agreed by {by} on {day_text(plan.consent_on)}.",
                    )
                )
            )
            self.consent_state.setStyleSheet(f"color: {OK_COLOUR};")
        else:
            self.consent_state.setText(
                pick(
                    (
                        "尚未取得同意：計畫須經個案（或監護人）知後同意才能執行；同意後若修改內容，須重新取得同意。",
                        "No consent yet: the plan starts only with the client's (or guardian's) informed consent; "
                        "changing it afterwards needs consent again.",
                    )
                )
            )
            self.consent_state.setStyleSheet(f"color: {ERROR_COLOUR};")
        if self.consent_on.date() is None:
            self.consent_on.setDate(clock.today())

    def set_mode(self, plan: ServicePlan | None, draft: bool, running: bool) -> None:
        """`draft`: the fields are edited; `running`: the plan is carried out and its progress recorded."""
        self.dates.setVisible(draft)
        self.period.setVisible(not draft)
        self.period.setText(span_text(plan.start_on, plan.end_on) if plan else "")
        self.goal_text.setReadOnly(not draft)
        self.consent_entry.setVisible(draft)
        for page in self.part_pages.values():
            page.set_mode(draft, running)

    def header_dirty(self, plan: ServicePlan | None) -> bool:
        """Whether the dates or goal typed differ from the saved ones of `plan`, a draft."""
        if plan is None or plan.status != PlanStatus.DRAFT:
            return False
        typed = (self.start_on.date(), self.end_on.date(), self.goal_text.toPlainText().strip())
        return typed != (plan.start_on, plan.end_on, plan.vocational_goal)

    def draft_values(self) -> PlanDraft | None:
        start, end = self.start_on.date(), self.end_on.date()
        if start is None or end is None:
            return None
        return PlanDraft(start, end, self.goal_text.toPlainText())

"""今日待辦: what the signed-in case manager owes, overdue first, grouped by the deadline rule that asks for it.

The query runs on the store runner's worker thread (`agenda.due_items`); this view only turns the resulting
`DueItem`s into a grouped tree. Activating a line asks the main window, through `open_requested`, to open the case
at the record the item is about; unit-level items (月報表, 年度報告) have no case and ask through
`report_requested` instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services import clock
from app.services.agenda import due_items
from app.services.deadline_rules import DeadlineRule, TargetKind
from app.services.deadlines import DEFAULT_HORIZON_DAYS, DueItem, DueStatus, group_by_rule
from app.services.rocdate import format_roc
from app.views.errors import current_language, report_error
from app.views.runner import StoreRunner

# Data kept on the first column's item of every line (headings carry only GROUP_ROLE).
CASE_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1  # uuid.UUID, or None for a unit item
TARGET_KIND_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # str, a TargetKind value
TARGET_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 3  # uuid.UUID | None: the record to open
RULE_ROLE: Final = Qt.ItemDataRole.UserRole + 4  # str, a DeadlineRule value
STATUS_ROLE: Final = Qt.ItemDataRole.UserRole + 5  # str, a DueStatus value
GROUP_ROLE: Final = Qt.ItemDataRole.UserRole + 6  # str, the group key: a DeadlineRule value or UNIT_GROUP

UNIT_GROUP: Final = "unit"
COLUMNS: Final = (("狀態", "Status"), ("到期日", "Due"), ("個案", "Client"), ("事項", "Task"))
STATUS_COLUMN, DUE_COLUMN, CLIENT_COLUMN, TITLE_COLUMN = range(4)

OVERDUE_COLOUR: Final = QColor("#c62828")
DUE_TODAY_COLOUR: Final = QColor("#b35c00")  # dark amber: readable on white, unlike plain orange

_GROUP_LABELS: Final[dict[str, tuple[str, str]]] = {
    DeadlineRule.INTAKE_REPLY: ("接案評估後3天內回覆", "Reply within 3 days of the intake assessment"),
    DeadlineRule.SERVICE_ENTRY: ("服務後2週內登錄職重系統", "Enter services into the national system within 2 weeks"),
    DeadlineRule.REFERRAL_FOLLOW_UP: ("轉介後1個月內完成追蹤", "Follow up referrals within 1 month"),
    DeadlineRule.JOB_REFERRAL_TRACKING: ("推介就業2週後追蹤", "Check job referrals after 2 weeks"),
    DeadlineRule.MONTHLY_CONTACT: ("開案個案每月聯繫", "Monthly contact with open cases"),
    DeadlineRule.EMPLOYMENT_FOLLOW_UP: ("就業後3個月追蹤期滿", "3-month follow-up after placement"),
    DeadlineRule.INTENSIVE_SUPPORT: ("支持性就業密集輔導10個工作天", "10 working days of intensive support"),
    DeadlineRule.JOB_REDESIGN_REPORT: ("職務再設計15個工作天內報告", "Job redesign report within 15 working days"),
    DeadlineRule.CERTIFICATE_EXPIRY: ("身心障礙證明有效期限將屆", "Disability certificate expiring"),
    DeadlineRule.CERTIFICATE_REASSESSMENT: ("身心障礙證明重新鑑定", "Disability certificate re-assessment"),
    UNIT_GROUP: ("本單位報表", "Unit reports"),
}
_WEEKDAYS_ZH: Final = "一二三四五六日"


def group_key(item: DueItem) -> str:
    """Unit-level items (monthly and annual report) share one group; case items are grouped by rule."""
    return UNIT_GROUP if item.target_kind == TargetKind.UNIT else item.rule.value


def grouped(items: Sequence[DueItem]) -> list[tuple[str, list[DueItem]]]:
    """Groups in `DeadlineRule` order with the unit group last; in each, overdue first, most overdue first."""
    case_groups: list[tuple[str, list[DueItem]]] = []
    unit_items: list[DueItem] = []
    for rule, members in group_by_rule(items).items():
        unit_items.extend(m for m in members if group_key(m) == UNIT_GROUP)
        mine = [m for m in members if group_key(m) != UNIT_GROUP]
        if mine:
            case_groups.append((rule.value, sorted(mine, key=lambda m: m.due_on)))
    if unit_items:
        case_groups.append((UNIT_GROUP, sorted(unit_items, key=lambda m: m.due_on)))
    return case_groups


def group_heading(key: str, count: int, english: bool) -> str:
    zh, en = _GROUP_LABELS.get(key, (key, key))
    return f"{en} ({count})" if english else f"{zh}（{count}）"


def status_text(item: DueItem, english: bool) -> str:
    """逾期 N 天 / 今日到期 / N 天後到期; a milestone (informative item) is reached rather than due."""
    days = abs(item.days_left)
    if item.status is DueStatus.OVERDUE:
        return f"{days} day{'s' if days != 1 else ''} overdue" if english else f"逾期 {days} 天"
    if item.status is DueStatus.DUE_TODAY:
        if item.informative:
            return "Reached today" if english else "今日屆滿"
        return "Due today" if english else "今日到期"
    if item.informative:
        return f"Reached in {days} day{'s' if days != 1 else ''}" if english else f"{days} 天後屆滿"
    return f"Due in {days} day{'s' if days != 1 else ''}" if english else f"{days} 天後到期"


def item_title(item: DueItem, english: bool) -> str:
    """The item's title without the client's name, which has a column of its own."""
    title = item.title_en if english else item.title_zh
    suffix = f" ({item.client_name})" if english else f"（{item.client_name}）"
    if item.client_name and title.endswith(suffix):
        return title[: -len(suffix)]
    return title


def due_text(day: date, english: bool) -> str:
    return day.isoformat() if english else format_roc(day, "short")


@dataclass(frozen=True)
class Summary:
    overdue: int
    due_today: int
    soon: int  # upcoming within the two-week horizon
    later: int  # upcoming beyond it (certificates are shown 90 days ahead)

    def text(self, english: bool) -> str:
        if english:
            parts = [f"{self.overdue} overdue", f"{self.due_today} due today", f"{self.soon} within two weeks"]
            if self.later:
                parts.append(f"{self.later} later")
            return " · ".join(parts)
        parts = [f"逾期 {self.overdue} 項", f"今日 {self.due_today} 項", f"兩週內 {self.soon} 項"]
        if self.later:
            parts.append(f"兩週後 {self.later} 項")
        return "・".join(parts)


def summarise(items: Sequence[DueItem]) -> Summary:
    upcoming = [i for i in items if i.status is DueStatus.UPCOMING]
    return Summary(
        overdue=sum(i.status is DueStatus.OVERDUE for i in items),
        due_today=sum(i.status is DueStatus.DUE_TODAY for i in items),
        soon=sum(i.days_left <= DEFAULT_HORIZON_DAYS for i in upcoming),
        later=sum(i.days_left > DEFAULT_HORIZON_DAYS for i in upcoming),
    )


def _item_key(index: QModelIndex | QPersistentModelIndex) -> tuple[object, ...]:
    """What identifies a line across refreshes, so the cursor stays on it."""
    return (index.data(GROUP_ROLE), index.data(RULE_ROLE), index.data(CASE_ID_ROLE), index.data(TARGET_ID_ROLE))


class _RoomyDelegate(QStyledItemDelegate):
    """A little air between lines: Chinese glyphs fill their whole em box and touch at the default height."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + option.fontMetrics.height() // 2)


class TodayView(QWidget):
    """今日待辦 of one case manager (or a supervisor's team), for `on_date` (default: today in Taiwan)."""

    open_requested = Signal(object, str, object)  # case_id: uuid.UUID, target_kind: str, target_id: uuid.UUID | None
    report_requested = Signal(str)  # a unit item's rule: "monthly_report" or "annual_report"
    refreshed = Signal()  # the list now shows the latest query's result

    def __init__(
        self,
        runner: StoreRunner,
        owners: str | Collection[str],
        *,
        on_date: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._owners: tuple[str, ...] = (owners,) if isinstance(owners, str) else tuple(owners)
        self._on_date = on_date
        self._shown_on = on_date or clock.today()
        self._items: list[DueItem] = []
        self._collapsed: set[str] = set()
        self._generation = 0
        self._rebuilding = False

        self.title_label = QLabel()
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.refresh_button = QPushButton()
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(_RoomyDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(False)  # activation toggles headings, so a double-click does not twice
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setAlternatingRowColors(True)  # the eye follows a line across the gap to its task
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionsMovable(False)
        self.tree.activated.connect(self._activate)
        self.tree.expanded.connect(lambda index: self._note_expansion(index, True))
        self.tree.collapsed.connect(lambda index: self._note_expansion(index, False))

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so a screen reader's user lands on it
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.empty_label)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.pages, 1)
        self.setFocusProxy(self.tree)

        self._retranslate()
        self.summary_label.setText("Loading…" if self._english() else "載入中…")
        self.refresh()

    # ---- public API ----

    @property
    def owners(self) -> tuple[str, ...]:
        return self._owners

    def items(self) -> list[DueItem]:
        """The items shown, in the order of the list."""
        return [item for _key, members in grouped(self._items) for item in members]

    def refresh(self) -> None:
        """Query again on the worker thread; groups the user collapsed stay collapsed and the cursor stays put."""
        self._generation += 1
        generation = self._generation
        on = self._on_date or clock.today()
        owners = self._owners
        self.refresh_button.setEnabled(False)
        self._runner.run(
            lambda session: due_items(session, on, owners),
            lambda result: self._show(generation, on, result),
            self._failed,
            owner=self,
        )

    # ---- building the list ----

    def _english(self) -> bool:
        return current_language() == "en"

    def _retranslate(self) -> None:
        english = self._english()
        on = self._shown_on
        if english:
            self.title_label.setText(f"Today · {on:%A} {on.day} {on:%B %Y}")
        else:
            self.title_label.setText(f"今日待辦　{format_roc(on)}（星期{_WEEKDAYS_ZH[on.weekday()]}）")
        self.title_label.setAccessibleName(self.title_label.text())
        self.refresh_button.setText("Refresh" if english else "重新整理")
        self.refresh_button.setToolTip("Refresh (F5)" if english else "重新整理（F5）")
        self.refresh_button.setAccessibleName("Refresh the list" if english else "重新整理待辦清單")
        self.summary_label.setAccessibleName("Summary" if english else "待辦摘要")
        self.tree.setAccessibleName("Today's tasks" if english else "今日待辦清單")
        self.tree.setAccessibleDescription(
            "Press Enter to open the case at this task; Left and Right collapse and expand a group."
            if english
            else "按 Enter 開啟個案的相關紀錄；左、右方向鍵可收合或展開分組。"
        )
        if english:
            headline, detail = "Nothing to do today", "Nothing is overdue, due today or due in the next two weeks."
        else:
            headline, detail = "今天沒有待辦事項", "沒有逾期、今日到期或兩週內到期的事項。"
        self.empty_label.setText(f'<p style="font-size:x-large; font-weight:bold">{headline}</p><p>{detail}</p>')
        self.empty_label.setAccessibleName(headline)
        self.empty_label.setAccessibleDescription(detail)
        self.model.setHorizontalHeaderLabels([en if english else zh for zh, en in COLUMNS])

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.summary_label.setText("Could not load the list." if self._english() else "無法載入待辦事項。")
        report_error(error, self)

    def _show(self, generation: int, on: date, items: list[DueItem]) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way; showing this one would flicker back in time
        self.refresh_button.setEnabled(True)
        current = self.tree.currentIndex()
        current_key = _item_key(current.siblingAtColumn(0)) if current.isValid() else None
        current_row = (current.parent().row(), current.row()) if current.isValid() else None
        scrolled = self.tree.verticalScrollBar().value()
        self._shown_on = on
        self._items = list(items)
        self._retranslate()
        english = self._english()
        summary = summarise(self._items)
        self.summary_label.setAccessibleDescription(summary.text(english))
        self.summary_label.setText(self._summary_html(summary, english))

        self._rebuilding = True
        try:
            self._fill(english)
        finally:
            self._rebuilding = False
        page = self.tree if self._items else self.empty_label
        self.pages.setCurrentWidget(page)
        self.setFocusProxy(page)
        self._restore_cursor(current_key, current_row)
        self.tree.doItemsLayout()  # the scroll range is laid out lazily; without this the old position is clamped
        self.tree.verticalScrollBar().setValue(scrolled)
        self.refreshed.emit()

    def _summary_html(self, summary: Summary, english: bool) -> str:
        text = summary.text(english)
        if summary.overdue:
            first, sep, rest = text.partition(" · " if english else "・")
            text = f'<span style="color:{OVERDUE_COLOUR.name()}; font-weight:bold">{first}</span>{sep}{rest}'
        return text

    def _fill(self, english: bool) -> None:
        self.model.removeRows(0, self.model.rowCount())
        root = self.model.invisibleRootItem()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        heading_tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        heading_tint.setAlpha(40)  # follows the theme, light or dark
        for key, members in grouped(self._items):
            heading = QStandardItem(group_heading(key, len(members), english))
            heading.setData(key, GROUP_ROLE)
            heading.setFont(bold)
            heading.setBackground(heading_tint)
            heading.setEditable(False)
            for item in members:
                heading.appendRow(self._row(item, key, english, bold))
            root.appendRow(heading)
            self.tree.setFirstColumnSpanned(heading.row(), QModelIndex(), True)
            self.tree.setExpanded(heading.index(), key not in self._collapsed)
        self._fit_columns()

    def _row(self, item: DueItem, key: str, english: bool, bold: QFont) -> list[QStandardItem]:
        status = QStandardItem(status_text(item, english))
        status.setData(item.case_id, CASE_ID_ROLE)
        status.setData(item.target_kind.value, TARGET_KIND_ROLE)
        status.setData(item.target_id, TARGET_ID_ROLE)
        status.setData(item.rule.value, RULE_ROLE)
        status.setData(item.status.value, STATUS_ROLE)
        status.setData(key, GROUP_ROLE)
        if item.status is DueStatus.OVERDUE:
            status.setForeground(OVERDUE_COLOUR)
            status.setFont(bold)
        elif item.status is DueStatus.DUE_TODAY:
            status.setForeground(DUE_TODAY_COLOUR)
            status.setFont(bold)
        due = QStandardItem(due_text(item.due_on, english))
        due.setToolTip(item.due_on.isoformat() if english else format_roc(item.due_on))
        client = QStandardItem(item.client_name or ("(unit)" if english else "（本單位）"))
        title = QStandardItem(item_title(item, english))
        title.setToolTip(item.title_en if english else item.title_zh)
        row = [status, due, client, title]
        for cell in row:
            cell.setEditable(False)
        return row

    def _fit_columns(self) -> None:
        """Fixed widths for the short columns from the text they hold; the task column takes the rest."""
        metrics = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        padding = 3 * metrics.horizontalAdvance("M")
        english = self._english()
        statuses = [status_text(i, english) for i in self._items] or ["逾期 99 天"]
        status_width = max(bold_metrics.horizontalAdvance(s) for s in statuses)
        names = [i.client_name for i in self._items if i.client_name] or ["王小明"]
        name_width = min(max(metrics.horizontalAdvance(n) for n in names), metrics.horizontalAdvance("諸葛偉睿睿睿"))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Lines sit two levels in: one for the root's branch arrows, one under their heading.
        header.resizeSection(STATUS_COLUMN, 2 * self.tree.indentation() + status_width + padding)
        header.resizeSection(DUE_COLUMN, metrics.horizontalAdvance(due_text(date(2025, 12, 31), english)) + padding)
        header.resizeSection(CLIENT_COLUMN, name_width + padding)

    def _restore_cursor(self, key: tuple[object, ...] | None, row: tuple[int, int] | None) -> None:
        model = self.model
        headings = [model.index(group, 0) for group in range(model.rowCount())]
        if not headings:
            return
        every = [i for h in headings for i in (h, *(model.index(n, 0, h) for n in range(model.rowCount(h))))]
        target = next((index for index in every if key is not None and _item_key(index) == key), None)
        if target is None and row is not None:
            # The line was dealt with: stay where it was, on the line that took its place.
            group_row, line_row = row
            if group_row < 0:
                target = headings[min(line_row, len(headings) - 1)]
            else:
                heading = headings[min(group_row, len(headings) - 1)]
                target = model.index(min(line_row, model.rowCount(heading) - 1), 0, heading)
        if target is None:
            target = model.index(0, 0, headings[0])
        if target.parent().isValid() and not self.tree.isExpanded(target.parent()):
            target = target.parent()
        self.tree.setCurrentIndex(target)

    # ---- user actions ----

    def _note_expansion(self, index: QModelIndex, expanded: bool) -> None:
        if self._rebuilding:
            return
        key = index.data(GROUP_ROLE)
        if not isinstance(key, str):
            return
        if expanded:
            self._collapsed.discard(key)
        else:
            self._collapsed.add(key)

    def _activate(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        if not first.parent().isValid():  # a group heading: Enter or double-click folds it
            self.tree.setExpanded(first, not self.tree.isExpanded(first))
            return
        case_id = first.data(CASE_ID_ROLE)
        if isinstance(case_id, uuid.UUID):
            target_id = first.data(TARGET_ID_ROLE)
            self.open_requested.emit(case_id, str(first.data(TARGET_KIND_ROLE)), target_id)
        else:
            self.report_requested.emit(str(first.data(RULE_ROLE)))

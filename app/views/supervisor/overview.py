"""團隊總覽: one line per case manager of the team (app.services.team_overview), a total line, and every cell a way
into the cases behind it: a click (or Enter) lists them, and a case opens from the list in its own window.

Overdue counts are the cases with an overdue item of each deadline rule (today's 今日待辦 of each case manager);
the contact columns are days since the last contact of their opened, open cases; 同步衝突 opens the conflicts dialog
from the button as well.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import clock, codes
from app.services.deadline_rules import DeadlineRule
from app.services.rocdate import format_roc
from app.services.team_overview import (
    OVERDUE_RULES,
    Cell,
    Column,
    ManagerRow,
    TeamOverview,
    cell_case_ids,
    team_overview,
)
from app.views.errors import report_error
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner
from app.views.supervisor.drill import CaseListDialog

OWNER_ROLE: Final = Qt.ItemDataRole.UserRole + 1  # str, "" on the total line
LATE_BRUSH: Final = QBrush(QColor("#b3261e"))
MUTED_BRUSH: Final = QBrush(QColor("#6b6b6b"))
TOTAL_BACKGROUND: Final = QBrush(QColor("#eef2f7"))
# A case not contacted for longer than this is past the monthly-contact rule (000 A1) by any month's length.
CONTACT_WARNING_DAYS: Final = 31

RULE_LABELS: Final[dict[DeadlineRule, tuple[str, str, str, str]]] = {
    DeadlineRule.INTAKE_REPLY: (
        "3日內回覆",
        "3-day reply",
        "接案評估後3天內回覆申請者或轉介單位",
        "Reply within 3 days",
    ),
    DeadlineRule.SERVICE_ENTRY: ("2週內登錄", "Data entry", "服務後2週內登錄職重系統", "Enter services within 2 weeks"),
    DeadlineRule.REFERRAL_FOLLOW_UP: (
        "轉介追蹤",
        "Referral",
        "轉介後1個月內完成追蹤",
        "Follow up referrals in 1 month",
    ),
    DeadlineRule.JOB_REFERRAL_TRACKING: (
        "推介追蹤",
        "Job referral",
        "推介就業2週後追蹤",
        "Check job referrals at 2 weeks",
    ),
    DeadlineRule.MONTHLY_CONTACT: ("每月聯繫", "Contact", "開案個案每月至少聯繫一次", "Contact open cases monthly"),
    DeadlineRule.EMPLOYMENT_FOLLOW_UP: (
        "穩三追蹤",
        "3-month",
        "就業後3個月追蹤期滿",
        "3-month follow-up after placement",
    ),
    DeadlineRule.JOB_REDESIGN_REPORT: (
        "職再報告",
        "Redesign",
        "職務再設計15個工作天內報告",
        "Job redesign report in 15 days",
    ),
    DeadlineRule.CERTIFICATE_EXPIRY: (
        "證明到期",
        "Cert. expiry",
        "身心障礙證明有效期限已過",
        "Disability certificate expired",
    ),
    DeadlineRule.CERTIFICATE_REASSESSMENT: (
        "重新鑑定",
        "Reassess",
        "身心障礙證明重新鑑定日期已過",
        "Re-assessment date passed",
    ),
}


def _pick(zh: str, en: str) -> str:
    return en if current_language() == "en" else zh


@dataclass(frozen=True)
class OverviewColumn:
    """A column of the table: what it shows (`name`), what a click on it lists (`drill`), its header and tooltip."""

    name: str  # NAME, a Cell or DeadlineRule value, CONTACT_MAX or CONTACT_MEDIAN
    drill: Column
    header: str
    tip: str


NAME: Final = "name"
CONTACT_MAX: Final = "contact_max"
CONTACT_MEDIAN: Final = "contact_median"


def columns() -> list[OverviewColumn]:
    """The table's columns in order."""
    found = [
        OverviewColumn(
            NAME, Cell.OPEN, translate("承辦人", "Case manager"), translate("按一下列出在案個案", "Click: open cases")
        ),
        OverviewColumn(
            Cell.OPEN, Cell.OPEN, translate("在案", "Open"), translate("尚未結案的個案（含申請中）", "Not closed")
        ),
        OverviewColumn(Cell.NEW, Cell.NEW, translate("本月新開案", "New"), translate("本月開案", "Opened this month")),
        OverviewColumn(
            Cell.OVERDUE,
            Cell.OVERDUE,
            translate("逾期個案", "Overdue"),
            translate("有任一逾期事項的個案", "Cases with anything overdue"),
        ),
    ]
    for rule in OVERDUE_RULES:
        zh, en, full_zh, full_en = RULE_LABELS[rule]
        found.append(OverviewColumn(rule, rule, _pick(zh, en), _pick(f"逾期：{full_zh}", f"Overdue: {full_en}")))
    found += [
        OverviewColumn(
            CONTACT_MAX,
            Cell.CONTACT,
            translate("最久未聯繫", "Longest"),
            translate("在案個案距最近一次聯繫最久的天數", "Most days since a case was last contacted"),
        ),
        OverviewColumn(
            CONTACT_MEDIAN,
            Cell.CONTACT,
            translate("未聯繫中位數", "Median"),
            translate("在案個案距最近一次聯繫天數的中位數", "Median days since the last contact"),
        ),
        OverviewColumn(
            Cell.CONFLICTS,
            Cell.CONFLICTS,
            translate("同步衝突", "Conflicts"),
            translate("個案上未處理的同步衝突", "Open sync conflicts"),
        ),
        OverviewColumn(
            Cell.SERVED,
            Cell.SERVED,
            translate("服務人數／目標", "Served / target"),
            translate(
                "今年職業重建服務人數（新開案＋前一年度未結案，最多計目標50%）對照縣市每位職管員目標（附件四）",
                "VR people served this year (new + carried over, capped at 50 % of the target) against the county's "
                "target per case manager",
            ),
        ),
    ]
    return found


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


class TeamOverviewView(QWidget):
    """團隊總覽 of the team on `on_date` (default: today in Taiwan)."""

    case_opened = Signal(object)  # uuid.UUID, from a drill-down list
    conflicts_requested = Signal()
    refreshed = Signal()
    drilled = Signal(object)  # the CaseListDialog shown

    def __init__(
        self,
        runner: StoreRunner,
        *,
        on_date: date | None = None,
        county: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.on_date = on_date
        self.county = county or (lambda: "")
        self.overview: TeamOverview | None = None
        self._generation = 0

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(translate("載入中…", "Loading…"))
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(translate("重新整理", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.conflicts_button = QPushButton(translate("同步衝突…", "Sync conflicts…"))
        self.conflicts_button.clicked.connect(self.conflicts_requested)

        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("團隊總覽", "Team overview"))
        self.table.setAccessibleDescription(
            translate("按一下或按 Enter 列出儲存格背後的個案。", "Click a cell or press Enter to list its cases.")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.clicked.connect(self.drill)
        self.table.installEventFilter(self)
        self.legend = QLabel(
            translate(
                "數字為個案數；紅色為有逾期或超過一個月未聯繫。按一下任一格，列出背後的個案，再按兩下開啟個案。",
                "Figures are cases; red marks anything overdue or no contact for over a month. Click a cell to list "
                "its cases, then double-click one to open it.",
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.conflicts_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.setFocusProxy(self.table)
        self._headers()
        self.refresh()

    # --- loading ----------------------------------------------------------------------------------------------

    def _on(self) -> date:
        return self.on_date or clock.today()

    def refresh(self) -> None:
        self._generation += 1
        generation, on, county = self._generation, self._on(), self.county() or None
        self.refresh_button.setEnabled(False)
        self.runner.run(
            lambda session: team_overview(session, on, county=county),
            lambda overview: self._show(generation, overview),
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(translate("無法載入團隊總覽。", "Could not load the overview."))
        report_error(error, self)

    def _headers(self) -> None:
        self.model.clear()
        headers = columns()
        self.model.setColumnCount(len(headers))
        for index, column in enumerate(headers):
            item = QStandardItem(column.header)
            item.setToolTip(column.tip)
            self.model.setHorizontalHeaderItem(index, item)
        header = self.table.horizontalHeader()
        # The figures share the width; the names take what they need. Headers wrap rather than get cut.
        header.setMinimumSectionSize(self.table.fontMetrics().horizontalAdvance("0000") + 16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.ResizeToContents)  # "1,234 / 350"
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(self.table.fontMetrics().height() * 2 + 10)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)

    def _show(self, generation: int, overview: TeamOverview) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.overview = overview
        on = overview.on
        self.title.setText(translate(f"團隊總覽　{format_roc(on)}", f"Team overview · {on:%d %B %Y}"))
        total = overview.total
        text = translate(
            f"{len(overview.rows)} 位承辦人・在案 {total.open_cases:,} 件・本月新開案 {total.new_this_month:,} 件・"
            f"有逾期事項 {total.overdue_cases:,} 件・同步衝突 {total.conflicts:,} 筆",
            f"{len(overview.rows)} case managers · {total.open_cases:,} open · {total.new_this_month:,} new this "
            f"month · {total.overdue_cases:,} with overdue items · {total.conflicts:,} sync conflicts",
        )
        if overview.other_conflicts:
            text += translate(
                f"（另有 {overview.other_conflicts} 筆不屬於個案的衝突）",
                f" (and {overview.other_conflicts} not on a case)",
            )
        self.summary.setText(text)
        self._headers()
        for row in overview.rows:
            self.model.appendRow(self._items(row))
        total_items = self._items(total)
        for item in total_items:
            item.setBackground(TOTAL_BACKGROUND)
            bold = item.font()
            bold.setBold(True)
            item.setFont(bold)
        self.model.appendRow(total_items)
        self.conflicts_button.setText(
            translate(f"同步衝突（{total.conflicts}）…", f"Sync conflicts ({total.conflicts})…")
            if total.conflicts
            else translate("同步衝突…", "Sync conflicts…")
        )
        self.refreshed.emit()

    def _items(self, row: ManagerRow) -> list[QStandardItem]:
        items = []
        for column in columns():
            item = QStandardItem()
            item.setData(row.owner, OWNER_ROLE)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self._fill(item, row, column)
            items.append(item)
        return items

    def _fill(self, item: QStandardItem, row: ManagerRow, column: OverviewColumn) -> None:
        who = row.owner or translate("全團隊", "the team")
        header = column.header
        if column.name == NAME:
            item.setText(row.owner or translate("合計", "Team"))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return
        if column.name in (CONTACT_MAX, CONTACT_MEDIAN):
            days = row.contact_days_median if column.name == CONTACT_MEDIAN else row.contact_days_max
            item.setText(_days(days))
            if days is not None and days > CONTACT_WARNING_DAYS:
                item.setForeground(LATE_BRUSH)
            item.setToolTip(translate(f"{who}：{header}（天）", f"{who}: {header} (days)"))
            return
        if column.name == Cell.SERVED:
            served = row.served
            item.setText(f"{served.total:,} / {served.target:,}" if served.target else f"{served.total:,}")
            county = codes.county(row.county).label() if row.county and codes.is_valid("counties", row.county) else ""
            item.setToolTip(
                translate(
                    f"{who}：今年新開案 {served.opened_this_year}、前一年度未結案 {served.open_from_last_year}"
                    f"（計入 {served.counted_carry_over}）；目標 {served.target}（{county}）",
                    f"{who}: {served.opened_this_year} new, {served.open_from_last_year} carried over "
                    f"({served.counted_carry_over} counted); target {served.target} ({county})",
                )
            )
            return
        count = row.count(column.drill) or 0
        item.setText(f"{count:,}")
        late = isinstance(column.drill, DeadlineRule) or column.drill in (Cell.OVERDUE, Cell.CONFLICTS)
        if late and count:
            item.setForeground(LATE_BRUSH)
            bold = item.font()
            bold.setBold(True)
            item.setFont(bold)
        elif not count:
            item.setForeground(MUTED_BRUSH)
        item.setToolTip(translate(f"{who}：{header} {count} 件，按一下列出", f"{who}: {header} {count}, click to list"))

    # --- drilling down ----------------------------------------------------------------------------------------

    def cell(self, owner: str | None, name: str) -> QModelIndex:
        """The index of a cell (owner None: the total line; `name` an OverviewColumn's), for tests."""
        wanted = "" if owner is None else owner
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(OWNER_ROLE) == wanted:
                for index, column in enumerate(columns()):
                    if column.name == name:
                        return self.model.index(row, index)
        return QModelIndex()

    def drill(self, index: QModelIndex) -> None:
        if not index.isValid() or self.overview is None:
            return
        owner = str(index.data(OWNER_ROLE) or "") or None
        column = columns()[index.column()].drill
        header = self.model.horizontalHeaderItem(index.column()).text() if index.column() else translate("在案", "Open")
        who = owner or translate("全團隊", "Team")
        title = f"{who} · {header}"
        on = self.overview.on

        def job(session: Any) -> list[uuid.UUID]:
            return cell_case_ids(session, owner, column, on)

        self.runner.run(job, lambda ids: self._list(title, ids), owner=self, progress=translate("讀取中…", "Loading…"))

    def _list(self, title: str, ids: list[uuid.UUID]) -> None:
        dialog = CaseListDialog(self.runner, title, ids, self)
        dialog.case_opened.connect(self.case_opened)
        dialog.show()
        self.drilled.emit(dialog)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.drill(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

"""歷程: a read-only list of everything that happened to the case, newest first (built by services.timeline).

Each line names its kind of event itself, so the list has two columns: the ROC date and the line. A filter narrows
it to one part of the work; activating a line (double-click or Enter) opens the tab that holds its record.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models import Case
from app.services.timeline import Step, TimelineEntry, case_timeline
from app.views.runner import StoreRunner
from app.views.workspace.base import CaseTab
from app.views.workspace.form_fields import language_of
from app.views.workspace.read_only import mark_viewing
from app.views.workspace.workspace import CaseWorkspace

ENTRY_ROLE: Final = Qt.ItemDataRole.UserRole + 1
DRAFT_COLOUR: Final = QColor("#5f5f5f")
# Milestones of the work stand out from the day-to-day records and calls.
MILESTONES: Final = frozenset(
    {Step.APPLICATION, Step.DECISION, Step.PLAN, Step.EMPLOYMENT_START, Step.EMPLOYMENT_END, Step.CLOSURE}
)
FILTERS: Final[tuple[tuple[str, str, frozenset[Step] | None], ...]] = (
    ("全部", "Everything", None),
    ("申請、開案與結案", "Intake and closure", frozenset({Step.APPLICATION, Step.INTAKE, Step.DECISION, Step.REPLY,
                                                         Step.TRANSFER, Step.CLOSURE, Step.REVIEW})),
    ("晤談紀錄與聯繫", "Records and contact attempts", frozenset({Step.RECORD, Step.CONTACT_ATTEMPT})),
    ("評估與服務計畫", "Assessments and plans", frozenset({Step.ASSESSMENT, Step.PLAN, Step.CONSENT, Step.REVIEW})),
    ("送審與督導意見", "Sign-off", frozenset({Step.REVIEW})),
    ("派案、轉介與推介", "Referrals", frozenset({Step.REFERRAL_CONTACT, Step.REFERRAL_SENT, Step.REFERRAL_RESPONSE,
                                                 Step.REFERRAL_FOLLOW_UP})),
    ("就業", "Employment", frozenset({Step.EMPLOYMENT_START, Step.EMPLOYMENT_END})),
)  # fmt: skip


class TimelineTab(CaseTab):
    title_zh = "歷程"
    title_en = "Timeline"
    target_kinds = ()

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.entries: list[TimelineEntry] = []
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.text("日期", "Date"), self.text("經過", "What happened")])
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setStyleSheet("QTreeView::item { padding: 3px 4px; }")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName(self.text("個案歷程", "Case timeline"))
        self.view.activated.connect(self._open)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.filter = QComboBox()
        for zh, en, _steps in FILTERS:
            self.filter.addItem(self.text(zh, en))
        self.filter.setAccessibleName(self.text("顯示", "Show"))
        self.filter.currentIndexChanged.connect(self._apply_filter)
        mark_viewing(self.filter)  # only filters what is shown: a supervisor's read-only window keeps it
        self.summary = QLabel()
        self.summary.setAccessibleName(self.text("歷程摘要", "Timeline summary"))
        hint = QLabel(
            self.text(
                "最新的在最上面；粗體為重要階段，灰色斜體為尚未定稿的草稿。按兩下可開啟該筆紀錄。",
                "Newest first; milestones in bold, drafts not yet finalised in grey italics. Double-click a line to "
                "open its record.",
            )
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        show = QLabel(self.text("顯示：", "Show:"))
        show.setBuddy(self.filter)
        top.addWidget(show)
        top.addWidget(self.filter)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        language = language_of(self.english)
        self.entries = case_timeline(case)
        self.model.removeRows(0, self.model.rowCount())
        for entry in self.entries:
            cells = [QStandardItem(entry.date_text()), QStandardItem(entry.text(language))]
            cells[1].setToolTip(entry.text(language))
            if entry.draft or entry.step in MILESTONES:
                font = QFont()
                font.setItalic(entry.draft)
                font.setBold(entry.step in MILESTONES)
                for cell in cells:
                    cell.setFont(font)
            if entry.draft:
                for cell in cells:
                    cell.setForeground(DRAFT_COLOUR)
            cells[0].setData(entry, ENTRY_ROLE)
            self.model.appendRow(cells)
        self._apply_filter()

    def _apply_filter(self) -> None:
        steps = FILTERS[max(self.filter.currentIndex(), 0)][2]
        shown = [entry for entry in self.entries if steps is None or entry.step in steps]
        for row, entry in enumerate(self.entries):
            self.view.setRowHidden(row, QModelIndex(), steps is not None and entry.step not in steps)
        first, last = (shown[-1].date_text(), shown[0].date_text()) if shown else ("", "")
        self.summary.setText(
            self.text(f"共 {len(shown)} 筆，{first} 至 {last}", f"{len(shown)} events, {first} to {last}")
            if shown
            else self.text("沒有符合的紀錄", "Nothing to show")
        )

    def _open(self, index: QModelIndex) -> None:
        entry = self.model.item(index.row(), 0).data(ENTRY_ROLE)
        if not isinstance(entry, TimelineEntry) or entry.target_kind is None:
            return
        parent = self.parent()
        while parent is not None and not isinstance(parent, CaseWorkspace):
            parent = parent.parent()
        if isinstance(parent, CaseWorkspace):
            parent.open_at(entry.target_kind, entry.target_id)

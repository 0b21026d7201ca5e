"""新案受理, step 1b: the same person may be on file already (the same ID number, or a close name with the same birth
date). The page lists who it may be; the case manager adds the new case to that client, or (a close name only)
creates a new client after all. The intake dialog runs the search and acts on the choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.intake import ClientMatch, IntakeApplication
from app.services.labels import label
from app.views.errors import current_language
from app.views.forms import ERROR_STYLE, WARNING_STYLE, message_label, show_date, tr


class DuplicatesPage(QWidget):
    """The clients who may be the person being entered (`matches`, one row each in `candidates`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[ClientMatch] = []
        self.banner = message_label(WARNING_STYLE)
        self.candidates = QTableWidget(0, 5)
        self.candidates.setHorizontalHeaderLabels(
            [tr("姓名", "Name"), tr("身分證字號", "ID number"), tr("出生日期", "Born"), tr("相符之處", "Why"),
             tr("既有案件", "Cases on file")]
        )  # fmt: skip
        self.candidates.setAccessibleName(tr("可能是同一人的既有個案", "Clients who may be the same person"))
        self.candidates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates.verticalHeader().setVisible(False)
        self.candidates.setWordWrap(True)
        header = self.candidates.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.use_existing = QPushButton(tr("使用所選個案的資料，為其新增案件", "Use this client and add a new case"))
        self.create_anyway = QPushButton(tr("不是同一人，建立新個案", "Not the same person: create a new client"))
        self.back = QPushButton(tr("◂ 返回修改", "◂ Back"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_anyway)
        buttons.addWidget(self.use_existing)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.candidates)
        note = QLabel(
            tr(
                "使用既有個案時，基本資料沿用原紀錄；若電話或地址有變，請在個案工作區的基本資料頁更新。",
                "The existing client's details are kept; update phone or address on the case's profile tab.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a4a4a;")
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_matches(self, found: list[ClientMatch], typed: IntakeApplication | None) -> None:
        """List `found`, saying why they may be the person `typed`; the same ID number leaves no choice but to use
        the client on file."""
        self.matches = found
        same_id = any(m.reason == "same_id" for m in found)
        entered = (
            tr(
                f"<br>您輸入的是：{typed.name}　{typed.id_number}　{show_date(typed.birth_date)}",
                f"<br>You entered: {typed.name}  {typed.id_number}  born {show_date(typed.birth_date)}",
            )
            if typed is not None
            else ""
        )
        if same_id:
            self.banner.setText(
                tr(
                    "<b>這個身分證字號已有個案資料。</b><br>同一人不能建立第二份個案資料；請使用既有資料，為其新增案件。",
                    "<b>This ID number is already on file.</b><br>The same person cannot be entered twice; add the "
                    "new case to the existing client.",
                )
                + entered
            )
        else:
            self.banner.setText(
                tr(
                    "<b>找到姓名相近、出生日期相同的個案。</b><br>請確認是否為同一人（例如證號打錯）；是的話請使用既有資料。",
                    "<b>A client with a similar name and the same date of birth is on file.</b><br>Check whether it "
                    "is the same person (a mistyped ID number?); if so, use the existing client.",
                )
                + entered
            )
        self.create_anyway.setVisible(not same_id)
        self.problem.clear()
        self.candidates.setRowCount(len(found))
        for row, match in enumerate(found):
            for column, text in enumerate(self._cells(match)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, match.client_id)
                self.candidates.setItem(row, column, item)
        self.candidates.resizeRowsToContents()
        rows_height = sum(self.candidates.rowHeight(row) for row in range(len(found)))
        frame = 2 * self.candidates.frameWidth() + 2
        self.candidates.setFixedHeight(min(self.candidates.horizontalHeader().height() + rows_height + frame, 320))
        self.candidates.selectRow(0)
        self.candidates.setFocus()

    @staticmethod
    def _cells(match: ClientMatch) -> tuple[str, ...]:
        why = (
            tr("身分證字號相同", "Same ID number")
            if match.reason == "same_id"
            else tr("姓名相近＋出生日期相同", "Similar name, same birth date")
        )
        cases = "；".join(
            f"{label(c.programme, current_language())} {label(c.stage, current_language())}"
            + tr(f"（{c.owner}）", f" ({c.owner})")
            for c in match.cases
        ) or tr("無", "none")
        return match.name, match.id_number, show_date(match.birth_date), why, cases

    def selected_match(self) -> ClientMatch | None:
        row = self.candidates.currentRow()
        return self.matches[row] if 0 <= row < len(self.matches) else None

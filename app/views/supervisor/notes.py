"""督導紀錄: the list of supervision records beside an editor (kind, date, attendees, the case discussed, content,
agreed actions). A draft is saved automatically a few seconds after typing (and with Ctrl+S); 定稿 makes it
immutable, as the store enforces. Records synced from elsewhere show in the list too.

There is no printed form of a supervision record yet (app/printing has none), so this page does not print.
"""

from __future__ import annotations

import uuid
from typing import Any, Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, Language, ProblemsError
from app.models.enums import SupervisionKind
from app.services import clock
from app.services.rocdate import format_roc
from app.services.supervision import (
    CaseChoice,
    NoteRow,
    NoteValues,
    case_choices,
    clean_attendees,
    discard_draft_note,
    finalise_note,
    kind_label,
    list_notes,
    save_draft_note,
    team_members,
)
from app.views.errors import report_error
from app.views.forms import BANNER_STYLE, SUCCESS_STYLE, WARNING_STYLE
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.drafts import Autosaver

AUTOSAVE_DELAY_MS: Final = 3000
SEARCH_DELAY_MS: Final = 250
NOTE_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1


def _language() -> Language:
    return "en" if current_language() == "en" else "zh-TW"


def _split(text: str) -> list[str]:
    for separator in ("，", ",", ";", "；"):
        text = text.replace(separator, "、")
    return [part.strip() for part in text.split("、")]


class SupervisionView(QWidget):
    """督導紀錄: list and editor. `case_opened` asks for the case a record discusses."""

    case_opened = Signal(object)  # uuid.UUID
    refreshed = Signal()
    saved = Signal(object)  # the note id, after a save or 定稿 is stored

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.rows: list[NoteRow] = []
        self.note_id: uuid.UUID | None = None  # shown in the editor; None: nothing
        self.final = False
        self._loading = False

        # --- the list ---
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(translate("督導類別篩選", "Kind filter"))
        self.kind_filter.addItem(translate("全部類別", "Every kind"), None)
        for kind in SupervisionKind:
            self.kind_filter.addItem(kind_label(kind, _language()), kind)
        self.kind_filter.currentIndexChanged.connect(self._fill_table)
        self.new_button = QPushButton(translate("新增督導紀錄", "New record"))
        self.new_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_button.setToolTip("Ctrl+Shift+N")
        self.new_button.clicked.connect(self.new_note)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                translate("日期", "Date"),
                translate("類別", "Kind"),
                translate("個案", "Case"),
                translate("出席者", "Attendees"),
                translate("狀態", "Status"),
            ]
        )
        self.table.setAccessibleName(translate("督導紀錄清單", "Supervision records"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.new_button)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)

        # --- the editor ---
        self.kind = QComboBox()
        self.kind.setAccessibleName(translate("督導類別", "Kind"))
        for kind in SupervisionKind:
            self.kind.addItem(kind_label(kind, _language()), kind)
        self.held_on = RocDateEdit(label=translate("督導日期", "Date"), field_name="held_on")
        self.members = QListWidget()
        self.members.setAccessibleName(translate("出席的團隊成員", "Team members attending"))
        self.members.setFlow(QListWidget.Flow.LeftToRight)
        self.members.setWrapping(True)
        self.members.setMaximumHeight(64)
        self.others = QLineEdit()
        self.others.setAccessibleName(translate("其他出席者", "Other attendees"))
        self.others.setPlaceholderText(translate("其他出席者，以頓號分隔", "Other attendees, separated by commas"))
        self.case_search = QLineEdit()
        self.case_search.setAccessibleName(translate("搜尋個案", "Find a case"))
        self.case_search.setPlaceholderText(translate("輸入個案姓名或承辦人帳號搜尋", "Type a client's name to find"))
        self.case = QComboBox()
        self.case.setAccessibleName(translate("討論的個案", "Case discussed"))
        self.case.addItem(translate("（不指定個案）", "(no case)"), None)
        self.open_case_button = QPushButton(translate("開啟個案", "Open case"))
        self.open_case_button.clicked.connect(self._open_case)
        self.content = QPlainTextEdit()
        self.content.setAccessibleName(translate("督導內容", "Content"))
        self.content.setPlaceholderText(translate("討論內容、觀察與建議", "What was discussed, observed, advised"))
        self.agreed = QPlainTextEdit()
        self.agreed.setAccessibleName(translate("決議與待辦事項", "Agreed actions"))
        self.agreed.setPlaceholderText(
            translate("決議事項、負責人與期限（每行一項）", "Agreed actions, who and by when (one a line)")
        )
        self.agreed.setMaximumHeight(120)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(WARNING_STYLE)
        self.problems.setVisible(False)
        self.save_button = QPushButton(translate("儲存草稿", "Save draft"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.finalise_button = QPushButton(translate("定稿…", "Finalise…"))
        self.finalise_button.clicked.connect(lambda: self.finalise(ask=True))
        self.discard_button = QPushButton(translate("刪除草稿", "Discard draft"))
        self.discard_button.clicked.connect(self.discard)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        case_row = QHBoxLayout()
        case_row.addWidget(self.case_search, 1)
        case_row.addWidget(self.case, 2)
        case_row.addWidget(self.open_case_button)
        form = QFormLayout()
        form.addRow(translate("類別", "Kind"), self.kind)
        form.addRow(translate("日期", "Date"), self.held_on)
        form.addRow(translate("出席者", "Attendees"), self.members)
        form.addRow("", self.others)
        form.addRow(translate("個案", "Case"), case_row)
        form.addRow(translate("督導內容", "Content"), self.content)
        form.addRow(translate("決議與待辦", "Agreed actions"), self.agreed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finalise_button)
        self.editor = QGroupBox(translate("督導紀錄", "Supervision record"))
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(self.status)
        editor_layout.addLayout(form, 1)
        editor_layout.addWidget(self.problems)
        editor_layout.addLayout(buttons)
        self.placeholder = QLabel(
            translate("選擇左側的紀錄，或按「新增督導紀錄」。", "Pick a record on the left, or make a new one.")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.placeholder)
        right_layout.addWidget(self.editor, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        title = QLabel(translate("督導紀錄", "Supervision records"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.autosaver = Autosaver(runner, self, self._save_job, AUTOSAVE_DELAY_MS)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(self._save_failed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_cases)
        self.case_search.textEdited.connect(lambda _text: self._search_timer.start())
        for signal in (
            self.kind.currentIndexChanged,
            self.held_on.dateChanged,
            self.members.itemChanged,
            self.others.textEdited,
            self.case.currentIndexChanged,
            self.content.textChanged,
            self.agreed.textChanged,
        ):
            signal.connect(self._touched)
        self._show_editor(False)
        self.refresh()

    # --- the list ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.runner.run(lambda session: (list_notes(session), team_members(session)), self._loaded, owner=self)

    def _loaded(self, loaded: tuple[list[NoteRow], list[str]]) -> None:
        self.rows, members = loaded
        self._loading = True
        ticked = set(self.attendees())
        self.members.clear()
        for name in members:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self._loading = False
        self._fill_table()
        self.refreshed.emit()

    def _fill_table(self) -> None:
        kind = self.kind_filter.currentData()
        shown = [row for row in self.rows if kind is None or row.kind == kind]
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        current = -1
        for index, row in enumerate(shown):
            case_text = f"{row.client_name}（{row.case_owner}）" if row.client_name else ""
            status = translate("已定稿", "Final") if row.final else translate("草稿", "Draft")
            cells = (format_roc(row.held_on, "short"), kind_label(row.kind, _language()), case_text)
            for column, text in enumerate((*cells, "、".join(row.attendees), status)):
                item = QTableWidgetItem(text)
                item.setData(NOTE_ID_ROLE, row.id)
                if not row.final:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.table.setItem(index, column, item)
            if row.id == self.note_id:
                current = index
        if current >= 0:
            self.table.selectRow(current)
        else:
            self.table.clearSelection()
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.blockSignals(False)

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        note_id = items[0].data(NOTE_ID_ROLE)
        row = next((r for r in self.rows if r.id == note_id), None)
        if row is not None and row.id != self.note_id:
            self.autosaver.flush()
            self.show_note(row)

    def select(self, note_id: uuid.UUID) -> None:
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.data(NOTE_ID_ROLE) == note_id:
                self.table.selectRow(index)
                return

    # --- the editor -------------------------------------------------------------------------------------------

    def _show_editor(self, shown: bool) -> None:
        self.editor.setVisible(shown)
        self.placeholder.setVisible(not shown)

    def new_note(self) -> None:
        """An empty draft with today's date; stored once something is typed (or saved)."""
        self.autosaver.flush()
        self.note_id = uuid.uuid4()
        self.table.clearSelection()
        self._set_values(NoteValues(SupervisionKind.INDIVIDUAL, clock.today()), None, final=False)
        self.status.setStyleSheet(BANNER_STYLE)
        self.status.setText(
            translate("新的督導紀錄（草稿，輸入後自動儲存）", "New record (a draft, saved as you type)")
        )
        self.content.setFocus()

    def show_note(self, row: NoteRow) -> None:
        self.note_id = row.id
        case = CaseChoice(row.case_id, row.client_name, row.case_owner) if row.case_id else None
        self._set_values(row.values, case, final=row.final)
        if row.final:
            self.status.setStyleSheet(SUCCESS_STYLE)
            self.status.setText(
                translate(
                    f"已定稿（{row.supervisor}），不可修改。",
                    f"Finalised ({row.supervisor}); it cannot be changed.",
                )
            )
        else:
            self.status.setStyleSheet(BANNER_STYLE)
            self.status.setText(translate(f"草稿（{row.supervisor}）", f"Draft ({row.supervisor})"))

    def _set_values(self, values: NoteValues, case: CaseChoice | None, *, final: bool) -> None:
        self._loading = True
        self.final = final
        self.kind.setCurrentIndex(max(self.kind.findData(values.kind), 0))
        self.held_on.setDate(values.held_on)
        team = set()
        for index in range(self.members.count()):
            item = self.members.item(index)
            team.add(item.text())
            item.setCheckState(Qt.CheckState.Checked if item.text() in values.attendees else Qt.CheckState.Unchecked)
        self.others.setText("、".join(name for name in values.attendees if name not in team))
        self.case.clear()
        self.case.addItem(translate("（不指定個案）", "(no case)"), None)
        if case is not None:
            self.case.addItem(self._case_text(case), case.case_id)
            self.case.setCurrentIndex(1)
        self.case_search.clear()
        self.content.setPlainText(values.content)
        self.agreed.setPlainText(values.agreed_actions)
        for widget in (self.kind, self.held_on, self.members, self.others, self.case_search, self.case):
            widget.setEnabled(not final)
        self.content.setReadOnly(final)
        self.agreed.setReadOnly(final)
        for button in (self.save_button, self.finalise_button, self.discard_button):
            button.setEnabled(not final)
        self.open_case_button.setEnabled(case is not None)
        self.problems.setVisible(False)
        self._show_editor(True)
        self._loading = False

    @staticmethod
    def _case_text(case: CaseChoice) -> str:
        return f"{case.client_name}（{case.owner}）"

    def attendees(self) -> tuple[str, ...]:
        ticked = [
            self.members.item(i).text()
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]
        return clean_attendees([*ticked, *_split(self.others.text())])

    def values(self) -> NoteValues:
        kind = self.kind.currentData()
        case_id = self.case.currentData()
        return NoteValues(
            kind=SupervisionKind(kind) if kind else SupervisionKind.INDIVIDUAL,  # Qt keeps a StrEnum as plain text
            held_on=self.held_on.date(),
            attendees=self.attendees(),
            case_id=case_id if isinstance(case_id, uuid.UUID) else None,
            content=self.content.toPlainText(),
            agreed_actions=self.agreed.toPlainText(),
        )

    def _touched(self, *_: object) -> None:
        if self._loading or self.final or self.note_id is None:
            return
        self.open_case_button.setEnabled(self.case.currentData() is not None)
        self.autosaver.touch()

    # --- saving -----------------------------------------------------------------------------------------------

    def _save_job(self) -> tuple[uuid.UUID, Any] | None:
        if self.note_id is None or self.final:
            return None
        note_id, values = self.note_id, self.values()
        return note_id, lambda session: save_draft_note(session, note_id, values)

    def save(self) -> None:
        if self.note_id is None or self.final:
            return
        self.autosaver.touch()
        self.autosaver.flush()

    def _autosaved(self, note_id: object, _result: object) -> None:
        if note_id == self.note_id:
            now = clock.now().strftime("%H:%M:%S")
            self.status.setStyleSheet(BANNER_STYLE)
            self.status.setText(translate(f"草稿已儲存（{now}）", f"Draft saved ({now})"))
            self.problems.setVisible(False)
        self.saved.emit(note_id)
        self.refresh()

    def _save_failed(self, note_id: object, error: BaseException) -> None:
        self._show_problem(error)

    def _show_problem(self, error: BaseException) -> None:
        if isinstance(error, ProblemsError):
            self.problems.setText(error.report(_language()))
            self.problems.setVisible(True)
        elif isinstance(error, AppError):
            self.problems.setText(error.message(_language()))
            self.problems.setVisible(True)
        else:
            report_error(error, self)

    def finalise(self, *, ask: bool = True) -> None:
        """定稿 the record on screen (after saving what is typed); `ask` confirms first."""
        if self.note_id is None or self.final:
            return
        if ask:
            answer = QMessageBox.question(
                self,
                translate("定稿", "Finalise"),
                translate(
                    "定稿後這筆督導紀錄不可再修改。確定定稿？",
                    "A finalised record cannot be changed any more. Finalise it?",
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        note_id, values = self.note_id, self.values()
        self.autosaver.forget()

        def job(session: Any) -> uuid.UUID:
            save_draft_note(session, note_id, values)
            finalise_note(session, note_id)
            return note_id

        self.runner.run(job, self._finalised, self._show_problem, owner=self)

    def _finalised(self, note_id: uuid.UUID) -> None:
        self.final = True
        self.saved.emit(note_id)
        self.runner.run(lambda session: (list_notes(session), team_members(session)), self._after_final, owner=self)

    def _after_final(self, loaded: tuple[list[NoteRow], list[str]]) -> None:
        self._loaded(loaded)
        row = next((r for r in self.rows if r.id == self.note_id), None)
        if row is not None:
            self.show_note(row)

    def discard(self) -> None:
        if self.note_id is None or self.final:
            return
        note_id = self.note_id
        known = any(row.id == note_id for row in self.rows)
        self.autosaver.forget()
        self.note_id = None
        self._show_editor(False)
        if known or self.autosaver.pending(note_id):
            self.runner.run(lambda session: discard_draft_note(session, note_id), lambda _: self.refresh(), owner=self)

    # --- the case ---------------------------------------------------------------------------------------------

    def _search_cases(self) -> None:
        text = self.case_search.text()
        self.runner.run(lambda session: case_choices(session, text), self._show_choices, owner=self)

    def _show_choices(self, choices: list[CaseChoice]) -> None:
        chosen = self.case.currentData()
        self._loading = True
        kept = self.case.currentText() if chosen is not None else None
        self.case.clear()
        self.case.addItem(translate("（不指定個案）", "(no case)"), None)
        if chosen is not None and kept is not None:
            self.case.addItem(kept, chosen)
        for choice in choices:
            if choice.case_id != chosen:
                self.case.addItem(self._case_text(choice), choice.case_id)
        self.case.setCurrentIndex(1 if chosen is not None else 0)
        self._loading = False
        if choices and chosen is None and self.isVisible() and self.case_search.hasFocus():
            self.case.showPopup()

    def _open_case(self) -> None:
        case_id = self.case.currentData()
        if isinstance(case_id, uuid.UUID):
            self.case_opened.emit(case_id)

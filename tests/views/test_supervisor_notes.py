"""督導紀錄 through the editor: several cases discussed (added by a search typed in Chinese, removed, made primary,
opened), the follow-up due date, the follow-up outcome recorded on a final record, refused dates, overdue records
tinted, counted and filtered, and the selection a 列印 button would print."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.models import OutboxOp, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.services import clock
from app.services.supervision import NoteValues, finalise_note, record_follow_up, save_draft_note
from app.store.store import Store
from app.views.print_preview import PrintPreview
from app.views.runner import StoreRunner
from app.views.supervisor.note_list import OVERDUE_BACKGROUND, Column
from app.views.supervisor.notes import SupervisionView
from app.views.widgets import RocDateEdit
from tests.factories import make_case, make_client
from tests.printing.samples import pdf_text, squeeze

TODAY = date(2026, 11, 20)
WAIT_MS = 10_000


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def cases(store: Store) -> dict[str, uuid.UUID]:
    """Three clients' cases of two case managers."""
    found = {}
    with store.transaction() as db:
        for name, owner, id_number in (
            ("王小明", "cm.chen", "A123456789"),
            ("王大華", "cm.lin", "B123456780"),
            ("李美玲", "cm.lin", "C123456781"),
        ):
            case = make_case(make_client(name=name, id_number=id_number), owner=owner)
            db.add(case)
            db.flush()
            found[name] = case.id
    return found


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def open_view(qtbot: QtBot, runner: StoreRunner) -> SupervisionView:
    view = SupervisionView(runner)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitUntil(lambda: runner.idle and view.editor.members.count() > 0, timeout=WAIT_MS)
    return view


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method (注音, 倉頡) does when the user picks the characters: commit a string."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_date(qtbot: QtBot, field: RocDateEdit, text: str) -> None:
    field.lineEdit().clear()
    qtbot.keyClicks(field.lineEdit(), text)


def final_note(store: Store, due: date | None, case_id: uuid.UUID | None = None) -> uuid.UUID:
    values = NoteValues(
        SupervisionKind.INDIVIDUAL,
        date(2026, 11, 2),
        ("cm.chen",),
        case_id,
        "個別督導：案量",
        "下週家訪",
        follow_up_due_on=due,
    )
    with store.transaction() as db:
        note_id = save_draft_note(db, None, values)
        finalise_note(db, note_id)
        for op in db.query(OutboxOp):  # synced since
            op.pushed_at = datetime.now(UTC)
    return note_id


def row_of(view: SupervisionView, note_id: uuid.UUID) -> int:
    return next(i for i in range(view.table.rowCount()) if view.table.note_id(i) == note_id)


def test_several_cases_are_discussed_and_saved_with_the_follow_up_due_date(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID]
) -> None:
    view = open_view(qtbot, runner)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    assert not editor.follow_up.isEnabled()  # nothing stored yet to record an outcome on
    editor.kind.setCurrentIndex(editor.kind.findData(SupervisionKind.CONSULTATION))
    editor.members.item(0).setCheckState(Qt.CheckState.Checked)
    type_chinese(editor.content, "兩位王姓個案的職場適應")
    found = editor.cases.found

    def offered() -> list[str]:
        return [found.itemText(i) for i in range(found.count())]

    type_chinese(editor.cases.search, "王")
    qtbot.waitUntil(lambda: offered() == ["王大華（cm.lin）", "王小明（cm.chen）"], timeout=WAIT_MS)
    for name in ("王小明（cm.chen）", "王大華（cm.lin）"):
        found.setCurrentIndex(offered().index(name))
        qtbot.mouseClick(editor.cases.add_button, Qt.MouseButton.LeftButton)
    assert offered() == [] and not editor.cases.add_button.isEnabled()  # each case is listed once
    editor.cases.search.clear()
    type_chinese(editor.cases.search, "李美玲")
    qtbot.waitUntil(lambda: offered() == ["李美玲（cm.lin）"], timeout=WAIT_MS)
    qtbot.keyClick(editor.cases.search, Qt.Key.Key_Return)  # Enter adds the case found
    listed = editor.cases.list
    assert [listed.item(i).text() for i in range(listed.count())] == [
        "王小明（cm.chen）（主要）",
        "王大華（cm.lin）",
        "李美玲（cm.lin）",
    ]
    listed.setCurrentRow(0)  # the first one goes; the next becomes the primary case
    qtbot.mouseClick(editor.cases.remove_button, Qt.MouseButton.LeftButton)
    listed.setCurrentRow(1)
    qtbot.mouseClick(editor.cases.primary_button, Qt.MouseButton.LeftButton)
    assert view.values().case_ids == (cases["李美玲"], cases["王大華"])
    with qtbot.waitSignal(view.case_opened) as opened:
        listed.itemDoubleClicked.emit(listed.item(1))
    assert opened.args == [cases["王大華"]]

    type_date(qtbot, editor.follow_up_due, "115/11/27")
    with qtbot.waitSignal(view.saved, timeout=WAIT_MS):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1 and editor.follow_up.isEnabled(), timeout=WAIT_MS)
    assert view.table.item(0, Column.CASES).text() == "李美玲、王大華"
    assert view.table.item(0, Column.FOLLOW_UP).text() == "待追蹤（115/11/27）"
    with store.transaction() as db:
        (note,) = db.query(SupervisionNote).all()
        (op,) = db.query(OutboxOp).filter(OutboxOp.record_id == note.id).all()
        assert (note.case_id, note.case_ids) == (cases["李美玲"], [str(cases["李美玲"]), str(cases["王大華"])])
        assert (note.content, note.follow_up_due_on) == ("兩位王姓個案的職場適應", date(2026, 11, 27))
        assert op.fields["case_id"]["new"] == str(cases["李美玲"])
        assert op.fields["case_ids"]["new"] == [str(cases["李美玲"]), str(cases["王大華"])]


def test_a_due_date_that_is_not_a_date_or_before_the_meeting_is_not_saved_but_the_text_is(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID]
) -> None:
    view = open_view(qtbot, runner)
    view.new_note()
    editor = view.editor
    type_chinese(editor.content, "草稿")
    type_date(qtbot, editor.follow_up_due, "115/2/30")
    view.save()
    assert editor.problems.isVisible() and "追蹤期限：民國115年2月沒有30日" in editor.problems.text()
    assert editor.follow_up_due.isShowingError()
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    with store.transaction() as db:  # the text is kept (a killed process would not lose it), the date is not
        (note,) = db.query(SupervisionNote).all()
        assert note.content == "草稿" and note.follow_up_due_on is None
    assert view.autosaver.dirty  # still to be saved once the date is fixed
    type_date(qtbot, editor.follow_up_due, "115/11/1")  # before the meeting (today)
    type_chinese(editor.content, "草稿，補充")
    view.save()
    qtbot.waitUntil(lambda: "追蹤期限：追蹤期限不能早於督導日期" in editor.problems.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    with store.transaction() as db:
        (note,) = db.query(SupervisionNote).all()
        assert note.content.endswith("補充") and note.follow_up_due_on is None
    type_date(qtbot, editor.follow_up_due, "115/12/1")
    view.save()
    qtbot.waitUntil(lambda: runner.idle and not view.autosaver.dirty, timeout=WAIT_MS)
    with store.transaction() as db:
        assert db.query(SupervisionNote).one().follow_up_due_on == date(2026, 12, 1)


def test_the_follow_up_is_recorded_on_a_final_record(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID]
) -> None:
    overdue = final_note(store, date(2026, 11, 9), cases["王小明"])
    later = final_note(store, date(2026, 11, 30))
    view = open_view(qtbot, runner)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=WAIT_MS)
    row = row_of(view, overdue)
    assert view.table.item(row, Column.FOLLOW_UP).text() == "逾期（115/11/09）"
    assert view.table.item(row, Column.DATE).background().color() == OVERDUE_BACKGROUND
    assert view.table.item(row_of(view, later), Column.FOLLOW_UP).text() == "待追蹤（115/11/30）"
    assert view.list.overdue.text().endswith("1 筆決議逾期未追蹤</a>")
    view.list.overdue.linkActivated.emit("overdue")  # only the overdue ones
    assert [view.table.note_id(i) for i in range(view.table.rowCount())] == [overdue]

    view.select(overdue)
    editor = view.editor
    assert editor.content.isReadOnly() and not editor.save_button.isEnabled()
    assert not editor.follow_up_due.isEnabled() and not editor.cases.search.isEnabled()
    assert editor.follow_up.isEnabled() and editor.follow_up_state.text() == "逾期，期限 115/11/09"
    with qtbot.waitSignal(view.case_opened) as opened:  # a final record's case still opens
        qtbot.mouseClick(editor.cases.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [cases["王小明"]]
    type_date(qtbot, editor.done_on, "115/11/12")
    type_chinese(editor.follow_up_note, "已家訪，狀況穩定")
    with qtbot.waitSignal(view.saved, timeout=WAIT_MS):
        qtbot.mouseClick(editor.save_follow_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=WAIT_MS)  # done: no longer overdue
    assert view.list.overdue.text() == "" and editor.follow_up_state.text() == "已完成"
    view.list.follow_up_filter.setCurrentIndex(0)
    assert view.table.item(row_of(view, overdue), Column.FOLLOW_UP).text() == "已完成（115/11/12）"
    with store.transaction() as db:
        note = db.get(SupervisionNote, overdue)
        assert note is not None and note.status == RecordStatus.FINAL
        assert (note.follow_up_done_on, note.follow_up_note, note.content) == (
            date(2026, 11, 12),
            "已家訪，狀況穩定",
            "個別督導：案量",
        )
        (op,) = db.query(OutboxOp).filter(OutboxOp.record_id == overdue, OutboxOp.pushed_at.is_(None)).all()
        assert op.op == "update" and set(op.fields) == {"follow_up_done_on", "follow_up_note"}

    view.table.selectAll()  # what a 列印 button would print: the selection, in the list's order
    assert view.selected_note_ids() == [view.table.note_id(0), view.table.note_id(1)]
    assert set(view.selected_note_ids()) == {overdue, later}


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("115/11/21", "完成日期：日期不能晚於今天。"), ("115/11/1", "完成日期：完成日期不能早於督導日期。")],
)
def test_a_refused_done_date_changes_nothing(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID], typed: str, shown: str
) -> None:
    note_id = final_note(store, date(2026, 11, 9))
    view = open_view(qtbot, runner)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT_MS)
    view.select(note_id)
    type_date(qtbot, view.editor.done_on, typed)
    view.save_follow_up()
    qtbot.waitUntil(lambda: view.editor.problems.isVisible(), timeout=WAIT_MS)
    assert shown in view.editor.problems.text()
    type_date(qtbot, view.editor.done_on, "115/2/30")  # not a date at all: refused before any job
    view.save_follow_up()
    assert "完成日期：民國115年2月沒有30日" in view.editor.problems.text()
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    with store.transaction() as db:
        note = db.get(SupervisionNote, note_id)
        assert note is not None and (note.follow_up_done_on, note.follow_up_note) == (None, "")
        assert db.query(OutboxOp).filter(OutboxOp.pushed_at.is_(None)).count() == 0
    assert view.table.item(0, Column.FOLLOW_UP).text() == "逾期（115/11/09）"


def test_the_selected_records_print_into_one_previewed_pdf(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID]
) -> None:
    first = final_note(store, date(2026, 11, 9), cases["王小明"])
    with store.transaction() as db:
        second = save_draft_note(
            db,
            None,
            NoteValues(SupervisionKind.GROUP, date(2026, 11, 16), ("cm.lin",), cases["王大華"], "團體督導：失聯結案"),
        )
    view = open_view(qtbot, runner)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=WAIT_MS)
    assert not view.print_button.isEnabled()  # nothing selected yet
    view.table.selectAll()
    assert set(view.selected_note_ids()) == {first, second} and view.print_button.isEnabled()
    with qtbot.waitSignal(view.preview_opened, timeout=WAIT_MS) as opened:
        view.print_button.click()
    preview = opened.args[0]
    assert isinstance(preview, PrintPreview)
    qtbot.addWidget(preview)
    text = squeeze(pdf_text(preview.document.path))
    assert text.count("督導紀錄表") >= 2 and "個別督導：案量" in text and "團體督導：失聯結案" in text
    assert "王小明" in text and "王大華" in text and "A123456789" not in text  # cases named, ID numbers masked
    assert "草稿" in text  # the second is a draft, and says so
    preview.close()
    qtbot.waitUntil(lambda: runner.idle and view.print_button.isEnabled(), timeout=WAIT_MS)


# --- nothing typed is lost: leaving a record, a refused save or 定稿, closing the window ---------------------------


def two_drafts(store: Store, attendees: tuple[str, ...] = ("cm.chen",)) -> tuple[uuid.UUID, uuid.UUID]:
    with store.transaction() as db:
        first = save_draft_note(
            db,
            None,
            NoteValues(SupervisionKind.INDIVIDUAL, date(2026, 11, 2), attendees, content="甲", follow_up_due_on=TODAY),
        )
        second = save_draft_note(db, None, NoteValues(SupervisionKind.INDIVIDUAL, date(2026, 11, 3), ("cm.chen",)))
    return first, second


def stored(store: Store, note_id: uuid.UUID) -> SupervisionNote:
    with store.transaction() as db:
        note = db.get(SupervisionNote, note_id)
        assert note is not None
        db.expunge(note)
        return note


def show(qtbot: QtBot, view: SupervisionView, note_id: uuid.UUID) -> None:
    view.table.selectRow(row_of(view, note_id))
    qtbot.waitUntil(lambda: view.note_id == note_id)


@pytest.mark.parametrize(("field", "label"), [("follow_up_due", "追蹤期限"), ("held_on", "督導日期")])
def test_a_date_that_is_not_one_keeps_its_stored_value_and_the_rest_is_saved_on_leaving(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID], field: str, label: str
) -> None:
    first, second = two_drafts(store)
    with store.transaction() as db:
        record_follow_up(db, first, None, "甲的追蹤")
    view = open_view(qtbot, runner)
    show(qtbot, view, first)
    type_chinese(view.editor.content, "重要內容")
    type_date(qtbot, getattr(view.editor, field), "115/02/30")
    type_date(qtbot, view.editor.done_on, "115/02/31")
    type_chinese(view.editor.follow_up_note, "已聯繫")
    view.table.selectRow(row_of(view, second))  # within the autosave delay
    assert view.note_id == second
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    note = stored(store, first)
    assert (note.content, note.held_on, note.follow_up_due_on) == ("重要內容甲", date(2026, 11, 2), TODAY)
    assert (note.follow_up_done_on, note.follow_up_note) == (None, "已聯繫甲的追蹤")
    qtbot.waitUntil(lambda: view.editor.notice.isVisible(), timeout=WAIT_MS)
    notice = view.editor.notice.text()
    assert "上一筆督導紀錄（115/11/02）已儲存，但下列欄位未儲存" in notice
    assert f"{label}：民國115年2月沒有30日" in notice and "完成日期：民國115年2月沒有31日" in notice
    assert not view.autosaver.dirty and not view.follow_ups.dirty
    show(qtbot, view, first)  # the next record shown: the notice goes
    assert not view.editor.notice.isVisible()


def test_a_draft_the_store_would_refuse_keeps_the_editor_on_it(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID]
) -> None:
    first, second = two_drafts(store)
    view = open_view(qtbot, runner)
    show(qtbot, view, first)
    type_date(qtbot, view.editor.follow_up_due, "115/11/1")  # before the meeting
    type_chinese(view.editor.content, "重要內容")
    view.autosaver.flush()  # as the autosave timer does: refused
    qtbot.waitUntil(lambda: view.editor.problems.isVisible(), timeout=WAIT_MS)
    assert view.autosaver.dirty  # still to be saved
    for pick in (lambda: view.table.selectRow(row_of(view, second)), view.new_note):
        pick()
        qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
        assert view.note_id == first and view.table.current_note_id() == first
        assert view.editor.content.toPlainText() == "重要內容甲"
        assert "追蹤期限：追蹤期限不能早於督導日期。" in view.editor.problems.text()
    type_chinese(view.editor.others, "林社工")  # typed on, then picked at once: refused before any save is back
    view.table.selectRow(row_of(view, second))
    assert view.note_id == first
    type_date(qtbot, view.editor.follow_up_due, "115/11/30")
    show(qtbot, view, second)
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    note = stored(store, first)
    assert (note.content, note.attendees, note.follow_up_due_on) == (
        "重要內容甲",
        ["cm.chen", "林社工"],
        date(2026, 11, 30),
    )
    assert not view.editor.notice.isVisible()


def test_a_refused_finalise_leaves_the_draft_to_be_saved(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes)
    first, second = two_drafts(store, attendees=())
    view = open_view(qtbot, runner)
    show(qtbot, view, first)
    type_chinese(view.editor.content, "重要內容")
    view.finalise(ask=True)  # refused: nobody attended
    qtbot.waitUntil(lambda: runner.idle and "出席者：定稿前請填寫出席者。" in view.editor.problems.text())
    qtbot.waitUntil(lambda: runner.idle and stored(store, first).content == "重要內容甲", timeout=WAIT_MS)
    assert view.editor.problems.isVisible()  # the draft saved since: the reason 定稿 was refused stays shown
    assert stored(store, first).status == RecordStatus.DRAFT
    type_chinese(view.editor.content, "，再補充")
    show(qtbot, view, second)
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    assert stored(store, first).content == "重要內容，再補充甲"


def test_closing_the_window_saves_what_was_just_typed(
    qtbot: QtBot, store: Store, runner: StoreRunner, cases: dict[str, uuid.UUID]
) -> None:
    first, _second = two_drafts(store)
    view = open_view(qtbot, runner)
    show(qtbot, view, first)
    type_chinese(view.editor.content, "重要內容")
    type_date(qtbot, view.editor.follow_up_due, "115/11/1")  # refused: the stored due date stays
    type_chinese(view.editor.follow_up_note, "已聯繫")
    view.close()  # within the autosave delay; no timer fires once the application quits
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    note = stored(store, first)
    assert (note.content, note.follow_up_due_on, note.follow_up_note) == ("重要內容甲", TODAY, "已聯繫")
    assert "追蹤期限：追蹤期限不能早於督導日期。" in view.editor.problems.text()
    assert view.autosaver.dirty  # the due date as typed is still to be saved

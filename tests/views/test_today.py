"""今日待辦: grouped, ordered and marked items from a real encrypted store, read through the store runner."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import IntakeDecision, RecordStatus, Stage
from app.services import agenda, workflow
from app.services.deadlines import DueItem
from app.services.demo import generate_demo
from app.services.validation import make_national_id
from app.store.store import Store
from app.views import today
from app.views.runner import StoreRunner
from app.views.today import CASE_ID_ROLE, TARGET_ID_ROLE, TARGET_KIND_ROLE, TodayView
from tests.factories import make_case, make_client, make_record

ON = date(2025, 12, 1)  # a Monday; the monthly report (due 12/10) is within the two-week horizon


@dataclass(frozen=True)
class Seeded:
    lin: uuid.UUID  # reply overdue 8 days
    wang: uuid.UUID  # reply overdue 3 days
    li: uuid.UUID  # reply due in 2 days
    chen: uuid.UUID  # service record to enter today
    chen_record: uuid.UUID
    other: uuid.UUID  # cm.lin's case, reply overdue


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def _intake_case(session: Session, serial: int, name: str, assessed_on: date, owner: str = "cm.chen") -> Case:
    client = make_client(name=name, id_number=make_national_id("A", 1, serial))
    case = make_case(client, owner=owner, stage=Stage.B, intake_assessed_on=assessed_on)
    session.add(case)
    return case


@pytest.fixture
def seeded(store: Store) -> Seeded:
    with store.transaction() as session:
        lin = _intake_case(session, 1, "林小芳", date(2025, 11, 20))
        wang = _intake_case(session, 2, "王小明", date(2025, 11, 25))
        li = _intake_case(session, 3, "李大華", date(2025, 11, 30))
        other = _intake_case(session, 4, "張志明", date(2025, 11, 20), owner="cm.lin")
        chen = make_case(
            make_client(name="陳美麗", id_number=make_national_id("A", 2, 5)),
            stage=Stage.E,
            intake_assessed_on=date(2025, 11, 5),
            decision=IntakeDecision.OPEN,
            reply_sent_on=date(2025, 11, 6),
            opened_on=date(2025, 11, 10),
        )
        record = make_record(chen, held_on=date(2025, 11, 17), status=RecordStatus.FINAL)
        session.add_all([chen, record])
        session.flush()
        return Seeded(lin.id, wang.id, li.id, chen.id, record.id, other.id)


def open_view(qtbot: QtBot, runner: StoreRunner, owners: str | list[str] = "cm.chen", on: date = ON) -> TodayView:
    view = TodayView(runner, owners, on_date=on)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        pass  # the constructor asked for the first load; it arrives through the event loop
    return view


def lines(view: TodayView) -> list[tuple[str, list[tuple[str, ...]]]]:
    """Every heading with the texts of its lines' cells, as the user sees them."""
    model = view.model
    shown = []
    for group in range(model.rowCount()):
        heading = model.index(group, 0)
        rows = [
            tuple(str(model.index(row, column, heading).data()) for column in range(model.columnCount()))
            for row in range(model.rowCount(heading))
        ]
        shown.append((str(heading.data()), rows))
    return shown


def find_line(view: TodayView, client: str) -> QModelIndex:
    model = view.model
    for group in range(model.rowCount()):
        heading = model.index(group, 0)
        for row in range(model.rowCount(heading)):
            if model.index(row, today.CLIENT_COLUMN, heading).data() == client:
                return model.index(row, 0, heading)
    raise AssertionError(f"no line for {client}")


def test_items_are_grouped_counted_and_ordered(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    view = open_view(qtbot, runner)
    assert lines(view) == [
        (
            "接案評估後3天內回覆（3）",
            [
                ("逾期 8 天", "114/11/23", "林小芳", "接案評估後3天內回覆申請者或轉介單位"),
                ("逾期 3 天", "114/11/28", "王小明", "接案評估後3天內回覆申請者或轉介單位"),
                ("2 天後到期", "114/12/03", "李大華", "接案評估後3天內回覆申請者或轉介單位"),
            ],
        ),
        (
            "服務後2週內登錄職重系統（1）",
            [("今日到期", "114/12/01", "陳美麗", "114/11/17服務紀錄須於2週內登錄職業重建系統")],
        ),
        ("本單位報表（1）", [("9 天後到期", "114/12/10", "（本單位）", "彙送114年11月服務成果月報表（表6-1、表6-2）")]),
    ]
    assert view.summary_label.accessibleDescription() == "逾期 2 項・今日 1 項・兩週內 2 項"
    assert "民國114年12月1日" in view.title_label.text()
    assert view.pages.currentWidget() is view.tree


def test_overdue_is_red_and_today_stands_out(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    view = open_view(qtbot, runner)
    overdue, due_today, upcoming = (find_line(view, name) for name in ("林小芳", "陳美麗", "李大華"))
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == today.OVERDUE_COLOUR
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert due_today.data(Qt.ItemDataRole.ForegroundRole).color() == today.DUE_TODAY_COLOUR
    assert upcoming.data(Qt.ItemDataRole.ForegroundRole) is None
    assert today.OVERDUE_COLOUR.name() in view.summary_label.text()


def test_enter_on_a_line_asks_to_open_the_case_at_its_record(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    view = open_view(qtbot, runner)
    view.show()
    view.tree.setFocus()
    line = find_line(view, "王小明")
    assert line.data(CASE_ID_ROLE) == seeded.wang and line.data(TARGET_KIND_ROLE) == "case"
    view.tree.setCurrentIndex(line)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened.args == [seeded.wang, "case", seeded.wang]

    view.tree.setCurrentIndex(find_line(view, "陳美麗"))
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view.tree, Qt.Key.Key_Enter)
    assert opened.args == [seeded.chen, "service", seeded.chen_record]

    view.resize(900, 500)
    where = view.tree.visualRect(find_line(view, "陳美麗").siblingAtColumn(today.TITLE_COLUMN)).center()
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click starts with a press
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [seeded.chen, "service", seeded.chen_record]

    view.tree.setCurrentIndex(find_line(view, "（本單位）"))
    with qtbot.waitSignal(view.report_requested) as reported, qtbot.assertNotEmitted(view.open_requested):
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert reported.args == ["monthly_report"]


def test_keyboard_moves_between_lines_and_folds_groups(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    view = open_view(qtbot, runner)
    view.show()
    view.tree.setFocus()
    first_group = view.model.index(0, 0)
    assert view.tree.currentIndex() == view.model.index(0, 0, first_group)  # ready for Enter at once
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert view.tree.currentIndex().siblingAtColumn(0).data(CASE_ID_ROLE) == seeded.wang
    view.tree.setCurrentIndex(first_group)
    with qtbot.assertNotEmitted(view.open_requested):
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert not view.tree.isExpanded(first_group)
    qtbot.keyClick(view.tree, Qt.Key.Key_Right)
    assert view.tree.isExpanded(first_group)
    assert view.tree.accessibleName() == "今日待辦清單" and view.refresh_button.accessibleName()


def test_refresh_after_the_reply_is_sent_drops_the_item_and_keeps_the_view(
    runner: StoreRunner, seeded: Seeded, qtbot: QtBot
) -> None:
    view = open_view(qtbot, runner)
    view.tree.setCurrentIndex(find_line(view, "林小芳"))
    service_group = view.model.index(1, 0)
    view.tree.collapse(service_group)

    def send_reply(session: Session) -> None:
        case = session.get(Case, seeded.lin)
        assert case is not None
        case.decision = IntakeDecision.OPEN
        workflow.record_reply(case, ON)

    runner.run(send_reply)
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.refresh()
    assert lines(view)[0][0] == "接案評估後3天內回覆（2）"
    assert "林小芳" not in {row[2] for _heading, rows in lines(view) for row in rows}
    assert view.summary_label.accessibleDescription() == "逾期 1 項・今日 1 項・兩週內 2 項"
    assert not view.tree.isExpanded(view.model.index(1, 0)) and view.tree.isExpanded(view.model.index(0, 0))
    assert view.tree.currentIndex().data(CASE_ID_ROLE) == seeded.wang  # the line that took its place


def test_owners_filter_the_cases_but_not_the_unit_items(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    lin = open_view(qtbot, runner, "cm.lin")
    assert [(heading, [row[2] for row in rows]) for heading, rows in lines(lin)] == [
        ("接案評估後3天內回覆（1）", ["張志明"]),
        ("本單位報表（1）", ["（本單位）"]),
    ]
    team = open_view(qtbot, runner, ["cm.chen", "cm.lin"])
    assert lines(team)[0][0] == "接案評估後3天內回覆（4）"
    assert team.owners == ("cm.chen", "cm.lin")


def test_nothing_due_shows_a_friendly_message(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    view = open_view(qtbot, runner, "cm.nobody", on=date(2025, 11, 20))  # next monthly report is 20 days off
    assert view.pages.currentWidget() is view.empty_label
    assert view.empty_label.accessibleName() == "今天沒有待辦事項"
    assert view.summary_label.accessibleDescription() == "逾期 0 項・今日 0 項・兩週內 0 項"


def test_english_labels(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    app.setProperty("fieldcase_language", "en")
    try:
        view = open_view(qtbot, runner)
    finally:
        app.setProperty("fieldcase_language", None)
    heading, rows = lines(view)[0]
    assert heading == "Reply within 3 days of the intake assessment (3)"
    assert rows[0][:3] == ("8 days overdue", "2025-11-23", "林小芳")
    assert rows[0][3] == "Reply to the applicant or referring unit within 3 days of the intake assessment"
    assert view.summary_label.accessibleDescription() == "2 overdue · 1 due today · 2 within two weeks"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Status"


def test_the_query_runs_off_the_gui_thread_and_only_the_newest_result_is_shown(
    runner: StoreRunner, seeded: Seeded, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []

    def spy(session: Session, on: date | None = None, owners: Collection[str] | None = None) -> list[DueItem]:
        threads.append(threading.get_ident())
        return agenda.due_items(session, on, owners)

    monkeypatch.setattr(today, "due_items", spy)
    view = open_view(qtbot, runner)
    shown: list[int] = []
    view.refreshed.connect(lambda: shown.append(len(view.items())))
    view.refresh()
    view.refresh()
    qtbot.waitUntil(lambda: runner.idle)
    qtbot.wait(20)
    assert shown == [5] and len(threads) == 3
    assert threading.get_ident() not in threads


def test_demo_caseload(store: Store, runner: StoreRunner, qtbot: QtBot, tmp_path: Path) -> None:
    """300 demo cases, cm.chen on 114/11/20: the same items as the engine, overdue first in every group."""
    on = date(2025, 11, 20)
    generate_demo(store, 300, seed=2, today=on)
    with store.transaction() as session:
        expected = agenda.due_items(session, on, ["cm.chen"])
    view = open_view(qtbot, runner, "cm.chen", on)
    view.resize(1000, 720)
    assert sorted(view.items(), key=repr) == sorted(expected, key=repr)
    assert {item.owner for item in view.items()} <= {"cm.chen", ""}
    for _heading, rows in lines(view):
        overdue = [row[0].startswith("逾期") for row in rows]
        assert overdue == sorted(overdue, reverse=True)
    counts = [int(heading.rsplit("（", 1)[1].rstrip("）")) for heading, _rows in lines(view)]
    assert sum(counts) == len(expected)
    view.show()
    assert view.grab().save(str(tmp_path / "today.png"))


def test_target_ids_are_kept_for_every_line(runner: StoreRunner, seeded: Seeded, qtbot: QtBot) -> None:
    view = open_view(qtbot, runner)
    assert find_line(view, "陳美麗").data(TARGET_ID_ROLE) == seeded.chen_record
    assert find_line(view, "（本單位）").data(CASE_ID_ROLE) is None

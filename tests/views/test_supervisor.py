"""督導模式 through the real widgets: the supervisor's window, a drill-down from an overview cell and from a chart
bar to the right cases and on to a case window, a supervision record written and finalised, the daily report."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Case, CaseTransfer, Client, OutboxOp, SupervisionNote
from app.models.base import utcnow
from app.models.enums import RecordStatus, SupervisionKind
from app.models.sync import ReadOnlyRecord
from app.services.deadline_rules import DeadlineRule
from app.services.demo import generate_demo
from app.services.kpi_dashboard import DrillKey, Measure, drill_case_ids
from app.services.team_overview import Cell, cell_case_ids
from app.store.store import Store
from app.views.case_windows import CaseWindows
from app.views.handover import HandoverDialog
from app.views.launch import build_main_window
from app.views.print_monthly import MonthlyReportDialog
from app.views.print_preview import PrintPreview
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.supervisor.chart import Bar, BarChart, nice_ticks
from app.views.supervisor.dashboard import KpiDashboardView
from app.views.supervisor.drill import CaseListDialog
from app.views.supervisor.notes import SupervisionView
from app.views.supervisor.overview import TeamOverviewView
from app.views.supervisor.reports import ReportsView
from app.views.workspace import CaseWorkspace
from tests.factories import make_record
from tests.printing.samples import pdf_text, squeeze

ON = date(2026, 11, 22)
WAIT_MS = 20_000


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> Iterator[StoreRunner]:
    generate_demo(store, 70, seed=11, today=date(2026, 11, 20))
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def _open_workspaces() -> list[CaseWorkspace]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseWorkspace) and w.isVisible()]


def test_a_supervisor_gets_the_supervisor_pages(runner: StoreRunner, settings: AppSettings, qtbot: QtBot) -> None:
    window = build_main_window(runner, settings, "sup.lin", supervisor=True)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["團隊總覽", "待審", "績效指標", "督導紀錄", "報表", "稽核紀錄"]
    texts = [a.text() for a in window.file_menu.actions()]
    assert "同步衝突…" in texts and "月報表…" in texts
    assert "列印…" not in texts and "新案受理…" not in texts  # no intake, no printing of 我的個案's selection
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)


def test_an_overview_cell_lists_its_cases_and_opens_one(runner: StoreRunner, qtbot: QtBot) -> None:
    cases = CaseWindows(runner)
    view = TeamOverviewView(runner, on_date=ON)
    qtbot.addWidget(view)
    view.case_opened.connect(cases.open)
    view.resize(1200, 600)
    view.show()
    qtbot.waitUntil(lambda: view.overview is not None and runner.idle, timeout=WAIT_MS)
    assert view.overview is not None
    row = max(view.overview.rows, key=lambda r: r.overdue[DeadlineRule.MONTHLY_CONTACT])
    assert row.overdue[DeadlineRule.MONTHLY_CONTACT] > 0
    index = view.cell(row.owner, DeadlineRule.MONTHLY_CONTACT)
    assert index.data() == str(row.overdue[DeadlineRule.MONTHLY_CONTACT])
    with qtbot.waitSignal(view.drilled, timeout=WAIT_MS) as drilled:
        rect = view.table.visualRect(index)
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = drilled.args[0]
    assert isinstance(dialog, CaseListDialog)
    with runner.store.transaction() as db:
        expected = cell_case_ids(db, row.owner, DeadlineRule.MONTHLY_CONTACT, ON)
    assert dialog.case_ids() == expected and len(expected) == row.overdue[DeadlineRule.MONTHLY_CONTACT]
    qtbot.waitUntil(lambda: dialog.model.case_row(expected[0]) is not None, timeout=WAIT_MS)
    first = dialog.table.visualRect(dialog.model.index(0, 0)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=first)  # a real double-click presses
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=first)

    # Other tests' case windows may still be on screen in a full run: look for the one this click opened.
    def opened() -> list[CaseWorkspace]:
        return [w for w in _open_workspaces() if w.case is not None and w.case.id == expected[0]]

    qtbot.waitUntil(lambda: bool(opened()), timeout=WAIT_MS)
    (workspace,) = opened()
    workspace.close()
    dialog.close()

    total = view.cell(None, Cell.OPEN)  # the team's line drills into everyone's cases
    with qtbot.waitSignal(view.drilled, timeout=WAIT_MS) as drilled:
        view.table.setCurrentIndex(total)
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert len(drilled.args[0].case_ids()) == view.overview.total.open_cases
    drilled.args[0].close()


def _click_bar(qtbot: QtBot, chart: BarChart, key: object) -> None:
    index = next(i for i, bar in enumerate(chart.bars) if bar.key == key)
    centre = chart.bar_rect(index).center()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), round(centre.y())))


def test_a_chart_bar_lists_the_cases_behind_it(runner: StoreRunner, qtbot: QtBot) -> None:
    view = KpiDashboardView(runner, on_date=ON)
    qtbot.addWidget(view)
    view.resize(1280, 900)
    view.show()
    qtbot.waitUntil(lambda: view.board is not None and runner.idle, timeout=WAIT_MS)
    board = view.board
    assert board is not None
    assert view.closure.headline.text().startswith("結案率 ")
    key = board.year_key(Measure.VR_CLOSED)
    assert [bar.value for bar in view.closure.chart.bars] == [
        board.kpi.vr.opened_this_year,
        board.kpi.vr.open_from_last_year,
        board.kpi.vr.closed,
    ]
    with qtbot.waitSignal(view.drilled, timeout=WAIT_MS) as drilled:
        _click_bar(qtbot, view.closure.chart, key)
    with runner.store.transaction() as db:
        expected = drill_case_ids(db, key, as_of=ON)
    assert drilled.args[0].case_ids() == expected and len(expected) == board.kpi.vr.closed
    drilled.args[0].close()

    # A month of the trend, by keyboard: the chart takes the focus, Right moves along, Enter lists.
    view.trend_measure.setCurrentIndex(view.trend_measure.findData(Measure.OPENED))
    month = view.trend.chart.bars[-2]
    assert isinstance(month.key, DrillKey)
    view.trend.chart.setFocus()
    with qtbot.waitSignal(view.drilled, timeout=WAIT_MS) as drilled:
        for _ in range(len(view.trend.chart.bars) - 2):
            qtbot.keyClick(view.trend.chart, Qt.Key.Key_Right)
        qtbot.keyClick(view.trend.chart, Qt.Key.Key_Return)
    assert len(drilled.args[0].case_ids()) == month.value
    drilled.args[0].close()


def test_the_chart_draws_hovers_and_scales(qtbot: QtBot) -> None:
    chart = BarChart("測試", horizontal=True)
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.set_bars([Bar("a", "身心障礙者", 12), Bar("b", "中高齡者", 3, target=10)], target=8, target_label="目標")
    chart.show()
    assert nice_ticks(12) == [0, 5, 10, 15] and nice_ticks(0) == [0.0, 1.0] and nice_ticks(7)[-1] == 8
    assert not chart.grab().isNull()
    first = chart.bar_rect(0).center()
    assert chart.bar_at(first) == 0
    with qtbot.waitSignal(chart.bar_clicked) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(round(first.x()), round(first.y())))
    assert clicked.args == ["a"]
    assert chart.accessibleDescription() == "身心障礙者 12；中高齡者 3"


def test_a_supervision_record_is_written_and_finalised_through_the_editor(
    runner: StoreRunner, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = SupervisionView(runner)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: runner.idle and view.editor.members.count() == 7, timeout=WAIT_MS)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.editor.isVisible()
    view.editor.kind.setCurrentIndex(view.editor.kind.findData(SupervisionKind.GROUP))
    view.editor.held_on.setDate(date(2026, 11, 20))
    for index in (0, 1):
        view.editor.members.item(index).setCheckState(Qt.CheckState.Checked)
    view.editor.others.setText("外聘督導張老師")
    view.editor.content.setPlainText("討論失聯個案的處理流程與職場訪視安排")
    view.editor.agreed.setPlainText("各職管員本週內補齊失聯紀錄")
    with qtbot.waitSignal(view.saved, timeout=WAIT_MS):
        qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT_MS)
    assert view.table.item(0, 4).text() == "草稿"

    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.saved, timeout=WAIT_MS):
        qtbot.mouseClick(view.editor.finalise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.item(0, 4).text() == "已定稿", timeout=WAIT_MS)
    assert view.editor.content.isReadOnly() and not view.editor.save_button.isEnabled()
    with runner.store.transaction() as db:
        (note,) = db.query(SupervisionNote).all()
        assert note.status == RecordStatus.FINAL and note.kind == SupervisionKind.GROUP
        assert note.attendees == [
            view.editor.members.item(0).text(),
            view.editor.members.item(1).text(),
            "外聘督導張老師",
        ]
        assert (note.held_on, note.supervisor, note.agreed_actions) == (
            date(2026, 11, 20),
            "cm.chen",
            "各職管員本週內補齊失聯紀錄",
        )


def test_a_consultation_links_a_case_found_by_name(runner: StoreRunner, qtbot: QtBot) -> None:
    with runner.store.transaction() as db:
        name, case_id = db.execute(select(Client.name, Case.id).join(Case).order_by(Case.id).limit(1)).one()
    view = SupervisionView(runner)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    view.new_note()
    view.editor.kind.setCurrentIndex(view.editor.kind.findData(SupervisionKind.CONSULTATION))
    cases = view.editor.cases
    cases.search.setText(name)
    cases.search.textEdited.emit(name)

    def offered() -> list[object]:
        return [cases.found.itemData(i).case_id for i in range(cases.found.count())]

    qtbot.waitUntil(lambda: case_id in offered(), timeout=WAIT_MS)
    cases.found.setCurrentIndex(offered().index(case_id))
    qtbot.mouseClick(cases.add_button, Qt.MouseButton.LeftButton)
    assert view.values().case_id == case_id and cases.open_button.isEnabled()
    with qtbot.waitSignal(view.case_opened) as opened:
        qtbot.mouseClick(cases.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [case_id]


def test_the_reports_page_shows_and_saves_the_daily_report(
    runner: StoreRunner, settings: AppSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    view = ReportsView(runner, settings, on_date=date(2026, 11, 20))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.report is not None and runner.idle, timeout=WAIT_MS)
    report = view.report
    assert report is not None and report.people_total > 0
    last = view.table.rowCount() - 2
    assert view.table.item(last, 0).text() == "服務人數（不重複）"
    assert view.table.item(last, view.table.columnCount() - 1).text() == str(report.people_total)
    with qtbot.waitSignal(view.drilled, timeout=WAIT_MS) as drilled:
        view.table.cellDoubleClicked.emit(last, view.table.columnCount() - 1)
    assert len({uuid.UUID(str(i)) for i in drilled.args[0].case_ids()}) >= report.people_total
    drilled.args[0].close()
    target = tmp_path / "日報"
    with qtbot.waitSignal(view.exported, timeout=WAIT_MS) as exported:
        view.export(target)
    assert exported.args[0] == target.with_name("日報.xlsx")
    sheet = openpyxl.load_workbook(exported.args[0]).active
    assert sheet["A1"].value == "服務對象日報（依特定對象身分）"
    served = {case_id for ids in report.cases.values() for case_id in ids}
    with runner.store.transaction() as db:  # a sync brings a record of that day after the report was shown
        case = db.scalars(select(Case).where(Case.id.not_in(served), Case.opened_on.is_not(None))).first()
        assert case is not None
        db.add(make_record(case, held_on=date(2026, 11, 20), status=RecordStatus.FINAL))
    with qtbot.waitSignal(view.preview_opened, timeout=WAIT_MS) as previewed:
        view.print_button.click()
    preview = previewed.args[0]
    assert isinstance(preview, PrintPreview)
    qtbot.addWidget(preview)
    text = squeeze(pdf_text(preview.document.path))
    assert "服務對象日報" in text and "民國115年11月20日" in text and "參考格式" not in text  # our own report
    # The figures on screen and in the workbook, not counted again since.
    assert f"服務人數（不重複）{report.people_total}服務人次{report.services_total}" in text
    preview.close()
    view.refresh()  # as after a sync: the same day counted again
    qtbot.waitUntil(lambda: view.report is not report and runner.idle, timeout=WAIT_MS)
    assert view.report is not None and view.report.people_total == report.people_total + 1
    with qtbot.waitSignal(view.monthly_opened) as opened:
        qtbot.mouseClick(view.monthly_button, Qt.MouseButton.LeftButton)
    assert isinstance(opened.args[0], MonthlyReportDialog)
    opened.args[0].close()
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)


def test_the_last_login_s_role_or_the_flag_chooses_supervisor_mode(store: Store) -> None:
    from app.sync import credentials
    from app.views.launch import _is_supervisor, _parse

    assert not _is_supervisor(store) and not _parse([]).supervisor
    assert _parse(["--demo", "300", "--supervisor"]).supervisor
    account = credentials.Account("https://fc.example", "sup.lin", "林督導", "supervisor", "北區", "d1")
    with store.transaction() as db:
        credentials.save_account(db, account)
    assert _is_supervisor(store)
    with store.transaction() as db:
        credentials.save_account(db, credentials.Account("https://fc.example", "cm.chen", "", "case_manager", "", "d2"))
    assert not _is_supervisor(store)


def test_a_supervisor_hands_cases_over_from_a_list_of_them(
    runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    """As on a supervisor's laptop, every case and client is a read-only copy: only their owner may change."""
    with runner.store.transaction() as db:
        rows = db.execute(select(Case.id, Case.client_id)).all()
        db.add_all(ReadOnlyRecord(record_id=i, record_type="case") for i, _ in rows)
        db.add_all(ReadOnlyRecord(record_id=c, record_type="client") for _, c in rows)
        for op in db.scalars(select(OutboxOp)):  # synced: what the supervisor writes is all the outbox will hold
            op.pushed_at = utcnow()
    window = build_main_window(runner, settings, "sup.lin", supervisor=True)
    qtbot.addWidget(window)
    overview = window.pages.widget(0)
    assert isinstance(overview, TeamOverviewView)
    qtbot.waitUntil(lambda: overview.overview is not None and runner.idle, timeout=WAIT_MS)
    assert overview.overview is not None
    leaving = max(overview.overview.rows, key=lambda r: r.open_cases)
    with qtbot.waitSignal(overview.drilled, timeout=WAIT_MS) as drilled:
        overview.drill(overview.cell(leaving.owner, Cell.OPEN))
    cases = drilled.args[0]
    assert isinstance(cases, CaseListDialog)
    qtbot.waitUntil(lambda: cases.model.case_id(1) is not None, timeout=WAIT_MS)
    chosen = [cases.model.case_id(0), cases.model.case_id(1)]
    cases.table.selectRow(0)
    cases.table.selectionModel().select(
        cases.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    with qtbot.waitSignal(cases.hand_over_opened, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(cases.hand_over_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, HandoverDialog) and dialog.case_ids == chosen
    qtbot.waitUntil(lambda: len(dialog.previews) == 2 and dialog.receiver.count() > 0, timeout=WAIT_MS)
    dialog.receiver.setCurrentIndex(0)
    receiver = dialog.receiver.currentData()
    dialog.reason.setCurrentText("個管員離職")
    with qtbot.waitSignal(dialog.transferred, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    with runner.store.transaction() as db:
        assert {db.get_one(Case, c).owner for c in chosen} == {receiver}
        made = db.scalars(
            select(CaseTransfer).where(CaseTransfer.to_owner == receiver, CaseTransfer.case_id.in_(chosen))
        )
        assert {t.case_id for t in made} == set(chosen)  # the demo's history has transfers of its own
        unsent = select(OutboxOp).where(OutboxOp.record_type == "case", OutboxOp.pushed_at.is_(None))
        case_ops = db.scalars(unsent).all()
        assert {op.record_id for op in case_ops} == set(chosen) and all(set(op.fields) == {"owner"} for op in case_ops)
    dialog.close()
    cases.close()

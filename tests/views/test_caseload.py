"""我的個案 driven through the real widgets, a real encrypted store and the store runner."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

import app.services.caseload as caseload_service
import app.views.caseload_model as caseload_model
from app.models import Case, Client
from app.models.enums import Programme, Stage
from app.services import clock
from app.services.caseload import CaseFilter, SortKey, case_ids
from app.services.demo import generate_demo
from app.services.validation import make_national_id
from app.store.store import Store
from app.views.caseload import FIRST_SCREEN, CaseloadView
from app.views.caseload_model import CASE_ID_ROLE, OVERDUE_ROLE, PAGE_SIZE, ROW_ROLE, Column
from app.views.runner import StoreRunner
from tests.conftest import MemoryKeyring

LONG_WAIT_MS = 10_000


def open_store(folder: Path) -> Store:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        return Store.open(folder / "caseload.db", actor="cm.chen")
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """300 demo cases ending today, generated once; tests that change them say so and restore nothing else."""
    store = open_store(Path(tmp_path_factory.mktemp("caseload-view")))
    generate_demo(store, 300, seed=2)
    yield store
    store.close()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """2,000 open cases written in bulk (the demo generator would take ~10 s for that many)."""
    store = open_store(Path(tmp_path_factory.mktemp("caseload-large")))
    now = datetime(2025, 6, 1, tzinfo=UTC)
    clients, cases = [], []
    for n in range(2000):
        client_id = uuid.uuid4()
        clients.append(
            {
                "id": client_id,
                "updated_at": now,
                "id_number": make_national_id("A", 1 + n % 2, n),
                "name": f"{'陳林黃張李王吳劉'[n % 8]}{'志明俊傑怡君淑芬'[n // 8 % 8]}{'宏華'[n // 64 % 2]}{n:04d}",
                "gender": "M" if n % 2 == 0 else "F",
                "birth_date": date(1980, 1, 1) + timedelta(days=n),
                "target_groups": [],
            }
        )
        opened = date(2025, 1, 1) + timedelta(days=n % 150)
        cases.append(
            {
                "id": uuid.uuid4(),
                "updated_at": now,
                "client_id": client_id,
                "programme": "vr",
                "stage": "E",
                "source": "self",
                "application_date": opened - timedelta(days=3),
                "opened_on": opened,
                "decision": "open",
                "owner": "cm.chen",
                "county": "TPE",
            }
        )
    with store.transaction() as db:
        db.connection().execute(insert(Client.__table__), clients)
        db.connection().execute(insert(Case.__table__), cases)
    yield store
    store.close()


def make_view(store: Store, qtbot: QtBot) -> tuple[CaseloadView, StoreRunner]:
    runner = StoreRunner(store)
    view = CaseloadView(runner)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: runner.idle and view.model.rowCount() > 0, timeout=LONG_WAIT_MS)
    return view, runner


@pytest.fixture
def view(demo: Store, qtbot: QtBot) -> Iterator[CaseloadView]:
    shown, runner = make_view(demo, qtbot)
    yield shown
    shown.close()
    runner.shutdown()


def expected(store: Store, case_filter: CaseFilter, key: SortKey = SortKey.NAME, descending: bool = False) -> list[Any]:
    with store.transaction() as db:
        return case_ids(db, case_filter, key, descending, clock.today())


def type_chinese(view: CaseloadView, text: str) -> None:
    """QTest cannot type CJK characters; an input method commits them, as a real IME does."""
    view.search.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(view.search, event)


def wait_for_ids(qtbot: QtBot, view: CaseloadView, ids: list[Any]) -> None:
    qtbot.waitUntil(lambda: view.model.ids == ids, timeout=LONG_WAIT_MS)


# --- search ---------------------------------------------------------------------------------------------------------


def test_first_screen_shows_open_cases_by_name(view: CaseloadView, demo: Store) -> None:
    ids = expected(demo, CaseFilter())
    assert view.model.ids == ids and view.count_label.text() == f"共 {len(ids)} 案"
    first = view.model.index(0, Column.NAME)
    row = first.data(ROW_ROLE)
    assert row is not None and first.data() == row.name and first.data(CASE_ID_ROLE) == ids[0]


def test_typing_part_of_a_chinese_name_filters_after_the_debounce(
    view: CaseloadView, demo: Store, qtbot: QtBot
) -> None:
    with demo.transaction() as db:
        name = next(n for n in db.scalars(select(Client.name).order_by(Client.name)) if len(n) == 3)
    given = name[1:]
    wanted = expected(demo, CaseFilter(text=given))
    before = view.model.ids
    resets: list[float] = []
    view.model.modelReset.connect(lambda: resets.append(time.perf_counter()))
    typed_at = time.perf_counter()
    type_chinese(view, given)
    assert view.search.text() == given
    assert view.model.ids == before  # nothing asked of the store while the user may still be typing
    wait_for_ids(qtbot, view, wanted)
    assert resets and resets[0] - typed_at >= 0.14
    names = [view.model.index(n, Column.NAME).data() for n in range(view.model.rowCount())]
    assert given in names[0] or len(wanted) == 0
    assert view.count_label.text() == f"共 {len(wanted)} 案"


def test_a_newer_query_replaces_an_older_one(view: CaseloadView, demo: Store, qtbot: QtBot) -> None:
    shown: list[list[Any]] = []
    view.model.modelReset.connect(lambda: shown.append(view.model.ids))
    view.search.setText("陳")
    QTest.keyClick(view.search, Qt.Key.Key_Return)  # Return searches at once, without the debounce
    view.search.setText("林")
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    wanted = expected(demo, CaseFilter(text="林"))
    wait_for_ids(qtbot, view, wanted)
    qtbot.wait(50)
    assert shown == [wanted]  # the answer to 陳 never reached the table


# --- filters and sorting ---------------------------------------------------------------------------------------------


def test_filter_combos_and_checkboxes(view: CaseloadView, demo: Store, qtbot: QtBot) -> None:
    view.programme.setCurrentIndex(view.programme.findData(Programme.SUPPORTED_EMPLOYMENT))
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(programme=Programme.SUPPORTED_EMPLOYMENT)))
    view.overdue_only.setChecked(True)
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(programme=Programme.SUPPORTED_EMPLOYMENT, overdue_only=True)))
    assert all(view.model.index(n, 0).data(OVERDUE_ROLE) for n in range(view.model.rowCount()))
    view.overdue_only.setChecked(False)
    view.programme.setCurrentIndex(0)
    view.county.setCurrentIndex(view.county.findData("TPE"))
    view.target_group.setCurrentIndex(view.target_group.findData("disabled"))
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(county="TPE", target_group="disabled")))
    view.county.setCurrentIndex(0)
    view.target_group.setCurrentIndex(0)
    view.stage.setCurrentIndex(view.stage.findData(Stage.G))
    assert view.include_closed.isChecked()  # 結案 cases are closed ones: asking for them includes them
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(stage=Stage.G, include_closed=True)))
    assert view.model.rowCount() > 0


def test_owner_filter_appears_for_a_team(view: CaseloadView, demo: Store, qtbot: QtBot) -> None:
    assert view.owner.isVisibleTo(view) and view.owner.count() > 2  # the demo has several case managers
    view.owner.setCurrentIndex(view.owner.findData("cm.chen"))
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(owners=frozenset({"cm.chen"}))))


def click_header(view: CaseloadView, column: Column) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_in_the_store(view: CaseloadView, demo: Store, qtbot: QtBot) -> None:
    click_header(view, Column.NEXT_DUE)
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(), SortKey.NEXT_DUE))
    rows = [view.model.index(n, 0).data(ROW_ROLE) for n in range(20)]
    dues = [r.next_due_on for r in rows if r.next_due_on is not None]
    assert dues == sorted(dues) and rows[0].overdue
    click_header(view, Column.NEXT_DUE)
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(), SortKey.NEXT_DUE, descending=True))
    click_header(view, Column.LAST_CONTACT)
    wait_for_ids(qtbot, view, expected(demo, CaseFilter(), SortKey.LAST_CONTACT))


def test_a_column_the_store_cannot_sort_keeps_the_order(view: CaseloadView, qtbot: QtBot) -> None:
    before = view.model.ids
    click_header(view, Column.ID_NUMBER)
    qtbot.wait(300)
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.NAME and view.model.ids == before


# --- opening --------------------------------------------------------------------------------------------------------


def test_enter_and_double_click_open_the_case(view: CaseloadView, qtbot: QtBot) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(3, Column.NAME))
    with qtbot.waitSignal(view.case_opened, timeout=1000) as opened:
        QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.case_id(3)] and isinstance(opened.args[0], uuid.UUID)
    rect = view.table.visualRect(view.model.index(5, Column.STAGE))
    # A real double-click starts with a press; Qt's item views only open what was pressed.
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.case_opened, timeout=1000) as opened:
        QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [view.model.case_id(5)]


def test_down_arrow_moves_from_the_search_box_to_the_list(view: CaseloadView, qtbot: QtBot) -> None:
    view.search.setFocus()
    QTest.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0


# --- laziness and staleness -----------------------------------------------------------------------------------------


def test_rows_are_built_a_page_at_a_time(large: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[uuid.UUID] = []
    real = caseload_service.case_rows

    def counting(session: Any, ids: Any, **kwargs: Any) -> Any:
        ids = list(ids)
        built.extend(ids)
        return real(session, ids, **kwargs)

    monkeypatch.setattr(caseload_service, "case_rows", counting)
    monkeypatch.setattr(caseload_model, "case_rows", counting)
    view, runner = make_view(large, qtbot)
    try:
        model = view.model
        assert model.rowCount() == 2000
        qtbot.wait(100)  # let the first paint ask for whatever it wants
        assert len(built) == FIRST_SCREEN and model.cached_row_count == FIRST_SCREEN  # not 2,000
        last = model.index(1999, Column.NAME)
        assert last.data() == "載入中…" and last.data(ROW_ROLE) is None
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda: last.data(ROW_ROLE) is not None, timeout=LONG_WAIT_MS)
        assert len(built) == FIRST_SCREEN + PAGE_SIZE and set(built[FIRST_SCREEN:]) == set(model.ids[-PAGE_SIZE:])
        # Scrolling back into the first page fetches only what the search did not build.
        view.table.scrollTo(model.index(FIRST_SCREEN + 50, 0))
        qtbot.waitUntil(lambda: len(built) == 2 * PAGE_SIZE, timeout=LONG_WAIT_MS)
        assert set(built[FIRST_SCREEN + PAGE_SIZE :]) == set(model.ids[FIRST_SCREEN:PAGE_SIZE])
    finally:
        view.close()
        runner.shutdown()


def test_a_query_builds_the_rows_on_screen_and_the_rest_once_typing_pauses(
    large: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[list[uuid.UUID]] = []
    real = caseload_service.case_rows

    def counting(session: Any, ids: Any, **kwargs: Any) -> Any:
        ids = list(ids)
        built.append(ids)
        return real(session, ids, **kwargs)

    monkeypatch.setattr(caseload_service, "case_rows", counting)
    monkeypatch.setattr(caseload_model, "case_rows", counting)
    view, runner = make_view(large, qtbot)
    paints: list[QEvent.Type] = []
    spy = _PaintSpy(paints)
    try:
        qtbot.wait(100)
        built.clear()
        on_screen = view.rows_on_screen()
        assert 10 < on_screen < FIRST_SCREEN  # 700 pixels high
        view.table.viewport().installEventFilter(spy)
        # (The bulk-written store has no search index: a new order stands in for a search, through the same job.)
        view.table.horizontalHeader().setSortIndicator(Column.NAME, Qt.SortOrder.DescendingOrder)
        wanted = expected(large, CaseFilter(), SortKey.NAME, descending=True)
        wait_for_ids(qtbot, view, wanted)
        assert built == [wanted[:on_screen]]  # the query's job built only what the table shows
        assert view.model.index(on_screen - 1, Column.NAME).data(ROW_ROLE) is not None
        # Typing has paused: the rest of a tall screen's worth follows in a job of its own, before it is scrolled to.
        qtbot.waitUntil(lambda: len(built) == 2 and runner.idle, timeout=LONG_WAIT_MS)
        assert set(built[1]) == set(wanted[on_screen:FIRST_SCREEN])
        assert all(view.model.case_row(case_id) is not None for case_id in wanted[:FIRST_SCREEN])
        qtbot.wait(50)
        assert len(paints) == 1  # the new rows were painted once (laid out at once; the prefetched are off screen)
    finally:
        view.table.viewport().removeEventFilter(spy)
        view.close()
        runner.shutdown()


class _PaintSpy(QObject):
    def __init__(self, paints: list[QEvent.Type]) -> None:
        super().__init__()
        self._paints = paints

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._paints.append(event.type())
        return False


def test_an_operation_marks_rows_stale_and_they_are_fetched_again(
    view: CaseloadView, demo: Store, qtbot: QtBot
) -> None:
    first = view.model.case_id(0)
    assert first is not None
    with demo.transaction() as db:
        case = db.get(Case, first)
        assert case is not None
        old_stage = case.stage
        case.stage = Stage.F if old_stage != Stage.F else Stage.E
        new_stage = case.stage
    try:
        assert view.model.case_row(first) is not None
        view.refresh(changed=[first])
        qtbot.waitUntil(
            lambda: (row := view.model.case_row(first)) is not None and row.stage == new_stage,
            timeout=LONG_WAIT_MS,
        )
        assert view.model.index(0, Column.STAGE).data().startswith(new_stage.value)
    finally:
        with demo.transaction() as db:
            restored = db.get(Case, first)
            assert restored is not None
            restored.stage = old_stage


# --- language and accessibility -------------------------------------------------------------------------------------


def test_every_control_has_an_accessible_name(view: CaseloadView) -> None:
    controls = [
        view.search,
        view.programme,
        view.stage,
        view.county,
        view.target_group,
        view.owner,
        view.overdue_only,
        view.include_closed,
        view.table,
        view.count_label,
    ]
    assert all(control.accessibleName() for control in controls)
    assert view.model.headerData(Column.NEXT_DUE, Qt.Orientation.Horizontal) == "下次期限"


def test_english_when_the_app_language_is_english(demo: Store, qtbot: QtBot) -> None:
    application = QApplication.instance()
    assert application is not None
    application.setProperty("fieldcase_language", "en")
    try:
        view, runner = make_view(demo, qtbot)
        try:
            assert view.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Name"
            assert view.count_label.text().endswith(" cases") and view.programme.itemText(0) == "All programmes"
            assert view.search.accessibleName() == "Search cases"
            row = view.model.index(0, Column.PROGRAMME).data()
            assert row in {"VR case management", "Supported employment", "Employment-service case management"}
        finally:
            view.close()
            runner.shutdown()
    finally:
        application.setProperty("fieldcase_language", None)

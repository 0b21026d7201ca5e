"""The 服務單位 directory (search, filters, full units highlighted, validated add) and the 移案 dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker
from sqlalchemy import select

from app.models import Case, CaseTransfer, ServiceUnit
from app.models.enums import IntakeDecision
from app.services import workflow
from app.services.validation import make_national_id
from app.store.store import Store
from app.views.directory import DirectoryView
from app.views.handover import HandoverDialog
from app.views.runner import StoreRunner
from app.views.unit_dialog import UnitDialog
from app.views.unit_table import FULL_BACKGROUND, REMAINING
from tests.factories import make_case, make_client


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


@pytest.fixture
def view(store: Store, runner: StoreRunner, qtbot: QtBot) -> DirectoryView:
    with store.transaction() as db:
        db.add_all(
            [
                ServiceUnit(name="臺北市和光庇護工場", service_kinds=["sheltered_employment"], county="TPE",
                            capacity=20, current_caseload=20, contact_person="林社工", phone="02-2345-6789"),
                ServiceUnit(name="臺北市向陽就業促進協會", service_kinds=["supported_employment"], county="TPE",
                            capacity=50, current_caseload=10, address="臺北市中正區重慶南路一段1號"),
                ServiceUnit(name="高雄市向陽職業訓練中心", service_kinds=["vocational_training"], county="KHH",
                            capacity=30, current_caseload=12),
            ]
        )  # fmt: skip
    view = DirectoryView(runner)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)
    return view


def shown(view: DirectoryView) -> list[str]:
    return [view.proxy.index(row, 0).data() for row in range(view.proxy.rowCount())]


def refreshed(view: DirectoryView, qtbot: QtBot) -> SignalBlocker:
    """Waits for the search the block starts to be shown."""
    return qtbot.waitSignal(view.loaded, timeout=5000)


def test_search_and_filters(view: DirectoryView, qtbot: QtBot) -> None:
    with refreshed(view, qtbot):
        view.search.setText("向陽")  # as typed: the search waits for a pause in typing
    assert shown(view) == ["臺北市向陽就業促進協會", "高雄市向陽職業訓練中心"]
    with refreshed(view, qtbot):
        view.county.setCurrentIndex(view.county.findData("KHH"))
    assert shown(view) == ["高雄市向陽職業訓練中心"]
    with refreshed(view, qtbot):
        view.search.clear()
    with refreshed(view, qtbot):
        view.county.setCurrentIndex(0)
    with refreshed(view, qtbot):
        view.kind.setCurrentIndex(view.kind.findData("sheltered_employment"))
    assert shown(view) == ["臺北市和光庇護工場"]
    assert "1 個已額滿" in view.count.text()


def test_full_unit_is_highlighted_and_detailed(view: DirectoryView, qtbot: QtBot) -> None:
    full = shown(view).index("臺北市和光庇護工場")
    cell = view.proxy.index(full, REMAINING)
    assert cell.data() == "0 已額滿"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == FULL_BACKGROUND
    other = view.proxy.index(shown(view).index("臺北市向陽就業促進協會"), REMAINING)
    assert other.data() == "40" and other.data(Qt.ItemDataRole.BackgroundRole) is None
    view.table.selectRow(full)
    assert view.detail.values["contact"].text() == "林社工"
    assert "已額滿" in view.detail.values["capacity"].text()
    with refreshed(view, qtbot):
        view.only_room.setChecked(True)
    assert "臺北市和光庇護工場" not in shown(view)


def test_adding_a_unit_refuses_a_bad_phone(view: DirectoryView, store: Store, qtbot: QtBot) -> None:
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(UnitDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.name.setText("新竹縣展翼協會")
    dialog.county.setCurrentIndex(dialog.county.findData("HSQ"))
    dialog.services.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.phone.setText("02-123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(100)
    assert dialog.phone.isShowingError() and dialog.isVisible()
    with store.transaction() as db:
        assert db.scalar(select(ServiceUnit).where(ServiceUnit.name == "新竹縣展翼協會")) is None
    dialog.phone.setText("03-5123456")
    with refreshed(view, qtbot), qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with store.transaction() as db:
        unit = db.scalars(select(ServiceUnit).where(ServiceUnit.name == "新竹縣展翼協會")).one()
        assert unit.phone == "03-512-3456" and unit.county == "HSQ"
    assert "新竹縣展翼協會" in shown(view)
    assert view.selected_unit() is not None and view.selected_unit().name == "新竹縣展翼協會"  # type: ignore[union-attr]


def opened(name: str, serial: int, owner: str = "cm.chen") -> Case:
    case = make_case(make_client(name=name, id_number=make_national_id("A", 1, serial)), owner=owner)
    workflow.record_intake_assessment(case, date(2025, 3, 5), "適合")
    workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
    return case


def test_hand_over_two_cases_with_summaries(store: Store, runner: StoreRunner, qtbot: QtBot) -> None:
    with store.transaction() as db:
        first, second = opened("李阿花", 1), opened("張大山", 2)
        db.add_all([first, second, opened("王小明", 3, "cm.lin"), opened("林小美", 4, "cm.wang")])
    dialog = HandoverDialog(runner, [first.id, second.id], known_managers=["cm.new"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.previews) == 2, timeout=5000)
    assert "李阿花" in dialog.summary.toPlainText() and "待辦期限：" in dialog.summary.toPlainText()
    choices = [dialog.receiver.itemData(i) for i in range(dialog.receiver.count())]
    assert choices == ["cm.lin", "cm.new", "cm.wang"]  # the cases' own case manager is not offered

    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)  # nobody chosen, no reason
    assert dialog.receiver_message.text() and dialog.reason_message.text()
    dialog.receiver.setCurrentIndex(0)
    dialog.reason.setCurrentText("個管員離職")
    with qtbot.waitSignal(dialog.transferred, timeout=5000) as moved:
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert set(moved.args[0].transferred) == {first.id, second.id}
    assert "已將 2 件個案移交給 cm.lin" in dialog.result_banner.text()
    with store.transaction() as db:
        transfers = db.scalars(select(CaseTransfer)).all()
        assert {t.case_id for t in transfers} == {first.id, second.id}
        assert all(t.to_owner == "cm.lin" and t.reason == "個管員離職" and "移案" not in t.reason for t in transfers)
        assert all("待辦期限：" in t.summary and "原個管員：cm.chen" in t.summary for t in transfers)
        assert {c.owner for c in db.scalars(select(Case).where(Case.id.in_([first.id, second.id])))} == {"cm.lin"}


def test_a_typed_username_is_accepted_with_a_hint(store: Store, runner: StoreRunner, qtbot: QtBot) -> None:
    with store.transaction() as db:
        case = opened("李阿花", 1)
        db.add(case)
    dialog = HandoverDialog(runner, [case.id])
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.loaded, timeout=5000).wait()
    dialog.receiver.setEditText("cm.newcomer")
    assert "沒有任何個案" in dialog.receiver_message.text()
    dialog.reason.setCurrentText("職務調整")
    with qtbot.waitSignal(dialog.transferred, timeout=5000):
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    with store.transaction() as db:
        assert db.scalars(select(Case.owner)).one() == "cm.newcomer"

"""Sync in the window, against a real `fieldcase-server` process: log in, the status line, F5, the conflict dialog,
and a revoked laptop that erases its store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.models import ServiceRecord
from app.services.validation import make_national_id
from app.store.store import Store
from app.sync.client import sync_status
from app.views.conflicts import ConflictsDialog, typed_value
from app.views.launch import build_main_window
from app.views.login import LoginDialog
from app.views.main_window import MainWindow
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.sync_panel import SyncController, SyncStatusBar
from tests.factories import make_case, make_client, make_record
from tests.sync.live import PASSWORD, Laptop, LiveServer, laptops


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def add_case(store: Store, owner: str, serial: int = 1) -> tuple[uuid.UUID, uuid.UUID]:
    with store.transaction() as db:
        client = make_client(name="林美玲", id_number=make_national_id("B", 2, serial))
        case = make_case(client, owner=owner)
        record = make_record(case, place="家中")
        db.add_all([client, case, record])
    return case.id, record.id


def wait_idle(qtbot: QtBot, controller: SyncController) -> None:
    qtbot.waitUntil(lambda: not controller.running and controller.runner.idle, timeout=30_000)


def test_log_in_from_the_dialog_then_f5_sends_the_days_work(
    qtbot: QtBot, runner: StoreRunner, store: Store, live_server: LiveServer
) -> None:
    add_case(store, "cm.chen")
    controller = SyncController(runner)
    bar = SyncStatusBar(controller)
    qtbot.addWidget(bar)
    controller.refresh_status()
    qtbot.waitUntil(lambda: controller.status is not None)
    assert "未登入" in bar.summary.text()

    dialog = LoginDialog(runner, server_url=live_server.url, username="cm.chen")
    qtbot.addWidget(dialog)
    dialog.password.setText("not the password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15_000)
    assert "帳號或密碼不正確" in dialog.problem.text()
    assert not sync_status(store).logged_in

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=15_000):
        dialog.submit()
    assert dialog.password.text() == ""  # the password is not kept anywhere

    controller.refresh_status()
    qtbot.waitUntil(lambda: controller.status is not None and controller.status.logged_in)
    assert "待上傳 3" in bar.summary.text() and "尚未同步" in bar.summary.text()
    with qtbot.waitSignal(controller.finished, timeout=30_000) as finished:
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert finished.args[0].pushed == 3
    qtbot.waitUntil(lambda: controller.status is not None and controller.status.pending == 0)
    assert "上次同步" in bar.summary.text() and "已連線" in bar.summary.text()


def test_a_conflict_is_chosen_in_the_dialog_and_both_laptops_end_with_the_choice(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path
) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen") as (office, field):
        _, record_id = add_case(office.store, "cm.chen")
        office.sync()
        field.sync()
        set_place(office, record_id, "就業服務站")
        set_place(field, record_id, "案家")
        office.sync()
        field.sync()  # second to push: its value is "mine" in the conflict, the office's is kept for now
        runner = StoreRunner(field.store)
        try:
            dialog = ConflictsDialog(runner)
            qtbot.addWidget(dialog)
            qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 1, timeout=10_000)
            assert dialog.conflict_table.item(0, 0).text() == "林美玲"
            assert dialog.conflict_table.item(0, 2).text() == "地點"
            assert dialog.mine_label.text().startswith("案家")
            assert dialog.theirs_label.text().startswith("就業服務站")
            dialog.keep_mine.setChecked(True)
            with qtbot.waitSignal(dialog.changed, timeout=10_000):
                qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: "待同步" in dialog.conflict_table.item(0, 5).text(), timeout=10_000)
        finally:
            runner.shutdown()
        field.sync()
        office.sync()
        assert place(field, record_id) == place(office, record_id) == "案家"
        assert sync_status(office.store).open_conflicts == sync_status(field.store).open_conflicts == 0


def test_a_typed_resolution_takes_the_fields_form() -> None:
    assert typed_value("114/3/5", ["2025-01-01", "2025-02-02"]) == "2025-03-05"
    assert typed_value("45", [30, 60]) == 45
    assert typed_value(" 新地點 ", ["甲", "乙"]) == "新地點"


def test_a_revoked_laptop_erases_its_store_and_quits(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with laptops(live_server, tmp_path, "cm.chen") as (laptop,):
        add_case(laptop.store, "cm.chen")
        laptop.sync()
        live_server.cli("revoke-device", "--user", "cm.chen")
        path = laptop.store.path
        runner = StoreRunner(laptop.store)
        window = build_main_window(runner, AppSettings(), "cm.chen")
        qtbot.addWidget(window)
        assert isinstance(window, MainWindow) and isinstance(window.sync, SyncController)
        quits: list[bool] = []
        monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
        messages: list[str] = []

        def close_message() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                messages.append(box.text())
                box.accept()
            else:
                QTimer.singleShot(50, close_message)

        QTimer.singleShot(50, close_message)
        window.sync.sync_now()
        qtbot.waitUntil(lambda: bool(quits), timeout=30_000)
        assert not path.exists() and not Path(f"{path}-wal").exists()
        assert messages and "已刪除" in messages[0]


def set_place(laptop: Laptop, record_id: uuid.UUID, value: str) -> None:
    with laptop.store.transaction() as db:
        db.get_one(ServiceRecord, record_id).place = value


def place(laptop: Laptop, record_id: uuid.UUID) -> str:
    with laptop.store.transaction() as db:
        return db.get_one(ServiceRecord, record_id).place

"""A supervisor's case window on a team case: every tab readable, nothing editable, whatever state a tab shows."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Case, OutboxOp
from app.models.enums import Stage
from app.services.demo import generate_demo
from app.store.store import Store
from app.views.case_windows import CaseWindows
from app.views.launch import build_main_window
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.workspace import CaseWorkspace
from app.views.workspace.attachments_tab import AttachmentsTab
from app.views.workspace.profile_tab import ProfileTab
from app.views.workspace.read_only import VIEWING_PROPERTY
from app.views.workspace.timeline_tab import TimelineTab

WAIT_MS = 20_000


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> Iterator[StoreRunner]:
    generate_demo(store, 12, seed=5, today=date(2026, 11, 20))
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def _case_at(store: Store, *stages: Stage) -> uuid.UUID:
    with store.transaction() as db:
        found = db.scalars(select(Case.id).where(Case.stage.in_(stages)).order_by(Case.id)).first()
    assert found is not None
    return found


def _pending_ops(store: Store) -> int:
    with store.transaction() as db:
        return int(db.scalar(select(func.count()).select_from(OutboxOp)) or 0)


def _editable(tab: QWidget) -> list[str]:
    """The controls of `tab` a user could still change something with."""
    found: list[str] = []
    for edit in tab.findChildren(QLineEdit) + tab.findChildren(QPlainTextEdit):
        if not edit.isReadOnly() and edit.isVisibleTo(tab) and not edit.parent().inherits("QComboBox"):
            found.append(f"{type(edit).__name__} {edit.accessibleName() or edit.objectName()}")
    for button in tab.findChildren(QAbstractButton):
        if isinstance(button.parent(), QTabBar) or button.property(VIEWING_PROPERTY):
            continue
        if button.isEnabled() and button.isVisibleTo(tab) and button.parent().inherits("QAbstractItemView") is False:
            found.append(f"{type(button).__name__} {button.text()}")
    return found


def _open(windows: CaseWindows, case_id: uuid.UUID, runner: StoreRunner, qtbot: QtBot) -> CaseWorkspace:
    workspace = windows.open(case_id)
    qtbot.waitUntil(lambda: workspace.case is not None and runner.idle, timeout=WAIT_MS)
    return workspace


def test_a_supervisors_window_locks_every_tab_of_a_team_case(
    runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    window = build_main_window(runner, settings, "sup.lin", supervisor=True)
    qtbot.addWidget(window)
    for stages in ((Stage.C, Stage.D), (Stage.E, Stage.F), (Stage.G,)):
        workspace = _open(window.cases, _case_at(runner.store, *stages), runner, qtbot)
        assert workspace.read_only and workspace.read_only_banner.isVisibleTo(workspace)
        assert workspace.case is not None and workspace.case.owner in workspace.read_only_banner.text()
        assert "唯讀" in workspace.read_only_banner.text()
        for index in range(workspace.tabs.count()):
            tab = workspace.go_to_tab(index)
            qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
            QTest.qWait(0)  # a row a tab added as it loaded is locked at the next turn of the event loop
            assert _editable(tab) == [], type(tab).__name__
        assert workspace.print_button.isEnabled()  # reading includes printing
        attachments = workspace.tab(AttachmentsTab)
        assert attachments.open_button.property(VIEWING_PROPERTY)
        workspace.close()
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)


def test_a_tab_cannot_unlock_what_the_lock_holds(runner: StoreRunner, qtbot: QtBot) -> None:
    workspace = _open(CaseWindows(runner, read_only=True), _case_at(runner.store, Stage.E), runner, qtbot)
    profile = workspace.go_to_tab(0)
    assert isinstance(profile, ProfileTab)
    save = next(b for b in profile.findChildren(QPushButton) if b.text() == "儲存基本資料")
    field = next(e for e in profile.findChildren(QLineEdit) if e.isVisibleTo(profile) and e.isReadOnly())
    save.setEnabled(True)  # as a tab does when the form becomes valid
    field.setReadOnly(False)
    assert not save.isEnabled() and field.isReadOnly()

    later = QPushButton("新增", profile)  # a widget a tab builds after the case loaded (a certificate's panel)
    later.show()
    qtbot.waitUntil(lambda: not later.isEnabled(), timeout=WAIT_MS)

    before = _pending_ops(runner.store)
    field.setFocus()
    QTest.keyClicks(field, "x")
    QTest.keyClick(profile, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # 儲存 is locked: nothing is saved
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    assert "x" not in field.text() and _pending_ops(runner.store) == before
    workspace.close()


def test_a_case_managers_window_is_not_locked(runner: StoreRunner, qtbot: QtBot) -> None:
    workspace = _open(CaseWindows(runner), _case_at(runner.store, Stage.E), runner, qtbot)
    profile = workspace.go_to_tab(0)
    assert not workspace.read_only and not workspace.read_only_banner.isVisibleTo(workspace)
    assert any(b.text() == "儲存基本資料" and b.isEnabled() for b in profile.findChildren(QPushButton))
    assert any(not e.isReadOnly() for e in profile.findChildren(QLineEdit) if e.isVisibleTo(profile))
    workspace.close()
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)


def test_dialogs_over_the_window_and_view_filters_stay_usable(runner: StoreRunner, qtbot: QtBot) -> None:
    workspace = _open(CaseWindows(runner, read_only=True), _case_at(runner.store, Stage.E), runner, qtbot)
    timeline = workspace.tab(TimelineTab)
    assert timeline.filter.isEnabled()  # it only filters what is shown
    profile = workspace.go_to_tab(0)
    message = QMessageBox(QMessageBox.Icon.Warning, "FieldCase", "無法開啟附件", QMessageBox.StandardButton.Ok, profile)
    message.show()  # a message (an error, a file dialog) over the case window is not part of the case's form
    QTest.qWait(0)
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    assert message.button(QMessageBox.StandardButton.Ok).isEnabled()
    message.close()
    workspace.close()

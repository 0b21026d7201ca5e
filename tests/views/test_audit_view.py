"""稽核紀錄 page against a real central service: a client found by name in the supervisor's store filters the log to
who read or changed that client's records, from which device; without the server the page says the log needs the
network instead of showing an empty list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.store.store import Store
from app.views.runner import StoreRunner
from app.views.supervisor.audit import AuditView
from tests.factories import make_case, make_client
from tests.sync.live import Laptop, LiveServer, laptops, running_server, template_once


@pytest.fixture
def server(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    template = template_once(tmp_path_factory.mktemp("server-template"))
    with running_server(tmp_path / "server", template) as running:
        yield running


def _client(store: Store, name: str, id_number: str) -> None:
    with store.transaction() as session:
        session.add(make_case(make_client(name=name, id_number=id_number), owner="cm.chen"))


def test_the_audit_log_by_client_and_offline(server: LiveServer, tmp_path: Path, qtbot: QtBot) -> None:
    with laptops(server, tmp_path, "cm.chen", "sup.wang") as (manager, supervisor):
        _client(manager.store, "林美華", "A223456781")
        _client(manager.store, "陳建宏", "B123456780")
        assert manager.sync().rejected == 0
        supervisor.sync()
        runner = StoreRunner(supervisor.store)
        try:
            view = AuditView(runner)
            qtbot.addWidget(view)
            _search_by_client(qtbot, view, supervisor)
            server.stop()
            view.search_button.click()
            qtbot.waitUntil(lambda: "無法連線" in view.notice.text(), timeout=30_000)
            assert "伺服器上" in view.notice.text() and view.search_button.isEnabled()
        finally:
            runner.shutdown()


def _search_by_client(qtbot: QtBot, view: AuditView, supervisor: Laptop) -> None:
    view.client_text.setText("林美華")
    view.find_button.click()
    qtbot.waitUntil(lambda: view.client_choice.count() == 2, timeout=5000)
    assert view.client_choice.currentText().startswith("林美華") and view.client_id() is not None
    with qtbot.waitSignal(view.searched, timeout=10_000):
        view.search_button.click()
    rows = [
        [view.table.item(r, c).text() for c in range(view.table.columnCount())] for r in range(view.table.rowCount())
    ]
    assert rows and all(row[5] == "林美華" for row in rows)  # only that client's records
    actions = {(row[1], row[3]) for row in rows}
    assert ("cm.chen", "修改") in actions and ("sup.wang", "讀取") in actions
    assert {row[2] for row in rows} >= {"laptop 0", "laptop 1"}  # which device
    assert supervisor.username == "sup.wang"
    view.user.setText("cm.chen")
    with qtbot.waitSignal(view.searched, timeout=10_000):
        view.search_button.click()
    assert {view.table.item(r, 1).text() for r in range(view.table.rowCount())} == {"cm.chen"}

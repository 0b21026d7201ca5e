"""The store runner: jobs run off the GUI thread, results and errors come back to it, closed owners are skipped."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import AppError
from app.models import Client
from app.store.store import Store
from app.views import errors
from app.views.runner import StoreRunner
from tests.factories import make_client


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> StoreRunner:
    runner = StoreRunner(store)
    yield runner  # type: ignore[misc]
    runner.shutdown()


def test_job_runs_off_the_gui_thread_and_commits(runner: StoreRunner, store: Store, qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def job(session: Session) -> int:
        seen["thread"] = threading.get_ident()
        session.add(make_client())
        session.flush()
        return session.scalar(select(func.count()).select_from(Client)) or 0

    runner.run(job, lambda count: seen.setdefault("count", count))
    qtbot.waitUntil(lambda: "count" in seen)
    assert seen["count"] == 1 and seen["thread"] != threading.get_ident()
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Client)) == 1


def test_jobs_keep_their_order(runner: StoreRunner, qtbot: QtBot) -> None:
    results: list[int] = []
    for n in range(5):
        runner.run(lambda session, n=n: n, results.append)
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 2, 3, 4] and runner.idle


def test_failed_job_changes_nothing_and_reports(runner: StoreRunner, store: Store, qtbot: QtBot) -> None:
    errors_seen: list[BaseException] = []

    def job(session: Session) -> None:
        session.add(make_client())
        session.flush()
        raise AppError("不可以", "Not allowed")

    runner.run(job, on_error=errors_seen.append)
    qtbot.waitUntil(lambda: bool(errors_seen))
    assert isinstance(errors_seen[0], AppError)
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Client)) == 0


def test_expected_problem_shows_a_message_in_the_users_language(
    runner: StoreRunner, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))

    def job(session: Session) -> None:
        raise AppError("身分證字號重複", "Duplicate ID number")

    runner.run(job)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["身分證字號重複"]


def test_unexpected_error_dialog_offers_details(qtbot: QtBot) -> None:
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        details = "".join(__import__("traceback").format_exception(exc))
    dialog = errors.UnexpectedErrorDialog(details)
    qtbot.addWidget(dialog)
    dialog.copy_details()
    from PySide6.QtGui import QGuiApplication

    assert "ZeroDivisionError" in QGuiApplication.clipboard().text()


def test_callback_of_a_closed_owner_is_dropped(runner: StoreRunner, qtbot: QtBot) -> None:
    owner = QWidget()
    called: list[object] = []

    def slow(session: Session) -> str:
        time.sleep(0.2)
        return "late"

    runner.run(slow, called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: runner.idle)
    qtbot.wait(50)
    assert called == []

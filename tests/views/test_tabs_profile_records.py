"""The 基本資料, 晤談紀錄, 需求評估 and 歷程 tabs driven as a case manager would, checking what the store holds."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Client, ContactAttempt, NeedsAssessment, ServiceRecord
from app.models.enums import ContactOutcome, RecordStatus
from app.services.validation import make_national_id
from app.store.store import Store
from app.views.runner import StoreRunner
from app.views.workspace import CaseWorkspace
from app.views.workspace.assessment_tab import AssessmentTab
from app.views.workspace.contact_attempts import ContactAttemptDialog
from app.views.workspace.profile_tab import ProfileTab
from app.views.workspace.records_tab import RecordsTab
from app.views.workspace.timeline_tab import TimelineTab
from tests.factories import make_case, make_client


class FastRecordsTab(RecordsTab):
    autosave_delay_ms = 100


class FastAssessmentTab(AssessmentTab):
    autosave_delay_ms = 100


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


@pytest.fixture
def case_id(store: Store) -> uuid.UUID:
    with store.transaction() as db:
        case = make_case(make_client(name="王小明", target_groups=["disabled"]), opened_on=date(2025, 3, 5))
        db.add(case)
        db.flush()
        return case.id


def open_workspace(qtbot: QtBot, runner: StoreRunner, case_id: uuid.UUID) -> CaseWorkspace:
    workspace = CaseWorkspace(runner, case_id, [ProfileTab, FastRecordsTab, FastAssessmentTab, TimelineTab])
    qtbot.addWidget(workspace)
    workspace.resize(1200, 800)
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        workspace.show()
    return workspace


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method (注音, 倉頡) does when the user picks the characters: commit a string."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def reloaded(qtbot: QtBot, workspace: CaseWorkspace) -> object:
    return qtbot.waitSignal(workspace.loaded, timeout=5000)


def test_profile_saves_nothing_invalid_and_then_saves(
    qtbot: QtBot, store: Store, runner: StoreRunner, case_id: uuid.UUID
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    profile = workspace.tab_pages[0]
    assert isinstance(profile, ProfileTab)
    assert profile.name.text() == "王小明" and profile.target_groups.checked() == ("disabled",)

    profile.id_number.lineEdit().clear()
    qtbot.keyClicks(profile.id_number.lineEdit(), "A123456788")
    profile.mobile_phone.lineEdit().clear()
    qtbot.keyClicks(profile.mobile_phone.lineEdit(), "12345")
    profile.name.clear()
    profile.save_button.click()
    assert profile.id_number.isShowingError() and "檢查碼" in profile.id_number.messageText()
    assert profile.mobile_phone.isShowingError()
    assert profile.fields["name"].message.text() == "請輸入姓名。"  # type: ignore[attr-defined]
    assert profile.status.text().startswith("未儲存") and runner.idle
    with store.transaction() as db:
        assert db.scalars(select(Client.id_number)).one() == "A123456789"

    new_number = make_national_id("B", 1, 2345678)
    profile.id_number.lineEdit().clear()
    qtbot.keyClicks(profile.id_number.lineEdit(), new_number.lower())
    profile.mobile_phone.lineEdit().clear()
    qtbot.keyClicks(profile.mobile_phone.lineEdit(), "0912345678")
    type_chinese(profile.name, "王大明")
    assert not profile.id_number.isShowingError()
    with reloaded(qtbot, workspace):
        profile.save_button.click()
    with store.transaction() as db:
        client = db.scalars(select(Client)).one()
        assert (client.name, client.id_number, client.mobile_phone) == ("王大明", new_number, "0912-345-678")
    assert not profile.dirty and profile.status.text().startswith("已儲存")
    assert "王大明" in workspace.header.text()


def test_a_record_is_autosaved_finalised_and_corrected(
    qtbot: QtBot, store: Store, runner: StoreRunner, case_id: uuid.UUID
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    workspace.tabs.setCurrentIndex(1)
    records = workspace.tab_pages[1]
    assert isinstance(records, RecordsTab) and records.records.rows == []

    type_chinese(records.notes, "案主想找烘焙工作")
    qtbot.waitUntil(lambda: "已自動儲存" in records.status.text(), timeout=5000)
    with store.transaction() as db:
        draft = db.scalars(select(ServiceRecord)).one()
        assert (draft.notes, draft.status, draft.id) == ("案主想找烘焙工作", RecordStatus.DRAFT, records.record_id)
    assert records.records.rows[0].cells[-1] == "案主想找烘焙工作"

    type_chinese(records.notes, "，下週面試")
    qtbot.waitUntil(lambda: not records.autosaver.busy(records.record_id), timeout=5000)
    with store.transaction() as db:
        assert db.scalars(select(ServiceRecord.notes)).all() == ["案主想找烘焙工作，下週面試"]

    with reloaded(qtbot, workspace):
        records.finalise_button.click()
    assert records.notes.isReadOnly() and not records.held_on.isEnabled()
    assert records.correct_button.isVisibleTo(records) and not records.finalise_button.isVisibleTo(records)
    assert "已定稿" in records.banner.text()
    original = records.record_id
    with store.transaction() as db:
        assert db.scalars(select(ServiceRecord.status)).all() == [RecordStatus.FINAL]

    with reloaded(qtbot, workspace):
        records.correct_button.click()
    assert records.record_id != original and not records.notes.isReadOnly()
    assert "更正" in records.banner.text()
    with store.transaction() as db:
        correction = db.get(ServiceRecord, records.record_id)
        assert correction is not None and correction.corrects_id == original
        assert correction.status == RecordStatus.DRAFT

    timeline = workspace.tab_pages[3]
    assert isinstance(timeline, TimelineTab)
    lines = [timeline.model.item(row, 1).text() for row in range(timeline.model.rowCount())]
    assert any("更正" in line and "草稿" in line for line in lines)
    assert any(line.endswith("案主想找烘焙工作，下週面試") and "草稿" not in line for line in lines)
    assert lines[-1].startswith("申請")


def test_a_contact_attempt_is_logged(qtbot: QtBot, store: Store, runner: StoreRunner, case_id: uuid.UUID) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    records = workspace.tab_pages[1]
    assert isinstance(records, RecordsTab)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ContactAttemptDialog)
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(ContactOutcome.NO_ANSWER))
        dialog.note.setText("響很久")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.click()

    QTimer.singleShot(100, answer)
    with reloaded(qtbot, workspace):
        records.attempt_button.click()
    with store.transaction() as db:
        attempt = db.scalars(select(ContactAttempt)).one()
        assert (attempt.outcome, attempt.note) == (ContactOutcome.NO_ANSWER, "響很久")
    assert records.attempts.rows[0].cells[2] == "無人接聽"


def test_an_assessment_is_drafted_and_finalised(
    qtbot: QtBot, store: Store, runner: StoreRunner, case_id: uuid.UUID
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    workspace.tabs.setCurrentIndex(2)
    tab = workspace.tab_pages[2]
    assert isinstance(tab, AssessmentTab)
    tab.methods._boxes["晤談"].setChecked(True)
    type_chinese(tab.texts["summary"], "建議先做職業輔導評量")
    qtbot.waitUntil(lambda: "已自動儲存" in tab.status.text(), timeout=5000)
    with store.transaction() as db:
        draft = db.scalars(select(NeedsAssessment)).one()
        assert (draft.summary, draft.methods, draft.status) == ("建議先做職業輔導評量", ["晤談"], RecordStatus.DRAFT)

    with reloaded(qtbot, workspace):
        tab.finalise_button.click()
    with store.transaction() as db:
        assert db.scalars(select(NeedsAssessment.status)).all() == [RecordStatus.FINAL]
    assert tab.texts["summary"].isReadOnly() and not tab.finalise_button.isVisibleTo(tab)


def test_switching_records_while_a_save_is_under_way_keeps_each_draft_apart(
    qtbot: QtBot, store: Store, runner: StoreRunner, case_id: uuid.UUID
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    workspace.tabs.setCurrentIndex(1)
    records = workspace.tab_pages[1]
    assert isinstance(records, RecordsTab)
    type_chinese(records.notes, "第一筆")
    records.save_now()  # on its way to the store when the next record is started
    records.new_button.click()
    type_chinese(records.notes, "第二筆")
    qtbot.waitUntil(lambda: not records.autosaver.busy(records.record_id) and len(records.records.rows) == 2)
    with store.transaction() as db:
        assert sorted(db.scalars(select(ServiceRecord.notes))) == ["第一筆", "第二筆"]
    assert records.notes.toPlainText() == "第二筆"

"""The intake dialog on a real store: 申請 → 接案評估 → 開案, 不開案 needs a reason, duplicates are offered first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Case, Client
from app.models.enums import IntakeDecision, Stage
from app.services import clock
from app.services.validation import make_national_id
from app.store.store import Store
from app.views.intake import APPLICATION_PAGE, ASSESSMENT_PAGE, DONE_PAGE, DUPLICATES_PAGE, IntakeDialog
from app.views.runner import StoreRunner
from tests.factories import make_case, make_client

TODAY = clock.today()
BORN = date(1990, 1, 2)
NEW_ID = make_national_id("F", 2, 1234567)


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


@pytest.fixture
def dialog(runner: StoreRunner, qtbot: QtBot) -> IntakeDialog:
    dialog = IntakeDialog(runner, default_county="TPE")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(dialog: IntakeDialog, name: str = "陳美玲", id_number: str = NEW_ID, born: date = BORN) -> None:
    dialog.name.setText(name)
    dialog.id_number.setText(id_number)
    dialog.birth_date.setDate(born)
    dialog.mobile.setText("0912 345 678")


def next_step(dialog: IntakeDialog, qtbot: QtBot, page: int) -> None:
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == page, timeout=5000)


def cases_of(store: Store) -> list[Case]:
    with store.transaction() as db:
        return list(db.scalars(select(Case).join(Client).order_by(Case.application_date)))


def test_referral_then_assessment_opens_the_case(dialog: IntakeDialog, store: Store, qtbot: QtBot) -> None:
    created: list[object] = []
    dialog.case_created.connect(created.append)
    dialog.kind_referral.setChecked(True)
    fill(dialog)
    next_step(dialog, qtbot, APPLICATION_PAGE)  # the referring unit is missing: nothing happens
    assert dialog.referring_unit.isShowingError() and cases_of(store) == []
    dialog.referring_unit.setText("臺北市立啟明學校")
    dialog.application_date.setDate(TODAY - timedelta(days=3))
    next_step(dialog, qtbot, ASSESSMENT_PAGE)
    assert len(created) == 1
    [case] = cases_of(store)
    assert case.stage == Stage.A and case.referring_unit == "臺北市立啟明學校" and case.source == "education"

    dialog.assessed_on.setDate(TODAY - timedelta(days=4))  # before the referral
    assert dialog.assessed_on.isShowingError()
    assessed = TODAY - timedelta(days=1)
    dialog.assessed_on.setDate(assessed)
    due = assessed + timedelta(days=3)
    assert f"{due.month}月{due.day}日" in dialog.reply_due_banner.text()  # shown before saving
    dialog.assessment.setPlainText("有就業意願，需職業輔導評量。")
    dialog.decide_open.setChecked(True)
    with qtbot.waitSignal(dialog.intake_saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == DONE_PAGE and f"{due.day}日" in dialog.done_banner.text()
    [case] = cases_of(store)
    assert case.stage == Stage.C and case.decision == IntakeDecision.OPEN and case.opened_on == assessed
    assert case.reply_due_on == due and case.intake_assessment == "有就業意願，需職業輔導評量。"
    with store.transaction() as db:
        client = db.scalars(select(Client)).one()
        assert client.id_number == NEW_ID and client.mobile_phone == "0912-345-678"


def test_not_opening_without_a_reason_saves_nothing(dialog: IntakeDialog, store: Store, qtbot: QtBot) -> None:
    fill(dialog)
    next_step(dialog, qtbot, ASSESSMENT_PAGE)
    dialog.assessment.setPlainText("目前在職中")
    dialog.decide_not_open.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(100)
    assert dialog.pages.currentIndex() == ASSESSMENT_PAGE
    assert dialog.reason_message.text() == "不開案必須說明理由。"
    [case] = cases_of(store)
    assert case.stage == Stage.A and case.intake_assessed_on is None
    dialog.reason.setPlainText("已穩定就業，暫無職業重建需求")
    with qtbot.waitSignal(dialog.intake_saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [case] = cases_of(store)
    assert case.stage == Stage.G and case.decision == IntakeDecision.NOT_OPEN
    assert case.decision_reason == "已穩定就業，暫無職業重建需求"


def test_invalid_fields_keep_the_first_step(dialog: IntakeDialog, store: Store, qtbot: QtBot) -> None:
    fill(dialog, id_number="A123456788")  # wrong check digit
    dialog.birth_date.setDate(TODAY + timedelta(days=1))
    next_step(dialog, qtbot, APPLICATION_PAGE)
    assert dialog.id_number.isShowingError() and dialog.birth_date.isShowingError()
    assert cases_of(store) == []


def test_same_id_number_offers_the_existing_client(
    dialog: IntakeDialog, runner: StoreRunner, store: Store, qtbot: QtBot
) -> None:
    with store.transaction() as db:
        db.add(make_case(make_client(id_number=NEW_ID, name="陳美玲", birth_date=BORN), stage=Stage.G, owner="cm.lin"))
    fill(dialog, name="陳美鈴")
    next_step(dialog, qtbot, DUPLICATES_PAGE)
    assert "已有個案資料" in dialog.duplicates.banner.text()
    assert dialog.duplicates.candidates.rowCount() == 1 and dialog.duplicates.candidates.item(0, 1).text() == NEW_ID
    assert "cm.lin" in dialog.duplicates.candidates.item(0, 4).text()
    assert dialog.duplicates.create_anyway.isHidden()  # the same ID number cannot become a second client
    qtbot.mouseClick(dialog.duplicates.use_existing, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ASSESSMENT_PAGE, timeout=5000)
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Client)) == 1
        assert db.scalar(select(func.count()).select_from(Case)) == 2
    assert dialog.created is not None and dialog.created.reused_client


def test_similar_name_and_birth_date_warns(dialog: IntakeDialog, store: Store, qtbot: QtBot) -> None:
    with store.transaction() as db:
        db.add(make_client(id_number="A123456789", name="王小明", birth_date=BORN))
    fill(dialog, name="王曉明")
    next_step(dialog, qtbot, DUPLICATES_PAGE)
    assert "姓名相近" in dialog.duplicates.banner.text() and "王曉明" in dialog.duplicates.banner.text()
    assert dialog.duplicates.candidates.item(0, 0).text() == "王小明"
    assert not dialog.duplicates.create_anyway.isHidden()
    qtbot.mouseClick(dialog.duplicates.create_anyway, Qt.MouseButton.LeftButton)  # not the same person after all
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ASSESSMENT_PAGE, timeout=5000)
    with store.transaction() as db:
        assert sorted(db.scalars(select(Client.name))) == ["王小明", "王曉明"]

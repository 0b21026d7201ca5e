"""Printing from the app: the print dialog (one case, a batch), the preview, printing, saving, signatures, and the
File-menu and workspace entries, with real widgets over a real demo store."""

from __future__ import annotations

import stat
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Case, Client
from app.models.enums import IntakeDecision, Stage
from app.services import clock
from app.services.demo import generate_demo
from app.store.store import Store
from app.views.main_window import MainWindow
from app.views.print_monthly import MonthlyReportDialog
from app.views.print_preview import PrintPreview
from app.views.printing import PrintDialog, install_printing
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.signature_pad import SignatureDialog, SignaturePad
from app.views.workspace import CaseWorkspace
from app.views.workspace.profile_tab import ProfileTab
from app.views.workspace.records_tab import RecordsTab
from tests.printing.samples import pdf_pages, pdf_text, squeeze

TODAY = date(2025, 11, 20)
TIMEOUT = 20_000


@dataclass(frozen=True)
class DemoCase:
    case_id: uuid.UUID
    name: str
    stage: Stage
    decision: IntakeDecision | None


@pytest.fixture
def demo(store: Store) -> list[DemoCase]:
    generate_demo(store, 10, seed=1, today=TODAY)
    with store.session() as session:
        cases = session.scalars(select(Case).join(Client).order_by(Client.name))
        return [DemoCase(c.id, c.client.name, c.stage, c.decision) for c in cases]


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.agency_name = "社團法人測試職業重建協會"
    settings.agency_address = "臺北市中正區測試路1號"
    settings.agency_phone = "02-2345-6789"
    return settings


def with_plan(demo: list[DemoCase]) -> DemoCase:
    return next(c for c in demo if c.stage in (Stage.D, Stage.E, Stage.F))


def open_preview(qtbot: QtBot, dialog: PrintDialog) -> PrintPreview:
    with qtbot.waitSignal(dialog.preview_opened, timeout=TIMEOUT) as opened:
        dialog.preview_button.click()
    preview = opened.args[0] if opened.args else None
    assert isinstance(preview, PrintPreview)
    qtbot.addWidget(preview)
    return preview


def sign(pad: SignaturePad) -> None:
    """A signature-like stroke, dragged with the mouse."""
    pad.show()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 90))
    for x, y in ((60, 60), (90, 110), (130, 50), (170, 100), (220, 70), (260, 95)):
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(280, 80))


def test_the_print_dialog_renders_a_case_into_a_preview(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    case = with_plan(demo)
    dialog = PrintDialog(runner, settings, [case.case_id], doc_id="service_plan", names=[case.name])
    qtbot.addWidget(dialog)
    assert not dialog.addressee.isEnabled()  # not a notice
    assert dialog.signature_box.isVisibleTo(dialog)  # the plan has the client's and guardian's signature lines
    preview = open_preview(qtbot, dialog)
    pdf = preview.document.path
    text = squeeze(pdf_text(pdf))
    assert "職業重建服務計畫書" in text and squeeze(case.name) in text
    assert "社團法人測試職業重建協會" in text
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600 and stat.S_IMODE(pdf.parent.stat().st_mode) == 0o700
    assert preview.page_count == pdf_pages(pdf) >= 1
    for index in range(preview.page_count):
        image = preview.page_image(index)
        assert not image.isNull() and image.width() > 100
    preview.show()
    preview.sheet.grab()  # paints the pages in view
    preview.close()
    assert not pdf.parent.exists()  # the job's private folder goes with the preview


def test_a_batch_of_three_selected_cases_prints_into_one_pdf(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    chosen = demo[:3]
    dialog = PrintDialog(runner, settings, [c.case_id for c in chosen], doc_id="application")
    qtbot.addWidget(dialog)
    assert not dialog.signature_box.isVisibleTo(dialog)  # no on-screen signing in a batch
    preview = open_preview(qtbot, dialog)
    text = squeeze(pdf_text(preview.document.path))
    for case in chosen:
        assert squeeze(case.name) in text
    assert preview.document.documents == 3
    assert preview.page_count == pdf_pages(preview.document.path) >= 3
    preview.close()


def test_a_batch_of_notices_leaves_out_the_cases_of_the_other_decision(
    demo: list[DemoCase], store: Store, runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    opened = [c for c in demo if c.decision == IntakeDecision.OPEN][:2]
    refused = next(c for c in demo if c.decision is None)
    with store.transaction() as session:
        case = session.get(Case, refused.case_id)
        assert case is not None
        case.decision = IntakeDecision.NOT_OPEN
    dialog = PrintDialog(runner, settings, [c.case_id for c in [*opened, refused]], doc_id="open_notice")
    qtbot.addWidget(dialog)
    assert dialog.addressee.isEnabled()
    dialog.addressee.setCurrentIndex(dialog.addressee.findData("applicant"))
    preview = open_preview(qtbot, dialog)
    assert preview.document.documents == len(opened) == 2
    assert preview.warnings.isVisibleTo(preview) and refused.name in preview.warnings.text()
    text = squeeze(pdf_text(preview.document.path))
    assert "開案通知書" in text and squeeze(refused.name) not in text
    preview.close()


def test_save_as_pdf_writes_a_file_only_its_owner_can_read(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = PrintDialog(runner, settings, [with_plan(demo).case_id], doc_id="service_records")
    qtbot.addWidget(dialog)
    preview = open_preview(qtbot, dialog)
    saved = preview.save_pdf(tmp_path / "紀錄")
    assert saved == tmp_path / "紀錄.pdf"
    assert saved.read_bytes() == preview.document.path.read_bytes()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "已儲存" in preview.status.text()
    preview.close()
    assert saved.exists()  # the user's copy stays


def test_printing_paints_every_page_onto_the_printer(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = PrintDialog(runner, settings, [c.case_id for c in demo[:2]], doc_id="data_consent")
    qtbot.addWidget(dialog)
    preview = open_preview(qtbot, dialog)
    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(preview.printed, timeout=TIMEOUT) as done:
        preview.print_to(printer)
    assert done.args == [True]
    printed = tmp_path / "printed.pdf"
    assert pdf_pages(printed) == preview.page_count
    images = subprocess.run(["pdfimages", "-list", str(printed)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) - 2 == preview.page_count  # one picture per page
    assert "printed.pdf" in preview.status.text()
    again = preview.new_printer()
    again.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    again.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    with qtbot.waitSignal(preview.printed, timeout=TIMEOUT) as done:
        preview.print_to(again).cancel()  # before the first page is painted
    assert done.args == [False] and preview.print_button.isEnabled()
    assert "未完成" in preview.status.text()
    preview.close()


def test_signature_pad_saves_what_was_drawn(qtbot: QtBot, tmp_path: Path) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    assert pad.is_empty() and not pad.save_png(tmp_path / "empty.png")
    with qtbot.waitSignal(pad.changed):
        sign(pad)
    assert not pad.is_empty()
    bounds = pad.stroke_bounds()
    assert bounds.width() > 200 and bounds.height() > 40
    assert pad.save_png(tmp_path / "signed.png") and (tmp_path / "signed.png").stat().st_size > 500
    pad.clear()
    assert pad.is_empty()


def test_a_signature_captured_in_the_dialog_is_printed_on_the_plan(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    case = with_plan(demo)
    dialog = PrintDialog(runner, settings, [case.case_id], doc_id="service_plan")
    qtbot.addWidget(dialog)
    dialog.show()

    def draw_and_accept() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, SignatureDialog)
        assert not modal.ok.isEnabled()
        sign(modal.pad)
        modal.ok.click()

    client_sign = next(
        b for b in dialog.signature_box.findChildren(QPushButton) if b.accessibleName().startswith("個案")
    )
    QTimer.singleShot(0, draw_and_accept)
    client_sign.click()
    png = dialog.signatures["client"]
    assert png.is_file() and png.parent == dialog.folder.path if dialog.folder else False
    preview = open_preview(qtbot, dialog)
    images = subprocess.run(
        ["pdfimages", "-list", str(preview.document.path)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.splitlines()) - 2 >= 1  # the signature (the agency has no logo here)
    folder = preview.document.path.parent
    preview.close()
    assert not folder.exists() and not png.exists()  # the signature is gone with the job


def test_cancelling_the_dialog_removes_its_private_folder(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    dialog = PrintDialog(runner, settings, [demo[0].case_id])
    qtbot.addWidget(dialog)
    assert dialog.folder is not None
    folder = dialog.folder.path
    assert folder.is_dir()
    dialog.reject()
    assert not folder.exists()


def test_the_files_go_when_the_window_under_the_dialog_or_preview_closes(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    window = QWidget()
    dialog = PrintDialog(runner, settings, [demo[0].case_id], window, doc_id="application")
    assert dialog.folder is not None
    unused = dialog.folder.path
    preview = open_preview(qtbot, dialog)
    assert preview.parent() is window and preview.document.path.is_file()
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()  # a case window closed while its preview is open
    assert not preview.document.path.parent.exists()
    assert unused == preview.document.path.parent  # the dialog handed its folder over
    other = QWidget()
    left = PrintDialog(runner, settings, [demo[0].case_id], other)
    assert left.folder is not None
    folder = left.folder.path
    with qtbot.waitSignal(other.destroyed):
        other.deleteLater()
    assert not folder.exists()


def test_the_workspace_print_menu_lists_case_documents_and_keeps_tabs_lazy(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    case = with_plan(demo)
    workspace = CaseWorkspace(runner, case.case_id, [ProfileTab, RecordsTab], settings=settings)
    qtbot.addWidget(workspace)
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        workspace.show()
    assert workspace.print_menu.actions() == []  # nothing read until the menu opens
    workspace._fill_print_menu()
    documents = [a.data() for a in workspace.print_menu.actions()]
    assert "service_plan" in documents and "monthly_6_1" not in documents
    assert len(workspace.built_tabs()) == 1
    dialog = workspace.open_print_dialog("closure_summary")
    assert isinstance(dialog, PrintDialog)
    assert dialog.doc_id == "closure_summary" and dialog.case_ids == (case.case_id,)
    assert dialog.settings is settings
    dialog.reject()


def test_install_printing_adds_print_and_monthly_report_to_the_file_menu(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    selected = [c.case_id for c in demo[:3]]
    install_printing(window, runner, settings, lambda: selected)
    actions = {a.text(): a for a in window.file_menu.actions()}
    assert {"列印…", "月報表…"} <= set(actions)
    assert actions["列印…"].shortcut().toString() == "Ctrl+P"
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts.index("列印…") < texts.index("設定…")
    actions["列印…"].trigger()
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintDialog) and w.isVisible()]
    assert dialog.case_ids == tuple(selected) and dialog.windowTitle() == "批次列印"
    dialog.reject()
    actions["月報表…"].trigger()
    (monthly,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MonthlyReportDialog) and w.isVisible()]
    assert monthly.month.text() == "114/10"  # last month: the report due by the 10th
    monthly.reject()


def test_locking_the_window_closes_previews_and_print_dialogs(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_lock_screen(QWidget())
    install_printing(window, runner, settings, lambda: [demo[0].case_id])
    window.show()
    dialog = PrintDialog(runner, settings, [demo[0].case_id], window, doc_id="application")
    preview = open_preview(qtbot, dialog)
    folder = preview.document.path.parent
    waiting = PrintDialog(runner, settings, [demo[1].case_id], window)
    waiting.show()
    assert waiting.folder is not None
    signatures = waiting.folder.path
    window.lock()
    assert not preview.isVisible() and not waiting.isVisible()
    assert not folder.exists() and not signatures.exists()


def test_the_monthly_report_previews_both_forms_and_exports_excel(
    demo: list[DemoCase], runner: StoreRunner, settings: AppSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    import openpyxl

    dialog = MonthlyReportDialog(runner, settings)
    qtbot.addWidget(dialog)
    dialog.month.setText("114/10")
    with qtbot.waitSignal(dialog.preview_opened, timeout=TIMEOUT) as opened:
        dialog.preview_button.click()
    preview = opened.args[0]
    assert isinstance(preview, PrintPreview)
    qtbot.addWidget(preview)
    text = squeeze(pdf_text(preview.document.path))
    assert "服務成果月報表" in text and "服務個案明細月報表" in text and "民國114年10月" in text
    preview.close()
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.export(tmp_path / "月報表")
    workbook = openpyxl.load_workbook(tmp_path / "月報表.xlsx")
    assert workbook.sheetnames[0].startswith("表6-1")
    assert stat.S_IMODE((tmp_path / "月報表.xlsx").stat().st_mode) == 0o600

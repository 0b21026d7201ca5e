"""Pictures of printing for the user guide (docs/user-guide.md, 「列印」): the print dialog with a signature, the
signature pad, the preview, a batch and the monthly report, drawn offscreen from demo data.

`python -m tests.views.test_printing_screenshots [OUTDIR]` redraws docs/screenshots/print-*.png; the test draws
them into a temporary folder, so a change that breaks them is caught.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import Case, Client
from app.models.enums import Stage
from app.services import clock
from app.services.demo import generate_demo
from app.store.store import Store
from app.views.fonts import install_fonts
from app.views.i18n import apply_language
from app.views.print_monthly import MonthlyReportDialog
from app.views.print_preview import PrintPreview
from app.views.printing import PrintDialog
from app.views.runner import StoreRunner
from app.views.screenshots import DEMO_TODAY, save, settle
from app.views.settings import AppSettings
from app.views.signature_pad import SignatureDialog, SignaturePad

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NAMES = ("print-dialog", "print-signature", "print-preview", "print-batch", "print-monthly")


def sign_name(pad: SignaturePad) -> None:
    """A few strokes that look like a name written by hand."""
    strokes = [
        [(60, 120), (90, 112), (120, 110)],
        [(90, 90), (92, 130), (80, 160)],
        [(140, 100), (170, 155), (195, 95), (220, 160)],
        [(250, 115), (280, 105), (310, 120), (290, 150), (260, 160), (320, 158)],
        [(350, 100), (355, 160)],
        [(340, 130), (390, 126), (420, 118)],
    ]
    for first, *rest in strokes:
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*first))
        for point in rest:
            QTest.mouseMove(pad, QPoint(*point))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*rest[-1]))


def draw_pictures(out: Path, scratch: Path) -> list[Path]:
    saved: list[Path] = []
    today = clock.today
    clock.today = lambda: DEMO_TODAY
    store = Store.open(scratch / "demo.db", actor="cm.chen")
    runner = StoreRunner(store)
    try:
        generate_demo(store, 40, seed=2, today=DEMO_TODAY)
        settings = AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        settings.agency_name = "社團法人中華職業重建服務協會"
        settings.agency_address = "臺北市中正區忠孝東路一段1號"
        settings.agency_phone = "02-2345-6789"
        with store.session() as session:
            cases = list(session.scalars(select(Case).join(Client).order_by(Client.name)))
            chosen = next(c for c in cases if c.stage == Stage.E)
            case_id, name = chosen.id, chosen.client.name
            batch_ids = [c.id for c in cases[:12]]

        dialog = PrintDialog(runner, settings, [case_id], doc_id="service_plan", names=[name])
        dialog.show()
        assert dialog.folder is not None
        signing = SignatureDialog("個案（簽名）", dialog.folder.file("signature-client.png"), dialog)
        signing.resize(640, 320)
        signing.show()
        settle(lambda: True)
        sign_name(signing.pad)
        saved.append(save(signing, out, "print-signature", announce=False))
        signing.accept()
        dialog.set_signature("client", signing.target)
        dialog._document_changed()  # the row now says 已簽
        settle(lambda: True)
        saved.append(save(dialog, out, "print-dialog", announce=False))

        previews: list[PrintPreview] = []
        dialog.preview_opened.connect(previews.append)
        dialog.start_preview()
        settle(lambda: bool(previews))
        preview = previews[0]
        preview.resize(980, 1040)
        preview.show()
        settle(lambda: runner.idle)
        preview.scroll_area.verticalScrollBar().setValue(preview.sheet.page_rect(1).top() + 80)
        settle(lambda: True)
        saved.append(save(preview, out, "print-preview", announce=False))
        preview.close()

        batch = PrintDialog(runner, settings, batch_ids, doc_id="open_notice")
        batch.show()
        settle(lambda: True)
        saved.append(save(batch, out, "print-batch", announce=False))
        batch.reject()

        monthly = MonthlyReportDialog(runner, settings)
        monthly.show()
        settle(lambda: runner.idle)
        saved.append(save(monthly, out, "print-monthly", announce=False))
        monthly.reject()
    finally:
        runner.shutdown()
        store.close()
        clock.today = today
    return saved


def test_the_printing_pictures_can_be_drawn(tmp_path: Path, qapp: QApplication) -> None:
    out = tmp_path / "pictures"
    out.mkdir()
    saved = draw_pictures(out, tmp_path)
    assert [p.stem for p in saved] == [
        "print-signature",
        "print-dialog",
        "print-preview",
        "print-batch",
        "print-monthly",
    ]
    assert all(p.stat().st_size > 2_000 for p in saved), [(p.name, p.stat().st_size) for p in saved]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DOCS_SCREENSHOTS
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FIELDCASE_PASSPHRASE", "screenshots only")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    application = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(application, QApplication)
    apply_language(application, "zh-TW")
    install_fonts()
    with tempfile.TemporaryDirectory() as scratch:
        for path in draw_pictures(out, Path(scratch)):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`fieldcase --self-check`: does this installation work? One line per check, ✓ or ✗, in zh-TW and English.

Run on a freshly installed laptop (or by CI on the PyInstaller bundle) it proves what a bundle most often gets
wrong: the SQLCipher extension, the Alembic migrations loaded by path, the keyring backends found through package
metadata, the bundled font (Qt and the printed forms), PDFium, the Qt platform plugin and the translations.
Everything happens in a temporary folder that is removed afterwards; the store there is protected by a throw-away
passphrase, so the check never touches the user's stores or their OS keyring (it only reports which backend is
there). Exit status 0 only when every check passed.
"""

from __future__ import annotations

import contextlib
import io
import os
import platform
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from app import __version__

PASSPHRASE = "fieldcase-self-check-only"  # protects a throw-away store in a temporary folder, nothing else
PRINTED_FORM = "application"  # 職業重建服務申請／轉介表: a case form with the client's name on it
PLATFORM_BACKENDS = {"win32": "Windows", "darwin": "macOS"}  # keyring's entry-point names; others: SecretService


@dataclass(frozen=True)
class Check:
    """The outcome of one check: what was checked (both languages), whether it passed, and what was seen."""

    zh: str
    en: str
    ok: bool
    detail: str = ""

    def line(self, marks: tuple[str, str] = ("✓", "✗")) -> str:
        mark = marks[0] if self.ok else marks[1]
        return f"{mark} {self.zh} {self.en}" + (f": {self.detail}" if self.detail else "")


@dataclass
class _Context:
    """What one check leaves for the next: the temporary folder, the store's path, the client written."""

    folder: Path
    store_path: Path | None = None
    client_name: str = ""
    results: list[Check] = field(default_factory=list)

    def run(self, zh: str, en: str, check: Callable[[], str]) -> bool:
        """Run one check; it returns what it saw, or raises with what went wrong."""
        try:
            detail = check()
        except Exception as exc:  # a self-check reports every failure, whatever its type
            self.results.append(Check(zh, en, False, f"{type(exc).__name__}: {exc}"))
            return False
        self.results.append(Check(zh, en, True, detail))
        return True


def bundled() -> bool:
    """Whether this is the PyInstaller bundle rather than a Python environment."""
    return bool(getattr(sys, "frozen", False))


def run_checks() -> list[Check]:
    """Every check, in order; a check that needs an earlier one's result is skipped (✗) when that one failed."""
    with tempfile.TemporaryDirectory(prefix="fieldcase-self-check-") as folder:
        context = _Context(Path(folder))
        context.run("版本", "Version", _check_version)
        context.run("金鑰圈", "Keyring", _check_keyring)
        context.run("HTTPS 憑證（同步連線）", "TLS trust store for sync", _check_tls)
        with _throwaway_key():
            store = ("加密資料庫（建立、遷移、寫入、讀回）", "Encrypted store")
            stored = context.run(*store, partial(_check_store, context))
            context.run("資料庫遷移檔", "Store migrations", _check_migrations)
            context.run("代碼表與表單範本", "Code lists and form templates", _check_resources)
            printing = ("列印 PDF 與內嵌字型", "Printing to PDF with the embedded font")
            if stored:
                context.run(*printing, partial(_check_print, context))
            else:
                context.results.append(Check(*printing, False, "no store to print from"))
        application = _qt_application(context)
        if application is not None:
            context.run("內建字型（Qt）", "Bundled font in Qt", _check_qt_font)
            context.run("英文翻譯檔", "English catalog (.qm)", _check_catalog)
            context.run("Qt 中文介面翻譯", "Qt's zh_TW translations", _check_qt_translations)
        return context.results


def _check_version() -> str:
    where = f"bundle {Path(sys.executable).parent}" if bundled() else f"Python {platform.python_version()}"
    if not re.fullmatch(r"\d+(\.\d+)*([.+-]?\w+)*", __version__) or __version__.startswith("0+unknown"):
        raise RuntimeError(f"version unknown ({__version__}); package metadata missing")
    return f"FieldCase {__version__}, {where}, {platform.system()} {platform.machine()}"


def _check_keyring() -> str:
    """The platform's keyring backend must be findable (keyring discovers backends through package metadata, which
    a bundle easily loses) and importable; whether a keyring is usable right now is reported, not required: on a
    machine without one the store's key is wrapped with a passphrase instead."""
    from importlib.metadata import entry_points

    import keyring

    from app.store.keys import usable_keyring

    wanted = PLATFORM_BACKENDS.get(sys.platform, "SecretService")
    found = {point.name: point for point in entry_points(group="keyring.backends")}
    if wanted not in found:
        raise RuntimeError(f"backend {wanted} not registered (found: {', '.join(sorted(found)) or 'none'})")
    found[wanted].load()
    backend = keyring.get_keyring()
    active = f"{type(backend).__module__}.{type(backend).__name__}"
    if usable_keyring() is None:
        return f"{wanted} backend present; no usable keyring here ({active}): stores use a passphrase 改用密碼"
    return f"{wanted} backend present; in use: {active}"


def _check_tls() -> str:
    """The CA certificates the sync client checks the server's certificate against (certifi's bundle, or the file
    in SSL_CERT_FILE for an agency's own CA): a bundle that lost them cannot sync at all."""
    import httpx

    context = httpx.create_ssl_context()  # as the sync client makes it
    cert_file, cert_dir = os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR")
    if cert_dir and not cert_file:  # a directory's certificates are only read when needed, so count its files
        folder = Path(cert_dir)
        files = [p for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        if not files:
            raise RuntimeError(f"SSL_CERT_DIR {cert_dir} holds no certificates")
        return f"{len(files)} files in SSL_CERT_DIR {cert_dir}"
    authorities = context.cert_store_stats()["x509_ca"]
    if authorities == 0:
        raise RuntimeError("no CA certificates: HTTPS connections to the central service would all fail")
    return f"{authorities} CA certificates ({cert_file or 'certifi'})"


@contextlib.contextmanager
def _throwaway_key() -> Iterator[None]:
    """A temporary passphrase for the temporary store, and no OS keyring, so that nothing of the user's is read,
    written or prompted for (a locked Secret Service would otherwise ask to be unlocked)."""
    import keyring
    from keyring.backends import fail

    from app.store.keys import PASSPHRASE_ENV

    previous_backend = keyring.get_keyring()
    previous_passphrase = os.environ.get(PASSPHRASE_ENV)
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    os.environ[PASSPHRASE_ENV] = PASSPHRASE
    try:
        yield
    finally:
        keyring.set_keyring(previous_backend)
        if previous_passphrase is None:
            os.environ.pop(PASSPHRASE_ENV, None)
        else:
            os.environ[PASSPHRASE_ENV] = previous_passphrase


def _check_store(context: _Context) -> str:
    from sqlalchemy import select, text

    from app.models import Case, Client
    from app.services.demo import generate_demo
    from app.store.migrate import current_revision, head_revision
    from app.store.store import Store

    path = context.folder / "self-check.db"
    store = Store.open(path, actor="self-check")
    try:
        revision = current_revision(store.engine)
        if revision != head_revision():
            raise RuntimeError(f"schema at {revision}, expected {head_revision()}")
        with store.engine.connect() as conn:
            cipher = conn.execute(text("PRAGMA cipher_version")).scalar()
        if not cipher:
            raise RuntimeError("the SQLite library in use is not SQLCipher")
        generate_demo(store, 1, seed=7)
    finally:
        store.close()
    if path.read_bytes()[:16] == b"SQLite format 3\x00":
        raise RuntimeError("the store file is plain SQLite, not encrypted")
    reopened = Store.open(path, actor="self-check", create=False)  # the key unwrapped again from the key file
    try:
        with reopened.transaction() as db:
            names = db.scalars(select(Client.name)).all()
            cases = len(db.scalars(select(Case.id)).all())
    finally:
        reopened.close()
    if len(names) != 1 or cases != 1:
        raise RuntimeError(f"read back {len(names)} clients and {cases} cases, wrote 1 and 1")
    context.store_path = path
    context.client_name = names[0]
    return f"SQLCipher {cipher}, schema {revision}, 1 client + 1 case written, reopened and read back"


def _check_migrations() -> str:
    from alembic.script import ScriptDirectory

    from app.store.migrate import MIGRATIONS_DIR, alembic_config

    revisions = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
    files = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    if not revisions or len(files) < len(revisions):
        raise RuntimeError(f"{len(revisions)} revisions, {len(files)} files in {MIGRATIONS_DIR}")
    return f"{len(revisions)} revisions ({revisions[-1].revision} → {revisions[0].revision}) in {MIGRATIONS_DIR}"


def _check_resources() -> str:
    from app.printing import list_forms, load_template
    from app.services.codes import code_lists, resources_dir

    lists = code_lists()
    forms = list_forms()
    for doc_id, _zh, _en in forms:
        load_template(doc_id)
    if not forms:
        raise RuntimeError(f"no form templates in {resources_dir() / 'forms'}")
    return f"{len(lists.lists)} code lists, {len(forms)} form templates in {resources_dir()}"


def _check_print(context: _Context) -> str:
    from sqlalchemy import select

    from app.models import Case
    from app.printing import AgencyInfo, PrintOptions, build_view, bundled_font, load_template, render
    from app.store.store import Store

    assert context.store_path is not None
    store = Store.open(context.store_path, actor="self-check", create=False)
    try:
        with store.transaction() as db:
            case_id = db.scalars(select(Case.id)).one()
            view = build_view(db, PRINTED_FORM, PrintOptions(case_id=case_id))
    finally:
        store.close()
    out = io.BytesIO()
    report = render(PRINTED_FORM, [view], out, AgencyInfo("FieldCase 自我檢查"))
    data = out.getvalue()
    if not data.startswith(b"%PDF"):
        raise RuntimeError("the output is not a PDF")
    if b"/FontFile2" not in data:
        raise RuntimeError("no TrueType font is embedded in the PDF (/FontFile2 missing)")
    font = bundled_font()
    embedded = sorted({name.decode("latin-1") for name in re.findall(rb"/BaseFont\s*/([^\s/]+)", data)})
    if not any("UMing" in name for name in embedded):
        raise RuntimeError(f"the bundled font {font.family} is not embedded (fonts: {embedded})")
    text, pages, pdfium = _pdf_text(data)
    title = load_template(PRINTED_FORM).title
    for expected in (title, context.client_name):
        if expected not in text:
            raise RuntimeError(f"PDFium does not find 「{expected}」 in the PDF's text")
    return (
        f"{title} {report.pages} pages, font {font.family} embedded ({', '.join(embedded)}), "
        f"text read back by PDFium {pdfium} ({pages} pages)"
    )


def _pdf_text(data: bytes) -> tuple[str, int, str]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(data)
    try:
        chunks = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            chunks.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(chunks), len(document), str(getattr(pdfium, "PDFIUM_INFO", "?")).split("@")[0]
    finally:
        document.close()


def _qt_application(context: _Context) -> Any:
    """Start Qt without a display (the offscreen platform) unless a QApplication already runs; None if it cannot."""
    holder: list[Any] = []

    def start() -> str:
        if not _qt_running():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window: a check must run on a server or in CI too
        from PySide6 import __version__ as pyside_version
        from PySide6.QtWidgets import QApplication

        application = QApplication.instance() or QApplication(["fieldcase-self-check"])
        holder.append(application)
        platform_name = application.platformName()  # type: ignore[attr-defined]
        return f"Qt {pyside_version}, platform plugin {platform_name!r} loaded"

    context.run("Qt 圖形介面（無螢幕模式）", "Qt offscreen start", start)
    return holder[0] if holder else None


def _qt_running() -> bool:
    module = sys.modules.get("PySide6.QtWidgets")
    return module is not None and module.QApplication.instance() is not None


def _check_qt_font() -> str:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter

    from app.printing import bundled_font
    from app.views.fonts import install_fonts

    font = bundled_font()
    if not font.path.is_file():
        raise RuntimeError(f"{font.path} is missing")
    families = install_fonts()
    if font.family not in families or font.family not in QFontDatabase.families():
        raise RuntimeError(f"Qt did not register {font.family} from {font.path} (got {families})")
    qfont = QFont(font.family, 24)
    sample = "個案管理"
    if not all(QFontMetrics(qfont).inFontUcs4(ord(ch)) for ch in sample):
        raise RuntimeError(f"{font.family} lacks glyphs of 「{sample}」")
    image = QImage(160, 48, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(qfont)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(4, 36, sample)
    painter.end()
    inked = sum(1 for x in range(0, 160, 2) for y in range(0, 48, 2) if image.pixelColor(x, y).lightness() < 128)
    if inked < 20:
        raise RuntimeError(f"drawing 「{sample}」 left the image blank")
    return f"{font.family} ({font.path.name}) registered and draws 「{sample}」"


def _check_catalog() -> str:
    from PySide6.QtCore import QTranslator

    from app.views.i18n import CONTEXT, ENGLISH_CATALOG

    if not ENGLISH_CATALOG.is_file():
        raise RuntimeError(f"{ENGLISH_CATALOG} is missing (run `make translations`)")
    translator = QTranslator()
    if not translator.load(str(ENGLISH_CATALOG)) or translator.isEmpty():
        raise RuntimeError(f"{ENGLISH_CATALOG} does not load")
    english = translator.translate(CONTEXT, "儲存", "Save")
    if not english:
        raise RuntimeError("the catalog has no translation of 「儲存」")
    return f"{ENGLISH_CATALOG.name} loaded (儲存 → {english})"


def _check_qt_translations() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_zh_TW", folder):
        raise RuntimeError(f"qtbase_zh_TW.qm not found in {folder}")
    return f"qtbase_zh_TW.qm in {folder}"


def report(checks: Sequence[Check], marks: tuple[str, str] = ("✓", "✗")) -> str:
    failed = [c for c in checks if not c.ok]
    lines = [f"FieldCase {__version__} 自我檢查 self-check", *(c.line(marks) for c in checks)]
    if failed:
        lines.append(f"{len(failed)} 項未通過。 {len(failed)} of {len(checks)} checks failed.")
    else:
        lines.append(f"全部 {len(checks)} 項通過。 All {len(checks)} checks passed.")
    return "\n".join(lines)


def _marks() -> tuple[str, str]:
    """✓/✗ where the console can show them (a Windows console in Big5 cannot)."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "✓✗個".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return ("OK", "FAIL")
    return ("✓", "✗")


def main(argv: Sequence[str] | None = None) -> int:
    """Run every check and print the report; 0 when all passed, 1 otherwise."""
    del argv  # no options
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    started = time.monotonic()
    checks = run_checks()
    print(report(checks, _marks()))
    print(f"({time.monotonic() - started:.1f} s)")
    return 0 if all(c.ok for c in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())

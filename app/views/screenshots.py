"""`make screenshots`: every main screen rendered offscreen with demo data into docs/screenshots/.

Run as `python -m app.views.screenshots [OUTDIR]`; the pictures illustrate the user guide (docs/user-guide.md).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

DEMO_TODAY = date(2025, 11, 20)
SIZE = (1280, 800)


def settle(is_idle: object, rounds: int = 3) -> None:
    """Let queued jobs finish and the widgets repaint (never a bare processEvents() loop)."""
    loop = QEventLoop()
    for _ in range(400):
        QTimer.singleShot(25, loop.quit)
        loop.exec()
        if callable(is_idle) and is_idle():
            rounds -= 1
            if rounds <= 0:
                return


def save(widget: QWidget, folder: Path, name: str, *, announce: bool = True) -> Path:
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    if announce:
        print(path)
    return path


def start_offscreen(argv: list[str] | None) -> tuple[QApplication, Path]:
    """The screenshot tools' common start: the output folder from the command line, offscreen Qt, a throw-away
    passphrase and no keyring (the pictures never touch the user's secrets)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FIELDCASE_PASSPHRASE", "screenshots only")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    application = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(application, QApplication)
    return application, out


@contextlib.contextmanager
def demo_window(
    application: QApplication,
    user: str,
    today: date,
    *,
    supervisor: bool = False,
    prepare: Callable[[Any], None] | None = None,
) -> Iterator[tuple[Any, Any]]:
    """(the main window, its runner) over a throw-away store of 300 demo cases whose history ends on `today`,
    which is pinned as today; zh-TW, the bundled font, SIZE. `prepare(store)` adds what a picture needs before the
    window opens. Everything is closed and removed afterwards."""
    from app.services import clock
    from app.services.demo import generate_demo
    from app.store.store import Store
    from app.views.fonts import install_fonts
    from app.views.i18n import apply_language
    from app.views.launch import build_main_window
    from app.views.runner import StoreRunner
    from app.views.settings import AppSettings

    clock.today = lambda: today  # the demo history ends on this day; deadlines are computed for it
    apply_language(application, "zh-TW")
    install_fonts()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.db", actor=user)
        generate_demo(store, 300, seed=2, today=today)
        if prepare is not None:
            prepare(store)
        runner = StoreRunner(store)
        settings = AppSettings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window = build_main_window(runner, settings, user, supervisor=supervisor)
        window.resize(*SIZE)
        window.show()
        try:
            yield window, runner
        finally:
            window.close()
            runner.shutdown()
            store.close()


def main(argv: list[str] | None = None) -> int:
    application, out = start_offscreen(argv)

    from app.views.case_windows import CaseWindows
    from app.views.today import TodayView
    from app.views.workspace import CaseWorkspace

    with demo_window(application, "cm.chen", DEMO_TODAY) as (window, runner):
        for index, name in enumerate(("today", "caseload", "directory")):
            window.show_page(index)
            settle(lambda: runner.idle)
            save(window, out, f"main-{name}")
        today = window.pages.widget(0)
        assert isinstance(today, TodayView)
        items = today.items()
        case_id = next(item.case_id for item in items if item.case_id is not None)
        assert isinstance(window.cases, CaseWindows)
        window.cases.open(case_id)
        settle(lambda: runner.idle)
        (workspace,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseWorkspace) and w.isVisible()]
        workspace.resize(*SIZE)
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            settle(lambda: runner.idle)
            save(
                workspace,
                out,
                f"case-{index + 1}-{type(workspace.tab_pages[index]).__name__.removesuffix('Tab').lower()}",
            )
        workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

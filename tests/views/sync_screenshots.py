"""`python -m tests.views.sync_screenshots OUTDIR`: sync in the window, and the supervisor's audit log, against a real
local `fieldcase-server`.

Two laptops of one case manager edit the same field offline and sync: the second laptop's window shows the status
line with the conflict, and the conflict dialog shows base, mine and theirs. Then a demo team on a server of its own
(two case managers and their supervisor, on four devices) works on demo cases, and the supervisor's 稽核紀錄 page
shows who read or changed one client's records. Used by `make screenshots` for docs/user-guide.md; it lives with the
tests because it uses their live-server and store helpers.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from app.views.screenshots import SIZE, save, settle, start_offscreen

if TYPE_CHECKING:
    from app.views.settings import AppSettings
    from tests.sync.live import Laptop, LiveServer

# The audit scenario's devices, named as the login dialog names them by default: after the computer.
DEVICES = {
    "cm.chen": "CM-CHEN-NB",
    "cm.chen/tablet": "CM-CHEN-TAB",
    "cm.lin": "CM-LIN-NB",
    "sup.wang": "SUP-WANG-PC",
}


def main(argv: list[str] | None = None) -> int:
    application, out = start_offscreen(argv)

    from app.views.fonts import install_fonts
    from app.views.i18n import apply_language

    apply_language(application, "zh-TW")
    install_fonts()
    with tempfile.TemporaryDirectory(prefix="fieldcase-sync-shots-", ignore_cleanup_errors=True) as folder:
        sync_shots(out, Path(folder) / "sync")
        audit_shot(out, Path(folder) / "audit")
    return 0


def sync_shots(out: Path, folder: Path) -> None:
    """sync-status and sync-conflicts: one case manager's two laptops change the same field offline."""
    from app.models import ServiceRecord
    from app.services.validation import make_national_id
    from app.views.conflicts import ConflictsDialog
    from app.views.launch import build_main_window
    from app.views.runner import StoreRunner
    from tests.factories import make_case, make_client, make_record
    from tests.sync.live import laptops, make_template, running_server

    folder.mkdir(parents=True)
    with (
        running_server(folder / "server", make_template(folder)) as server,
        laptops(server, folder, "cm.chen", "cm.chen") as (office, field),
    ):
        with office.store.transaction() as db:
            client = make_client(name="林美玲", id_number=make_national_id("B", 2, 7))
            case = make_case(client, owner="cm.chen")
            record = make_record(case, place="家中")
            db.add_all([client, case, record])
        office.sync()
        field.sync()
        for laptop, place in ((office, "就業服務站"), (field, "案家")):
            with laptop.store.transaction() as db:
                db.get_one(ServiceRecord, record.id).place = place
        office.sync()
        field.sync()
        with field.store.transaction() as db:
            db.get_one(ServiceRecord, record.id).notes = "下午再訪，雇主同意試做兩週。"
        runner = StoreRunner(field.store)
        window = build_main_window(runner, _settings(folder), "cm.chen")
        window.resize(*SIZE)
        window.show()
        controller = window.sync
        settle(lambda: getattr(controller, "status", None) is not None)
        save(window, out, "sync-status")
        dialog = ConflictsDialog(runner, window)
        dialog.resize(900, 520)
        dialog.show()
        settle(lambda: dialog.conflict_table.rowCount() == 1)
        save(dialog, out, "sync-conflicts")
        window.close()
        runner.shutdown()


def audit_shot(out: Path, folder: Path) -> None:
    """supervisor-audit: the 稽核紀錄 page of the demo team's supervisor, searching one client's last seven days.

    cm.chen and cm.lin bring demo caseloads to the server and the supervisor syncs them. cm.chen takes one client's
    file onto a tablet, calls the client from it and corrects their mobile number, then hands the case over to
    cm.lin on the laptop; cm.lin syncs and logs a home visit. The supervisor syncs and asks who touched that client.
    """
    from sqlalchemy import select

    from app.models import Case, Client
    from app.models.enums import ContactMode, ContactOutcome, Stage
    from app.services import clock
    from app.services.demo import generate_demo
    from app.services.handover import transfer_cases
    from app.services.record_edits import ContactAttemptValues, add_contact_attempt
    from app.views.launch import build_main_window
    from app.views.runner import StoreRunner
    from app.views.supervisor.audit import AuditView
    from tests.sync.live import make_template, running_server

    folder.mkdir(parents=True)
    with running_server(folder / "server", make_template(folder)) as server, _team(server, folder) as team:
        chen, tablet, lin, wang = (team[key] for key in DEVICES)
        generate_demo(chen.store, 8, seed=3, owner="cm.chen")
        generate_demo(lin.store, 6, seed=4, owner="cm.lin")
        for laptop in (chen, lin, wang, tablet):
            laptop.sync()
        with tablet.store.transaction() as db:
            # A case in its first weeks: its file is a few records, so that one screen shows several people's steps.
            case = db.scalars(
                select(Case).join(Client).where(Case.stage == Stage.B).order_by(Client.name).limit(1)
            ).one()
            case_id, name = case.id, case.client.name
            case.client.mobile_phone = "0933-582-417"
            call = ContactAttemptValues(
                clock.now() - timedelta(hours=3), ContactMode.PHONE, ContactOutcome.REACHED, "個案換了手機號碼。"
            )
            add_contact_attempt(db, case_id, call)
        tablet.sync()
        chen.sync()
        with chen.store.transaction() as db:
            transfer_cases(db, [case_id], "cm.lin", reason="轄區調整，改由林志明接手。")
        chen.sync()
        lin.sync()
        with lin.store.transaction() as db:
            visit = ContactAttemptValues(
                clock.now() - timedelta(minutes=30), ContactMode.HOME_VISIT, ContactOutcome.REACHED, "接案家訪。"
            )
            add_contact_attempt(db, case_id, visit)
        lin.sync()
        wang.sync()
        runner = StoreRunner(wang.store)
        window = build_main_window(runner, _settings(folder), "sup.wang", supervisor=True)
        window.resize(*SIZE)
        window.show()
        index = next(i for i in range(window.pages.count()) if isinstance(window.pages.widget(i), AuditView))
        window.show_page(index)
        page = window.pages.widget(index)
        assert isinstance(page, AuditView)
        page.client_text.setText(name)
        page.find_client()
        settle(lambda: runner.idle and page.client_id() is not None)
        assert page.since.date() == clock.today() - timedelta(days=6)  # the page's default: the last 7 days
        answers: list[object] = []
        page.searched.connect(answers.append)
        page.search()
        settle(lambda: runner.idle and bool(answers))
        save(window, out, "supervisor-audit")
        window.close()
        runner.shutdown()


@contextlib.contextmanager
def _team(server: LiveServer, folder: Path) -> Iterator[dict[str, Laptop]]:
    """The demo team's devices (DEVICES), each its own store logged in to `server`."""
    from app.store.store import Store
    from app.sync.client import login
    from tests.sync.live import PASSWORD, Laptop

    made: dict[str, Laptop] = {}
    try:
        for key, device in DEVICES.items():
            username = key.split("/")[0]
            store = Store.open(folder / f"{device}.db", actor=username)
            made[key] = Laptop(store, username)
            login(store, server.url, username, PASSWORD, device)
        yield made
    finally:
        for laptop in made.values():
            laptop.store.close()


def _settings(folder: Path) -> AppSettings:
    """Throw-away preferences: the pictures never read or write the user's own."""
    from app.views.settings import AppSettings

    return AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


if __name__ == "__main__":
    raise SystemExit(main())

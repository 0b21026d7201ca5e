"""`python -m tests.views.sync_screenshots OUTDIR`: sync in the window, against a real local `fieldcase-server`.

Two laptops of one case manager edit the same field offline and sync: the second laptop's window shows the status
line with the conflict, and the conflict dialog shows base, mine and theirs. Used by `make screenshots` for
docs/user-guide.md; it lives with the tests because it uses their live-server and store helpers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.views.screenshots import save, settle, start_offscreen


def main(argv: list[str] | None = None) -> int:
    application, out = start_offscreen(argv)

    from app.models import ServiceRecord
    from app.services.validation import make_national_id
    from app.views.conflicts import ConflictsDialog
    from app.views.fonts import install_fonts
    from app.views.i18n import apply_language
    from app.views.launch import build_main_window
    from app.views.runner import StoreRunner
    from app.views.settings import AppSettings
    from tests.factories import make_case, make_client, make_record
    from tests.sync.live import laptops, make_template, running_server

    apply_language(application, "zh-TW")
    install_fonts()
    folder = Path(tempfile.mkdtemp(prefix="fieldcase-sync-shots-"))
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
        window = build_main_window(runner, AppSettings(), "cm.chen")
        window.resize(1280, 800)
        window.show()
        controller = window.sync
        settle(lambda: getattr(controller, "status", None) is not None)
        save(window, out, "sync-status")
        dialog = ConflictsDialog(runner, window)
        dialog.resize(900, 520)
        dialog.show()
        settle(lambda: dialog.conflict_table.rowCount() == 1)
        save(dialog, out, "sync-conflicts")
        runner.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The supervisor's pages rendered offscreen with a demo team, for the user guide (docs/user-guide.md, 督導模式).

`python -m app.views.supervisor.screenshots [OUTDIR]` writes docs/screenshots/supervisor-*.png: the demo team of seven
case managers (generate_demo), a few supervision records, and two sync conflicts so that every column has something.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QScrollArea, QWidget

from app.views.screenshots import demo_window, save, settle, start_offscreen

DEMO_TODAY = date(2026, 11, 20)
SIZE = (1280, 800)


def _seed(store: object) -> None:
    """Supervision records and two conflicts on the demo team's records."""
    from sqlalchemy import select

    from app.models import Case, Client, ServiceRecord, SyncConflict
    from app.models.enums import Stage, SupervisionKind
    from app.services.supervision import NoteValues, finalise_note, record_follow_up, save_draft_note
    from app.store.store import Store

    assert isinstance(store, Store)
    with store.transaction() as db:
        owners = list(db.scalars(select(Case.owner).distinct().order_by(Case.owner)))
        (case_id, name), (other_id, _) = db.execute(
            select(Case.id, Client.name).join(Client).where(Case.stage == Stage.E).order_by(Client.name).limit(2)
        ).all()
        records = list(db.scalars(select(ServiceRecord).order_by(ServiceRecord.held_on.desc()).limit(2)))
        for record, (mine, theirs) in zip(records, (("電訪", "面訪"), ("本週開始上班", "下週開始上班")), strict=True):
            db.add(
                SyncConflict(
                    id=uuid.uuid4(),
                    record_type="service_record",
                    record_id=record.id,
                    field="notes",
                    base=record.notes,
                    mine=mine,
                    theirs=theirs,
                    mine_by=record.case.owner,
                    theirs_by="sup.lin",
                )
            )
    notes = [
        NoteValues(
            SupervisionKind.GROUP,
            date(2026, 11, 6),
            tuple(owners),
            None,
            "本月團體督導：檢視逾期未聯繫個案與失聯結案流程；分享職場訪視的安全注意事項。",
            "一、各職管員於11/13前補齊逾期一個月以上未聯繫個案的聯繫紀錄。\n二、失聯結案須附三次聯繫紀錄。",
            follow_up_due_on=date(2026, 11, 13),
        ),
        NoteValues(
            SupervisionKind.CONSULTATION,
            date(2026, 11, 18),
            (owners[0], owners[1]),
            case_id,
            f"{name}個案研討：就業後第二個月出現適應困難，討論職務再設計與雇主溝通。",
            "由承辦人於兩週內安排職場訪視，並評估轉介職務再設計；另一位同樣在職適應期的個案一併追蹤。",
            case_ids=(case_id, other_id),
            follow_up_due_on=date(2026, 12, 2),
        ),
        NoteValues(SupervisionKind.INDIVIDUAL, date(2026, 11, 19), (owners[2],), None, "個別督導：案量與時間安排。"),
    ]
    for index, values in enumerate(notes):
        with store.transaction() as db:
            note_id = save_draft_note(db, None, values)
            if index == 0:
                finalise_note(db, note_id)
                record_follow_up(db, note_id, date(2026, 11, 12), "已補齊 14 筆聯繫紀錄，剩 2 位個案持續聯繫中。")


def main(argv: list[str] | None = None) -> int:
    application, out = start_offscreen(argv)

    from app.views.supervisor.dashboard import KpiDashboardView
    from app.views.supervisor.drill import CaseListDialog
    from app.views.supervisor.notes import SupervisionView
    from app.views.supervisor.overview import TeamOverviewView
    from app.views.supervisor.reports import ReportsView
    from app.views.supervisor.review_queue import ReviewQueueView

    with demo_window(application, "sup.lin", DEMO_TODAY, supervisor=True, prepare=_seed) as (window, runner):
        # (number in the file name, name, page): the numbers stay those the user guide uses, whatever the page order.
        shots: list[tuple[int, str, type[QWidget]]] = [
            (1, "overview", TeamOverviewView),
            (2, "dashboard", KpiDashboardView),
            (3, "notes", SupervisionView),
            (4, "reports", ReportsView),
            (6, "reviews", ReviewQueueView),
        ]
        for number, name, kind in shots:
            index = next(i for i in range(window.pages.count()) if isinstance(window.pages.widget(i), kind))
            window.show_page(index)
            page = window.pages.widget(index)
            if isinstance(page, SupervisionView):
                page.table.selectRow(1)
            settle(lambda: runner.idle)
            save(window, out, f"supervisor-{number}-{name}")
            if isinstance(page, KpiDashboardView):  # and the whole of it, distributions and trend included
                area = page.findChild(QScrollArea)
                assert area is not None
                body = area.widget()
                assert body is not None
                save(body, out, f"supervisor-{number}-{name}-all")
        overview = window.pages.widget(0)
        assert isinstance(overview, TeamOverviewView)
        window.show_page(0)
        dialogs: list[CaseListDialog] = []
        overview.drilled.connect(dialogs.append)
        overview.drill(overview.cell(None, "monthly_contact"))
        settle(lambda: runner.idle and bool(dialogs))
        dialogs[0].resize(1000, 520)
        settle(lambda: runner.idle)
        save(dialogs[0], out, "supervisor-5-drill-down")
        _case_window_shot(window, runner, out)
    return 0


def _case_window_shot(window: object, runner: object, out: Path) -> None:
    """A team case opened from a supervisor's page: the read-only case window, at its plan."""
    from sqlalchemy import select

    from app.models import Case
    from app.models.enums import Stage
    from app.views.case_windows import CaseWindows
    from app.views.main_window import MainWindow
    from app.views.runner import StoreRunner
    from app.views.workspace.plan_tab import PlanTab

    assert isinstance(window, MainWindow) and isinstance(runner, StoreRunner)
    with runner.store.transaction() as db:
        case_id = db.scalars(select(Case.id).where(Case.stage == Stage.E).order_by(Case.id)).first()
    assert case_id is not None and isinstance(window.cases, CaseWindows)
    workspace = window.cases.open(case_id)
    workspace.resize(*SIZE)
    settle(lambda: runner.idle and workspace.case is not None)
    workspace.go_to_tab(workspace.tab_classes.index(PlanTab))
    settle(lambda: runner.idle)
    save(workspace, out, "supervisor-7-case-read-only")
    workspace.close()


if __name__ == "__main__":
    raise SystemExit(main())

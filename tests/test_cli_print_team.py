"""`fieldcase print supervision_record --note …` and `fieldcase report daily`, run through app.cli.main: the PDFs and
workbooks they write, and the mistakes they refuse (exit 2, a message, no file)."""

from __future__ import annotations

import json
import stat
import uuid
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app import cli
from app.cli_print import DAILY_DAYS
from app.models import Case, Client, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.services.caseload import masked
from app.services.daily_report import LONGEST_PERIOD_DAYS, daily_report
from app.services.demo import generate_demo
from app.store.store import Store
from tests.printing.samples import POPPLER, pdf_pages, pdf_text, squeeze
from tests.printing.test_team_documents import follows

TODAY = date(2025, 11, 20)
FIRST, LAST = date(2025, 11, 3), date(2025, 11, 14)

needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdfinfo) is not installed")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where output goes, apart from the store (its folder has the store's files)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def notes(store: Store) -> dict[str, uuid.UUID]:
    """A demo store with a final group supervision about two cases and a draft individual one."""
    generate_demo(store, 10, seed=1, today=TODAY)
    with store.transaction() as session:
        cases = list(session.scalars(select(Case).join(Client).order_by(Client.name)))[:2]
        final = SupervisionNote(
            kind=SupervisionKind.GROUP,
            held_on=date(2025, 11, 5),
            supervisor="sup.lin",
            attendees=["cm.chen", "cm.lin"],
            case_id=cases[0].id,
            case_ids=[str(cases[1].id)],
            content="團體督導：兩位個案的職場支持策略。",
            agreed_actions="下週與雇主討論工作調整。",
            follow_up_due_on=date(2025, 11, 28),
            status=RecordStatus.FINAL,
        )
        draft = SupervisionNote(
            kind=SupervisionKind.PEER,
            held_on=date(2025, 11, 12),
            supervisor="sup.lin",
            attendees=["cm.chen"],
            content="同儕督導：家訪安全。",
        )
        session.add_all([final, draft])
        session.flush()
        return {"final": final.id, "draft": draft.id, **{c.client.name: c.id for c in cases}}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- print supervision_record -----------------------------------------------------------------------------------------


@needs_poppler
def test_print_supervision_records_into_one_pdf(
    notes: dict[str, uuid.UUID], store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_pdf = tmp_path / "notes.pdf"
    code, out, err = run(
        capsys,
        *("print", "supervision_record", "--db", str(store_path), "--note", str(notes["final"])),
        *("--notes", f"{notes['draft']},{notes['final']}", "--agency", "測試協會", "-o", str(out_pdf)),
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["documents"] == {"supervision_record": 2} and summary["pages"] == pdf_pages(out_pdf)
    assert stat.S_IMODE(out_pdf.stat().st_mode) == 0o600
    first = squeeze(pdf_text(out_pdf, 1, 1))
    assert "督導紀錄表" in first and "測試協會" in first and "民國114年11月5日" in first and "草稿" not in first
    assert "追蹤期限民國114年11月28日" in first
    with store.session() as session:
        for name in [n for n in notes if n not in ("final", "draft")]:
            case = session.get(Case, notes[name])
            assert case is not None
            assert name in first and masked(case.client.id_number) in first
            assert case.client.id_number not in first
    last = squeeze(pdf_text(out_pdf, summary["pages"], summary["pages"]))
    assert "草稿" in last and "同儕督導" in last


@pytest.mark.parametrize(
    ("note", "message"),
    [("not-an-id", "不是督導紀錄編號"), (str(uuid.UUID(int=7)), "找不到督導紀錄")],
)
def test_a_bad_record_id_exits_2_and_leaves_no_file(
    notes: dict[str, uuid.UUID],
    store_path: Path,
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
    note: str,
    message: str,
) -> None:
    args = ("print", "supervision_record", "--db", str(store_path), "--notes", f"{notes['final']},{note}")
    code, out, err = run(capsys, *args, "-o", str(out_dir / "bad.pdf"))
    assert code == 2 and message in err and out == ""
    code, out, err = run(capsys, "--lang", "en", *args, "-o", str(out_dir / "bad.pdf"))
    assert code == 2 and "supervision record" in err.lower() and out == ""
    assert list(out_dir.iterdir()) == []


def test_records_and_cases_are_not_mixed_up(
    notes: dict[str, uuid.UUID], store_path: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_case = str(next(v for k, v in notes.items() if k not in ("final", "draft")))
    db = ("--db", str(store_path), "-o", str(out_dir / "x.pdf"))
    code, _, err = run(capsys, "print", "supervision_record", "--case", a_case, *db)
    assert code == 2 and "--note" in err
    code, _, err = run(capsys, "print", "supervision_record", *db)
    assert code == 2 and "--note" in err
    code, _, err = run(capsys, "print", "service_plan", "--note", str(notes["final"]), *db)
    assert code == 2 and "--case" in err
    code, _, err = run(capsys, "print", "daily_report", "--case", a_case, *db)
    assert code == 2 and "report daily" in err
    code, _, err = run(capsys, "print", "monthly_6_1", "--case", a_case, *db)
    assert code == 2 and "report monthly" in err
    assert list(out_dir.iterdir()) == []


# --- report daily -----------------------------------------------------------------------------------------------------


@needs_poppler
def test_the_daily_report_as_pdf_and_xlsx_has_the_same_figures(
    notes: dict[str, uuid.UUID], store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_pdf, out_xlsx = tmp_path / "日報.pdf", tmp_path / "日報.xlsx"
    db = ("report", "daily", "--db", str(store_path))
    code, out, err = run(capsys, *db, "--from", "114/11/03", "--to", "2025-11-14", "-o", str(out_pdf))
    assert code == 0, err
    assert json.loads(out)["documents"] == {"daily_report": 1}
    code, out, err = run(capsys, *db, "--from", "2025-11-03", "--to", "114/11/14", "-o", str(out_xlsx))
    assert code == 0, err
    with store.session() as session:
        report = daily_report(session, FIRST, LAST)
    assert json.loads(out) == {
        "output": str(out_xlsx),
        "people": report.people_total,
        "services": report.services_total,
    }
    assert report.people_total > 0
    for path in (out_pdf, out_xlsx):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "特定對象身分")
    end = next(i for i in range(start, len(rows)) if rows[i][0] is None)
    text = pdf_text(out_pdf)
    tokens = text.split()
    for label, *values in rows[start:end]:
        assert follows(tokens, str(label), [str(v) for v in values]), f"row {label}"
    assert "服務日期民國114年11月3日至民國114年11月14日" in squeeze(text)


def test_one_day_by_default_and_the_format_from_the_suffix(
    notes: dict[str, uuid.UUID], store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "day.xlsx"
    code, stdout, err = run(capsys, "report", "daily", "--db", str(store_path), "--from", "114/11/05", "-o", str(out))
    assert code == 0, err
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None and sheet["A2"].value == "服務日期：民國114年11月5日"
    assert json.loads(stdout)["output"] == str(out)


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (("--from", "114/13/01"), "月份"),
        (("--from", "hello"), "--from"),
        (("--from", "114/11/03", "--to", "someday"), "--to"),
        (("--from", "114/11/14", "--to", "114/11/03"), "結束日"),
        (("--from", "114/10/01", "--to", "114/11/14"), f"{LONGEST_PERIOD_DAYS} 天"),
    ],
)
def test_a_bad_day_exits_2_and_leaves_no_file(
    notes: dict[str, uuid.UUID],
    store_path: Path,
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
    dates: tuple[str, ...],
    message: str,
) -> None:
    for suffix in ("pdf", "xlsx"):
        args = ("report", "daily", "--db", str(store_path), *dates, "-o", str(out_dir / f"d.{suffix}"))
        code, out, err = run(capsys, *args)
        assert code == 2 and out == "" and message in err, err
        code, out, err = run(capsys, "--lang", "en", *args)
        assert code == 2 and out == "" and err.isascii(), err
    assert list(out_dir.iterdir()) == []


def test_the_cli_period_limit_is_the_services() -> None:
    assert DAILY_DAYS == LONGEST_PERIOD_DAYS

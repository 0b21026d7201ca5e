"""`fieldcase forms`, `fieldcase print` and `fieldcase report monthly`, run through app.cli.main with the print
commands registered by app.cli_print.add_print_commands (as app/cli.py does)."""

from __future__ import annotations

import argparse
import json
import stat
import uuid
from datetime import date
from pathlib import Path
from typing import get_args

import openpyxl
import pytest
from sqlalchemy import select

from app import cli
from app.cli_print import ADDRESSEES, SIGNER_ROLES, add_print_commands
from app.models import Case, Client
from app.models.enums import Programme
from app.printing import template_model
from app.printing.case_views import Addressee
from app.services import kpi_report
from app.services.demo import generate_demo
from app.store.store import Store
from tests.printing.samples import pdf_pages, pdf_text, squeeze

TODAY = date(2025, 11, 20)


@pytest.fixture(autouse=True)
def print_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """app.cli's parser with the print commands, unless app/cli.py registers them itself already."""
    original = cli.build_parser

    def build_parser() -> argparse.ArgumentParser:
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "print" not in sub.choices:
            add_print_commands(sub, cli._open)
        return parser

    monkeypatch.setattr(cli, "build_parser", build_parser)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where output goes, apart from the store (its folder has the store's files)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def demo(store: Store, store_path: Path) -> dict[str, uuid.UUID]:
    generate_demo(store, 10, seed=1, today=TODAY)
    with store.session() as session:
        return {c.client.name: c.id for c in session.scalars(select(Case).join(Client))}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_forms_lists_every_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "forms")
    assert code == 0
    lines = dict(line.split(None, 1) for line in out.splitlines())
    assert lines["service_plan"] == "職業重建服務計畫書" and lines["monthly_6_1"] == "表6-1 服務成果月報表"
    code, out, _ = run(capsys, "--lang", "en", "forms", "--json")
    forms = {f["doc_id"]: f for f in json.loads(out)}
    assert forms["monthly_6_2"]["subject"] == "month" and forms["job_card"]["subject"] == "case"


def test_print_one_case(
    demo: dict[str, uuid.UUID], store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "周承𡘙"  # a CJK Extension B character: printed, and found again in the PDF's text
    out_pdf = tmp_path / "plan.pdf"
    code, out, err = run(
        capsys,
        *("print", "service_plan", "--db", str(store_path), "--case", str(demo[name])),
        *("--agency", "測試協會", "-o", str(out_pdf)),
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["documents"] == {"service_plan": 1} and summary["pages"] == pdf_pages(out_pdf)
    text = squeeze(pdf_text(out_pdf))
    assert name in text and "測試協會" in text and "職業重建服務計畫書" in text
    assert stat.S_IMODE(out_pdf.stat().st_mode) == 0o600


def test_print_many_cases_into_one_pdf(
    demo: dict[str, uuid.UUID], store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = sorted(demo)[:4]
    out_pdf = tmp_path / "records.pdf"
    code, out, err = run(
        capsys,
        *("print", "service_records", "--db", str(store_path)),
        *("--cases", ",".join(str(demo[n]) for n in names[:3]), "--case", str(demo[names[3]])),
        *("--case", str(demo[names[0]]), "-o", str(out_pdf)),  # named twice: printed once
    )
    assert code == 0, err
    assert json.loads(out)["documents"] == {"service_records": 4}
    text = squeeze(pdf_text(out_pdf))
    for name in names:
        assert name in text


@pytest.mark.parametrize(
    ("case", "message"),
    [("not-a-uuid", "不是個案編號"), (str(uuid.UUID(int=7)), "找不到這個個案")],
)
def test_a_bad_case_id_exits_2_and_leaves_no_file(
    demo: dict[str, uuid.UUID],
    store_path: Path,
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    message: str,
) -> None:
    out_pdf = out_dir / "bad.pdf"
    good = str(next(iter(demo.values())))
    code, out, err = run(
        capsys, "print", "service_plan", "--db", str(store_path), "--cases", f"{good},{case}", "-o", str(out_pdf)
    )
    assert code == 2 and message in err and out == ""
    assert list(out_dir.iterdir()) == []


def test_an_unknown_document_and_a_monthly_one_are_refused(
    demo: dict[str, uuid.UUID], store_path: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = str(next(iter(demo.values())))
    code, _, err = run(capsys, "print", "nosuch", "--db", str(store_path), "--case", case, "-o", str(out_dir / "x"))
    assert code == 2 and "nosuch" in err
    code, _, err = run(
        capsys, "print", "monthly_6_1", "--db", str(store_path), "--case", case, "-o", str(out_dir / "x")
    )
    assert code == 2 and "report monthly" in err
    assert list(out_dir.iterdir()) == []


def test_characters_no_font_has_are_reported_on_stderr(
    demo: dict[str, uuid.UUID], store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = next(iter(demo.values()))
    with store.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.client.name = "王\U000f0001明"  # a private-use character: no font has it
    code, out, err = run(
        capsys, "print", "application", "--db", str(store_path), "--case", str(case_id), "-o", str(tmp_path / "a.pdf")
    )
    assert code == 0
    assert "U+F0001" in err and "注意" in err
    assert any("U+F0001" in w for w in json.loads(out)["warnings"])


def test_monthly_report_as_pdf(
    demo: dict[str, uuid.UUID], store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_pdf = tmp_path / "month.pdf"
    code, out, err = run(capsys, "report", "monthly", "--db", str(store_path), "--month", "114/10", "-o", str(out_pdf))
    assert code == 0, err
    summary = json.loads(out)
    assert summary["documents"] == {"monthly_6_1": 1, "monthly_6_2": 1}
    assert pdf_pages(out_pdf) == summary["pages"]
    text = squeeze(pdf_text(out_pdf))
    assert "服務成果月報表" in text and "服務個案明細月報表" in text and "民國114年10月" in text
    assert stat.S_IMODE(out_pdf.stat().st_mode) == 0o600


def test_monthly_report_as_xlsx_has_the_figures_of_kpi_report(
    demo: dict[str, uuid.UUID], store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_xlsx = tmp_path / "month.xlsx"
    code, out, err = run(
        capsys,
        "report",
        "monthly",
        "--db",
        str(store_path),
        "--month",
        "2025-10",
        "--format",
        "xlsx",
        "-o",
        str(out_xlsx),
    )
    assert code == 0, err
    assert stat.S_IMODE(out_xlsx.stat().st_mode) == 0o600
    workbook = openpyxl.load_workbook(out_xlsx)
    assert workbook.sheetnames == json.loads(out)["sheets"]
    results, _target_groups, cases = (workbook[name] for name in workbook.sheetnames)
    assert results.title.startswith("表6-1") and cases.title.startswith("表6-2")
    rows = list(results.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "就業服務員"))
    columns = rows[header]
    total = next(r for r in rows[header + 1 :] if r[0] == "全體")
    figures = dict(zip(columns, total, strict=True))
    listed = [r for r in cases.iter_rows(min_row=5, values_only=True) if r[0] is not None]
    with store.session() as session:
        served = {
            c.client_id
            for c in session.scalars(select(Case).where(Case.programme == Programme.SUPPORTED_EMPLOYMENT))
            if c.opened_on is not None
            and c.opened_on <= date(2025, 10, 31)
            and (c.closed_on is None or c.closed_on >= date(2025, 10, 1))
        }
        year = kpi_report.period_outcomes(
            session,
            date(2025, 1, 1),
            date(2025, 10, 31),
            programme=Programme.SUPPORTED_EMPLOYMENT,
            clients=served,
        )
    assert figures["本月服務人數"] == len(served) == len(listed) >= 1
    assert figures["年度累計推介成功"] == year.total.placed
    assert figures["年度累計就業成功"] == year.total.succeeded
    assert isinstance(figures["本月新開案"], int)  # counts stay numbers in Excel


def test_a_bad_month_exits_2_and_leaves_no_file(
    demo: dict[str, uuid.UUID], store_path: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for month in ("2025-13", "hello"):
        code, out, err = run(
            capsys, "report", "monthly", "--db", str(store_path), "--month", month, "-o", str(out_dir / "m.xlsx")
        )
        assert code == 2 and out == "" and ("月份" in err or "年月" in err)
    assert list(out_dir.iterdir()) == []


def test_the_cli_choices_are_the_printing_ones() -> None:
    assert get_args(Addressee) == ADDRESSEES
    assert template_model.SIGNER_ROLES == SIGNER_ROLES

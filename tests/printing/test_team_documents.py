"""督導紀錄表 and 服務對象日報: the documents about the team rather than one case, read back from real PDFs."""

from __future__ import annotations

import dataclasses
import io
import stat
import subprocess
import uuid
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.errors import AppError
from app.models import AuditEntry, Case, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.printing import (
    DailyDocument,
    PrintOptions,
    SupervisionDocument,
    build_view,
    list_forms,
    load_template,
    print_daily_report,
    print_supervision_notes,
    render,
)
from app.printing.matrix import column_chunks
from app.services.caseload import masked
from app.services.daily_report import DailyReport, DailyRow, daily_report, write_daily_workbook
from app.store.store import Store
from app.views.print_job import documents_about
from tests.printing.conftest import Rendered
from tests.printing.samples import (
    AGENCY,
    DAILY_FIRST,
    DAILY_LAST,
    NOT_ON_THIS_LAPTOP,
    TODAY,
    pdf_pages,
    pdf_text,
    squeeze,
)

pytestmark = pytest.mark.usefixtures("poppler")

Notes = tuple[uuid.UUID, uuid.UUID]


def page_texts(path: Path) -> list[str]:
    return [squeeze(pdf_text(path, page, page)) for page in range(1, pdf_pages(path) + 1)]


def follows(tokens: list[str], label: str, values: list[str]) -> bool:
    """Whether the text has `label` (perhaps wrapped over lines) followed by exactly `values`: a table row."""
    for start in range(len(tokens)):
        joined = ""
        for end in range(start, len(tokens)):
            joined += tokens[end]
            if joined == label and tokens[end + 1 : end + 1 + len(values)] == values:
                return True
            if not label.startswith(joined):
                break
    return False


# --- 督導紀錄 ---------------------------------------------------------------------------------------------------------


def test_the_team_documents_are_not_offered_in_the_case_print_menu() -> None:
    case_menu = [doc_id for doc_id, _zh, _en in documents_about("case")]
    assert "service_plan" in case_menu
    assert "supervision_record" not in case_menu and "daily_report" not in case_menu
    assert [d for d, _zh, _en in documents_about("month")] == ["monthly_6_1", "monthly_6_2"]
    listed = {doc_id: (zh, en) for doc_id, zh, en in list_forms()}
    assert listed["supervision_record"] == ("督導紀錄表", "Supervision record")
    assert listed["daily_report"] == ("服務對象日報", "Daily report of clients served")
    for doc_id in ("supervision_record", "daily_report"):
        assert not load_template(doc_id).reference_format  # our own documents, not imitations of official forms


def test_a_supervision_record_prints_its_values_and_the_cases_discussed(
    rendered: dict[str, Rendered], demo: Store, sample_notes: Notes
) -> None:
    doc = rendered["supervision_record"]
    final_pages = doc.report.pages_per_document[0]
    text = squeeze(pdf_text(doc.path, 1, final_pages))
    view = doc.views[0]
    assert isinstance(view, SupervisionDocument) and view.note.kind.code == SupervisionKind.GROUP
    with demo.session() as session:
        note = session.get(SupervisionNote, sample_notes[0])
        assert note is not None
        discussed = [note.case_id, *(uuid.UUID(c) for c in note.case_ids)]
        cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(discussed)))}
        for case in cases.values():
            client = case.client
            assert client.name in text and masked(client.id_number) in text and case.owner in text
            assert client.id_number not in text  # never the full ID number
        for value in (note.content, note.agreed_actions, note.follow_up_note, note.supervisor):
            assert squeeze(value) in text
    assert "團體督導" in text and "cm.chen、cm.huang、cm.wang" in text
    assert "督導日期民國114年6月12日" in text
    assert "追蹤期限民國114年6月30日" in text and "完成日期民國114年6月27日" in text
    assert "紀錄狀態定稿" in text and "草稿" not in text
    # The record's case is listed once (case_ids names it again), then the others; one case is not on this laptop.
    assert [c.reference for c in view.note.cases] == [
        c.hex[:8].upper() for c in (note.case_id, *discussed[1:3], NOT_ON_THIS_LAPTOP)
    ]
    assert "本機無此個案資料" in text and NOT_ON_THIS_LAPTOP.hex[:8].upper() in text
    assert "出席者簽到" in text and "督導（簽名）" in text
    for name in ("cm.chen", "cm.huang", "cm.wang"):
        assert text.count(name) >= 2  # in the attendees and on a line of the sign-in table


def test_a_draft_is_marked_across_every_page(demo: Store, sample_notes: Notes, tmp_path: Path) -> None:
    with demo.session() as session:
        view = build_view(session, "supervision_record", PrintOptions(note_id=sample_notes[1], printed_on=TODAY))
    assert isinstance(view, SupervisionDocument) and view.mark == "草稿"
    long = "個別督導：討論家訪路線與時間安排，並檢視每一位個案的追蹤期限。" * 60
    view = dataclasses.replace(view, note=dataclasses.replace(view.note, content=long))
    marked, plain = tmp_path / "marked.pdf", tmp_path / "plain.pdf"
    render("supervision_record", [view], marked, AGENCY)
    render("supervision_record", [dataclasses.replace(view, mark="")], plain, AGENCY)
    with_mark, without = page_texts(marked), page_texts(plain)
    assert len(with_mark) == len(without) >= 2
    for page, (a, b) in enumerate(zip(with_mark, without, strict=True), start=1):
        assert a.count("草稿") == b.count("草稿") + 1, f"page {page} has no 草稿 mark"
    assert "紀錄狀態草稿" in with_mark[0]


def test_a_batch_of_records_is_one_pdf_counted_per_record(demo: Store, sample_notes: Notes, tmp_path: Path) -> None:
    final, draft = sample_notes
    out = tmp_path / "notes.pdf"
    with demo.session() as session:
        report = print_supervision_notes(session, [draft, final, draft], out, AGENCY, PrintOptions(printed_on=TODAY))
    assert report.documents == 2 and report.warnings == ()  # the draft named twice is printed once
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert pdf_pages(out) == report.pages == sum(report.pages_per_document)
    draft_pages, final_pages = report.pages_per_document
    pages = page_texts(out)
    assert f"第1頁，共{draft_pages}頁" in pages[0] and "督導日期民國114年6月20日" in pages[0]
    assert f"第1頁，共{final_pages}頁" in pages[draft_pages] and "督導日期民國114年6月12日" in pages[draft_pages]
    assert all("草稿" in page for page in pages[:draft_pages])
    assert not any("草稿" in page for page in pages[draft_pages:])


def test_printing_a_record_audits_a_read_of_each_case_it_names(
    demo: Store, sample_notes: Notes, tmp_path: Path
) -> None:
    final, _ = sample_notes
    with demo.transaction() as session:
        note = session.get_one(SupervisionNote, final)
        named = {note.case_id, *(uuid.UUID(c) for c in note.case_ids)} - {NOT_ON_THIS_LAPTOP}
        before = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        print_supervision_notes(session, [final], tmp_path / "note.pdf", AGENCY)
    with demo.transaction() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id).offset(before)))
    assert {(e.action, e.record_type, e.record_id) for e in entries} == {("view", "case", c) for c in named}


def test_a_missing_or_deleted_record_is_refused_and_leaves_no_file(demo: Store, tmp_path: Path) -> None:
    with demo.transaction() as session:
        gone = SupervisionNote(
            kind=SupervisionKind.PEER, held_on=date(2025, 6, 3), supervisor="sup.lin", status=RecordStatus.DRAFT
        )
        session.add(gone)
        session.flush()
        gone.deleted = True
    out = tmp_path / "none.pdf"
    for note_id in (gone.id, uuid.uuid4()):
        with demo.session() as session, pytest.raises(AppError) as error:
            print_supervision_notes(session, [note_id], out, AGENCY)
        assert str(note_id) in error.value.message_zh and "找不到督導紀錄" in error.value.message_zh
    with demo.session() as session, pytest.raises(AppError):
        print_supervision_notes(session, [], out, AGENCY)
    assert list(tmp_path.iterdir()) == []


# --- 服務對象日報 -----------------------------------------------------------------------------------------------------


def workbook_table(report: DailyReport) -> list[list[object]]:
    """The header and rows of the report's Excel workbook, read back with openpyxl."""
    buffer = io.BytesIO()
    write_daily_workbook(report, buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "特定對象身分")
    end = next(i for i in range(start, len(rows)) if rows[i][0] is None)
    return rows[start:end]


def test_the_daily_report_pdf_has_the_figures_of_its_workbook(rendered: dict[str, Rendered], demo: Store) -> None:
    doc = rendered["daily_report"]  # printed through build_view from the store
    with demo.session() as session:
        report = daily_report(session, DAILY_FIRST, DAILY_LAST)  # and the workbook from the service, separately
    table = workbook_table(report)
    assert len(table) >= 4 and report.people_total > 0  # a header, target groups, people and services
    text = pdf_text(doc.path)
    tokens = text.split()
    for label, *values in table:
        assert isinstance(label, str)
        assert all(isinstance(v, int) for v in values) or label == "特定對象身分"  # numbers stay numbers in Excel
        assert follows(tokens, label, [str(v) for v in values]), f"row {label} differs from the workbook"
    flat = squeeze(text)
    assert "服務對象日報" in flat and squeeze(AGENCY.name) in flat
    assert "服務日期民國114年6月2日至民國114年6月27日" in flat
    assert f"服務人數（不重複）{report.people_total}" in flat and f"服務人次{report.services_total}" in flat
    assert "參考格式" not in flat  # our own report
    assert doc.report.warnings == ()
    size = subprocess.run(["pdfinfo", str(doc.path)], check=True, capture_output=True, text=True).stdout
    width, height = (float(x) for x in size.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape


def test_the_daily_report_prints_names_for_usernames_and_writes_owner_only(demo: Store, tmp_path: Path) -> None:
    with demo.session() as session:
        report = daily_report(session, DAILY_FIRST, DAILY_LAST)
    names = {owner: f"職管員{n}" for n, owner in enumerate(report.owners, start=1)}
    out = tmp_path / "daily.pdf"
    rendered = print_daily_report(report, out, AGENCY, PrintOptions(printed_on=TODAY, staff_names=names))
    assert rendered.documents == 1 and stat.S_IMODE(out.stat().st_mode) == 0o600
    tokens = pdf_text(out).split()
    assert follows(tokens, "特定對象身分", [*names.values(), "合計"])


def many_managers_report(managers: int) -> DailyReport:
    """A report of a team of `managers` case managers, with made-up figures and short target-group names."""
    owners = tuple(f"cm.user{n:02d}" for n in range(managers))

    def figure(n: int, g: int) -> int:
        return (n * 7 + g * 3) % 10

    rows = tuple(
        DailyRow(code, {o: figure(n, g) for n, o in enumerate(owners)}, sum(figure(n, g) for n in range(managers)))
        for g, code in enumerate(("甲組", "乙組", "丙組"))  # not in the code list: printed as they are
    )
    people = {o: n % 10 for n, o in enumerate(owners)}
    services = {o: n % 10 + 3 for n, o in enumerate(owners)}
    return DailyReport(
        first=date(2025, 3, 3),
        last=date(2025, 3, 7),
        owners=owners,
        rows=rows,
        people=people,
        people_total=sum(people.values()),
        services=services,
        services_total=sum(services.values()),
        cases={},
    )


def test_a_team_too_wide_for_the_page_is_split_into_tables_and_loses_nothing(tmp_path: Path) -> None:
    report = many_managers_report(30)
    out = tmp_path / "wide.pdf"
    rendered = print_daily_report(report, out, AGENCY, PrintOptions(printed_on=TODAY))
    assert rendered.warnings == ()
    header, *body = [[str(v) for v in row] for row in workbook_table(report)]
    labels = {row[0] for row in body}
    # Read the tables in order: each part has its own header (the label column and some case managers), and
    # each row of a part its label and that part's figures.
    tokens = pdf_text(out).split()
    parts: list[list[str]] = []
    printed: dict[str, list[str]] = {}
    for index, token in enumerate(tokens):
        if token.startswith("服務："):  # the note under the table
            break
        if token == header[0]:
            part = []
            for follower in tokens[index + 1 :]:
                if follower not in header:
                    break
                part.append(follower)
            if not parts or parts[-1] != part:  # not the header repeated on a new page
                parts.append(part)
        elif parts and token in labels:
            printed.setdefault(token, []).extend(tokens[index + 1 : index + 1 + len(parts[-1])])
    assert len(parts) >= 2, "30 case managers do not fit across one table"
    assert [name for part in parts for name in part] == header[1:]
    for row in body:
        assert printed[row[0]] == row[1:], f"row {row[0]}"


def test_columns_are_split_evenly_only_when_they_do_not_fit() -> None:
    assert column_chunks(8, 1000, 2.5, 50) == [range(8)]
    assert column_chunks(20, 1000, 2.5, 50) == [range(0, 10), range(10, 20)]
    assert column_chunks(13, 600, 2, 50) == [range(0, 7), range(7, 13)]  # 10 fit: 7 + 6, not 10 + 3
    assert column_chunks(3, 100, 2.5, 50) == [range(0, 1), range(1, 2), range(2, 3)]
    assert column_chunks(0, 1000, 2.5, 50) == [range(0)]


def test_the_daily_view_is_the_services_table() -> None:
    report = many_managers_report(4)
    from app.printing.daily import daily_document
    from app.printing.views import Signatures
    from app.services.daily_report import table

    view = daily_document(report, "daily_report", printed_on=TODAY, staff_names={}, signatures=Signatures())
    assert isinstance(view, DailyDocument)
    header, body = table(report)
    assert list(view.table.header) == header and [list(r) for r in view.table.rows] == body
    assert view.table.totals == 2 and view.days == 5

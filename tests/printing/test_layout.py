"""Layout guarantees: page X of Y per document, long text that runs on instead of being cut, repeated table
headers, blank forms for cases with nothing filled in, signatures and logo, 民國前 dates, and views that print
without the store."""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy.orm import Session

from app.errors import AppError, RuleError
from app.models import Client
from app.models.enums import IntakeDecision, RecordKind, RecordStatus
from app.printing import AgencyInfo, PrintOptions, Signatures, build_view, list_forms, load_template, render
from app.store.store import Store
from tests.factories import make_case, make_client, make_record
from tests.printing.samples import AGENCY, TODAY, pdf_pages, pdf_text, squeeze

pytestmark = pytest.mark.usefixtures("poppler")

CASE_DOCS = [doc_id for doc_id, _zh, _en in list_forms() if load_template(doc_id).subject == "case"]


def _add_case(store: Store, client: Client, records: int = 0, notes: str = "", **case: object) -> uuid.UUID:
    with store.transaction() as session:
        made = make_case(client, **case)
        session.add(made)
        for day in range(records):
            session.add(
                make_record(
                    made,
                    kind=RecordKind.SERVICE,
                    status=RecordStatus.FINAL,
                    held_on=date(2025, 3, 1 + day % 28),
                    notes=notes or f"第{day + 1}次服務：與案主討論求職進度並練習面試，約定下次見面時間。",
                )
            )
        return made.id


def _print(session: Session, doc_id: str, case_id: uuid.UUID, out: Path, **options: object) -> Path:
    path = out / f"{doc_id}.pdf"
    view = build_view(session, doc_id, PrintOptions(case_id=case_id, printed_on=TODAY, **options))  # type: ignore[arg-type]
    render(doc_id, [view], path, AGENCY)
    return path


def test_pages_are_numbered_x_of_y_and_the_table_header_repeats(store: Store, tmp_path: Path) -> None:
    case_id = _add_case(store, make_client(), records=60)
    with store.session() as session:
        path = _print(session, "service_records", case_id, tmp_path)
    pages = pdf_pages(path)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = squeeze(pdf_text(path, page, page))
        assert f"第{page}頁，共{pages}頁" in text
        if "次服務：" in text:  # the table's header row, on every page the table runs onto
            assert "服務內容" in text and "登錄日" in text
        if page > 1:
            assert "王小明（案號" in text  # whose page it is, should it come loose


def test_each_document_of_a_batch_counts_its_own_pages(store: Store, tmp_path: Path) -> None:
    long_case = _add_case(store, make_client(), records=60)
    short_case = _add_case(store, make_client(id_number="B123456780", name="李小華"), records=1)
    path = tmp_path / "batch.pdf"
    with store.session() as session:
        views = [build_view(session, "service_records", PrintOptions(case_id=c)) for c in (long_case, short_case)]
    report = render("service_records", views, path, AGENCY)
    long_pages, short_pages = report.pages_per_document
    assert short_pages == 1 and long_pages >= 3
    assert pdf_pages(path) == report.pages == long_pages + 1
    last = squeeze(pdf_text(path, report.pages, report.pages))
    assert "第1頁，共1頁" in last and "李小華" in last


def test_a_note_longer_than_a_page_is_printed_whole(store: Store, tmp_path: Path) -> None:
    note = "；".join(f"第{n}句說明案主在職場的情形" for n in range(1, 400))
    case_id = _add_case(store, make_client(), records=1, notes=note)
    with store.transaction() as session:
        client = session.get(Client, session.scalars(_client_of(case_id)).one())
        assert client is not None
        client.work_history = " ".join(f"job{n}-worked-at-company" for n in range(1, 300))  # Latin words wrap too
    with store.session() as session:
        records = _print(session, "service_records", case_id, tmp_path)
        profile = _print(session, "application", case_id, tmp_path)
    assert pdf_pages(records) >= 2  # the one table row runs onto the next page
    # Read across page breaks: leave out what each page repeats (footer, running head, the table's header row).
    printed = re.sub(
        rf"{AGENCY.name}第\d+頁，共\d+頁服務紀錄|王小明（案號\w+）服務紀錄（續）|序日期方式地點分鐘服務內容登錄日",
        "",
        squeeze(pdf_text(records)),
    )
    assert all(f"第{n}句說明案主在職場的情形" in printed for n in range(1, 400))
    words = pdf_text(profile).split()
    assert all(f"job{n}-worked-at-company" in words for n in range(1, 300))


def _client_of(case_id: uuid.UUID):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.models import Case

    return select(Case.client_id).where(Case.id == case_id)


@pytest.mark.parametrize("doc_id", CASE_DOCS)
def test_a_case_with_nothing_filled_in_prints_a_blank_form(doc_id: str, store: Store, tmp_path: Path) -> None:
    bare = make_client(mobile_phone=None, residence_county=None)
    case_id = _add_case(store, bare)
    with store.session() as session:
        path = _print(session, doc_id, case_id, tmp_path)
    text = squeeze(pdf_text(path))
    assert "王小明" in text
    assert "第1頁，共" in text
    if doc_id in ("open_notice", "not_open_notice", "job_card"):
        assert "＿＿＿" in text  # a blank in a sentence, to write in by hand


def test_a_notice_for_the_other_decision_is_refused(store: Store, tmp_path: Path) -> None:
    case_id = _add_case(store, make_client(), decision=IntakeDecision.NOT_OPEN, intake_assessed_on=date(2025, 3, 4))
    with store.session() as session, pytest.raises(RuleError):
        build_view(session, "open_notice", PrintOptions(case_id=case_id))


def test_births_before_1912_print_as_min_guo_qian(store: Store, tmp_path: Path) -> None:
    case_id = _add_case(store, make_client(birth_date=date(1910, 5, 1)), application_date=date(2025, 3, 5))
    with store.session() as session:
        text = squeeze(pdf_text(_print(session, "application", case_id, tmp_path)))
    assert "民國前2年5月1日" in text
    assert "民國114年3月5日" in text


def test_signature_images_and_the_logo_are_drawn(store: Store, tmp_path: Path) -> None:
    signature, logo = tmp_path / "signature.png", tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "white").save(signature)
    Image.new("RGB", (200, 200), "navy").save(logo)
    case_id = _add_case(store, make_client())
    path = tmp_path / "plan.pdf"
    with store.session() as session:
        view = build_view(
            session, "service_plan", PrintOptions(case_id=case_id, signatures=Signatures(client=signature))
        )
    report = render("service_plan", [view], path, AgencyInfo("測試職業重建服務窗口", logo_path=logo))
    assert report.warnings == ()
    assert path.read_bytes().count(b"/Subtype /Image") == 2
    assert "測試職業重建服務窗口" in squeeze(pdf_text(path))


def test_unreadable_signature_and_logo_files_are_reported_not_fatal(store: Store, tmp_path: Path) -> None:
    case_id = _add_case(store, make_client())
    with store.session() as session:
        view = build_view(
            session, "service_plan", PrintOptions(case_id=case_id, signatures=Signatures(client=tmp_path / "no.png"))
        )
    report = render("service_plan", [view], tmp_path / "plan.pdf", AgencyInfo("某單位", logo_path=tmp_path / "x.png"))
    assert len(report.warnings) == 2
    assert any("簽名" in w for w in report.warnings) and any("標誌" in w for w in report.warnings)

    not_an_image = tmp_path / "signature.png"
    not_an_image.write_text("not an image")  # a file given on the command line may be anything
    with store.session() as session:
        options = PrintOptions(case_id=case_id, signatures=Signatures(client=not_an_image))
        view = build_view(session, "service_plan", options)
    report = render("service_plan", [view], tmp_path / "plan.pdf", AgencyInfo("某單位"))
    assert [w for w in report.warnings if "無法讀取簽名圖檔" in w] and (tmp_path / "plan.pdf").stat().st_size > 0


def test_views_print_without_the_store(store_path: Path, tmp_path: Path) -> None:
    """The renderer reads only the view-model: a view built, then printed after the store is closed."""
    opened = Store.open(store_path, actor="cm.chen")
    case_id = _add_case(opened, make_client(), records=2)
    with opened.session() as session:
        view = build_view(session, "service_records", PrintOptions(case_id=case_id))
    opened.close()
    report = render("service_records", [view], tmp_path / "records.pdf", AGENCY)
    assert report.pages == 1


def test_printing_nothing_or_the_wrong_document_is_refused(store: Store, tmp_path: Path) -> None:
    case_id = _add_case(store, make_client())
    with store.session() as session:
        view = build_view(session, "application", PrintOptions(case_id=case_id))
        with pytest.raises(AppError):
            build_view(session, "application")  # no case chosen
        with pytest.raises(AppError):
            build_view(session, "monthly_6_1", PrintOptions())  # no month chosen
    with pytest.raises(AppError):
        render("application", [], tmp_path / "x.pdf", AGENCY)
    with pytest.raises(AppError):
        render("service_plan", [view], tmp_path / "x.pdf", AGENCY)


def test_a_pdf_can_be_written_to_a_stream(store: Store) -> None:
    import io

    case_id = _add_case(store, make_client())
    buffer = io.BytesIO()
    with store.session() as session:
        render("application", [build_view(session, "application", PrintOptions(case_id=case_id))], buffer, AGENCY)
    assert buffer.getvalue().startswith(b"%PDF") and re.search(rb"%%EOF\s*$", buffer.getvalue())

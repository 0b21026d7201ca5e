"""Every document prints for cases in every stage, with the case's own values in it, in embedded subset fonts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

import pytest

from app.printing import list_forms, load_template
from app.printing.templates import FieldsBlock, FormTemplate, ParagraphBlock, TextBlock, placeholders
from app.printing.values import as_text, resolve
from app.printing.views import CaseDocument, DocumentView, MonthDocument
from app.services.rocdate import format_roc
from tests.printing.conftest import Rendered
from tests.printing.samples import AGENCY, DOCS_PICTURES, pdf_fonts, pdf_pages, pdf_text, squeeze

pytestmark = pytest.mark.usefixtures("poppler")

DOC_IDS = [doc_id for doc_id, _zh, _en in list_forms()]
OFFICIAL_FORMS = {
    "se_form_0c": "表0C",
    "se_form_2_1": "表2-1",
    "se_form_2_4": "表2-4",
    "se_form_3_1": "表3-1",
    "se_form_3_2": "表3-2",
    "se_form_4_1": "表4-1",
    "monthly_6_1": "表6-1",
    "monthly_6_2": "表6-2",
    "job_redesign_visit": "附表2",
    "job_redesign_report": "附表3",
}
ISO_DATE = re.compile(r"(19|20)\d\d-\d\d-\d\d")


def document_texts(doc: Rendered) -> list[str]:
    """The text of each document of a batch PDF, by its own pages."""
    ends = list(accumulate(doc.report.pages_per_document))
    starts = [1, *(end + 1 for end in ends[:-1])]
    return [pdf_text(doc.path, first, last) for first, last in zip(starts, ends, strict=True)]


def printed_values(template: FormTemplate, view: DocumentView) -> Iterator[tuple[str, str]]:
    """(path, text) of every value the template prints outside checkbox groups and tables."""
    for section in template.sections:
        for block in section.blocks:
            if isinstance(block, FieldsBlock):
                paths = [(f.path, f.format) for f in block.fields if f.path and f.options is None]
            elif isinstance(block, TextBlock):
                paths = [(block.path, "auto")] if block.path else []
            elif isinstance(block, ParagraphBlock):
                paths = [(path, fmt) for _whole, path, fmt in placeholders(block.text)]
            else:
                paths = []
            for path, fmt in paths:
                head, _, rest = path.partition(".")
                value = resolve(AGENCY, rest) if head == "agency" else resolve(view, path)
                yield path, as_text(value, fmt)


def test_the_registry_lists_every_document_of_the_work_and_the_official_forms() -> None:
    titles = {doc_id: zh for doc_id, zh, _en in list_forms()}
    for doc_id in (
        "application",
        "data_consent",
        "first_interview",
        "open_notice",
        "not_open_notice",
        "needs_assessment",
        "service_plan",
        "referral_letter",
        "service_records",
        "follow_up_records",
        "closure_summary",
        "job_card",
        "handover",
    ):
        assert doc_id in titles
        assert not load_template(doc_id).reference_format
    for doc_id, form_no in OFFICIAL_FORMS.items():
        assert titles[doc_id].startswith(form_no)
        assert load_template(doc_id).reference_format  # our reconstruction says so in the footer
    assert all(en for _d, _zh, en in list_forms())


def test_every_document_is_in_docs_forms_with_a_picture_of_its_first_page() -> None:
    docs = (DOCS_PICTURES.parent / "forms.md").read_text(encoding="utf-8")
    for doc_id in DOC_IDS:
        assert f"| `{doc_id}` |" in docs, f"{doc_id} is not in the table of docs/forms.md"
        assert f"](forms/{doc_id}.png)" in docs and (DOCS_PICTURES / f"{doc_id}.png").is_file(), doc_id


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_document_prints_its_cases_values(doc_id: str, rendered: dict[str, Rendered]) -> None:
    doc = rendered[doc_id]
    template = load_template(doc_id)
    assert doc.report.documents == len(doc.views) > 0
    assert doc.report.pages == pdf_pages(doc.path) == sum(doc.report.pages_per_document)
    assert doc.report.warnings == ()
    texts = document_texts(doc)
    for view, text, pages in zip(doc.views, texts, doc.report.pages_per_document, strict=True):
        flat = squeeze(text)
        assert squeeze(template.title) in flat
        assert f"第1頁，共{pages}頁" in flat
        if template.reference_format:
            assert "參考格式" in flat
        for path, value in printed_values(template, view):
            assert squeeze(value) in flat, f"{doc_id}: {path} = {value!r} not printed"
        if isinstance(view, CaseDocument):
            assert squeeze(view.case.client.name) in flat
        if doc_id != "handover":  # 移案摘要 reprints the summary frozen at the transfer, as it was written
            assert not ISO_DATE.search(text), "dates print as 民國 dates"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_fonts_are_embedded_as_subsets(doc_id: str, rendered: dict[str, Rendered]) -> None:
    fonts = pdf_fonts(rendered[doc_id].path)
    assert fonts
    for name, kind, _encoding, embedded, subset, *_rest in fonts:
        assert (kind, embedded, subset) == ("TrueType", "yes", "yes"), name
        assert "UMingTW" in name


def test_documents_stay_small(rendered: dict[str, Rendered]) -> None:
    """Subset embedding: a document carries only the glyphs it uses (tens of kB), not the 21 MB font file."""
    for doc in rendered.values():
        assert doc.path.stat().st_size / doc.report.documents < 100_000, doc.doc_id


def test_the_plan_prints_its_three_parts_goals_services_and_signature_lines(rendered: dict[str, Rendered]) -> None:
    doc = rendered["service_plan"]
    for view, text in zip(doc.views, document_texts(doc), strict=True):
        assert isinstance(view, CaseDocument)
        flat = squeeze(text)
        for part in ("就業前準備", "就業媒合與就業支持", "穩定就業後支持服務"):
            assert part in flat
        for role in ("個案（簽名）", "法定代理人／監護人（簽名）", "職業重建個案管理員（簽名）"):
            assert role in flat
        if view.plan is None:
            continue
        assert format_roc(view.plan.start_on) in flat if view.plan.start_on else True
        for goal in view.plan.goals:
            assert squeeze(goal.description) in flat
        for item in view.plan.items:
            assert squeeze(item.service.label) in flat
            if item.unit:
                assert squeeze(item.unit) in flat


def test_the_referral_letter_names_the_unit_and_the_service_and_discloses_no_more(
    rendered: dict[str, Rendered],
) -> None:
    doc = rendered["referral_letter"]
    full_ids = {
        v.case.reference: v.case.client.id_number for v in rendered["application"].views if isinstance(v, CaseDocument)
    }
    with_referral = 0
    for view, text in zip(doc.views, document_texts(doc), strict=True):
        assert isinstance(view, CaseDocument)
        flat = squeeze(text)
        client = view.case.client
        assert client.id_number_masked in flat
        assert client.id_number == "" and full_ids[view.case.reference] not in flat
        assert client.household_address == ""  # blanked before the renderer saw it
        assert client.economic_status is None and client.health == "" and client.work_history == ""
        assert view.case.service_records == () and view.case.interviews == ()
        if view.referral is not None and view.referral.unit is not None:
            with_referral += 1
            assert squeeze(view.referral.unit.name) in flat
            assert view.referral.service is not None
            assert "個案同意提供上列資料予受案單位" in flat
    assert with_referral >= 2


def test_the_job_card_shows_the_employer_and_job_but_no_identity_numbers(rendered: dict[str, Rendered]) -> None:
    doc = rendered["job_card"]
    printed = 0
    for view, text in zip(doc.views, document_texts(doc), strict=True):
        assert isinstance(view, CaseDocument)
        assert view.case.client.id_number == "" and view.case.client.birth_date is None
        if view.referral is not None:
            printed += 1
            assert squeeze(view.referral.employer) in squeeze(text)
            assert squeeze(view.referral.job_title) in squeeze(text)
    assert printed >= 1


def test_notices_go_to_the_referring_unit_or_the_applicant(rendered: dict[str, Rendered]) -> None:
    for doc_id, decision in (("open_notice", "開案"), ("not_open_notice", "不開案")):
        doc = rendered[doc_id]
        for view, text in zip(doc.views, document_texts(doc), strict=True):
            assert isinstance(view, CaseDocument) and view.notice is not None
            flat = squeeze(text)
            assert f"評估結果為「{decision}」" in flat
            if view.case.referring_unit:
                assert f"受文者：{squeeze(view.case.referring_unit)}" in flat
                assert "貴單位轉介之" in flat
            else:
                assert "台端" in flat


def test_the_monthly_reports_add_up_and_list_the_cases(rendered: dict[str, Rendered]) -> None:
    summary, listing = rendered["monthly_6_1"], rendered["monthly_6_2"]
    view = summary.views[0]
    assert isinstance(view, MonthDocument)
    total = view.total
    assert total.served == sum(r.served for r in view.rows) == len(view.cases) > 0
    assert total.opened == sum(r.opened for r in view.rows)
    assert total.open_at_end == total.served - total.closed
    flat = squeeze(pdf_text(summary.path))
    assert "民國114年5月" in flat and "全體" in flat
    listed = squeeze(pdf_text(listing.path))
    for row in view.cases:
        assert squeeze(row.client_name) in listed
        assert row.id_number_masked in listed

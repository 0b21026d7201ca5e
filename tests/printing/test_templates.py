"""Templates are data: an agency's file replaces ours, and a mistake in one fails with a message naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.printing import TemplateError, list_forms, load_template
from app.printing.templates import FORMS_ENV, FieldsBlock, TableBlock, template_path


@pytest.fixture
def agency_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "forms"
    folder.mkdir()
    monkeypatch.setenv(FORMS_ENV, str(folder))
    return folder


def _write(folder: Path, doc_id: str, body: str) -> Path:
    path = folder / f"{doc_id}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


MINIMAL = """
title: 測試表
title_en: Test form
sections:
  - heading: 一、資料
    blocks:
{blocks}
"""


def test_an_agency_template_replaces_the_shipped_one(agency_forms: Path) -> None:
    shipped = template_path("service_plan").read_text(encoding="utf-8")
    _write(agency_forms, "service_plan", shipped.replace("title: 職業重建服務計畫書", "title: 某市職業重建服務計畫書"))
    template = load_template("service_plan")
    assert template.title == "某市職業重建服務計畫書"
    assert template.path.parent == agency_forms
    assert load_template("application").path.parent != agency_forms  # the others stay as shipped


def test_an_agency_may_add_a_document(agency_forms: Path) -> None:
    fields = "      - type: fields\n        fields:\n          - {label: 姓名, path: case.client.name}"
    _write(agency_forms, "agency_extra", MINIMAL.format(blocks=fields))
    assert ("agency_extra", "測試表", "Test form") in list_forms()
    block = load_template("agency_extra").sections[0].blocks[0]
    assert isinstance(block, FieldsBlock) and block.fields[0].path == "case.client.name"


FIELD = "      - type: fields\n        fields:\n          - "
TABLE = "      - type: table\n        path: {path}\n        columns:\n          - "


@pytest.mark.parametrize(
    ("blocks", "message"),
    [
        (FIELD + "{label: 姓名, path: case.client.nmae}", "case.client.nmae"),
        (FIELD + "{label: 性別, path: case.client.gender, options: sexes}", "sexes"),
        (TABLE.format(path="case.client.name") + "{header: x, path: y}", "不是清單"),
        (TABLE.format(path="records") + "{header: 日期, path: held}", "held"),
        (FIELD + "{label: 紀錄, path: case.referrals}", "表格"),
        ("      - type: paragraph\n        text: 您好 {case.client.nam}", "case.client.nam"),
        ("      - type: signatures\n        signers:\n          - {role: mayor, label: 市長}", "role"),
        ("      - type: chart", "type"),
    ],
)
def test_a_mistake_is_named(agency_forms: Path, blocks: str, message: str) -> None:
    _write(agency_forms, "broken", MINIMAL.format(blocks=blocks))
    with pytest.raises(TemplateError) as error:
        load_template("broken")
    assert "broken.yaml" in error.value.message_zh
    assert message in error.value.message_zh


MATRIX = "      - type: matrix\n        path: {path}"


@pytest.mark.parametrize(
    ("subject", "blocks", "message"),
    [
        ("daily", FIELD + "{label: 日報, path: table}", "matrix"),  # a matrix is not a value
        ("daily", MATRIX.format(path="period"), "matrix"),  # nor is a value a matrix
        ("case", MATRIX.format(path="case.client.name"), "matrix"),
        ("daily", "      - type: matrix", "path"),
        # A supervision record's cases carry the masked ID number only: a template cannot print the full one.
        ("supervision", TABLE.format(path="note.cases") + "{header: 身分證, path: id_number}", "id_number"),
        ("supervision", FIELD + "{label: 個案, path: case.client.name}", "case.client.name"),
        ("week", FIELD + "{label: 期間, path: period}", "subject"),
    ],
)
def test_a_mistake_in_a_team_document_is_named(agency_forms: Path, subject: str, blocks: str, message: str) -> None:
    _write(agency_forms, "broken", f"subject: {subject}\n" + MINIMAL.format(blocks=blocks))
    with pytest.raises(TemplateError) as error:
        load_template("broken")
    assert "broken.yaml" in error.value.message_zh
    assert message in error.value.message_zh


def test_a_letter_that_leaves_the_agency_cannot_print_what_it_does_not_disclose(agency_forms: Path) -> None:
    body = MINIMAL.format(
        blocks="      - type: fields\n        fields:\n          - {label: 身分證, path: case.client.id_number}"
    )
    _write(agency_forms, "leaky", "disclose: [case.client.name]\n" + body)
    with pytest.raises(TemplateError) as error:
        load_template("leaky")
    assert "disclose" in error.value.message_zh and "case.client.id_number" in error.value.message_zh


def test_an_unknown_document_is_an_error() -> None:
    with pytest.raises(TemplateError):
        load_template("no_such_form")


def test_a_table_without_a_path_is_blank_rows_to_fill_in() -> None:
    tables = [b for s in load_template("job_redesign_report").sections for b in s.blocks if isinstance(b, TableBlock)]
    assert tables and tables[0].path is None and tables[0].blank_rows == 5

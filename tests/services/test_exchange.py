"""Bulk export and import (docs/data-format.md): round trips, all-or-nothing checks, malformed files, xlsx."""

from __future__ import annotations

import copy
import json
import os
import stat
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.errors import ProblemsError
from app.models import (
    AuditEntry,
    Base,
    CaseTransfer,
    Client,
    Closure,
    ContactAttempt,
    DisabilityCertificate,
    Employment,
    NeedsAssessment,
    OutboxOp,
    PlanGoal,
    PlanItem,
    Referral,
    ServicePlan,
    ServiceUnit,
)
from app.models.base import syncable_tables
from app.models.enums import (
    CertificateSystem,
    ContactMode,
    ContactOutcome,
    EmploymentProof,
    PlanPart,
    PlanStatus,
    RecordKind,
    RecordStatus,
    ReferralResponse,
    Stage,
)
from app.services import exchange_schema as schema
from app.services.exchange import ExchangeFileError, export_json, export_xlsx, import_json, import_xlsx
from app.services.exchange_values import mask_id_number
from app.store.store import Store
from tests.factories import make_case, make_client, make_record

ROOT = Path(__file__).resolve().parents[2]
ID_A = "A123456789"
ID_B = "F223456786"


# --- fixtures -----------------------------------------------------------------------------------------------------


def _populate(store: Store) -> None:
    """Two live clients with cases and everything under them, plus rows that are tombstoned and must not travel."""
    with store.transaction() as db:
        unit = ServiceUnit(name="桃園就業服務中心", service_kinds=["supported_employment"], county="TAO", capacity=20)
        a = make_client(
            id_number=ID_A,
            mobile_phone="0912-345-678",
            target_groups=["disabled", "middle_aged_elderly"],
            education="senior_high_special",
            data_consent=True,
            data_consent_on=date(2025, 3, 3),
        )
        db.add_all([unit, a])
        db.add(
            DisabilityCertificate(
                client=a, system=CertificateSystem.NEW, categories=["icf_1", "icf_7"], severity="moderate",
                issued_on=date(2023, 5, 1), no_expiry=True,
            )
        )  # fmt: skip
        case = make_case(a, stage=Stage.G, opened_on=date(2025, 3, 6), closed_on=date(2025, 9, 30))
        first = make_record(case, status=RecordStatus.FINAL, finalised_at=datetime(2025, 3, 5, 8, 0, tzinfo=UTC))
        db.add_all(
            [
                first,
                make_record(case, kind=RecordKind.SERVICE, held_on=date(2025, 3, 20), notes="=見附件；不是公式"),
                ContactAttempt(
                    case=case, attempted_at=datetime(2025, 3, 4, 1, 30, tzinfo=UTC), channel=ContactMode.PHONE,
                    outcome=ContactOutcome.NO_ANSWER,
                ),
                NeedsAssessment(
                    case=case, assessed_on=date(2025, 3, 10), methods=["晤談", "觀察"],
                    recommended_services=["supported_employment"],
                ),
                Referral(
                    case=case, service_kind="supported_employment", receiving_unit=unit, sent_on=date(2025, 4, 1),
                    response=ReferralResponse.ACCEPTED, contacted_before_dispatch=True,
                ),
                Employment(
                    case=case, employer="全家便利商店", job_title="理貨員", start_on=date(2025, 5, 1),
                    hours_per_week=20.5, monthly_wage=Decimal("28000"), hourly_wage=Decimal("190.5"),
                    proof=EmploymentProof.LABOUR_INSURANCE, supported=True, intensive_support_days=12,
                ),
                Closure(case=case, closed_on=date(2025, 9, 30), reason_code="stable_employment_3m",
                        satisfaction_client=5),
                CaseTransfer(case=case, from_owner="cm.chen", to_owner="cm.lin", transferred_on=date(2025, 6, 1),
                             summary="穩定就業追蹤中"),
            ]
        )  # fmt: skip
        plan = ServicePlan(
            case=case, start_on=date(2025, 3, 15), end_on=date(2025, 9, 15), status=PlanStatus.APPROVED,
            vocational_goal="超商理貨", consent_given=True, consent_on=date(2025, 3, 15),
        )  # fmt: skip
        db.add(make_record(case, held_on=date(2025, 4, 2), corrects_id=first.id))
        db.add_all(
            [
                plan,
                PlanGoal(plan=plan, part=PlanPart.PRE_EMPLOYMENT, position=1, description="建立通勤能力"),
                PlanGoal(plan=plan, part=PlanPart.MATCHING_SUPPORT, position=1, description="媒合超商職缺"),
                PlanItem(plan=plan, part=PlanPart.MATCHING_SUPPORT, service_kind="supported_employment",
                         service_unit=unit, hours=40.0),
            ]
        )  # fmt: skip
        b = make_client(id_number=ID_B, name="鄭秀蘭", mobile_phone=None, home_phone="02-2345-6789")
        b_case = make_case(b, source="labour", county="TAO")
        db.add_all([b, make_record(b_case), make_record(b_case, notes="打錯了", deleted=True)])
        db.add(make_client(id_number="B120000008", name="已刪除", deleted=True))


@pytest.fixture
def source(store: Store) -> Store:
    _populate(store)
    return store


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "target.db", actor="cm.lin")
    yield opened
    opened.close()


def _without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _row_counts(store: Store) -> dict[str, int]:
    """Every table's row count, the outbox and the audit log included."""
    with store.transaction() as db:
        return {t.name: db.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


@pytest.fixture
def exported(source: Store, tmp_path: Path) -> dict[str, Any]:
    return _read_export(source, tmp_path / "source.json")


def _read_export(store: Store, path: Path) -> dict[str, Any]:
    export_json(store, path)
    return _read(path)


# --- export and round trip ----------------------------------------------------------------------------------------


def test_export_has_the_documented_shape_and_skips_tombstones(exported: dict[str, Any]) -> None:
    assert (exported["format"], exported["version"]) == ("fieldcase-exchange", 2)
    assert [c["id_number"] for c in exported["clients"]] == [ID_A, ID_B]  # 已刪除 is a tombstone
    a, b = exported["clients"]
    case = a["cases"][0]
    assert set(case) >= {"records", "contact_attempts", "assessments", "plans", "referrals", "employments"}
    assert case["closure"]["reason_code"] == "stable_employment_3m"
    assert (case["application_date"], case["stage"]) == ("2025-03-03", "G")
    assert [g["part"] for g in case["plans"][0]["goals"]] == ["pre_employment", "matching_support"]  # plan order
    assert case["employments"][0]["hourly_wage"] == "190.5"
    assert case["contact_attempts"][0]["attempted_at"] == "2025-03-04T01:30:00+00:00"
    assert "client_id" not in case and "version" not in a and "updated_by" not in a and "deleted" not in a
    stamps = [
        a["updated_at"],
        case["updated_at"],
        case["closure"]["updated_at"],
        b["cases"][0]["records"][0]["updated_at"],
    ]
    assert all(datetime.fromisoformat(stamp).utcoffset() == UTC.utcoffset(None) for stamp in stamps)
    assert len(b["cases"][0]["records"]) == 1 and b["cases"][0]["closure"] is None
    assert exported["service_units"][0]["name"] == "桃園就業服務中心"


def test_round_trip_into_a_fresh_store(exported: dict[str, Any], target: Store, tmp_path: Path) -> None:
    summary = import_json(target, tmp_path / "source.json")
    again = _read_export(target, tmp_path / "again.json")
    assert _without_stamp(again) == _without_stamp(exported)
    assert summary.inserted["clients"] == 2 and summary.inserted["records"] == 4
    assert summary.updated == {} and summary.total == sum(_row_counts(target)[t] for t in syncable_tables())
    with target.transaction() as db:
        ops = db.scalars(select(OutboxOp)).all()
        assert len(ops) == summary.total and {op.op for op in ops} == {"insert"}
        assert db.scalar(select(AuditEntry).where(AuditEntry.action == "import")) is not None


def test_importing_the_same_file_again_updates_instead_of_duplicating(
    exported: dict[str, Any], target: Store, tmp_path: Path
) -> None:
    path = tmp_path / "source.json"
    import_json(target, path)
    before = _row_counts(target)
    summary = import_json(target, path)
    assert summary.inserted == {} and summary.updated == {}
    assert {k: n for k, n in _row_counts(target).items() if k != "audit_log"} == {
        k: n for k, n in before.items() if k != "audit_log"
    }
    exported["clients"][1]["name"] = "鄭秀英"
    summary = import_json(target, _write(tmp_path / "renamed.json", exported))
    assert summary.updated == {"clients": 1}
    with target.transaction() as db:
        assert db.scalar(select(Client.name).where(Client.id_number == ID_B)) == "鄭秀英"


def test_import_accepts_roc_dates_and_loose_phones_and_normalises_them(
    exported: dict[str, Any], target: Store, tmp_path: Path
) -> None:
    client = exported["clients"][0]
    client["birth_date"] = "民國79年1月2日"
    client["cases"][0]["application_date"] = "114/03/03"
    client["mobile_phone"] = "0912345678"
    client["id_number"] = "a123456789"
    import_json(target, _write(tmp_path / "roc.json", exported))
    with target.transaction() as db:
        stored = db.scalars(select(Client).where(Client.name == "王小明")).one()
        assert (stored.birth_date, stored.mobile_phone, stored.id_number) == (date(1990, 1, 2), "0912-345-678", ID_A)
        assert stored.cases[0].application_date == date(2025, 3, 3)


# --- all or nothing -----------------------------------------------------------------------------------------------


def _break(document: dict[str, Any], mistake: str) -> tuple[int, str]:
    """Put one mistake into the document; return the row and field the problem must name."""
    a, b = document["clients"][:2]
    if mistake == "checksum":
        a["id_number"] = "A123456788"
        return 1, "clients[0].id_number"
    if mistake == "impossible date":
        b["cases"][0]["application_date"] = "2025-02-30"
        return 2, "clients[1].cases[0].application_date"
    if mistake == "unknown code":
        a["cases"][0]["closure"]["reason_code"] = "vanished"
        return 1, "clients[0].cases[0].closure.reason_code"
    if mistake == "duplicate id number":
        twin = {**copy.deepcopy(b), "id": str(uuid.uuid4()), "name": "鄭秀蘭（重複）", "certificates": [], "cases": []}
        document["clients"].append(twin)
        return 3, "clients[2].id_number"
    raise AssertionError(mistake)


MISTAKES = ["checksum", "impossible date", "unknown code", "duplicate id number"]


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_problem_names_its_row_and_field(
    exported: dict[str, Any], target: Store, tmp_path: Path, mistake: str
) -> None:
    row, field = _break(exported, mistake)
    with pytest.raises(ProblemsError) as caught:
        import_json(target, _write(tmp_path / "bad.json", exported))
    assert [(p.row, p.field) for p in caught.value.problems] == [(row, field)]
    problem = caught.value.problems[0]
    assert problem.message_zh and problem.message_en and problem.message_zh != problem.message_en


def test_every_problem_is_reported_at_once_and_nothing_is_written(
    exported: dict[str, Any], target: Store, tmp_path: Path
) -> None:
    expected = {_break(exported, mistake) for mistake in MISTAKES}
    exported["clients"][0]["cases"][0]["records"][0]["mode"] = "telepathy"
    exported["clients"][1]["birthdate"] = "1990-01-02"
    del exported["clients"][1]["cases"][0]["owner"]
    expected |= {
        (1, "clients[0].cases[0].records[0].mode"),
        (2, "clients[1].birthdate"),
        (2, "clients[1].cases[0].owner"),
    }
    with target.transaction() as db:
        db.add(make_client(id_number="B120000008", name="先來的"))
    before = _row_counts(target)
    with pytest.raises(ProblemsError) as caught:
        import_json(target, _write(tmp_path / "bad.json", exported))
    assert {(p.row, p.field) for p in caught.value.problems} == expected
    assert _row_counts(target) == before
    assert "第 2 筆 clients[1].cases[0].application_date" in caught.value.report()
    assert "February 2025 has no day 30" in caught.value.report("en")


def test_an_id_number_held_by_another_client_in_the_store_is_refused(
    exported: dict[str, Any], target: Store, tmp_path: Path
) -> None:
    with target.transaction() as db:
        db.add(make_client(id_number=ID_B, name="鄭秀蘭"))  # same person, keyed by hand with another id
    before = _row_counts(target)
    with pytest.raises(ProblemsError) as caught:
        import_json(target, tmp_path / "source.json")
    assert [(p.row, p.field) for p in caught.value.problems] == [(2, "clients[1].id_number")]
    assert _row_counts(target) == before


def test_references_and_finalised_records_are_checked_against_the_store(
    exported: dict[str, Any], source: Store, tmp_path: Path
) -> None:
    records = exported["clients"][0]["cases"][0]["records"]
    final = next(r for r in records if r["status"] == "final")
    final["notes"] = "改寫了定稿紀錄"
    exported["clients"][0]["cases"][0]["plans"][0]["items"][0]["service_unit_id"] = (
        "9b2f0a4e-0000-4000-8000-000000000000"
    )
    exported["clients"][0]["cases"][0]["closure"]["id"] = "9b2f0a4e-0000-4000-8000-000000000001"
    with pytest.raises(ProblemsError) as caught:
        import_json(source, _write(tmp_path / "bad.json", exported))
    fields = {p.field for p in caught.value.problems}
    assert fields == {
        f"clients[0].cases[0].records[{records.index(final)}].notes",
        "clients[0].cases[0].plans[0].items[0].service_unit_id",
        "clients[0].cases[0].closure.id",
    }


def test_deleted_rows_are_not_revived_by_an_old_file(exported: dict[str, Any], source: Store, tmp_path: Path) -> None:
    with source.transaction() as db:
        db.scalars(select(Client).where(Client.id_number == ID_B)).one().deleted = True
    with pytest.raises(ProblemsError) as caught:
        import_json(source, tmp_path / "source.json")
    assert [(p.row, p.field) for p in caught.value.problems] == [(2, "clients[1].id")]


# --- stale files: old data never overwrites new (seed 004) ---------------------------------------------------------


def _set_phone(store: Store, id_number: str, phone: str) -> None:
    with store.transaction() as db:
        db.scalars(select(Client).where(Client.id_number == id_number)).one().mobile_phone = phone


def _phone(store: Store, id_number: str) -> str | None:
    with store.transaction() as db:
        return db.scalar(select(Client.mobile_phone).where(Client.id_number == id_number))


def test_an_older_export_does_not_revert_a_newer_edit(exported: dict[str, Any], source: Store, tmp_path: Path) -> None:
    export_xlsx(source, tmp_path / "yesterday.xlsx")
    _set_phone(source, ID_A, "0922-000-111")  # edited in the store after "yesterday's" export
    before = _row_counts(source)
    with pytest.raises(ProblemsError) as caught:
        import_json(source, tmp_path / "source.json")
    assert [(p.row, p.field) for p in caught.value.problems] == [(1, "clients[0].mobile_phone")]
    problem = caught.value.problems[0]
    assert "store's record is newer than the file's" in problem.message_en
    assert "本機的這筆資料比檔案中的新" in problem.message_zh and "UTC+8" in problem.message_zh
    assert "0922" not in problem.message_en + problem.message_zh  # where, not what: the row and field say it
    with pytest.raises(ProblemsError) as from_xlsx:
        import_xlsx(source, tmp_path / "yesterday.xlsx")
    assert [(p.row, p.field) for p in from_xlsx.value.problems] == [(3, "個案基本資料.mobile_phone")]
    assert _row_counts(source) == before
    assert _phone(source, ID_A) == "0922-000-111"


def test_a_fresh_export_reimports_unchanged_and_an_edited_one_updates(source: Store, tmp_path: Path) -> None:
    _set_phone(source, ID_A, "0922-000-111")
    fresh = _read_export(source, tmp_path / "fresh.json")
    before = _row_counts(source)
    summary = import_json(source, tmp_path / "fresh.json")
    assert summary.inserted == {} and summary.updated == {} and summary.total == sum(summary.unchanged.values())
    assert {k: n for k, n in _row_counts(source).items() if k != "audit_log"} == {
        k: n for k, n in before.items() if k != "audit_log"
    }
    # The same export edited by hand: nothing changed in the store since it was written, so the edit is taken.
    fresh["clients"][0]["mobile_phone"] = "0933-222-333"
    assert import_json(source, _write(tmp_path / "edited.json", fresh)).updated == {"clients": 1}
    assert _phone(source, ID_A) == "0933-222-333"


def test_a_file_row_newer_than_the_store_still_updates(source: Store, target: Store, tmp_path: Path) -> None:
    export_json(source, tmp_path / "source.json")
    import_json(target, tmp_path / "source.json")
    _set_phone(target, ID_A, "0922-000-111")  # the newer edit is made on the other device
    newer = _read_export(target, tmp_path / "newer.json")
    summary = import_json(source, tmp_path / "newer.json")
    assert summary.updated == {"clients": 1}
    assert _phone(source, ID_A) == "0922-000-111"
    # The row keeps the stamp of the file, so both stores now export the same document.
    again = _read_export(source, tmp_path / "again.json")
    assert again["clients"][0]["updated_at"] == newer["clients"][0]["updated_at"]
    assert _without_stamp(again) == _without_stamp(newer)
    with source.transaction() as db:
        ops = db.scalars(select(OutboxOp).where(OutboxOp.record_type == "client")).all()
        assert any(op.fields.get("mobile_phone", {}).get("new") == "0922-000-111" for op in ops)  # still synced


def test_a_file_without_stamps_is_upserted_unchecked(exported: dict[str, Any], source: Store, tmp_path: Path) -> None:
    """Files from other systems (and version 1) carry no updated_at: they cannot be checked for staleness."""
    _set_phone(source, ID_A, "0922-000-111")

    def unstamp(row: Any) -> None:
        if isinstance(row, dict):
            row.pop("updated_at", None)
            for value in row.values():
                unstamp(value)
        elif isinstance(row, list):
            for item in row:
                unstamp(item)

    unstamp(exported["clients"])
    unstamp(exported["service_units"])
    exported["version"] = 1
    summary = import_json(source, _write(tmp_path / "other.json", exported))
    assert summary.updated == {"clients": 1}
    assert _phone(source, ID_A) == "0912-345-678"


# --- personal data: private files, masked ID numbers -------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("export", [export_json, export_xlsx])
def test_export_files_are_readable_by_the_owner_only(source: Store, tmp_path: Path, export: Any) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "cases.export"
    path.write_text("older export", encoding="utf-8")
    path.chmod(0o644)
    previous = os.umask(0o022)
    try:
        export(source, path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() != b"older export"
    assert [p.name for p in folder.iterdir()] == ["cases.export"]  # no temporary file left behind


def test_a_failed_export_leaves_the_previous_file_and_no_temporary_file(
    source: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cases.json"
    path.write_text("previous", encoding="utf-8")

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(ExchangeFileError, match="Cannot write the export file"):
        export_json(source, path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".cases.json")] == []


def test_mask_id_number() -> None:
    assert mask_id_number("A123456789") == "A12*****89"
    assert mask_id_number("A800000014") == "A80*****14"
    assert mask_id_number("A1234") == "*****"


def test_problem_messages_mask_id_numbers(exported: dict[str, Any], target: Store, tmp_path: Path) -> None:
    _break(exported, "duplicate id number")  # ID_B twice in the file
    exported["clients"][0]["id_number"] = ["A123456789"]  # echoed as read in a wrong-type message
    with target.transaction() as db:
        db.add(make_client(id_number=ID_B, name="鄭秀蘭"))  # ID_B also held by another client in the store
    with pytest.raises(ProblemsError) as caught:
        import_json(target, _write(tmp_path / "bad.json", exported))
    assert {(p.row, p.field) for p in caught.value.problems} == {
        (1, "clients[0].id_number"),
        (2, "clients[1].id_number"),
        (3, "clients[2].id_number"),
    }
    messages = [m for p in caught.value.problems for m in (p.message_zh, p.message_en)]
    report = caught.value.report() + caught.value.report("en")
    assert ID_A not in report and ID_B not in report
    assert sum("F22*****86" in m for m in messages) == 2 * 3  # row 2 (in the store), row 3 (file twice, store)
    assert sum("A12*****89" in m for m in messages) == 2


# --- malformed files ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "english"),
    [
        ("{not json", "is not valid JSON (line 1"),
        ("[]", "must be an object"),
        ('{"format": "fieldcase-exchange", "version": 3, "clients": []}', "has format version 3"),
        ('{"format": "other", "version": 1}', "is not a FieldCase exchange file"),
        ("\x00\xff", "not valid JSON"),
    ],
)
def test_a_malformed_file_gets_one_clear_error(target: Store, tmp_path: Path, content: str, english: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = _row_counts(target)
    with pytest.raises(ExchangeFileError) as caught:
        import_json(target, path)
    assert english in caught.value.message("en")
    assert "bad.json" in caught.value.message("zh-TW")
    assert _row_counts(target) == before


def test_a_missing_file_and_a_non_utf8_file_are_clear_errors(target: Store, tmp_path: Path) -> None:
    with pytest.raises(ExchangeFileError, match="Cannot read"):
        import_json(target, tmp_path / "missing.json")
    (tmp_path / "big5.json").write_bytes("個案".encode("big5"))
    with pytest.raises(ExchangeFileError, match="not UTF-8"):
        import_json(target, tmp_path / "big5.json")


# --- xlsx ---------------------------------------------------------------------------------------------------------


def test_xlsx_export_has_a_sheet_per_kind_with_two_header_rows(source: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    counts = export_xlsx(source, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[:3] == ["個案基本資料", "身心障礙證明", "個案"]
    assert workbook.sheetnames == [kind.sheet for kind in schema.walk()]
    expected = {"clients": 2, "certificates": 1, "cases": 2, "records": 4, "closure": 1, "plans": 1, "goals": 2}
    assert {k: counts[k] for k in expected} == expected
    for kind in schema.walk():
        sheet = workbook[kind.sheet]
        assert sheet.max_row == counts[kind.key] + 2, kind.key
        keys = [c.value for c in sheet[2]]
        assert keys[0] == "id" and set(keys) >= {f.key for f in kind.fields}
    clients = workbook["個案基本資料"]
    assert clients["C1"].value == "證號類別" and clients["B2"].value == "id_number" and clients["B3"].value == ID_A
    cases = workbook["個案"]
    assert [c.value for c in cases[2]][:2] == ["id", "client_id"]
    records = workbook["服務紀錄"]
    notes = [cell for cell in _column(records, "notes") if str(cell.value).startswith("=")]
    assert [(cell.value, cell.data_type) for cell in notes] == [("=見附件；不是公式", "s")]  # text, not a formula


def _column(sheet: Any, key: str) -> list[Any]:
    column = [cell.value for cell in sheet[2]].index(key) + 1
    return [sheet.cell(row, column) for row in range(3, sheet.max_row + 1)]


def test_xlsx_round_trip_imports_with_the_same_checks(
    exported: dict[str, Any], source: Store, target: Store, tmp_path: Path
) -> None:
    path = tmp_path / "export.xlsx"
    export_xlsx(source, path)
    import_xlsx(target, path)
    assert _without_stamp(_read_export(target, tmp_path / "again.json")) == _without_stamp(exported)

    workbook = openpyxl.load_workbook(path)
    _column(workbook["個案"], "application_date")[0].value = "2025-02-30"
    _column(workbook["個案基本資料"], "id_number")[1].value = "A123456788"
    workbook.save(path)
    with pytest.raises(ProblemsError) as caught:
        import_xlsx(target, path)
    assert {(p.row, p.field) for p in caught.value.problems} == {
        (3, "個案.application_date"),
        (4, "個案基本資料.id_number"),
    }


def test_a_file_that_is_not_a_workbook_is_a_clear_error(target: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ExchangeFileError, match="not an Excel workbook"):
        import_xlsx(target, path)


# --- the documentation keeps up with the format -------------------------------------------------------------------


def test_data_format_doc_names_every_kind_and_field() -> None:
    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    for kind in schema.walk():
        assert f"`{kind.key}`" in doc and kind.sheet in doc
        for field in kind.fields:
            assert f"`{field.key}`" in doc and field.label_zh in doc, (kind.key, field.key)
        for list_name in {f.code_list for f in kind.fields} - {None}:
            assert f"`{list_name}`" in doc


def test_the_documented_example_imports(store: Store, tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]
    summary = import_json(store, _write(tmp_path / "example.json", json.loads(example)))
    assert summary.inserted == {
        "clients": 1,
        "certificates": 1,
        "cases": 1,
        "records": 1,
        "employments": 1,
        "closure": 1,
    }


@pytest.mark.parametrize("version", ["true", "1.0", '"1"'])
def test_a_version_that_only_looks_like_one_is_refused(target: Store, tmp_path: Path, version: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(f'{{"format": "fieldcase-exchange", "version": {version}}}', encoding="utf-8")
    with pytest.raises(ExchangeFileError, match="format version"):
        import_json(target, path)


def test_an_export_to_a_missing_folder_is_a_clear_error(source: Store, tmp_path: Path) -> None:
    with pytest.raises(ExchangeFileError, match="Cannot write the export file"):
        export_json(source, tmp_path / "no" / "such" / "folder.json")
    with pytest.raises(ExchangeFileError, match="Cannot write the export file"):
        export_xlsx(source, tmp_path / "no" / "such" / "folder.xlsx")


def test_a_correction_may_come_before_the_record_it_corrects(
    exported: dict[str, Any], target: Store, tmp_path: Path
) -> None:
    records = exported["clients"][0]["cases"][0]["records"]
    records.reverse()  # the correcting record now precedes the finalised one it points to
    assert records[0]["corrects_id"] == records[-1]["id"]
    summary = import_json(target, _write(tmp_path / "reversed.json", exported))
    assert summary.inserted["records"] == 4


def test_rows_from_another_system_need_no_ids(target: Store, tmp_path: Path) -> None:
    client = {"id_number": " a123456789 ", "name": "王小明 ", "gender": "M", "birth_date": "79/1/2",
              "mobile_phone": "+886 912 345 678", "target_groups": ["disabled"],
              "cases": [{"programme": "vr", "source": "self", "application_date": "1140303", "owner": "cm.lin",
                         "county": "TPE", "records": [{"mode": "phone", "held_on": "2025/3/5"}]}]}  # fmt: skip
    document = {"format": "fieldcase-exchange", "version": 1, "clients": [client]}
    summary = import_json(target, _write(tmp_path / "other.json", document))
    assert summary.inserted == {"clients": 1, "cases": 1, "records": 1}
    with target.transaction() as db:
        stored = db.scalars(select(Client)).one()
        assert (stored.id_number, stored.name, stored.mobile_phone) == (ID_A, "王小明", "0912-345-678")
        assert stored.cases[0].records[0].held_on == date(2025, 3, 5)

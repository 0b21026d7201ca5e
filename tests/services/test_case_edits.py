"""What the 基本資料, 晤談紀錄 and 需求評估 tabs save, and the 歷程 timeline, against the real encrypted store."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from app.errors import ProblemsError, RuleError
from app.models import Case, Client, ContactAttempt, DisabilityCertificate, Employment, NeedsAssessment, ServiceRecord
from app.models.enums import (
    CertificateSystem,
    ContactMode,
    ContactOutcome,
    Gender,
    IdKind,
    IntakeDecision,
    RecordKind,
    RecordStatus,
    Stage,
)
from app.services import case_edits as edits
from app.services import clock
from app.services.cases import load_case
from app.services.timeline import Step, case_timeline, snippet
from app.services.validation import make_national_id, make_resident_id
from app.store.store import Store
from tests.factories import make_case, make_client, make_record


@pytest.fixture
def case_ids(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    """(case id, client id) of a plain VR case of 王小明."""
    with store.transaction() as db:
        case = make_case(make_client())
        db.add(case)
        db.flush()
        return case.id, case.client.id


def client_values(**changes: object) -> edits.ClientValues:
    values = edits.ClientValues(
        name="王小明",
        id_number="A123456789",
        gender=Gender.MALE,
        birth_date=date(1990, 1, 2),
        residence_county="TPE",
        residence_township="大安區",
        residence_address="復興南路一段 1 號",
        mobile_phone="0912345678",
    )
    return dataclasses.replace(values, **changes)  # type: ignore[arg-type]


def certificate(**changes: object) -> edits.CertificateValues:
    values = edits.CertificateValues(
        system=CertificateSystem.NEW,
        categories=("icf_1",),
        severity="moderate",
        issued_on=date(2024, 5, 1),
        expires_on=date(2029, 5, 1),
    )
    return dataclasses.replace(values, **changes)  # type: ignore[arg-type]


def fields_of(error: ProblemsError) -> list[str]:
    return [problem.field for problem in error.problems]


# --- 基本資料 ---------------------------------------------------------------------------------------------------


def test_profile_is_saved_with_canonical_values(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    _, client_id = case_ids
    resident = make_resident_id("A", "8", 1234567)
    values = client_values(
        name=" 王小明 ",
        id_number=resident.lower(),
        mobile_phone="０９１２３４５６７８",
        home_phone="0223456789#12",
        target_groups=("disabled", "indigenous"),
        indigenous_tribe="amis",
        data_consent=True,
        data_consent_on=date(2025, 3, 3),
    )
    with store.transaction() as db:
        edits.save_profile(db, client_id, values, [certificate()])
    with store.transaction() as db:
        client = db.get(Client, client_id)
        assert client is not None
        assert (client.name, client.id_number, client.id_kind) == ("王小明", resident, IdKind.RESIDENT_NEW)
        assert (client.mobile_phone, client.home_phone) == ("0912-345-678", "02-2345-6789#12")
        assert client.target_groups == ["disabled", "indigenous"] and client.contact_name is None
        assert [c.categories for c in client.certificates] == [["icf_1"]]


def test_every_problem_is_reported_and_nothing_changes(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    _, client_id = case_ids
    tomorrow = clock.today() + timedelta(days=1)
    values = client_values(
        name="林美惠",
        id_number="A123456788",
        birth_date=tomorrow,
        home_phone="2345678",
        residence_county=None,
        data_consent=True,
    )
    bad_certificate = certificate(categories=("old_visual",), severity=None, expires_on=None)
    with pytest.raises(ProblemsError) as raised, store.transaction() as db:
        edits.save_profile(db, client_id, values, [bad_certificate])
    assert fields_of(raised.value) == [
        "id_number",
        "birth_date",
        "residence_county",
        "home_phone",
        "data_consent_on",
        "certificate.0.categories",
        "certificate.0.severity",
        "certificate.0.expires_on",
    ]
    assert "檢查碼" in raised.value.problems[0].message_zh
    with store.transaction() as db:
        client = db.get(Client, client_id)
        assert client is not None and client.name == "王小明" and client.certificates == []


def test_an_id_number_of_another_client_is_refused(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    _, client_id = case_ids
    other = make_national_id("F", 2, 7654321)
    with store.transaction() as db:
        db.add(make_client(name="陳怡君", id_number=other, gender=Gender.FEMALE))
    with pytest.raises(ProblemsError) as raised, store.transaction() as db:
        edits.update_client(db, client_id, client_values(id_number=other))
    assert fields_of(raised.value) == ["id_number"] and "陳怡君" in raised.value.problems[0].message_zh


def test_certificates_are_added_changed_and_removed(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    _, client_id = case_ids
    with store.transaction() as db:
        first = edits.save_certificate(db, client_id, certificate())
    with store.transaction() as db:
        edits.save_certificate(db, client_id, certificate(id=first, no_expiry=True, reassess_on=date(2030, 1, 1)))
        edits.save_certificate(db, client_id, certificate(system=CertificateSystem.OLD, categories=("old_limb",)))
    with store.transaction() as db:
        stored = db.get(DisabilityCertificate, first)
        assert stored is not None and stored.no_expiry and stored.expires_on is None
        edits.save_certificate(db, client_id, certificate(id=first, removed=True))
    with store.transaction() as db:
        client = db.get(Client, client_id)
        assert client is not None
        assert [(c.system, c.deleted) for c in client.certificates] == [
            (CertificateSystem.NEW, True),
            (CertificateSystem.OLD, False),
        ]


# --- 晤談紀錄 ---------------------------------------------------------------------------------------------------


def record_values(**changes: object) -> edits.RecordValues:
    values = edits.RecordValues(
        kind=RecordKind.INTERVIEW, mode=ContactMode.HOME_VISIT, held_on=date(2025, 3, 5), place="案家", notes="初談"
    )
    return dataclasses.replace(values, **changes)  # type: ignore[arg-type]


def test_a_draft_is_created_updated_finalised_and_then_frozen(
    store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]
) -> None:
    case_id, _ = case_ids
    with store.transaction() as db:
        record_id = edits.save_draft_record(db, case_id, None, record_values())
    with store.transaction() as db:
        assert edits.save_draft_record(db, case_id, record_id, record_values(held_on=None, notes="初談，想做烘焙")) == (
            record_id
        )
    with store.transaction() as db:
        record = db.get(ServiceRecord, record_id)
        assert record is not None
        assert (record.held_on, record.notes, record.status) == (date(2025, 3, 5), "初談，想做烘焙", RecordStatus.DRAFT)
        edits.finalise_record(db, record_id)
    with store.transaction() as db:
        record = db.get(ServiceRecord, record_id)
        assert record is not None and record.status == RecordStatus.FINAL and record.finalised_at is not None
    with pytest.raises(RuleError), store.transaction() as db:
        edits.save_draft_record(db, case_id, record_id, record_values(notes="改寫"))
    with pytest.raises(RuleError), store.transaction() as db:
        edits.finalise_record(db, record_id)


def test_a_draft_can_be_created_with_the_id_its_editor_chose(
    store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]
) -> None:
    case_id, _ = case_ids
    chosen = uuid.uuid4()
    with store.transaction() as db:
        assert edits.save_draft_record(db, case_id, chosen, record_values()) == chosen
        assert edits.save_draft_record(db, case_id, chosen, record_values(notes="再存一次")) == chosen
        assessment = edits.save_assessment_draft(db, case_id, chosen, edits.AssessmentValues(None))
    with store.transaction() as db:
        assert [(r.id, r.notes) for r in db.query(ServiceRecord).all()] == [(chosen, "再存一次")]
        assert db.get(NeedsAssessment, assessment) is not None


def test_a_new_draft_without_a_date_is_dated_today_and_empty_notes_cannot_be_finalised(
    store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]
) -> None:
    case_id, _ = case_ids
    with store.transaction() as db:
        record_id = edits.save_draft_record(db, case_id, None, record_values(held_on=None, notes=" "))
    with pytest.raises(ProblemsError) as raised, store.transaction() as db:
        edits.finalise_record(db, record_id)
    assert fields_of(raised.value) == ["notes"]
    with store.transaction() as db:
        record = db.get(ServiceRecord, record_id)
        assert record is not None and record.held_on == clock.today() and record.status == RecordStatus.DRAFT


def test_future_dates_and_bad_durations_are_refused(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    case_id, _ = case_ids
    future = clock.today() + timedelta(days=3)
    with pytest.raises(ProblemsError) as raised, store.transaction() as db:
        edits.save_draft_record(db, case_id, None, record_values(held_on=future, duration_minutes=-5))
    assert fields_of(raised.value) == ["held_on", "duration_minutes"]
    with store.transaction() as db:
        assert db.query(ServiceRecord).count() == 0


def test_a_correction_points_at_the_record_and_is_made_once(
    store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]
) -> None:
    case_id, _ = case_ids
    with store.transaction() as db:
        draft_id = edits.save_draft_record(db, case_id, None, record_values())
    with pytest.raises(RuleError), store.transaction() as db:
        edits.add_correction(db, draft_id)
    with store.transaction() as db:
        edits.finalise_record(db, draft_id)
    with store.transaction() as db:
        correction_id = edits.add_correction(db, draft_id)
    with store.transaction() as db:
        assert edits.add_correction(db, draft_id) == correction_id
        correction = db.get(ServiceRecord, correction_id)
        assert correction is not None
        assert (correction.corrects_id, correction.status, correction.notes) == (draft_id, RecordStatus.DRAFT, "初談")


def test_registration_needs_a_finalised_record_and_a_sensible_date(
    store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]
) -> None:
    case_id, _ = case_ids
    with store.transaction() as db:
        record_id = edits.save_draft_record(db, case_id, None, record_values())
    with pytest.raises(RuleError), store.transaction() as db:
        edits.mark_registered(db, record_id, date(2025, 3, 6))
    with store.transaction() as db:
        edits.finalise_record(db, record_id)
    with pytest.raises(ProblemsError), store.transaction() as db:
        edits.mark_registered(db, record_id, date(2025, 3, 4))
    with store.transaction() as db:
        edits.mark_registered(db, record_id, date(2025, 3, 6))
    with store.transaction() as db:
        record = db.get(ServiceRecord, record_id)
        assert record is not None and record.registered_on == date(2025, 3, 6)


def test_a_discarded_draft_is_tombstoned(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    case_id, _ = case_ids
    with store.transaction() as db:
        record_id = edits.save_draft_record(db, case_id, None, record_values())
    with store.transaction() as db:
        edits.discard_draft_record(db, record_id)
    with store.transaction() as db:
        assert load_case(db, case_id, audit=False).records[0].deleted


def test_contact_attempts_are_appended(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    case_id, _ = case_ids
    at = datetime(2025, 3, 4, 1, 30, tzinfo=UTC)
    values = edits.ContactAttemptValues(at, ContactMode.PHONE, ContactOutcome.NO_ANSWER, " 響很久 ")
    with store.transaction() as db:
        edits.add_contact_attempt(db, case_id, values)
    with pytest.raises(ProblemsError), store.transaction() as db:
        edits.add_contact_attempt(db, case_id, dataclasses.replace(values, attempted_at=clock.now() + timedelta(1)))
    with store.transaction() as db:
        attempts = db.query(ContactAttempt).all()
        assert [(a.attempted_at, a.note) for a in attempts] == [(at, "響很久")]


# --- 需求評估 ---------------------------------------------------------------------------------------------------


def test_an_assessment_draft_is_saved_and_finalised(store: Store, case_ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    case_id, _ = case_ids
    values = edits.AssessmentValues(
        assessed_on=date(2025, 3, 10), methods=("晤談",), recommended_services=("vocational_evaluation",)
    )
    with store.transaction() as db:
        assessment_id = edits.save_assessment_draft(db, case_id, None, values)
    with pytest.raises(ProblemsError) as raised, store.transaction() as db:
        edits.finalise_assessment(db, assessment_id)
    assert fields_of(raised.value) == ["summary"]
    with store.transaction() as db:
        edits.save_assessment_draft(db, case_id, assessment_id, dataclasses.replace(values, summary="建議職評"))
        edits.finalise_assessment(db, assessment_id)
    with store.transaction() as db:
        assessment = db.get(NeedsAssessment, assessment_id)
        assert assessment is not None
        assert (assessment.status, assessment.assessor, assessment.summary) == (
            RecordStatus.FINAL,
            "cm.chen",
            "建議職評",
        )
    with pytest.raises(RuleError), store.transaction() as db:
        edits.save_assessment_draft(db, case_id, assessment_id, values)
    with pytest.raises(ProblemsError), store.transaction() as db:
        edits.save_assessment_draft(db, case_id, None, dataclasses.replace(values, recommended_services=("nope",)))


# --- 歷程 -------------------------------------------------------------------------------------------------------


def test_the_timeline_lists_what_happened_newest_first(store: Store) -> None:
    with store.transaction() as db:
        case = make_case(
            make_client(),
            source="education",
            stage=Stage.F,
            intake_assessed_on=date(2025, 3, 4),
            intake_assessment="有就業意願\n第二行",
            decision=IntakeDecision.OPEN,
            opened_on=date(2025, 3, 5),
            reply_sent_on=date(2025, 3, 6),
        )
        db.add(case)
        first = make_record(case, held_on=date(2025, 3, 5), status=RecordStatus.FINAL, duration_minutes=60)
        db.add(first)
        db.flush()
        db.add(make_record(case, held_on=date(2025, 3, 20), notes="更正內容", corrects_id=first.id))
        db.add(
            ContactAttempt(
                case=case,
                attempted_at=datetime(2025, 3, 19, 17, 0, tzinfo=UTC),  # 3/20 01:00 in Taiwan
                channel=ContactMode.PHONE,
                outcome=ContactOutcome.NO_ANSWER,
            )
        )
        db.add(Employment(case=case, employer="全聯", job_title="理貨員", start_on=date(2025, 4, 1), hours_per_week=40))
        db.flush()
        entries = case_timeline(load_case(db, case.id, audit=False))
    assert [(e.on, e.step) for e in entries] == [
        (date(2025, 4, 1), Step.EMPLOYMENT_START),
        (date(2025, 3, 20), Step.RECORD),
        (date(2025, 3, 20), Step.CONTACT_ATTEMPT),
        (date(2025, 3, 6), Step.REPLY),
        (date(2025, 3, 5), Step.RECORD),
        (date(2025, 3, 5), Step.DECISION),
        (date(2025, 3, 4), Step.INTAKE),
        (date(2025, 3, 3), Step.APPLICATION),
    ]
    texts = [e.text() for e in entries]
    assert texts[0] == "就業：全聯 理貨員（每週 40 小時）"
    assert texts[1] == "面談・晤談紀錄，更正 114/03/05 的紀錄〔草稿〕：更正內容" and entries[1].draft
    assert texts[2] == "聯繫（電訪）：無人接聽"
    assert texts[4] == "面談・晤談紀錄（60 分鐘）：初次晤談，討論就業意願"
    assert texts[6] == "接案評估：有就業意願" and entries[7].text() == "申請（來源：教育）"
    assert entries[7].text("en") == "Application (source: Education (transition / referral))"
    assert (entries[1].target_kind, entries[1].date_text()) == ("service", "114/03/20")


def test_snippets_keep_the_first_line_short() -> None:
    assert snippet("\n  第一行  \n第二行") == "第一行"
    assert snippet("字" * 50, 10) == "字" * 9 + "…"


def test_a_case_not_opened_shows_the_reason(store: Store) -> None:
    with store.transaction() as db:
        case: Case = make_case(
            make_client(),
            stage=Stage.G,
            intake_assessed_on=date(2025, 3, 4),
            decision=IntakeDecision.NOT_OPEN,
            decision_reason="需醫療資源優先",
            closed_on=date(2025, 3, 5),
        )
        db.add(case)
        db.flush()
        entries = case_timeline(load_case(db, case.id, audit=False))
    assert entries[0].text() == "不開案：需醫療資源優先"
    assert entries[0].text("en") == "Not opened: 需醫療資源優先"

"""Every local edit lands in the outbox (coalesced per record, with base values) and the audit log."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app.errors import RuleError, StoreError
from app.models import AuditEntry, Case, Client, OutboxOp, ServiceRecord, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.models.sync import ReadOnlyRecord
from app.store.store import Store
from app.store.tracking import INFO_APPLYING_SYNC
from tests.factories import make_case, make_client, make_record


def _ops(store: Store) -> list[OutboxOp]:
    with store.transaction() as db:
        return list(db.scalars(select(OutboxOp).order_by(OutboxOp.seq)))


def _synced_client(store: Store) -> Client:
    """A client as if pulled from the server at version 7: no outbox op, as the sync client writes it."""
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True
        client = make_client(version=7)
        db.add(client)
    return client


def test_insert_records_full_values_and_stamps(store: Store) -> None:
    with store.transaction() as db:
        client = make_client()
        db.add(client)
    (op,) = _ops(store)
    assert (op.op, op.record_type, op.record_id, op.base_version) == ("insert", "client", client.id, 0)
    assert op.fields["name"] == {"base": None, "new": "王小明"}
    assert op.fields["birth_date"]["new"] == "1990-01-02"
    assert op.device_id == store.device_id
    assert client.updated_by == "cm.chen"


def test_updates_coalesce_and_keep_the_synced_base(store: Store) -> None:
    client = _synced_client(store)
    for name in ("王曉明", "王小民", "王大明"):
        with store.transaction() as db:
            db.get_one(Client, client.id).name = name
    with store.transaction() as db:
        db.get_one(Client, client.id).mobile_phone = "0911111111"
    (op,) = _ops(store)
    assert op.op == "update" and op.base_version == 7
    assert op.fields == {
        "name": {"base": "王小明", "new": "王大明"},
        "mobile_phone": {"base": "0912345678", "new": "0911111111"},
    }


def test_editing_back_to_the_base_leaves_nothing_to_send(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王曉明"
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王小明"
    assert _ops(store) == []


def test_pushed_op_is_not_coalesced_into(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王曉明"
    with store.transaction() as db:
        db.scalars(select(OutboxOp)).one().pushed_at = datetime.now(UTC)
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王大明"
    ops = _ops(store)
    assert [o.fields["name"]["new"] for o in ops] == ["王曉明", "王大明"]


def test_tombstone_is_a_delete_op_and_real_delete_is_refused(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).deleted = True
    (op,) = _ops(store)
    assert op.op == "delete"
    with pytest.raises(StoreError, match="刪除標記"), store.transaction() as db:
        db.delete(db.get_one(Client, client.id))


def test_finalised_record_is_immutable_but_can_be_registered(store: Store) -> None:
    with store.transaction() as db:
        record = make_record(make_case(make_client()))
        db.add(record)
    with store.transaction() as db:
        row = db.get_one(ServiceRecord, record.id)
        row.status = RecordStatus.FINAL
        row.notes = "定稿內容"
    with pytest.raises(RuleError, match="已定稿"), store.transaction() as db:
        db.get_one(ServiceRecord, record.id).notes = "事後竄改"
    with store.transaction() as db:
        db.get_one(ServiceRecord, record.id).registered_on = date(2025, 3, 10)
    with store.transaction() as db:
        row = db.get_one(ServiceRecord, record.id)
        assert (row.notes, row.registered_on) == ("定稿內容", date(2025, 3, 10))


def test_sync_writes_make_no_outbox_ops(store: Store) -> None:
    _synced_client(store)
    assert _ops(store) == []


def test_audit_names_fields_but_not_values(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王曉明"
    with store.transaction() as db:
        entries = list(db.scalars(select(AuditEntry)))
    assert [(e.action, e.actor, e.record_id, e.detail) for e in entries] == [("update", "cm.chen", client.id, "name")]


def test_rows_made_through_relationships_carry_their_foreign_keys(store: Store) -> None:
    """Rows linked only through a relationship must reach the outbox with their foreign keys filled."""
    from app.models import PlanItem
    from app.models.enums import IntakeDecision, PlanPart
    from app.services import workflow
    from app.services.cases import load_case

    with store.transaction() as db:
        client = make_client()
        db.add(make_case(client))  # Case(client=client): client_id only through the relationship
    with store.transaction() as db:
        case_id = db.scalars(select(OutboxOp.record_id).where(OutboxOp.record_type == "case")).one()
        case = load_case(db, case_id)
        workflow.record_intake_assessment(case, date(2025, 3, 5), "評估")
        workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
        plan = workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 10))
        plan.items.append(PlanItem(part=PlanPart.PRE_EMPLOYMENT, service_kind="vocational_evaluation"))
        workflow.close_case(case, date(2025, 4, 1), "moved_away")
    by_type = {op.record_type: op.fields for op in _ops(store)}
    assert by_type["case"]["client_id"]["new"] == str(client.id)
    assert by_type["service_plan"]["case_id"]["new"] == str(case_id)
    assert by_type["plan_item"]["plan_id"]["new"] == str(plan.id)
    assert by_type["closure"]["case_id"]["new"] == str(case_id)


def test_base_is_right_even_when_the_attribute_was_expired(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        row = db.get_one(Client, client.id)
        db.expire(row)  # as after a refresh or a rolled-back savepoint
        row.name = "王曉明"
    (op,) = _ops(store)
    assert op.fields == {"name": {"base": "王小明", "new": "王曉明"}}


def test_expiry_does_not_open_a_way_to_unfinalise(store: Store) -> None:
    with store.transaction() as db:
        record = make_record(make_case(make_client()), status=RecordStatus.FINAL, notes="定稿內容")
        db.add(record)
    with pytest.raises(RuleError, match="已定稿"), store.transaction() as db:
        row = db.get_one(ServiceRecord, record.id)
        db.expire(row)
        row.status = RecordStatus.DRAFT
        row.notes = "事後竄改"
    with store.transaction() as db:
        assert db.get_one(ServiceRecord, record.id).notes == "定稿內容"


def test_contact_attempts_are_append_only(store: Store) -> None:
    from app.models import ContactAttempt
    from app.models.enums import ContactMode, ContactOutcome

    with store.transaction() as db:
        attempt = ContactAttempt(
            case=make_case(make_client()),
            attempted_at=datetime(2025, 5, 2, 2, tzinfo=UTC),
            channel=ContactMode.PHONE,
            outcome=ContactOutcome.NO_ANSWER,
        )
        db.add(attempt)
    with pytest.raises(RuleError, match="聯繫紀錄"), store.transaction() as db:
        db.get_one(ContactAttempt, attempt.id).outcome = ContactOutcome.REACHED
    with store.transaction() as db:
        db.get_one(ContactAttempt, attempt.id).deleted = True  # entered on the wrong case: tombstoned, audited


def test_tombstone_undone_before_sync_leaves_nothing_to_send(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).deleted = True
    with store.transaction() as db:
        db.get_one(Client, client.id).deleted = False
    assert _ops(store) == []


def _team_case_as_pulled(store: Store) -> tuple[Client, Case]:
    """A team case on a supervisor's laptop: written by the sync client and marked read-only, as the pull does."""
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True
        client = make_client(version=3)
        case = make_case(client, version=3)
        db.add_all([client, case])
        db.flush()
        db.add_all([ReadOnlyRecord(record_id=r.id, record_type=t) for r, t in ((client, "client"), (case, "case"))])
    return client, case


def test_a_read_only_record_is_not_changed_and_nothing_is_queued(store: Store) -> None:
    client, _ = _team_case_as_pulled(store)
    with pytest.raises(RuleError) as refused, store.transaction() as db:
        db.get_one(Client, client.id).name = "王大明"
    assert "唯讀" in refused.value.message_zh
    with store.transaction() as db:
        assert db.get_one(Client, client.id).name == "王小明"
    assert _ops(store) == []


def test_nothing_new_hangs_on_a_read_only_case_but_supervision_notes(store: Store) -> None:
    _, case = _team_case_as_pulled(store)
    with pytest.raises(RuleError), store.transaction() as db:
        db.add(make_record(db.get_one(Case, case.id)))
    assert _ops(store) == []
    with store.transaction() as db:
        db.add(
            SupervisionNote(
                case_id=case.id,
                case_ids=[str(case.id)],
                kind=SupervisionKind.INDIVIDUAL,
                held_on=date(2025, 3, 6),
                supervisor="sup.lin",
            )
        )
    assert [op.record_type for op in _ops(store)] == ["supervision_note"]


def test_records_not_marked_read_only_stay_editable(store: Store) -> None:
    _team_case_as_pulled(store)
    own = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, own.id).name = "王曉明"
    assert [op.record_id for op in _ops(store)] == [own.id]


def test_a_read_only_case_may_change_owner_alone(store: Store) -> None:
    """移案 by the team's supervisor, as the server allows it; nothing else of the case may change with it."""
    _, case = _team_case_as_pulled(store)
    with pytest.raises(RuleError), store.transaction() as db:
        team_case = db.get_one(Case, case.id)
        team_case.owner, team_case.county = "cm.lin", "臺東縣"
    assert _ops(store) == []
    with store.transaction() as db:
        db.get_one(Case, case.id).owner = "cm.lin"
    (op,) = _ops(store)
    assert op.record_id == case.id and set(op.fields) == {"owner"}

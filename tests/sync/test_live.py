"""Sync against a real `fieldcase-server` process: merges, conflicts both sides see, resolutions, lost responses,
transfers, rejected edits, drift repair, revoked devices and protocol mismatch."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from app.errors import RuleError
from app.models import Case, CaseTransfer, Client, ContactAttempt, ServiceRecord
from app.models.base import SyncMixin, utcnow
from app.models.enums import ContactMode, ContactOutcome
from app.models.sync import ReadOnlyRecord
from app.services.handover import transfer_cases
from app.services.validation import make_national_id
from app.store.tracking import INFO_APPLYING_SYNC
from app.sync.client import local_scope_hash, logout, read_only_ids, sync, sync_status
from app.sync.conflicts import open_conflicts, pending_count, rejected_edits, resolve_conflict
from app.sync.credentials import load_token
from app.sync.errors import DeviceRevoked, NotLoggedIn, ProtocolMismatch
from app.sync.progress import Progress
from app.sync.transport import Transport
from tests.factories import make_case, make_client, make_record
from tests.sync.live import Laptop, LiveServer, laptops
from tests.sync.proxy import DroppingProxy


def add_case(laptop: Laptop, serial: int = 1, name: str = "王小明") -> tuple[uuid.UUID, uuid.UUID]:
    with laptop.store.transaction() as db:
        client = make_client(name=name, id_number=make_national_id("A", 1, serial))
        case = make_case(client, owner=laptop.username)
        db.add_all([client, case, make_record(case)])
    return client.id, case.id


def attempt(case_id: uuid.UUID, note: str = "") -> ContactAttempt:
    return ContactAttempt(
        case_id=case_id, attempted_at=utcnow(), channel=ContactMode.PHONE, outcome=ContactOutcome.REACHED, note=note
    )


def edit(laptop: Laptop, model: type[SyncMixin], record_id: uuid.UUID, **values: object) -> None:
    with laptop.store.transaction() as db:
        row: SyncMixin = db.get_one(model, record_id)
        for key, value in values.items():
            setattr(row, key, value)


def value(laptop: Laptop, model: type[SyncMixin], record_id: uuid.UUID, key: str) -> object:
    with laptop.store.transaction() as db:
        return getattr(db.get_one(model, record_id), key)


def test_two_laptops_merge_different_fields_and_both_see_a_same_field_conflict(
    live_server: LiveServer, tmp_path: Path
) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen", "sup.wang") as (office, field, supervisor):
        client_id, case_id = add_case(office)
        assert office.sync().pushed == 3
        assert field.sync().applied == 3
        assert supervisor.sync().applied == 3

        # offline on both laptops
        edit(office, Client, client_id, strengths="守時、細心")
        edit(field, Client, client_id, health="需定期回診")
        edit(office, Case, case_id, intake_assessment="適合支持性就業")
        edit(field, Case, case_id, intake_assessment="建議先職業評量")

        office.sync()
        report = field.sync()
        assert report.conflicts_new == 1 and report.conflicts_open == 1
        office.sync()
        supervisor.sync()

        for laptop in (office, field):
            assert value(laptop, Client, client_id, "strengths") == "守時、細心"
            assert value(laptop, Client, client_id, "health") == "需定期回診"
            # the server kept the value that got there first; the later one waits in the conflict
            assert value(laptop, Case, case_id, "intake_assessment") == "適合支持性就業"
        seen = [open_conflicts(laptop.store) for laptop in (office, field, supervisor)]
        for conflicts in seen:
            (conflict,) = conflicts
            assert (conflict.record_id, conflict.field) == (case_id, "intake_assessment")
            assert (conflict.mine, conflict.theirs, conflict.base) == ("建議先職業評量", "適合支持性就業", "")
        assert local_scope_hash(office.store) == local_scope_hash(field.store)

        # the field laptop resolves; the resolution reaches everyone
        resolve_conflict(field.store, seen[1][0].id, "建議先職業評量")
        assert value(field, Case, case_id, "intake_assessment") == "建議先職業評量"
        assert open_conflicts(field.store)[0].pending
        field.sync()
        office.sync()
        supervisor.sync()
        for laptop in (office, field, supervisor):
            assert value(laptop, Case, case_id, "intake_assessment") == "建議先職業評量"
            assert open_conflicts(laptop.store) == []


def test_a_second_resolution_loses_to_the_first_and_is_kept_as_a_rejected_edit(
    live_server: LiveServer, tmp_path: Path
) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen") as (a, b):
        _, case_id = add_case(a)
        a.sync()
        b.sync()
        edit(a, Case, case_id, decision_reason="甲")
        edit(b, Case, case_id, decision_reason="乙")
        a.sync()
        b.sync()
        a.sync()
        (conflict,) = open_conflicts(a.store)
        resolve_conflict(a.store, conflict.id, "甲")
        resolve_conflict(b.store, conflict.id, "乙")
        a.sync()
        report = b.sync()
        assert report.rejected == 1
        (lost,) = rejected_edits(b.store)
        assert lost.record_type == "sync_conflict" and lost.fields["value"]["new"] == "乙"
        a.sync()
        for laptop in (a, b):
            assert value(laptop, Case, case_id, "decision_reason") == "甲"
            assert open_conflicts(laptop.store) == []


def test_a_lost_push_response_is_retried_and_applied_once(live_server: LiveServer, tmp_path: Path) -> None:
    proxy = DroppingProxy(live_server.port)
    try:
        with laptops(live_server, tmp_path, "cm.chen", "cm.chen") as (laptop, other):
            client_id, case_id = add_case(laptop)
            laptop.sync()
            other.sync()
            edit(laptop, Client, client_id, strengths="第一版")
            with laptop.store.transaction() as db:
                db.add(attempt(case_id))
            # the same laptop, now behind a link that loses the answer to its first push
            transport = Transport(proxy.url, _token(laptop))
            report = sync(laptop.store, transport=transport)
            transport.close()
            assert proxy.dropped == 1
            assert report.retries >= 1 and report.replayed == 2 and report.pushed == 2
            assert report.conflicts_open == 0 and report.pending == 0
            other.sync()
            with other.store.transaction() as db:
                assert db.scalar(select(func.count()).select_from(ContactAttempt)) == 1
                assert db.get_one(Client, client_id).strengths == "第一版"
            assert local_scope_hash(laptop.store) == local_scope_hash(other.store)
            assert laptop.sync().pulled == 0  # nothing new: the server holds each edit once
    finally:
        proxy.close()


def test_a_transfer_is_a_scope_removal_for_the_old_owner_and_full_records_for_the_new(
    live_server: LiveServer, tmp_path: Path
) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "cm.lin") as (chen, lin):
        client_id, case_id = add_case(chen)
        kept_client, kept_case = add_case(chen, serial=2, name="李大華")
        chen.sync()
        lin.sync()
        with chen.store.transaction() as db:
            transfer_cases(db, [case_id], "cm.lin", reason="轄區調整")
        report = chen.sync()
        assert report.removed >= 4  # client, case, record, transfer
        with chen.store.transaction() as db:
            assert db.get(Case, case_id) is None and db.get(Client, client_id) is None
            assert db.get(Case, kept_case) is not None and db.get(Client, kept_client) is not None
        lin.sync()
        with lin.store.transaction() as db:
            case = db.get_one(Case, case_id)
            assert case.owner == "cm.lin" and case.client_id == client_id
            assert db.get(Client, client_id) is not None
            assert db.scalar(select(func.count()).select_from(ServiceRecord)) == 1
            assert db.scalars(select(CaseTransfer.to_owner)).all() == ["cm.lin"]
            assert db.get(Case, kept_case) is None
        assert not chen.sync().repaired and not lin.sync().repaired


def test_a_supervisor_hands_a_team_case_over(live_server: LiveServer, tmp_path: Path) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "cm.lin", "sup.wang") as (chen, lin, supervisor):
        client_id, case_id = add_case(chen)
        chen.sync()
        supervisor.sync()
        with supervisor.store.transaction() as db:  # a read-only team case: only its owner may change
            transfer_cases(db, [case_id], "cm.lin", reason="陳職管員離職")
        report = supervisor.sync()
        assert report.rejected == 0 and pending_count(supervisor.store) == 0
        assert chen.sync().removed >= 3  # client, case, record
        with chen.store.transaction() as db:
            assert db.get(Case, case_id) is None and db.get(Client, client_id) is None
        lin.sync()
        with lin.store.transaction() as db:
            assert db.get_one(Case, case_id).owner == "cm.lin"
            assert db.scalars(select(CaseTransfer.reason)).all() == ["陳職管員離職"]
        with supervisor.store.transaction() as db:
            assert db.get_one(Case, case_id).owner == "cm.lin"
        assert read_only_ids(supervisor.store, [case_id]) == {case_id}  # still the supervisor's to read only


def test_a_supervisors_edit_of_a_read_only_record_is_refused_by_laptop_and_server(
    live_server: LiveServer, tmp_path: Path
) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "sup.wang") as (chen, supervisor):
        client_id, case_id = add_case(chen)
        chen.sync()
        supervisor.sync()
        assert read_only_ids(supervisor.store, [client_id, case_id]) == {client_id, case_id}
        assert read_only_ids(chen.store, [client_id, case_id]) == set()
        with pytest.raises(RuleError):  # the laptop refuses it before the server has to
            edit(supervisor, Client, client_id, strengths="督導改的")
        assert pending_count(supervisor.store) == 0
        # The server refuses it too, from a laptop that does not know the record is read-only (an older version).
        with supervisor.store.transaction() as db:
            db.execute(delete(ReadOnlyRecord))
        edit(supervisor, Client, client_id, strengths="督導改的")
        report = supervisor.sync()
        assert report.rejected == 1
        (edit_kept,) = rejected_edits(supervisor.store)
        assert edit_kept.fields["strengths"]["new"] == "督導改的" and edit_kept.message_zh
        assert value(supervisor, Client, client_id, "strengths") == ""


def test_drift_is_repaired_by_a_full_pull_not_a_wipe(live_server: LiveServer, tmp_path: Path) -> None:
    with laptops(live_server, tmp_path, "cm.chen") as (laptop,):
        client_id, case_id = add_case(laptop)
        laptop.sync()
        stray = uuid.uuid4()
        with laptop.store.transaction() as db:
            db.info[INFO_APPLYING_SYNC] = True
            db.get_one(Client, client_id).version = 1  # a lost change
            db.add(make_record(db.get_one(Case, case_id), id=stray, version=99))  # a row the server never sent
        unsynced_id = uuid.uuid4()
        with laptop.store.transaction() as db:
            db.add(make_record(db.get_one(Case, case_id), id=unsynced_id, notes="還沒同步"))
        report = laptop.sync()
        assert report.repaired and not report.drift
        with laptop.store.transaction() as db:
            assert db.get_one(Client, client_id).version > 1
            assert db.get(ServiceRecord, stray) is None
            assert db.get(ServiceRecord, unsynced_id) is not None  # pushed, then pulled back
        assert not laptop.sync().repaired


def test_a_revoked_laptop_is_told_so(live_server: LiveServer, tmp_path: Path) -> None:
    with laptops(live_server, tmp_path, "cm.chen") as (laptop,):
        laptop.sync()
        live_server.cli("revoke-device", "--user", "cm.chen")
        with pytest.raises(DeviceRevoked):
            laptop.sync()


def test_an_incompatible_protocol_asks_for_an_update(live_server: LiveServer) -> None:
    with Transport(live_server.url, protocol=99) as transport, pytest.raises(ProtocolMismatch) as caught:
        transport.post("/auth/login", {"username": "cm.chen", "password": "x", "device_name": "x"})
    assert "更新" in caught.value.message_zh and "update" in caught.value.message_en


def _token(laptop: Laptop) -> str:
    return load_token(laptop.store)


def test_an_edit_typed_during_a_sync_survives_the_pull_and_meets_the_other_edit_as_a_conflict(
    live_server: LiveServer, tmp_path: Path
) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen") as (a, b):
        client_id, _ = add_case(a)
        a.sync()
        b.sync()
        edit(b, Client, client_id, work_history="餐飲業三年")
        b.sync()

        def type_while_syncing(progress: Progress) -> None:
            if progress.phase == "apply":  # pages pulled, not yet applied: the user types into the same field
                edit(a, Client, client_id, work_history="清潔工作兩年")

        report = sync(a.store, on_progress=type_while_syncing)
        assert report.kept_local == 1 and report.pending == 1
        assert value(a, Client, client_id, "work_history") == "清潔工作兩年"
        a.sync()
        b.sync()
        for laptop in (a, b):
            (conflict,) = open_conflicts(laptop.store)
            assert (conflict.field, conflict.mine, conflict.theirs) == ("work_history", "清潔工作兩年", "餐飲業三年")
            assert value(laptop, Client, client_id, "work_history") == "餐飲業三年"


def test_logout_revokes_the_token_on_the_server_and_forgets_it_here(live_server: LiveServer, tmp_path: Path) -> None:
    with laptops(live_server, tmp_path, "cm.chen") as (laptop,):
        laptop.sync()
        token = load_token(laptop.store)
        logout(laptop.store)
        assert not sync_status(laptop.store).logged_in
        with pytest.raises(NotLoggedIn):
            laptop.sync()
        # the old token gets 401 (log in again), never device_revoked: a logout must not wipe the store
        with Transport(live_server.url, token) as transport, pytest.raises(NotLoggedIn):
            transport.get("/sync/changes")
        assert laptop.store.path.exists()


def test_the_children_of_a_refused_case_come_back_as_rejected_edits_and_never_wait_on_other_laptops(
    live_server: LiveServer, tmp_path: Path
) -> None:
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen") as (a, b):
        with a.store.transaction() as db:
            client = make_client(name="陳小華", id_number=make_national_id("A", 2, 7))
            case = make_case(client, owner="cm.lin")  # not cm.chen's to open: the server refuses it (scope)
            record = make_record(case)
            db.add_all([client, case, record])
            db.flush()
            db.add(attempt(case.id, "未接"))
        client_id, case_id, record_id = client.id, case.id, record.id
        report = a.sync()
        assert report.rejected == 3 and report.pending == 0  # the case, its record and its contact attempt
        codes = {edit.record_type: edit.code for edit in rejected_edits(a.store)}
        assert codes == {"case": "scope", "service_record": "anchor", "contact_attempt": "anchor"}
        assert all(edit.message_zh and edit.message_en for edit in rejected_edits(a.store))
        with a.store.transaction() as db:  # hidden here; the values live on in the rejected edits
            assert db.get_one(Case, case_id).deleted and db.get_one(ServiceRecord, record_id).deleted
            assert not db.get_one(Client, client_id).deleted
        other = b.sync()
        assert other.held_back == 0 and other.applied == 1  # the client alone: nothing waits for a parent
        with b.store.transaction() as db:
            assert db.get(Client, client_id) is not None and db.get(Case, case_id) is None
        again = a.sync()
        assert (again.rejected, again.held_back, again.repaired) == (0, 0, False)

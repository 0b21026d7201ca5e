"""The field-level three-way merge (app.sync.merge.merge_fields), case by case and as properties."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.sync.merge import FieldChange, FieldConflict, MergeStatus, merge_fields, same_value

SERVER = {"notes": "伺服器", "place": "辦公室", "deleted": False, "hours": 2}


def _changes(**fields: tuple[Any, Any]) -> dict[str, FieldChange]:
    return {name: FieldChange(base=base, new=new) for name, (base, new) in fields.items()}


def test_a_new_record_takes_every_field_as_sent() -> None:
    result = merge_fields(None, 0, 0, _changes(notes=(None, "新"), hours=(None, 1)))
    assert result.status is MergeStatus.APPLIED
    assert result.content == {"notes": "新", "hours": 1} and set(result.applied) == {"notes", "hours"}


def test_at_the_current_version_every_field_applies_even_over_a_stale_base() -> None:
    result = merge_fields(SERVER, 7, 7, _changes(notes=("whatever", "新"), place=("辦公室", "辦公室")))
    assert result.status is MergeStatus.APPLIED and result.conflicts == ()
    assert result.content["notes"] == "新" and result.applied == ("notes",)  # place did not change


def test_only_this_client_changed_a_field_so_it_applies() -> None:
    result = merge_fields(SERVER, 9, 7, _changes(place=("辦公室", "案家")))
    assert result.status is MergeStatus.MERGED
    assert result.content == {**SERVER, "place": "案家"}


def test_both_made_the_same_change() -> None:
    result = merge_fields(SERVER, 9, 7, _changes(notes=("舊", "伺服器")))
    assert result.status is MergeStatus.MERGED and not result.changed and result.content == SERVER


def test_both_changed_a_field_differently_so_the_server_keeps_its_value() -> None:
    result = merge_fields(SERVER, 9, 7, _changes(notes=("舊", "筆電"), place=("辦公室", "案家")))
    assert result.status is MergeStatus.CONFLICT
    assert result.conflicts == (FieldConflict("notes", "舊", "筆電", "伺服器"),)
    assert result.content == {**SERVER, "place": "案家"}


def test_a_tombstone_of_a_record_changed_since_is_a_conflict() -> None:
    result = merge_fields(SERVER, 9, 7, _changes(deleted=(False, True)))
    assert result.status is MergeStatus.CONFLICT
    assert result.conflicts == (FieldConflict("deleted", False, True, False),)
    assert result.content["deleted"] is False


def test_a_tombstone_at_the_current_version_applies() -> None:
    result = merge_fields(SERVER, 9, 9, _changes(deleted=(False, True)))
    assert result.status is MergeStatus.APPLIED and result.content["deleted"] is True


def test_an_edit_of_a_record_deleted_since_is_kept_and_asks_about_the_tombstone() -> None:
    deleted = {**SERVER, "deleted": True}
    result = merge_fields(deleted, 9, 7, _changes(place=("辦公室", "案家")))
    assert result.status is MergeStatus.CONFLICT
    assert result.conflicts == (FieldConflict("deleted", False, False, True),)
    assert result.content["place"] == "案家" and result.content["deleted"] is True


def test_booleans_are_not_numbers() -> None:
    assert not same_value(True, 1) and not same_value(0, False) and same_value(1, 1.0)
    assert not same_value([True], [1]) and same_value({"a": [1]}, {"a": [1]}) and not same_value("1", 1)
    result = merge_fields({"flag": 1}, 9, 7, _changes(flag=(True, False)))
    assert result.status is MergeStatus.CONFLICT


json_values = st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "a", "b", "王"])
FIELDS = ["a", "b", "c", "deleted"]
field_names = st.sampled_from(FIELDS)
records = st.fixed_dictionaries({name: json_values for name in FIELDS})
changes = st.dictionaries(field_names, st.tuples(json_values, json_values), max_size=4).map(
    lambda d: {name: FieldChange(base, new) for name, (base, new) in d.items()}
)


@given(current=records, ops=changes, versions=st.tuples(st.integers(0, 3), st.integers(0, 3)))
def test_no_edit_is_ever_dropped_silently(
    current: dict[str, Any], ops: dict[str, FieldChange], versions: tuple[int, int]
) -> None:
    current_version, base_version = versions
    result = merge_fields(current, current_version, base_version, ops)
    conflicted = {c.field: c for c in result.conflicts}
    for name, change in ops.items():
        if same_value(result.content[name], change.new):
            continue
        assert name in conflicted, name  # not applied, so it must be a visible conflict
        assert same_value(conflicted[name].mine, change.new) and same_value(conflicted[name].theirs, current[name])
        assert same_value(result.content[name], current[name])  # the server kept its value
    for name in current.keys() - ops.keys():
        assert result.content[name] == current[name]  # fields the op does not carry are kept


@given(current=records, ops=changes)
def test_an_unchanged_record_takes_the_op_whatever_its_version(
    current: dict[str, Any], ops: dict[str, FieldChange]
) -> None:
    """When the server still holds every base (and the record is not a tombstone), nothing clashes."""
    current = {**current, "deleted": False}
    based = {name: FieldChange(current[name], change.new) for name, change in ops.items() if name != "deleted"}
    result = merge_fields(current, 5, 3, based)
    assert result.conflicts == ()
    assert all(same_value(result.content[name], change.new) for name, change in based.items())


@given(current=records, ops=changes)
def test_pushing_the_same_op_again_changes_nothing(current: dict[str, Any], ops: dict[str, FieldChange]) -> None:
    first = merge_fields(current, 5, 3, ops)
    again = merge_fields(first.content, 6, 3, ops)
    assert not again.changed
    assert {c.field for c in again.conflicts} <= {c.field for c in first.conflicts}

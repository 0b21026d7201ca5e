"""服務對象日報: people served on a day by 特定對象身分 and case manager, as a table and a workbook."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import openpyxl
import pytest

from app.errors import ValidationError
from app.models import ContactAttempt
from app.models.enums import ContactMode, ContactOutcome, RecordStatus
from app.services.daily_report import NO_TARGET_GROUP, daily_report, table, write_daily_workbook
from app.store.store import Store
from tests.factories import make_case, make_client, make_record


def test_the_daily_report_counts_people_by_target_group(store: Store) -> None:
    day = date(2026, 11, 20)
    with store.transaction() as db:
        a = make_case(make_client(name="甲", target_groups=["disabled", "middle_aged_elderly"]), owner="cm.a")
        b = make_case(make_client(name="乙", id_number="B123456780", target_groups=["disabled"]), owner="cm.b")
        c = make_case(make_client(name="丙", id_number="C123456781", target_groups=[]), owner="cm.b")
        d = make_case(make_client(name="丁", id_number="D123456782", target_groups=["indigenous"]), owner="cm.a")
        db.add_all([a, b, c, d])
        db.flush()
        db.add_all(
            [
                make_record(a, held_on=day, status=RecordStatus.FINAL),
                make_record(a, held_on=day, status=RecordStatus.FINAL),  # twice: one person, two services
                make_record(b, held_on=day, status=RecordStatus.FINAL),
                make_record(d, held_on=day),  # a draft is not a service that happened
                make_record(d, held_on=date(2026, 11, 19), status=RecordStatus.FINAL),  # another day
                # 07:30 in Taipei on the 20th is 23:30 UTC on the 19th: it counts for the 20th.
                ContactAttempt(
                    case_id=c.id,
                    attempted_at=datetime(2026, 11, 19, 23, 30, tzinfo=UTC),
                    channel=ContactMode.PHONE,
                    outcome=ContactOutcome.REACHED,
                ),
                ContactAttempt(
                    case_id=d.id,
                    attempted_at=datetime(2026, 11, 20, 3, tzinfo=UTC),
                    channel=ContactMode.PHONE,
                    outcome=ContactOutcome.NO_ANSWER,
                ),
            ]
        )
    with store.transaction() as db:
        report = daily_report(db, day)
    assert report.owners == ("cm.a", "cm.b")
    assert [(r.code, dict(r.by_owner), r.total) for r in report.rows] == [
        ("middle_aged_elderly", {"cm.a": 1, "cm.b": 0}, 1),
        ("disabled", {"cm.a": 1, "cm.b": 1}, 2),
        (NO_TARGET_GROUP, {"cm.a": 0, "cm.b": 1}, 1),
    ]
    assert (dict(report.people), report.people_total) == ({"cm.a": 1, "cm.b": 2}, 3)
    assert (dict(report.services), report.services_total) == ({"cm.a": 2, "cm.b": 2}, 4)
    assert report.case_ids("cm.b", None) == sorted([b.id, c.id], key=str)
    assert report.case_ids(None, "disabled") == sorted([a.id, b.id], key=str)

    header, body = table(report)
    assert header == ["特定對象身分", "cm.a", "cm.b", "合計"]
    assert body[-2:] == [["服務人數（不重複）", 1, 2, 3], ["服務人次", 2, 2, 4]]
    out = io.BytesIO()
    write_daily_workbook(report, out)
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1] == ["服務日期：民國115年11月20日", None, None, None]
    assert rows[2] == header and rows[3] == ["中高齡者", 1, 0, 1]

    with store.transaction() as db:
        two_days = daily_report(db, date(2026, 11, 19), day)
    assert two_days.people_total == 4  # 丁 on the 19th as well


def test_the_daily_report_refuses_a_long_or_backward_period(store: Store) -> None:
    with pytest.raises(ValidationError), store.transaction() as db:
        daily_report(db, date(2026, 11, 20), date(2026, 11, 19))
    with pytest.raises(ValidationError), store.transaction() as db:
        daily_report(db, date(2026, 1, 1), date(2026, 3, 1))

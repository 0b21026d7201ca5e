"""移案摘要 in both languages: Chinese for the record kept with the case, English for an English interface."""

from __future__ import annotations

import re
from datetime import date

from app.models import Case, Employment, PlanItem, Referral
from app.models.enums import IntakeDecision, PlanPart, RecordStatus, ReferralKind
from app.services import workflow
from app.services.agenda import due_items
from app.services.cases import load_case
from app.services.handover import handover_summary
from app.store.store import Store
from tests.factories import make_case, make_client, make_record

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def working_case(store: Store) -> Case:
    with store.transaction() as db:
        case = make_case(make_client(name="Lee Ah-hua", id_number="A223456781"), owner="cm.chen")
        workflow.record_intake_assessment(case, date(2025, 3, 5), "ok")
        workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
        plan = workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 30), "Store clerk")
        PlanItem(plan=plan, part=PlanPart.PRE_EMPLOYMENT, service_kind="vocational_evaluation")
        db.add(case)
        db.add(make_record(case, held_on=date(2025, 3, 20), status=RecordStatus.FINAL, notes="Talked about it"))
        db.add(Referral(case=case, service_kind="vocational_evaluation", sent_on=date(2025, 3, 21)))
        db.add(
            Referral(
                case=case, kind=ReferralKind.JOB, employer="7-Eleven", job_title="Clerk", sent_on=date(2025, 3, 22)
            )
        )
        db.add(
            Employment(
                case=case, employer="FamilyMart", job_title="Clerk", start_on=date(2025, 4, 1), hours_per_week=30
            )
        )
    return case


def test_the_summary_in_chinese_and_in_english(store: Store) -> None:
    case = working_case(store)
    with store.transaction() as db:
        due = [i for i in due_items(db, date(2025, 4, 10), owners=["cm.chen"]) if i.case_id == case.id]
        summary = handover_summary(load_case(db, case.id), due)
    assert due
    chinese, english = summary.as_text(), summary.as_text("en")
    assert chinese == summary.as_text("zh-TW")
    assert "方案／階段：職業重建個案管理／" in chinese and "開案日：民國114年3月6日" in chinese
    assert "職業輔導評量（待回覆）" in chinese and "7-Eleven（待回覆）" in chinese
    assert "目前就業：FamilyMart Clerk（民國114年4月1日起）" in chinese and "114/03/20 Talked about it" in chinese
    assert "Programme / stage: VR case management / " in english and "Opened: 2025-03-06" in english
    assert "Services in progress: " in english and "(awaiting reply)" in english and "7-Eleven" in english
    assert "Current job: FamilyMart Clerk (since 2025-04-01)" in english and "2025-03-20 Talked about it" in english
    assert due[0].title_en in english and due[0].title_zh in chinese
    assert CJK.findall(english) == []  # every label in English; only what the case manager typed stays as typed

"""Printing: forms and letters as PDF (DESIGN.md, "Printing"). No Qt here; the views call this API.

    views = [build_view(session, "service_plan", PrintOptions(case_id=case_id)) for case_id in chosen]
    report = render("service_plan", views, Path("plans.pdf"), AgencyInfo("某某職業重建服務窗口"))

    print_supervision_notes(session, note_ids, Path("督導紀錄.pdf"), agency)   # 督導紀錄表, one or many records
    print_daily_report(daily_report(session, first, last), Path("日報.pdf"), agency)  # 服務對象日報

`list_forms()` lists what can be printed; `form_info(doc_id).subject` says what a document is about: a case, a
month, a supervision record or a daily report's days.
"""

from app.printing.build import PrintOptions, build_note_views, build_view, build_views
from app.printing.fonts import BundledFont, bundled_font, register_fonts
from app.printing.render import MissingCharacter, RenderReport, render
from app.printing.team import print_daily_report, print_supervision_notes
from app.printing.templates import FormTemplate, TemplateError, list_forms, load_template
from app.printing.views import (
    AgencyInfo,
    CaseDocument,
    DailyDocument,
    DocumentView,
    MonthDocument,
    Signatures,
    SupervisionDocument,
)

form_info = load_template

__all__ = [
    "AgencyInfo",
    "BundledFont",
    "CaseDocument",
    "DailyDocument",
    "DocumentView",
    "FormTemplate",
    "MissingCharacter",
    "MonthDocument",
    "PrintOptions",
    "RenderReport",
    "Signatures",
    "SupervisionDocument",
    "TemplateError",
    "build_note_views",
    "build_view",
    "build_views",
    "bundled_font",
    "form_info",
    "list_forms",
    "load_template",
    "print_daily_report",
    "print_supervision_notes",
    "register_fonts",
    "render",
]
